// The filtered list of answers as CSV (same filters as /responses). Meant to be safe to publish: redacted text,
// confidential respondents' text and organisation withheld, formula-like cells neutralised.
import { openReader } from '$lib/server/db';
import { publishableAnswerRows, PUBLISHABLE_COLUMNS } from '$lib/server/db/exports';
import { buildFilter, filterValues } from '$lib/server/filters';
import { csvStream } from '$lib/server/stream-csv';
import { filteredName } from '$lib/file-name';

export function GET({ url }) {
	const reader = openReader();
	// The filter's own SQL, not the pages' in-memory respondent sets: those belong to the pages' connection and may be
	// of another moment than this connection's snapshot. Answer-level filters cost under a second at 1M answers here.
	const filter = buildFilter(reader, url.searchParams);
	const rows = () => publishableAnswerRows(reader, filter);
	return csvStream(reader, [...PUBLISHABLE_COLUMNS], rows, `${filteredName('responses', filterValues(filter))}.csv`);
}

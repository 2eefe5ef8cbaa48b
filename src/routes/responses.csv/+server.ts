// The filtered list of answers as CSV (same filters as /responses). Meant to be safe to publish: redacted text,
// confidential respondents' text and organisation withheld, formula-like cells neutralised.
import { toCsv } from '$lib/csv-safe';
import { getDb } from '$lib/server/db';
import { publishableAnswers, PUBLISHABLE_COLUMNS } from '$lib/server/db/exports';
import { buildFilter } from '$lib/server/filters';
import { withRespondentSet } from '$lib/server/filter-set';

export function GET({ url }) {
	const db = getDb();
	const f = withRespondentSet(db, buildFilter(db, url.searchParams));
	const body = toCsv([...PUBLISHABLE_COLUMNS], publishableAnswers(db, f)) + '\r\n';
	return new Response('\uFEFF' + body, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="responses.csv"' }
	});
}

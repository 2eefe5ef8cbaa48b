// The stakeholder tracker as CSV, with the same filters as the page: one row per organisation, per question whether
// it answered, its closed answer (closed questions only), stance and themes (their ids, and their names in order).
import { toCsv } from '$lib/csv-safe';
import { getDb } from '$lib/server/db';
import { questions } from '$lib/server/db/questions';
import { stakeholders } from '$lib/server/db/stakeholders';
import { buildFilter, filterValues } from '$lib/server/filters';
import { withRespondentSet } from '$lib/server/filter-set';
import { filteredName } from '$lib/file-name';

export function GET({ url }) {
	const db = getDb();
	const qs = questions(db);
	const themeLabel = new Map(db.prepare('SELECT id, label FROM theme').raw().all() as [string, string][]);
	const filter = buildFilter(db, url.searchParams);
	const rows = stakeholders(db, withRespondentSet(db, filter)).map((s) => {
		const row: Record<string, unknown> = { response_id: s.responseId, organisation: s.name, sector: s.sector };
		for (const q of qs) {
			const c = s.cells.get(q.id);
			row[`${q.id}_answered`] = c ? 'yes' : 'no';
			// Only the choice itself: "answered" among "Yes", "No" and "Not sure" read as a fourth answer.
			if (q.type === 'closed') row[`${q.id}_choice`] = c?.choice ?? '';
			row[`${q.id}_stance`] = c?.stance ?? '';
			row[`${q.id}_themes`] = c ? c.themes.join(';') : '';
			row[`${q.id}_theme_labels`] = c ? c.themes.map((t) => themeLabel.get(t) ?? t).join('; ') : '';
		}
		return row;
	});
	const fields = ['response_id', 'organisation', 'sector', ...qs.flatMap((q) => [`${q.id}_answered`, ...(q.type === 'closed' ? [`${q.id}_choice`] : []), `${q.id}_stance`, `${q.id}_themes`, `${q.id}_theme_labels`])];
	return new Response('\uFEFF' + toCsv(fields, rows) + '\r\n', {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filteredName('stakeholders', filterValues(filter))}.csv"` }
	});
}

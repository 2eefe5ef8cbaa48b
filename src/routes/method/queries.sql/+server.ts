// Every audit query in one SQL file, each under a comment saying what it gives and where the page shows it.
import { AUDIT_QUERIES } from '$lib/audit-queries';

export function GET() {
	const body = [
		'-- The queries that reproduce the numbers consult-lens shows, with no filter. Run them on a copy of the database,',
		'-- for example: sqlite3 -readonly consultation.db < queries.sql',
		'-- A query with a parameter needs it set first, for example: .parameter set :question "\'q5\'"',
		'',
		...AUDIT_QUERIES.map((q) =>
			[
				`-- ${q.title} (${q.id})`,
				`-- Shown on: ${q.shows}. Counts ${q.unit}.`,
				...Object.entries(q.parameters ?? {}).map(([name, p]) => `-- :${name} is ${p.means}. Its values: ${p.values.replace(/\s+/g, ' ')}`),
				`${q.sql.trim()};`,
				''
			].join('\n')
		)
	].join('\n');
	return new Response(body, {
		headers: { 'content-type': 'application/sql; charset=utf-8', 'content-disposition': 'attachment; filename="consult-lens-queries.sql"' }
	});
}

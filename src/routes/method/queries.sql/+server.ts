// Every audit query in one file for the sqlite3 program: each printed under its title, with its rows' headings, and
// one with a parameter set to an example value first (any other value of it can be set in its place).
import { AUDIT_QUERIES, FILTER_RECIPE } from '$lib/audit-queries';
import { getReadDb } from '$lib/server/db';

/** A value as sqlite3's .parameter command takes it: an SQL literal, in double quotes for the shell. */
const literal = (value: unknown) => (typeof value === 'number' ? String(value) : `"'${String(value).replace(/'/g, "''").replace(/"/g, '')}'"`);

export function GET() {
	const db = getReadDb();
	const body = [
		'-- The queries that reproduce the numbers consult-lens shows, with no filter. Run them on a copy of the database:',
		'--   sqlite3 -readonly consultation.db < consult-lens-queries.sql',
		'-- To run them over a filter\'s respondents, make these views first (here: Health, raising "consent"):',
		...FILTER_RECIPE.split('\n').map((l) => `--   ${l}`),
		'.headers on',
		'.mode box',
		'',
		...AUDIT_QUERIES.map((q) => {
			const parameters = Object.entries(q.parameters ?? {});
			return [
				`.print "${q.title.replace(/"/g, "'")} (${q.id})"`,
				`-- Shown on: ${q.shows}. Counts ${q.unit}.`,
				...parameters.flatMap(([name, p]) => {
					const example = db.prepare(p.values).pluck().get();
					return [
						`-- :${name} is ${p.means}; every value: ${p.values.replace(/\s+/g, ' ')}`,
						// A database with no value of it (no closed question, say) has no example: the query then gives no rows.
						example === undefined || example === null ? `-- (this database has no value of :${name})` : `.parameter set :${name} ${literal(example)}`
					];
				}),
				`${q.sql.trim()};`,
				...(parameters.length ? ['.parameter clear'] : []),
				''
			].join('\n');
		})
	].join('\n');
	return new Response(body, {
		headers: { 'content-type': 'application/sql; charset=utf-8', 'content-disposition': 'attachment; filename="consult-lens-queries.sql"' }
	});
}

// The analysts' full export (original text, confidential respondents included): logged in the audit log.
import { toCsv } from '$lib/csv-safe';
import { audit } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { ANSWER_EXPORT_COLUMNS, answerExportRows } from '$lib/server/db/exports';

export function GET({ locals }) {
	const db = getDb();
	const rows = answerExportRows(db);
	audit(db, locals.user!.username, 'full export', 'answers.csv', { rows: rows.length });
	return new Response('\uFEFF' + toCsv([...ANSWER_EXPORT_COLUMNS], rows) + '\r\n', {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="answers-full.csv"' }
	});
}

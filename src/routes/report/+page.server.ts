import { fail } from '@sveltejs/kit';
import { audit } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/access';
import { questions } from '$lib/server/db/questions';

export function load({ url }) {
	const db = getDb();
	const saved = (db.prepare('SELECT question_id, findings, include_charts FROM report_text').all() as { question_id: string; findings: string; include_charts: number }[]);
	return {
		questions: questions(db).map((q) => {
			const s = saved.find((x) => x.question_id === q.id);
			return { id: q.id, text: q.text, findings: s?.findings ?? '', includeCharts: (s?.include_charts ?? 1) === 1 };
		}),
		saved: url.searchParams.has('saved')
	};
}

export const actions = {
	save: async ({ request, locals }) => {
		const user = requireRole(locals.user, 'analyst');
		const db = getDb();
		const form = await request.formData();
		const ids = questions(db).map((q) => q.id);
		const upsert = db.prepare(
			`INSERT INTO report_text (question_id, findings, include_charts, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT(question_id) DO UPDATE SET findings = excluded.findings, include_charts = excluded.include_charts,
				updated_by = excluded.updated_by, updated_at = excluded.updated_at`
		);
		// Line breaks arrive as \r\n, which the browser's own limit counts as one character: counted and kept as \n.
		const findings = (id: string) => String(form.get(`findings:${id}`) ?? '').replace(/\r\n?/g, '\n');
		const tooLong = ids.find((id) => findings(id).length > 5000);
		if (tooLong)
			// Everything typed comes back with the error, in every field, not only the one that is too long.
			return fail(400, {
				message: `Key findings for ${tooLong.toUpperCase()} must be at most 5,000 characters`,
				field: tooLong,
				values: Object.fromEntries(ids.map((id) => [id, { findings: findings(id), charts: form.get(`charts:${id}`) === 'yes' }]))
			});
		db.transaction(() => {
			for (const id of ids) {
				upsert.run(id, findings(id).trim(), form.get(`charts:${id}`) === 'yes' ? 1 : 0, user.username, new Date().toISOString());
			}
			audit(db, user.username, 'report text saved', 'summary of responses', {});
		})();
		return { saved: true };
	}
};

import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/access';
import { question } from '$lib/server/db/questions';
import { answerResponseId, progress, queue, reviewItem, saveDecision, uncorrectedChoice, UNCORRECTED, type Decision } from '$lib/server/db/review';

const STANCES = ['support', 'oppose', 'mixed', 'neutral'];

export function load({ params, url }) {
	const db = getDb();
	const q = question(db, params.question);
	if (!q) error(404, 'There is no such question');
	const next = queue(db, q.id, 10);
	const requested = Number(url.searchParams.get('answer'));
	const id = Number.isInteger(requested) && requested > 0 ? requested : next[0]?.id;
	const item = id ? reviewItem(db, id) : undefined;
	if (id && (!item || item.questionId !== q.id)) error(404, 'That answer is not in this question');
	const sectors = db.prepare('SELECT id, label FROM sector ORDER BY position').all() as { id: string; label: string }[];
	// The answer just saved, by the response it belongs to (answers' own ids are internal).
	const savedId = Number(url.searchParams.get('saved'));
	const saved = Number.isInteger(savedId) && savedId > 0 ? { answerId: savedId, responseId: answerResponseId(db, savedId) } : null;
	return { question: q, item, queue: next, saved: saved?.responseId ? saved : null, progress: progress(db).find((p) => p.question === q.id)!, sectors, stances: STANCES, uncorrected: UNCORRECTED, undo: item ? uncorrectedChoice(db, item.responseId) : null };
}

export const actions = {
	decide: async ({ request, params, locals }) => {
		const user = requireRole(locals.user, 'analyst');
		const db = getDb();
		const form = await request.formData();
		const answerId = Number(form.get('answer'));
		const item = reviewItem(db, answerId);
		if (!item || item.questionId !== params.question) return fail(400, { message: 'That answer is not in this question' });
		const themes: Decision['themes'] = {};
		const known = new Set(item.themes.map((t) => t.id));
		for (const [key, value] of form) {
			if (key.startsWith('theme:') && known.has(key.slice(6)) && (value === 'accept' || value === 'reject')) themes[key.slice(6)] = value;
			if (key === 'add' && known.has(String(value))) themes[String(value)] = 'accept';
		}
		const stance = String(form.get('stance') ?? '');
		const sector = String(form.get('sector') ?? '');
		const sectors = new Set((db.prepare('SELECT id FROM sector').pluck().all() as string[]));
		saveDecision(db, user, answerId, {
			themes,
			stance: STANCES.includes(stance) ? stance : null,
			sector: sector === UNCORRECTED || sectors.has(sector) ? sector : null,
			campaign: form.get('campaign') === 'yes',
			campaignWas: form.has('campaignWas') ? form.get('campaignWas') === 'yes' : undefined
		});
		redirect(303, `/review/${params.question}?saved=${answerId}`);
	}
};

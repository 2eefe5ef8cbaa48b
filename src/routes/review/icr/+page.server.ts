import { error, fail } from '@sveltejs/kit';
import { can } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/access';
import { createSample, nextTask, results, saveCode } from '$lib/server/db/icr';

export function load({ locals }) {
	const db = getDb();
	const user = locals.user!;
	return {
		task: nextTask(db, user.id),
		results: results(db),
		themes: db.prepare('SELECT id, label FROM theme ORDER BY position').all() as { id: string; label: string }[],
		isAdmin: can(user, 'admin'),
		analysts: can(user, 'admin') ? (db.prepare("SELECT id, username FROM app_user WHERE role IN ('analyst', 'admin') AND disabled = 0 ORDER BY username").all() as { id: number; username: string }[]) : []
	};
}

export const actions = {
	code: async ({ request, locals }) => {
		const user = requireRole(locals.user, 'analyst');
		const form = await request.formData();
		try {
			saveCode(getDb(), user, Number(form.get('sample')), Number(form.get('answer')), form.getAll('theme').map(String));
		} catch (e) {
			return fail(400, { message: (e as Error).message });
		}
		return { coded: true };
	},
	draw: async ({ request, locals }) => {
		const user = requireRole(locals.user, 'analyst');
		if (!can(locals.user, 'admin')) error(403, 'Only an administrator can draw a double-coding sample');
		const form = await request.formData();
		try {
			const id = createSample(getDb(), user, Number(form.get('coderA')), Number(form.get('coderB')), Number(String(form.get('size') ?? '').replace(/[\s,]/g, '')));
			return { drawn: id };
		} catch (e) {
			return fail(400, { message: (e as Error).message });
		}
	}
};

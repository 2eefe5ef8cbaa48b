import { error, fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/access';
import { respondent } from '$lib/server/db/responses';
import { ANNEX_NAME_MAX, annexEntry, decideAnnex, type AnnexChoice } from '$lib/server/report/annex';

export function load({ params, locals, url }) {
	const db = getDb();
	const r = respondent(db, params.id);
	if (!r) error(404, 'There is no response with that reference');
	// How the summary of responses names this respondent is for analysts, who decide it.
	const annex = can(locals.user, 'analyst') ? annexEntry(db, params.id)! : null;
	return { respondent: r, annex, annexNameMax: ANNEX_NAME_MAX, saved: url.searchParams.has('saved') };
}

export const actions = {
	annex: async ({ request, params, locals, url }) => {
		const user = requireRole(locals.user, 'analyst');
		const form = await request.formData();
		const decision = String(form.get('decision') ?? '');
		const name = String(form.get('name') ?? '');
		const choice: AnnexChoice | null =
			decision === 'name' ? { decision, name } : decision === 'withhold' || decision === 'rules' ? { decision } : null;
		const problem = choice ? decideAnnex(getDb(), user, params.id, choice) : 'Select whether to name this organisation';
		if (problem) return fail(400, { problem, field: problem.startsWith('Select') ? 'decision-name' : 'annex-name', decision, name });
		// Back to the page as it was opened (the filters of the list it came from), saying it was saved.
		const back = new URLSearchParams([...url.searchParams].filter(([k]) => !k.startsWith('/') && k !== 'saved'));
		back.set('saved', '1');
		redirect(303, `/responses/${encodeURIComponent(params.id)}?${back}`);
	}
};

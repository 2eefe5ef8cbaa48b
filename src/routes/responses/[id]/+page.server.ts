import { error, fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/access';
import { respondent } from '$lib/server/db/responses';
import { saveSector, uncorrectedChoice, UNCORRECTED } from '$lib/server/db/review';
import { ANNEX_NAME_MAX, annexEntry, decideAnnex, type AnnexChoice } from '$lib/server/report/annex';

export function load({ params, locals, url }) {
	const db = getDb();
	const r = respondent(db, params.id);
	if (!r) error(404, 'There is no response with that reference');
	// How the summary of responses names this respondent is for analysts, who decide it.
	const analyst = can(locals.user, 'analyst');
	const annex = analyst ? annexEntry(db, params.id)! : null;
	// Analysts correct the respondent's sector here too, as on the review page.
	const sectors = analyst ? (db.prepare('SELECT id, label FROM sector ORDER BY position').all() as { id: string; label: string }[]) : [];
	// What was just saved, for the success banner: only for analysts, who save.
	const saved = analyst ? url.searchParams.get('saved') : null;
	const undo = analyst ? uncorrectedChoice(db, params.id) : null;
	return { respondent: r, annex, annexNameMax: ANNEX_NAME_MAX, sectors, uncorrected: UNCORRECTED, undo, saved: saved === 'annex' || saved === 'sector' ? saved : null };
}

export const actions = {
	annex: async ({ request, params, locals, url }) => {
		const user = requireRole(locals.user, 'analyst');
		const form = await request.formData();
		const decision = String(form.get('decision') ?? '');
		const name = String(form.get('name') ?? '');
		const checked = form.get('checked') === 'yes';
		const choice: AnnexChoice | null =
			decision === 'name' ? { decision, name, checked } : decision === 'withhold' || decision === 'rules' ? { decision } : null;
		const opened = form.has('version') ? String(form.get('version')) : undefined;
		const refused = choice ? decideAnnex(getDb(), user, params.id, choice, opened) : { problem: 'Select how the annex should name this organisation', field: 'decision-name' as const };
		if (refused) return fail(400, { form: 'annex' as const, ...refused, decision, name, checked });
		saved(url, params.id, 'annex');
	},
	sector: async ({ request, params, locals, url }) => {
		const user = requireRole(locals.user, 'analyst');
		const form = await request.formData();
		const problem = saveSector(getDb(), user, params.id, String(form.get('sector') ?? ''));
		if (problem) return fail(400, { form: 'sector' as const, problem, field: 'sector', decision: '', name: '', checked: false });
		saved(url, params.id, 'sector');
	}
};

/** Back to the page as it was opened (the filters of the list it came from), saying what was saved. */
function saved(url: URL, id: string, what: 'annex' | 'sector'): never {
	const back = new URLSearchParams([...url.searchParams].filter(([k]) => !k.startsWith('/') && k !== 'saved'));
	back.set('saved', what);
	redirect(303, `/responses/${encodeURIComponent(id)}?${back}`);
}

import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/access';
import { codeframe, LabelTaken, mergeThemes, parseList, saveTheme, splitTheme, themeProblems, type FieldProblem, type ThemeEdit } from '$lib/server/db/codeframe';

export function load() {
	return { themes: codeframe(getDb()) };
}

function themeFrom(form: FormData, prefix = ''): ThemeEdit {
	return {
		id: String(form.get(`${prefix}id`) ?? '').trim(),
		label: String(form.get(`${prefix}label`) ?? ''),
		definition: String(form.get(`${prefix}definition`) ?? ''),
		terms: parseList(String(form.get(`${prefix}terms`) ?? '')),
		phrases: parseList(String(form.get(`${prefix}phrases`) ?? ''))
	};
}

/** Which form was sent (and for an edit, which theme), so the page can show its errors beside its own fields. */
type FormId = 'create' | 'split' | `save:${string}` | 'merge';

/** What was typed, as typed, so a form that failed comes back filled in. */
function typed(form: FormData, prefix = '') {
	const value = (name: string) => String(form.get(`${prefix}${name}`) ?? '');
	return { id: value('id').trim(), label: value('label'), definition: value('definition'), terms: value('terms'), phrases: value('phrases') };
}

function failed(formId: FormId, errors: FieldProblem[] | { field: null; message: string }[], values?: ReturnType<typeof typed>) {
	return fail(400, { formId, errors, values });
}

async function attempt(formId: FormId, t: ThemeEdit, values: ReturnType<typeof typed>, fn: () => void, done: string) {
	const problems = themeProblems(t);
	if (problems.length) return failed(formId, problems, values);
	try {
		fn();
		return { done };
	} catch (e) {
		// A label another theme has; the rest concern the id: one already taken, or a theme that has gone.
		return failed(formId, [{ field: e instanceof LabelTaken ? 'label' : 'id', message: (e as Error).message }], values);
	}
}

export const actions = {
	save: async ({ request, locals }) => {
		const user = requireRole(locals.user, 'admin');
		const form = await request.formData();
		const t = themeFrom(form);
		return attempt(`save:${t.id}`, t, typed(form), () => saveTheme(getDb(), user, t, false), `Saved ${t.label}. Run the analysis again to apply new seed terms.`);
	},
	create: async ({ request, locals }) => {
		const user = requireRole(locals.user, 'admin');
		const form = await request.formData();
		const t = themeFrom(form);
		return attempt('create', t, typed(form), () => saveTheme(getDb(), user, t, true), `Added ${t.label}. Run the analysis again to tag answers with it: until then it has none.`);
	},
	merge: async ({ request, locals }) => {
		const user = requireRole(locals.user, 'admin');
		const form = await request.formData();
		const from = String(form.get('from') ?? '');
		const into = String(form.get('into') ?? '');
		// A merge removes a theme and cannot be undone from the app: the first post asks, the second (confirmed) merges.
		if (form.get('confirm') !== 'yes') {
			const themes = codeframe(getDb());
			const a = themes.find((t) => t.id === from);
			const b = themes.find((t) => t.id === into);
			if (!a || !b) return failed('merge', [{ field: null, message: `There is no theme ${a ? into : from}` }]);
			if (from === into) return failed('merge', [{ field: null, message: 'Choose two different themes to merge' }]);
			return { confirmMerge: { from: a.id, fromLabel: a.label, into: b.id, intoLabel: b.label, answers: a.answers } };
		}
		try {
			// Read once: the codeframe comes with every theme's answer count.
			const themes = codeframe(getDb());
			const [fromLabel, intoLabel] = [from, into].map((id) => themes.find((t) => t.id === id)?.label ?? id);
			mergeThemes(getDb(), user, from, into);
			return { done: `Merged ${fromLabel} into ${intoLabel}; its tags moved with it. Run the analysis again to retrain the model on the new codeframe.` };
		} catch (e) {
			return failed('merge', [{ field: null, message: (e as Error).message }]);
		}
	},
	split: async ({ request, locals }) => {
		const user = requireRole(locals.user, 'admin');
		const form = await request.formData();
		const from = String(form.get('from') ?? '');
		const t = themeFrom(form, 'new-');
		const fromLabel = codeframe(getDb()).find((x) => x.id === from)?.label ?? from;
		return attempt(
			'split',
			t,
			typed(form, 'new-'),
			() => splitTheme(getDb(), user, from, t),
			`Created ${t.label} from ${fromLabel}. Until the analysis runs again it has a copy of the pipeline's tags of ${fromLabel} (not analysts' decisions); run it to tag answers with ${t.label} on its own.`
		);
	}
};

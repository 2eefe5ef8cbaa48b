import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/access';
import { codeframe, mergeThemes, parseList, saveTheme, splitTheme, type ThemeEdit } from '$lib/server/db/codeframe';

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

async function attempt(fn: () => void, done: string) {
	try {
		fn();
		return { done };
	} catch (e) {
		return fail(400, { message: (e as Error).message });
	}
}

export const actions = {
	save: async ({ request, locals }) => {
		const user = requireRole(locals.user, 'admin');
		const form = await request.formData();
		const t = themeFrom(form);
		return attempt(() => saveTheme(getDb(), user, t, false), `Saved ${t.label}. Run the analysis again to apply new seed terms.`);
	},
	create: async ({ request, locals }) => {
		const user = requireRole(locals.user, 'admin');
		const t = themeFrom(await request.formData());
		return attempt(() => saveTheme(getDb(), user, t, true), `Added ${t.label}.`);
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
			if (!a || !b) return fail(400, { message: `There is no theme ${a ? into : from}` });
			if (from === into) return fail(400, { message: 'Choose two different themes to merge' });
			return { confirmMerge: { from: a.id, fromLabel: a.label, into: b.id, intoLabel: b.label, answers: a.answers } };
		}
		return attempt(() => mergeThemes(getDb(), user, from, into), `Merged ${from} into ${into}; its tags moved with it.`);
	},
	split: async ({ request, locals }) => {
		const user = requireRole(locals.user, 'admin');
		const form = await request.formData();
		const from = String(form.get('from') ?? '');
		const t = themeFrom(form, 'new-');
		return attempt(() => splitTheme(getDb(), user, from, t), `Created ${t.label} from ${from}; its tags were copied for review.`);
	}
};

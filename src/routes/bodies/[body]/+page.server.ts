import { error } from '@sveltejs/kit';
import { questions } from '$lib/server/db/questions';
import { bodyName } from '$lib/server/db/stakeholders';
import { bodyGroupChoices, bodyGroupThemes } from '$lib/server/facts';
import { filtered } from '$lib/server/page';

export function load({ url, params }) {
	const { db, f, filter } = filtered(url);
	const name = bodyName(db, params.body);
	if (!name) error(404, 'No respondent named that professional body');
	return {
		filter,
		body: params.body,
		name,
		questions: questions(db).filter((q) => q.type === 'closed'),
		choices: bodyGroupChoices(db, f, params.body),
		themes: bodyGroupThemes(db, f, params.body)
	};
}

import { error } from '@sveltejs/kit';
import { questions } from '$lib/server/db/questions';
import { bodyName } from '$lib/server/db/stakeholders';
import { bodyChoiceTables, bodyThemeRows, BODY_GROUPS } from '$lib/server/body-tables';
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
		groups: BODY_GROUPS.map((g) => g.label),
		choices: bodyChoiceTables(
			questions(db).filter((q) => q.type === 'closed'),
			bodyGroupChoices(db, f, params.body)
		),
		themes: bodyThemeRows(bodyGroupThemes(db, f, params.body))
	};
}

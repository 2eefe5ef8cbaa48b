import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { respondent } from '$lib/server/db/responses';

export function load({ params }) {
	const r = respondent(getDb(), params.id);
	if (!r) error(404, 'There is no response with that reference');
	return { respondent: r };
}

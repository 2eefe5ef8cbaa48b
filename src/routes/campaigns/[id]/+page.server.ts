import { error } from '@sveltejs/kit';
import { campaigns } from '$lib/server/db/campaigns';
import { campaignAnswers } from '$lib/server/db/responses';
import { filtered, keepPageInRange, pageNumber } from '$lib/server/page';

const PAGE_SIZE = 20;

export function load({ url, params }) {
	const { db, f, filter } = filtered(url);
	const id = Number(params.id);
	const campaign = Number.isInteger(id) ? campaigns(db, f, { id }).items[0] : undefined;
	if (!campaign) error(404, 'There is no such campaign. A campaign keeps its address while the analysis finds it again with the same first answer; this one may have been taken apart since');
	const page = pageNumber(url);
	const answers = campaignAnswers(db, f, id, page, PAGE_SIZE);
	keepPageInRange(url, page, answers.total, PAGE_SIZE);
	return { filter, campaign, answers, page, pageSize: PAGE_SIZE };
}

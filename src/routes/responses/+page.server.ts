import { searchAnswers } from '$lib/server/db/responses';
import { filtered, keepPageInRange, pageNumber } from '$lib/server/page';

const PAGE_SIZE = 20;

export function load({ url }) {
	const { db, f, filter } = filtered(url);
	const page = pageNumber(url);
	const results = searchAnswers(db, f, page, PAGE_SIZE);
	keepPageInRange(url, page, results.total, PAGE_SIZE);
	return { filter, results, page, pageSize: PAGE_SIZE };
}

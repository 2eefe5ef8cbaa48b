import { searchAnswers } from '$lib/server/db/responses';
import { filtered, pageNumber } from '$lib/server/page';

const PAGE_SIZE = 20;

export function load({ url }) {
	const { db, f, filter } = filtered(url);
	const page = pageNumber(url);
	return { filter, results: searchAnswers(db, f, page, PAGE_SIZE), page, pageSize: PAGE_SIZE };
}

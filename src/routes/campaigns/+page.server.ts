import { campaigns } from '$lib/server/db/campaigns';
import { filtered, keepPageInRange, pageNumber } from '$lib/server/page';

const PAGE_SIZE = 20;

export function load({ url }) {
	const { db, f, filter } = filtered(url);
	const page = pageNumber(url);
	const list = campaigns(db, f, { page, pageSize: PAGE_SIZE });
	keepPageInRange(url, page, list.total, PAGE_SIZE);
	return { filter, campaigns: list, page, pageSize: PAGE_SIZE };
}

import { campaigns } from '$lib/server/db/campaigns';
import { filtered } from '$lib/server/page';

export function load({ url }) {
	const { db, f, filter } = filtered(url);
	return { filter, campaigns: campaigns(db, f).filter((c) => c.selected > 0) };
}

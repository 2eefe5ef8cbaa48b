import { bodiesTable } from '$lib/server/charts';
import { filtered } from '$lib/server/page';

export function load({ url }) {
	const { db, f, filter } = filtered(url);
	const table = bodiesTable(db, f);
	const keys = filter.options.body;
	return { filter, table, keys };
}

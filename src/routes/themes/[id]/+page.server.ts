import { error } from '@sveltejs/kit';
import { themeBodyTable, themeSectorTable, themeStanceTable } from '$lib/server/charts';
import { quotes } from '$lib/server/db/questions';
import { answersWithTheme } from '$lib/server/db/responses';
import { theme } from '$lib/server/db/themes';
import { filtered, keepPageInRange, pageNumber } from '$lib/server/page';

const PAGE_SIZE = 20;

export function load({ url, params }) {
	const { db, f, filter } = filtered(url);
	const t = theme(db, params.id);
	if (!t) error(404, 'There is no such theme');
	const page = pageNumber(url);
	const answers = answersWithTheme(db, f, t.id, page, PAGE_SIZE);
	keepPageInRange(url, page, answers.total, PAGE_SIZE);
	return {
		filter,
		theme: t,
		sectors: themeSectorTable(db, f, t.id),
		bodies: themeBodyTable(db, f, t.id),
		stance: themeStanceTable(db, f, t.id),
		quotes: quotes(db, f, { theme: t.id, limit: 6 }),
		answers,
		page,
		pageSize: PAGE_SIZE
	};
}

import { childrenSettingsTable, childrenThemesTable, childrenTopicsTable } from '$lib/server/charts';
import { getReadDb } from '$lib/server/db';
import { byAgeBand, comments } from '$lib/server/db/children';
import { themeList } from '$lib/server/db/themes';

export function load({ url }) {
	const db = getReadDb();
	const theme = url.searchParams.get('theme');
	const themes = themeList(db);
	const chosen = themes.find((t) => t.id === theme) ?? null;
	return {
		ages: byAgeBand(db),
		// The tables the CSV downloads give, so the page and its downloads cannot differ.
		settings: childrenSettingsTable(db),
		topics: childrenTopicsTable(db),
		themes: childrenThemesTable(db),
		themeOptions: themes,
		chosen,
		comments: comments(db, { theme: chosen?.id, limit: 40 })
	};
}

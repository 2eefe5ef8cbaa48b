import { eventFormsTable, eventRatingsTable, eventThemesTable } from '$lib/server/charts';
import { getReadDb } from '$lib/server/db';
import { eventComments, events } from '$lib/server/db/events';

export function load() {
	const db = getReadDb();
	const list = events(db);
	return {
		events: list.map((e) => ({ ...e, comments: eventComments(db, e.id, 4) })),
		forms: eventFormsTable(db),
		ratings: eventRatingsTable(db),
		themes: eventThemesTable(db)
	};
}

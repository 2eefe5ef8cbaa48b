import { questions } from '$lib/server/db/questions';
import { stakeholderCounts, stakeholders } from '$lib/server/db/stakeholders';
import { filtered, keepPageInRange, pageNumber } from '$lib/server/page';

const PAGE_SIZE = 100;

export function load({ url }) {
	const { db, f, filter } = filtered(url);
	const page = pageNumber(url);
	const counts = stakeholderCounts(db, f);
	keepPageInRange(url, page, counts.organisations, PAGE_SIZE);
	const rows = stakeholders(db, f, { number: page, size: PAGE_SIZE }).map((s) => ({ ...s, cells: Object.fromEntries(s.cells) }));
	const themeLabels = Object.fromEntries((db.prepare('SELECT id, label FROM theme').all() as { id: string; label: string }[]).map((t) => [t.id, t.label]));
	return { filter, questions: questions(db), rows, counts, page, pageSize: PAGE_SIZE, themeLabels };
}

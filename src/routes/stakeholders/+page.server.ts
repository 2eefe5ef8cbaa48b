import { questions } from '$lib/server/db/questions';
import { stakeholders } from '$lib/server/db/stakeholders';
import { filtered } from '$lib/server/page';

export function load({ url }) {
	const { db, f, filter } = filtered(url);
	const rows = stakeholders(db, f).map((s) => ({ ...s, cells: Object.fromEntries(s.cells) }));
	const themeLabels = Object.fromEntries((db.prepare('SELECT id, label FROM theme').all() as { id: string; label: string }[]).map((t) => [t.id, t.label]));
	return { filter, questions: questions(db), rows, themeLabels };
}

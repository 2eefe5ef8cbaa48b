import { error } from '@sveltejs/kit';
import { choicesTable, heatmapTable } from '$lib/server/charts';
import { campaigns } from '$lib/server/db/campaigns';
import { question, quotes } from '$lib/server/db/questions';
import { progress } from '$lib/server/db/review';
import { questionCounts } from '$lib/server/facts';
import { filtered } from '$lib/server/page';

export function load({ url, params }) {
	const { db, f, filter } = filtered(url);
	const q = question(db, params.id);
	if (!q) error(404, 'There is no such question');
	const counts = questionCounts(db, f).find((c) => c.question === q.id)!;
	return {
		filter,
		question: q,
		counts,
		choices: q.type === 'closed' ? choicesTable(db, f, q.id) : null,
		heatmap: heatmapTable(db, f, q.id),
		quotes: quotes(db, f, { question: q.id, limit: 6 }),
		campaigns: campaigns(db, f, { question: q.id, pageSize: 3 }),
		review: progress(db).find((p) => p.question === q.id) ?? { reviewed: 0, total: 0 }
	};
}

import { questionCounts } from '$lib/server/facts';
import { questions } from '$lib/server/db/questions';
import { choicesTable } from '$lib/server/charts';
import { filtered } from '$lib/server/page';

export function load({ url }) {
	const { db, f, filter } = filtered(url);
	const counts = questionCounts(db, f);
	return {
		filter,
		questions: questions(db).map((q) => {
			const c = counts.find((x) => x.question === q.id)!;
			const all = q.type === 'closed' ? choicesTable(db, f, q.id).rows[0] : null;
			return { ...q, answered: c.answered, withText: c.withText, all };
		})
	};
}

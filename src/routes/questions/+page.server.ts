import { questionCounts } from '$lib/server/facts';
import { questions } from '$lib/server/db/questions';
import { choicesTable } from '$lib/server/charts';
import { filtered } from '$lib/server/page';

export function load({ url }) {
	const { db, f, filter } = filtered(url);
	const counts = questionCounts(db, f);
	const list = questions(db);
	// Columns for the options when every closed question offers the same ones (Yes / No / Not sure); otherwise each
	// question's own options are listed in its row.
	const closed = list.filter((q) => q.type === 'closed');
	const sharedOptions = closed.length > 0 && closed.every((q) => JSON.stringify(q.options) === JSON.stringify(closed[0].options)) ? closed[0].options : null;
	return {
		filter,
		sharedOptions,
		questions: list.map((q) => {
			const c = counts.find((x) => x.question === q.id)!;
			const all = q.type === 'closed' ? choicesTable(db, f, q.id).rows[0] : null;
			// Each option's share of those who chose an answer: [label, n, count, share, count, share, ...].
			const shares = all ? q.options.map((option, i) => ({ option, share: all[3 + 2 * i] as number })) : null;
			// The base of those shares: the respondents who chose an answer (some answer a closed question in words only).
			return { ...q, answered: c.answered, withText: c.withText, chose: all ? (all[1] as number) : null, shares };
		})
	};
}

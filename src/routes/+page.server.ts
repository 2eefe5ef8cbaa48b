import { getDb } from '$lib/server/db';
import { answersByQuestion, respondentsBySector, totals } from '$lib/server/db/stats';

export function load() {
	const db = getDb();
	return {
		totals: totals(db),
		questions: answersByQuestion(db),
		sectors: respondentsBySector(db)
	};
}

// theme_hit, the table the charts count from, must hold exactly the rows of the answer_theme_effective view.
import { expect } from 'vitest';
import type { DB } from '../../src/lib/server/db/client';

export function expectThemeHitsInStep(db: DB) {
	const view = db
		.prepare(
			`SELECT e.answer_id, e.theme_id, e.source, e.confidence, a.respondent_id, a.question_id
			 FROM answer_theme_effective e JOIN answer a ON a.id = e.answer_id ORDER BY 1, 2`
		)
		.all();
	const table = db.prepare('SELECT answer_id, theme_id, source, confidence, respondent_id, question_id FROM theme_hit ORDER BY 1, 2').all();
	expect(view.length).toBeGreaterThan(0);
	expect(table).toEqual(view);
}

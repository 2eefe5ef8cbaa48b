// Professional bodies as the bundled data has none of them: bodies that responded and name no body, or another body.
// Made on a second connection inside a savepoint, checked, and rolled back.
import { expect } from 'vitest';
import { openDb, type DB } from '../../src/lib/server/db/client';

export function withUnusualBodies(path: string, check: (db: DB) => void, more: (db: DB) => void = () => {}) {
	const w = openDb(path);
	w.exec('SAVEPOINT bodies');
	try {
		const own = w.prepare("SELECT id FROM respondent WHERE known_organisation IN (SELECT abbreviation FROM organisation WHERE kind = 'professional-body') ORDER BY id").pluck().all() as number[];
		expect(own.length).toBeGreaterThan(4);
		w.prepare(`UPDATE respondent SET body = NULL WHERE id IN (${own.slice(0, 2).join(',')})`).run();
		w.prepare(`UPDATE respondent SET body = 'RCN' WHERE id IN (${own.slice(2, 4).join(',')})`).run();
		more(w);
		check(w);
	} finally {
		w.exec('ROLLBACK TO bodies; RELEASE bodies');
		w.close();
	}
}

// Page reads served from memory only while the database is unchanged, whoever changed it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedReads, ResultCache } from '../../src/lib/server/db/cache';
import { openDb } from '../../src/lib/server/db/client';

const dir = mkdtempSync(join(tmpdir(), 'consult-lens-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the page result cache', () => {
	const path = join(dir, 'c.db');
	const db = openDb(path);
	db.exec("INSERT INTO sector (id, label, position) VALUES ('s1', 'One', 1)");
	const cache = new ResultCache(db);
	const reads = cachedReads(db, cache);
	const count = () => reads.prepare('SELECT count(*) FROM sector').pluck().get() as number;

	it('answers a repeated read from memory, with the same result', () => {
		const before = cache.hits;
		expect(count()).toBe(1);
		expect(count()).toBe(1);
		expect(reads.prepare('SELECT id, label FROM sector ORDER BY id').all()).toEqual([{ id: 's1', label: 'One' }]);
		expect(cache.hits).toBe(before + 1);
	});

	it('reads afresh after a write on the same connection', () => {
		db.prepare("INSERT INTO sector (id, label, position) VALUES ('s2', 'Two', 2)").run();
		expect(count()).toBe(2);
	});

	it('reads afresh after another connection commits (an import or analyse from the command line)', () => {
		const other = openDb(path);
		other.prepare("INSERT INTO sector (id, label, position) VALUES ('s3', 'Three', 3)").run();
		other.close();
		expect(count()).toBe(3);
	});

	it('keeps parameters apart and passes writes and iteration through', () => {
		const label = reads.prepare('SELECT label FROM sector WHERE id = ?').pluck();
		expect(label.get('s1')).toBe('One');
		expect(label.get('s2')).toBe('Two');
		reads.prepare("UPDATE sector SET label = 'Uno' WHERE id = 's1'").run();
		expect(label.get('s1')).toBe('Uno');
		expect([...reads.prepare('SELECT id FROM sector ORDER BY id').pluck().iterate()]).toEqual(['s1', 's2', 's3']);
	});
});

// Page reads served from memory only while the database is unchanged, whoever changed it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedReads, ResultCache, writeBookkeeping } from '../../src/lib/server/db/cache';
import { audit, createSession, createUser, endSession, sessionUser, signIn } from '../../src/lib/server/auth';
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

	it('keeps its results through sign-ins, sign-outs and audit entries, which no page counts from', async () => {
		expect(count()).toBe(3);
		const user = await createUser(db, 'cache-reader', 'a long enough password 1', 'analyst');
		expect(count()).toBe(3);
		const hits = cache.hits;
		expect(await signIn(db, 'cache-reader', 'a long enough password 1')).toMatchObject({ username: 'cache-reader' });
		const { token } = createSession(db, user.id);
		audit(db, 'cache-reader', 'report downloaded', null, {});
		expect(count()).toBe(3);
		expect(cache.hits).toBe(hits + 1);
		// A real change in the same transaction as an audit entry still starts afresh.
		db.transaction(() => {
			db.prepare("INSERT INTO sector (id, label, position) VALUES ('s4', 'Four', 4)").run();
			audit(db, 'cache-reader', 'sector added', 's4', {});
		})();
		expect(count()).toBe(4);
		// Reads of the bookkeeping tables themselves are never kept: a session ended is seen at once.
		const signedIn = () => reads.prepare('SELECT count(*) FROM session').pluck().get() as number;
		expect(signedIn()).toBe(1);
		expect(sessionUser(reads, token)).toMatchObject({ username: 'cache-reader' });
		endSession(db, token);
		expect(signedIn()).toBe(0);
		expect(sessionUser(reads, token)).toBeNull();
		expect(writeBookkeeping(db, () => 7)).toBe(7);
	});

	it('counts bookkeeping through the cached reads exactly, so a later change is never mistaken for an earlier state', () => {
		// Bookkeeping written through the page reads (as a filter's temporary table is) reads the write count there:
		// it must be today's, not one kept from before a sign-in, or the version would step back to an earlier state.
		writeBookkeeping(reads, () => reads.exec('CREATE TEMP TABLE IF NOT EXISTS scratch (id INTEGER)'));
		const version = cache.version();
		audit(db, 'cache-reader', 'report downloaded', null, {});
		writeBookkeeping(reads, () => reads.exec('INSERT INTO temp.scratch VALUES (1), (2)'));
		expect(cache.version()).toBe(version);
		expect(count()).toBe(4);
		db.prepare("DELETE FROM sector WHERE id = 's4'").run();
		expect(cache.version()).not.toBe(version);
		expect(count()).toBe(3);
	});});

// Durability: a killed import leaves the old or the new state (never half), the database passes its integrity check,
// the import can simply be run again; readers are never blocked by a writer; backups restore.
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentChecksum, openDb } from '../../src/lib/server/db/client';
import { importFile } from '../../src/lib/import/run';
import { fixture, tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
beforeEach(async () => {
	t = tempDb();
	await importFile(t.db, 'responses', fixture('valid.csv'));
});
afterEach(() => t.cleanup());

function bigFile(rows: number): string {
	const path = join(t.dir, `big-${rows}.csv`);
	const lines = ['response_id,submitted_at,respondent_type,organisation,sector,confidential,q1,q1_text,q7_text'];
	for (let i = 0; i < rows; i++) lines.push(`K${i},2005-10-01,individual,,health,no,Yes,"Answer number ${i}, with a comma.",More training for answer ${i}.`);
	writeFileSync(path, lines.join('\n') + '\n');
	return path;
}

// node itself runs the import (tsx as a loader), so SIGKILL reaches the process doing the writing.
const cli = (...args: string[]) => spawn(process.execPath, ['--import', 'tsx', 'scripts/consult.ts', ...args], { stdio: 'ignore' });

describe('a killed import', () => {
	it('leaves the old state or the new one, passes integrity_check, and can be re-run', async () => {
		const file = bigFile(30_000);
		t.db.close();
		const before = (() => {
			const db = openDb(t.path);
			const sum = contentChecksum(db);
			db.close();
			return sum;
		})();
		// Kill at different points: early (parsing), middle (inserting), late (committing).
		let killedMidway = 0;
		for (const delay of [800, 1600, 2400, 3200, 4000]) {
			const child = cli('import', 'responses', file, '--db', t.path);
			const exited = new Promise((r) => child.once('exit', r));
			await Promise.race([exited, new Promise((r) => setTimeout(r, delay))]);
			child.kill('SIGKILL');
			await exited;
			const db = new Database(t.path);
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			const imported = db.prepare("SELECT count(*) FROM respondent WHERE response_id LIKE 'K%'").pluck().get() as number;
			expect([0, 30_000]).toContain(imported);
			db.close();
			if (imported === 30_000) break;
			killedMidway++;
			const reopened = openDb(t.path);
			expect(contentChecksum(reopened)).toBe(before);
			reopened.close();
		}
		expect(killedMidway).toBeGreaterThan(0);
		execFileSync('npx', ['tsx', 'scripts/consult.ts', 'import', 'responses', file, '--db', t.path], { stdio: 'pipe' });
		const db = new Database(t.path, { readonly: true });
		expect(db.prepare("SELECT count(*) FROM respondent WHERE response_id LIKE 'K%'").pluck().get()).toBe(30_000);
		db.close();
		t.db = openDb(t.path);
	}, 120_000);
});

describe('concurrent use', () => {
	it('readers keep reading while an import writes (WAL, no "database is locked")', async () => {
		const file = bigFile(20_000);
		const child = cli('import', 'responses', file, '--db', t.path);
		const done = new Promise((r) => child.once('exit', r));
		const reader = new Database(t.path, { readonly: true });
		reader.pragma('busy_timeout = 2000');
		let reads = 0;
		let finished = false;
		void done.then(() => (finished = true));
		while (!finished) {
			expect(reader.prepare('SELECT count(*) FROM respondent').pluck().get()).toBeGreaterThanOrEqual(3);
			reads++;
			await new Promise((r) => setTimeout(r, 20));
		}
		reader.close();
		expect(reads).toBeGreaterThan(5);
	}, 60_000);
});

describe('backup and restore', () => {
	it('backs up online and restores the same content', async () => {
		const backup = join(t.dir, 'backup.db');
		const sum = contentChecksum(t.db);
		execFileSync('npx', ['tsx', 'scripts/consult.ts', 'backup', backup, '--db', t.path], { stdio: 'pipe' });
		t.db.prepare('DELETE FROM answer').run();
		t.db.close();
		execFileSync('npx', ['tsx', 'scripts/consult.ts', 'restore', backup, '--db', t.path], { stdio: 'pipe' });
		t.db = openDb(t.path);
		expect(contentChecksum(t.db)).toBe(sum);
	}, 60_000);
});

// A trained tagger kept in the database is read back only while everything it was made from is unchanged, and tags
// exactly as training it again would.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseDatabase, analyseDatabaseParallel } from '../../src/lib/server/analyse';
import { openDb, type DB } from '../../src/lib/server/db/client';
import { buildDatabase } from '../../src/lib/import/bundle';

const dir = mkdtempSync(join(tmpdir(), 'consult-lens-kept-model-'));
const built = join(dir, 'built.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
	await buildDatabase('data', built, {});
});

function copy(name: string): DB {
	const path = join(dir, name);
	copyFileSync(built, path);
	return openDb(path);
}

const tags = (db: DB) => db.prepare("SELECT answer_id, theme_id, confidence, evidence_json FROM answer_theme WHERE source = 'auto' ORDER BY 1, 2").all();
const kept = (db: DB) => db.prepare('SELECT key FROM trained_model ORDER BY saved_at, rowid').pluck().all() as string[];
const lastRun = (db: DB) => JSON.parse(db.prepare('SELECT summary_json FROM analysis_run ORDER BY id DESC LIMIT 1').pluck().get() as string);

describe('the trained tagger kept between analyses', () => {
	it('is trained and kept on the first run, read back on the second, and tags exactly the same', () => {
		const db = copy('again.db');
		expect(kept(db)).toEqual([]);
		const first = analyseDatabase(db);
		expect(first).not.toMatch(/kept from an earlier run/);
		expect(lastRun(db).modelKept).toBe(false);
		expect(kept(db)).toHaveLength(1);
		const trained = tags(db);
		expect(trained.length).toBeGreaterThan(1000);

		const second = analyseDatabase(db);
		expect(second).toMatch(/model trained on \d+ labelled answers, kept from an earlier run with the same inputs/);
		expect(lastRun(db).modelKept).toBe(true);
		expect(kept(db)).toHaveLength(1);
		expect(tags(db)).toEqual(trained);
		db.close();
	});

	it('is trained again when an analyst decision changes the labelled answers, and only the newest three are kept', () => {
		const db = copy('decisions.db');
		analyseDatabase(db);
		const before = kept(db);
		// An analyst rejects a theme the tagger gave: that answer joins the training set with its corrected labels.
		const tagged = db.prepare("SELECT answer_id, theme_id FROM answer_theme WHERE source = 'auto' ORDER BY answer_id LIMIT 4").all() as { answer_id: number; theme_id: string }[];
		const reject = db.prepare("INSERT INTO answer_theme (answer_id, theme_id, source, decision) VALUES (?, ?, 'manual', 'reject')");
		for (const [n, t] of tagged.entries()) {
			reject.run(t.answer_id, t.theme_id);
			analyseDatabase(db);
			expect(lastRun(db).modelKept, `decision ${n + 1}`).toBe(false);
		}
		const now = kept(db);
		expect(now).toHaveLength(3);
		expect(now).not.toContain(before[0]);
		// Taking the last decision back gives inputs seen before: that model is still kept.
		db.prepare("DELETE FROM answer_theme WHERE answer_id = ? AND theme_id = ? AND source = 'manual'").run(tagged[3].answer_id, tagged[3].theme_id);
		analyseDatabase(db);
		expect(lastRun(db).modelKept).toBe(true);
		db.close();
	});

	it('is trained again, with the same result, when what is kept cannot be read', () => {
		const db = copy('damaged.db');
		analyseDatabase(db);
		const trained = tags(db);
		db.prepare('UPDATE trained_model SET body = ?').run(Buffer.from('not a model'));
		analyseDatabase(db);
		expect(lastRun(db).modelKept).toBe(false);
		expect(tags(db)).toEqual(trained);
		// The damaged entry was replaced by the model trained again.
		analyseDatabase(db);
		expect(lastRun(db).modelKept).toBe(true);
		db.close();
	});

	it('is shared by analysis on worker threads, which then stores the same tags', async () => {
		const one = copy('threads-one.db');
		analyseDatabase(one);
		const trained = tags(one);
		one.close();
		copyFileSync(join(dir, 'threads-one.db'), join(dir, 'threads-two.db'));
		const two = openDb(join(dir, 'threads-two.db'));
		await analyseDatabaseParallel(two, { workers: 2, chunk: 150 });
		expect(lastRun(two).modelKept).toBe(true);
		expect(tags(two)).toEqual(trained);
		two.close();
	});
});

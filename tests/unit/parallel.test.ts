// Analysis on worker threads stores exactly what analysis on one thread stores.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPipelineInput } from '../../src/lib/server/analyse';
import { analyseDatabase, analyseDatabaseParallel } from '../../src/lib/server/analyse';
import { openDb } from '../../src/lib/server/db/client';
import { sliceByQuestion } from '../../src/lib/server/parallel';
import { queue } from '../../src/lib/server/db/review';
import { formatTimings, Timings, type Phase } from '../../src/lib/server/timings';
import { buildDatabase } from '../../src/lib/import/bundle';
import { expectThemeHitsInStep } from '../helpers/theme-hits';

const dir = mkdtempSync(join(tmpdir(), 'consult-lens-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything analyse derives, in a stable order (run times and row ids of rebuilt tables left out). */
function derived(path: string) {
	const db = openDb(path, { readonly: true });
	try {
		return {
			themes: db.prepare("SELECT answer_id, theme_id, confidence, evidence_json FROM answer_theme WHERE source = 'auto' ORDER BY 1, 2").all(),
			answers: db.prepare('SELECT id, stance, stance_score, stance_cues, text_redacted, redactions, review_priority, review_reason, campaign_id FROM answer ORDER BY id').all(),
			campaigns: db.prepare('SELECT id, question_id, size, exemplar_answer_id, similarity FROM campaign ORDER BY id').all(),
			sectors: db.prepare('SELECT id, sector, sector_inferred, sector_reason FROM respondent ORDER BY id').all(),
			quotes: db.prepare('SELECT theme_id, sector, answer_id, rank, text FROM quote ORDER BY 1, 2, 4').all(),
			comments: db.prepare('SELECT kind, comment_id, theme_id, confidence FROM comment_theme ORDER BY 1, 2, 3').all(),
			emergent: db.prepare('SELECT label, terms_json, size, members_json FROM emergent_theme ORDER BY id').all(),
			aggregates: db.prepare('SELECT * FROM agg_theme_sector ORDER BY 1, 2, 3').all()
		};
	} finally {
		db.close();
	}
}

describe('analysis on worker threads', () => {
	it('stores the same themes, stances, redactions, campaigns, sectors, quotes and aggregates as one thread, part by part', async () => {
		const one = join(dir, 'one.db');
		await buildDatabase('data', one, {});
		const two = join(dir, 'two.db');
		copyFileSync(one, two);
		const a = openDb(one);
		analyseDatabase(a);
		a.close();
		const b = openDb(two);
		// Small chunks, so each thread sends several parts that are stored while it works on.
		await analyseDatabaseParallel(b, { workers: 2, chunk: 150 });
		b.close();
		const [x, y] = [derived(one), derived(two)];
		expect(x.themes.length).toBeGreaterThan(1000);
		expect(x.campaigns.length).toBeGreaterThan(0);
		expect(y).toEqual(x);
	});

	it('replaces the campaigns when run again: the same groups under the same ids, each member in its campaign, no campaign left over', async () => {
		const path = join(dir, 'again.db');
		copyFileSync(join(dir, 'one.db'), path);
		const db = openDb(path);
		const groups = () =>
			db
				.prepare(
					`SELECT c.question_id, c.size, c.exemplar_answer_id, (SELECT group_concat(id) FROM (SELECT id FROM answer WHERE campaign_id = c.id ORDER BY id)) AS members
					 FROM campaign c ORDER BY c.exemplar_answer_id`
				)
				.all();
		const before = groups();
		const ids = () => db.prepare('SELECT exemplar_answer_id, id FROM campaign ORDER BY id').all();
		const idsBefore = ids();
		expect(before.length).toBeGreaterThan(0);
		await analyseDatabaseParallel(db, { workers: 2, chunk: 150 });
		expect(groups()).toEqual(before);
		// A link to a campaign still leads to it.
		expect(ids()).toEqual(idsBefore);
		expect(db.prepare('SELECT count(*) FROM campaign c WHERE size <> (SELECT count(*) FROM answer WHERE campaign_id = c.id)').pluck().get()).toBe(0);
		expect(db.prepare('SELECT count(*) FROM answer WHERE campaign_id IS NOT NULL AND campaign_id NOT IN (SELECT id FROM campaign)').pluck().get()).toBe(0);
		db.close();
	});

	it('makes the review queue index again after writing every priority, and the queue reads the same through it', async () => {
		const path = join(dir, 'queue.db');
		copyFileSync(join(dir, 'one.db'), path);
		const db = openDb(path);
		await analyseDatabaseParallel(db, { workers: 2, chunk: 150 });
		analyseDatabase(db);
		expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'answer_review_queue'").pluck().get()).toBe(1);
		const scan = (q: string) =>
			db
				.prepare(
					`SELECT a.id, r.response_id AS responseId, a.review_priority AS priority, a.review_reason AS reason
					 FROM answer a NOT INDEXED JOIN respondent r ON r.id = a.respondent_id
					 WHERE a.question_id = ? AND trim(coalesce(a.text, '')) <> '' AND NOT EXISTS (SELECT 1 FROM answer_review rv WHERE rv.answer_id = a.id)
					 ORDER BY a.review_priority DESC, a.id LIMIT 10`
				)
				.all(q);
		for (const q of ['q1', 'q5', 'q7']) {
			expect(queue(db, q, 10), q).toEqual(scan(q));
			expect(queue(db, q, 10).length, q).toBeGreaterThan(0);
		}
		db.close();
	});

	it('records where the time went, phase by phase, with the run', async () => {
		const path = join(dir, 'timed.db');
		copyFileSync(join(dir, 'one.db'), path);
		const db = openDb(path);
		// The model the first test kept would be read back; this run trains, to time that too.
		db.exec('DELETE FROM trained_model');
		const timings = new Timings();
		await analyseDatabaseParallel(db, { workers: 2, chunk: 150, timings });
		const recorded = JSON.parse(db.prepare('SELECT summary_json FROM analysis_run ORDER BY id DESC LIMIT 1').pluck().get() as string)
			.timings as Phase[];
		db.close();
		const names = recorded.map((p) => p.phase);
		for (const phase of ['train the tagger', 'read the answers', 'per-answer stages on 2 threads', 'stage: quotes', 'stage: emergent, on a thread beside the quotes (time waited)', 'aggregates', 'search index'])
			expect(names).toContain(phase);
		expect(names.indexOf('train the tagger')).toBeLessThan(names.indexOf('per-answer stages on 2 threads'));
		expect(recorded.find((p) => p.phase === 'storing their results')?.within).toBe('per-answer stages on 2 threads');
		for (const p of recorded) expect(Number.isInteger(p.ms) && p.ms >= 0).toBe(true);
		// The commit comes after the run is recorded, so it is in the printed phases only.
		const printed = formatTimings(timings.phases()).split('\n');
		expect(printed.some((l) => /^\s+commit\s+\d+\.\d\d s$/.test(l))).toBe(true);
		expect(printed.some((l) => /^\s+of which storing their results\s+\d+\.\d\d s$/.test(l))).toBe(true);
		const total = timings.phases().filter((p) => !p.within).reduce((a, p) => a + p.ms, 0);
		expect(printed.at(-1)).toBe(`  ${'total'.padEnd(52)} ${(total / 1000).toFixed(2).padStart(8)} s`);
	});

	it('keeps the analysts\' tags, and the indexes and triggers of the tag tables, when it rewrites every automatic tag', async () => {
		const path = join(dir, 'manual.db');
		copyFileSync(join(dir, 'one.db'), path);
		const db = openDb(path);
		const schema = () =>
			db.prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('answer_theme', 'theme_hit') ORDER BY name").all();
		const before = schema();
		expect(before.filter((r) => (r as { type: string }).type === 'trigger')).toHaveLength(3);
		const [first, second] = db.prepare("SELECT answer_id, theme_id FROM answer_theme WHERE source = 'auto' ORDER BY 1, 2 LIMIT 2").all() as {
			answer_id: number;
			theme_id: string;
		}[];
		const decide = db.prepare("INSERT INTO answer_theme (answer_id, theme_id, source, decision, confidence) VALUES (?, ?, 'manual', ?, 1)");
		decide.run(first.answer_id, first.theme_id, 'reject');
		decide.run(second.answer_id, 'resources', 'accept');
		await analyseDatabaseParallel(db, { workers: 2 });
		expect(schema()).toEqual(before);
		expect(db.prepare("SELECT answer_id, theme_id, decision FROM answer_theme WHERE source = 'manual' ORDER BY 1").all()).toEqual([
			{ answer_id: first.answer_id, theme_id: first.theme_id, decision: 'reject' },
			{ answer_id: second.answer_id, theme_id: 'resources', decision: 'accept' }
		]);
		expectThemeHitsInStep(db);
		// The triggers work again after analyse: a new decision reaches theme_hit at once.
		decide.run(first.answer_id, 'training', 'accept');
		expectThemeHitsInStep(db);
		db.close();
	});

	it('leaves everything as it was when storing fails part way, after threads have sent results', async () => {
		const path = join(dir, 'fails.db');
		copyFileSync(join(dir, 'one.db'), path);
		const db = openDb(path);
		const before = derived(path);
		const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
		// Fails late: campaigns are stored after every thread's answers are in (a campaign found again is updated in place).
		db.exec("CREATE TRIGGER fail_campaign BEFORE UPDATE ON campaign BEGIN SELECT RAISE(ABORT, 'disk full, say'); END;");
		await expect(analyseDatabaseParallel(db, { workers: 2, chunk: 150 })).rejects.toThrow('disk full, say');
		expect(db.inTransaction).toBe(false);
		db.exec('DROP TRIGGER fail_campaign');
		expect(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
		db.close();
		expect(derived(path)).toEqual(before);
	});

	it('gives each slice whole questions and about the same amount of text', () => {
		const db = openDb(join(dir, 'one.db'), { readonly: true });
		const input = loadPipelineInput(db);
		db.close();
		const slices = sliceByQuestion(input.answers, 2);
		expect(slices.flat().length).toBe(input.answers.length);
		const questionsIn = slices.map((s) => new Set(s.map((a) => a.questionId)));
		for (const q of questionsIn[0]) expect(questionsIn[1].has(q)).toBe(false);
		const chars = slices.map((s) => s.reduce((n, a) => n + (a.text?.length ?? 0), 0));
		expect(Math.min(...chars) / Math.max(...chars)).toBeGreaterThan(0.6);
	});
});

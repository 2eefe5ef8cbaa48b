import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readImportDefinition } from '../../src/lib/import/kinds';
import { readFile } from '../../src/lib/import/reader';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentChecksum } from '../../src/lib/server/db/client';
import { ImportFailed } from '../../src/lib/import/errors';
import { importFile } from '../../src/lib/import/run';
import type { ImportKind } from '../../src/lib/import/kinds';
import { fixture, tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(() => t.cleanup());

async function problemsOf(kind: ImportKind, name: string, thread?: boolean) {
	try {
		await importFile(t.db, kind, fixture(name), { displayName: name, thread });
	} catch (e) {
		expect(e).toBeInstanceOf(ImportFailed);
		return (e as ImportFailed).problems;
	}
	throw new Error(`${name} was expected to fail`);
}

describe('importing responses', () => {
	it('stores respondents and their answers, keeping identifiers as written', async () => {
		const report = await importFile(t.db, 'responses', fixture('valid.csv'));
		expect(report).toMatchObject({ rows: 3, added: 3, updated: 0, unchanged: 0 });
		const ids = t.db.prepare('SELECT response_id FROM respondent ORDER BY response_id').pluck().all();
		expect(ids).toEqual(['007', 'R001', 'R002']);
		const r2 = t.db.prepare("SELECT submitted_at, confidential, sector FROM respondent WHERE response_id = 'R002'").get();
		expect(r2).toEqual({ submitted_at: '2005-11-03', confidential: 1, sector: null });
		const answers = t.db.prepare("SELECT question_id, choice, text FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE response_id = 'R001' ORDER BY question_id").all();
		expect(answers).toEqual([
			{ question_id: 'q1', choice: 'Yes', text: 'Clear enough.' },
			{ question_id: 'q5', choice: 'No', text: 'The two-tier approach will confuse health visitors, and delay protection.' },
			{ question_id: 'q7', choice: null, text: 'More training please.' }
		]);
	});

	it('matches headers case-insensitively, accepts a BOM, normalises values and keeps unknown columns', async () => {
		await importFile(t.db, 'responses', fixture('headers.csv'));
		const r = t.db.prepare('SELECT response_id, respondent_type, confidential, sector, extra_json FROM respondent').get();
		expect(r).toEqual({ response_id: '0042', respondent_type: 'organisation', confidential: 1, sector: 'health', extra_json: '{"channel":"email"}' });
		expect(t.db.prepare('SELECT choice FROM answer').pluck().get()).toBe('Not sure');
	});

	it('changes nothing when the same file is imported twice', async () => {
		await importFile(t.db, 'responses', fixture('valid.csv'));
		const before = contentChecksum(t.db);
		const again = await importFile(t.db, 'responses', fixture('valid.csv'));
		expect(again.alreadyImported).toBe(true);
		expect(contentChecksum(t.db)).toBe(before);
	});

	it('updates respondents by response_id from a corrected file and reports what changed', async () => {
		await importFile(t.db, 'responses', fixture('valid.csv'));
		const report = await importFile(t.db, 'responses', fixture('corrected.csv'));
		expect(report).toMatchObject({ rows: 4, added: 1, updated: 1, unchanged: 2 });
		const q5 = t.db.prepare("SELECT choice, text FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE response_id = 'R001' AND question_id = 'q5'").get();
		expect(q5).toEqual({ choice: 'Not sure', text: 'On reflection we are not sure about the two-tier approach.' });
		expect(t.db.prepare('SELECT count(*) FROM respondent').pluck().get()).toBe(4);
		expect(t.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(2);
	});

	it("keeps an analyst's sector correction when a corrected file gives the respondent's sector again", async () => {
		await importFile(t.db, 'responses', fixture('valid.csv'));
		t.db.prepare("UPDATE respondent SET sector_manual = 'police', sector = 'police', sector_inferred = 0, sector_reason = 'corrected by an analyst' WHERE response_id = 'R001'").run();
		await importFile(t.db, 'responses', fixture('corrected.csv'));
		expect(t.db.prepare("SELECT sector, sector_given, sector_manual, sector_inferred, sector_reason FROM respondent WHERE response_id = 'R001'").get()).toEqual({
			sector: 'police',
			sector_given: 'health',
			sector_manual: 'police',
			sector_inferred: 0,
			sector_reason: 'corrected by an analyst'
		});
	});

	it('builds a first import\'s indexes once, at the end; a failed or trial first import leaves the schema as it was', async () => {
		const schema = () =>
			t.db.prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('respondent', 'answer') ORDER BY name").all();
		const before = schema();
		expect(before.filter((r) => (r as { type: string }).type === 'index').length).toBeGreaterThan(4);
		await problemsOf('responses', 'bad-choice.csv');
		expect(schema()).toEqual(before);
		await importFile(t.db, 'responses', fixture('valid.csv'), { dryRun: true });
		expect(schema()).toEqual(before);
		await importFile(t.db, 'responses', fixture('valid.csv'));
		expect(schema()).toEqual(before);
		expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
		// The rebuilt index answers queries: the plan uses it, and finds the rows.
		const plan = t.db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM answer WHERE question_id = 'q5'").all() as { detail: string }[];
		expect(plan.map((p) => p.detail).join(' ')).toMatch(/answer_review_queue/);
		expect(t.db.prepare("SELECT count(*) FROM answer WHERE question_id = 'q5'").pluck().get()).toBeGreaterThan(0);
	});

	it('writes the first import into an empty database with the rollback journal, and only that one', async () => {
		const switches: string[] = [];
		const pragma = t.db.pragma.bind(t.db);
		t.db.pragma = ((source: string, options?: { simple?: boolean }) => {
			if (/journal_mode =/.test(source)) switches.push(source);
			return pragma(source, options);
		}) as typeof t.db.pragma;
		await importFile(t.db, 'responses', fixture('valid.csv'), { dryRun: true });
		expect(switches).toEqual([]);
		await importFile(t.db, 'responses', fixture('valid.csv'));
		expect(switches).toEqual(['journal_mode = DELETE', 'journal_mode = WAL']);
		await importFile(t.db, 'responses', fixture('corrected.csv'));
		expect(switches).toHaveLength(2);
		expect(t.db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(t.db.pragma('synchronous', { simple: true })).toBe(1);
		expect(existsSync(`${t.path}-journal`)).toBe(false);
		expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
	});

	it('goes ahead in WAL, seen by a server that has the database open, when the switch is refused', async () => {
		const server = new Database(t.path, { readonly: true });
		try {
			expect(server.prepare('SELECT count(*) FROM respondent').pluck().get()).toBe(0);
			const report = await importFile(t.db, 'responses', fixture('valid.csv'));
			expect(report).toMatchObject({ added: 3 });
			expect(t.db.pragma('journal_mode', { simple: true })).toBe('wal');
			expect(server.prepare('SELECT count(*) FROM respondent').pluck().get()).toBe(3);
		} finally {
			server.close();
		}
	});

	it('stores the same rows whether the file is read on a thread of its own or on this one', async () => {
		const other = tempDb();
		try {
			const tables = (db: typeof t.db) =>
				['respondent', 'answer'].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all());
			for (const name of ['valid.csv', 'corrected.csv', 'headers.csv']) {
				const here = await importFile(t.db, 'responses', fixture(name), { thread: false });
				const there = await importFile(other.db, 'responses', fixture(name), { thread: true });
				expect(there).toEqual(here);
			}
			expect(tables(other.db)).toEqual(tables(t.db));
		} finally {
			other.cleanup();
		}
	});

	it('a reader thread waits while the importer is behind, and stops when the importer fails', async () => {
		const path = join(t.dir, 'many.csv');
		const lines = ['response_id,respondent_type,confidential,q1,q1_text'];
		for (let i = 0; i < 30_000; i++) lines.push(`M${i},individual,no,Yes,Answer ${i}`);
		writeFileSync(path, lines.join('\n') + '\n');
		const job = { path, display: 'many.csv', kind: 'responses' as const, definition: readImportDefinition(t.db) };
		// Slow to store: the thread must wait for room rather than send the whole file ahead. The first row takes
		// 1.5 s, time enough for the thread to fill the room it has even on a busy machine (with every row equally
		// slow, a thread slowed by other work could fall behind the importer and never wait).
		let stored = 0;
		const slow = await readFile(job, () => {
			const until = performance.now() + (stored === 0 ? 1500 : 0.02);
			while (performance.now() < until);
			stored++;
		}, true);
		expect(slow.rows).toBe(30_000);
		expect(stored).toBe(30_000);
		expect(slow.waited).toBeGreaterThan(0);
		// The importer fails part-way: the read stops with that error (on either thread) and no more items arrive.
		for (const thread of [true, false]) {
			let seen = 0;
			await expect(
				readFile(job, () => {
					if (++seen === 5_000) throw new Error('the disk is full');
				}, thread)
			).rejects.toThrow('the disk is full');
			await new Promise((r) => setTimeout(r, 200));
			expect(seen).toBe(5_000);
		}
	});

	it('stores nothing on a dry run', async () => {
		const before = contentChecksum(t.db);
		const report = await importFile(t.db, 'responses', fixture('valid.csv'), { dryRun: true });
		expect(report.added).toBe(3);
		expect(contentChecksum(t.db)).toBe(before);
	});
});

// Every check, with the file read on this thread and on a reader thread (as a large file is): the same problems.
for (const thread of [false, true]) describe(`validation, read on ${thread ? 'a thread of its own' : 'the importing thread'}: one fixture per rule, each naming line, column and value`, () => {
	const cases: [string, ImportKind, { line: number | null; column: string | null; value?: string | null; message: RegExp }[]][] = [
		['missing-column.csv', 'responses', [{ line: 1, column: 'confidential', message: /required column/ }]],
		['blank-id.csv', 'responses', [{ line: 3, column: 'response_id', value: '', message: /must not be blank/ }]],
		['duplicate-id.csv', 'responses', [{ line: 4, column: 'response_id', value: 'R001', message: /duplicate.*line 2/ }]],
		['bad-choice.csv', 'responses', [{ line: 2, column: 'q1', value: 'Perhaps', message: /not a known answer/ }]],
		[
			'bad-date.csv',
			'responses',
			[
				{ line: 2, column: 'submitted_at', value: '31/02/2005', message: /not a real date/ },
				{ line: 3, column: 'submitted_at', value: 'last Tuesday', message: /not a date/ }
			]
		],
		['unknown-sector.csv', 'responses', [{ line: 2, column: 'sector', value: 'fire-service', message: /not a known sector/ }]],
		['bad-confidential.csv', 'responses', [{ line: 2, column: 'confidential', value: 'maybe', message: /yes, no/ }]],
		['bad-respondent-type.csv', 'responses', [{ line: 2, column: 'respondent_type', value: 'charity', message: /not a known respondent type/ }]],
		['ragged.csv', 'responses', [{ line: 3, column: null, message: /has 11 fields but the header has 15/ }]],
		['unterminated-quote.csv', 'responses', [{ line: 2, column: null, message: /never closed/ }]],
		['empty.csv', 'responses', [{ line: null, column: null, message: /is empty/ }]],
		['header-only.csv', 'responses', [{ line: 2, column: null, message: /no data rows/ }]],
		['events-bad.csv', 'events', [{ line: 3, column: 'attendees', value: 'lots', message: /whole number/ }]]
	];
	for (const [name, kind, expected] of cases) {
		it(`${name}: reports every problem and leaves the database exactly as it was`, async () => {
			await importFile(t.db, 'responses', fixture('valid.csv'), { thread });
			const before = contentChecksum(t.db);
			const problems = await problemsOf(kind, name, thread);
			expect(problems).toHaveLength(expected.length);
			expected.forEach((e, i) => {
				expect(problems[i]).toMatchObject({ file: name, line: e.line, column: e.column });
				if (e.value !== undefined) expect(problems[i].value).toBe(e.value);
				expect(problems[i].message).toMatch(e.message);
			});
			expect(contentChecksum(t.db)).toBe(before);
		});
	}

	it('reports all the problems of a file, not just the first', async () => {
		const problems = await problemsOf('responses', 'several-problems.csv', thread);
		expect(problems.map((p) => [p.line, p.column])).toEqual([
			[3, 'q1'],
			[4, 'submitted_at'],
			[4, 'sector']
		]);
	});

	it('rejects feedback for an unknown event and an out-of-range rating', async () => {
		await importFile(t.db, 'events', fixture('valid.csv').replace('valid.csv', '../../../data/events.csv'));
		const problems = await problemsOf('event-feedback', 'feedback-bad.csv', thread);
		expect(problems.map((p) => [p.line, p.column, p.value])).toEqual([
			[2, 'event_id', 'E9'],
			[3, 'usefulness', '7']
		]);
	});

	it('the error message names file, line, column and value', async () => {
		await expect(importFile(t.db, 'responses', fixture('bad-choice.csv'), { displayName: 'bad-choice.csv', thread })).rejects.toThrow(
			'bad-choice.csv, line 2, column "q1": is not a known answer; expected one of: Yes, No, Not sure (value: "Perhaps")'
		);
	});
});

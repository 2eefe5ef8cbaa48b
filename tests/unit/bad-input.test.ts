// Bad input: every case in tests/fixtures/bad gives a clear error naming line and column (or imports correctly where
// that is right), and leaves the database's content exactly as it was.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportFailed, type ImportProblem } from '../../src/lib/import/errors';
import { importFile } from '../../src/lib/import/run';
import { contentChecksum } from '../../src/lib/server/db/client';
import { fixture, tempDb, type TempDb } from '../helpers/db';

interface Expected {
	problems?: { line: number | null; column: string | null; message: string }[];
	rows?: number;
	with?: { encoding: 'windows-1252'; rows: number; text: string };
}
const cases = JSON.parse(readFileSync('tests/fixtures/bad/expected.json', 'utf8')) as Record<string, Expected>;

let t: TempDb;
beforeEach(async () => {
	t = tempDb();
	await importFile(t.db, 'responses', fixture('valid.csv'));
});
afterEach(() => t.cleanup());

async function problems(path: string, name = path): Promise<ImportProblem[]> {
	try {
		await importFile(t.db, 'responses', path, { displayName: name });
	} catch (e) {
		if (e instanceof ImportFailed) return e.problems;
		throw e;
	}
	return [];
}

describe('each bad file', () => {
	for (const [name, expected] of Object.entries(cases)) {
		it(name, async () => {
			const before = contentChecksum(t.db);
			const found = await problems(join('tests/fixtures/bad', name), name);
			if (expected.problems) {
				expect(found.map((p) => [p.line, p.column])).toEqual(expected.problems.map((p) => [p.line, p.column]));
				expected.problems.forEach((p, i) => {
					expect(found[i].message).toContain(p.message);
					expect(found[i].file).toBe(name);
				});
				expect(contentChecksum(t.db)).toBe(before);
			} else {
				expect(found).toEqual([]);
				expect(t.db.prepare("SELECT count(*) FROM import_batches WHERE file = ?").pluck().get(name)).toBe(1);
				expect(t.db.prepare('SELECT rows FROM import_batches WHERE file = ?').pluck().get(name)).toBe(expected.rows);
			}
			if (expected.with) {
				const report = await importFile(t.db, 'responses', join('tests/fixtures/bad', name), { encoding: expected.with.encoding });
				expect(report.rows).toBe(expected.with.rows);
				expect(t.db.prepare("SELECT text FROM answer WHERE question_id = 'q1' AND text LIKE 'It%'").pluck().get()).toBe(expected.with.text);
			}
		});
	}
});

describe('big files, written by the test', () => {
	const header = 'response_id,submitted_at,respondent_type,organisation,sector,confidential,q1,q1_text,q7_text\n';

	it('a single 20 MB field is refused with its line and column', async () => {
		const path = join(t.dir, 'huge-field.csv');
		const fd = openSync(path, 'w');
		writeSync(fd, header + 'R001,2005-10-01,organisation,,health,no,Yes,"');
		const block = 'All work and no play makes a very long answer. '.repeat(1000);
		for (let written = 0; written < 20_000_000; written += block.length) writeSync(fd, block);
		writeSync(fd, '",\n');
		closeSync(fd);
		const before = contentChecksum(t.db);
		const found = await problems(path);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ line: 2, column: 'q1_text' });
		expect(found[0].message).toMatch(/characters long; the limit is 100,000/);
		expect(contentChecksum(t.db)).toBe(before);
	});

	it('a 100,000-row file with one bad row at the end stores nothing and names that row', async () => {
		const path = join(t.dir, 'many-rows.csv');
		const fd = openSync(path, 'w');
		writeSync(fd, header);
		const rows: string[] = [];
		for (let i = 1; i < 100_000; i++) rows.push(`B${String(i).padStart(6, '0')},2005-10-01,individual,,health,no,Yes,Row ${i} is fine.,`);
		writeSync(fd, rows.join('\n') + '\nB100000,2005-10-01,individual,,health,no,Perhaps,The last row is wrong.,\n');
		closeSync(fd);
		const before = contentChecksum(t.db);
		const found = await problems(path);
		expect(found).toEqual([expect.objectContaining({ line: 100_001, column: 'q1', value: 'Perhaps' })]);
		expect(contentChecksum(t.db)).toBe(before);
		expect(t.db.prepare("SELECT count(*) FROM respondent WHERE response_id LIKE 'B%'").pluck().get()).toBe(0);
	});
});

describe('the command line', () => {
	it('exits non-zero and names file, line, column and value', () => {
		let status = 0;
		let stderr = '';
		try {
			execFileSync('npx', ['tsx', 'scripts/consult.ts', 'import', 'responses', 'tests/fixtures/bad/unknown-closed-answer.csv', '--db', t.path], { stdio: 'pipe' });
		} catch (e) {
			const err = e as { status: number; stderr: Buffer };
			status = err.status;
			stderr = err.stderr.toString();
		}
		expect(status).not.toBe(0);
		expect(stderr).toContain('tests/fixtures/bad/unknown-closed-answer.csv, line 3, column "q1": is not a known answer');
		expect(stderr).toContain('(value: "Maybe")');
	});
});

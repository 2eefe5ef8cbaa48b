// Synthetic consultations for the benchmarks: the same files for the same seed, in the import formats, with
// professional bodies named about as often as in the bundled consultation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../src/lib/import/generate';
import { importFile } from '../../src/lib/import/run';
import { tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(() => t.cleanup());

describe('consult generate', () => {
	it('writes the same files for the same seed, and other files for another', async () => {
		const read = (dir: string) => ['responses.csv', 'event_feedback.csv', 'cyp_feedback.csv'].map((f) => readFileSync(join(dir, f), 'utf8'));
		await generate({ respondents: 300, seed: 5, out: join(t.dir, 'a') });
		await generate({ respondents: 300, seed: 5, out: join(t.dir, 'b') });
		await generate({ respondents: 300, seed: 6, out: join(t.dir, 'c') });
		expect(read(join(t.dir, 'b'))).toEqual(read(join(t.dir, 'a')));
		expect(read(join(t.dir, 'c'))[0]).not.toEqual(read(join(t.dir, 'a'))[0]);
	});

	it('names professional bodies for about a third of respondents, a few often and many rarely, and imports cleanly', async () => {
		const out = join(t.dir, 'gen');
		const result = await generate({ respondents: 3000, seed: 11, out });
		const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, 'responses.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
		expect(rows).toHaveLength(3000);
		const named = rows.filter((r) => r.professional_body);
		expect(named.length / rows.length).toBeGreaterThan(0.25);
		expect(named.length / rows.length).toBeLessThan(0.4);
		const perBody = new Map<string, number>();
		for (const r of named) perBody.set(r.professional_body, (perBody.get(r.professional_body) ?? 0) + 1);
		const counts = [...perBody.values()].sort((a, b) => b - a);
		expect(counts.length).toBeGreaterThan(20);
		expect(counts[0]).toBeGreaterThan(4 * counts[counts.length - 1]);
		// A body is named by respondents of its own sector only (RCN by health respondents, say).
		expect(new Set(named.filter((r) => r.professional_body === 'RCN').map((r) => r.sector))).toEqual(new Set(['health']));

		const report = await importFile(t.db, 'responses', join(out, 'responses.csv'));
		expect(report.rows).toBe(3000);
		expect(t.db.prepare('SELECT count(*) FROM answer').pluck().get()).toBe(result.answers);
		expect(t.db.prepare("SELECT count(*) FROM respondent WHERE professional_body <> ''").pluck().get()).toBe(named.length);
	});
});

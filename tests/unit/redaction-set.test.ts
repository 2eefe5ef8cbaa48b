// Redaction measured on sentences written apart for the purpose, each with the exact strings that must go, and clean
// sentences with words a careless redactor would take. The figures are README's; this keeps them from getting worse.
// - tests/fixtures/redaction: 150 with personal data, 120 clean. Written without sight of the rules and first run on
//   27 November 2026; the rules were tuned to it afterwards, so it is a development set now.
// - tests/fixtures/redaction-2: 160 and 120, written without sight of the rules or of the first set. Held out (only
//   its counts read) through 27 November 2026: 70, then 54, then 52 sentences leaking. Its sentences were read in
//   the next session (also 27 November) and the rules changed for what leaked (6 leaking after): a development set now.
// - tests/fixtures/redaction-3: 160 and 120, written by another hand without sight of the rules or the other sets,
//   and run before and after the changes made from the second set without its sentences being read: 37, then 33.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/lib/analysis/redact';
// The sets were written for the bundled consultation's field: its public record applies.
import { BUNDLED_RECORD as RECORD } from '../helpers/public-record';

const lines = <T>(file: string): T[] =>
	readFileSync(file, 'utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => JSON.parse(l) as T);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Still there as a whole word (or number): "Sam" inside "Samuel" does not count. */
const left = (out: string, s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'u').test(out);

const SETS = [
	{ dir: 'tests/fixtures/redaction', sensitive: 150, clean: 120, leaking: 0, changed: 4 },
	{ dir: 'tests/fixtures/redaction-2', sensitive: 160, clean: 120, leaking: 6, changed: 0 },
	{ dir: 'tests/fixtures/redaction-3', sensitive: 160, clean: 120, leaking: 33, changed: 1 }
];

describe('redaction on sentences written apart', () => {
	for (const set of SETS)
		it(`${set.dir}: leaves personal data in at most ${set.leaking} of ${set.sensitive} sentences, and changes at most ${set.changed} of ${set.clean} clean ones`, () => {
			const sensitive = lines<{ text: string; mustRemove: string[] }>(`${set.dir}/sensitive.jsonl`);
			const clean = lines<{ text: string }>(`${set.dir}/clean.jsonl`);
			expect(sensitive).toHaveLength(set.sensitive);
			expect(clean).toHaveLength(set.clean);
			for (const s of sensitive) for (const m of s.mustRemove) expect(s.text, m).toContain(m);
			const leaking = sensitive.filter((s) => {
				const out = redact(s.text, undefined, RECORD).text;
				return s.mustRemove.some((m) => left(out, m));
			});
			const changed = clean.filter((c) => redact(c.text, undefined, RECORD).text !== c.text);
			expect(leaking.length).toBeLessThanOrEqual(set.leaking);
			expect(changed.length).toBeLessThanOrEqual(set.changed);
		});
});

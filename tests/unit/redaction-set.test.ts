// Redaction measured on sentences written apart for the purpose, each with the exact strings that must go, and clean
// sentences with words a careless redactor would take. The figures are README's; this keeps them from getting worse.
// Each set was written by a helper that saw neither the rules nor the other sets, and was held out (only its counts
// read) until the rules were changed for what it leaked, after which it is a development set:
// - tests/fixtures/redaction: 150 with personal data, 120 clean. First run 27 November 2026 (tenth session); tuned to.
// - tests/fixtures/redaction-2: 160 and 120. Held out through the tenth session (70, 54, 52 leaking); tuned to in the
//   eleventh (6 leaking after).
// - tests/fixtures/redaction-3: 160 and 120. Held out for the eleventh session's first round (37, then 33 leaking);
//   tuned to in its second round (2 leaking after; 5 once a review's fixes for over-redaction were in).
// - tests/fixtures/redaction-4: 160 and 120. Held out: run on the rules before the eleventh session (41 leaking, 17
//   clean changed), after its first round (37, 8), after its second (30, 8) and after the fixes from a review of
//   both, which took back rules that blanked policy prose (34, 8). Only its counts had been read until the fourteenth
//   session, which read what it leaked and added rules for the general kinds (16 leaking, 8 changed after): it is a
//   development set now.
// - tests/fixtures/redaction-5: 160 and 120, written in the fourteenth session after its redaction rules. Held out:
//   38 leaking (44 of 274 strings left), 10 clean changed, the same with the rules from before that session and
//   after them (they were written for what redaction-4 leaked and did not carry to new sentences). Only its counts
//   have been read.
// - The fifteenth session added a list of 1,500 surnames and rules that use it, 660 more first names and rules for
//   houses' names, written from general knowledge and the development sets (redaction to redaction-4), with only
//   redaction-5's counts read: 29 leaking (33 of 274 strings left), 10 clean changed after; the development sets went
//   to 0 and 5 (redaction), 5 and 3 (redaction-2), 2 and 1 (redaction-3), 3 and 8 (redaction-4).
// - tests/fixtures/redaction-6: 160 and 120, written in the fifteenth session by a helper who saw neither the rules nor
//   the other sets. Held out, never read: 55 leaking (98 of 443 strings left), 2 clean changed with the rules from
//   before that session's surname rules; 31 (51 of 443) and 2 after them.
// - The sixteenth session read redaction-5 and redaction-6 and what they leaked (both are development sets now; the
//   sets before them were read too) and added rules read from a passage's shape rather than the lists
//   (redact-names-2.ts: e-mail To/Cc lists, someone set off after a word for a person, nicknames, people rung or named
//   with a spouse or the writer, names in lower case, families in the plural, surnames that are also places' words
//   where only a person fits, address blocks, numbers said to be numbers), particles carried on in names and a few
//   widened cues: redaction-5 29 -> 5 leaking (33 -> 6 strings), redaction-6 31 -> 8 (51 -> 16), redaction-4 3 -> 2;
//   no clean sentence of any set changed, nor any bundled text's redaction.
// - tests/fixtures/redaction-7: 160 and 120, written in the sixteenth session by a helper who saw neither the rules nor
//   the other sets' texts, aimed at what the earlier sets' notes said leaked (names with no cue, lower case, names
//   that are words). Held out, never read: 59 leaking (84 of 347 strings left), 10 clean changed with the rules of the
//   fifteenth session; 54 (76 of 347) and 10 with the sixteenth session's rules above. What the rules learnt from the
//   sets they were written against (5: 29 -> 5, 6: 31 -> 8) carried to new text only a little.
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
	{ dir: 'tests/fixtures/redaction', sensitive: 150, clean: 120, leaking: 0, changed: 5 },
	{ dir: 'tests/fixtures/redaction-2', sensitive: 160, clean: 120, leaking: 5, changed: 3 },
	{ dir: 'tests/fixtures/redaction-3', sensitive: 160, clean: 120, leaking: 2, changed: 1 },
	{ dir: 'tests/fixtures/redaction-4', sensitive: 160, clean: 120, leaking: 2, changed: 8 },
	{ dir: 'tests/fixtures/redaction-5', sensitive: 160, clean: 120, leaking: 5, changed: 10 },
	{ dir: 'tests/fixtures/redaction-6', sensitive: 160, clean: 120, leaking: 8, changed: 2 },
	{ dir: 'tests/fixtures/redaction-7', sensitive: 160, clean: 120, leaking: 54, changed: 10 }
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

// A corrected file imported after an analysis: an answer or comment whose text changed loses the automatic themes
// found in its old words (an analyst's decisions stay), and every page can say how many wait for the next analysis,
// a count held equal to its SQL twin.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importFile } from '../../src/lib/import/run';
import { analyseDatabase } from '../../src/lib/server/analyse';
import { unanalysedAnswersSql, unanalysedComments } from '../../src/lib/server/db/stats';
import { unanalysedAnswers } from '../../src/lib/server/facts';
import { reportData } from '../../src/lib/server/report/data';
import { waitingSentence } from '../../src/lib/waiting';
import { tempDb, type TempDb } from '../helpers/db';

const HEAD = 'response_id,submitted_at,respondent_type,name,email,organisation,professional_body,sector,region,confidential,q5,q5_text,q7_text';
const row = (id: string, q5: string, q7: string) => [id, '2005-10-01', 'organisation', '', '', `Org ${id}`, '', 'health', 'North West', 'no', 'No', JSON.stringify(q5), JSON.stringify(q7)].join(',');
const LETTER = 'We the undersigned oppose the information sharing index because it will hold details of every child in England and it cannot be kept secure. We ask the Government to withdraw the index and to publish the full costs before any further work is done on it.';
const FIRST = [
	HEAD,
	row('P1', 'Consent must be sought before any information about a child is shared with another agency.', 'More training on consent for staff.'),
	row('P2', 'Nurses need clearer advice on consent before sharing information.', 'More training for nurses.'),
	// A letter three respondents send word for word: a campaign.
	...['P3', 'P4', 'P5'].map((id) => row(id, '', LETTER))
];
// P1's Q5 now speaks of money and staffing, not consent; its Q7 and P2 are as they were.
const SECOND = [
	FIRST[0],
	row('P1', 'There is no money for the extra staff time this will take in every team.', 'More training on consent for staff.'),
	FIRST[2],
	// P3 now writes its own words instead of the letter.
	row('P3', '', 'Schools will need guidance on what to record when a parent refuses consent.'),
	...FIRST.slice(4)
];
const CHILDREN = (comment: string) => `comment_id,age_band,setting,comment,topics\nK1,12-15,youth club,${JSON.stringify(comment)},trust\n`;

let t: TempDb;
const file = (name: string, text: string) => {
	const path = join(t.dir, name);
	writeFileSync(path, text);
	return path;
};
const answerId = (ref: string, q: string) =>
	t.db.prepare('SELECT a.id FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE r.response_id = ? AND a.question_id = ?').pluck().get(ref, q) as number;
const tags = (id: number, source: string) => t.db.prepare('SELECT theme_id FROM answer_theme WHERE answer_id = ? AND source = ? ORDER BY theme_id').pluck().all(id, source) as string[];
const counted = (id: number) => t.db.prepare('SELECT theme_id FROM theme_hit WHERE answer_id = ? ORDER BY theme_id').pluck().all(id) as string[];
const waiting = () => {
	const inMemory = unanalysedAnswers(t.db);
	expect(inMemory).toBe(unanalysedAnswersSql(t.db));
	return { answers: inMemory, comments: unanalysedComments(t.db) };
};

beforeAll(async () => {
	t = tempDb();
	await importFile(t.db, 'responses', file('first.csv', FIRST.join('\n') + '\n'));
	await importFile(t.db, 'cyp', file('cyp-first.csv', CHILDREN('I would only tell my teacher if she promised to ask me before telling anyone else.')));
	// Before any analysis every answer and comment waits for one.
	expect(waiting()).toEqual({ answers: 10, comments: 1 });
	analyseDatabase(t.db);
}, 60_000);
afterAll(() => t.cleanup());

it('takes away the automatic themes of a changed answer, keeps an analyst decision, and counts it as waiting', async () => {
	expect(waiting()).toEqual({ answers: 0, comments: 0 });
	const changed = answerId('P1', 'q5');
	const kept = answerId('P1', 'q7');
	expect(tags(changed, 'auto')).toContain('consent');
	const keptTags = tags(kept, 'auto');
	expect(keptTags.length).toBeGreaterThan(0);
	t.db.prepare("INSERT INTO answer_theme (answer_id, theme_id, source, decision, confidence) VALUES (?, 'training', 'manual', 'accept', 1)").run(changed);
	const campaignOf = t.db.prepare('SELECT campaign_id FROM answer WHERE id = ?').pluck();
	const copy = answerId('P3', 'q7');
	const campaign = campaignOf.get(copy);
	expect(campaign).not.toBeNull();
	expect(campaignOf.get(answerId('P4', 'q7'))).toBe(campaign);
	t.db.prepare("UPDATE answer SET review_priority = 3, review_reason = 'codeframe terms suggest Consent' WHERE id = ?").run(changed);
	const childThemes = t.db.prepare("SELECT count(*) FROM comment_theme WHERE kind = 'cyp' AND comment_id = 'K1'").pluck();
	expect(childThemes.get()).toBeGreaterThan(0);

	await importFile(t.db, 'responses', file('second.csv', SECOND.join('\n') + '\n'));
	await importFile(t.db, 'cyp', file('cyp-second.csv', CHILDREN('I would tell my nan first, she never gossips.')));

	expect(tags(changed, 'auto')).toEqual([]);
	expect(tags(changed, 'manual')).toEqual(['training']);
	// What pages count follows at once: only the analyst's theme.
	expect(counted(changed)).toEqual(['training']);
	// An answer whose text did not change keeps its themes; so does every answer of an unchanged respondent.
	expect(tags(kept, 'auto')).toEqual(keptTags);
	expect(tags(answerId('P2', 'q5'), 'auto').length).toBeGreaterThan(0);
	expect(childThemes.get()).toBe(0);
	// No longer the letter: not counted as a copy of it; the others still are.
	expect(campaignOf.get(copy)).toBeNull();
	expect(campaignOf.get(answerId('P4', 'q7'))).toBe(campaign);
	// The campaign is what is left of it: two copies, and its text (what "count each campaign once" keeps) one of them.
	expect(t.db.prepare('SELECT size, exemplar_answer_id AS text FROM campaign WHERE id = ?').get(campaign)).toEqual({ size: 2, text: answerId('P4', 'q7') });
	// Why it was put forward for review was about the old words.
	expect(t.db.prepare('SELECT review_priority, review_reason FROM answer WHERE id = ?').get(changed)).toEqual({ review_priority: 0, review_reason: null });
	expect(waiting()).toEqual({ answers: 2, comments: 1 });
	expect(waitingSentence(waiting())).toBe(
		"2 answers and 1 event or children's comment have been imported or changed since the analysis last ran: until it runs again, these pages do not count their themes, stance and campaigns in full."
	);

	// The summary of responses made now says so in its account of the method.
	const method = () => reportData(t.db).texts.method.join(' ');
	expect(method()).toContain(
		"When this summary was made, 2 answers and 1 event or children's comment imported or changed since the analysis last ran had not been analysed: their themes, stance and campaigns are not counted in it in full."
	);

	// Another sender changes their answer before the analysis runs: one copy left is no campaign.
	const third = [...SECOND.slice(0, 4), row('P4', '', 'Our school has no time to read a guide this long.'), SECOND[5]];
	await importFile(t.db, 'responses', file('third.csv', third.join('\n') + '\n'));
	expect(campaignOf.get(answerId('P5', 'q7'))).toBeNull();
	expect(t.db.prepare('SELECT count(*) FROM campaign').pluck().get()).toBe(0);
	expect(waiting()).toEqual({ answers: 3, comments: 1 });

	analyseDatabase(t.db);
	expect(waiting()).toEqual({ answers: 0, comments: 0 });
	expect(method()).not.toContain('When this summary was made');
	expect(tags(changed, 'auto')).not.toContain('consent');
	expect(tags(changed, 'manual')).toEqual(['training']);
});

it('says one waiting answer in the singular', () => {
	expect(waitingSentence({ answers: 1, comments: 0 })).toBe(
		'1 answer has been imported or changed since the analysis last ran: until it runs again, these pages do not count its themes, stance and campaigns in full.'
	);
	expect(waitingSentence({ answers: 1200, comments: 0 })).toMatch(/^1,200 answers have been/);
});

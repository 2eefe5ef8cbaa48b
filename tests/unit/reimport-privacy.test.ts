// A corrected file imported after an analysis: what pages, search, quotes and downloads show of the respondents it
// changed follows the new details at once (a respondent who has now asked for confidentiality is not named while the
// next analysis is waiting), and an individual is not named through their organisation.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/import/run';
import { analyseDatabase } from '../../src/lib/server/analyse';
import { comments } from '../../src/lib/server/db/children';
import { publishableAnswers } from '../../src/lib/server/db/exports';
import { respondent, searchAnswers } from '../../src/lib/server/db/responses';
import { buildFilter } from '../../src/lib/server/filters';
import { reportData } from '../../src/lib/server/report/data';
import { holdsOwnName } from '../../src/lib/analysis/redact';
import { tempDb, type TempDb } from '../helpers/db';

const HEAD = 'response_id,submitted_at,respondent_type,name,email,organisation,professional_body,sector,region,confidential,q5,q5_text,q7_text';
const row = (id: string, type: string, name: string, organisation: string, confidential: string, q5: string, q7: string) =>
	[id, '2005-10-01', type, name, '', organisation, '', '', 'North West', confidential, 'No', JSON.stringify(q5), JSON.stringify(q7)].join(',');

const FIRST = [
	HEAD,
	row('P1', 'organisation', 'Ann Example', 'Hollinsworth Borough Council', 'no', 'Hollinsworth Borough Council supports the guide, and Hollinsworth staff welcome it.', 'Hollinsworth needs money for training.'),
	row('P2', 'organisation', 'Ben Example', 'Royal College of Nursing', 'no', 'Nurses need clearer advice on consent before sharing information.', 'More training for nurses.'),
	row('P3', 'organisation', 'Cal Example', 'Westbury Primary School', 'no', 'The zebracrossing example in the guide is confusing for schools.', 'Training for teachers.'),
	row('P4', 'individual', 'Claire Dunmore', 'Dunmore Information Governance', 'no', 'Consent should come first in every case of sharing.', 'Training on the index.'),
	row('P5', 'individual', 'Dev Example', 'Northfield Community Health', 'no', 'Health visitors need to know when to share.', 'Resources for training.')
];
const SECOND = FIRST.map((line) =>
	line.startsWith('P1,') || line.startsWith('P2,')
		? line.replace(',no,No,', ',yes,No,')
		: line.startsWith('P3,')
			? line.replace('The zebracrossing example in the guide is confusing for schools.', 'The examples in the guide are confusing for schools.')
			: line
);
const CHILDREN = (comment: string) => `comment_id,age_band,setting,comment,topics\nK1,12-15,youth club,${JSON.stringify(comment)},trust\n`;

let t: TempDb;
beforeAll(async () => {
	t = tempDb();
	const file = (name: string, text: string) => {
		const path = join(t.dir, name);
		writeFileSync(path, text);
		return path;
	};
	await importFile(t.db, 'responses', file('first.csv', FIRST.join('\n') + '\n'));
	await importFile(t.db, 'cyp', file('cyp-first.csv', CHILDREN('I would tell my youth worker first because she listens and keeps it to herself.')));
	analyseDatabase(t.db);
	// Before the corrected files: the council is named in its own words and found by search.
	expect(respondent(t.db, 'P1')!.answers.map((a) => a.text).join(' ')).toContain('Hollinsworth');
	expect(search('Hollinsworth')).toBeGreaterThan(0);
	expect(search('zebracrossing')).toBe(1);
	expect(t.db.prepare("SELECT known_organisation FROM respondent WHERE response_id = 'P2'").pluck().get()).toBe('RCN');
	await importFile(t.db, 'responses', file('second.csv', SECOND.join('\n') + '\n'));
	await importFile(t.db, 'cyp', file('cyp-second.csv', CHILDREN('I would tell my youth worker Shauna Kilbride, not my teacher, because she listens and keeps it to herself.')));
}, 60_000);
afterAll(() => t.cleanup());

function search(words: string): number {
	return searchAnswers(t.db, buildFilter(t.db, new URLSearchParams({ q: words })), 1, 50).total;
}

describe('after a corrected file, before the next analysis', () => {
	it('a respondent who has asked for confidentiality is not named by their own words, search or quotes', () => {
		const p1 = respondent(t.db, 'P1')!;
		expect(p1.confidential).toBe(true);
		expect(p1.organisation).toBeNull();
		const text = p1.answers.map((a) => a.text).join(' ');
		expect(text).not.toContain('Hollinsworth');
		expect(text).toContain('supports the guide');
		expect(search('Hollinsworth')).toBe(0);
		expect(t.db.prepare("SELECT count(*) FROM quote q JOIN answer a ON a.id = q.answer_id JOIN respondent r ON r.id = a.respondent_id WHERE r.response_id = 'P1'").pluck().get()).toBe(0);
	});

	it('a known organisation that has asked for confidentiality is no longer counted under its name', () => {
		expect(t.db.prepare("SELECT known_organisation AS known, body FROM respondent WHERE response_id = 'P2'").get()).toEqual({ known: null, body: null });
	});

	it('search does not find an answer by words it no longer has, and finds it by its new ones, redacted', () => {
		expect(search('zebracrossing')).toBe(0);
		expect(respondent(t.db, 'P3')!.answers.map((a) => a.text).join(' ')).toContain('The examples in the guide are confusing');
		expect(search('examples confusing')).toBe(1);
		// Redacted as it was stored, as the analysis would: the confidential council's answers are searchable again by
		// what they say, not by its name.
		expect(search('supports guide')).toBe(1);
		expect(t.db.prepare("SELECT count(*) FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE r.response_id = 'P1' AND a.text_redacted IS NULL").pluck().get()).toBe(0);
	});

	it('a respondent added by a later file is searched by their redacted words, never by a name they wrote', async () => {
		const later = [HEAD, row('P6', 'organisation', 'Eve Example', 'Marlowe Youth Trust', 'no', 'Our safeguarding lead, Bernadette Quigley, says the consent flowchart helps.', 'Training.')];
		const path = join(t.dir, 'later.csv');
		writeFileSync(path, later.join('\n') + '\n');
		await importFile(t.db, 'responses', path);
		expect(search('consent flowchart')).toBe(1);
		expect(search('Quigley')).toBe(0);
		expect(respondent(t.db, 'P6')!.answers.map((a) => a.text).join(' ')).not.toContain('Quigley');
	});

	it("a child's changed comment is shown redacted, and the report does not quote it until analysed", () => {
		const [k1] = comments(t.db);
		expect(k1.text).toContain('not my teacher');
		expect(k1.text).not.toContain('Kilbride');
		expect(reportData(t.db).children.quotes.join(' ')).not.toContain('Kilbride');
		analyseDatabase(t.db);
		expect(comments(t.db)[0].text).not.toContain('Kilbride');
		expect(reportData(t.db).children.quotes.join(' ')).not.toContain('Kilbride');
	});
});

describe("an individual's organisation", () => {
	it('is withheld on pages when it holds their own name, and left out of the publishable download', () => {
		const p4 = respondent(t.db, 'P4')!;
		expect(p4.organisation).toBeNull();
		expect(p4.organisationGiven).toBe(true);
		expect(p4.answers.every((a) => a.organisation === null)).toBe(true);
		expect(respondent(t.db, 'P5')!.organisation).toBe('Northfield Community Health');
		const rows = publishableAnswers(t.db, buildFilter(t.db, new URLSearchParams()));
		const organisations = (id: string) => [...new Set(rows.filter((r) => r.response_id === id).map((r) => r.organisation))];
		expect(organisations('P4')).toEqual(['']);
		expect(organisations('P5')).toEqual(['']);
		expect(organisations('P3')).toEqual(['Westbury Primary School']);
		expect(JSON.stringify(rows)).not.toContain('Dunmore');
	});
});

describe('holdsOwnName', () => {
	it('finds a word of the own name in the organisation, not a title or an initial', () => {
		expect(holdsOwnName('Aldous & Kerr Dental Practice', 'Richard Aldous')).toBe(true);
		expect(holdsOwnName("Shah's Pharmacy", 'Dr Priya Shah')).toBe(true);
		expect(holdsOwnName('DUNMORE INFORMATION GOVERNANCE', 'Claire Dunmore')).toBe(true);
		// A surname that is also a word is taken as the name: withholding errs on the side of the respondent.
		expect(holdsOwnName('Hall Green Surgery', 'Sam Hall')).toBe(true);
		expect(holdsOwnName('Dr Barnardo’s', 'Dr Jo Smith')).toBe(false);
		expect(holdsOwnName('J Smith Associates', 'J Brown')).toBe(false);
		expect(holdsOwnName('Northfield Community Health', 'Dev Example')).toBe(false);
		expect(holdsOwnName(null, 'Dev Example')).toBe(false);
	});
});

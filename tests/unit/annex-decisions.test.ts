// Analysts' decisions on how the summary of responses names an organisation: what the annex, the Report page's lists,
// the response's page and the audit log then say, and what an analyst cannot do (name a confidential respondent).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUser, type User } from '../../src/lib/server/auth';
import { annexDecisions, annexEntry, annexOf, annexWithheld, decideAnnex } from '../../src/lib/server/report/annex';
import { REPORT_ANNEX_SQL, REPORT_NOT_NAMED_SQL } from '../../src/lib/audit-queries';
import { tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
let analyst: User;
beforeEach(async () => {
	t = tempDb();
	analyst = await createUser(t.db, 'annex-analyst', 'a long enough password 1', 'analyst');
	const add = t.db.prepare("INSERT INTO respondent (response_id, respondent_type, name, organisation, known_organisation, confidential, row_hash) VALUES (?, ?, ?, ?, ?, ?, 'x')");
	add.run('R-1', 'organisation', null, "Dr Patel's Surgery", null, 0);
	add.run('R-2', 'organisation', null, 'Riverside Youth Trust', null, 0);
	add.run('R-3', 'organisation', null, 'Hidden Trust', null, 1);
	add.run('R-4', 'individual', 'Sam Jones', 'Riverside Youth Trust', null, 0);
	add.run('R-5', 'organisation', null, 'Jane Doe', null, 0);
	add.run('R-6', 'organisation', null, 'RIVERSIDE YOUTH TRUST', null, 0);
	add.run('R-7', 'organisation', null, 'Jane  Doe', null, 0);
	add.run('R-8', 'organisation', 'Mrs Alison Greenhalgh', 'Alison Greenhalgh Associates', null, 0);
});
afterEach(() => t.cleanup());

const names = () => annexOf(t.db).organisations.map((o) => o.shown);
const log = () => t.db.prepare("SELECT username, target, detail_json FROM audit_log WHERE action = 'annex name decided' ORDER BY id").all() as { username: string; target: string; detail_json: string }[];
const details = () => log().map((l) => JSON.parse(l.detail_json) as Record<string, unknown>);
const name = (responseId: string, typed: string, checked = false) => decideAnnex(t.db, analyst, responseId, { decision: 'name', name: typed, checked });

describe("an analyst's decision on naming an organisation", () => {
	it('names one the rules left out, once the analyst says they checked why, and says who decided', () => {
		expect(names()).toEqual(['Riverside Youth Trust (2 responses)']);
		expect(annexEntry(t.db, 'R-1')).toMatchObject({ eligible: true, status: 'maybe a person', name: null, given: "Dr Patel's Surgery", by: 'the rules', reasons: expect.arrayContaining(['it begins with a title ("Dr")']), decision: null });
		expect(annexWithheld(t.db).map((w) => w.responseId)).toEqual(['R-1', 'R-5', 'R-7', 'R-8']);

		// The name still begins with a title: not stored until the analyst says they checked it.
		expect(name('R-1', "  Dr  Patel's Surgery, Leeds ")).toMatchObject({ field: 'annex-checked', problem: expect.stringContaining('it begins with a title ("Dr")') });
		expect(log()).toEqual([]);
		expect(name('R-1', "  Dr  Patel's Surgery, Leeds ", true)).toBeNull();
		expect(names()).toEqual(["Dr Patel's Surgery, Leeds", 'Riverside Youth Trust (2 responses)']);
		expect(annexOf(t.db)).toMatchObject({ named: 2, maybePerson: 3, withheld: 0 });
		expect(annexWithheld(t.db).map((w) => w.responseId)).toEqual(['R-5', 'R-7', 'R-8']);
		expect(annexEntry(t.db, 'R-1')).toMatchObject({ status: 'named', name: "Dr Patel's Surgery, Leeds", by: 'this response', decision: { decision: 'name', by: 'annex-analyst' } });
		expect(log()[0]).toMatchObject({ username: 'annex-analyst', target: 'respondent R-1' });
		expect(details()).toEqual([{ from: 'left to the rules (maybe a person)', to: 'named as "Dr Patel\'s Surgery, Leeds"', checkedDespite: expect.arrayContaining(['it begins with a title ("Dr")']) }]);
		// Saving the same decision again changes nothing and logs nothing.
		expect(name('R-1', "Dr Patel's Surgery, Leeds", true)).toBeNull();
		expect(log()).toHaveLength(1);
	});

	it("does not publish the respondent's own name or an e-mail address typed as the name without that check", () => {
		const refused = name('R-8', 'Mrs Alison Greenhalgh, a.greenhalgh@example.org');
		expect(refused?.field).toBe('annex-checked');
		expect(refused?.problem).toContain("it holds the respondent's own name");
		expect(refused?.problem).toContain('it holds an e-mail address');
		expect(names()).toEqual(['Riverside Youth Trust (2 responses)']);
	});

	it('confirms a name for every response that gives it, and the pages agree', () => {
		expect(name('R-5', 'Jane Doe')?.field).toBe('annex-checked');
		expect(name('R-5', 'Jane Doe', true)).toBeNull();
		expect(names()).toEqual(['Jane Doe (2 responses)', 'Riverside Youth Trust (2 responses)']);
		expect(annexWithheld(t.db).map((w) => w.responseId)).toEqual(['R-1', 'R-8']);
		expect(annexEntry(t.db, 'R-7')).toMatchObject({ status: 'named', name: 'Jane Doe', by: 'another response', decision: null });
	});

	it('leaves out every response of an organisation not to be named, counts them apart, and takes a decision back', () => {
		expect(decideAnnex(t.db, analyst, 'R-2', { decision: 'withhold' })).toBeNull();
		const annex = annexOf(t.db);
		expect(annex.organisations).toEqual([]);
		expect(annex).toMatchObject({ withheld: 2, maybePerson: 4, confidential: 1, individuals: 1 });
		expect(annex.text).toContain('organisations we decided not to name (2 responses)');
		expect(annexEntry(t.db, 'R-2')).toMatchObject({ status: 'withheld by an analyst', name: null, by: 'this response' });
		expect(annexEntry(t.db, 'R-6')).toMatchObject({ status: 'withheld by an analyst', by: 'another response' });

		expect(decideAnnex(t.db, analyst, 'R-2', { decision: 'rules' })).toBeNull();
		expect(names()).toEqual(['Riverside Youth Trust (2 responses)']);
		expect(annexEntry(t.db, 'R-2')).toMatchObject({ status: 'named', decision: null, by: 'the rules' });
		// Handing back to the rules what the rules already decide logs nothing.
		expect(decideAnnex(t.db, analyst, 'R-2', { decision: 'rules' })).toBeNull();
		expect(details()).toEqual([
			{ from: 'left to the rules (named)', to: 'not named' },
			{ from: 'not named', to: 'left to the rules' }
		]);
	});

	it("lists the analyst's spelling, and the organisation list's name for a name or abbreviation on it", () => {
		t.db.prepare("UPDATE respondent SET known_organisation = 'BMA' WHERE response_id = 'R-6'").run();
		expect(names()).toEqual(['British Medical Association (BMA)', 'Riverside Youth Trust']);
		expect(name('R-2', 'Riverside Youth Trust (Leeds)')).toBeNull();
		expect(name('R-5', 'bma', true)).toBeNull();
		expect(names()).toEqual(['British Medical Association (BMA) (2 responses)', 'Riverside Youth Trust (Leeds)']);
		expect(name('R-7', 'riverside youth trust (leeds)', true)).toBeNull();
		expect(names()).toEqual(['British Medical Association (BMA) (2 responses)', 'Riverside Youth Trust (Leeds) (2 responses)']);
	});

	it('asks for the check before publishing a name a respondent who asked for confidentiality gave', () => {
		expect(name('R-5', 'Hidden Trust')).toEqual({ field: 'annex-checked', problem: expect.stringContaining('a respondent who asked for confidentiality gave it as their organisation') });
	});

	it('stops applying when an import changes the organisation it was made on, and says so', () => {
		expect(decideAnnex(t.db, analyst, 'R-2', { decision: 'withhold' })).toBeNull();
		t.db.prepare("UPDATE respondent SET organisation = 'Riverside Youth  Trust CIC' WHERE response_id = 'R-2'").run();
		expect(annexEntry(t.db, 'R-2')).toMatchObject({ status: 'named', by: 'the rules', decision: null, stale: { given: 'Riverside Youth Trust' } });
		expect(names()).toEqual(['RIVERSIDE YOUTH TRUST', 'Riverside Youth Trust CIC']);
		expect(annexDecisions(t.db)).toEqual([expect.objectContaining({ responseId: 'R-2', decision: 'withhold', applies: false })]);
		// Deciding again applies to the organisation as it is now given.
		expect(decideAnnex(t.db, analyst, 'R-2', { decision: 'withhold' })).toBeNull();
		expect(names()).toEqual(['RIVERSIDE YOUTH TRUST']);
		expect(annexDecisions(t.db)).toEqual([expect.objectContaining({ responseId: 'R-2', given: 'Riverside Youth Trust CIC', applies: true })]);
	});

	it('cannot name a respondent who asked for confidentiality, an individual, or a blank name, and stores nothing then', () => {
		expect(name('R-3', 'Hidden Trust', true)?.problem).toMatch(/did not ask for confidentiality/);
		expect(name('R-4', 'Riverside Youth Trust')?.problem).toMatch(/did not ask for confidentiality/);
		expect(name('R-2', ' \t ')).toEqual({ field: 'annex-name', problem: 'Enter the name to publish' });
		expect(name('R-2', 'x'.repeat(201))?.problem).toMatch(/200 characters or fewer/);
		expect(decideAnnex(t.db, analyst, 'NO-SUCH', { decision: 'withhold' })?.problem).toMatch(/no response/);
		expect(annexEntry(t.db, 'R-3')).toMatchObject({ eligible: false, why: 'they asked for their response to be kept confidential' });
		expect(annexEntry(t.db, 'R-4')).toMatchObject({ eligible: false, why: 'they responded as an individual' });
		expect(t.db.prepare('SELECT count(*) FROM annex_decision').pluck().get()).toBe(0);
		expect(log()).toEqual([]);
		// Nor can the table itself hold a name with "not named", or "named" without a name.
		const id = t.db.prepare("SELECT id FROM respondent WHERE response_id = 'R-2'").pluck().get();
		expect(() => t.db.prepare("INSERT INTO annex_decision VALUES (?, 'withhold', 'X', 'g', 'a', 'now')").run(id)).toThrow(/CHECK/);
		expect(() => t.db.prepare("INSERT INTO annex_decision VALUES (?, 'name', ' ', 'g', 'a', 'now')").run(id)).toThrow(/CHECK/);
	});

	it('a decision made before the respondent asked for confidentiality names nothing, and can be taken back', () => {
		expect(name('R-2', 'Riverside Youth Trust')).toBeNull();
		t.db.prepare("UPDATE respondent SET confidential = 1 WHERE response_id IN ('R-2', 'R-6')").run();
		expect(names()).toEqual([]);
		expect(annexEntry(t.db, 'R-2')).toMatchObject({ eligible: false, decision: { decision: 'name' } });
		// The Report page's list withholds the organisation, as every page does for a confidential respondent.
		expect(annexDecisions(t.db)).toEqual([expect.objectContaining({ responseId: 'R-2', given: 'Withheld (confidential)', name: null, applies: false })]);
		expect(decideAnnex(t.db, analyst, 'R-2', { decision: 'rules' })).toBeNull();
		expect(t.db.prepare('SELECT count(*) FROM annex_decision').pluck().get()).toBe(0);
	});

	it("refuses to overwrite a decision another analyst made after the page was opened", () => {
		const opened = annexEntry(t.db, 'R-2')!.version;
		expect(opened).toBe('');
		expect(decideAnnex(t.db, analyst, 'R-2', { decision: 'withhold' }, opened)).toBeNull();
		// A second analyst, whose page was opened before the first saved.
		expect(decideAnnex(t.db, analyst, 'R-2', { decision: 'rules' }, opened)?.problem).toMatch(/Another analyst changed this decision/);
		expect(annexEntry(t.db, 'R-2')).toMatchObject({ status: 'withheld by an analyst' });
		expect(decideAnnex(t.db, analyst, 'R-2', { decision: 'rules' }, annexEntry(t.db, 'R-2')!.version)).toBeNull();
		expect(annexEntry(t.db, 'R-2')).toMatchObject({ status: 'named', version: '' });
	});

	it('is what the audit queries count', () => {
		name('R-1', "Dr Patel's Surgery", true);
		decideAnnex(t.db, analyst, 'R-2', { decision: 'withhold' });
		const annex = annexOf(t.db);
		expect(t.db.prepare(REPORT_ANNEX_SQL).all()).toEqual([
			{ name: "Dr Patel's Surgery", responses: 1, listed: 0, confirmed: 1 },
			{ name: 'Jane Doe', responses: 2, listed: 0, confirmed: 0 }
		]);
		expect(t.db.prepare(REPORT_NOT_NAMED_SQL).get()).toEqual({ confidential: 1, individuals: 1, unstated: 0, no_name: 0, maybe_person: 1, withheld: 2 });
		// The redaction check aside (SQL cannot do it): "Jane Doe" is named by the query, left out by the report.
		expect(annex).toMatchObject({ named: 1, maybePerson: 3, withheld: 2 });
	});
});

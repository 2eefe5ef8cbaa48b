// Analysts' decisions on how the summary of responses names an organisation: what the annex, the Report page's list of
// names to check and the audit log then say, and what an analyst cannot do (name a confidential respondent).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUser, type User } from '../../src/lib/server/auth';
import { annexEntry, annexOf, annexWithheld, decideAnnex } from '../../src/lib/server/report/annex';
import { REPORT_ANNEX_SQL, REPORT_NOT_NAMED_SQL } from '../../src/lib/audit-queries';
import { tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
let analyst: User;
beforeEach(async () => {
	t = tempDb();
	analyst = await createUser(t.db, 'annex-analyst', 'a long enough password 1', 'analyst');
	const add = t.db.prepare("INSERT INTO respondent (response_id, respondent_type, name, organisation, confidential, row_hash) VALUES (?, ?, ?, ?, ?, 'x')");
	add.run('R-1', 'organisation', null, "Dr Patel's Surgery", 0);
	add.run('R-2', 'organisation', null, 'Riverside Youth Trust', 0);
	add.run('R-3', 'organisation', null, 'Hidden Trust', 1);
	add.run('R-4', 'individual', 'Sam Jones', 'Riverside Youth Trust', 0);
	add.run('R-5', 'organisation', null, 'Jane Doe', 0);
});
afterEach(() => t.cleanup());

const names = () => annexOf(t.db).organisations.map((o) => o.shown);
const log = () => t.db.prepare("SELECT username, target, detail_json FROM audit_log WHERE action = 'annex name decided' ORDER BY id").all() as { username: string; target: string; detail_json: string }[];

describe("an analyst's decision on naming an organisation", () => {
	it('names one the rules left out as a possible person, under the name the analyst gives, and says who decided', () => {
		expect(names()).toEqual(['Riverside Youth Trust']);
		expect(annexEntry(t.db, 'R-1')).toMatchObject({ eligible: true, status: 'maybe a person', name: null, given: "Dr Patel's Surgery", decision: null });
		expect(annexWithheld(t.db).map((w) => w.responseId)).toEqual(['R-1', 'R-5']);

		expect(decideAnnex(t.db, analyst, 'R-1', { decision: 'name', name: "  Dr  Patel's Surgery, Leeds " })).toBeNull();
		expect(names()).toEqual(["Dr Patel's Surgery, Leeds", 'Riverside Youth Trust']);
		expect(annexOf(t.db)).toMatchObject({ named: 2, maybePerson: 1, withheld: 0 });
		expect(annexWithheld(t.db).map((w) => w.responseId)).toEqual(['R-5']);
		expect(annexEntry(t.db, 'R-1')).toMatchObject({ status: 'named', name: "Dr Patel's Surgery, Leeds", decision: { decision: 'name', by: 'annex-analyst' } });
		expect(log()).toEqual([{ username: 'annex-analyst', target: 'respondent R-1', detail_json: JSON.stringify({ from: "left to the rules (maybe a person)", to: 'named as "Dr Patel\'s Surgery, Leeds"' }) }]);
	});

	it("confirms a name the redaction took for a person's as it was given", () => {
		expect(decideAnnex(t.db, analyst, 'R-5', { decision: 'name', name: 'Jane Doe' })).toBeNull();
		expect(names()).toEqual(['Jane Doe', 'Riverside Youth Trust']);
		expect(annexWithheld(t.db)).toEqual([{ responseId: 'R-1', name: "Dr Patel's Surgery" }]);
	});

	it('leaves out one the rules would name, counts it apart, and takes a decision back', () => {
		expect(decideAnnex(t.db, analyst, 'R-2', { decision: 'withhold' })).toBeNull();
		const annex = annexOf(t.db);
		expect(annex.organisations).toEqual([]);
		expect(annex).toMatchObject({ withheld: 1, maybePerson: 2, confidential: 1, individuals: 1 });
		expect(annex.text).toContain('organisations we decided not to name (1)');
		expect(annexEntry(t.db, 'R-2')).toMatchObject({ status: 'withheld by an analyst', name: null });

		expect(decideAnnex(t.db, analyst, 'R-2', { decision: 'rules' })).toBeNull();
		expect(names()).toEqual(['Riverside Youth Trust']);
		expect(annexEntry(t.db, 'R-2')).toMatchObject({ status: 'named', decision: null });
		expect(log().map((l) => JSON.parse(l.detail_json))).toEqual([
			{ from: 'left to the rules (named)', to: 'not named' },
			{ from: 'not named', to: 'left to the rules' }
		]);
	});

	it('cannot name a respondent who asked for confidentiality, an individual, or a blank name, and stores nothing then', () => {
		expect(decideAnnex(t.db, analyst, 'R-3', { decision: 'name', name: 'Hidden Trust' })).toMatch(/did not ask for confidentiality/);
		expect(decideAnnex(t.db, analyst, 'R-4', { decision: 'name', name: 'Riverside Youth Trust' })).toMatch(/did not ask for confidentiality/);
		expect(decideAnnex(t.db, analyst, 'R-2', { decision: 'name', name: ' \t ' })).toBe('Enter the name to publish');
		expect(decideAnnex(t.db, analyst, 'R-2', { decision: 'name', name: 'x'.repeat(201) })).toMatch(/200 characters or fewer/);
		expect(decideAnnex(t.db, analyst, 'NO-SUCH', { decision: 'withhold' })).toMatch(/no response/);
		expect(annexEntry(t.db, 'R-3')).toMatchObject({ eligible: false, why: 'they asked for their response to be kept confidential' });
		expect(annexEntry(t.db, 'R-4')).toMatchObject({ eligible: false, why: 'they responded as an individual' });
		expect(t.db.prepare('SELECT count(*) FROM annex_decision').pluck().get()).toBe(0);
		expect(log()).toEqual([]);
		// Nor can the table itself hold a name with "not named", or "named" without a name.
		const id = t.db.prepare("SELECT id FROM respondent WHERE response_id = 'R-2'").pluck().get();
		expect(() => t.db.prepare("INSERT INTO annex_decision VALUES (?, 'withhold', 'X', 'a', 'now')").run(id)).toThrow(/CHECK/);
		expect(() => t.db.prepare("INSERT INTO annex_decision VALUES (?, 'name', ' ', 'a', 'now')").run(id)).toThrow(/CHECK/);
	});

	it('is what the audit queries count', () => {
		decideAnnex(t.db, analyst, 'R-1', { decision: 'name', name: "Dr Patel's Surgery" });
		decideAnnex(t.db, analyst, 'R-2', { decision: 'withhold' });
		const annex = annexOf(t.db);
		expect(t.db.prepare(REPORT_ANNEX_SQL).all()).toEqual([
			{ name: "Dr Patel's Surgery", responses: 1, listed: 0, confirmed: 1 },
			{ name: 'Jane Doe', responses: 1, listed: 0, confirmed: 0 }
		]);
		expect(t.db.prepare(REPORT_NOT_NAMED_SQL).get()).toEqual({ confidential: 1, individuals: 1, unstated: 0, no_name: 0, maybe_person: 0, withheld: 1 });
		// The redaction check aside (SQL cannot do it): "Jane Doe" is named by the query, left out by the report.
		expect(annex).toMatchObject({ named: 1, maybePerson: 1, withheld: 1 });
	});
});

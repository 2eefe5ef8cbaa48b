// A respondent that is itself a professional body counts as that body, unless it asked for confidentiality: its body
// would then name it on every page that shows a body (the response, the answers download, the body's own page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DB } from '../../src/lib/server/db/client';
import { ownName, writeBodies } from '../../src/lib/server/analyse';
import { bundledDb } from '../helpers/bundle';
import { buildFilter } from '../../src/lib/server/filters';
import { bodyGroupChoices, filteredRespondents } from '../../src/lib/server/facts';
import { respondent } from '../../src/lib/server/db/responses';

let path: string;
let cleanup: () => void;
let db: DB;
beforeAll(async () => {
	({ path, cleanup } = await bundledDb());
	db = openDb(path);
});
afterAll(() => {
	db.close();
	cleanup();
});

describe('bodies of confidential respondents', () => {
	it('does not give a confidential professional body its own name as its body, and gives it back when it is not confidential', () => {
		const row = () => db.prepare("SELECT body, known_organisation AS known FROM respondent WHERE response_id = 'R0001'").get() as { body: string | null; known: string | null };
		expect(row()).toEqual({ body: 'BMA', known: 'BMA' });
		db.prepare("UPDATE respondent SET confidential = 1 WHERE response_id = 'R0001'").run();
		writeBodies(db);
		expect(row()).toEqual({ body: null, known: null });
		// Nowhere in the body's group: not "the body itself" on its page, not in the body filter, not counted for it.
		const id = db.prepare("SELECT id FROM respondent WHERE response_id = 'R0001'").pluck().get() as number;
		const f = buildFilter(db, new URLSearchParams('body=BMA'));
		const ids = filteredRespondents(db, f).ids;
		expect(ids).not.toBeNull();
		expect(ids!.includes(id)).toBe(false);
		expect(bodyGroupChoices(db, buildFilter(db, new URLSearchParams()), 'BMA').some((c) => c.group === 'body')).toBe(false);
		// A confidential member who names its body keeps it: that says which body, not which member.
		const member = db.prepare("SELECT response_id FROM respondent WHERE confidential = 1 AND professional_body IS NOT NULL AND body IS NOT NULL LIMIT 1").pluck().get() as string | undefined;
		if (member) expect(db.prepare('SELECT body FROM respondent WHERE response_id = ?').pluck().get(member)).not.toBeNull();
		db.prepare("UPDATE respondent SET confidential = 0 WHERE response_id = 'R0001'").run();
		writeBodies(db);
		expect(row()).toEqual({ body: 'BMA', known: 'BMA' });
	});

	it('takes a body named by its initials, not on the list, for the respondent itself, and withholds it when confidential', () => {
		expect(ownName('Federation of Small Businesses', 'FSB')).toBe(true);
		expect(ownName('The British Parking Association', 'BPA')).toBe(true);
		expect(ownName("Barnardo's", 'BASW')).toBe(false);
		const row = () => db.prepare("SELECT body, known_organisation AS known FROM respondent WHERE response_id = 'R0002'").get() as { body: string | null; known: string | null };
		db.prepare("UPDATE respondent SET organisation = 'Federation of Small Businesses', professional_body = 'FSB', respondent_type = 'organisation', confidential = 1 WHERE response_id = 'R0002'").run();
		writeBodies(db);
		expect(row()).toEqual({ body: null, known: null });
		db.prepare("UPDATE respondent SET confidential = 0 WHERE response_id = 'R0002'").run();
		writeBodies(db);
		expect(row()).toEqual({ body: 'FSB', known: 'FSB' });
		// An individual whose workplace has the body's initials is a member, not the body ("Rochdale Community Nursing").
		db.prepare("UPDATE respondent SET organisation = 'Rochdale Community Nursing', professional_body = 'RCN', respondent_type = 'individual' WHERE response_id = 'R0002'").run();
		writeBodies(db);
		expect(row()).toEqual({ body: 'RCN', known: null });
	});

	it("redacts an answer imported since the last analysis with its respondent's own details, as analysis would", () => {
		db.exec('SAVEPOINT fresh');
		try {
			const id = Number(
				db
					.prepare("INSERT INTO respondent (response_id, respondent_type, organisation, name, confidential, row_hash) VALUES ('R9001', 'organisation', 'Dunmere Metropolitan Borough Council', 'Graham Tully', 1, 'x')")
					.run().lastInsertRowid
			);
			db.prepare("INSERT INTO answer (respondent_id, question_id, text) VALUES (?, 'q2', ?)").run(id, "Dunmere's experience is that sharing is late. Signed, Graham Tully, Dunmere.");
			const shown = respondent(db, 'R9001')!.answers.map((a) => a.text).join(' ');
			expect(shown).not.toMatch(/Dunmere|Tully/);
			expect(shown).toContain('[organisation removed]');
		} finally {
			db.exec('ROLLBACK TO fresh; RELEASE fresh');
		}
	});
});

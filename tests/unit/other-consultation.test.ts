// A consultation other than the bundled one (tests/fixtures/other-consultation: a fictional Department for Transport
// consultation on pavement parking, written by a reviewer to test "a new consultation is new files"): its own sectors,
// questions p1-p5 with options other than Yes/No, its own codeframe and gold labels, respondents with blank sectors.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../src/lib/import/bundle';
import { analyseDatabase, goldDirOf } from '../../src/lib/server/analyse';
import { openDb } from '../../src/lib/server/db/client';
import { readGold } from '../../src/lib/import/gold';
import { closedStance } from '../../src/lib/analysis/stance';
import { reportData } from '../../src/lib/server/report/data';
import { reportDocx } from '../../src/lib/server/report/docx';
import JSZip from 'jszip';
import { evaluate, formatEvaluation } from '../../src/lib/server/evaluate';
import { colourFor } from '../../src/lib/charts/StackedBars/chart';

const OTHER = 'tests/fixtures/other-consultation';
const dir = mkdtempSync(join(tmpdir(), 'consult-lens-other-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('another consultation', () => {
	it('builds and analyses: sectors are inferred only as its own, and the tagger learns from its own gold labels', async () => {
		const path = join(dir, 'other.db');
		await buildDatabase(OTHER, path, { analyse: (db) => void analyseDatabase(db) });
		const db = openDb(path, { readonly: true });
		try {
			const sectors = db.prepare('SELECT id FROM sector').pluck().all() as string[];
			expect(sectors).toContain('local-authority');
			expect(sectors).not.toContain('health');
			const inferred = db.prepare('SELECT DISTINCT sector FROM respondent WHERE sector_inferred = 1').pluck().all() as string[];
			for (const s of inferred) expect(sectors).toContain(s);
			expect(db.prepare('SELECT count(*) FROM respondent WHERE sector_given IS NULL').pluck().get()).toBeGreaterThan(0);
			expect(goldDirOf(db)).toBe(resolve(OTHER, 'gold'));
			const run = JSON.parse(db.prepare('SELECT summary_json FROM analysis_run ORDER BY id DESC LIMIT 1').pluck().get() as string);
			expect(run.trainedOn).toBe(new Set(readGold(join(OTHER, 'gold')).map((g) => g.text.trim())).size);
			expect(db.prepare("SELECT count(*) FROM answer_theme WHERE source = 'auto'").pluck().get()).toBeGreaterThan(0);
		} finally {
			db.close();
		}
	});

	it('reads the stance of its own closed answers by their words, and reports only what it gathered', async () => {
		const path = join(dir, 'other.db');
		const db = openDb(path);
		try {
			const stances = db.prepare('SELECT DISTINCT choice, stance FROM answer WHERE choice IS NOT NULL').all() as { choice: string; stance: string }[];
			expect(stances.length).toBeGreaterThan(3);
			for (const s of stances) expect(s.stance).toBe(closedStance(s.choice));
			expect(stances.find((s) => s.choice === 'Strongly disagree')?.stance).toBe('oppose');
			expect(stances.find((s) => s.choice === 'Option 3')?.stance).toBe('neutral');
			const events = db.prepare('SELECT count(*) AS n, sum(attendees) AS people FROM event').get() as { n: number; people: number };
			expect(reportData(db).gathered).toContain(`at ${events.n} events attended by ${events.people} people`);
			// Without events or children's comments, the report says nothing of them (not "0 events", not an empty table).
			db.exec('DELETE FROM event_feedback; DELETE FROM event; DELETE FROM cyp_feedback;');
			const r = reportData(db);
			expect(r.gathered).toMatch(/^There were \d+ written responses\.$/);
			const zip = await JSZip.loadAsync(await reportDocx(r));
			const xml = await zip.file('word/document.xml')!.async('string');
			expect(xml).not.toContain('>Events<');
			expect(xml).not.toContain("Children and young people's views");
		} finally {
			db.close();
		}
	});

	it('colours an agree / disagree scale as Yes and No are coloured: for in blue, against in red, between in grey', () => {
		const scale = ['Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree'];
		const fills = scale.map((o, i) => colourFor(o, i, scale).fill);
		expect(new Set(fills).size).toBe(5);
		// Strongly agree in Yes's dark blue, agree lighter; disagree in No's red.
		expect(fills[0]).toBe(colourFor('Yes', 0, ['Yes', 'No', 'Not sure']).fill);
		expect(fills[3]).toBe(colourFor('No', 1, ['Yes', 'No', 'Not sure']).fill);
		// Options that lean neither way keep distinct colours from the general palette.
		const plain = ['Option 1', 'Option 2', 'Option 3'].map((o, i, all) => colourFor(o, i, all).fill);
		expect(new Set(plain).size).toBe(3);
	});

	it('says there is nothing to measure the tagger against when there are no labelled answers', () => {
		const db = openDb(join(dir, 'other.db'), { readonly: true });
		try {
			const printed = formatEvaluation(evaluate(db, { folds: 5, goldDir: join(dir, 'no-gold-here') }));
			expect(printed).toContain('no labelled answers in');
			expect(printed).not.toMatch(/macro-F1 0\.00/);
		} finally {
			db.close();
		}
	});

	it('says sector inference cannot be measured when it inferred no sector, rather than "0 of the 0 right"', () => {
		const db = openDb(join(dir, 'other.db'), { readonly: true });
		try {
			const report = evaluate(db, { folds: 5, goldDir: join(dir, 'no-gold-here') });
			const none = { respondents: 3, inferred: 0, correct: 0, accuracy: 0, coverage: 0, correctOfAll: 0, byMethod: { 'not known': { n: 3, correct: 0 } }, errors: [] };
			const printed = formatEvaluation({ ...report, sectors: none });
			expect(printed).toContain('hiding the sector of the 3 respondents');
			expect(printed).toContain('none could be inferred');
			expect(printed).not.toContain('0 of the 0');
			expect(printed).not.toContain('accuracy 0.000');
		} finally {
			db.close();
		}
	});

	it("replaces, not mixes, a database of another consultation, keeping the old one beside it", async () => {
		const path = join(dir, 'swap.db');
		await buildDatabase('data', path, {});
		const before = openDb(path, { readonly: true });
		const bundledId = before.prepare('SELECT id FROM consultation').pluck().get() as string;
		before.close();
		const lines: string[] = [];
		await buildDatabase(OTHER, path, { log: (l) => lines.push(l) });
		const db = openDb(path, { readonly: true });
		try {
			expect(db.prepare('SELECT count(*) FROM consultation').pluck().get()).toBe(1);
			expect(db.prepare('SELECT id FROM consultation').pluck().get()).toBe('pavement-parking-2026');
			const questions = db.prepare('SELECT id FROM question ORDER BY position').pluck().all() as string[];
			expect(questions.every((q) => q.startsWith('p'))).toBe(true);
			expect(db.prepare("SELECT count(*) FROM respondent WHERE response_id LIKE 'R%'").pluck().get()).toBe(0);
		} finally {
			db.close();
		}
		const kept = readdirSync(dir).filter((f) => f.startsWith('swap.db.') && f.endsWith('.db'));
		expect(kept).toHaveLength(1);
		const old = openDb(join(dir, kept[0]), { readonly: true });
		expect(old.prepare('SELECT id FROM consultation').pluck().get()).toBe(bundledId);
		old.close();
		expect(lines.join('\n')).toContain(`the consultation "${bundledId}": building a new database`);
		expect(existsSync(`${path}.${process.pid}.tmp`)).toBe(false);
	});

	it('refuses to replace a database that is open elsewhere (the app), and changes nothing', async () => {
		const path = join(dir, 'busy.db');
		await buildDatabase('data', path, {});
		const app = openDb(path);
		try {
			const before = app.prepare('SELECT count(*) FROM respondent').pluck().get();
			await expect(buildDatabase(OTHER, path, {})).rejects.toThrow(/open elsewhere \(is the app running\?\)/);
			expect(app.prepare('SELECT id FROM consultation').pluck().get()).not.toBe('pavement-parking-2026');
			expect(app.prepare('SELECT count(*) FROM respondent').pluck().get()).toBe(before);
			expect(readdirSync(dir).filter((f) => f.startsWith('busy.db.'))).toEqual([]);
		} finally {
			app.close();
		}
	});
});

// Codeframe management: edits are recorded, merges and splits carry tags, and reloading the file does not undo them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseDatabase, trainingSet } from '../../src/lib/server/analyse';
import { createUser } from '../../src/lib/server/auth';
import { expectThemeHitsInStep } from '../helpers/theme-hits';
import { codeframe, LabelTaken, mergeThemes, saveTheme, splitTheme, themeAliases } from '../../src/lib/server/db/codeframe';
import { readGold } from '../../src/lib/import/gold';
import { openDb, type DB } from '../../src/lib/server/db/client';
import { loadDefinition } from '../../src/lib/import/definition';
import { buildDatabase } from '../../src/lib/import/bundle';
import { buildFilter, filterOptions } from '../../src/lib/server/filters';
import { cachedReads, ResultCache } from '../../src/lib/server/db/cache';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let db: DB;
let dir: string;
const tags = (theme: string) => db.prepare('SELECT count(*) FROM answer_theme WHERE theme_id = ?').pluck().get(theme) as number;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'consult-lens-codeframe-'));
	await buildDatabase('data', join(dir, 'c.db'), { analyse: (d) => void analyseDatabase(d) });
	db = openDb(join(dir, 'c.db'));
});
afterAll(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('codeframe management', () => {
	it('edits, merges and splits with tags carried and every change audited', async () => {
		const admin = await createUser(db, 'boss', 'administrator password', 'admin');
		const t = codeframe(db).find((x) => x.id === 'capacity')!;
		saveTheme(db, admin, { ...t, label: 'Capacity to consent', terms: [...t.terms, 'maturity'] }, false);
		expect(codeframe(db).find((x) => x.id === 'capacity')!.label).toBe('Capacity to consent');

		// One answer an analyst said raises security-accuracy but not recording-accountability: merged, it raises the
		// merged theme (the accept stands, not the target's reject).
		const both = db.prepare("SELECT id FROM answer WHERE trim(coalesce(text, '')) <> '' LIMIT 1 OFFSET 7").pluck().get() as number;
		const decide = db.prepare("INSERT OR REPLACE INTO answer_theme (answer_id, theme_id, source, decision, confidence, evidence_json, decided_by, decided_at) VALUES (?, ?, 'manual', ?, 1, '[]', ?, '2026-01-02')");
		decide.run(both, 'security-accuracy', 'accept', admin.id);
		decide.run(both, 'recording-accountability', 'reject', admin.id);
		const fromTags = tags('security-accuracy');
		const intoTags = tags('recording-accountability');
		expect(fromTags).toBeGreaterThan(0);
		mergeThemes(db, admin, 'security-accuracy', 'recording-accountability');
		expect(tags('security-accuracy')).toBe(0);
		expect(tags('recording-accountability')).toBeGreaterThan(intoTags);
		expect(tags('recording-accountability')).toBeLessThanOrEqual(intoTags + fromTags);
		expect(codeframe(db).some((x) => x.id === 'security-accuracy')).toBe(false);
		expect(db.prepare("SELECT decision FROM answer_theme WHERE answer_id = ? AND theme_id = 'recording-accountability' AND source = 'manual'").pluck().get(both)).toBe('accept');
		expect(JSON.parse(db.prepare("SELECT detail_json FROM audit_log WHERE action = 'themes merged' ORDER BY id DESC LIMIT 1").pluck().get() as string)).toMatchObject({ rejectsTurnedAccept: 1 });
		expectThemeHitsInStep(db);
		// Gold labels written with the old id train the theme it was merged into, rather than being dropped.
		const goldWith = (theme: string) => readGold('data/gold').filter((g) => g.themes.includes(theme)).map((g) => g.text.trim());
		const trained = new Map(trainingSet(db, 'data/gold').map((l) => [l.text.trim(), l.themes]));
		expect(goldWith('security-accuracy').length).toBeGreaterThan(50);
		for (const text of goldWith('security-accuracy')) expect(trained.get(text)).toContain('recording-accountability');
		expect([...trained.values()].some((themes) => themes.includes('security-accuracy'))).toBe(false);

		// An analyst's decision on training, which the split must not copy under their name to the new theme.
		const answer = db.prepare("SELECT answer_id FROM answer_theme WHERE theme_id = 'training' AND source = 'auto' LIMIT 1").pluck().get() as number;
		db.prepare("INSERT INTO answer_theme (answer_id, theme_id, source, decision, confidence, evidence_json, decided_by, decided_at) VALUES (?, 'training', 'manual', 'reject', 1, '[]', ?, '2026-01-01')").run(answer, admin.id);
		const auto = db.prepare("SELECT count(*) FROM answer_theme WHERE theme_id = 'training' AND source = 'auto'").pluck().get() as number;
		splitTheme(db, admin, 'training', { id: 'advice-lines', label: 'Advice lines', definition: 'Named advisers and advice lines.', terms: ['helpline'], phrases: ['advice line'] });
		expect(tags('advice-lines')).toBe(auto);
		expect(db.prepare("SELECT count(*) FROM answer_theme WHERE theme_id = 'advice-lines' AND source = 'manual'").pluck().get()).toBe(0);
		// Two themes of one name cannot be told apart: refused, whatever the case or spacing.
		const consent = codeframe(db).find((x) => x.id === 'consent')!;
		expect(() => saveTheme(db, admin, { ...consent, label: ' advice LINES ' }, false)).toThrow(LabelTaken);
		expect(() => saveTheme(db, admin, { ...consent, id: 'another', label: 'Advice lines' }, true)).toThrow('There is already a theme called Advice lines');
		expect(codeframe(db).find((x) => x.id === 'consent')!.label).toBe(consent.label);
		expectThemeHitsInStep(db);

		const actions = db.prepare("SELECT action FROM audit_log WHERE username = 'boss' ORDER BY id").pluck().all();
		expect(actions).toEqual(['theme edited', 'themes merged', 'theme created', 'theme split']);
	});

	it('reloading the codeframe file does not undo an administrator\'s changes', () => {
		loadDefinition(db, 'data');
		expect(codeframe(db).some((x) => x.id === 'security-accuracy')).toBe(false);
		expect(codeframe(db).find((x) => x.id === 'capacity')!.label).toBe('Capacity to consent');
		analyseDatabase(db);
		expect(tags('advice-lines')).toBeGreaterThanOrEqual(0);
	});

	it('a theme merged twice, or its old id taken by a new theme, keeps its labels where they belong', async () => {
		const admin = await createUser(db, 'boss2', 'administrator password', 'admin');
		mergeThemes(db, admin, 'recording-accountability', 'multi-agency');
		expect(themeAliases(db)).toEqual(new Map([['security-accuracy', 'multi-agency'], ['recording-accountability', 'multi-agency']]));
		saveTheme(db, admin, { id: 'security-accuracy', label: 'Security', definition: 'Keeping records secure.', terms: ['secure'], phrases: [] }, true);
		expect(themeAliases(db)).toEqual(new Map([['recording-accountability', 'multi-agency']]));
		const trained = new Map(trainingSet(db, 'data/gold').map((l) => [l.text.trim(), l.themes]));
		for (const g of readGold('data/gold').filter((x) => x.themes.includes('security-accuracy'))) expect(trained.get(g.text.trim())).toContain('security-accuracy');
	});

	it('offers a theme in the filters as soon as it is added, renamed or merged away on the same connection', async () => {
		const admin = await createUser(db, 'filters-admin', 'administrator password', 'admin');
		// As the server has it: pages read through the result cache, the codeframe page writes on the connection.
		const reads = cachedReads(db, new ResultCache(db));
		const themes = () => filterOptions(reads).theme.map((t) => `${t.value}=${t.label}`);
		expect(themes()).not.toContain('cost=Cost of sharing');
		saveTheme(db, admin, { id: 'cost', label: 'Cost of sharing', definition: 'What sharing costs.', terms: ['cost'], phrases: [] }, true);
		expect(themes()).toContain('cost=Cost of sharing');
		expect(buildFilter(reads, new URLSearchParams('theme=cost')).ignored).toEqual([]);
		saveTheme(db, admin, { id: 'cost', label: 'Costs', definition: 'What sharing costs.', terms: ['cost'], phrases: [] }, false);
		expect(themes()).toContain('cost=Costs');
		mergeThemes(db, admin, 'cost', 'resources');
		expect(themes().some((t) => t.startsWith('cost='))).toBe(false);
	});
});

describe('inter-coder reliability', () => {
	it('draws a blind sample, scores coders against each other and the model', async () => {
		const { createSample, nextTask, results, saveCode } = await import('../../src/lib/server/db/icr');
		const admin = { id: db.prepare("SELECT id FROM app_user WHERE username = 'boss'").pluck().get() as number, username: 'boss', role: 'admin' as const };
		const a = await createUser(db, 'coder-a', 'first coder password', 'analyst');
		const b = await createUser(db, 'coder-b', 'second coder password', 'analyst');
		const id = createSample(db, admin, a.id, b.id, 10, 42);
		for (let i = 0; i < 10; i++) {
			const taskA = nextTask(db, a.id)!;
			const taskB = nextTask(db, b.id)!;
			expect(taskA.answerId).toBe(taskB.answerId);
			expect(taskA).not.toHaveProperty('themes');
			saveCode(db, a, id, taskA.answerId, i % 2 ? ['consent'] : ['training']);
			saveCode(db, b, id, taskB.answerId, i % 3 ? ['consent'] : ['training']);
		}
		expect(nextTask(db, a.id)).toBeNull();
		const [r] = results(db);
		expect(r.both).toBe(10);
		const consent = r.perTheme.find((t) => t.theme === 'consent')!;
		// a: consent on odd i (5 of 10); b: unless i % 3 == 0 (6 of 10); both on 1, 5, 7; neither on 0, 6.
		// Observed agreement (3 + 2) / 10 = 0.5 equals chance 0.5 * 0.6 + 0.5 * 0.4 = 0.5, so kappa is 0.
		expect(consent.kappa).toBe(0);
		const training = r.perTheme.find((t) => t.theme === 'training')!;
		// training is the complement of consent for both coders, so the same table: kappa 0.
		expect(training.kappa).toBe(0);
		expect(r.pooled.modelVsA).not.toBeNull();
	});
});

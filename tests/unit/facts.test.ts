// The counts pages take from memory (facts.ts) equal their SQL twins, under every kind of filter, and follow changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignCounts, campaignRespondents, campaignSectors, factsLoads, readFacts, themeStances, themeBodyCounts, respondentTotal, sectorCounts, typeCounts, bodyCounts, weekCounts, bodyGroupChoices, bodyGroupThemes, choiceCounts, questionCounts, themeCounts, themeSectorCells, untaggedCounts } from '../../src/lib/server/facts';
import { choicesBySector } from '../../src/lib/server/db/questions';
import { themeByBody, themeStance, untagged } from '../../src/lib/server/db/themes';
import { answersWithTheme } from '../../src/lib/server/db/responses';
import { respondentCount } from '../../src/lib/server/db/overview';
import { bodyComparison, bodyThemes } from '../../src/lib/server/db/stakeholders';
import { BY_RESPONSE_ID, searchAnswers } from '../../src/lib/server/db/responses';
import { progress, progressSql, saveDecision, saveSector, uncorrectedChoice, UNCORRECTED } from '../../src/lib/server/db/review';
import { decideAnnex } from '../../src/lib/server/report/annex';
import { createSession, createUser, signIn } from '../../src/lib/server/auth';
import { buildFilter, filterOptions } from '../../src/lib/server/filters';
import { answersByQuestion } from '../../src/lib/server/db/stats';
import { campaignCountsSql, campaignRespondentsSql, campaignSectorsSql } from '../../src/lib/server/db/campaigns';
import { themesBySector } from '../../src/lib/server/db/questions';
import { prevalence } from '../../src/lib/server/db/themes';

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
import { openDb, type DB } from '../../src/lib/server/db/client';
import { withRespondentSet } from '../../src/lib/server/filter-set';
import { bodyBreakdown, bySector, byType, submissionsByWeek } from '../../src/lib/server/db/overview';
import { stakeholderCounts, stakeholders } from '../../src/lib/server/db/stakeholders';
import { publishableAnswers } from '../../src/lib/server/db/exports';
import { cachedReads, ResultCache } from '../../src/lib/server/db/cache';
import { bundledDb } from '../helpers/bundle';
import { withUnusualBodies } from '../helpers/bodies';

let db: DB;
let path: string;
let cleanup: () => void;
beforeAll(async () => {
	({ db, path, cleanup } = await bundledDb());
});
afterAll(() => cleanup());

const sectorTotal = (f: ReturnType<typeof buildFilter>) => themeSectorCells(db, f, null).filter((c) => c.theme === 'consent').reduce((n, c) => n + c.base, 0);

const FILTERS = [
	'',
	'sector=health',
	'sector=health&sector=education&type=organisation',
	'sector=unknown',
	'body=RCN',
	'region=London&type=individual',
	'question=q5&answer=No',
	'question=q7&stance=oppose',
	'theme=consent',
	'theme=none',
	'q=consent',
	'q="information sharing"&sector=health&theme=consent',
	'sector=police&theme=training&stance=support',
	'question=q5&question=q6&answer=Yes&theme=none',
	'theme=none&theme=consent&type=organisation',
	'answer=Nonexistent',
	'campaign=none',
	'campaign=once&sector=education',
	'campaign=none&theme=consent&question=q7'
];

/** Every count kept in memory, under every filter, equals its SQL twin. */
function expectMemoryEqualsSql() {
		for (const q of FILTERS) {
			const f = buildFilter(db, new URLSearchParams(q));
			const sqlPrevalence = new Map(prevalence(db, f).map((p) => [p.theme, p]));
			for (const t of themeCounts(db, f)) {
				const p = sqlPrevalence.get(t.theme)!;
				expect([t.respondents, t.answers], `${q}: ${t.theme}`).toEqual([p.respondents, p.answers]);
			}
			for (const question of [null, 'q5', 'q7']) expect(themeSectorCells(db, f, question), `${q} ${question}`).toEqual(themesBySector(db, f, question));
			expect(questionCounts(db, f), q).toEqual(answersByQuestion(db, f));
			for (const question of ['q1', 'q5']) expect(sorted(choiceCounts(db, f, question)), `${q} ${question}`).toEqual(sorted(choicesBySector(db, f, question)));
			expect(untaggedCounts(db, f), q).toEqual(untagged(db, f));
			for (const theme of ['consent', 'training']) {
				expect(themeStances(db, f, theme), `${q} ${theme}`).toEqual(themeStance(db, f, theme));
				expect(themeBodyCounts(db, f, theme), `${q} ${theme}`).toEqual(themeByBody(db, f, theme));
				expect(answersWithTheme(db, f, theme, 1, 5).total, `${q} ${theme}`).toBe(
					db.prepare(`SELECT count(*) FROM theme_hit e JOIN answer a ON a.id = e.answer_id JOIN respondent r ON r.id = a.respondent_id WHERE e.theme_id = ? AND ${f.where}`).pluck().get(theme, ...f.params)
				);
			}
			// The filtered respondents, found in memory for answer-level filters, are those the filter's SQL finds.
			expect(themeCounts(db, f).reduce((n, t) => n + t.answers, 0), q).toBe(
				db.prepare(`SELECT count(*) FROM theme_hit e JOIN respondent r ON r.id = e.respondent_id WHERE ${f.where}`).pluck().get(...f.params)
			);
			expect(sectorTotal(f), q).toBe(respondentCount(db, f));
			expect(respondentTotal(db, f), q).toBe(respondentCount(db, f));
			expect(sectorCounts(db, f), q).toEqual(bySector(db, f));
			expect(typeCounts(db, f), q).toEqual(byType(db, f));
			for (const limit of [3, 10, 1000]) expect(bodyCounts(db, f, limit), `${q} ${limit}`).toEqual(bodyBreakdown(db, f, limit));
			expect(weekCounts(db, f), q).toEqual(submissionsByWeek(db, f));
			expect(searchAnswers(db, f, 1, 20).total, q).toBe(
				db
					.prepare(`SELECT count(*) FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE trim(coalesce(a.text, '')) <> '' AND ${f.answerWhere} AND ${f.where}`)
					.pluck()
					.get(...f.answerParams, ...f.params)
			);
			for (const body of ['RCN', 'NSPCC', 'nobody']) {
				expect(bodyGroupThemes(db, f, body), `${q} ${body}`).toEqual(bodyThemes(db, f, body));
				expect(sorted(bodyGroupChoices(db, f, body)), `${q} ${body}`).toEqual(sorted(bodyComparison(db, f, body)));
			}
		}
		expect(themeCounts(db, buildFilter(db, new URLSearchParams(''))).some((t) => t.respondents > 0)).toBe(true);
		expect(progress(db)).toEqual(progressSql(db));
}

/** Campaign counts kept in memory equal their SQL twins under every filter. */
function expectCampaignsEqualSql(on: DB) {
	const ids = on.prepare('SELECT id FROM campaign').pluck().all() as number[];
	expect(ids.length).toBeGreaterThan(0);
	for (const q of FILTERS) {
		const f = buildFilter(on, new URLSearchParams(q));
		expect(campaignCounts(on, f), q).toEqual(campaignCountsSql(on, f));
		// As a question's page counts them: every campaign answer of the selected respondents.
		expect(campaignCounts(on, f, false), q).toEqual(campaignCountsSql(on, f, false));
		for (const id of ids) expect(campaignSectors(on, f, id, false), `${q} ${id}`).toEqual(campaignSectorsSql(on, f, id, false));
		expect(campaignRespondents(on, f), q).toBe(campaignRespondentsSql(on, f));
		for (const id of ids) expect(campaignSectors(on, f, id), `${q} ${id}`).toEqual(campaignSectorsSql(on, f, id));
	}
}

describe('counts kept in memory', () => {
	it('equal the SQL queries for themes, theme x sector, theme x body, questions answered, choices, untagged answers and body groups', () => {
		expectMemoryEqualsSql();
	});

	it('equal the SQL queries for campaigns: answers from the selected respondents, and their sectors', () => {
		expectCampaignsEqualSql(db);
	});

	it('give every query the same rows when an answer-level filter is read from a temporary table of its respondents', () => {
		// As the server reads: through the result cache, which must neither serve a stale set nor count the table as a change.
		const reads = cachedReads(db, new ResultCache(db));
		readFacts(db);
		const before = factsLoads();
		for (const q of FILTERS) {
			const f = buildFilter(reads, new URLSearchParams(q));
			const g = withRespondentSet(reads, f);
			if (f.answerWhere === '1') expect(g, q).toBe(f);
			else expect(g.where, q).toMatch(/^\+r\.id IN \(SELECT id FROM temp\."respondent_set_[0-9a-f]+"\)$/);
			const run = (h: typeof f) => ({
				count: respondentCount(reads, h),
				sectors: bySector(reads, h),
				types: byType(reads, h),
				bodies: bodyBreakdown(reads, h),
				weeks: submissionsByWeek(reads, h),
				stakeholders: [stakeholderCounts(reads, h), stakeholders(reads, h, { number: 1, size: 20 })],
				themes: themeCounts(reads, h),
				byBody: themeByBody(reads, h, 'consent'),
				search: searchAnswers(reads, h, 1, 10),
				published: publishableAnswers(reads, h).length
			});
			expect(run(g), q).toEqual(run(f));
		}
		// Nine sets made, eight kept: the oldest was dropped, and asking again makes it afresh.
		expect(db.prepare("SELECT count(*) FROM sqlite_temp_master WHERE name LIKE 'respondent_set_%'").pluck().get()).toBeLessThanOrEqual(8);
		const first = buildFilter(reads, new URLSearchParams('question=q5&answer=No'));
		expect(respondentCount(reads, withRespondentSet(reads, first))).toBe(respondentCount(reads, first));
		// The counts in memory were not read again: making the tables changed nothing a page shows.
		readFacts(db);
		expect(factsLoads()).toBe(before);
	});

	it('list answers in response order whichever index the query reads respondents from', () => {
		expect(db.prepare(`SELECT name FROM pragma_index_info('${BY_RESPONSE_ID}')`).pluck().all()).toEqual(['response_id']);
		for (const q of ['', 'sector=health&sector=police', 'body=RCN', 'sector=unknown', 'question=q5&answer=No', 'q=consent&sector=health']) {
			const f = buildFilter(db, new URLSearchParams(q));
			const expected = db
				.prepare(
					`SELECT a.id FROM answer a JOIN respondent r ON r.id = a.respondent_id JOIN question q ON q.id = a.question_id
					 WHERE trim(coalesce(a.text, '')) <> '' AND ${f.answerWhere} AND ${f.where} ORDER BY r.response_id, q.position LIMIT 15 OFFSET 15`
				)
				.pluck()
				.all(...f.answerParams, ...f.params);
			expect(searchAnswers(db, f, 2, 15).items.map((i) => i.answerId), q).toEqual(expected);
		}
	});

	it("list a theme's answers in the same order whichever table the query starts from", () => {
		let selective = 0;
		for (const q of ['', 'sector=police', 'body=RCN', 'sector=unknown', 'theme=consent&sector=health', 'question=q5&answer=No&body=BASW']) {
			const f = buildFilter(db, new URLSearchParams(q));
			for (const theme of ['consent', 'index-databases']) {
				const expected = db
					.prepare(
						`SELECT a.id FROM theme_hit e JOIN answer a ON a.id = e.answer_id JOIN respondent r ON r.id = a.respondent_id JOIN question q ON q.id = a.question_id
						 WHERE e.theme_id = ? AND ${f.where} ORDER BY e.confidence DESC, r.response_id, q.position LIMIT 12`
					)
					.pluck()
					.all(theme, ...f.params);
				expect(answersWithTheme(db, f, theme, 1, 12).items.map((i) => i.answerId), `${q} ${theme}`).toEqual(expected);
				const all = themeCounts(db, buildFilter(db, new URLSearchParams())).find((t) => t.theme === theme)!.answers;
				const mine = themeCounts(db, f).find((t) => t.theme === theme)!.answers;
				if (f.active && mine * 20 < all) selective++;
			}
		}
		// Both ways of reading were taken.
		expect(selective).toBeGreaterThan(2);
	});

	it('are kept apart for two connections whose own change counts agree', () => {
		const a = openDb(path);
		const b = openDb(path);
		a.exec('SAVEPOINT apart');
		try {
			// One uncommitted change on a, one change to a temporary table on b: both connections count one change, and
			// neither has seen the other commit, so the database state alone cannot tell their views apart.
			a.prepare("UPDATE respondent SET sector = 'police' WHERE id = (SELECT min(id) FROM respondent WHERE sector = 'health')").run();
			b.exec('CREATE TEMP TABLE apart (id INTEGER); INSERT INTO temp.apart VALUES (1);');
			const all = new URLSearchParams('sector=health');
			const onA = respondentTotal(a, buildFilter(a, all));
			expect(respondentTotal(b, buildFilter(b, all))).toBe(onA + 1);
			expect(respondentTotal(b, buildFilter(b, all))).toBe(respondentCount(b, buildFilter(b, all)));
		} finally {
			a.exec('ROLLBACK TO apart; RELEASE apart');
			a.close();
			b.close();
		}
	});

	it('count a theme by body as the SQL does when bodies that responded name no body, or another', () => {
		withUnusualBodies(
			path,
			(w) => {
				for (const q of ['', 'sector=health', 'body=RCN', 'theme=consent'])
					for (const theme of ['consent', 'training', 'legal-framework']) {
						const f = buildFilter(w, new URLSearchParams(q));
						expect(themeBodyCounts(w, f, theme), `${q} ${theme}`).toEqual(themeByBody(w, f, theme));
						expect(bodyCounts(w, f), q).toEqual(bodyBreakdown(w, f));
						expect(bodyCounts(w, f).rows.filter((r) => r.key === 'RCN').length, q).toBeLessThanOrEqual(1);
					}
			},
			(w) => {
				// Bodies written in another case than the list has them (the name "Unison" as UNISON, the abbreviation RCN
				// as rcn), and an abbreviation two organisations share: named as SQL names them (its columns compare
				// without regard to case).
				expect(w.prepare("SELECT abbreviation FROM organisation WHERE name = 'Unison'").pluck().get()).toBe('UNISON');
				w.prepare("UPDATE respondent SET body = 'UNISON' WHERE id IN (SELECT id FROM respondent WHERE body IS NULL ORDER BY id LIMIT 3)").run();
				w.prepare("UPDATE respondent SET body = 'rcn' WHERE id IN (SELECT id FROM respondent WHERE body IS NULL ORDER BY id LIMIT 2)").run();
				w.prepare("INSERT INTO organisation (name, abbreviation, sector_id, kind) VALUES ('Royal College of Nursing Wales', 'RCN', 'health', 'professional-body')").run();
			}
		);
	});

	it('follow an analyst\'s review decisions, and sign-ins, without reading every tag again', async () => {
		// One connection reads and writes, as in the server.
		const shared = db;
		db = openDb(path);
		try {
			await decideAndCount();
		} finally {
			db.close();
			db = shared;
		}
	});

	async function decideAndCount() {
		const analyst = await createUser(db, 'facts-analyst', 'a long enough password 1', 'analyst');
		// A respondent who answered nothing: the counts learn their sector from no answer.
		db.prepare("INSERT INTO respondent (response_id, respondent_type, sector, row_hash) VALUES ('FACTS-NO-ANSWERS', 'individual', 'health', 'x')").run();
		const f = buildFilter(db, new URLSearchParams(''));
		themeCounts(db, f);
		const loads = factsLoads();
		// An answer with a consent tag from the model, whose respondent gave no sector.
		const answer = db
			.prepare(
				`SELECT a.id FROM answer a JOIN respondent r ON r.id = a.respondent_id JOIN theme_hit e ON e.answer_id = a.id
				 WHERE e.theme_id = 'consent' AND e.source = 'auto' AND a.stance <> 'oppose' AND r.sector <> 'police'
				   AND NOT EXISTS (SELECT 1 FROM theme_hit x WHERE x.answer_id = a.id AND x.theme_id = 'training') LIMIT 1`
			)
			.pluck()
			.get() as number;
		const before = themeCounts(db, f);
		saveDecision(db, analyst, answer, { themes: { consent: 'reject', training: 'accept' }, stance: 'oppose', sector: 'police', campaign: false });
		const after = themeCounts(db, f);
		expect(factsLoads()).toBe(loads);
		const count = (rows: typeof before, theme: string) => rows.find((t) => t.theme === theme)!.answers;
		expect(count(after, 'consent')).toBe(count(before, 'consent') - 1);
		expect(count(after, 'training')).toBe(count(before, 'training') + 1);
		expectMemoryEqualsSql();
		expect(factsLoads()).toBe(loads);
		// The review form takes its sector correction back (to the sector the analysis had), and the counts follow.
		const sectorNow = () => db.prepare('SELECT r.sector, r.sector_manual AS manual FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.id = ?').get(answer);
		expect(sectorNow()).toEqual({ sector: 'police', manual: 'police' });
		saveDecision(db, analyst, answer, { themes: {}, stance: null, sector: UNCORRECTED, campaign: false });
		expect((sectorNow() as { sector: string }).sector).not.toBe('police');
		expect((sectorNow() as { manual: string | null }).manual).toBeNull();
		expectMemoryEqualsSql();
		expect(factsLoads()).toBe(loads);
		// A sector corrected on a response's page, and a decision on how the annex names an organisation.
		const police = () => sectorCounts(db, f).find((c) => c.key === 'police')!.count;
		const policeBefore = police();
		const moved = db.prepare("SELECT r.response_id FROM respondent r WHERE r.sector = 'health' AND EXISTS (SELECT 1 FROM answer a WHERE a.respondent_id = r.id) LIMIT 1").pluck().get() as string;
		expect(saveSector(db, analyst, moved, 'police')).toBeNull();
		expect(saveSector(db, analyst, 'FACTS-NO-ANSWERS', 'police')).toBeNull();
		const organisation = db.prepare("SELECT response_id FROM respondent WHERE respondent_type = 'organisation' AND confidential = 0 LIMIT 1").pluck().get() as string;
		expect(decideAnnex(db, analyst, organisation, { decision: 'withhold' })).toBeNull();
		expect(police()).toBe(policeBefore + 2);
		expectMemoryEqualsSql();
		expect(factsLoads()).toBe(loads);
		// A correction taken back: the sector given, or the one the analysis infers again (this one was health either way).
		expect(saveSector(db, analyst, moved, UNCORRECTED)).toBeNull();
		expect(db.prepare('SELECT sector, sector_manual AS manual FROM respondent WHERE response_id = ?').get(moved)).toEqual({ sector: 'health', manual: null });
		expect(police()).toBe(policeBefore + 1);
		expectMemoryEqualsSql();
		expect(factsLoads()).toBe(loads);
		// For respondents who gave no sector, taking a correction back infers it as the analysis did.
		const inferred = db.prepare('SELECT response_id AS id, sector, sector_reason AS reason FROM respondent WHERE sector_inferred = 1 ORDER BY id LIMIT 8').all() as { id: string; sector: string; reason: string }[];
		expect(inferred.length).toBeGreaterThan(0);
		for (const r of inferred) {
			expect(uncorrectedChoice(db, r.id)).toBeNull();
			expect(saveSector(db, analyst, r.id, 'other')).toBeNull();
			// The form's choice says what taking the correction back gives.
			const label = db.prepare('SELECT label FROM sector WHERE id = ?').pluck().get(r.sector) as string;
			expect(uncorrectedChoice(db, r.id)).toBe(`Take the correction back: ${label}, as the analysis infers`);
			expect(saveSector(db, analyst, r.id, UNCORRECTED)).toBeNull();
			expect(db.prepare('SELECT sector, sector_reason AS reason, sector_inferred AS inferred, sector_manual AS manual FROM respondent WHERE response_id = ?').get(r.id)).toEqual({ sector: r.sector, reason: r.reason, inferred: 1, manual: null });
		}
		expectMemoryEqualsSql();
		expect(factsLoads()).toBe(loads);
		// Signing in and the audit log write to the database, but nothing the counts read.
		await signIn(db, 'facts-analyst', 'a long enough password 1');
		createSession(db, analyst.id);
		themeCounts(db, f);
		expect(factsLoads()).toBe(loads);
	}

	it('read ahead (as the server does when it starts) are the ones the next page uses', () => {
		const writer = openDb(path);
		writer.exec("INSERT INTO meta (key, value) VALUES ('facts-test', '1') ON CONFLICT(key) DO UPDATE SET value = value + 1");
		writer.close();
		const loads = factsLoads();
		readFacts(db);
		expect(factsLoads()).toBe(loads + 1);
		themeCounts(db, buildFilter(db, new URLSearchParams('sector=health')));
		expect(factsLoads()).toBe(loads + 1);
	});

	it('are read afresh when another connection commits while a review decision is being applied to them', async () => {
		const own = openDb(path);
		const other = openDb(path);
		try {
			const analyst = await createUser(own, 'race-analyst', 'a long enough password 1', 'analyst');
			const f = buildFilter(own, new URLSearchParams(''));
			const consent = () => themeCounts(own, f).find((t) => t.theme === 'consent')!.answers;
			const truth = () => prevalence(other, f).find((p) => p.theme === 'consent')!.answers;
			expect(consent()).toBe(truth());
			const answer = own
				.prepare("SELECT a.id FROM answer a WHERE trim(coalesce(a.text, '')) <> '' AND EXISTS (SELECT 1 FROM theme_hit e WHERE e.answer_id = a.id AND e.theme_id = 'training') LIMIT 1")
				.pluck()
				.get() as number;
			const target = other
				.prepare("SELECT a.id FROM answer a WHERE trim(coalesce(a.text, '')) <> '' AND a.id <> ? AND NOT EXISTS (SELECT 1 FROM theme_hit e WHERE e.answer_id = a.id AND e.theme_id = 'consent') LIMIT 1")
				.pluck()
				.get(answer) as number;
			// The other connection commits just as the counts in memory start to follow the decision.
			const prepare = own.prepare.bind(own);
			let injected = false;
			(own as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
				if (!injected && sql.includes('FROM theme_hit WHERE answer_id = ?')) {
					injected = true;
					other.prepare("INSERT INTO answer_theme (answer_id, theme_id, source, decision, confidence) VALUES (?, 'consent', 'manual', 'accept', 1)").run(target);
				}
				return prepare(sql);
			};
			saveDecision(own, analyst, answer, { themes: { training: 'reject' }, stance: null, sector: null, campaign: false });
			(own as unknown as { prepare: typeof prepare }).prepare = prepare;
			expect(injected).toBe(true);
			expect(consent()).toBe(truth());
		} finally {
			own.close();
			other.close();
		}
	});

	it('are not kept from inside a transaction that is rolled back, nor are cached results or filter options', () => {
		const own = openDb(path);
		try {
			const reads = cachedReads(own, new ResultCache(own));
			const f = buildFilter(reads, new URLSearchParams(''));
			const consent = () => themeCounts(reads, f).find((t) => t.theme === 'consent')!.answers;
			const ghost = () => filterOptions(reads).theme.some((t) => t.value === 'ghost');
			const themes = () => reads.prepare('SELECT count(*) FROM theme').pluck().get();
			const before = [consent(), ghost(), themes()];
			const answer = own
				.prepare("SELECT a.id FROM answer a WHERE trim(coalesce(a.text, '')) <> '' AND NOT EXISTS (SELECT 1 FROM theme_hit e WHERE e.answer_id = a.id AND e.theme_id = 'consent') LIMIT 1")
				.pluck()
				.get() as number;
			expect(() =>
				own.transaction(() => {
					own.prepare("INSERT INTO theme (id, label, definition, position, seeds_json) VALUES ('ghost', 'Ghost', 'x', 99, '{}')").run();
					own.prepare("INSERT INTO answer_theme (answer_id, theme_id, source, decision, confidence) VALUES (?, 'consent', 'manual', 'accept', 1)").run(answer);
					expect([consent(), ghost(), themes()]).toEqual([(before[0] as number) + 1, true, (before[2] as number) + 1]);
					throw new Error('rolled back');
				})()
			).toThrow('rolled back');
			expect([consent(), ghost(), themes()]).toEqual(before);
		} finally {
			own.close();
		}
	});

	it('are read afresh when another connection changes the database', () => {
		const f = buildFilter(db, new URLSearchParams(''));
		const before = themeCounts(db, f).find((t) => t.theme === 'consent')!;
		const writer = openDb(path);
		const answer = writer
			.prepare("SELECT a.id FROM answer a WHERE trim(coalesce(a.text, '')) <> '' AND NOT EXISTS (SELECT 1 FROM theme_hit e WHERE e.answer_id = a.id AND e.theme_id = 'consent') LIMIT 1")
			.pluck()
			.get() as number;
		writer.prepare("INSERT INTO answer_theme (answer_id, theme_id, source, decision, confidence) VALUES (?, 'consent', 'manual', 'accept', 1)").run(answer);
		writer.close();
		const after = themeCounts(db, f).find((t) => t.theme === 'consent')!;
		expect(after.answers).toBe(before.answers + 1);
		expect(after.respondents).toBe(prevalence(db, f).find((p) => p.theme === 'consent')!.respondents);
	});
});

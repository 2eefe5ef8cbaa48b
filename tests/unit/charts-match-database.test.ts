// Every number a chart shows must equal what a direct query of the database gives, under any filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_TABLES, choicesTable, eventFormsTable, eventRatingsTable, eventThemesTable, heatmapTable, prevalenceTable, sectorsTable, themeSectorTable } from '../../src/lib/server/charts';
import { themesEventsVsWritten } from '../../src/lib/server/db/events';
import { byAgeBand, topicName, topics } from '../../src/lib/server/db/children';
import { themeByBody } from '../../src/lib/server/db/themes';
import { buildFilter } from '../../src/lib/server/filters';
import { BODY_LABEL, bodyBreakdown, bodyMembers, respondentCount } from '../../src/lib/server/db/overview';
import type { DB } from '../../src/lib/server/db/client';
import { withUnusualBodies } from '../helpers/bodies';
import { bundledDb } from '../helpers/bundle';
import { themeSource } from '../../src/lib/format';
import { progressSql } from '../../src/lib/server/db/review';
import { respondentTotal } from '../../src/lib/server/facts';

let db: DB;
let path: string;
let cleanup: () => void;
beforeAll(async () => {
	({ db, path, cleanup } = await bundledDb());
});
afterAll(() => cleanup());

const f = (query: string) => buildFilter(db, new URLSearchParams(query));
const scalar = (sql: string, ...p: unknown[]) => db.prepare(sql).pluck().get(...p) as number;

describe('chart numbers equal direct queries', () => {
	it('respondents by sector, unfiltered and filtered by body', () => {
		for (const q of ['', 'body=RCN', 'sector=health&sector=education', 'type=individual&region=London']) {
			const table = sectorsTable(db, f(q));
			const total = table.rows.reduce((a, r) => a + (r[1] as number), 0);
			expect(total).toBe(respondentCount(db, f(q)));
			for (const [label, n] of table.rows) {
				const direct = scalar(
					`SELECT count(*) FROM respondent r LEFT JOIN sector s ON s.id = r.sector WHERE coalesce(s.label, 'Not known') = ?` +
						(q.includes('body=RCN') ? ` AND (r.body = 'RCN' OR r.known_organisation = 'RCN')` : '') +
						(q.includes('sector=health') ? ` AND r.sector IN ('health', 'education')` : '') +
						(q.includes('type=individual') ? ` AND r.respondent_type = 'individual' AND r.region = 'London'` : ''),
					label
				);
				expect(n, `${q}: ${label}`).toBe(direct);
			}
		}
	});

	it('closed answers to q5 by sector, for members of a body', () => {
		const table = choicesTable(db, f('body=RCN'), 'q5');
		const all = table.rows[0];
		for (const [i, option] of table.options.entries()) {
			const direct = scalar(
				`SELECT count(DISTINCT r.id) FROM answer a JOIN respondent r ON r.id = a.respondent_id
				 WHERE a.question_id = 'q5' AND a.choice = ? AND (r.body = 'RCN' OR r.known_organisation = 'RCN')`,
				option
			);
			expect(all[2 + 2 * i]).toBe(direct);
		}
		expect(all[1]).toBe(scalar(`SELECT count(DISTINCT r.id) FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.question_id = 'q5' AND a.choice IS NOT NULL AND (r.body = 'RCN' OR r.known_organisation = 'RCN')`));
	});

	it('theme x sector cells count respondents, not answers, over the right base', () => {
		const table = heatmapTable(db, f(''), null);
		const cell = table.cells.find((c) => c.theme === 'consent' && c.sector === 'health')!;
		expect(cell.respondents).toBe(
			scalar(
				`SELECT count(DISTINCT r.id) FROM answer_theme_effective e JOIN answer a ON a.id = e.answer_id JOIN respondent r ON r.id = a.respondent_id
				 WHERE e.theme_id = 'consent' AND r.sector = 'health'`
			)
		);
		expect(cell.base).toBe(scalar(`SELECT count(*) FROM respondent WHERE sector = 'health'`));
		const q5 = heatmapTable(db, f(''), 'q5').cells.find((c) => c.theme === 'health-confidentiality' && c.sector === 'health')!;
		expect(q5.base).toBe(scalar(`SELECT count(DISTINCT a.respondent_id) FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.question_id = 'q5' AND r.sector = 'health'`));
		expect(q5.respondents).toBe(
			scalar(
				`SELECT count(DISTINCT r.id) FROM answer_theme_effective e JOIN answer a ON a.id = e.answer_id JOIN respondent r ON r.id = a.respondent_id
				 WHERE e.theme_id = 'health-confidentiality' AND a.question_id = 'q5' AND r.sector = 'health'`
			)
		);
	});

	it('the events tables carry the numbers their charts show, under the names the charts use', () => {
		const forms = eventFormsTable(db);
		const cities = (db.prepare('SELECT coalesce(city, title) FROM event ORDER BY date, id').pluck().all() as string[]);
		expect(forms.columns).toEqual(['Sector', ...cities, 'All events']);
		for (const row of forms.rows) {
			const sector = row[0] === 'Not known' ? null : (db.prepare('SELECT id FROM sector WHERE label = ?').pluck().get(row[0]) as string);
			const where = sector === null ? 'attendee_sector IS NULL' : 'attendee_sector = ?';
			const args = sector === null ? [] : [sector];
			expect(row[row.length - 1], String(row[0])).toBe(scalar(`SELECT count(*) FROM event_feedback WHERE source = 'evaluation' AND ${where}`, ...args));
			expect(row.slice(1, -1).reduce((a, n) => (a as number) + (n as number), 0)).toBe(row[row.length - 1]);
		}
		expect(forms.rows.reduce((a, r) => a + (r[r.length - 1] as number), 0)).toBe(scalar(`SELECT count(*) FROM event_feedback WHERE source = 'evaluation'`));
		const ratings = eventRatingsTable(db);
		expect(ratings.rows.map((r) => r[0])).toEqual(cities);
		const first = db.prepare('SELECT id FROM event ORDER BY date, id').pluck().get() as string;
		for (let l = 1; l <= 5; l++) expect(ratings.rows[0][l]).toBe(scalar('SELECT count(*) FROM event_feedback WHERE event_id = ? AND usefulness = ?', first, l));
	});

	it('the events theme chart shows the numbers in its table', () => {
		const table = eventThemesTable(db);
		expect(table.cells).toHaveLength(2 * table.rows.length);
		for (const [label, eventComments, eventBase, , written, writtenBase] of table.rows) {
			const cells = table.cells.filter((c) => c.rowLabel === label);
			expect(cells.map((c) => [c.column, c.count, c.base]), String(label)).toEqual([
				['events', eventComments, eventBase],
				['written', written, writtenBase]
			]);
		}
		// Written answers are counted in memory; the SQL twin gives the same numbers.
		expect(table.rows.map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual(
			themesEventsVsWritten(db).map((t) => [t.label, t.eventComments, t.eventBase, t.writtenAnswers, t.writtenBase])
		);
		const consent = table.cells.find((c) => c.row === 'consent' && c.column === 'written')!;
		expect(consent.count).toBe(scalar(`SELECT count(DISTINCT e.answer_id) FROM answer_theme_effective e WHERE e.theme_id = 'consent'`));
		expect(consent.base).toBe(scalar(`SELECT count(*) FROM answer WHERE trim(coalesce(text, '')) <> ''`));
	});

	it('theme prevalence and a theme page agree with each other and with the database', () => {
		const prev = prevalenceTable(db, f('sector=police'));
		const consent = prev.rows.find((r) => r[0] === 'Consent')!;
		const bySector = themeSectorTable(db, f('sector=police'), 'consent');
		expect(bySector.rows).toHaveLength(1);
		expect(bySector.rows[0][1]).toBe(consent[1]);
		expect(consent[1]).toBe(
			scalar(
				`SELECT count(DISTINCT r.id) FROM answer_theme_effective e JOIN answer a ON a.id = e.answer_id JOIN respondent r ON r.id = a.respondent_id
				 WHERE e.theme_id = 'consent' AND r.sector = 'police'`
			)
		);
	});
});

describe('respondents by professional body', () => {
	it('counts each body as its members and the body itself, as every other breakdown by body does, under any filter', () => {
		const viaMembers = (h: DB, q: string) => {
			const g = f(q);
			return h
				.prepare(
					`WITH ${bodyMembers(g)} SELECT b.body AS key, ${BODY_LABEL('b.body')} AS label, count(DISTINCT b.id) AS count
					 FROM members b LEFT JOIN organisation o ON o.abbreviation = b.body GROUP BY b.body ORDER BY count DESC, b.body`
				)
				.all(...g.params);
		};
		const check = (h: DB) => {
			for (const q of ['', 'sector=health', 'type=organisation', 'body=BASW', 'sector=education&type=individual']) {
				expect(bodyBreakdown(h, f(q)).rows, q).toEqual(viaMembers(h, q));
				expect(bodyBreakdown(h, f(q)).respondents, q).toBe(h.prepare(`WITH ${bodyMembers(f(q))} SELECT count(DISTINCT id) FROM members`).pluck().get(...f(q).params));
			}
		};
		check(db);
		// In the bundled data every body that responded also named itself; here some name none, and some another body.
		withUnusualBodies(path, check);
	});

	it('keeps bodies tied with the last of the top ten, names each body once, and states its own base', () => {
		const all = bodyBreakdown(db, f(''), 1000).rows;
		const top = bodyBreakdown(db, f(''), 10).rows;
		expect(top).toEqual(all.filter((r, i) => i < 10 || r.count === all[9].count));
		expect(top.length).toBeGreaterThanOrEqual(10);
		for (const r of all) expect(r.label).not.toMatch(/^(.+) \(\1\)$/);
		expect(bodyBreakdown(db, f(''), 10).respondents).toBe(
			scalar(`SELECT count(*) FROM respondent r WHERE r.body IS NOT NULL
				OR r.known_organisation IN (SELECT coalesce(abbreviation, name) FROM organisation WHERE kind = 'professional-body')`)
		);
		expect(bodyBreakdown(db, f('')).respondents).toBeLessThan(respondentCount(db, f('')));
		// Filtered, the base follows the filter.
		expect(bodyBreakdown(db, f('sector=health')).respondents).toBe(
			scalar(`SELECT count(*) FROM respondent r WHERE r.sector = 'health' AND (r.body IS NOT NULL
				OR r.known_organisation IN (SELECT coalesce(abbreviation, name) FROM organisation WHERE kind = 'professional-body'))`)
		);
		// A theme's breakdown by body counts the same bodies, and their members, as the body pages.
		const bodies = new Map(all.map((b) => [b.key, b]));
		const consent = themeByBody(db, f(''), 'consent');
		expect(consent.length).toBeGreaterThan(5);
		for (const b of consent) expect(b).toMatchObject({ label: bodies.get(b.body)?.label, base: bodies.get(b.body)?.count });
		// Each count, as an auditor would make it: members of the body (or the body itself) with an answer tagged.
		for (const b of consent)
			expect(b.respondents, b.body).toBe(
				scalar(`SELECT count(*) FROM respondent r WHERE (r.body = '${b.body}' OR r.known_organisation = '${b.body}')
					AND EXISTS (SELECT 1 FROM answer a JOIN answer_theme_effective t ON t.answer_id = a.id WHERE a.respondent_id = r.id AND t.theme_id = 'consent')`)
			);
	});
});

describe("children and young people's comments", () => {
	it('name topics in words, list age bands youngest first, and offer every chart as CSV', () => {
		expect(['sexual-health', 'who-sees', 'family'].map(topicName)).toEqual(['Sexual health', 'Who sees', 'Family']);
		const bands = byAgeBand(db).map((b) => b.group);
		expect(bands).toEqual([...bands].sort((a, b) => (a === 'Not known' ? 1 : b === 'Not known' ? -1 : parseInt(a) - parseInt(b))));
		expect(parseInt(bands[0])).toBeLessThan(parseInt(bands[1]));
		const raw = scalar("SELECT count(*) FROM cyp_feedback WHERE topics LIKE '%-%'");
		expect(raw).toBeGreaterThan(0);
		for (const t of topics(db)) expect(t.topic).not.toMatch(/-/);
		const total = scalar('SELECT count(*) FROM cyp_feedback');
		for (const name of ['children-settings', 'children-topics', 'children-themes']) expect(CHART_TABLES[name](db, f(''), new URLSearchParams())).not.toBeNull();
		expect(CHART_TABLES['children-settings'](db, f(''), new URLSearchParams())!.rows.reduce((a, r) => a + (r[1] as number), 0)).toBe(total);
		expect(CHART_TABLES['children-topics'](db, f(''), new URLSearchParams())!.rows).toEqual(topics(db).map((t) => [t.topic, t.comments]));
	});
});

describe('where theme charts come from', () => {
	it('says how many answers analysts have reviewed, and never claims a review that has not happened', () => {
		expect(themeSource({ reviewed: 0, total: 1467 })).toBe('written responses, themes found by automated text analysis (not yet reviewed by analysts)');
		expect(themeSource({ reviewed: 12, total: 1467 })).toBe('written responses, themes found by automated text analysis (12 of 1,467 written answers reviewed by analysts)');
		const fromDb = progressSql(db).reduce((a, p) => ({ reviewed: a.reviewed + p.reviewed, total: a.total + p.total }), { reviewed: 0, total: 0 });
		expect(fromDb.reviewed).toBe(scalar("SELECT count(*) FROM answer_review rv JOIN answer a ON a.id = rv.answer_id WHERE trim(coalesce(a.text, '')) <> ''"));
	});
});

describe('filters', () => {
	it('combine values within a field with OR and fields with AND', () => {
		const health = respondentCount(db, f('sector=health'));
		const education = respondentCount(db, f('sector=education'));
		expect(respondentCount(db, f('sector=health&sector=education'))).toBe(health + education);
		const individuals = scalar(`SELECT count(*) FROM respondent WHERE sector = 'health' AND respondent_type = 'individual'`);
		expect(respondentCount(db, f('sector=health&type=individual'))).toBe(individuals);
	});

	it('an answer-level filter needs one answer meeting all its parts', () => {
		const n = respondentCount(db, f('question=q5&answer=No&theme=health-confidentiality'));
		expect(n).toBe(
			scalar(
				`SELECT count(DISTINCT a.respondent_id) FROM answer a JOIN answer_theme_effective e ON e.answer_id = a.id
				 WHERE a.question_id = 'q5' AND a.choice = 'No' AND e.theme_id = 'health-confidentiality'`
			)
		);
	});

	it('leaves out the senders of campaign texts, or keeps one sender of each campaign', () => {
		const senders = scalar('SELECT count(DISTINCT respondent_id) FROM answer WHERE campaign_id IS NOT NULL');
		const exemplars = scalar('SELECT count(DISTINCT a.respondent_id) FROM campaign k JOIN answer a ON a.id = k.exemplar_answer_id');
		// The senders of a copy that is not its campaign's text: "once" leaves them out (so a sender of one campaign's
		// text who copied another's is left out too, rather than counting that other campaign twice).
		const copiers = scalar('SELECT count(DISTINCT respondent_id) FROM answer WHERE campaign_id IS NOT NULL AND id NOT IN (SELECT exemplar_answer_id FROM campaign)');
		const all = scalar('SELECT count(*) FROM respondent');
		expect(senders).toBeGreaterThan(exemplars);
		expect(respondentCount(db, f('campaign=none'))).toBe(all - senders);
		expect(respondentCount(db, f('campaign=once'))).toBe(all - copiers);
		expect(all - copiers).toBeLessThanOrEqual(all - senders + exemplars);
		// Values combine with OR, as in every field.
		expect(respondentCount(db, f('campaign=none&campaign=once'))).toBe(all - copiers);
		// With an answer-level filter too, the campaign part still applies (the counts in memory take it as well).
		const q7 = scalar(
			`SELECT count(DISTINCT a.respondent_id) FROM answer a JOIN answer_theme_effective e ON e.answer_id = a.id
			 WHERE a.question_id = 'q7' AND e.theme_id = 'consent' AND a.respondent_id NOT IN (SELECT respondent_id FROM answer WHERE campaign_id IS NOT NULL)`
		);
		expect(respondentCount(db, f('campaign=none&question=q7&theme=consent'))).toBe(q7);
		expect(respondentTotal(db, f('campaign=none&question=q7&theme=consent'))).toBe(q7);
		expect(f('campaign=none').description).toBe('Respondents who sent no campaign text');
		expect(f('campaign=once&sector=health').description).toBe('Respondents from Health, counting each campaign once (only the sender of its text)');
		expect(f('campaign=all').ignored).toEqual(['campaigns "all"']);
	});

	it('describes itself in plain words', () => {
		expect(f('sector=health&body=RCN').description).toBe(
			'Respondents from Health, whose professional body is Royal College of Nursing (RCN) (members and the body itself)'
		);
		expect(f('').description).toBe('All respondents');
		// A closed answer without a question is an answer to any question, and says so.
		expect(f('answer=No').description).toBe('Respondents with an answer choosing "No" (to any question)');
		expect(f('question=q5&answer=No').description).toBe('Respondents with an answer to Q5, choosing "No"');
		expect(f('question=q7&theme=none').description).toBe('Respondents with an answer to Q7, with no theme');
		expect(f('theme=consent&theme=none').description).toBe('Respondents with an answer raising consent or with no theme (to any question)');
		// Quotes as typed are not shown half-open.
		expect(f('q="consent').description).toBe('Respondents with an answer mentioning "consent" (to any question)');
		expect(f('sector=nowhere').ignored).toEqual(['sector "nowhere"']);
	});

	it('drops hostile or unknown values instead of passing them to SQL', () => {
		const hostile = f("sector=health' OR 1=1 --&theme=<script>&question=q1;DROP TABLE answer&q=\"unterminated");
		expect(hostile.filters.sector).toEqual([]);
		expect(hostile.filters.theme).toEqual([]);
		expect(hostile.ignored).toHaveLength(3);
		expect(respondentCount(db, hostile)).toBeGreaterThanOrEqual(0);
		expect(scalar('SELECT count(*) FROM answer')).toBeGreaterThan(0);
	});

	it('says when a search has nothing to look for, instead of showing every answer as a match', () => {
		const nothing = f('q=*%20((');
		expect(nothing.filters.q).toEqual([]);
		expect(nothing.active).toBe(false);
		expect(nothing.ignored).toEqual(['search "* ((" (it has no letters or digits to look for)']);
		expect(f('q=consent').ignored).toEqual([]);
	});

	it('search finds phrases through the full-text index', () => {
		const n = respondentCount(db, f('q="two-tier approach"'));
		expect(n).toBeGreaterThan(0);
		expect(n).toBe(scalar(`SELECT count(DISTINCT a.respondent_id) FROM answer a WHERE a.id IN (SELECT rowid FROM answer_fts WHERE answer_fts MATCH '"two tier approach"')`));
	});
});

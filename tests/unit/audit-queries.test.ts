// Every audit query (src/lib/audit-queries.ts), run as an auditor would run it, gives exactly the numbers the pages
// show with no filter: on the bundled consultation, and again after analysts' decisions and records the bundle lacks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_QUERIES, FILTER_RECIPE, FILTER_RECIPE_URL } from '../../src/lib/audit-queries';
import { createUser, type User } from '../../src/lib/server/auth';
import {
	bodiesTable,
	childrenSettingsTable,
	childrenThemesTable,
	childrenTopicsTable,
	choicesTable,
	eventFormsTable,
	eventRatingsTable,
	eventThemesTable,
	heatmapTable,
	prevalenceTable,
	sectorsTable,
	submissionsTable,
	themeBodyTable,
	themeSectorTable,
	themeStanceTable,
	typesTable
} from '../../src/lib/server/charts';
import { campaigns } from '../../src/lib/server/db/campaigns';
import { byAgeBand } from '../../src/lib/server/db/children';
import { openDb, type DB } from '../../src/lib/server/db/client';
import { events } from '../../src/lib/server/db/events';
import { otherTotals, respondentCount } from '../../src/lib/server/db/overview';
import { progress, saveDecision } from '../../src/lib/server/db/review';
import { stakeholderCounts } from '../../src/lib/server/db/stakeholders';
import { respondentsBySector, unanalysedComments } from '../../src/lib/server/db/stats';
import {
	bodyGroupChoices,
	bodyGroupThemes,
	questionCounts,
	respondentTotal,
	sectorCounts,
	typeCounts,
	unanalysedAnswers,
	untaggedCounts
} from '../../src/lib/server/facts';
import { buildFilter } from '../../src/lib/server/filters';
import { annexOf } from '../../src/lib/server/report/data';
import { decideAnnex } from '../../src/lib/server/report/annex';
import { shareOf } from '../../src/lib/format';
import { bundledDb } from '../helpers/bundle';
import { withUnusualBodies } from '../helpers/bodies';

type Row = Record<string, unknown>;

let db: DB;
let path: string;
let cleanup: () => void;
beforeAll(async () => {
	({ db, path, cleanup } = await bundledDb());
});
afterAll(() => cleanup());

/** No filter: the numbers as every page shows them first. */
let filterUrl = '';
/** The filter the pages are asked for: none, but for the test of the filter recipe. */
const all = (d: DB) => buildFilter(d, new URLSearchParams(filterUrl));

/** Consecutive rows of a long table, grouped by one column, as the wide rows a page's table has. */
function widen(
	rows: Row[],
	key: string,
	cells: (r: Row) => unknown[],
	head: (r: Row) => unknown[]
): unknown[][] {
	const out: unknown[][] = [];
	let last: unknown = Symbol('none');
	for (const r of rows) {
		if (r[key] !== last) out.push([...head(r)]);
		last = r[key];
		out[out.length - 1].push(...cells(r));
	}
	return out;
}

const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

/** For each query, what the pages show (through the functions their load functions call), held against its rows. */
const PAGES: Record<string, (d: DB, rows: Row[], value?: string) => void> = {
	'respondents-total': (d, rows) => {
		expect(rows).toEqual([{ respondents: respondentTotal(d, all(d)) }]);
		// The themes page counts its base in SQL.
		expect(rows).toEqual([{ respondents: respondentCount(d, all(d)) }]);
	},
	'respondents-by-sector': (d, rows) => {
		const sectors = sectorCounts(d, all(d));
		const table = sectorsTable(d, all(d), sectors);
		const inferred = new Map(respondentsBySector(d).map((s) => [s.sector, s.inferred]));
		expect(rows).toEqual(
			sectors.map((s, i) => ({
				sector_id: s.key,
				sector: table.rows[i][0],
				respondents: table.rows[i][1],
				percentage: table.rows[i][2],
				inferred: inferred.get(s.key) ?? 0
			}))
		);
	},
	'respondents-by-type': (d, rows) => {
		const table = typesTable(d, all(d));
		expect(rows).toEqual(
			typeCounts(d, all(d)).map((t, i) => ({
				type_id: t.key,
				type: table.rows[i][0],
				respondents: table.rows[i][1],
				percentage: table.rows[i][2]
			}))
		);
	},
	'respondents-by-professional-body': (d, rows) => {
		const { rows: bodies } = bodiesTable(d, all(d));
		expect(rows.map((r) => [r.label, r.respondents])).toEqual(bodies);
		// The overview's top ten, and any tied with the tenth.
		expect(rows.filter((r) => (r.rank as number) <= 10).map((r) => [r.label, r.respondents])).toEqual(
			bodiesTable(d, all(d), 10).rows
		);
		for (const r of rows)
			expect(r.rank, String(r.body)).toBe(
				1 + rows.filter((x) => (x.respondents as number) > (r.respondents as number)).length
			);
	},
	'professional-body-base': (d, rows) => {
		expect(rows).toEqual([{ respondents: bodiesTable(d, all(d), 10).respondents }]);
	},
	'submissions-by-week': (d, rows) => {
		expect(rows.map((r) => [r.week_beginning, r.responses])).toEqual(submissionsTable(d, all(d)).rows);
	},
	'answers-by-question': (d, rows) => {
		expect(rows).toEqual(
			questionCounts(d, all(d)).map((q) => ({
				question: q.question,
				text: q.text,
				type: q.type,
				answered: q.answered,
				with_text: q.withText
			}))
		);
	},
	'closed-question-answers-by-sector': (d, rows, question) => {
		const table = choicesTable(d, all(d), question!);
		expect([...new Set(rows.map((r) => r.choice))]).toEqual(table.options);
		expect(
			widen(
				rows,
				'sector',
				(r) => [r.respondents, r.percentage],
				(r) => [r.sector, r.answered]
			)
		).toEqual(table.rows.map((r) => (r[0] === 'All selected respondents' ? ['All respondents', ...r.slice(1)] : r)));
	},
	'question-themes-by-sector': (d, rows, question) => {
		expect(rows).toEqual(heatmapRows(d, question!));
	},
	'themes-by-sector': (d, rows) => {
		expect(rows).toEqual(heatmapRows(d, null));
		// A theme's page: the same cells, one theme at a time.
		for (const t of new Set(rows.map((r) => r.theme_id as string)))
			expect(
				rows.filter((r) => r.theme_id === t).map((r) => [r.sector, r.respondents, r.base, r.percentage]),
				t
			).toEqual(themeSectorTable(d, all(d), t).rows);
	},
	'theme-prevalence': (d, rows) => {
		expect(rows.map((r) => [r.theme, r.respondents, r.percentage, r.answers])).toEqual(
			prevalenceTable(d, all(d)).rows
		);
	},
	'theme-stance': (d, rows, theme) => {
		expect(rows.map((r) => [r.stance, r.answers, r.percentage])).toEqual(
			themeStanceTable(d, all(d), theme!).rows
		);
	},
	'theme-by-professional-body': (d, rows, theme) => {
		expect(rows.map((r) => [r.body, r.respondents, r.base, r.percentage])).toEqual(
			themeBodyTable(d, all(d), theme!).rows
		);
	},
	'answers-without-theme': (d, rows) => {
		const u = untaggedCounts(d, all(d));
		expect(rows).toEqual([
			{ written_answers: u.withText, with_no_theme: u.noTheme, with_uncertain_theme: u.uncertain }
		]);
	},
	campaigns: (d, rows) => {
		expect(rows).toEqual(
			campaigns(d, all(d), { pageSize: Infinity }).items.map((c) => ({
				campaign: c.id,
				question: c.question,
				answers: c.selected,
				answered: c.answered,
				percentage: shareOf(c.selected, c.answered),
				added: c.added,
				removed: c.removed
			}))
		);
	},
	'campaign-senders-by-sector': (d, rows) => {
		expect(rows).toEqual(
			[...campaigns(d, all(d), { pageSize: Infinity }).items]
				.sort((a, b) => a.id - b.id)
				.flatMap((c) => c.sectors.map((s) => ({ campaign: c.id, sector: s.label, respondents: s.respondents })))
		);
	},
	'waiting-for-analysis': (d, rows) => {
		expect(rows).toEqual([{ answers: unanalysedAnswers(d), comments: unanalysedComments(d) }]);
	},
	'review-progress': (d, rows) => {
		expect(rows).toEqual(
			progress(d).map((p) => ({ question: p.question, reviewed: p.reviewed, written_answers: p.total }))
		);
	},
	'body-groups-closed-answers': (d, rows, body) => {
		// The page works out each share from these counts: of the group's respondents who chose an answer to the question.
		const choices = bodyGroupChoices(d, all(d), body!);
		const answered = (g: string, q: string) =>
			choices.filter((c) => c.group === g && c.question === q).reduce((n, c) => n + c.respondents, 0);
		expect(sorted(rows)).toEqual(
			sorted(
				choices.map((c) => {
					const n = answered(c.group, c.question);
					return {
						group: c.group,
						question: c.question,
						choice: c.choice,
						respondents: c.respondents,
						answered: n,
						percentage: shareOf(c.respondents, n)
					};
				})
			)
		);
	},
	'body-groups-themes': (d, rows, body) => {
		expect(rows).toEqual(
			bodyGroupThemes(d, all(d), body!).map((t) => ({
				group: t.group,
				theme_id: t.theme,
				theme: t.label,
				respondents: t.respondents,
				base: t.base,
				percentage: shareOf(t.respondents, t.base)
			}))
		);
	},
	'stakeholder-counts': (d, rows) => {
		expect(rows).toEqual([stakeholderCounts(d, all(d))]);
	},
	'report-annex': (d, rows) => {
		const annex = annexOf(d);
		// The report also leaves out a name its redaction would change; the data here have none.
		expect(rows.map(({ name, responses }) => ({ name, responses }))).toEqual(annex.organisations.map((o) => ({ name: o.name, responses: o.responses })));
		expect(rows.length).toBe(annex.named);
	},
	'report-annex-not-named': (d, rows) => {
		const { confidential, individuals, unstated, noName, maybePerson, withheld } = annexOf(d);
		expect(rows).toEqual([{ confidential, individuals, unstated, no_name: noName, maybe_person: maybePerson, withheld }]);
	},
	'events-and-children-totals': (d, rows) => {
		const o = otherTotals(d);
		expect(rows).toEqual([
			{
				events: o.events,
				attendees: o.attendees,
				evaluation_forms: o.evaluationForms,
				childrens_comments: o.childrensComments
			}
		]);
		// The events page adds up its table of events.
		const list = events(d);
		expect([
			list.length,
			list.reduce((n, e) => n + e.attendees, 0),
			list.reduce((n, e) => n + e.forms, 0)
		]).toEqual([o.events, o.attendees, o.evaluationForms]);
	},
	events: (d, rows) => {
		expect(rows).toEqual(
			events(d).map((e) => ({
				event: e.id,
				title: e.title,
				venue: e.venue,
				date: e.date,
				attendees: e.attendees,
				evaluation_forms: e.forms,
				table_notes: e.tableNotes,
				average_usefulness: e.meanUsefulness
			}))
		);
	},
	'event-forms-by-sector': (d, rows) => {
		const table = eventFormsTable(d);
		expect([...new Set(rows.map((r) => r.event))]).toEqual(table.columns.slice(1));
		expect(
			widen(
				rows,
				'sector',
				(r) => [r.forms],
				(r) => [r.sector]
			)
		).toEqual(table.rows);
	},
	'event-usefulness-ratings': (d, rows) => {
		expect(rows.map((r) => Object.values(r))).toEqual(eventRatingsTable(d).rows);
	},
	'event-themes-vs-written': (d, rows) => {
		expect(rows.map((r) => Object.values(r))).toEqual(eventThemesTable(d).rows);
	},
	'children-comments-by-age-band': (d, rows) => {
		expect(rows).toEqual(byAgeBand(d).map((g) => ({ age_band: g.group, comments: g.comments })));
	},
	'children-comments-by-setting': (d, rows) => {
		expect(rows.map((r) => Object.values(r))).toEqual(childrenSettingsTable(d).rows);
	},
	'children-comments-by-topic': (d, rows) => {
		// The page names a topic in words ("sexual-health" as "Sexual health"); the query gives it as recorded.
		expect(rows.map((r) => [topicWords(r.topic as string), r.comments])).toEqual(childrenTopicsTable(d).rows);
	},
	'children-themes-by-age-band': (d, rows) => {
		expect(rows.map((r) => Object.values(r))).toEqual(childrenThemesTable(d).rows);
	},
	'theme-tags-in-step': (_d, rows) => {
		expect(rows).toEqual([{ missing_from_theme_hit: 0, not_a_tag: 0, filed_under_wrong_answer: 0 }]);
	}
};

/** The heatmap's cells and percentages, in the query's columns. */
function heatmapRows(d: DB, question: string | null): Row[] {
	const table = heatmapTable(d, all(d), question);
	return table.cells.map((c, i) => ({
		theme_id: c.theme,
		theme: c.themeLabel,
		sector_id: c.sector,
		sector: c.sectorLabel,
		respondents: c.respondents,
		base: c.base,
		percentage: table.rows[i][4]
	}));
}

/** A topic code in words, written out here rather than imported, so that a change to the page's wording shows. */
function topicWords(code: string): string {
	const words = code.trim().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Runs every query for every value of its parameter, checks it against the pages, and returns its rows per query. */
function runEvery(d: DB, only?: string[]): Map<string, number> {
	const counted = new Map<string, number>();
	for (const q of AUDIT_QUERIES.filter((x) => !only || only.includes(x.id))) {
		const page = PAGES[q.id];
		expect(page, `${q.id}: no page to check it against`).toBeDefined();
		const statement = d.prepare(q.sql);
		const name = q.params?.[0];
		const values = name ? (d.prepare(q.parameters![name].values).pluck().all() as string[]) : [undefined];
		if (name) expect(values.length, `${q.id}: values of :${name}`).toBeGreaterThan(1);
		let n = 0;
		for (const value of values) {
			const rows = (name ? statement.all({ [name]: value }) : statement.all()) as Row[];
			try {
				page(d, rows, value);
			} catch (e) {
				// The assertion's own error, so that its diff is shown, said of which query.
				(e as Error).message =
					`${q.id}${name ? ` (:${name} = ${value})` : ''} differs from the page: ${(e as Error).message}`;
				throw e;
			}
			n += rows.length;
		}
		counted.set(q.id, n);
	}
	return counted;
}

/** Named parameters in a query, comments and quoted text left out. */
function namedParameters(sql: string): string[] {
	const code = sql.replace(/--[^\n]*/g, '').replace(/'(?:[^']|'')*'/g, "''");
	return [...new Set([...code.matchAll(/[:@$]([A-Za-z_]\w*)/g)].map((m) => m[1]))].sort();
}

/** Analysts' decisions and records the bundled consultation lacks, each a rule an audit query must say as the pages count it. */
function unusualRecords(w: DB, analyst: User) {
	const ids = (sql: string) => w.prepare(sql).pluck().all() as number[];
	const people = ids(
		'SELECT id FROM respondent WHERE id IN (SELECT respondent_id FROM answer) ORDER BY id LIMIT 8'
	);
	// No sector given, none inferred: "Not known". No type stated. No submission date; one dated before the consultation opened.
	w.prepare(
		`UPDATE respondent SET sector = NULL, sector_given = NULL, sector_inferred = 0, sector_reason = NULL WHERE id IN (${people.slice(0, 3).join(',')})`
	).run();
	w.prepare(
		`UPDATE respondent SET respondent_type = NULL WHERE id IN (${people.slice(3, 5).join(',')})`
	).run();
	w.prepare('UPDATE respondent SET submitted_at = NULL WHERE id = ?').run(people[5]);
	w.prepare("UPDATE respondent SET submitted_at = '2005-07-14T09:30:00Z' WHERE id = ?").run(people[6]);
	// A respondent who answered nothing: counted in every total, in no question's base.
	w.prepare(
		"INSERT INTO respondent (response_id, submitted_at, respondent_type, sector, row_hash) VALUES ('AUDIT-NO-ANSWERS', '2005-09-01', 'individual', 'health', 'audit')"
	).run();
	// An analyst rejects the tagger's theme on one answer, adds another, and corrects its stance and sector.
	const [first, uncertain] = w
		.prepare(
			"SELECT answer_id AS answer, theme_id AS theme FROM answer_theme WHERE source = 'auto' ORDER BY confidence, answer_id LIMIT 2"
		)
		.all() as { answer: number; theme: string }[];
	const added = w
		.prepare(
			'SELECT id FROM theme WHERE id NOT IN (SELECT theme_id FROM answer_theme WHERE answer_id = ?) ORDER BY position LIMIT 1'
		)
		.pluck()
		.get(first.answer) as string;
	saveDecision(w, analyst, first.answer, {
		themes: { [first.theme]: 'reject', [added]: 'accept' },
		stance: 'oppose',
		sector: 'police',
		campaign: false
	});
	// And accepts an uncertain tag: it is the analyst's now, no longer uncertain.
	saveDecision(w, analyst, uncertain.answer, {
		themes: { [uncertain.theme]: 'accept' },
		stance: null,
		sector: null,
		campaign: false
	});
	// An analyst names one organisation as they decide, and leaves out another the rules would name.
	const [renamed, withheld] = w
		.prepare("SELECT response_id FROM respondent WHERE respondent_type = 'organisation' AND confidential = 0 AND trim(coalesce(organisation, '')) <> '' ORDER BY id LIMIT 2")
		.pluck()
		.all() as string[];
	expect(decideAnnex(w, analyst, renamed, { decision: 'name', name: 'Audit Renamed Organisation' })).toBeNull();
	expect(decideAnnex(w, analyst, withheld, { decision: 'withhold' })).toBeNull();
	expect(annexOf(w)).toMatchObject({ withheld: 1, organisations: expect.arrayContaining([expect.objectContaining({ name: 'Audit Renamed Organisation' })]) });
	// Answers with no stance (neutral), and a closed answer whose explanation is only spaces (answered, not written).
	w.prepare(
		"UPDATE answer SET stance = NULL WHERE id IN (SELECT answer_id FROM answer_theme WHERE source = 'auto' ORDER BY answer_id DESC LIMIT 5)"
	).run();
	w.prepare(
		"UPDATE answer SET text = '   ' WHERE id = (SELECT id FROM answer WHERE choice IS NOT NULL AND text IS NOT NULL ORDER BY id LIMIT 1)"
	).run();
	// A theme no one raised.
	w.prepare(
		"INSERT INTO theme (id, label, definition, position) VALUES ('audit-unraised', 'Raised by no one', 'A theme for the audit test.', 999)"
	).run();
	// Evaluation forms with no sector or no rating; children's comments with no age band or setting.
	w.prepare(
		"UPDATE event_feedback SET attendee_sector = NULL WHERE id IN (SELECT id FROM event_feedback WHERE source = 'evaluation' ORDER BY id LIMIT 2)"
	).run();
	w.prepare(
		"UPDATE event_feedback SET usefulness = NULL WHERE id IN (SELECT id FROM event_feedback WHERE source = 'evaluation' ORDER BY id DESC LIMIT 3)"
	).run();
	w.prepare(
		'UPDATE cyp_feedback SET age_band = NULL, setting = NULL WHERE id IN (SELECT id FROM cyp_feedback ORDER BY id LIMIT 2)'
	).run();
	expect(
		w
			.prepare("SELECT count(*) FROM answer_theme WHERE source = 'manual' AND decision = 'reject'")
			.pluck()
			.get()
	).toBe(1);
}

describe('audit queries', () => {
	it('have unique ids, name their parameters, and are plain SQL', () => {
		const ids = AUDIT_QUERIES.map((q) => q.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const q of AUDIT_QUERIES) {
			expect(namedParameters(q.sql), q.id).toEqual([...(q.params ?? [])].sort());
			expect(Object.keys(q.parameters ?? {}).sort(), q.id).toEqual([...(q.params ?? [])].sort());
			expect(q.params?.length ?? 0, `${q.id}: one parameter at most`).toBeLessThanOrEqual(1);
			expect(q.sql, q.id).not.toMatch(/\$\{|undefined|\[object/);
			expect(q.title.length && q.shows.length, q.id).toBeTruthy();
		}
		// Every page check is for a query that exists.
		expect(Object.keys(PAGES).sort()).toEqual([...ids].sort());
	});

	it("give the pages' numbers on the bundled consultation, each with at least one row", () => {
		const counted = runEvery(db);
		for (const q of AUDIT_QUERIES) expect(counted.get(q.id), q.id).toBeGreaterThan(0);
	});

	it("give a filtered page's numbers when run over the filter's respondents, as the method page shows", () => {
		// The queries about respondents and their answers; the campaigns pages apply an answer filter to the campaign
		// answers themselves, and events and children's comments are not filtered.
		const about = ['respondents-total', 'respondents-by-sector', 'respondents-by-type', 'answers-by-question', 'closed-question-answers-by-sector', 'question-themes-by-sector', 'theme-prevalence', 'theme-stance', 'submissions-by-week'];
		const d = openDb(path, { readonly: true });
		try {
			d.exec(FILTER_RECIPE.replace(/--[^\n]*/g, ''));
			filterUrl = FILTER_RECIPE_URL;
			expect(all(d).active).toBe(true);
			const counted = runEvery(d, about);
			expect([...counted.keys()].sort()).toEqual([...about].sort());
			for (const id of about) expect(counted.get(id), id).toBeGreaterThan(0);
		} finally {
			filterUrl = '';
			d.close();
		}
	});

	it("give the pages' numbers after analysts' decisions, and with records of every kind the bundle lacks", async () => {
		const writer = openDb(path);
		const analyst = await createUser(writer, 'audit-analyst', 'a long enough password 1', 'analyst');
		writer.close();
		withUnusualBodies(
			path,
			(w) => {
				runEvery(w);
				// The rules were exercised, not only the bundle's ordinary rows.
				const sectors = w
					.prepare(AUDIT_QUERIES.find((q) => q.id === 'respondents-by-sector')!.sql)
					.all() as Row[];
				expect(sectors.some((s) => s.sector_id === 'unknown')).toBe(true);
				const types = w
					.prepare(AUDIT_QUERIES.find((q) => q.id === 'respondents-by-type')!.sql)
					.all() as Row[];
				expect(types.some((t) => t.type === 'Not stated')).toBe(true);
			},
			(w) => unusualRecords(w, analyst)
		);
	});
});

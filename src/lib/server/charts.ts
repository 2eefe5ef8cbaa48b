// Every chart's data as a table: the same rows feed the chart, its table alternative and its CSV download,
// so the three can never disagree. Each entry names the query it comes from (facts.ts: counted in memory, with its
// SQL twin in db/ held equal by a test).
import type { DB } from './db/client';
import { shareOf } from '../format';
import { buildFilter, type BuiltFilter } from './filters';
import { question } from './db/questions';
import { bodyCounts, choiceCounts, questionCounts, respondentTotal, sectorCounts, themeBodyCounts, themeCounts, themeSectorCells, themeStances, typeCounts, weekCounts, type ThemeSectorCell } from './facts';
import { eventThemeCounts, events, formsBySector, ratings } from './db/events';
import { bySetting, themesByAgeBand, topics } from './db/children';

export interface ChartTable {
	title: string;
	/** Columns of shares are named "Percentage…" or "… (%)": the table alternative shows them as shares (format.ts). */
	columns: string[];
	rows: (string | number)[][];
}

const pct = shareOf;

/** `rows`: the same counts, when the caller has them already (the overview shows them as a chart too). */
export function sectorsTable(db: DB, f: BuiltFilter, rows = sectorCounts(db, f)): ChartTable {
	const total = rows.reduce((a, r) => a + r.count, 0);
	return { title: 'Respondents by sector', columns: ['Sector', 'Respondents', 'Percentage'], rows: rows.map((r) => [r.label, r.count, pct(r.count, total)]) };
}

export function typesTable(db: DB, f: BuiltFilter): ChartTable {
	const rows = typeCounts(db, f);
	const total = rows.reduce((a, r) => a + r.count, 0);
	return { title: 'Respondents by type', columns: ['Type', 'Respondents', 'Percentage'], rows: rows.map((r) => [r.label, r.count, pct(r.count, total)]) };
}

/** Respondents by professional body, with its base: the respondents who count for any body. */
export function bodiesTable(db: DB, f: BuiltFilter, limit = 1000): ChartTable & { respondents: number } {
	const { rows, respondents } = bodyCounts(db, f, limit);
	return { title: 'Respondents by professional body', columns: ['Professional body', 'Respondents'], rows: rows.map((r) => [r.label, r.count]), respondents };
}

export function submissionsTable(db: DB, f: BuiltFilter): ChartTable {
	return { title: 'Responses received per week', columns: ['Week beginning', 'Responses'], rows: weekCounts(db, f).map((r) => [r.week, r.count]) };
}

/** Closed answers by sector for one question, plus a row for all of them (named "All selected respondents" under a
 * filter, so that a pasted table is not read as the whole consultation); percentages of those who answered. */
export function choicesTable(db: DB, f: BuiltFilter, questionId: string): ChartTable & { options: string[] } {
	const q = question(db, questionId);
	const options = q?.options ?? [];
	const data = choiceCounts(db, f, questionId);
	const groups = new Map<string, { label: string; counts: Record<string, number> }>();
	const all: Record<string, number> = {};
	for (const r of data) {
		const g = groups.get(r.sector) ?? groups.set(r.sector, { label: r.label, counts: {} }).get(r.sector)!;
		g.counts[r.choice] = r.count;
		all[r.choice] = (all[r.choice] ?? 0) + r.count;
	}
	const row = (label: string, counts: Record<string, number>) => {
		const n = options.reduce((a, o) => a + (counts[o] ?? 0), 0);
		return [label, n, ...options.flatMap((o) => [counts[o] ?? 0, pct(counts[o] ?? 0, n)])];
	};
	return {
		title: `${questionId.toUpperCase()}: ${q?.shortText ?? ''} - answers by sector`,
		columns: ['Sector', 'Answered', ...options.flatMap((o) => [o, `${o} (%)`])],
		rows: [row(f.active ? 'All selected respondents' : 'All respondents', all), ...[...groups.values()].map((g) => row(g.label, g.counts))],
		options
	};
}

/** Theme x sector shares; with a question, of that question's answers. */
export function heatmapTable(db: DB, f: BuiltFilter, questionId: string | null): ChartTable & { cells: ThemeSectorCell[] } {
	const cells = themeSectorCells(db, f, questionId);
	return {
		title: questionId ? `${questionId.toUpperCase()}: themes raised, by sector` : 'Themes raised, by sector',
		columns: ['Theme', 'Sector', 'Respondents raising it', 'Respondents in sector (base)', 'Percentage'],
		rows: cells.map((c) => [c.themeLabel, c.sectorLabel, c.respondents, c.base, pct(c.respondents, c.base)]),
		cells
	};
}

export function prevalenceTable(db: DB, f: BuiltFilter): ChartTable {
	const n = respondentTotal(db, f);
	return {
		title: 'Respondents raising each theme',
		columns: ['Theme', 'Respondents', 'Percentage of respondents', 'Answers'],
		rows: themeCounts(db, f)
			.map((p, position) => ({ ...p, position }))
			.sort((a, b) => b.respondents - a.respondents || a.position - b.position)
			.map((p) => [p.label, p.respondents, pct(p.respondents, n), p.answers])
	};
}

export function themeSectorTable(db: DB, f: BuiltFilter, themeId: string): ChartTable {
	const cells = themeSectorCells(db, f, null).filter((c) => c.theme === themeId && c.base > 0);
	return {
		title: 'Respondents raising this theme, by sector',
		columns: ['Sector', 'Respondents raising it', 'Respondents in sector (base)', 'Percentage'],
		rows: cells.map((c) => [c.sectorLabel, c.respondents, c.base, pct(c.respondents, c.base)])
	};
}

export function themeBodyTable(db: DB, f: BuiltFilter, themeId: string): ChartTable {
	return {
		title: 'Respondents raising this theme, by professional body',
		columns: ['Professional body', 'Respondents raising it', 'Respondents in body (base)', 'Percentage'],
		rows: themeBodyCounts(db, f, themeId).map((b) => [b.label, b.respondents, b.base, pct(b.respondents, b.base)])
	};
}

export function themeStanceTable(db: DB, f: BuiltFilter, themeId: string): ChartTable {
	const rows = themeStances(db, f, themeId);
	const total = rows.reduce((a, r) => a + r.answers, 0);
	const label: Record<string, string> = { support: 'Support', oppose: 'Oppose', mixed: 'Mixed', neutral: 'Neutral' };
	return { title: 'Stance of answers raising this theme', columns: ['Stance', 'Answers', 'Percentage'], rows: rows.map((r) => [label[r.stance] ?? r.stance, r.answers, pct(r.answers, total)]) };
}

/** An event as charts name it: its city, as the page's charts do, else its title. */
const eventName = (e: { city: string | null; title: string }) => e.city ?? e.title;

/** Evaluation forms by attendee sector: a column for each event and one for all, which the page's chart shows. */
export function eventFormsTable(db: DB): ChartTable {
	const list = events(db);
	const sectors = new Map<string, { label: string; forms: Map<string, number>; total: number }>();
	for (const r of formsBySector(db)) {
		const s = sectors.get(r.sector) ?? sectors.set(r.sector, { label: r.label, forms: new Map(), total: 0 }).get(r.sector)!;
		s.forms.set(r.event, r.forms);
		s.total += r.forms;
	}
	return {
		title: 'Evaluation forms returned, by sector and event',
		columns: ['Sector', ...list.map(eventName), 'All events'],
		rows: [...sectors.values()].sort((a, b) => b.total - a.total).map((s) => [s.label, ...list.map((e) => s.forms.get(e.id) ?? 0), s.total])
	};
}

/** Usefulness ratings, a row for each event (as the page's chart has them). */
export function eventRatingsTable(db: DB): ChartTable {
	const counts = new Map<string, number>();
	for (const r of ratings(db)) counts.set(`${r.event}:${r.rating}`, r.forms);
	const levels = [1, 2, 3, 4, 5];
	return {
		title: 'Usefulness ratings (1 = not useful, 5 = very useful)',
		columns: ['Event', ...levels.map((l) => `Rated ${l}`), 'Forms with a rating'],
		rows: events(db).map((e) => {
			const n = levels.map((l) => counts.get(`${e.id}:${l}`) ?? 0);
			return [eventName(e), ...n, n.reduce((a, b) => a + b, 0)];
		})
	};
}

/** Cells for a two-column heatmap: each theme's share of event comments beside its share of written respondents. */
export interface EventThemeCell {
	row: string;
	rowLabel: string;
	column: 'events' | 'written';
	columnLabel: string;
	count: number;
	base: number;
}

/** Events: eventThemeCounts (SQL); written answers: facts.themeCounts and questionCounts over everyone (their twin:
 * themesEventsVsWritten). Comments and answers, a piece of text each, so the two shares compare like with like. */
export function eventThemesTable(db: DB): ChartTable & { cells: EventThemeCell[] } {
	const everyone = buildFilter(db, new URLSearchParams());
	const written = new Map(themeCounts(db, everyone).map((t) => [t.theme, t.answers]));
	const writtenBase = questionCounts(db, everyone).reduce((a, q) => a + q.withText, 0);
	const themes = eventThemeCounts(db).map((t) => ({ ...t, writtenAnswers: written.get(t.theme) ?? 0, writtenBase }));
	return {
		title: 'Themes at the events compared with written responses',
		columns: ['Theme', 'Event comments raising it', 'Event comments (base)', 'Event (%)', 'Written answers raising it', 'Written answers (base)', 'Written (%)'],
		rows: themes.map((t) => [t.label, t.eventComments, t.eventBase, pct(t.eventComments, t.eventBase), t.writtenAnswers, t.writtenBase, pct(t.writtenAnswers, t.writtenBase)]),
		cells: themes.flatMap((t): EventThemeCell[] => [
			{ row: t.theme, rowLabel: t.label, column: 'events', columnLabel: 'Event comments', count: t.eventComments, base: t.eventBase },
			{ row: t.theme, rowLabel: t.label, column: 'written', columnLabel: 'Written answers', count: t.writtenAnswers, base: t.writtenBase }
		])
	};
}

export function childrenThemesTable(db: DB): ChartTable & { cells: ReturnType<typeof themesByAgeBand> } {
	const cells = themesByAgeBand(db);
	return {
		title: "Themes in children and young people's comments, by age band",
		columns: ['Theme', 'Age band', 'Comments raising it', 'Comments (base)', 'Percentage'],
		rows: cells.map((c) => [c.label, c.group, c.comments, c.base, pct(c.comments, c.base)]),
		cells
	};
}

export function childrenSettingsTable(db: DB): ChartTable {
	return { title: "Children and young people's comments by setting", columns: ['Setting', 'Comments'], rows: bySetting(db).map((s) => [s.group, s.comments]) };
}

export function childrenTopicsTable(db: DB): ChartTable {
	return { title: "What children and young people's comments were about", columns: ['Topic', 'Comments'], rows: topics(db).map((t) => [t.topic, t.comments]) };
}

/** The CSV downloads, by name: /data/<name>.csv?<filters>. */
export const CHART_TABLES: Record<string, (db: DB, f: BuiltFilter, params: URLSearchParams) => ChartTable | null> = {
	sectors: (db, f) => sectorsTable(db, f),
	types: typesTable,
	bodies: (db, f) => bodiesTable(db, f),
	submissions: submissionsTable,
	choices: (db, f, p) => (question(db, p.get('of') ?? '')?.type === 'closed' ? choicesTable(db, f, p.get('of')!) : null),
	heatmap: (db, f, p) => {
		const of = p.get('of');
		if (of && !question(db, of)) return null;
		return heatmapTable(db, f, of);
	},
	prevalence: prevalenceTable,
	'theme-sectors': (db, f, p) => themeSectorTable(db, f, p.get('of') ?? ''),
	'theme-bodies': (db, f, p) => themeBodyTable(db, f, p.get('of') ?? ''),
	'theme-stance': (db, f, p) => themeStanceTable(db, f, p.get('of') ?? ''),
	'event-forms': (db) => eventFormsTable(db),
	'event-ratings': (db) => eventRatingsTable(db),
	'event-themes': (db) => eventThemesTable(db),
	'children-themes': (db) => childrenThemesTable(db),
	'children-settings': (db) => childrenSettingsTable(db),
	'children-topics': (db) => childrenTopicsTable(db)
};

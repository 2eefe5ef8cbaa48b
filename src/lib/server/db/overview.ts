// Overview counts under a filter: respondents by sector, type, body and submission week. Unit: respondents.
import type { BuiltFilter } from '../filters';
import type { DB } from './client';

export interface CountRow {
	key: string;
	label: string;
	count: number;
	colour?: string | null;
}

export function respondentCount(db: DB, f: BuiltFilter): number {
	return db.prepare(`SELECT count(*) FROM respondent r WHERE ${f.where}`).pluck().get(...f.params) as number;
}

export function bySector(db: DB, f: BuiltFilter): CountRow[] {
	return db
		.prepare(
			`SELECT coalesce(s.id, 'unknown') AS key, coalesce(s.label, 'Not known') AS label, s.colour AS colour, count(*) AS count
			 FROM respondent r LEFT JOIN sector s ON s.id = r.sector
			 WHERE ${f.where} GROUP BY r.sector ORDER BY count DESC, coalesce(s.position, 99)`
		)
		.all(...f.params) as CountRow[];
}

export function byType(db: DB, f: BuiltFilter): CountRow[] {
	return db
		.prepare(
			// Counted per (sector, type) first, in the order of the respondent_facets index, so no respondent is sorted;
			// then the few groups are added up per type (20 ms to 10 ms at 150,000 respondents).
			`SELECT key, label, sum(n) AS count FROM (
				SELECT coalesce(r.respondent_type, 'unknown') AS key,
					CASE r.respondent_type WHEN 'organisation' THEN 'Organisations' WHEN 'individual' THEN 'Individuals' ELSE 'Not stated' END AS label,
					count(*) AS n
				FROM respondent r WHERE ${f.where} GROUP BY r.sector, r.respondent_type)
			 GROUP BY key ORDER BY count DESC, key`
		)
		.all(...f.params) as CountRow[];
}

/** The names a respondent's known organisation has when it is a professional body (SQL, a list for IN). */
const PROFESSIONAL_BODIES = `(SELECT coalesce(abbreviation, name) FROM organisation WHERE kind = 'professional-body')`;

/**
 * Respondents and the body they count for: its members (who named it) and the body itself, when the organisation
 * list says it is a professional body (SQL, a common table expression `members (id, body)`; the filter's params
 * once). Every breakdown by body counts from this. The respondents are read once, in the one test that the
 * (sector, type, body, organisation, ...) index answers alone: milliseconds at a million answers.
 */
export const bodyMembers = (f: BuiltFilter) => `members (id, body) AS (
	WITH x AS MATERIALIZED (SELECT r.id, r.body, r.known_organisation AS known FROM respondent r
		WHERE coalesce(r.body, r.known_organisation) IS NOT NULL AND ${f.where})
	SELECT id, body FROM x WHERE body IS NOT NULL
	UNION SELECT id, known FROM x WHERE known IN ${PROFESSIONAL_BODIES})`;


/** The organisation a body is named after (SQL, its rowid): the first on the list with that abbreviation, which is
 * compared without regard to case (the column's collation), as `o.name = body` in BODY_LABEL is. */
export const LABELLED_BY = (body: string) => `(SELECT min(x.rowid) FROM organisation x WHERE x.abbreviation = ${body})`;

/** A body's name as shown: "Full name (ABBREVIATION)" when the list has one, the name alone when it is its own
 * abbreviation (SQL, with the organisation joined as o, by LABELLED_BY). */
export const BODY_LABEL = (body: string) => `CASE WHEN o.name IS NULL OR o.name = ${body} THEN ${body} ELSE o.name || ' (' || ${body} || ')' END`;

/**
 * Respondents per professional body, largest first (its members and the body itself): the `limit` largest, and any
 * others tied with the last of them, so a cut never falls between two bodies of the same size; named "Full name
 * (ABBREVIATION)" when the list has one. With them, how many respondents count for any body: the breakdown's base.
 */
/** The first `limit` rows of a list sorted largest first, and any others tied with the last of them. */
export function topWithTies<T extends { count: number }>(rows: T[], limit: number): T[] {
	return rows.length > limit ? rows.filter((r, i) => i < limit || r.count === rows[limit - 1].count) : rows;
}

export function bodyBreakdown(db: DB, f: BuiltFilter, limit = 1000): { rows: CountRow[]; respondents: number } {
	// The same counts as `bodyMembers` gives (tests/unit/charts-match-database.test.ts), without building its pairs:
	// members are counted per (sector, type, body) in the order of the respondent_facets index, so no respondent is
	// sorted, and a body that responded itself is added to its own count unless it also named itself. At 150,000
	// respondents, a third naming a body, 65 ms became 15.
	const rows = db
		.prepare(
			`WITH counts (key, n) AS (
				SELECT r.body, count(*) FROM respondent r WHERE r.body IS NOT NULL AND ${f.where}
				GROUP BY r.sector, r.respondent_type, r.body
				UNION ALL
				SELECT r.known_organisation, count(*) FROM respondent r
				WHERE r.known_organisation IN ${PROFESSIONAL_BODIES} AND (r.body IS NULL OR r.body <> r.known_organisation) AND ${f.where}
				GROUP BY r.known_organisation),
			totals (key, count) AS (SELECT key, sum(n) FROM counts GROUP BY key)
			 SELECT b.key, ${BODY_LABEL('b.key')} AS label, b.count FROM totals b LEFT JOIN organisation o ON o.rowid = ${LABELLED_BY('b.key')}
			 ORDER BY b.count DESC, b.key`
		)
		.all(...f.params, ...f.params) as CountRow[];
	const respondents = db
		.prepare(`SELECT count(*) FROM respondent r WHERE (r.body IS NOT NULL OR r.known_organisation IN ${PROFESSIONAL_BODIES}) AND ${f.where}`)
		.pluck()
		.get(...f.params) as number;
	return { rows: topWithTies(rows, limit), respondents };
}

export interface WeekRow {
	week: string;
	count: number;
}

/** Submissions per week (weeks start on Monday), across the consultation window, with empty weeks as zero. */
export function submissionsByWeek(db: DB, f: BuiltFilter): WeekRow[] {
	const rows = db
		.prepare(
			// Counted by day first (submitted_at is an ISO date), then the few days folded into weeks: the week's date
			// arithmetic once per day, not once per respondent.
			`WITH days AS (
				SELECT substr(r.submitted_at, 1, 10) AS day, count(*) AS n FROM respondent r
				WHERE r.submitted_at IS NOT NULL AND ${f.where} GROUP BY day)
			 SELECT date(day, '-' || ((strftime('%w', day) + 6) % 7) || ' days') AS week, sum(n) AS count FROM days GROUP BY week ORDER BY week`
		)
		.all(...f.params) as WeekRow[];
	return acrossWindow(db, rows);
}

/** The Monday that starts the week of an ISO date (yyyy-mm-dd), as an ISO date. */
export function mondayOf(day: string): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
	return d.toISOString().slice(0, 10);
}

/** Weeks with submissions (in order) laid over the consultation window, every week in it shown, empty ones as zero. */
export function acrossWindow(db: DB, rows: WeekRow[]): WeekRow[] {
	const window = db.prepare('SELECT opens, closes FROM consultation LIMIT 1').get() as { opens: string | null; closes: string | null } | undefined;
	const first = [window?.opens, rows[0]?.week].filter(Boolean).sort()[0];
	const last = [window?.closes, rows[rows.length - 1]?.week].filter(Boolean).sort().reverse()[0];
	if (!first || !last) return rows;
	const counts = new Map(rows.map((r) => [r.week, r.count]));
	const out: WeekRow[] = [];
	for (const d = new Date(`${mondayOf(first)}T00:00:00Z`); d.toISOString().slice(0, 10) <= last; d.setUTCDate(d.getUTCDate() + 7)) {
		const week = d.toISOString().slice(0, 10);
		out.push({ week, count: counts.get(week) ?? 0 });
	}
	return out;
}

export interface OtherTotals {
	events: number;
	attendees: number;
	evaluationForms: number;
	childrensComments: number;
}

export function otherTotals(db: DB): OtherTotals {
	return db
		.prepare(
			`SELECT (SELECT count(*) FROM event) AS events, (SELECT coalesce(sum(attendees), 0) FROM event) AS attendees,
				(SELECT count(*) FROM event_feedback WHERE source = 'evaluation') AS evaluationForms,
				(SELECT count(*) FROM cyp_feedback) AS childrensComments`
		)
		.get() as OtherTotals;
}

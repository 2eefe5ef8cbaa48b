// The stakeholder tracker: each organisation and professional body against each question, and a body's own
// answers and its members' answers compared with everyone else's.
import type { BuiltFilter } from '../filters';
import type { DB } from './client';

export interface StakeholderCell {
	question: string;
	choice: string | null;
	stance: string | null;
	themes: string[];
}

export interface StakeholderRow {
	responseId: string;
	name: string;
	known: boolean;
	sector: string;
	cells: Map<string, StakeholderCell>;
}

export interface StakeholderCounts {
	organisations: number;
	known: number;
}

/** How many organisations the tracker lists under the filter, and how many are on the known-organisations list. */
export function stakeholderCounts(db: DB, f: BuiltFilter): StakeholderCounts {
	return db
		.prepare(
			`SELECT count(*) AS organisations, coalesce(sum(r.known_organisation IS NOT NULL), 0) AS known
			 FROM respondent r WHERE r.respondent_type = 'organisation' AND ${f.where}`
		)
		.get(...f.params) as StakeholderCounts;
}

/**
 * Organisations that responded (confidential ones named only as "Confidential respondent"), known bodies first;
 * one page of them when `page` is given, every one otherwise (the CSV).
 */
export function stakeholders(db: DB, f: BuiltFilter, page?: { number: number; size: number }): StakeholderRow[] {
	// Every organisation is read and sorted by name, so the table is scanned in order: through the narrow
	// respondent_facets index it would be a lookup per row (twice as slow at 150,000 respondents).
	const people = db
		.prepare(
			`SELECT r.id, r.response_id AS responseId,
				CASE WHEN r.confidential = 1 THEN 'Confidential respondent' ELSE coalesce(r.organisation, r.known_organisation) END AS name,
				r.known_organisation IS NOT NULL AS known, coalesce(s.label, 'Not known') AS sector
			 FROM respondent r NOT INDEXED LEFT JOIN sector s ON s.id = r.sector
			 WHERE r.respondent_type = 'organisation' AND ${f.where}
			 ORDER BY known DESC, name, r.id ${page ? 'LIMIT ? OFFSET ?' : ''}`
		)
		.all(...f.params, ...(page ? [page.size, (page.number - 1) * page.size] : [])) as { id: number; responseId: string; name: string; known: number; sector: string }[];
	// One query for every cell, grouped here: a query per organisation would be a round trip each.
	const ids = JSON.stringify(people.map((p) => p.id));
	const cells = db
		.prepare(
			`SELECT a.respondent_id AS rid, a.question_id AS question, a.choice, a.stance, group_concat(e.theme_id, ';') AS themes
			 FROM answer a LEFT JOIN theme_hit e ON e.answer_id = a.id
			 WHERE a.respondent_id IN (SELECT value FROM json_each(?))
			 GROUP BY a.id`
		)
		.all(ids) as { rid: number; question: string; choice: string | null; stance: string | null; themes: string | null }[];
	const byRespondent = new Map<number, Map<string, StakeholderCell>>();
	for (const c of cells) {
		const m = byRespondent.get(c.rid) ?? byRespondent.set(c.rid, new Map()).get(c.rid)!;
		m.set(c.question, { question: c.question, choice: c.choice, stance: c.stance, themes: c.themes ? c.themes.split(';') : [] });
	}
	return people.map((p) => ({
		responseId: p.responseId,
		name: p.name,
		known: p.known === 1,
		sector: p.sector,
		cells: byRespondent.get(p.id) ?? new Map()
	}));
}

export interface GroupChoice {
	group: 'body' | 'members' | 'others';
	question: string;
	choice: string;
	respondents: number;
}

/** Closed answers of the body itself, its members, and all other respondents (in the filter). */
export function bodyComparison(db: DB, f: BuiltFilter, body: string): GroupChoice[] {
	return db
		.prepare(
			`SELECT CASE WHEN r.known_organisation = ? THEN 'body' WHEN r.body = ? THEN 'members' ELSE 'others' END AS "group",
				a.question_id AS question, a.choice, count(DISTINCT r.id) AS respondents
			 FROM answer a JOIN respondent r ON r.id = a.respondent_id
			 WHERE a.choice IS NOT NULL AND ${f.where}
			 GROUP BY 1, 2, 3`
		)
		.all(body, body, ...f.params) as GroupChoice[];
}

export interface GroupTheme {
	group: 'body' | 'members' | 'others';
	theme: string;
	label: string;
	respondents: number;
	base: number;
}

export function bodyThemes(db: DB, f: BuiltFilter, body: string): GroupTheme[] {
	const grp = `CASE WHEN r.known_organisation = ? THEN 'body' WHEN r.body = ? THEN 'members' ELSE 'others' END`;
	return db
		.prepare(
			`WITH base AS (SELECT ${grp} AS grp, count(*) AS n FROM respondent r WHERE ${f.where} GROUP BY 1)
			 SELECT b.grp AS "group", t.id AS theme, t.label,
				(SELECT count(DISTINCT r.id) FROM theme_hit e JOIN answer a ON a.id = e.answer_id
				 JOIN respondent r ON r.id = a.respondent_id WHERE e.theme_id = t.id AND ${grp} = b.grp AND ${f.where}) AS respondents,
				b.n AS base
			 FROM theme t CROSS JOIN base b ORDER BY t.position`
		)
		.all(body, body, ...f.params, body, body, ...f.params) as GroupTheme[];
}

export function bodyName(db: DB, body: string): string | null {
	const o = db.prepare('SELECT name FROM organisation WHERE abbreviation = ? OR name = ?').get(body, body) as { name: string } | undefined;
	if (o) return o.name;
	const used = db.prepare('SELECT 1 FROM respondent WHERE body = ? OR known_organisation = ? LIMIT 1').get(body, body);
	return used ? body : null;
}

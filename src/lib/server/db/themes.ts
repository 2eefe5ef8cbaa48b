// Theme pages: the codeframe, prevalence, one theme's counts by sector and body, its stance split and its answers.
import type { BuiltFilter } from '../filters';
import type { DB } from './client';
import { BODY_LABEL, bodyMembers, LABELLED_BY } from './overview';

export interface ThemeRow {
	id: string;
	label: string;
	definition: string;
}

export function themeList(db: DB): ThemeRow[] {
	return db.prepare('SELECT id, label, definition FROM theme ORDER BY position').all() as ThemeRow[];
}

export function theme(db: DB, id: string): ThemeRow | undefined {
	return db.prepare('SELECT id, label, definition FROM theme WHERE id = ?').get(id) as ThemeRow | undefined;
}

export interface Prevalence {
	theme: string;
	label: string;
	respondents: number;
	answers: number;
}

/** Respondents (and their answers) raising each theme among the filtered respondents. Pages count this in memory
 * (facts.ts themeCounts); this is the same count in SQL. */
export function prevalence(db: DB, f: BuiltFilter): Prevalence[] {
	return db
		.prepare(
			`SELECT t.id AS theme, t.label, count(DISTINCT r.id) AS respondents, count(DISTINCT CASE WHEN r.id IS NOT NULL THEN e.answer_id END) AS answers
			 FROM theme t
			 LEFT JOIN theme_hit e ON e.theme_id = t.id
			 LEFT JOIN answer a ON a.id = e.answer_id
			 LEFT JOIN respondent r ON r.id = a.respondent_id AND ${f.where}
			 GROUP BY t.id ORDER BY respondents DESC, t.position`
		)
		.all(...f.params) as Prevalence[];
}

export interface UntaggedCounts {
	/** Answers with text that carry no theme at all. */
	noTheme: number;
	/** Answers with a theme whose confidence is below 0.6: tagged, but uncertain. */
	uncertain: number;
	withText: number;
}

export function untagged(db: DB, f: BuiltFilter): UntaggedCounts {
	return db
		.prepare(
			`SELECT
				coalesce(sum(NOT EXISTS (SELECT 1 FROM theme_hit e WHERE e.answer_id = a.id)), 0) AS noTheme,
				coalesce(sum(EXISTS (SELECT 1 FROM theme_hit e WHERE e.answer_id = a.id AND e.source = 'auto' AND e.confidence < 0.6)), 0) AS uncertain,
				count(*) AS withText
			 FROM answer a JOIN respondent r ON r.id = a.respondent_id
			 WHERE trim(coalesce(a.text, '')) <> '' AND ${f.where}`
		)
		.get(...f.params) as UntaggedCounts;
}

export interface BodyCount {
	body: string;
	label: string;
	respondents: number;
	base: number;
}

/** For one theme: respondents raising it per professional body (members and the body itself), with each body's base. */
export function themeByBody(db: DB, f: BuiltFilter, themeId: string): BodyCount[] {
	return db
		.prepare(
			`WITH ${bodyMembers(f)}
			SELECT m.body, ${BODY_LABEL('m.body')} AS label,
				-- theme_hit carries each tag's respondent: one lookup in its (theme, respondent) index per member. Through
				-- the answers it took 17 s for a body filter at 100,000 answers.
				count(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM theme_hit e WHERE e.theme_id = ? AND e.respondent_id = m.id)
					THEN m.id END) AS respondents,
				count(DISTINCT m.id) AS base
			FROM members m LEFT JOIN organisation o ON o.rowid = ${LABELLED_BY('m.body')}
			GROUP BY m.body HAVING respondents > 0 ORDER BY respondents DESC, m.body`
		)
		.all(...f.params, themeId) as BodyCount[];
}

export interface StanceCount {
	stance: string;
	answers: number;
}

export function themeStance(db: DB, f: BuiltFilter, themeId: string): StanceCount[] {
	return db
		.prepare(
			`SELECT coalesce(a.stance, 'neutral') AS stance, count(*) AS answers
			 FROM theme_hit e JOIN answer a ON a.id = e.answer_id JOIN respondent r ON r.id = a.respondent_id
			 WHERE e.theme_id = ? AND ${f.where} GROUP BY 1
			 ORDER BY CASE stance WHEN 'support' THEN 1 WHEN 'mixed' THEN 2 WHEN 'neutral' THEN 3 ELSE 4 END`
		)
		.all(themeId, ...f.params) as StanceCount[];
}

// Per-question counts under a filter: closed answers by sector, themes raised in the explanations, quotes.
import type { BuiltFilter } from '../filters';
import type { DB } from './client';

export interface QuestionRow {
	id: string;
	type: 'closed' | 'open';
	text: string;
	shortText: string;
	options: string[];
}

export function questions(db: DB): QuestionRow[] {
	return (db.prepare('SELECT id, type, text, short_text AS shortText, options_json FROM question ORDER BY position').all() as (Omit<QuestionRow, 'options'> & { options_json: string })[]).map(
		({ options_json, ...q }) => ({ ...q, options: JSON.parse(options_json) as string[] })
	);
}

export function question(db: DB, id: string): QuestionRow | undefined {
	return questions(db).find((q) => q.id === id);
}

export interface ChoiceCount {
	sector: string;
	label: string;
	colour: string | null;
	choice: string;
	count: number;
}

/** Respondents (in the filter) by closed answer and sector, for one question. Base: those who chose an option. */
export function choicesBySector(db: DB, f: BuiltFilter, questionId: string): ChoiceCount[] {
	return db
		.prepare(
			`SELECT coalesce(s.id, 'unknown') AS sector, coalesce(s.label, 'Not known') AS label, s.colour AS colour,
				a.choice AS choice, count(DISTINCT r.id) AS count
			 FROM answer a JOIN respondent r ON r.id = a.respondent_id LEFT JOIN sector s ON s.id = r.sector
			 WHERE a.question_id = ? AND a.choice IS NOT NULL AND ${f.where}
			 GROUP BY r.sector, a.choice ORDER BY coalesce(s.position, 99)`
		)
		.all(questionId, ...f.params) as ChoiceCount[];
}

export interface ThemeSectorCount {
	theme: string;
	themeLabel: string;
	sector: string;
	sectorLabel: string;
	respondents: number;
	base: number;
}

/**
 * Respondents raising each theme, by sector, among the filtered respondents. With a question, only that
 * question's answers count and the base is those in the sector who answered it; without, any answer counts and
 * the base is every filtered respondent in the sector.
 */
export function themesBySector(db: DB, f: BuiltFilter, questionId: string | null): ThemeSectorCount[] {
	const q = questionId ? 'AND a.question_id = ?' : '';
	const qp = questionId ? [questionId] : [];
	return db
		.prepare(
			`WITH base AS (
				SELECT coalesce(r.sector, 'unknown') AS sector, count(DISTINCT r.id) AS n
				FROM respondent r ${questionId ? 'JOIN answer a ON a.respondent_id = r.id AND a.question_id = ?' : ''}
				WHERE ${f.where} GROUP BY 1),
			hits AS (
				SELECT e.theme_id AS theme, coalesce(r.sector, 'unknown') AS sector, count(DISTINCT r.id) AS n
				FROM theme_hit e JOIN answer a ON a.id = e.answer_id JOIN respondent r ON r.id = a.respondent_id
				WHERE 1 ${q} AND ${f.where} GROUP BY 1, 2)
			SELECT t.id AS theme, t.label AS themeLabel, b.sector, coalesce(s.label, 'Not known') AS sectorLabel,
				coalesce(h.n, 0) AS respondents, b.n AS base
			FROM theme t CROSS JOIN base b LEFT JOIN hits h ON h.theme = t.id AND h.sector = b.sector
			LEFT JOIN sector s ON s.id = b.sector
			ORDER BY t.position, coalesce(s.position, 99)`
		)
		.all(...qp, ...f.params, ...qp, ...f.params) as ThemeSectorCount[];
}

export interface QuoteRow {
	theme: string;
	themeLabel: string;
	sector: string;
	sectorLabel: string;
	responseId: string;
	question: string;
	text: string;
	/** The size of the campaign the quoted answer is the text of, if it is one. */
	campaignSize: number | null;
}

/** Selected quotes (non-confidential, redacted) from respondents in the filter, optionally for one question/theme. */
export function quotes(db: DB, f: BuiltFilter, options: { question?: string; theme?: string; limit?: number } = {}): QuoteRow[] {
	const cond: string[] = [];
	const p: unknown[] = [];
	if (options.question) {
		cond.push('a.question_id = ?');
		p.push(options.question);
	}
	if (options.theme) {
		cond.push('qu.theme_id = ?');
		p.push(options.theme);
	}
	const rows = db
		.prepare(
			`SELECT qu.theme_id AS theme, t.label AS themeLabel, qu.sector, s.label AS sectorLabel, r.response_id AS responseId,
				a.question_id AS question, qu.text, (SELECT c.size FROM campaign c WHERE c.id = a.campaign_id) AS campaignSize
			 FROM quote qu JOIN answer a ON a.id = qu.answer_id JOIN respondent r ON r.id = a.respondent_id
			 JOIN theme t ON t.id = qu.theme_id JOIN sector s ON s.id = qu.sector
			 WHERE r.confidential = 0 ${cond.map((c) => `AND ${c}`).join(' ')} AND ${f.where}
			 ORDER BY qu.rank, t.position, s.position`
		)
		.iterate(...p, ...f.params) as IterableIterator<QuoteRow>;
	// Quotes are chosen per theme and sector, so a list across them can meet the same words twice: one answer quoted
	// for two themes, or a short answer several respondents sent, quoted for each of their sectors. Each is listed once.
	// And one respondent quoted for two themes is quoted once while others are left to quote: a list of six had two
	// from one respondent.
	const limit = options.limit ?? 6;
	const out: QuoteRow[] = [];
	const seen = new Set<string>();
	const quoted = new Set<string>();
	const again: QuoteRow[] = [];
	for (const row of rows) {
		const words = sameWords(row.text);
		if (seen.has(words)) continue;
		if (quoted.has(row.responseId)) {
			if (again.length < limit) again.push(row);
			continue;
		}
		seen.add(words);
		quoted.add(row.responseId);
		out.push(row);
		if (out.length >= limit) return out;
	}
	for (const row of again) {
		if (out.length >= limit) break;
		const words = sameWords(row.text);
		if (seen.has(words)) continue;
		seen.add(words);
		out.push(row);
	}
	return out;
}

/** A text's words in lower case, without punctuation or spacing: two copies of one answer read alike. */
function sameWords(text: string): string {
	return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

// Row sources for the analysts' exports; each row set is what one documented CSV contains.
import type { DB } from './client';
import { BY_RESPONSE_ID } from './responses';

export const ANSWER_EXPORT_COLUMNS = [
	'response_id',
	'question',
	'sector',
	'sector_inferred',
	'respondent_type',
	'organisation',
	'professional_body',
	'confidential',
	'themes',
	'stance',
	'text'
] as const;

/** One row per non-blank free-text answer, with the themes it counts under (codeframe ids joined by ";"). */
export function answerExportRows(db: DB): Record<string, unknown>[] {
	return db
		.prepare(
			`SELECT r.response_id, a.question_id AS question, coalesce(r.sector, '') AS sector,
				CASE r.sector_inferred WHEN 1 THEN 'yes' ELSE 'no' END AS sector_inferred,
				coalesce(r.respondent_type, '') AS respondent_type, coalesce(r.organisation, '') AS organisation,
				coalesce(r.professional_body, '') AS professional_body,
				CASE r.confidential WHEN 1 THEN 'yes' ELSE 'no' END AS confidential,
				coalesce((SELECT group_concat(theme_id, ';') FROM (
					SELECT e.theme_id FROM theme_hit e JOIN theme t ON t.id = e.theme_id
					WHERE e.answer_id = a.id ORDER BY t.position)), '') AS themes,
				coalesce(a.stance, '') AS stance, a.text
			 FROM answer a JOIN respondent r ON r.id = a.respondent_id JOIN question q ON q.id = a.question_id
			 WHERE trim(coalesce(a.text, '')) <> ''
			 ORDER BY r.response_id, q.position`
		)
		.all() as Record<string, unknown>[];
}

export const PUBLISHABLE_COLUMNS = ['response_id', 'question', 'closed_answer', 'sector', 'respondent_type', 'organisation', 'professional_body', 'confidential', 'themes', 'theme_labels', 'stance', 'text'] as const;

const THEMES_AT = PUBLISHABLE_COLUMNS.indexOf('themes');
const LABELS_AT = PUBLISHABLE_COLUMNS.indexOf('theme_labels');

/**
 * An answer's themes as the download gives them, in codeframe order: `themes` their ids (for joining),
 * `theme_labels` their names (for reading). Worked out here from the ids the query reads, once per set of themes
 * (there are few): naming them in SQL as well read every answer's tags twice, half as long again at 100k answers.
 */
function themeNamer(db: DB): (ids: string) => [string, string] {
	const themes = new Map((db.prepare('SELECT id, label, position FROM theme').all() as { id: string; label: string; position: number }[]).map((t) => [t.id, t]));
	const named = new Map<string, [string, string]>();
	return (ids) => {
		let pair = named.get(ids);
		if (!pair) {
			const sorted = ids ? ids.split(';').sort((a, b) => (themes.get(a)?.position ?? 0) - (themes.get(b)?.position ?? 0)) : [];
			pair = [sorted.join(';'), sorted.map((id) => themes.get(id)?.label ?? id).join('; ')];
			named.set(ids, pair);
		}
		return pair;
	};
}

type AnswerFilter = { where: string; params: unknown[]; answerWhere: string; answerParams: unknown[] };

/**
 * Answers under a filter, fit for publication: redacted text; a confidential respondent's text and name withheld.
 * Read in response_id order from its index, so the first rows come at once rather than after sorting every answer
 * (2.5 s at a million answers, with no filter); whole reads were as fast or faster under the filters tried.
 */
function publishable(db: DB, f: AnswerFilter) {
	return db.prepare(
		`SELECT r.response_id, a.question_id AS question, coalesce(a.choice, '') AS closed_answer, coalesce(s.label, 'Not known') AS sector,
			coalesce(r.respondent_type, '') AS respondent_type,
			-- An organisation's name; not an individual's employer (with their sector and region it can point to them,
			-- and the summary of responses names no individual's organisation either).
			CASE WHEN r.confidential = 1 OR coalesce(r.respondent_type, '') <> 'organisation' THEN '' ELSE coalesce(r.organisation, '') END AS organisation,
			coalesce(r.body, '') AS professional_body, CASE r.confidential WHEN 1 THEN 'yes' ELSE 'no' END AS confidential,
			coalesce((SELECT group_concat(theme_id, ';') FROM theme_hit e WHERE e.answer_id = a.id), '') AS themes,
			'' AS theme_labels,
			coalesce(a.stance, '') AS stance,
			CASE WHEN trim(coalesce(a.text, '')) = '' THEN ''
				WHEN r.confidential = 1 THEN '[withheld: the respondent asked for confidentiality]'
				ELSE coalesce(a.text_redacted, '[not yet redacted: run analyse]') END AS text
		 FROM respondent r INDEXED BY ${BY_RESPONSE_ID} CROSS JOIN answer a ON a.respondent_id = r.id
		 JOIN question q ON q.id = a.question_id LEFT JOIN sector s ON s.id = r.sector
		 WHERE ${f.answerWhere} AND ${f.where}
		 ORDER BY r.response_id, q.position`
	);
}

export function publishableAnswers(db: DB, f: AnswerFilter): Record<string, unknown>[] {
	const name = themeNamer(db);
	const rows = publishable(db, f).all(...f.answerParams, ...f.params) as Record<string, unknown>[];
	for (const row of rows) [row.themes, row.theme_labels] = name(row.themes as string);
	return rows;
}

/**
 * The same rows one at a time, as arrays in PUBLISHABLE_COLUMNS order, for a download streamed as it is read: a
 * million answers as objects took 14 s to build and held the page connection all the while. The connection is busy
 * until the iterator ends or is returned, so give it one of its own (`openReader`).
 */
export function* publishableAnswerRows(db: DB, f: AnswerFilter): IterableIterator<unknown[]> {
	const name = themeNamer(db);
	const rows = publishable(db, f)
		.raw(true)
		.iterate(...f.answerParams, ...f.params) as IterableIterator<unknown[]>;
	for (const row of rows) {
		[row[THEMES_AT], row[LABELS_AT]] = name(row[THEMES_AT] as string);
		yield row;
	}
}

export const QUOTE_EXPORT_COLUMNS = ['theme', 'sector', 'response_id', 'question', 'quote'] as const;

/** The selected quotes: redacted, and never from a respondent who asked for confidentiality (checked again here). */
export function quoteExportRows(db: DB): Record<string, unknown>[] {
	return db
		.prepare(
			`SELECT qu.theme_id AS theme, qu.sector, r.response_id, a.question_id AS question, qu.text AS quote
			 FROM quote qu JOIN answer a ON a.id = qu.answer_id JOIN respondent r ON r.id = a.respondent_id
			 JOIN theme t ON t.id = qu.theme_id JOIN sector s ON s.id = qu.sector
			 WHERE r.confidential = 0
			 ORDER BY t.position, s.position, qu.rank`
		)
		.all() as Record<string, unknown>[];
}

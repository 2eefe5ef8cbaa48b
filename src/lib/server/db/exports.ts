// Row sources for the analysts' exports; each row set is what one documented CSV contains.
import type { DB } from './client';

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
					SELECT e.theme_id FROM answer_theme_effective e JOIN theme t ON t.id = e.theme_id
					WHERE e.answer_id = a.id ORDER BY t.position)), '') AS themes,
				coalesce(a.stance, '') AS stance, a.text
			 FROM answer a JOIN respondent r ON r.id = a.respondent_id JOIN question q ON q.id = a.question_id
			 WHERE trim(coalesce(a.text, '')) <> ''
			 ORDER BY r.response_id, q.position`
		)
		.all() as Record<string, unknown>[];
}

// Counts for `consult stats` and the overview: each a single query an auditor can rerun.
import type { DB } from './client';

export interface TableCount {
	table: string;
	rows: number;
}
export interface SectorCount {
	sector: string;
	label: string;
	colour: string | null;
	respondents: number;
	inferred: number;
}
export interface QuestionCount {
	question: string;
	text: string;
	type: string;
	answered: number;
	withText: number;
}

const TABLES = ['respondent', 'answer', 'event', 'event_feedback', 'cyp_feedback', 'theme', 'answer_theme', 'organisation', 'import_batches'];

export function tableCounts(db: DB): TableCount[] {
	return TABLES.map((table) => ({ table, rows: db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number }));
}

/** Respondents by sector; respondents whose sector is neither given nor inferred count as "Not known". */
export function respondentsBySector(db: DB): SectorCount[] {
	return db
		.prepare(
			`SELECT s.id AS sector, s.label, s.colour, count(r.id) AS respondents, coalesce(sum(r.sector_inferred), 0) AS inferred
			 FROM sector s LEFT JOIN respondent r ON r.sector = s.id
			 GROUP BY s.id ORDER BY s.position`
		)
		.all()
		.concat(
			db
				.prepare(
					`SELECT 'unknown' AS sector, 'Not known' AS label, NULL AS colour, count(*) AS respondents, 0 AS inferred
					 FROM respondent WHERE sector IS NULL HAVING count(*) > 0`
				)
				.all()
		) as SectorCount[];
}

/** Respondents answering each question (and writing an explanation), optionally among a filter's respondents. */
export function answersByQuestion(db: DB, f: { where: string; params: unknown[] } = { where: '1', params: [] }): QuestionCount[] {
	return db
		.prepare(
			`SELECT q.id AS question, q.short_text AS text, q.type,
				count(r.id) AS answered, count(CASE WHEN r.id IS NOT NULL AND trim(coalesce(a.text, '')) <> '' THEN 1 END) AS withText
			 FROM question q LEFT JOIN answer a ON a.question_id = q.id LEFT JOIN respondent r ON r.id = a.respondent_id AND ${f.where}
			 GROUP BY q.id ORDER BY q.position`
		)
		.all(...f.params) as QuestionCount[];
}

/** Answers imported or changed since the last analysis, as `unanalysedAnswers` (facts.ts) counts them in memory. */
export function unanalysedAnswersSql(db: DB): number {
	return db.prepare("SELECT count(*) FROM answer WHERE stance IS NULL AND (choice IS NOT NULL OR trim(coalesce(text, '')) <> '')").pluck().get() as number;
}

/** Event and children's comments imported or changed since the last analysis (analyse redacts every one it reads). */
export function unanalysedComments(db: DB): number {
	return db
		.prepare(
			`SELECT (SELECT count(*) FROM event_feedback WHERE comment_redacted IS NULL AND trim(coalesce(comment, '')) <> '')
				+ (SELECT count(*) FROM cyp_feedback WHERE comment_redacted IS NULL AND trim(coalesce(comment, '')) <> '')`
		)
		.pluck()
		.get() as number;
}

export interface Totals {
	respondents: number;
	organisations: number;
	individuals: number;
	answers: number;
	events: number;
	attendees: number;
	eventFeedback: number;
	childrensComments: number;
}

export function totals(db: DB): Totals {
	return db
		.prepare(
			`SELECT
				(SELECT count(*) FROM respondent) AS respondents,
				(SELECT count(*) FROM respondent WHERE respondent_type = 'organisation') AS organisations,
				(SELECT count(*) FROM respondent WHERE respondent_type = 'individual') AS individuals,
				(SELECT count(*) FROM answer) AS answers,
				(SELECT count(*) FROM event) AS events,
				(SELECT coalesce(sum(attendees), 0) FROM event) AS attendees,
				(SELECT count(*) FROM event_feedback) AS eventFeedback,
				(SELECT count(*) FROM cyp_feedback) AS childrensComments`
		)
		.get() as Totals;
}

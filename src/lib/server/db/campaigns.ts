// Campaigns (near-identical answers to one question) as the pages show them: how many of the selected respondents
// sent each, from which sectors, and its text from a respondent who did not ask for confidentiality, redacted.
import type { BuiltFilter } from '../filters';
import { campaignCounts, campaignRespondents, campaignSectors, questionCounts } from '../facts';
import type { DB } from './client';

export interface CampaignView {
	id: number;
	question: string;
	questionText: string;
	/** Every answer in the campaign, whatever the filter. */
	size: number;
	/** Its answers from the selected respondents. */
	selected: number;
	/** Selected respondents who answered the question: the base of `selected`. */
	answered: number;
	/** Mean share of four-word runs the copies have in common with the first. */
	similarity: number;
	/** Analysts put every answer in it (the analysis found none of it). */
	byAnalysts: boolean;
	/** Its place in the list it was asked for in, from 1: tells apart campaigns whose texts begin alike. */
	rank: number;
	/** Answers analysts put in, and took out, over what the analysis found. */
	added: number;
	removed: number;
	/** The campaign's text, redacted; null when every sender asked for confidentiality. */
	text: string | null;
	themes: string[];
	sectors: { label: string; respondents: number }[];
}

export interface CampaignPage {
	/** Campaigns with at least one answer from the selected respondents. */
	total: number;
	/** Their answers. */
	answers: number;
	items: CampaignView[];
}

/**
 * The campaigns (of `question`, if given) with answers the filter keeps, most such answers first: a page of them, or
 * the one asked for by `id` (whatever the filter). A filter keeps the campaign answers of its respondents that meet its
 * answer-level fields themselves: a question filter keeps that question's, a search those with the words. A
 * consultation of a million answers can have thousands of small campaigns, so each is counted in one pass and only the
 * page's are described.
 */
export function campaigns(db: DB, f: BuiltFilter, options: { id?: number; question?: string; page?: number; pageSize?: number } = {}): CampaignPage {
	const { page = 1, pageSize = 20 } = options;
	// On a question's page the filter selects respondents, whose answers to that question its figures count: an answer
	// filter about another question (or a search) must not empty the campaigns beside those figures.
	const answers = options.question === undefined;

	const counts = campaignCounts(db, f, answers);
	const selected = new Map(counts.map((c) => [c.id, c.selected]));
	const all = db
		.prepare(
			`SELECT c.id, c.question_id AS question, q.text AS questionText, q.position, c.size, c.similarity, c.added, c.removed, c.exemplar_answer_id AS exemplar
			 FROM campaign c JOIN question q ON q.id = c.question_id`
		)
		.all() as (Omit<CampaignView, 'selected' | 'answered' | 'text' | 'themes' | 'sectors' | 'byAnalysts' | 'rank'> & { exemplar: number; position: number })[];
	const listed =
		options.id !== undefined
			? all.filter((c) => c.id === options.id)
			: all
					.filter((c) => selected.has(c.id) && (!options.question || c.question === options.question))
					.sort((a, b) => selected.get(b.id)! - selected.get(a.id)! || a.position - b.position || a.id - b.id);
	const first = options.id === undefined && page > 1 ? (page - 1) * pageSize : 0;
	const items = listed.slice(first, first + pageSize);
	const answered = new Map(questionCounts(db, f).map((c) => [c.question, c.answered]));
	// The text shown is the first copy, or the first from a respondent who did not ask for confidentiality.
	const shown = db.prepare(
		`SELECT a.id, shown_text(a.text_redacted, a.text, r.name, r.organisation, r.respondent_type, r.confidential) AS text
		 FROM answer a JOIN respondent r ON r.id = a.respondent_id
		 WHERE a.campaign_id = ? AND r.confidential = 0 ORDER BY a.id <> ?, a.id LIMIT 1`
	);
	const themes = db.prepare('SELECT t.label FROM answer_theme_effective e JOIN theme t ON t.id = e.theme_id WHERE e.answer_id = ? ORDER BY t.position').pluck();
	return {
		total: listed.length,
		answers: listed.reduce((n, c) => n + (selected.get(c.id) ?? 0), 0),
		items: items.map(({ exemplar, position: _position, ...c }, i) => {
			const text = shown.get(c.id, exemplar) as { id: number; text: string } | undefined;
			return {
				...c,
				rank: first + i + 1,
				selected: selected.get(c.id) ?? 0,
				byAnalysts: c.added >= c.size,
				answered: answered.get(c.question) ?? 0,
				text: text?.text ?? null,
				// The themes do not identify anyone: given even when every sender asked for confidentiality.
				themes: themes.all(text?.id ?? exemplar) as string[],
				sectors: campaignSectors(db, f, c.id, answers)
			};
		})
	};
}

/** How many campaigns have answers the filter keeps, how many answers that is, and from how many respondents. */
export function campaignTotals(db: DB, f: BuiltFilter): { campaigns: number; answers: number; respondents: number } {
	const counts = campaignCounts(db, f);
	return { campaigns: counts.length, answers: counts.reduce((n, c) => n + c.selected, 0), respondents: campaignRespondents(db, f) };
}

// The SQL twins of the counts kept in memory (facts.ts), held equal to them by tests/unit/facts.test.ts.

/** Per campaign, its answers the filter keeps (campaigns with none left out), by campaign id. */
export function campaignCountsSql(db: DB, f: BuiltFilter, answers = true): { id: number; selected: number }[] {
	return db
		.prepare(
			`SELECT a.campaign_id AS id, count(*) AS selected FROM answer a JOIN respondent r ON r.id = a.respondent_id
			 WHERE a.campaign_id IS NOT NULL AND ${answers ? f.answerWhere : '1'} AND ${f.where} GROUP BY a.campaign_id ORDER BY a.campaign_id`
		)
		.all(...(answers ? f.answerParams : []), ...f.params) as { id: number; selected: number }[];
}

/** The respondents whose campaign answers the filter keeps, by sector, most first. */
export function campaignSectorsSql(db: DB, f: BuiltFilter, campaignId: number, answers = true): { label: string; respondents: number }[] {
	return db
		.prepare(
			`SELECT coalesce(s.label, 'Not known') AS label, count(DISTINCT r.id) AS respondents
			 FROM answer a JOIN respondent r ON r.id = a.respondent_id LEFT JOIN sector s ON s.id = r.sector
			 WHERE a.campaign_id = ? AND ${answers ? f.answerWhere : '1'} AND ${f.where} GROUP BY 1 ORDER BY 2 DESC, 1`
		)
		.all(campaignId, ...(answers ? f.answerParams : []), ...f.params) as { label: string; respondents: number }[];
}

/** Respondents whose campaign answers the filter keeps. */
export function campaignRespondentsSql(db: DB, f: BuiltFilter): number {
	return db
		.prepare(`SELECT count(DISTINCT r.id) FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.campaign_id IS NOT NULL AND ${f.answerWhere} AND ${f.where}`)
		.pluck()
		.get(...f.answerParams, ...f.params) as number;
}

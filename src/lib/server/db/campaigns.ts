// Campaigns (near-identical answers to one question) as the pages show them: how many of the selected respondents
// sent each, from which sectors, and its text from a respondent who did not ask for confidentiality, redacted.
import type { BuiltFilter } from '../filters';
import { questionCounts } from '../facts';
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
	/** Mean share of four-word runs the copies have in common; null for a campaign analysts made. */
	similarity: number | null;
	/** Answers analysts put in, and took out, over what the analysis found. */
	added: number;
	removed: number;
	/** The campaign's text, redacted; null when every sender asked for confidentiality. */
	text: string | null;
	themes: string[];
	sectors: { label: string; respondents: number }[];
}

/** The campaigns (all, one question's, or one), largest first within a question, counted over the filter's respondents. */
export function campaigns(db: DB, f: BuiltFilter, which: { question?: string; id?: number } = {}): CampaignView[] {
	const rows = db
		.prepare(
			`SELECT c.id, c.question_id AS question, q.text AS questionText, c.size, c.similarity, c.added, c.removed, c.exemplar_answer_id AS exemplar,
				(SELECT count(*) FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.campaign_id = c.id AND ${f.where}) AS selected
			 FROM campaign c JOIN question q ON q.id = c.question_id
			 WHERE (@question IS NULL OR c.question_id = @question) AND (@id IS NULL OR c.id = @id)
			 ORDER BY q.position, c.size DESC, c.id`
		)
		.all(...f.params, { question: which.question ?? null, id: which.id ?? null }) as (Omit<CampaignView, 'answered' | 'text' | 'themes' | 'sectors' | 'similarity'> & { similarity: number; exemplar: number })[];
	if (rows.length === 0) return [];
	const answered = new Map(questionCounts(db, f).map((c) => [c.question, c.answered]));
	// The text shown is the first copy, or the first from a respondent who did not ask for confidentiality.
	const shown = db.prepare(
		`SELECT a.id, shown_text(a.text_redacted, a.text, r.name, r.organisation, r.respondent_type, r.confidential) AS text
		 FROM answer a JOIN respondent r ON r.id = a.respondent_id
		 WHERE a.campaign_id = ? AND r.confidential = 0 ORDER BY a.id <> ?, a.id LIMIT 1`
	);
	const themes = db.prepare('SELECT t.label FROM answer_theme_effective e JOIN theme t ON t.id = e.theme_id WHERE e.answer_id = ? ORDER BY t.position').pluck();
	const sectors = db.prepare(
		`SELECT coalesce(s.label, 'Not known') AS label, count(DISTINCT r.id) AS respondents
		 FROM answer a JOIN respondent r ON r.id = a.respondent_id LEFT JOIN sector s ON s.id = r.sector
		 WHERE a.campaign_id = ? AND ${f.where} GROUP BY 1 ORDER BY 2 DESC, 1`
	);
	return rows.map(({ exemplar, ...c }) => {
		const text = shown.get(c.id, exemplar) as { id: number; text: string } | undefined;
		return {
			...c,
			similarity: c.added >= c.size ? null : c.similarity,
			answered: answered.get(c.question) ?? 0,
			text: text?.text ?? null,
			themes: text ? (themes.all(text.id) as string[]) : [],
			sectors: sectors.all(c.id, ...f.params) as CampaignView['sectors']
		};
	});
}

/** How many campaigns the filter's respondents sent answers in, and how many answers that is. */
export function campaignTotals(db: DB, f: BuiltFilter): { campaigns: number; answers: number } {
	return db
		.prepare(
			`SELECT count(DISTINCT a.campaign_id) AS campaigns, count(*) AS answers
			 FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.campaign_id IS NOT NULL AND ${f.where}`
		)
		.get(...f.params) as { campaigns: number; answers: number };
}

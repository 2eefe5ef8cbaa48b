// The campaigns as CSV, with the same filter and order as the page: one row per campaign, its counts, sectors, themes
// and its text as the page shows it (redacted, from a respondent who did not ask for confidentiality, or empty).
import { toCsv } from '$lib/csv-safe';
import { shareOf } from '$lib/format';
import { campaigns } from '$lib/server/db/campaigns';
import { filtered } from '$lib/server/page';

const FIELDS = [
	'rank',
	'question',
	'campaign_id',
	'answers',
	'answers_from_all_respondents',
	'respondents_answering_question',
	'percentage',
	'similarity_percentage',
	'grouped_by',
	'analysts_put_in',
	'analysts_took_out',
	'sectors',
	'themes',
	'text'
];

export function GET({ url }) {
	const { db, f } = filtered(url);
	const rows = campaigns(db, f, { pageSize: Infinity }).items.map((c) => ({
		rank: c.rank,
		question: c.question.toUpperCase(),
		campaign_id: c.id,
		answers: c.selected,
		answers_from_all_respondents: c.size,
		respondents_answering_question: c.answered,
		percentage: shareOf(c.selected, c.answered),
		similarity_percentage: Math.round(c.similarity * 100),
		grouped_by: c.byAnalysts ? 'analysts' : 'analysis',
		analysts_put_in: c.added,
		analysts_took_out: c.removed,
		sectors: c.sectors.map((s) => `${s.label} ${s.respondents}`).join('; '),
		themes: c.themes.join('; '),
		text: c.text ?? ''
	}));
	return new Response('\uFEFF' + toCsv(FIELDS, rows) + '\r\n', {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="campaigns.csv"' }
	});
}

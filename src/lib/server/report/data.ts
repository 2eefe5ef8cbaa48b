// Everything the summary of responses says, gathered once: the same numbers as the dashboard (same queries), with
// sectors of fewer than 5 respondents combined in breakdowns by sector, and only non-confidential redacted quotes.
import { formatNumber, percentOf, SMALL_GROUP } from '../../format';
import { buildFilter } from '../filters';
import { choicesTable, heatmapTable } from '../charts';
import { consultationInfo } from '../db/consultation';
import { bySector, byType, otherTotals, respondentCount } from '../db/overview';
import { question, questions, quotes } from '../db/questions';
import { events, themesEventsVsWritten } from '../db/events';
import { comments, topics } from '../db/children';
import type { DB } from '../db/client';

export const SMALL = SMALL_GROUP;
export const SUPPRESSED = 'fewer than 5';

/** A count as published: counts of 1 to 4 in a breakdown could identify someone, so they are not shown. */
export function publish(n: number): string {
	return n > 0 && n < SMALL ? SUPPRESSED : String(n);
}

/** The row that stands for the sectors too small to show on their own. */
export const COMBINED = 'Other sectors, combined';

export interface Group {
	label: string;
	/** Respondents in the group. */
	base: number;
	/** Its respondents by answer (none for a plain count). */
	counts: number[];
}

/**
 * A breakdown's rows as published. Every group of 1 to 4 respondents is merged into one combined row, and while that
 * row is itself under 5 the smallest other group joins it: so no row shown is a group of fewer than 5, and, since the
 * rows still add up to the total, none can be worked out by taking the rows shown from the total either (hiding a
 * small row alone would leave it as the difference). Rows keep their order; the combined row comes last.
 */
export function combineSmall(groups: Group[]): Group[] {
	const small = (g: Group) => g.base > 0 && g.base < SMALL;
	if (!groups.some(small)) return groups;
	const joined = new Set(groups.filter(small));
	const total = () => [...joined].reduce((a, g) => a + g.base, 0);
	while (total() < SMALL) {
		const next = groups.filter((g) => !joined.has(g) && g.base > 0).sort((a, b) => a.base - b.base)[0];
		if (!next) break;
		joined.add(next);
	}
	const width = Math.max(0, ...groups.map((g) => g.counts.length));
	const combined: Group = {
		label: COMBINED,
		base: total(),
		counts: Array.from({ length: width }, (_, i) => [...joined].reduce((a, g) => a + (g.counts[i] ?? 0), 0))
	};
	return [...groups.filter((g) => !joined.has(g)), combined];
}

/** A paragraph of the findings, or a list of bullets (lines typed one after another, each begun with "-", "*" or "•"). */
export type FindingsBlock = { text: string; items?: undefined } | { items: string[]; text?: undefined };

/** Typed findings as paragraphs and bulleted lists: tabs and runs of spaces read as one space, empty lines dropped. */
export function findingsBlocks(findings: string): FindingsBlock[] {
	const blocks: FindingsBlock[] = [];
	for (const raw of findings.split(/\r?\n/)) {
		const line = raw.replace(/[\t ]+/g, ' ').trim();
		const bullet = /^[-*•]\s*(?=\S)/.exec(line);
		if (!line) continue;
		if (!bullet) blocks.push({ text: line });
		else if (blocks.at(-1)?.items) blocks.at(-1)!.items!.push(line.slice(bullet[0].length));
		else blocks.push({ items: [line.slice(bullet[0].length)] });
	}
	return blocks;
}

export interface CampaignCount {
	/** Campaigns (near-identical answers sent by several respondents), and the answers in them. */
	campaigns: number;
	answers: number;
}

export interface ReportQuestion {
	id: string;
	text: string;
	type: 'closed' | 'open';
	answered: number;
	campaigns: CampaignCount;
	/** What its campaigns were, in a sentence ('' when none), the same in the Word report and the print version. */
	campaignText: string;
	/** The key findings analysts typed, as the report lays them out. */
	findingsBlocks: FindingsBlock[];
	includeCharts: boolean;
	options: string[];
	/** Whole percentages of those who chose an answer, rounded once from the counts. */
	overall: { option: string; count: number; percent: number }[];
	bySector: { sector: string; n: string; percents: string[] }[];
	stackRows: { label: string; counts: Record<string, number> }[];
	themes: { label: string; respondents: number; percent: number }[];
	quotes: { text: string; who: string }[];
}

export interface ReportData {
	title: string;
	shortTitle: string;
	opens: string | null;
	closes: string | null;
	illustrative: boolean;
	notice: string | null;
	respondents: number;
	byType: { label: string; count: number }[];
	bySector: { label: string; count: string; percent: string }[];
	questions: ReportQuestion[];
	events: { title: string; date: string | null; attendees: number; forms: number }[];
	eventThemes: { label: string; percent: number }[];
	children: { total: number; topics: { topic: string; comments: number }[]; quotes: string[] };
	method: { answersWithText: number; reviewed: number; autoTags: number; manualDecisions: number; campaigns: CampaignCount & { respondents: number } };
	/** The opening sentence on what was gathered, the same in the Word report and the print version. */
	gathered: string;
	/** How campaigns were found and treated, for the account of the method. */
	campaignMethod: string;
}

/** What a question's campaigns were, for its summary: nothing when it had none. */
function campaignSentence(c: CampaignCount): string {
	if (!c.campaigns) return '';
	return `${formatNumber(c.answers)} of these answers ${c.answers === 1 ? 'was' : 'were'} ${c.campaigns === 1 ? 'copies of one text' : `copies of ${formatNumber(c.campaigns)} texts`} sent by several respondents (a campaign); they are counted like any other answer.`;
}

/** How campaigns were found and treated, for the account of the method. */
function campaignMethod(c: ReportData['method']['campaigns']): string {
	const found = c.campaigns
		? `It found ${formatNumber(c.campaigns)} ${c.campaigns === 1 ? 'campaign' : 'campaigns'}, with ${formatNumber(c.answers)} ${c.answers === 1 ? 'answer' : 'answers'} from ${formatNumber(c.respondents)} ${c.respondents === 1 ? 'respondent' : 'respondents'}.`
		: 'It found none.';
	return `The analysis looked for campaigns: three or more answers to a question sharing most of their wording, such as copies of a letter, which analysts could confirm or correct. ${found} Each respondent who sent a campaign text is counted like any other, and quotes take at most one copy of a campaign's text.`;
}

function gatheredSentence(r: Pick<ReportData, 'respondents' | 'events' | 'children'>): string {
	const attendees = r.events.reduce((a, e) => a + e.attendees, 0);
	// Only what there was: a consultation without events or children's comments says nothing of them.
	const also = [
		r.events.length ? `at ${formatNumber(r.events.length)} ${r.events.length === 1 ? 'event' : 'events'} attended by ${formatNumber(attendees)} ${attendees === 1 ? 'person' : 'people'}` : '',
		r.children.total ? `from ${formatNumber(r.children.total)} ${r.children.total === 1 ? 'comment' : 'comments'} by children and young people` : ''
	].filter(Boolean);
	return `There were ${formatNumber(r.respondents)} written responses.${also.length ? ` Views were also gathered ${also.join(', and ')}.` : ''}`;
}


export function reportData(db: DB): ReportData {
	const info = consultationInfo(db);
	const all = buildFilter(db, new URLSearchParams());
	const n = respondentCount(db, all);
	const texts = new Map(
		(db.prepare('SELECT question_id, findings, include_charts FROM report_text').all() as { question_id: string; findings: string; include_charts: number }[]).map((r) => [r.question_id, r])
	);
	const qs: ReportQuestion[] = questions(db).map((q) => {
		const choices = q.type === 'closed' ? choicesTable(db, all, q.id) : null;
		const allRow = choices?.rows[0];
		const answered = db.prepare('SELECT count(DISTINCT respondent_id) FROM answer WHERE question_id = ?').pluck().get(q.id) as number;
		const heat = heatmapTable(db, all, q.id);
		const themeTotals = new Map<string, number>();
		for (const c of heat.cells) themeTotals.set(c.themeLabel, (themeTotals.get(c.themeLabel) ?? 0) + c.respondents);
		const options = choices?.options ?? [];
		const groupOf = (r: (string | number)[]): Group => ({ label: String(r[0]), base: r[1] as number, counts: options.map((_, i) => r[2 + 2 * i] as number) });
		const sectorGroups = combineSmall((choices?.rows.slice(1) ?? []).map(groupOf));
		const campaigns = db.prepare('SELECT count(DISTINCT campaign_id) AS campaigns, count(*) AS answers FROM answer WHERE question_id = ? AND campaign_id IS NOT NULL').get(q.id) as CampaignCount;
		return {
			id: q.id,
			text: q.text,
			type: q.type,
			answered,
			campaigns,
			campaignText: campaignSentence(campaigns),
			findingsBlocks: findingsBlocks(texts.get(q.id)?.findings ?? ''),
			includeCharts: (texts.get(q.id)?.include_charts ?? 1) === 1,
			options,
			overall: allRow ? options.map((o, i) => ({ option: o, count: allRow[2 + 2 * i] as number, percent: percentOf(allRow[2 + 2 * i] as number, allRow[1] as number) })) : [],
			bySector: sectorGroups.map((g) => ({
				sector: g.label,
				n: publish(g.base),
				percents: g.counts.map((c) => (g.base < SMALL ? SUPPRESSED : `${percentOf(c, g.base)}%`))
			})),
			stackRows: [...(allRow ? [groupOf(allRow)] : []), ...sectorGroups]
				.filter((g) => g.base >= SMALL)
				.map((g) => ({ label: g.label, counts: Object.fromEntries(options.map((o, i) => [o, g.counts[i]])) })),
			themes: [...themeTotals]
				.filter(([, v]) => v > 0)
				.sort((a, b) => b[1] - a[1])
				.slice(0, 6)
				.map(([label, respondents]) => ({ label, respondents, percent: percentOf(respondents, answered) })),
			quotes: quotes(db, all, { question: q.id, limit: 3 }).map((x) => ({ text: x.text, who: `${x.sectorLabel} respondent, on ${x.themeLabel.toLowerCase()}` }))
		};
	});
	const sectors = bySector(db, all);
	const ev = events(db);
	const evThemes = themesEventsVsWritten(db);
	const cyp = topics(db);
	const report: Omit<ReportData, 'gathered' | 'campaignMethod'> = {
		title: info.title,
		shortTitle: info.shortTitle,
		opens: info.opens,
		closes: info.closes,
		illustrative: info.illustrative,
		notice: info.notice,
		respondents: n,
		byType: byType(db, all).map((t) => ({ label: t.label, count: t.count })),
		bySector: combineSmall(sectors.map((s) => ({ label: s.label, base: s.count, counts: [] }))).map((g) => ({
			label: g.label,
			count: publish(g.base),
			percent: g.base < SMALL ? SUPPRESSED : `${percentOf(g.base, n)}%`
		})),
		questions: qs,
		events: ev.map((e) => ({ title: e.title, date: e.date, attendees: e.attendees, forms: e.forms })),
		eventThemes: evThemes
			.filter((t) => t.eventComments > 0)
			.map((t) => ({ label: t.label, percent: percentOf(t.eventComments, t.eventBase) }))
			.sort((a, b) => b.percent - a.percent)
			.slice(0, 5),
		children: {
			total: otherTotals(db).childrensComments,
			topics: cyp.slice(0, 6),
			quotes: comments(db, { limit: 200 })
				.filter((c) => c.themes)
				.slice(0, 4)
				.map((c) => c.text)
		},
		method: {
			...(db
				.prepare(
					`SELECT (SELECT count(*) FROM answer WHERE trim(coalesce(text, '')) <> '') AS answersWithText,
						(SELECT count(*) FROM answer_review) AS reviewed,
						(SELECT count(*) FROM answer_theme WHERE source = 'auto') AS autoTags,
						(SELECT count(*) FROM answer_theme WHERE source = 'manual') AS manualDecisions`
				)
				.get() as Omit<ReportData['method'], 'campaigns'>),
			campaigns: db
				.prepare('SELECT count(DISTINCT campaign_id) AS campaigns, count(*) AS answers, count(DISTINCT respondent_id) AS respondents FROM answer WHERE campaign_id IS NOT NULL')
				.get() as ReportData['method']['campaigns']
		}
	};
	return { ...report, gathered: gatheredSentence(report), campaignMethod: campaignMethod(report.method.campaigns) };
}

export function questionExists(db: DB, id: string): boolean {
	return !!question(db, id);
}

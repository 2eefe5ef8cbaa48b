// Everything the summary of responses says, gathered once: the same numbers as the dashboard (same queries), with
// sectors of fewer than 5 respondents combined in breakdowns by sector, and only non-confidential redacted quotes.
import { annexOf, type Annex } from './annex';
import { formatDate, formatNumber, percentOf, SMALL_GROUP } from '../../format';
import { buildFilter } from '../filters';
import { choicesTable, heatmapTable } from '../charts';
import { consultationInfo } from '../db/consultation';
import { bySector, byType, otherTotals, respondentCount } from '../db/overview';
import { question, questions, quotes } from '../db/questions';
import { events, themesEventsVsWritten } from '../db/events';
import { topics } from '../db/children';
import type { DB } from '../db/client';
import { unanalysedComments } from '../db/stats';
import { unanalysedAnswers } from '../facts';
import { anyWaiting, waitingReportSentence } from '../../waiting';

export { annexOf, annexWithheld, type Annex } from './annex';

export const SMALL = SMALL_GROUP;

/** The keys (in report_text) of the parts analysts write that belong to no question; not question ids, which are
 * letters and digits. */
export const SUMMARY = '_summary';
export const NEXT_STEPS = '_next-steps';
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
	/** How many answered, and for a closed question how many chose each answer: the same in Word and print. */
	summary: string;
	campaigns: CampaignCount;
	/** What its campaigns were, in a sentence ('' when none), the same in the Word report and the print version. */
	campaignText: string;
	/** The key findings analysts typed, as the report lays them out. */
	findingsBlocks: FindingsBlock[];
	includeCharts: boolean;
	options: string[];
	/** Respondents who chose one of a closed question's answers (the base of `overall`), and who wrote an answer. */
	chose: number;
	wrote: number;
	/** Whole percentages of those who chose an answer, rounded once from the counts. */
	overall: { option: string; count: number; percent: number }[];
	bySector: { sector: string; n: string; percents: string[] }[];
	/** The sectors in the combined row of `bySector` (none when no row was combined). */
	combined: string[];
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
	eventThemes: { label: string; percent: number; comments: number; base: number }[];
	children: { total: number; topics: { topic: string; comments: number }[]; quotes: string[] };
	method: {
		answersWithText: number;
		reviewed: number;
		autoTags: number;
		manualDecisions: number;
		inferredSectors: number;
		campaigns: CampaignCount & { respondents: number };
		/** Answers and comments imported or changed since the last analysis: not counted under any theme yet. */
		waiting: { answers: number; comments: number };
	};
	/** What was consulted on, from the consultation's definition ('' when it says nothing). */
	description: string;
	/** The paragraphs the Word report and the print version share, so that the two say the same. */
	texts: {
		introduction: string;
		/** How many sectors were inferred ('' when none). */
		inferred: string;
		events: string;
		children: string;
		method: string[];
	};
	/** What analysts wrote as the summary of the main findings, and as next steps (empty when nothing). */
	summary: FindingsBlock[];
	nextSteps: FindingsBlock[];
	/** The opening sentence on what was gathered, the same in the Word report and the print version. */
	gathered: string;
	/** The annex: the organisations that responded, by name, and what it does not name. */
	annex: Annex;
}

/** What a question's campaigns were, for its summary: nothing when it had none. */
function campaignSentence(c: CampaignCount): string {
	if (!c.campaigns) return '';
	return `${formatNumber(c.answers)} of these answers ${c.answers === 1 ? 'was' : 'were'} ${c.campaigns === 1 ? 'copies of one text' : `copies of ${formatNumber(c.campaigns)} texts`} sent by several respondents (a campaign); they are counted like any other answer.`;
}

/**
 * How far people checked the themes. A published summary that said "0 of 1,467 answers were reviewed" in passing
 * would read as if no one read the responses; it says plainly that the theme counts are the pipeline's until analysts
 * review them.
 */
export function reviewSentence(m: Pick<ReportData['method'], 'reviewed' | 'answersWithText' | 'manualDecisions'>): string {
	if (m.reviewed === 0)
		return `No analyst has yet reviewed the themes the automated analysis gave the ${formatNumber(m.answersWithText)} written answers, so the theme counts in this summary are the automated analysis's alone, and are best read as estimates.`;
	const all = m.reviewed >= m.answersWithText;
	const share = percentOf(m.reviewed, m.answersWithText);
	// "0%" for a few answers in thousands would read as none.
	const shown = !all && share === 0 ? 'less than 1%' : !all && share === 100 ? 'more than 99%' : `${share}%`;
	return `Analysts reviewed ${formatNumber(m.reviewed)} of the ${formatNumber(m.answersWithText)} written answers (${shown}), making ${formatNumber(m.manualDecisions)} decisions on their themes; ${all ? 'every theme was checked.' : "the themes of the rest are the automated analysis's alone, so the theme counts in this summary are best read as estimates."}`;
}

/** How campaigns were found and treated, for the account of the method. */
function campaignMethod(c: ReportData['method']['campaigns']): string {
	const found = c.campaigns
		? `It found ${formatNumber(c.campaigns)} ${c.campaigns === 1 ? 'campaign' : 'campaigns'}, with ${formatNumber(c.answers)} ${c.answers === 1 ? 'answer' : 'answers'} from ${formatNumber(c.respondents)} ${c.respondents === 1 ? 'respondent' : 'respondents'}.`
		: 'It found none.';
	return `The analysis looked for campaigns: answers to a question sharing most of their wording, such as copies of a letter (three or more found by the analysis, to which analysts could add answers or from which they could take them). ${found} Each respondent who sent a campaign text is counted like any other, and quotes take at most one copy of a campaign's text.`;
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


/**
 * Quotes for a question in the published summary: one for each of its most raised themes in turn (not the first few
 * in the codeframe's order, which gave three quotes on one theme), each from a different respondent, non-confidential
 * and redacted. A campaign's text says it was sent by many, so that it is not read as one person's view.
 */
function representativeQuotes(db: DB, questionId: string, themes: string[], limit: number): { text: string; who: string }[] {
	const all = buildFilter(db, new URLSearchParams());
	const out: { text: string; who: string }[] = [];
	const used = new Set<string>();
	for (const theme of themes) {
		if (out.length >= limit) break;
		const pick = quotes(db, all, { question: questionId, theme, limit: 10 }).find((x) => !used.has(x.responseId) && !out.some((o) => o.text === x.text));
		if (!pick) continue;
		used.add(pick.responseId);
		out.push({
			text: pick.text,
			who: `${pick.sectorLabel} respondent, on ${pick.themeLabel.toLowerCase()}${pick.campaignSize ? `; a campaign text sent by ${formatNumber(pick.campaignSize)} respondents` : ''}`
		});
	}
	return out;
}

/** Comments from children and young people to quote: one from each setting in turn, never one that needed personal
 * details removed (a child's account of an incident can identify them even with the names gone), nor one analyse has
 * not checked (imported or changed since it ran). */
function childrenQuotes(db: DB, limit: number): string[] {
	const rows = db
		.prepare(
			`SELECT coalesce(c.setting, '') AS setting, c.comment AS text FROM cyp_feedback c
			 WHERE c.comment_redacted = c.comment AND length(c.comment) >= 30
				AND EXISTS (SELECT 1 FROM comment_theme ct WHERE ct.kind = 'cyp' AND ct.comment_id = c.id)
			 ORDER BY c.id`
		)
		.all() as { setting: string; text: string }[];
	const bySetting = new Map<string, string[]>();
	for (const r of rows) (bySetting.get(r.setting) ?? bySetting.set(r.setting, []).get(r.setting)!).push(r.text);
	const out: string[] = [];
	for (let round = 0; out.length < limit && [...bySetting.values()].some((l) => l.length > round); round++)
		for (const list of bySetting.values()) if (list[round] && out.length < limit) out.push(list[round]);
	return out;
}

/** How many answered a question, and for a closed one, of those who chose an answer, how many chose each (with the
 * share): the count beside the percentage, and each percentage's base said. */
function questionSummary(q: Omit<ReportQuestion, 'summary'>): string {
	const answered = `${formatNumber(q.answered)} respondents answered this question${q.wrote ? `, ${formatNumber(q.wrote)} of them in writing` : ''}.`;
	if (q.type !== 'closed' || !q.chose) return answered;
	return `${answered} Of the ${formatNumber(q.chose)} who chose an answer, ${q.overall.map((o) => `${formatNumber(o.count)} (${o.percent}%) chose ${o.option}`).join(', ')}.`;
}

export function reportData(db: DB): ReportData {
	const info = consultationInfo(db);
	const all = buildFilter(db, new URLSearchParams());
	const n = respondentCount(db, all);
	const texts = new Map(
		(db.prepare('SELECT question_id, findings, include_charts FROM report_text').all() as { question_id: string; findings: string; include_charts: number }[]).map((r) => [r.question_id, r])
	);
	const qs = questions(db).map((q): Omit<ReportQuestion, 'summary'> => {
		const choices = q.type === 'closed' ? choicesTable(db, all, q.id) : null;
		const allRow = choices?.rows[0];
		const answered = db.prepare('SELECT count(DISTINCT respondent_id) FROM answer WHERE question_id = ?').pluck().get(q.id) as number;
		const heat = heatmapTable(db, all, q.id);
		// By theme id (a label is a name, not a key), with the label to show.
		const themeTotals = new Map<string, { label: string; respondents: number }>();
		for (const c of heat.cells) {
			const t = themeTotals.get(c.theme) ?? themeTotals.set(c.theme, { label: c.themeLabel, respondents: 0 }).get(c.theme)!;
			t.respondents += c.respondents;
		}
		const options = choices?.options ?? [];
		const groupOf = (r: (string | number)[]): Group => ({ label: String(r[0]), base: r[1] as number, counts: options.map((_, i) => r[2 + 2 * i] as number) });
		const sectorGroups = combineSmall((choices?.rows.slice(1) ?? []).map(groupOf));
		const campaigns = db.prepare('SELECT count(DISTINCT campaign_id) AS campaigns, count(*) AS answers FROM answer WHERE question_id = ? AND campaign_id IS NOT NULL').get(q.id) as CampaignCount;
		// The six themes raised by most respondents, and any tied with the sixth (leaving them out would say one of two
		// equal themes mattered more).
		const ranked = [...themeTotals].filter(([, t]) => t.respondents > 0).sort((a, b) => b[1].respondents - a[1].respondents);
		const topThemes = ranked.filter(([, t]) => t.respondents >= (ranked[5]?.[1].respondents ?? 0));
		const wrote = db.prepare("SELECT count(DISTINCT respondent_id) FROM answer WHERE question_id = ? AND trim(coalesce(text, '')) <> ''").pluck().get(q.id) as number;
		const inGroups = new Set(sectorGroups.map((g) => g.label));
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
			chose: (allRow?.[1] as number | undefined) ?? 0,
			wrote,
			combined: sectorGroups.some((g) => g.label === COMBINED) ? (choices?.rows.slice(1) ?? []).map((r) => String(r[0])).filter((label) => !inGroups.has(label)) : [],
			overall: allRow ? options.map((o, i) => ({ option: o, count: allRow[2 + 2 * i] as number, percent: percentOf(allRow[2 + 2 * i] as number, allRow[1] as number) })) : [],
			bySector: sectorGroups.map((g) => ({
				sector: g.label,
				n: publish(g.base),
				percents: g.counts.map((c) => (g.base < SMALL ? SUPPRESSED : `${percentOf(c, g.base)}%`))
			})),
			stackRows: [...(allRow ? [groupOf(allRow)] : []), ...sectorGroups]
				.filter((g) => g.base >= SMALL)
				.map((g) => ({ label: g.label, counts: Object.fromEntries(options.map((o, i) => [o, g.counts[i]])) })),
			themes: topThemes.map(([, { label, respondents }]) => ({ label, respondents, percent: percentOf(respondents, answered) })),
			quotes: representativeQuotes(db, q.id, topThemes.map(([id]) => id), 3)
		};
	});
	const withSummaries: ReportQuestion[] = qs.map((q) => ({ ...q, summary: questionSummary(q) }));
	const sectors = bySector(db, all);
	const ev = events(db);
	const evThemes = themesEventsVsWritten(db);
	const cyp = topics(db);
	const report: Omit<ReportData, 'gathered' | 'texts' | 'annex'> = {
		summary: findingsBlocks(texts.get(SUMMARY)?.findings ?? ''),
		nextSteps: findingsBlocks(texts.get(NEXT_STEPS)?.findings ?? ''),
		description: (db.prepare('SELECT coalesce(description, \'\') FROM consultation LIMIT 1').pluck().get() as string | undefined) ?? '',
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
		questions: withSummaries,
		events: ev.map((e) => ({ title: e.title, date: e.date, attendees: e.attendees, forms: e.forms })),
		eventThemes: evThemes
			.filter((t) => t.eventComments > 0)
			.map((t) => ({ label: t.label, percent: percentOf(t.eventComments, t.eventBase), comments: t.eventComments, base: t.eventBase }))
			.sort((a, b) => b.comments - a.comments || a.label.localeCompare(b.label))
			.slice(0, 5),
		children: {
			total: otherTotals(db).childrensComments,
			topics: cyp.slice(0, 6),
			quotes: childrenQuotes(db, 4)
		},
		method: {
			...(db
				.prepare(
					`SELECT (SELECT count(*) FROM answer WHERE trim(coalesce(text, '')) <> '') AS answersWithText,
						(SELECT count(*) FROM answer_review) AS reviewed,
						(SELECT count(*) FROM answer_theme WHERE source = 'auto') AS autoTags,
						(SELECT count(*) FROM answer_theme WHERE source = 'manual') AS manualDecisions,
						(SELECT count(*) FROM respondent WHERE sector_inferred = 1) AS inferredSectors`
				)
				.get() as Omit<ReportData['method'], 'campaigns' | 'waiting'>),
			waiting: { answers: unanalysedAnswers(db), comments: unanalysedComments(db) },
			campaigns: db
				.prepare('SELECT count(DISTINCT campaign_id) AS campaigns, count(*) AS answers, count(DISTINCT respondent_id) AS respondents FROM answer WHERE campaign_id IS NOT NULL')
				.get() as ReportData['method']['campaigns']
		}
	};
	const m = report.method;
	return {
		...report,
		annex: annexOf(db),
		gathered: gatheredSentence(report),
		texts: {
			introduction: [report.description || `${report.title}.`, report.opens && report.closes ? `The consultation ran from ${formatDate(report.opens)} to ${formatDate(report.closes)}.` : ''].filter(Boolean).join(' '),
			inferred: m.inferredSectors
				? `${formatNumber(m.inferredSectors)} of the ${formatNumber(report.respondents)} respondents gave no sector; theirs was inferred from their organisation, professional body or what they wrote.`
				: '',
			events: report.eventThemes.length
				? `The themes raised most often at the events were: ${report.eventThemes.map((t) => `${t.label.toLowerCase()} (${formatNumber(t.comments)} of the ${formatNumber(t.base)} comments, ${t.percent}%)`).join('; ')}.`
				: '',
			children: `${formatNumber(report.children.total)} ${report.children.total === 1 ? 'comment was' : 'comments were'} gathered from children and young people.${
				report.children.topics.length ? ` The topics they raised most were: ${report.children.topics.map((t) => `${t.topic.toLowerCase()} (${formatNumber(t.comments)} of the ${formatNumber(report.children.total)} comments)`).join(', ')}.` : ''
			}`,
			method: [
				`Themes were given to every written answer by automated text analysis, from the consultation's list of themes (its coding frame): the words and phrases that list gives for each theme, and a model trained on answers people had labelled; each theme given records the words that led to it. ${reviewSentence(m)}${anyWaiting(m.waiting) ? ` ${waitingReportSentence(m.waiting)}` : ''}`,
				`Respondents, not answers, are counted: someone who raised a theme in several answers counts once for it. Percentages for closed questions are of those who chose an answer; a theme's percentage is of everyone who answered the question, including those who only chose an answer. Quotes come only from respondents who did not ask for confidentiality, with personal details removed, one for each of the themes raised most. In breakdowns by sector, sectors with fewer than ${SMALL} respondents are combined into one row, with the next smallest sector added while that row has fewer than ${SMALL}; percentages are rounded to whole numbers, so a row may not add up to exactly 100%.`,
				campaignMethod(m.campaigns)
			]
		}
	};
}

export function questionExists(db: DB, id: string): boolean {
	return !!question(db, id);
}

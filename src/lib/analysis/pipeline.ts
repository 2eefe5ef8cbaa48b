// The text pipeline as an ordered list of pure stages. Each reads the shared context, adds its results, and lists
// the items it could not process. No database, no Svelte: the server's analyse step does the I/O.
import { applyCampaignMarks, findCampaigns, type Campaign, type CampaignMark } from './campaigns';
import { compileCodeframe, type CodeframeTheme, type SeedHit } from './codeframe';
import { suggestThemes, type EmergentInput, type EmergentTheme } from './emergent';
import { selectQuotes, type Quote, type QuoteCandidate } from './quotes';
import { mentionsPersonal, publicRecord, redact, type PersonalTerms, type Redaction } from './redact';
import { fitSectorModel, inferSector, type KnownOrganisation, type SectorInference } from './sector';
import { closedStance, textStance, type Stance } from './stance';
import { analyseText, fitTagger, tagAnalysed, type LabelledText, type ModelStore, type ThemeAssignment, type ThemeTagger } from './themes';
import { wordCount } from './text';

export interface RespondentIn {
	id: number;
	/** The reference people know it by ("R0123"), for messages. */
	responseId?: string;
	sectorGiven: string | null;
	organisation: string | null;
	professionalBody: string | null;
	respondentType: string | null;
	confidential: boolean;
}

export interface AnswerIn {
	id: number;
	respondentId: number;
	questionId: string;
	options: string[];
	choice: string | null;
	text: string | null;
	/** The respondent's own name, and their organisation's, for redaction (shared by their answers). */
	personal?: PersonalTerms;
}

export interface CommentIn {
	/** Stable key, e.g. "event:EF0001" or "cyp:C0001". */
	key: string;
	text: string;
}

export interface PipelineInput {
	codeframe: CodeframeTheme[];
	organisations: KnownOrganisation[];
	respondents: RespondentIn[];
	answers: AnswerIn[];
	comments: CommentIn[];
	/** Labelled answers to learn from: the gold set and analysts' decisions. */
	labelled: LabelledText[];
	/** The consultation's sector ids: a sector is inferred only as one of these (none given: any the rules name). */
	sectors?: string[];
	/** People in the public record of the consultation's field, whose names redaction leaves alone. */
	publicRecord?: string[];
	/** Analysts' marks of answers as campaign copies or not, put over the campaigns found. */
	campaignMarks?: CampaignMark[];
}

export interface Skipped {
	stage: string;
	item: string;
	reason: string;
}

export interface PipelineOutput {
	tagger: ThemeTagger | null;
	themes: Map<number, ThemeAssignment[]>;
	/** How much each answer needs review (higher first) and why, for the analysts' queue. */
	review: Map<number, { priority: number; reason: string }>;
	commentThemes: Map<string, ThemeAssignment[]>;
	sectors: SectorInference[];
	stances: Map<number, { stance: Stance; score: number; cues: string[] }>;
	campaigns: (Campaign & { questionId: string })[];
	redacted: Map<number, { text: string; redactions: Redaction[] }>;
	commentsRedacted: Map<string, string>;
	quotes: Quote[];
	emergent: EmergentTheme[];
	skipped: Skipped[];
}

export interface Stage {
	name: string;
	/**
	 * What the stage must see at once. 'answer': each answer (or comment) on its own, given the trained tagger;
	 * 'question': all the answers to one question. Either way a slice of the input holding whole questions gives the
	 * same results for that slice, so such stages may run on several threads at once. 'all' (the default): everything.
	 */
	scope?: 'answer' | 'question' | 'all';
	run(input: PipelineInput, out: PipelineOutput): void;
}

const hasText = (a: AnswerIn) => (a.text ?? '').trim().length > 0;

/**
 * One stage's results for texts seen before in the same run of it: a campaign's copies (often most of a large public
 * consultation) are analysed once. The per-answer stages depend on nothing but the text (and, for themes, the
 * question), so a copy's result is the same object as the first's. Results are never changed once made.
 */
class Repeats<T> {
	private readonly seen = new Map<string, Map<string, T>>();
	private size = 0;
	get(scope: string, text: string, make: () => T): T {
		let inScope = this.seen.get(scope);
		if (!inScope) this.seen.set(scope, (inScope = new Map()));
		let value = inScope.get(text);
		if (value === undefined) {
			value = make();
			// Bounded, for a run over a very large input on one thread: past this, start again.
			if (++this.size > REPEATS_KEPT) {
				this.seen.clear();
				this.seen.set(scope, (inScope = new Map()));
				this.size = 1;
			}
			inScope.set(text, value);
		}
		return value;
	}
}
const REPEATS_KEPT = 100_000;

export const STAGES: Stage[] = [
	{
		name: 'themes',
		scope: 'answer',
		run(input, out) {
			// A tagger trained beforehand (by a caller that shares it across threads) is used as it is.
			const tagger = (out.tagger ??= fitPipelineTagger(input));
			const cf = tagger.codeframe;
			const repeats = new Repeats<{ assigned: ThemeAssignment[]; review: ReturnType<typeof reviewNeed> }>();
			for (const a of input.answers) {
				if (!hasText(a)) continue;
				try {
					const { assigned, review } = repeats.get(a.questionId, a.text!, () => {
						const analysed = analyseText(cf, a.text!, a.questionId);
						const assigned = tagAnalysed(tagger, a.text!, analysed);
						return { assigned, review: reviewNeed(analysed.hits, assigned, a.text!, cf.themes) };
					});
					out.themes.set(a.id, assigned);
					out.review.set(a.id, review);
				} catch (e) {
					out.skipped.push({ stage: 'themes', item: `answer ${a.id}`, reason: (e as Error).message });
				}
			}
			for (const c of input.comments) {
				if (c.text.trim()) out.commentThemes.set(c.key, tagAnalysed(tagger, c.text, analyseText(cf, c.text, c.key.slice(0, c.key.indexOf(':')))));
			}
		}
	},
	{
		name: 'sectors',
		run(input, out) {
			const textOf = new Map<number, string[]>();
			for (const a of input.answers) if (hasText(a)) (textOf.get(a.respondentId) ?? textOf.set(a.respondentId, []).get(a.respondentId)!).push(a.text!);
			const blank = input.respondents.filter((r) => !r.sectorGiven);
			const asInput = (r: RespondentIn) => ({
				id: String(r.id),
				organisation: r.organisation,
				professionalBody: r.professionalBody,
				respondentType: r.respondentType,
				text: (textOf.get(r.id) ?? []).join('\n')
			});
			const model = fitSectorModel(input.organisations, input.sectors);
			for (const r of blank) {
				const inferred = inferSector(model, asInput(r));
				if (inferred) out.sectors.push(inferred);
				else {
					const given = asInput(r);
					const reason =
						given.organisation || given.professionalBody || given.text
							? "nothing in its organisation, professional body or opening words points to one of this consultation's sectors: left not known"
							: 'no organisation, professional body or words to infer a sector from: left not known';
					out.skipped.push({ stage: 'sectors', item: `respondent ${r.responseId ?? r.id}`, reason });
				}
			}
		}
	},
	{
		name: 'stance',
		scope: 'answer',
		run(input, out) {
			const repeats = new Repeats<ReturnType<typeof textStance>>();
			for (const a of input.answers) {
				if (a.choice) out.stances.set(a.id, { stance: closedStance(a.choice), score: 0, cues: [a.choice] });
				else if (hasText(a)) out.stances.set(a.id, repeats.get('', a.text!, () => textStance(a.text!)));
			}
		}
	},
	{
		name: 'campaigns',
		scope: 'question',
		run(input, out) {
			const byQuestion = new Map<string, { id: number; text: string }[]>();
			for (const a of input.answers) if (hasText(a)) (byQuestion.get(a.questionId) ?? byQuestion.set(a.questionId, []).get(a.questionId)!).push({ id: a.id, text: a.text! });
			for (const [questionId, items] of byQuestion) for (const c of findCampaigns(items)) out.campaigns.push({ ...c, questionId });
		}
	},
	{
		name: 'redaction',
		scope: 'answer',
		run(input, out) {
			const repeats = new Repeats<ReturnType<typeof redact>>();
			const record = publicRecord(input.publicRecord ?? []);
			for (const a of input.answers) {
				if (!hasText(a)) continue;
				// A text that names the respondent or their organisation is redacted for them; any other text once.
				const own = a.personal && mentionsPersonal(a.text!, a.personal) ? a.personal : undefined;
				out.redacted.set(a.id, own ? redact(a.text!, own, record) : repeats.get('', a.text!, () => redact(a.text!, undefined, record)));
			}
			for (const c of input.comments) out.commentsRedacted.set(c.key, redact(c.text, undefined, record).text);
		}
	},
	{
		name: 'campaign-marks',
		run(input, out) {
			const marks = input.campaignMarks ?? [];
			if (marks.length === 0) return;
			// The texts of the campaigns' answers, to see which a marked answer shares its wording with.
			const inCampaigns = new Set(out.campaigns.flatMap((c) => c.members));
			const texts = new Map<number, string>();
			for (const a of input.answers) if (inCampaigns.has(a.id)) texts.set(a.id, a.text ?? '');
			const { campaigns, alone } = applyCampaignMarks(out.campaigns, marks, (id) => texts.get(id));
			out.campaigns = campaigns;
			// Named as analysts know them: by response and question.
			const lone = new Set(alone);
			const responseOf = new Map(input.respondents.map((r) => [r.id, r.responseId]));
			for (const a of input.answers)
				if (lone.has(a.id))
					out.skipped.push({
						stage: 'campaign-marks',
						item: `${responseOf.get(a.respondentId) ?? `answer ${a.id}`} ${a.questionId.toUpperCase()}`,
						reason: `marked as a campaign copy, but it shares too little wording with any campaign of its question, or with another answer marked so, to be put with one`
					});
		}
	},
	{
		name: 'quotes',
		run(input, out) {
			const respondents = new Map(input.respondents.map((r) => [r.id, r]));
			const inferred = new Map(out.sectors.map((s) => [Number(s.id), s.sector]));
			const campaignCopies = new Set(out.campaigns.flatMap((c) => c.members.filter((m) => m !== c.exemplar)));
			const candidates = [];
			for (const a of input.answers) {
				const r = respondents.get(a.respondentId);
				const themes = out.themes.get(a.id);
				if (!r || !themes || campaignCopies.has(a.id)) continue;
				const sector = r.sectorGiven ?? inferred.get(r.id);
				if (!sector || r.confidential) continue;
				const redacted = out.redacted.get(a.id)?.text ?? '';
				// As selectQuotes would: an answer too short to quote is left out here, before a candidate per tag.
				if (wordCount(redacted, 6) < 6) continue;
				for (const t of themes) candidates.push(new TagCandidate(a.id, r, t, sector, redacted));
			}
			out.quotes = selectQuotes(candidates);
		}
	},
	{
		name: 'emergent',
		run(input, out) {
			out.emergent = suggestThemes(uncoveredAnswers(input, out));
		}
	}
];

/** The answers with text that no codeframe theme was given to: what the emergent themes are suggested from. */
export function uncoveredAnswers(input: PipelineInput, out: PipelineOutput): EmergentInput[] {
	return input.answers.filter((a) => hasText(a) && (out.themes.get(a.id)?.length ?? 0) === 0).map((a) => ({ id: a.id, text: a.text! }));
}

/** A tag as a quote candidate. Its cues are read only if the candidate is considered (most never are): the tag's
 * evidence may still be the stored JSON. */
class TagCandidate implements QuoteCandidate {
	readonly respondentId: number;
	readonly theme: string;
	readonly confidential: boolean;
	readonly confidence: number;
	constructor(
		readonly answerId: number,
		respondent: RespondentIn,
		private readonly tag: ThemeAssignment,
		readonly sector: string,
		readonly redacted: string
	) {
		this.respondentId = respondent.id;
		this.theme = tag.theme;
		this.confidential = respondent.confidential;
		this.confidence = tag.confidence;
	}

	get cues(): string[] {
		return this.tag.evidence.spans.map((s) => s.text);
	}
}

/** Why a person should look at this answer: no theme, codeframe terms and model disagreeing, or low confidence. */
export function reviewNeed(hits: SeedHit[], assigned: ThemeAssignment[], text: string, themes: { id: string; label: string }[]) {
	const label = (id: string) => themes.find((t) => t.id === id)?.label ?? id;
	const reasons: string[] = [];
	let priority = 0;
	if (assigned.length === 0 && text.split(/\s+/).length >= 5) {
		priority += 3;
		reasons.push('no theme assigned');
	}
	const seeded = new Set(hits.filter((h) => !h.negated).map((h) => h.theme));
	const chosen = new Set(assigned.map((t) => t.theme));
	for (const t of seeded) {
		if (!chosen.has(t)) {
			priority += 1;
			reasons.push(`codeframe terms suggest ${label(t)}, the model does not`);
		}
	}
	for (const t of assigned) {
		if (!seeded.has(t.theme)) {
			priority += 0.5;
			reasons.push(`${label(t.theme)} from the model alone`);
		}
		if (t.confidence < 0.6) {
			priority += 1 + (0.6 - t.confidence);
			reasons.push(`low confidence in ${label(t.theme)} (${Math.round(t.confidence * 100)}%)`);
		}
	}
	return { priority: Math.round(priority * 100) / 100, reason: reasons.join('; ') };
}

/**
 * The theme tagger for this input: the codeframe's seed terms plus a classifier trained on the labelled answers (or
 * read back from `store`, where an earlier run kept the model these inputs make).
 */
export function fitPipelineTagger(input: Pick<PipelineInput, 'codeframe' | 'labelled'>, store?: ModelStore): ThemeTagger {
	return fitTagger(compileCodeframe(input.codeframe), input.labelled, { store });
}

/** Adds what per-answer stages found for one slice of the input to the output for the whole. */
export function mergeOutput(into: PipelineOutput, part: PipelineOutput) {
	for (const key of ['themes', 'review', 'commentThemes', 'stances', 'redacted', 'commentsRedacted'] as const) {
		const target = into[key] as Map<unknown, unknown>;
		for (const [k, v] of part[key] as Map<unknown, unknown>) target.set(k, v);
	}
	into.campaigns.push(...part.campaigns);
	into.skipped.push(...part.skipped);
}

export function emptyOutput(): PipelineOutput {
	return {
		tagger: null,
		themes: new Map(),
		review: new Map(),
		commentThemes: new Map(),
		sectors: [],
		stances: new Map(),
		campaigns: [],
		redacted: new Map(),
		commentsRedacted: new Map(),
		quotes: [],
		emergent: [],
		skipped: []
	};
}

/** Runs `stages` in order; `out` may already hold results, such as per-answer stages run elsewhere. */
export function runPipeline(input: PipelineInput, stages: Stage[] = STAGES, out: PipelineOutput = emptyOutput()): PipelineOutput {
	for (const stage of stages) stage.run(input, out);
	return out;
}

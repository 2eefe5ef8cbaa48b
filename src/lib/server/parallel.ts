// Runs the pipeline on several cores: the tagger is trained once here; the stages that look at one answer or one
// question at a time (themes, stance, campaigns, redaction) run on worker threads, each over a slice of the
// questions; the stages that need every answer (sectors, quotes, emergent themes) run here.
import { availableParallelism } from 'node:os';
import {
	emptyOutput,
	fitPipelineTagger,
	mergeOutput,
	runPipeline,
	STAGES,
	type AnswerIn,
	type PipelineInput,
	type PipelineOutput
} from '../analysis/pipeline';
import type { Redaction } from '../analysis/redact';
import { evidenceJson, storedAssignment, type ModelStore, type ThemeAssignment, type ThemeTagger } from '../analysis/themes';
import { tsWorker } from './ts-worker';
import { timedStages, type Timings } from './timings';

export interface SliceJob {
	input: PipelineInput;
	tagger: ThemeTagger;
	/** Answers analysed before their results are sent. */
	chunk: number;
}

/** Answers a thread analyses before it sends their results: small enough that results flow (and memory stays flat). */
const CHUNK = 4000;

/** What a thread sends: the per-answer results for the answers `ids`, or (`done`) its campaigns once all are sent. */
export interface PartMessage {
	ids: number[];
	done: boolean;
	part: PipelineOutput;
}

const MAP_KEYS = ['review', 'stances', 'commentsRedacted'] as const;
type Assignments = Map<number | string, ThemeAssignment[]>;

/**
 * One JSON string (far cheaper to pass between threads than many small objects); evidence as the stored JSON. An
 * answer with nothing to redact is sent without its text (null), which the receiver has already: `withTexts`.
 */
export function encodePart(ids: number[], done: boolean, part: PipelineOutput): string {
	const assignments = (m: Assignments) => [...m].map(([k, list]) => [k, list.map((t) => [t.theme, t.confidence, evidenceJson(t)])]);
	return JSON.stringify({
		ids,
		done,
		...Object.fromEntries(MAP_KEYS.map((k) => [k, [...part[k]]])),
		redacted: [...part.redacted].map(([id, r]) => [id, r.redactions.length ? r.text : null, r.redactions]),
		themes: assignments(part.themes),
		commentThemes: assignments(part.commentThemes),
		campaigns: part.campaigns,
		skipped: part.skipped
	});
}

function decodePart(json: string): PartMessage {
	const raw = JSON.parse(json);
	const part = emptyOutput();
	for (const k of MAP_KEYS) (part as unknown as Record<string, unknown>)[k] = new Map(raw[k]);
	part.redacted = new Map((raw.redacted as [number, string | null, Redaction[]][]).map(([id, text, redactions]) => [id, { text: text!, redactions }]));
	const assignments = (list: [number | string, [string, number, string][]][]): Assignments =>
		new Map(list.map(([k, tags]) => [k, tags.map(([theme, confidence, evidence]) => storedAssignment(theme, confidence, evidence))]));
	part.themes = assignments(raw.themes) as PipelineOutput['themes'];
	part.commentThemes = assignments(raw.commentThemes) as PipelineOutput['commentThemes'];
	part.campaigns = raw.campaigns;
	part.skipped = raw.skipped;
	return { ids: raw.ids, done: raw.done, part };
}

/**
 * Puts back the text of the answers sent without it (nothing was redacted): the part is for the answers `ids`, which
 * are `answers[from ..]` in order; anything else is a fault, and stops the run before a wrong text could be stored.
 */
export function withTexts(part: PipelineOutput, ids: number[], answers: AnswerIn[], from: number) {
	ids.forEach((id, k) => {
		const a = answers[from + k];
		if (a?.id !== id) throw new Error(`an analysis thread sent answer ${id} where answer ${a?.id} was expected`);
		const r = part.redacted.get(id);
		if (r && r.text === null) r.text = a.text!;
	});
}

/** Below this many answers, starting threads costs more than it saves. */
export const PARALLEL_FROM = 20_000;

export function defaultWorkers(): number {
	return Math.max(1, Math.min(8, availableParallelism()));
}

/**
 * Same result as runPipeline(input) for the input `load` returns, computed with `workers` threads for the per-answer
 * stages; the tagger is trained from `training` first. Each part's per-answer results go to `onAnswers` as they
 * arrive (to be stored while the threads work on); the output keeps only what the later stages read (themes,
 * redacted text, campaigns), so memory does not hold every result twice.
 */
export async function runPipelineParallel(
	training: Pick<PipelineInput, 'codeframe' | 'labelled'>,
	load: (training: Pick<PipelineInput, 'codeframe' | 'labelled'>) => PipelineInput,
	workers: number,
	onAnswers: (ids: number[], part: PipelineOutput) => void,
	chunk = CHUNK,
	timings?: Timings,
	store?: ModelStore
): Promise<{ input: PipelineInput; out: PipelineOutput }> {
	const threadPhase = `per-answer stages on ${workers} threads`;
	// Threads start (loading the pipeline's code) while this one trains the tagger, before the answers are loaded:
	// with a million answers in memory, training took four times as long (the collector had them all to walk).
	const threads = Array.from({ length: workers }, () => startThread(timings && ((work) => timings.inside(threadPhase, 'reading the threads\' results', work))));
	const out = emptyOutput();
	let input: PipelineInput;
	try {
		out.tagger = fitPipelineTagger(training, store);
		timings?.lap(out.tagger.kept ? 'read back the trained tagger' : 'train the tagger');
		input = load(training);
		timings?.lap('read the answers');
		const slices = sliceByQuestion(input.answers, workers);
		await Promise.all(
			threads.map((thread, w) => {
				let sent = 0;
				return thread.run(
					{
						tagger: out.tagger!,
						chunk,
						input: { ...input, respondents: [], labelled: [], answers: slices[w], comments: w === 0 ? input.comments : [] }
					},
					({ ids, part }) => {
						// The part is for the next ids.length answers of this thread's slice, in order.
						withTexts(part, ids, slices[w], sent);
						sent += ids.length;
						if (timings) timings.inside(threadPhase, 'storing their results', () => onAnswers(ids, part));
						else onAnswers(ids, part);
						part.review.clear();
						part.stances.clear();
						mergeOutput(out, part);
					}
				);
			})
		);
		// Campaigns in the order one thread would have found them: by question, as the questions first appear.
		const order = new Map<string, number>();
		for (const a of input.answers) if (!order.has(a.questionId)) order.set(a.questionId, order.size);
		out.campaigns.sort((x, y) => order.get(x.questionId)! - order.get(y.questionId)!);
		timings?.lap(threadPhase);
	} finally {
		for (const thread of threads) void thread.worker.terminate();
	}
	return {
		input,
		out: runPipeline(
			input,
			timedStages(
				STAGES.filter((s) => (s.scope ?? 'all') === 'all'),
				timings
			),
			out
		)
	};
}

/**
 * Whole questions to each slice (the campaign stage compares answers to the same question), shared out so that the
 * slices hold about the same amount of text. Answers keep their order within a slice.
 */
export function sliceByQuestion(answers: AnswerIn[], slices: number): AnswerIn[][] {
	const size = new Map<string, number>();
	for (const a of answers) size.set(a.questionId, (size.get(a.questionId) ?? 0) + 1 + (a.text?.length ?? 0));
	const load = new Array<number>(slices).fill(0);
	const sliceOf = new Map<string, number>();
	for (const [question, n] of [...size].sort((x, y) => y[1] - x[1])) {
		const lightest = load.indexOf(Math.min(...load));
		sliceOf.set(question, lightest);
		load[lightest] += n;
	}
	const out: AnswerIn[][] = Array.from({ length: slices }, () => []);
	for (const a of answers) out[sliceOf.get(a.questionId)!].push(a);
	return out;
}

/** `timed` wraps the reading of each message, to charge its time. */
function startThread(timed: <T>(work: () => T) => T = (work) => work()) {
	// A worker's young generation is small by default; the pipeline makes many short-lived objects (tokens, vectors),
	// and with the default the two threads spent most of their time collecting them (3x slower than one thread).
	const worker = tsWorker(new URL('./analyse-worker.ts', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
	let onPart: ((m: PartMessage) => void) | null = null;
	const result = new Promise<void>((resolve, reject) => {
		let settled = false;
		worker.on('message', (json: string) => {
			try {
				const message = timed(() => decodePart(json));
				onPart!(message);
				if (message.done) {
					settled = true;
					resolve();
				}
			} catch (e) {
				settled = true;
				reject(e);
			}
		});
		worker.once('error', (e) => {
			settled = true;
			reject(e);
		});
		worker.once('exit', (code) => {
			if (!settled) reject(new Error(`an analysis thread stopped (exit code ${code}) before it finished`));
		});
	});
	// Until it is given work, an unhandled failure would be reported twice; run() hands it to the caller.
	result.catch(() => {});
	return {
		worker,
		run(job: SliceJob, each: (m: PartMessage) => void) {
			onPart = each;
			worker.postMessage(job);
			return result;
		}
	};
}

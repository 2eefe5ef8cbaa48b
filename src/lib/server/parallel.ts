// Runs the pipeline on several cores: the tagger is trained once here; the stages that look at one answer or one
// question at a time (themes, stance, campaigns, redaction) run on worker threads, each over a slice of the
// questions; the stages that need every answer run after them: sectors and quotes here, and emergent themes at the
// same time on one of the threads (they need every answer's tags, and nothing else this thread makes).
import { availableParallelism } from 'node:os';
import {
	emptyOutput,
	fitPipelineTagger,
	mergeOutput,
	runPipeline,
	uncoveredAnswers,
	STAGES,
	type AnswerIn,
	type PipelineInput,
	type PipelineOutput
} from '../analysis/pipeline';
import type { EmergentInput, EmergentTheme } from '../analysis/emergent';
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

/** What a thread is asked to do: analyse its slice (once, first), then suggest the emergent themes from `uncovered`. */
export type ThreadRequest = { kind: 'slice'; job: SliceJob } | { kind: 'emergent'; uncovered: EmergentInput[] };

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
		// Emergent themes on a thread that has finished, while this one infers sectors and chooses quotes: the same
		// suggestions as the stage would make here, from the same answers in the same order.
		const emergent = threads[0].emergent(uncoveredAnswers(input, out));
		// Awaited below; if the quotes fail first, the thread is stopped and this rejection is not the one reported.
		emergent.catch(() => {});
		runPipeline(
			input,
			timedStages(
				STAGES.filter((s) => (s.scope ?? 'all') === 'all' && s.name !== 'emergent'),
				timings
			),
			out
		);
		out.emergent = await emergent;
		timings?.lap('stage: emergent, on a thread beside the quotes (time waited)');
	} finally {
		for (const thread of threads) void thread.worker.terminate();
	}
	return { input, out };
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
	// The request the thread is working on: its messages go to `receive`, and a failure of the thread to `fail`.
	let current: { receive: (json: string) => void; fail: (e: Error) => void } | null = null;
	// A failure before any request is kept for the first one.
	let failed: Error | null = null;
	const fail = (e: Error) => {
		failed ??= e;
		const pending = current;
		current = null;
		pending?.fail(e);
	};
	worker.on('message', (json: string) => {
		try {
			current?.receive(json);
		} catch (e) {
			fail(e as Error);
		}
	});
	worker.once('error', fail);
	// A message that could not be read would otherwise leave the request waiting for ever.
	worker.on('messageerror', fail);
	worker.once('exit', (code) => fail(new Error(`an analysis thread stopped (exit code ${code}) before it finished`)));
	/** Sends `request`; `receive` is given each message until it returns a value other than undefined. */
	function ask<T>(request: ThreadRequest, receive: (json: string) => T | undefined): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			if (failed) return reject(failed);
			current = {
				receive(json) {
					const value = receive(json);
					if (value === undefined) return;
					current = null;
					resolve(value);
				},
				fail: reject
			};
			worker.postMessage(request);
		});
	}
	return {
		worker,
		run(job: SliceJob, each: (m: PartMessage) => void): Promise<true> {
			return ask({ kind: 'slice', job }, (json) => {
				const message = timed(() => decodePart(json));
				each(message);
				return message.done ? true : undefined;
			});
		},
		emergent(uncovered: EmergentInput[]): Promise<EmergentTheme[]> {
			return ask({ kind: 'emergent', uncovered }, (json) => JSON.parse(json) as EmergentTheme[]);
		}
	};
}

// Stage 2: multi-label theme tagging. Codeframe seed hits and a classifier trained on labelled answers, with a
// per-theme threshold chosen by cross-validation; each assignment carries its confidence and evidence.
import { averageModels, predict, shuffled, train, type Example, type Model, type Prediction, type TrainOptions } from './classifier';
import { matchSeeds, type CompiledCodeframe, type SeedHit } from './codeframe';
import { sentences, termFeatures, tokenize, type Token } from './text';

export interface LabelledText {
	text: string;
	themes: string[];
	/** Where the text was written (a question id such as "q7", or "event" / "cyp"): a weak hint to the model. */
	context?: string;
}

export interface Evidence {
	/** Spans of the original text that support the theme (seed terms and the classifier's strongest words). */
	spans: { text: string; start: number; end: number; kind: 'seed' | 'model' }[];
	/** Seed terms that the answer dismisses ("training is not the issue"); shown, not counted. */
	dismissed: string[];
	probability: number;
	threshold: number;
	seedHits: number;
}

export interface ThemeAssignment {
	theme: string;
	confidence: number;
	evidence: Evidence;
}

export interface ThemeTagger {
	codeframe: CompiledCodeframe;
	/**
	 * The mean of the model trained on all the labelled answers and the models trained on each part of them to choose
	 * the thresholds: that steadies the scores and keeps them like those the thresholds were set on, at the cost of
	 * one model. Its strongest features are the evidence shown.
	 */
	model: Model | null;
	thresholds: Map<string, number>;
	/** Number of labelled positives per theme the model learned from (0: the theme relies on its seed terms). */
	support: Map<string, number>;
}

export interface Analysed {
	tokens: Token[];
	hits: SeedHit[];
	features: Map<string, number>;
	/** The features of each sentence, when there is more than one: a point made in one sentence of a long answer is
	 * diluted in the whole answer's features, and scoring the sentences as well keeps it audible. */
	sentences: Map<string, number>[];
}

function featuresOf(tokens: Token[], hits: SeedHit[], context?: string): Map<string, number> {
	const features = new Map<string, number>();
	if (context) features.set(`ctx:${context}`, 1);
	for (const f of termFeatures(tokens)) features.set(f, 1);
	const counts = new Map<string, number>();
	for (const h of hits) if (!h.negated) counts.set(h.theme, (counts.get(h.theme) ?? 0) + 1);
	for (const [theme, n] of counts) features.set(`seed:${theme}`, 1.5 + Math.log(n));
	return features;
}

export function analyseText(cf: CompiledCodeframe, text: string, context?: string): Analysed {
	const tokens = tokenize(text);
	const hits = matchSeeds(cf, text, tokens);
	const parts = sentences(text);
	const perSentence = parts.length > 1 ? parts.map((s) => tokenize(s)).map((t, i) => featuresOf(t, matchSeeds(cf, parts[i], t), context)) : [];
	return { tokens, hits, features: featuresOf(tokens, hits, context), sentences: perSentence };
}

/** How far a theme's probability moves towards that of the answer's most telling sentence (chosen by cross-validation). */
const SENTENCE_WEIGHT = 0.3;

function probabilities(model: Model, a: Pick<Analysed, 'features' | 'sentences'>, explain = 0): Prediction[] {
	const whole = predict(model, a.features, explain);
	if (a.sentences.length === 0) return whole;
	const best = new Float64Array(whole.length);
	for (const s of a.sentences) predict(model, s).forEach((p, li) => (best[li] = Math.max(best[li], p.probability)));
	return whole.map((p, li) => ({ ...p, probability: (1 - SENTENCE_WEIGHT) * p.probability + SENTENCE_WEIGHT * best[li] }));
}

const GRID = Array.from({ length: 15 }, (_, i) => 0.15 + i * 0.05);

export function f1(tp: number, fp: number, fn: number): number {
	return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Splits indices into k folds after a seeded shuffle. */
export function folds(n: number, k: number, seed: number): number[][] {
	const order = shuffled(
		Array.from({ length: n }, (_, i) => i),
		seed
	);
	return Array.from({ length: k }, (_, f) => order.filter((_, i) => i % k === f));
}

type LabelledExample = Example & Pick<Analysed, 'sentences'>;

function toExamples(cf: CompiledCodeframe, items: LabelledText[]): LabelledExample[] {
	return items.map((it) => {
		const a = analyseText(cf, it.text, it.context);
		return { features: a.features, sentences: a.sentences, labels: new Set(it.themes) };
	});
}

/** Chooses each theme's threshold to maximise F1 on out-of-fold predictions of the training data; returns the
 * models trained for it as well. */
function chooseThresholds(
	examples: LabelledExample[],
	labels: string[],
	k: number,
	seed: number,
	trainOptions: TrainOptions
): { thresholds: Map<string, number>; committee: Model[] } {
	const probs = labels.map(() => new Float64Array(examples.length));
	const committee: Model[] = [];
	for (const fold of folds(examples.length, k, seed)) {
		const held = new Set(fold);
		const model = train(
			examples.filter((_, i) => !held.has(i)),
			labels,
			trainOptions
		);
		committee.push(model);
		for (const i of fold) {
			probabilities(model, examples[i]).forEach((p, li) => (probs[li][i] = p.probability));
		}
	}
	const thresholds = new Map<string, number>();
	labels.forEach((label, li) => {
		const truth = examples.map((ex) => ex.labels.has(label));
		let best = 0.5;
		let bestF = -1;
		for (const t of GRID) {
			let tp = 0,
				fp = 0,
				fn = 0;
			for (let i = 0; i < examples.length; i++) {
				const yes = probs[li][i] >= t;
				if (yes && truth[i]) tp++;
				else if (yes) fp++;
				else if (truth[i]) fn++;
			}
			const score = f1(tp, fp, fn);
			// Ties go to the threshold nearest 0.5, the least surprising choice.
			if (score > bestF + 1e-9 || (Math.abs(score - bestF) < 1e-9 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) {
				bestF = score;
				best = t;
			}
		}
		thresholds.set(label, best);
	});
	return { thresholds, committee };
}

export function fitTagger(
	cf: CompiledCodeframe,
	labelled: LabelledText[],
	options: { innerFolds?: number; seed?: number; train?: TrainOptions } = {}
): ThemeTagger {
	const labels = cf.themes.map((t) => t.id);
	const known = new Set(labels);
	const items = labelled.map((l) => ({ text: l.text, context: l.context, themes: l.themes.filter((t) => known.has(t)) }));
	const support = new Map(labels.map((l) => [l, items.filter((it) => it.themes.includes(l)).length]));
	if (items.length < 30) return { codeframe: cf, model: null, thresholds: new Map(), support };
	const examples = toExamples(cf, items);
	const { thresholds, committee } = chooseThresholds(examples, labels, options.innerFolds ?? 4, options.seed ?? 11, options.train ?? {});
	return { codeframe: cf, model: averageModels([train(examples, labels, options.train), ...committee]), thresholds, support };
}

function modelSpans(a: Analysed, features: string[]): Evidence['spans'] {
	const content = a.tokens.filter((t) => !t.stop && t.word.length > 1);
	const spans: Evidence['spans'] = [];
	for (const f of features) {
		const parts = f.split(' ');
		for (let i = 0; i + parts.length <= content.length; i++) {
			if (parts.every((p, k) => content[i + k].stem === p)) {
				spans.push({ text: '', start: content[i].start, end: content[i + parts.length - 1].end, kind: 'model' });
				break;
			}
		}
	}
	return spans;
}

const MIN_SUPPORT = 3;

export function tagAnalysed(tagger: ThemeTagger, text: string, a: Analysed): ThemeAssignment[] {
	const out: ThemeAssignment[] = [];
	const predictions = tagger.model ? probabilities(tagger.model, a, 6) : [];
	for (const theme of tagger.codeframe.themes) {
		const seeds = a.hits.filter((h) => h.theme === theme.id);
		const counted = seeds.filter((h) => !h.negated);
		const p = predictions.find((x) => x.label === theme.id);
		const learned = p && (tagger.support.get(theme.id) ?? 0) >= MIN_SUPPORT;
		// Themes with too few labelled examples (a new theme, say) fall back to their seed terms alone.
		const probability = learned ? p.probability : counted.length > 0 ? Math.min(0.95, 0.55 + 0.1 * counted.length) : 0.05;
		const threshold = learned ? (tagger.thresholds.get(theme.id) ?? 0.5) : 0.5;
		if (probability < threshold) continue;
		const spans: Evidence['spans'] = counted.map((h) => ({ text: h.text, start: h.start, end: h.end, kind: 'seed' as const }));
		if (p) {
			const words = p.top.map((c) => c.feature).filter((f) => !f.startsWith('seed:') && !f.startsWith('ctx:'));
			for (const s of modelSpans(a, words.slice(0, 4))) {
				if (!spans.some((x) => x.start < s.end && s.start < x.end)) spans.push({ ...s, text: text.slice(s.start, s.end) });
			}
		}
		spans.sort((x, y) => x.start - y.start);
		out.push({
			theme: theme.id,
			confidence: Math.round(probability * 1000) / 1000,
			evidence: {
				spans,
				dismissed: seeds.filter((h) => h.negated).map((h) => h.text),
				probability: Math.round(probability * 1000) / 1000,
				threshold,
				seedHits: counted.length
			}
		});
	}
	return out;
}

export function tagText(tagger: ThemeTagger, text: string, context?: string): ThemeAssignment[] {
	return tagAnalysed(tagger, text, analyseText(tagger.codeframe, text, context));
}

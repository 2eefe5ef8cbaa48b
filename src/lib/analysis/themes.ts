// Stage 2: multi-label theme tagging. Codeframe seed hits and a classifier trained on labelled answers, with a
// per-theme threshold chosen by cross-validation; each assignment carries its confidence and evidence.
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import {
	averageModels,
	classifierCode,
	predict,
	shuffled,
	sigmoid,
	train,
	type Contribution,
	type Example,
	type Model,
	type TrainOptions
} from './classifier';
import { matchSeeds, type CompiledCodeframe, type SeedHit } from './codeframe';
import { decodeEvidence, encodeEvidence, type Evidence } from './evidence';
import { sentenceSpans, termFeatures, tokenize, type Token } from './text';

export interface LabelledText {
	text: string;
	themes: string[];
	/** Where the text was written (a question id such as "q7", or "event" / "cyp"): a weak hint to the model. */
	context?: string;
}

export type { Evidence };

export interface ThemeAssignment {
	theme: string;
	confidence: number;
	evidence: Evidence;
}

const STORED = Symbol('evidence as stored');

/** The evidence as the database stores it (JSON), without encoding again evidence that arrived that way. */
export function evidenceJson(t: ThemeAssignment): string {
	return (t as { [STORED]?: string })[STORED] ?? encodeEvidence(t.evidence);
}

/**
 * An assignment whose evidence is kept as the stored JSON and decoded only when read: results passed between threads
 * are stored as they are, and only the few answers considered for quotes have their evidence decoded. (A class, not
 * an object with its own getter: a million of them are made when a million answers are analysed.)
 */
class StoredAssignment implements ThemeAssignment {
	private decoded: Evidence | undefined;
	readonly [STORED]: string;
	constructor(
		readonly theme: string,
		readonly confidence: number,
		json: string
	) {
		this[STORED] = json;
	}

	get evidence(): Evidence {
		return (this.decoded ??= decodeEvidence(this[STORED]));
	}
}

export function storedAssignment(theme: string, confidence: number, json: string): ThemeAssignment {
	return new StoredAssignment(theme, confidence, json);
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
	/** The model was read back from an earlier run with the same inputs (`ModelStore`), not trained again. */
	kept?: boolean;
}

interface Part {
	tokens: Token[];
	hits: SeedHit[];
	/** Where the part's tokens start in the whole answer's (0 for the whole answer). */
	from: number;
}

export interface Analysed extends Part {
	context?: string;
	/** Each sentence, when there is more than one: a point made in one sentence of a long answer is diluted in the
	 * whole answer's features, and scoring the sentences as well keeps it audible. */
	sentences: Part[];
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

/** Each sentence's tokens and seed hits, found in the whole text's tokens (a sentence boundary is always a space, so
 * no token crosses one; seeds are matched within the sentence, as if it stood alone). */
function sentenceParts(cf: CompiledCodeframe, text: string, tokens: Token[]): Part[] {
	const spans = sentenceSpans(text);
	if (spans.length < 2) return [];
	let k = 0;
	return spans.map(({ start, end }) => {
		while (k < tokens.length && tokens[k].start < start) k++;
		const from = k;
		while (k < tokens.length && tokens[k].end <= end) k++;
		const part = tokens.slice(from, k);
		return { tokens: part, hits: matchSeeds(cf, text, part), from };
	});
}

export function analyseText(cf: CompiledCodeframe, text: string, context?: string): Analysed {
	const tokens = tokenize(text);
	const hits = matchSeeds(cf, text, tokens);
	return { tokens, hits, from: 0, context, sentences: sentenceParts(cf, text, tokens) };
}

/** How far a theme's probability moves towards that of the answer's most telling sentence (chosen by cross-validation). */
const SENTENCE_WEIGHT = 0.3;

/** A labelled answer as the trainer sees it: the features of the whole and of each sentence. */
export interface LabelledExample extends Example {
	sentenceFeatures: Map<string, number>[];
}

/** Each theme's probability for a training example (the trainer's view; answers are scored by `scoreAnalysed`). */
export function probabilities(model: Model, ex: LabelledExample): number[] {
	const whole = predict(model, ex.features).map((p) => p.probability);
	if (ex.sentenceFeatures.length === 0) return whole;
	const best = new Float64Array(whole.length);
	for (const s of ex.sentenceFeatures)
		predict(model, s).forEach((p, li) => (best[li] = Math.max(best[li], p.probability)));
	return whole.map((p, li) => (1 - SENTENCE_WEIGHT) * p + SENTENCE_WEIGHT * best[li]);
}

/**
 * The model laid out for scoring many answers: the weights feature by feature, and the features looked up from the
 * tokens without building their names. Scores exactly as `predict` on `featuresOf` does (tests/unit/scorer.test.ts).
 */
interface Scorer {
	labels: Map<string, number>;
	/** weights[feature * labels + label] */
	weights: Float64Array;
	bias: Float64Array;
	names: string[];
	unigram: Map<string, number>;
	bigram: Map<string, Map<string, number>>;
	seed: Map<string, number>;
	context: Map<string, number>;
	/** Which features the vector being built already has (stamp[feature] === tick). */
	stamp: Int32Array;
	tick: number;
	/** Scratch, token by token of the answer being scored: its unigram feature (NOT_CONTENT, or -1 when the model
	 * has none), and the bigram feature it ends with the content token before it (-1 when none). Looked up once per
	 * answer and shared by the whole answer's vector and its sentences'. */
	unigramAt: Int32Array;
	bigramAt: Int32Array;
}

const NOT_CONTENT = -2;

interface Vector {
	idx: number[];
	val: number[];
}

const scorers = new WeakMap<Model, Scorer>();

function scorerFor(model: Model): Scorer {
	const known = scorers.get(model);
	if (known) return known;
	const n = model.labels.length;
	const weights = new Float64Array(model.names.length * n);
	const bias = new Float64Array(n);
	model.labels.forEach((label, l) => {
		const m = model.perLabel.get(label)!;
		bias[l] = m.bias;
		for (let i = 0; i < model.names.length; i++) weights[i * n + l] = m.weights[i];
	});
	const sc: Scorer = {
		labels: new Map(model.labels.map((label, l) => [label, l])),
		weights,
		bias,
		names: model.names,
		unigram: new Map(),
		bigram: new Map(),
		seed: new Map(),
		context: new Map(),
		stamp: new Int32Array(model.names.length),
		tick: 0,
		unigramAt: new Int32Array(256),
		bigramAt: new Int32Array(256)
	};
	model.names.forEach((f, i) => {
		if (f.startsWith('seed:')) sc.seed.set(f.slice(5), i);
		else if (f.startsWith('ctx:')) sc.context.set(f.slice(4), i);
		else if (f.includes(' ')) {
			const [a, b] = f.split(' ');
			(sc.bigram.get(a) ?? sc.bigram.set(a, new Map()).get(a)!).set(b, i);
		} else sc.unigram.set(f, i);
	});
	scorers.set(model, sc);
	return sc;
}

/** Each token's unigram and bigram features (`Scorer.unigramAt`, `bigramAt`), for the answer's tokens. */
function lookUpTokens(sc: Scorer, tokens: Token[]) {
	if (sc.unigramAt.length < tokens.length) {
		sc.unigramAt = new Int32Array(tokens.length * 2);
		sc.bigramAt = new Int32Array(tokens.length * 2);
	}
	const { unigramAt, bigramAt } = sc;
	let after: Map<string, number> | undefined;
	for (let k = 0; k < tokens.length; k++) {
		const t = tokens[k];
		if (!t.content) {
			unigramAt[k] = NOT_CONTENT;
			continue;
		}
		unigramAt[k] = sc.unigram.get(t.stem) ?? -1;
		bigramAt[k] = after?.get(t.stem) ?? -1;
		after = sc.bigram.get(t.stem);
	}
}

/** Adds feature `i` with `value` to the vector unless it has it already. */
function addFeature(sc: Scorer, v: Vector, i: number, value: number) {
	if (sc.stamp[i] === sc.tick) return;
	sc.stamp[i] = sc.tick;
	v.idx.push(i);
	v.val.push(value);
}

/**
 * featuresOf() then vectorise(), in the same order (so the sums round alike), keeping only the model's features:
 * for a part of the answer whose tokens were looked up by `lookUpTokens`.
 */
function vectorOf(sc: Scorer, part: Part, context: string | undefined): Vector {
	const v: Vector = { idx: [], val: [] };
	if (sc.tick === 0x7fffffff) {
		sc.stamp.fill(0);
		sc.tick = 0;
	}
	sc.tick++;
	if (context) {
		const i = sc.context.get(context);
		if (i !== undefined) addFeature(sc, v, i, 1);
	}
	const first = v.idx.length;
	const { unigramAt, bigramAt } = sc;
	const from = part.from;
	const to = from + part.tokens.length;
	for (let k = from; k < to; k++) if (unigramAt[k] >= 0) addFeature(sc, v, unigramAt[k], 1);
	// A part's first content word starts no bigram in it (the word before it is in the part before).
	let started = false;
	for (let k = from; k < to; k++) {
		if (unigramAt[k] === NOT_CONTENT) continue;
		if (started && bigramAt[k] >= 0) addFeature(sc, v, bigramAt[k], 1);
		started = true;
	}
	if (part.hits.length) {
		const counts = new Map<string, number>();
		for (const h of part.hits) if (!h.negated) counts.set(h.theme, (counts.get(h.theme) ?? 0) + 1);
		for (const [theme, n] of counts) {
			const i = sc.seed.get(theme);
			if (i !== undefined) addFeature(sc, v, i, 1.5 + Math.log(n));
		}
	}
	let norm = 0;
	for (let k = first; k < v.val.length; k++) norm += v.val[k] * v.val[k];
	const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
	for (let k = first; k < v.val.length; k++) v.val[k] = v.val[k] * scale * 3;
	return v;
}

function logits(sc: Scorer, v: Vector, z: Float64Array) {
	const n = sc.bias.length;
	z.set(sc.bias);
	for (let k = 0; k < v.idx.length; k++) {
		const base = v.idx[k] * n;
		const x = v.val[k];
		for (let l = 0; l < n; l++) z[l] += sc.weights[base + l] * x;
	}
}

/** Each theme's probability for an answer (in the model's label order), and the whole answer's vector. */
function score(sc: Scorer, a: Analysed): { p: Float64Array; whole: Vector } {
	lookUpTokens(sc, a.tokens);
	const whole = vectorOf(sc, a, a.context);
	const z = new Float64Array(sc.bias.length);
	logits(sc, whole, z);
	const p = z.map(sigmoid);
	if (a.sentences.length === 0) return { p, whole };
	const best = new Float64Array(p.length);
	for (const s of a.sentences) {
		logits(sc, vectorOf(sc, s, a.context), z);
		for (let l = 0; l < p.length; l++) best[l] = Math.max(best[l], sigmoid(z[l]));
	}
	for (let l = 0; l < p.length; l++) p[l] = (1 - SENTENCE_WEIGHT) * p[l] + SENTENCE_WEIGHT * best[l];
	return { p, whole };
}

/** Each theme's probability for an answer, and the features that pushed each up most (as `predict` explains them). */
export function scoreAnalysed(
	model: Model,
	a: Analysed,
	explain = 6
): { probability: number; top: Contribution[] }[] {
	const sc = scorerFor(model);
	const { p, whole } = score(sc, a);
	return Array.from(p, (probability, l) => ({ probability, top: strongest(sc, whole, l, explain) }));
}

/** The features that pushed theme `l` up most in the vector, strongest first (as `predict` explains). */
function strongest(sc: Scorer, v: Vector, l: number, count: number): Contribution[] {
	const n = sc.bias.length;
	const out: Contribution[] = [];
	for (let k = 0; k < v.idx.length; k++) {
		const weight = sc.weights[v.idx[k] * n + l] * v.val[k];
		if (weight > 0) out.push({ feature: sc.names[v.idx[k]], weight });
	}
	return out.sort((a, b) => b.weight - a.weight).slice(0, count);
}

const GRID = Array.from({ length: 37 }, (_, i) => 0.05 + i * 0.025);

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

/** A labelled answer's features for the trainer. */
export function exampleOf(cf: CompiledCodeframe, it: LabelledText): LabelledExample {
	const a = analyseText(cf, it.text, it.context);
	return {
		features: featuresOf(a.tokens, a.hits, it.context),
		sentenceFeatures: a.sentences.map((s) => featuresOf(s.tokens, s.hits, it.context)),
		labels: new Set(it.themes)
	};
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
			probabilities(model, examples[i]).forEach((p, li) => (probs[li][i] = p));
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
			if (
				score > bestF + 1e-9 ||
				(Math.abs(score - bestF) < 1e-9 && Math.abs(t - 0.5) < Math.abs(best - 0.5))
			) {
				bestF = score;
				best = t;
			}
		}
		thresholds.set(label, best);
	});
	return { thresholds, committee };
}

/**
 * Where a trained model is kept between runs (`analyse` keeps it in the database): training on the gold set takes
 * seconds, reading the model back a few milliseconds.
 */
export interface ModelStore {
	read(key: string): Uint8Array | undefined;
	write(key: string, body: Uint8Array): void;
}

/**
 * What a model is a function of: every example's features and labels (so a change to the gold set, the analysts'
 * decisions, the codeframe's seeds or the way features are made retrains), the themes, the options and the training
 * code itself. Training is deterministic, so a model kept under this key is the model training would make.
 */
function modelKey(examples: LabelledExample[], labels: string[], settings: object): string {
	const hash = createHash('sha256');
	hash.update(classifierCode());
	hash.update([f1, folds, probabilities, chooseThresholds, trainTagger].map(String).join('\n'));
	hash.update(JSON.stringify({ labels, settings, GRID, SENTENCE_WEIGHT }));
	for (const ex of examples) {
		hash.update(JSON.stringify([[...ex.labels].sort(), [...ex.features], ex.sentenceFeatures.map((f) => [...f])]));
	}
	return hash.digest('hex');
}

interface Trained {
	model: Model;
	thresholds: Map<string, number>;
}

/** A kept model, if it reads back whole and is for these themes; anything else is trained again. */
function readTrained(body: Uint8Array | undefined, labels: string[]): Trained | undefined {
	if (!body) return undefined;
	try {
		const t = deserialize(body) as Trained;
		const fits =
			t.thresholds instanceof Map &&
			t.model?.vocabulary instanceof Map &&
			t.model.labels.length === labels.length &&
			t.model.labels.every((l, i) => l === labels[i] && t.model.perLabel.get(l)?.weights.length === t.model.names.length);
		return fits ? t : undefined;
	} catch {
		return undefined;
	}
}

function trainTagger(examples: LabelledExample[], labels: string[], innerFolds: number, seed: number, options: TrainOptions): Trained {
	const { thresholds, committee } = chooseThresholds(examples, labels, innerFolds, seed, options);
	return { model: averageModels([train(examples, labels, options), ...committee]), thresholds };
}

export function fitTagger(
	cf: CompiledCodeframe,
	labelled: LabelledText[],
	options: { innerFolds?: number; seed?: number; train?: TrainOptions; store?: ModelStore } = {}
): ThemeTagger {
	const labels = cf.themes.map((t) => t.id);
	const known = new Set(labels);
	const items = labelled.map((l) => ({
		text: l.text,
		context: l.context,
		themes: l.themes.filter((t) => known.has(t))
	}));
	const support = new Map(labels.map((l) => [l, items.filter((it) => it.themes.includes(l)).length]));
	if (items.length < 30) return { codeframe: cf, model: null, thresholds: new Map(), support };
	const examples = items.map((it) => exampleOf(cf, it));
	const { innerFolds = 4, seed = 11, train: trainOptions = {}, store } = options;
	const key = store && modelKey(examples, labels, { innerFolds, seed, trainOptions });
	const kept = key ? readTrained(store.read(key), labels) : undefined;
	if (kept) return { codeframe: cf, ...kept, support, kept: true };
	const trained = trainTagger(examples, labels, innerFolds, seed, trainOptions);
	if (key) store.write(key, serialize(trained));
	return { codeframe: cf, ...trained, support };
}

function modelSpans(a: Analysed, features: string[]): Evidence['spans'] {
	const content = a.tokens.filter((t) => !t.stop && t.word.length > 1);
	const spans: Evidence['spans'] = [];
	for (const f of features) {
		const parts = f.split(' ');
		for (let i = 0; i + parts.length <= content.length; i++) {
			if (parts.every((p, k) => content[i + k].stem === p)) {
				spans.push({
					text: '',
					start: content[i].start,
					end: content[i + parts.length - 1].end,
					kind: 'model'
				});
				break;
			}
		}
	}
	return spans;
}

const MIN_SUPPORT = 3;

/** What tagging needs of each theme, in codeframe order, worked out once per tagger rather than once per answer. */
interface ThemePlan {
	id: string;
	/** The theme's place in the model's labels, if the model has it. */
	label: number | undefined;
	/** Scored by the model (enough labelled examples), not by its seed terms alone. */
	learned: boolean;
	threshold: number;
}

const plans = new WeakMap<ThemeTagger, ThemePlan[]>();

function planFor(tagger: ThemeTagger, sc: Scorer | null): ThemePlan[] {
	let plan = plans.get(tagger);
	if (!plan) {
		plan = tagger.codeframe.themes.map((theme) => {
			const label = sc ? sc.labels.get(theme.id) : undefined;
			// Themes with too few labelled examples (a new theme, say) fall back to their seed terms alone.
			const learned = label !== undefined && (tagger.support.get(theme.id) ?? 0) >= MIN_SUPPORT;
			return { id: theme.id, label, learned, threshold: learned ? (tagger.thresholds.get(theme.id) ?? 0.5) : 0.5 };
		});
		plans.set(tagger, plan);
	}
	return plan;
}

const NO_HITS: SeedHit[] = [];

export function tagAnalysed(tagger: ThemeTagger, text: string, a: Analysed): ThemeAssignment[] {
	const out: ThemeAssignment[] = [];
	const sc = tagger.model && scorerFor(tagger.model);
	const scored = sc && score(sc, a);
	const seedsOf = a.hits.length ? new Map<string, SeedHit[]>() : null;
	for (const h of a.hits) (seedsOf!.get(h.theme) ?? seedsOf!.set(h.theme, []).get(h.theme)!).push(h);
	for (const { id, label: l, learned, threshold } of planFor(tagger, sc)) {
		const seeds = seedsOf?.get(id) ?? NO_HITS;
		const counted = seeds.length ? seeds.filter((h) => !h.negated) : seeds;
		const probability = learned ? scored!.p[l!] : counted.length > 0 ? Math.min(0.95, 0.55 + 0.1 * counted.length) : 0.05;
		if (probability < threshold) continue;
		const spans: Evidence['spans'] = counted.map((h) => ({
			text: h.text,
			start: h.start,
			end: h.end,
			kind: 'seed' as const
		}));
		if (l !== undefined) {
			const words = strongest(sc!, scored!.whole, l, 6)
				.map((c) => c.feature)
				.filter((f) => !f.startsWith('seed:') && !f.startsWith('ctx:'));
			for (const s of modelSpans(a, words.slice(0, 4))) {
				if (!spans.some((x) => x.start < s.end && s.start < x.end))
					spans.push({ ...s, text: text.slice(s.start, s.end) });
			}
		}
		spans.sort((x, y) => x.start - y.start);
		out.push({
			theme: id,
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

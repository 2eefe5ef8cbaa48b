// Stage 2b: a supervised one-vs-rest logistic regression over stems, bigrams and codeframe-seed features.
// Small, deterministic and explainable: every score can be broken down into the features that moved it.

export interface Example {
	features: Map<string, number>;
	labels: Set<string>;
}

export interface LabelModel {
	bias: number;
	weights: Float64Array;
}

export interface Model {
	vocabulary: Map<string, number>;
	names: string[];
	labels: string[];
	perLabel: Map<string, LabelModel>;
}

export interface TrainOptions {
	epochs?: number;
	learningRate?: number;
	l2?: number;
	minDocFreq?: number;
	seed?: number;
}

/** Mulberry32: a tiny seeded generator, so training is reproducible run to run. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function shuffled<T>(items: T[], seed: number): T[] {
	const rnd = seededRandom(seed);
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rnd() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));

interface Sparse {
	idx: Int32Array;
	val: Float64Array;
}

function vectorise(features: Map<string, number>, vocabulary: Map<string, number>): Sparse {
	const idx: number[] = [];
	const val: number[] = [];
	const prior: boolean[] = [];
	let norm = 0;
	for (const [f, v] of features) {
		const i = vocabulary.get(f);
		if (i === undefined) continue;
		idx.push(i);
		val.push(v);
		// Where the text was written ("ctx:") is a prior, not part of the text: it keeps its value whatever the length.
		const isPrior = f.startsWith('ctx:');
		prior.push(isPrior);
		if (!isPrior) norm += v * v;
	}
	// Unit length, so long submissions do not out-shout short answers.
	const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
	return { idx: Int32Array.from(idx), val: Float64Array.from(val, (v, k) => (prior[k] ? v : v * scale * 3)) };
}

export function train(examples: Example[], labels: string[], options: TrainOptions = {}): Model {
	// Defaults chosen by 5-fold cross-validation on data/gold (npm run consult -- eval); strong L2 keeps the model
	// leaning on the codeframe-seed features, which carry over to new wording better than rare words do.
	const { epochs = 5, learningRate = 0.5, l2 = 0.1, minDocFreq = 2, seed = 7 } = options;
	const df = new Map<string, number>();
	for (const ex of examples) for (const f of ex.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
	const names = [...df]
		.filter(([f, n]) => n >= minDocFreq || f.startsWith('seed:') || f.startsWith('ctx:'))
		.map(([f]) => f)
		.sort();
	const vocabulary = new Map(names.map((f, i) => [f, i]));
	const vectors = examples.map((ex) => vectorise(ex.features, vocabulary));
	const order = shuffled(
		vectors.map((_, i) => i),
		seed
	);
	const perLabel = new Map<string, LabelModel>();
	for (const label of labels) {
		const y = examples.map((ex) => (ex.labels.has(label) ? 1 : 0));
		const pos = y.reduce<number>((a, b) => a + b, 0);
		const weights = new Float64Array(names.length);
		let bias = Math.log((pos + 1) / (examples.length - pos + 1));
		if (pos === 0) {
			perLabel.set(label, { bias: -10, weights });
			continue;
		}
		// Positives are rare; weight them up so the model does not learn to say "no" to everything.
		const posWeight = Math.min(10, Math.sqrt((examples.length - pos) / pos));
		const g2 = new Float64Array(names.length).fill(1e-8);
		let gb2 = 1e-8;
		for (let epoch = 0; epoch < epochs; epoch++) {
			for (const i of order) {
				const { idx, val } = vectors[i];
				let z = bias;
				for (let k = 0; k < idx.length; k++) z += weights[idx[k]] * val[k];
				const w = y[i] === 1 ? posWeight : 1;
				const err = (sigmoid(z) - y[i]) * w;
				gb2 += err * err;
				bias -= (learningRate * err) / Math.sqrt(gb2);
				for (let k = 0; k < idx.length; k++) {
					const j = idx[k];
					const g = err * val[k] + l2 * weights[j];
					g2[j] += g * g;
					weights[j] -= (learningRate * g) / Math.sqrt(g2[j]);
				}
			}
		}
		perLabel.set(label, { bias, weights });
	}
	return { vocabulary, names, labels, perLabel };
}

export interface Contribution {
	feature: string;
	weight: number;
}

export interface Prediction {
	label: string;
	probability: number;
	/** The present features that pushed the score up most. */
	top: Contribution[];
}

export function predict(model: Model, features: Map<string, number>, explain = 0): Prediction[] {
	const v = vectorise(features, model.vocabulary);
	const out: Prediction[] = [];
	for (const label of model.labels) {
		const m = model.perLabel.get(label)!;
		let z = m.bias;
		const contributions: Contribution[] = [];
		for (let k = 0; k < v.idx.length; k++) {
			const c = m.weights[v.idx[k]] * v.val[k];
			z += c;
			if (explain && c > 0) contributions.push({ feature: model.names[v.idx[k]], weight: c });
		}
		contributions.sort((a, b) => b.weight - a.weight);
		out.push({ label, probability: sigmoid(z), top: contributions.slice(0, explain) });
	}
	return out;
}

/**
 * One model whose weights are the mean of `models` (a feature a model never saw counts as weight 0): it scores like
 * their average, at the cost of one model.
 */
export function averageModels(models: Model[]): Model {
	const names = [...new Set(models.flatMap((m) => m.names))].sort();
	const vocabulary = new Map(names.map((f, i) => [f, i]));
	const labels = models[0].labels;
	const perLabel = new Map<string, LabelModel>();
	for (const label of labels) {
		const weights = new Float64Array(names.length);
		let bias = 0;
		for (const m of models) {
			const own = m.perLabel.get(label)!;
			bias += own.bias / models.length;
			m.names.forEach((f, i) => (weights[vocabulary.get(f)!] += own.weights[i] / models.length));
		}
		perLabel.set(label, { bias, weights });
	}
	return { vocabulary, names, labels, perLabel };
}

/** The source of the code that turns examples into a model, for a kept model's key: any change to it retrains. */
export function classifierCode(): string {
	return [seededRandom, shuffled, sigmoid, vectorise, train, predict, averageModels].map(String).join('\n');
}

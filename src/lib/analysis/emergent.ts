// Stage 8: suggest candidate new themes from answers the codeframe does not cover: TF-IDF key terms (computed as
// natural's TfIdf computes them) and k-means clustering; analysts adopt or ignore them.
import { seededRandom } from './classifier';
import { termFeatures, tokenize, wordCount } from './text';

export interface EmergentInput {
	id: number;
	text: string;
}

export interface EmergentTheme {
	label: string;
	terms: string[];
	size: number;
	examples: number[];
	members: number[];
}

type Vec = Map<string, number>;

function cosine(a: Vec, b: Vec): number {
	let dot = 0;
	const [small, large] = a.size < b.size ? [a, b] : [b, a];
	for (const [k, v] of small) dot += v * (large.get(k) ?? 0);
	return dot;
}

function normalised(v: Vec): Vec {
	let n = 0;
	for (const x of v.values()) n += x * x;
	n = Math.sqrt(n) || 1;
	return new Map([...v].map(([k, x]) => [k, x / n]));
}

/** The most frequent surface word for each stem, so labels read as words, not stems. */
function surfaceWords(items: EmergentInput[]): Map<string, string> {
	const counts = new Map<string, Map<string, number>>();
	for (const it of items) {
		for (const t of tokenize(it.text)) {
			if (t.stop) continue;
			const m = counts.get(t.stem) ?? counts.set(t.stem, new Map()).get(t.stem)!;
			m.set(t.word, (m.get(t.word) ?? 0) + 1);
		}
	}
	return new Map([...counts].map(([s, m]) => [s, [...m].sort((a, b) => b[1] - a[1])[0][0]]));
}

/**
 * Each document's `top` terms by TF-IDF, exactly as natural's TfIdf lists them (its term counts, its idf, its order
 * for equal scores), but with each term's document frequency counted in one pass: natural counts it by a pass over
 * every document for each distinct term, which took 4 s of 9 at 100,000 answers with no theme.
 */
export function topTerms(docs: string[][], top: number): [string, number][][] {
	// Term counts in plain objects built as natural builds them, so that listing them goes in the same order.
	const counts = docs.map((terms) =>
		terms.reduce<Record<string, number>>(
			(doc, term) => {
				if (typeof doc[term] === 'function') doc[term] = 0;
				doc[term] = doc[term] ? doc[term] + 1 : 1;
				return doc;
			},
			{ __key: undefined as unknown as number }
		)
	);
	const df = new Map<string, number>();
	for (const doc of counts) for (const term in doc) if (term !== '__key' && doc[term] > 0) df.set(term, (df.get(term) ?? 0) + 1);
	return counts.map((doc) => {
		const terms: [string, number][] = [];
		for (const term in doc) {
			if (term === '__key') continue;
			const idf = 1 + Math.log(docs.length / (1 + (df.get(term) ?? 0)));
			terms.push([term, 0.0 + (doc[term] ? doc[term] : 0) * (idf === Infinity ? 0 : idf)]);
		}
		return terms.sort((x, y) => y[1] - x[1]).slice(0, top);
	});
}

export function suggestThemes(items: EmergentInput[], options: { minWords?: number; maxThemes?: number; minSize?: number; seed?: number } = {}): EmergentTheme[] {
	const { minWords = 10, maxThemes = 8, minSize = 3, seed = 5 } = options;
	const docs = items.filter((it) => wordCount(it.text) >= minWords);
	if (docs.length < minSize * 2) return [];
	const vectors: Vec[] = topTerms(
		docs.map((d) => termFeatures(tokenize(d.text)).filter((f) => !f.includes(' '))),
		15
	).map((terms) => normalised(new Map(terms)));
	const k = Math.max(1, Math.min(maxThemes, Math.floor(docs.length / (minSize * 2))));
	const rnd = seededRandom(seed);
	// k-means++ style seeding: spread the starting centres out.
	let centres: Vec[] = [vectors[Math.floor(rnd() * vectors.length)]];
	while (centres.length < k) {
		const far = vectors.map((v) => 1 - Math.max(...centres.map((c) => cosine(v, c))));
		const total = far.reduce((a, b) => a + b, 0);
		let r = rnd() * total;
		let pick = 0;
		for (; pick < far.length - 1 && r > far[pick]; pick++) r -= far[pick];
		centres.push(vectors[pick]);
	}
	let assign = new Int32Array(vectors.length);
	for (let iter = 0; iter < 20; iter++) {
		const next = new Int32Array(vectors.map((v) => {
			let best = 0;
			let bestSim = -1;
			centres.forEach((c, ci) => {
				const s = cosine(v, c);
				if (s > bestSim) [best, bestSim] = [ci, s];
			});
			return best;
		}));
		const same = next.every((x, i) => x === assign[i]);
		assign = next;
		centres = centres.map((_, ci) => {
			const sum: Vec = new Map();
			vectors.forEach((v, i) => {
				if (assign[i] !== ci) return;
				for (const [t, x] of v) sum.set(t, (sum.get(t) ?? 0) + x);
			});
			return normalised(sum);
		});
		if (same && iter > 0) break;
	}
	const words = surfaceWords(docs);
	const out: EmergentTheme[] = [];
	centres.forEach((c, ci) => {
		const members = vectors.map((_, i) => i).filter((i) => assign[i] === ci);
		if (members.length < minSize) return;
		const terms = [...c].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([t]) => words.get(t) ?? t);
		const examples = members
			.slice()
			.sort((a, b) => cosine(vectors[b], c) - cosine(vectors[a], c))
			.slice(0, 3)
			.map((i) => docs[i].id);
		out.push({ label: terms.slice(0, 3).join(', '), terms, size: members.length, examples, members: members.map((i) => docs[i].id) });
	});
	return out.sort((a, b) => b.size - a.size);
}

// Stage 8: suggest candidate new themes from answers the codeframe does not cover: TF-IDF key terms (natural)
// and k-means clustering; analysts adopt or ignore them.
import { TfIdf } from 'natural/lib/natural/tfidf/index.js';
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

export function suggestThemes(items: EmergentInput[], options: { minWords?: number; maxThemes?: number; minSize?: number; seed?: number } = {}): EmergentTheme[] {
	const { minWords = 10, maxThemes = 8, minSize = 3, seed = 5 } = options;
	const docs = items.filter((it) => wordCount(it.text) >= minWords);
	if (docs.length < minSize * 2) return [];
	const tfidf = new TfIdf();
	for (const d of docs) tfidf.addDocument(termFeatures(tokenize(d.text)).filter((f) => !f.includes(' ')));
	const vectors: Vec[] = docs.map((_, i) =>
		normalised(
			new Map(
				tfidf
					.listTerms(i)
					.slice(0, 15)
					.map((t) => [t.term, t.tfidf] as [string, number])
			)
		)
	);
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

// Stage 5: near-identical answers (a letter-writing campaign) grouped with MinHash and LSH banding, then confirmed by
// exact Jaccard similarity of word shingles, so a campaign is counted once and shown with its size.

export interface CampaignInput {
	id: number;
	text: string;
}

export interface Campaign {
	members: number[];
	/** Lowest id in the group: the copy shown as the campaign's text. */
	exemplar: number;
	similarity: number;
	/** Members an analyst put in, and answers an analyst took out (`applyCampaignMarks`); absent when none. */
	added?: number;
	removed?: number;
}

const SHINGLE = 4;
const HASHES = 48;
const BANDS = 16;
const ROWS = HASHES / BANDS;

function words(text: string): string[] {
	return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

function hash32(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** Mixes a 32-bit value into a running hash (murmur3's step), so a shingle is hashed from its words' hashes. */
function mix(h: number, x: number): number {
	x = Math.imul(x, 0xcc9e2d51);
	x = (x << 15) | (x >>> 17);
	h ^= Math.imul(x, 0x1b873593);
	h = (h << 13) | (h >>> 19);
	return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** The text's runs of SHINGLE words, each as a 32-bit hash: distinct, in ascending order (so two sets are compared
 * by one merge rather than a lookup per shingle). */
export function shingles(text: string, w: string[] = words(text)): Uint32Array {
	const ids = w.map(hash32);
	const out = new Uint32Array(Math.max(0, ids.length - SHINGLE + 1));
	for (let i = 0; i + SHINGLE <= ids.length; i++) {
		let h = SHINGLE;
		for (let k = 0; k < SHINGLE; k++) h = mix(h, ids[i + k]);
		out[i] = h >>> 0;
	}
	out.sort();
	let n = 0;
	for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
	return out.subarray(0, n);
}

/** Shared shingles over all distinct shingles of the two. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
	if (a.length === 0 && b.length === 0) return 0;
	let inter = 0;
	for (let i = 0, j = 0; i < a.length && j < b.length; ) {
		if (a[i] === b[j]) {
			inter++;
			i++;
			j++;
		} else if (a[i] < b[j]) i++;
		else j++;
	}
	return inter / (a.length + b.length - inter);
}

function signature(sh: Uint32Array): Uint32Array {
	const sig = new Uint32Array(HASHES).fill(0xffffffff);
	for (const x of sh) {
		for (let k = 0; k < HASHES; k++) {
			// Universal hashing of the shingle id per k; cheap and well spread.
			const v = (Math.imul(x ^ (k * 0x9e3779b1), 0x85ebca6b) ^ (x >>> 13)) >>> 0;
			if (v < sig[k]) sig[k] = v;
		}
	}
	return sig;
}

/**
 * Groups answers whose shingle sets overlap by at least `threshold`. Only answers of `minWords` or more take part:
 * short stock replies ("See above") are alike by nature, not campaigns.
 */
export function findCampaigns(
	items: CampaignInput[],
	options: { threshold?: number; minWords?: number; minSize?: number } = {}
): Campaign[] {
	const { threshold = 0.6, minWords = 25, minSize = 3 } = options;
	const eligible: CampaignInput[] = [];
	const sets: Uint32Array[] = [];
	for (const it of items) {
		const w = words(it.text);
		if (w.length < minWords) continue;
		eligible.push(it);
		sets.push(shingles(it.text, w));
	}
	const parent = eligible.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	// A band's rows hashed to one number (two bands that collide are only compared, never grouped unchecked).
	const buckets = new Map<number, number[]>();
	eligible.forEach((_, i) => {
		const sig = signature(sets[i]);
		for (let b = 0; b < BANDS; b++) {
			let h = b;
			for (let r = b * ROWS; r < (b + 1) * ROWS; r++) h = mix(h, sig[r]);
			const key = b * 2 ** 32 + (h >>> 0);
			const list = buckets.get(key);
			if (list) list.push(i);
			else buckets.set(key, [i]);
		}
	});
	const sims = new Map<number, number[]>();
	const checked = new Set<number>();
	for (const list of buckets.values()) {
		if (list.length < 2) continue;
		// A crowded bucket is one text copied many times: compare each copy with the first, not every pair.
		const crowded = list.length > 50;
		for (let x = 0; x < (crowded ? 1 : list.length); x++) {
			for (let y = x + 1; y < list.length; y++) {
				const [a, b] = [list[x], list[y]];
				const key = a * eligible.length + b;
				if (checked.has(key)) continue;
				checked.add(key);
				const s = jaccard(sets[a], sets[b]);
				if (s >= threshold) {
					parent[find(a)] = find(b);
					for (const i of [a, b]) (sims.get(i) ?? sims.set(i, []).get(i)!).push(s);
				}
			}
		}
	}
	const groups = new Map<number, number[]>();
	eligible.forEach((_, i) => {
		const root = find(i);
		(groups.get(root) ?? groups.set(root, []).get(root)!).push(i);
	});
	const out: Campaign[] = [];
	for (const members of groups.values()) {
		if (members.length < minSize) continue;
		const ids = members.map((i) => eligible[i].id).sort((a, b) => a - b);
		const s = members.flatMap((i) => sims.get(i) ?? []);
		out.push({
			members: ids,
			exemplar: ids[0],
			similarity: Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 100) / 100
		});
	}
	return out.sort((a, b) => b.members.length - a.members.length || a.exemplar - b.exemplar);
}

/** An analyst's word on one answer: a copy of a campaign's text (`copy`), or not one. */
export interface CampaignMark {
	answerId: number;
	questionId: string;
	text: string;
	copy: boolean;
}

/**
 * How much wording an answer marked as a copy must share with a campaign's text (or another marked answer) to be put
 * with it: well under what the analysis asks of copies it finds itself (`findCampaigns`' threshold), as an analyst
 * recognises a letter cut and added to, but enough that a tick on an unrelated answer makes no campaign.
 */
export const MARK_SIMILARITY = 0.2;

/** The smallest id, without spreading a list that may hold a hundred thousand into arguments. */
const lowest = (ids: number[]) => ids.reduce((a, b) => (b < a ? b : a), Infinity);

/** Mean share of four-word runs each other member has in common with the campaign's text (`exemplar`). */
function likeness(exemplar: number, members: number[], textOf: (answerId: number) => string | undefined): number {
	const first = shingles(textOf(exemplar) ?? '');
	const sims = members.filter((m) => m !== exemplar).map((m) => jaccard(first, shingles(textOf(m) ?? '')));
	return Math.round((sims.reduce((a, b) => a + b, 0) / sims.length) * 100) / 100;
}

/**
 * Puts analysts' marks over the campaigns found. An answer marked as no copy leaves its campaign (a campaign left with
 * fewer than two answers is no longer one). An answer marked as a copy that is in no campaign joins the campaign of
 * its question whose text it shares most wording with, if it shares at least MARK_SIMILARITY; the others marked in a
 * question are grouped where they share that much with each other, a campaign once two are together. How alike a
 * campaign's answers are is worked out again when marks change it. Returns the campaigns, and the answers marked as
 * copies that are in none.
 */
export function applyCampaignMarks<C extends Campaign & { questionId: string }>(
	campaigns: C[],
	marks: CampaignMark[],
	textOf: (answerId: number) => string | undefined
): { campaigns: C[]; alone: number[] } {
	if (marks.length === 0) return { campaigns, alone: [] };
	const marked = new Map(marks.map((m) => [m.answerId, m.text]));
	const text = (id: number) => marked.get(id) ?? textOf(id);
	const out = campaigns.map((c) => ({ ...c, members: [...c.members] }));
	const campaignOf = new Map<number, (typeof out)[number]>();
	for (const c of out) for (const m of c.members) campaignOf.set(m, c);
	const changed = new Set<(typeof out)[number]>();
	for (const mark of marks) {
		const c = campaignOf.get(mark.answerId);
		if (mark.copy || !c) continue;
		c.members = c.members.filter((m) => m !== mark.answerId);
		c.removed = (c.removed ?? 0) + 1;
		changed.add(c);
		campaignOf.delete(mark.answerId);
	}
	const exemplarSets = new Map<(typeof out)[number], Uint32Array>();
	const setOf = (c: (typeof out)[number]) => {
		let s = exemplarSets.get(c);
		if (!s) exemplarSets.set(c, (s = shingles(text(c.members.includes(c.exemplar) ? c.exemplar : lowest(c.members)) ?? '')));
		return s;
	};
	const unmatched = new Map<string, { id: number; set: Uint32Array }[]>();
	for (const mark of marks) {
		if (!mark.copy || campaignOf.has(mark.answerId)) continue;
		const own = shingles(mark.text);
		let best: (typeof out)[number] | null = null;
		let bestSimilarity = MARK_SIMILARITY;
		for (const c of out) {
			if (c.questionId !== mark.questionId || c.members.length < 2) continue;
			const s = jaccard(own, setOf(c));
			if (s >= bestSimilarity) [best, bestSimilarity] = [c, s];
		}
		if (best) {
			best.members.push(mark.answerId);
			best.added = (best.added ?? 0) + 1;
			changed.add(best);
			campaignOf.set(mark.answerId, best);
		} else (unmatched.get(mark.questionId) ?? unmatched.set(mark.questionId, []).get(mark.questionId)!).push({ id: mark.answerId, set: own });
	}
	const alone: number[] = [];
	const made: C[] = [];
	for (const [questionId, list] of unmatched) {
		// Marked answers that share enough wording with each other, directly or through another, are one group.
		const parent = list.map((_, i) => i);
		const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
		for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (jaccard(list[i].set, list[j].set) >= MARK_SIMILARITY) parent[find(i)] = find(j);
		const groups = new Map<number, number[]>();
		list.forEach((m, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(m.id));
		for (const ids of groups.values()) {
			if (ids.length < 2) {
				alone.push(ids[0]);
				continue;
			}
			ids.sort((a, b) => a - b);
			made.push({ questionId, members: ids, exemplar: ids[0], similarity: likeness(ids[0], ids, text), added: ids.length } as C);
		}
	}
	const kept = out.filter((c) => c.members.length >= 2);
	for (const c of kept) {
		c.members.sort((a, b) => a - b);
		// The campaign's text stays the copy the analysis chose (and with it the campaign's address): an answer an
		// analyst put in shares as little as a fifth of it. Only if that copy was taken out does the next take its place.
		if (!c.members.includes(c.exemplar)) c.exemplar = c.members[0];
		if (changed.has(c)) c.similarity = likeness(c.exemplar, c.members, text);
	}
	return { campaigns: [...kept, ...made], alone: alone.sort((a, b) => a - b) };
}

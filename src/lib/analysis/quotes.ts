// Stage 7: representative, diverse quotes for each theme x sector, only from respondents who did not ask for
// confidentiality, and only from redacted text.
import { wordCount } from './text';

export interface QuoteCandidate {
	answerId: number;
	respondentId: number;
	theme: string;
	sector: string;
	confidential: boolean;
	/** Redacted text: the only text a quote may come from. */
	redacted: string;
	confidence: number;
	/** Words that made the theme fire, used to choose the sentence that says it. */
	cues: string[];
}

export interface Quote {
	theme: string;
	sector: string;
	answerId: number;
	rank: number;
	text: string;
}

function sentences(text: string): string[] {
	return text
		.replace(/\s+/g, ' ')
		.split(/(?<=[.!?])\s+(?=[A-Z0-9"'(])/)
		.map((s) => s.trim())
		.filter(Boolean);
}

/** The passage of an answer that carries the theme: the whole answer if short, else its best sentence or two. */
export function excerpt(text: string, cues: string[], maxWords = 60): string {
	if (wordCount(text) <= maxWords) return text.replace(/\s+/g, ' ').trim();
	const parts = sentences(text);
	const lowered = cues.map((c) => c.toLowerCase()).filter(Boolean);
	let best = 0;
	let bestScore = -1;
	parts.forEach((s, i) => {
		const l = s.toLowerCase();
		const score = lowered.filter((c) => l.includes(c)).length - (wordCount(s) > maxWords ? 1 : 0);
		if (score > bestScore) [best, bestScore] = [i, score];
	});
	let quote = parts[best];
	if (wordCount(quote) < 15 && parts[best + 1] && wordCount(quote + ' ' + parts[best + 1]) <= maxWords) quote += ' ' + parts[best + 1];
	if (wordCount(quote) > maxWords) quote = quote.split(' ').slice(0, maxWords).join(' ') + ' …';
	return (best > 0 ? '… ' : '') + quote;
}

function wordSet(s: string): Set<string> {
	return new Set(s.toLowerCase().match(/[a-z]{4,}/g) ?? []);
}

function overlap(a: Set<string>, b: Set<string>): number {
	let n = 0;
	for (const x of a) if (b.has(x)) n++;
	return n / Math.max(1, Math.min(a.size, b.size));
}

interface Scored {
	c: QuoteCandidate;
	text: string;
	words: Set<string>;
	score: number;
}

function scored(c: QuoteCandidate): Scored {
	const text = excerpt(c.redacted, c.cues);
	const n = wordCount(text);
	// Prefer confident tags and quotes of a readable length (about 15 to 50 words).
	const lengthFit = n < 8 ? 0.3 : n <= 50 ? 1 : 0.7;
	return { c, text, words: wordSet(text), score: c.confidence * lengthFit };
}

const better = (a: Scored, b: Scored) => b.score - a.score || a.c.answerId - b.c.answerId;

/**
 * Candidates in order of score (highest first, then lowest answer id), scoring only as many as are taken. A score
 * is the confidence times a length factor of at most 1, so no candidate still to be scored can beat one whose score
 * exceeds the next candidate's confidence: at hundreds of thousands of candidates most are never excerpted.
 */
function* bestFirst(list: QuoteCandidate[]): Generator<Scored> {
	const pending = list.slice().sort((a, b) => b.confidence - a.confidence || a.answerId - b.answerId);
	const ready: Scored[] = [];
	let next = 0;
	while (next < pending.length || ready.length) {
		const bound = next < pending.length ? pending[next] : null;
		const top = ready[0];
		// A pending candidate with the same confidence and a lower id would win a tie, so it is scored first.
		if (top && (!bound || top.score > bound.confidence || (top.score === bound.confidence && top.c.answerId < bound.answerId))) {
			yield ready.shift()!;
			continue;
		}
		const s = scored(pending[next++]);
		let at = ready.findIndex((r) => better(s, r) < 0);
		if (at < 0) at = ready.length;
		ready.splice(at, 0, s);
	}
}

export function selectQuotes(candidates: QuoteCandidate[], perGroup = 3): Quote[] {
	const groups = new Map<string, QuoteCandidate[]>();
	for (const c of candidates) {
		// Too short to quote (a blank answer has no words): counted only as far as six.
		if (c.confidential || wordCount(c.redacted, 6) < 6) continue;
		const key = `${c.theme}\u0000${c.sector}`;
		(groups.get(key) ?? groups.set(key, []).get(key)!).push(c);
	}
	const out: Quote[] = [];
	for (const [key, list] of groups) {
		const [theme, sector] = key.split('\u0000');
		const chosen: Scored[] = [];
		for (const s of bestFirst(list)) {
			if (chosen.length >= perGroup) break;
			if (chosen.some((x) => x.c.respondentId === s.c.respondentId)) continue;
			// Diversity: skip a quote that mostly repeats one already chosen (a campaign, or a near-copy).
			if (chosen.some((x) => overlap(x.words, s.words) > 0.6)) continue;
			chosen.push(s);
		}
		chosen.forEach((s, i) => out.push({ theme, sector, answerId: s.c.answerId, rank: i + 1, text: s.text }));
	}
	return out;
}

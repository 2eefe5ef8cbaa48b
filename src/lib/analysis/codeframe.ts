// Stage 2a: what the codeframe says. Seed terms and phrases, stemmed, matched with their offsets and a negation check.
import { tokenize, type Token } from './text';

export interface CodeframeTheme {
	id: string;
	label: string;
	definition: string;
	terms: string[];
	phrases: string[];
}

export interface SeedHit {
	theme: string;
	/** The words as written in the answer. */
	text: string;
	start: number;
	end: number;
	/** True when the answer dismisses the topic ("training is not the issue"); such hits do not count. */
	negated: boolean;
}

interface Pattern {
	theme: string;
	stems: string[];
}

export interface CompiledCodeframe {
	themes: CodeframeTheme[];
	byFirstStem: Map<string, Pattern[]>;
}

export function compileCodeframe(themes: CodeframeTheme[]): CompiledCodeframe {
	const byFirstStem = new Map<string, Pattern[]>();
	for (const t of themes) {
		const seen = new Set<string>();
		for (const seed of [...t.terms, ...t.phrases]) {
			const stems = tokenize(seed).map((tok) => tok.stem);
			const key = stems.join(' ');
			if (stems.length === 0 || seen.has(key)) continue;
			seen.add(key);
			const list = byFirstStem.get(stems[0]) ?? [];
			list.push({ theme: t.id, stems });
			byFirstStem.set(stems[0], list);
		}
	}
	// Longest patterns first, so "two tier approach" wins over "two tier" at the same place.
	for (const list of byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
	return { themes, byFirstStem };
}

const DISMISSED_BY = new Set(['issu', 'problem', 'concern', 'point', 'answer', 'prioriti', 'need', 'necessari', 'requir', 'relev', 'difficulti', 'barrier']);
const NEGATORS = new Set(['not', 'no', 'never', 'nor', 'neither']);
/** Phrases before a topic that set it aside: "no need for", "nothing to do with", "not about", "rather than". */
const PRE_DISMISSALS: string[][] = [
	['no', 'need', 'for'],
	['not', 'need'],
	['noth', 'to', 'do', 'with'],
	['not', 'about'],
	['not', 'a', 'matter', 'of'],
	['not', 'a', 'question', 'of'],
	['not', 'becaus', 'of'],
	['not', 'due', 'to'],
	['rather', 'than']
];

function endsWith(tokens: Token[], end: number, stems: string[], clause: number): boolean {
	const start = end - stems.length;
	if (start < 0) return false;
	for (let k = 0; k < stems.length; k++) {
		const t = tokens[start + k];
		if (t.clause !== clause || t.stem !== stems[k]) return false;
	}
	return true;
}

/** Is the topic at tokens[i..j) set aside rather than raised? Looks a few words either side, within the clause. */
export function isDismissed(tokens: Token[], i: number, j: number): boolean {
	const clause = tokens[i].clause;
	// After: "<topic> is not the issue", "<topic> isn't needed", "<topic> is no problem".
	for (let k = j; k < Math.min(tokens.length, j + 4); k++) {
		if (tokens[k].clause !== clause) break;
		if (NEGATORS.has(tokens[k].stem)) {
			for (let m = k + 1; m < Math.min(tokens.length, k + 5); m++) {
				if (tokens[m].clause !== clause) break;
				if (DISMISSED_BY.has(tokens[m].stem)) return true;
			}
		}
	}
	// Before: "no need for <topic>", "nothing to do with <topic>", allowing up to two words in between.
	for (let gap = 0; gap <= 2; gap++) {
		for (const p of PRE_DISMISSALS) if (endsWith(tokens, i - gap, p, clause)) return true;
	}
	return false;
}

export function matchSeeds(cf: CompiledCodeframe, text: string, tokens: Token[] = tokenize(text)): SeedHit[] {
	const hits: SeedHit[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const candidates = cf.byFirstStem.get(tokens[i].stem);
		if (!candidates) continue;
		const taken: string[] = [];
		for (const p of candidates) {
			const j = i + p.stems.length;
			if (j > tokens.length) continue;
			let ok = true;
			for (let k = 1; k < p.stems.length; k++) {
				if (tokens[i + k].stem !== p.stems[k]) {
					ok = false;
					break;
				}
			}
			if (!ok) continue;
			// One hit per theme per position: the longest pattern.
			if (taken.includes(p.theme)) continue;
			taken.push(p.theme);
			const start = tokens[i].start;
			const end = tokens[j - 1].end;
			hits.push({ theme: p.theme, text: text.slice(start, end), start, end, negated: isDismissed(tokens, i, j) });
		}
	}
	return hits;
}

// Stage 1: normalise and tokenise with natural (Porter stemmer, stop words, n-grams), keeping character offsets.
import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';
import { NGrams } from 'natural/lib/natural/ngrams/index.js';
import { words as STOPWORDS } from 'natural/lib/natural/util/stopwords.js';

export interface Token {
	/** Lower-cased surface form, apostrophes normalised. */
	word: string;
	stem: string;
	start: number;
	end: number;
	stop: boolean;
	/** Index of the clause (split at . ; : ? ! and "but") the token is in, for negation scope. */
	clause: number;
}

const STOP = new Set(STOPWORDS);
const WORD = /[A-Za-z0-9]+(?:['’][A-Za-z]+)*(?:-[A-Za-z0-9]+)*|[.;:?!]/g;
const stemCache = new Map<string, string>();

export function stem(word: string): string {
	let s = stemCache.get(word);
	if (s === undefined) {
		s = word
			.split('-')
			.map((part) => PorterStemmer.stem(part))
			.join('-');
		if (stemCache.size < 200_000) stemCache.set(word, s);
	}
	return s;
}

/** Normalises curly quotes and dashes so that the patterns below see one form of each. */
export function normalise(text: string): string {
	return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-');
}

/** Email addresses and web links carry no theme; blanked out (offsets kept) so "example.org" is not "example". */
const ADDRESSES = /[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?:\/\/|www\.)\S+/g;

export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let clause = 0;
	const norm = normalise(text).replace(ADDRESSES, (m) => ' '.repeat(m.length));
	for (const m of norm.matchAll(WORD)) {
		const raw = m[0];
		if (/^[.;:?!]$/.test(raw)) {
			clause++;
			continue;
		}
		let word = raw.toLowerCase();
		if (word === 'but' || word === 'however') clause++;
		// "don't" -> "do" + "not" keeps negation visible to the matcher.
		const neg = /^(.*)n't$/.exec(word);
		const start = m.index!;
		if (neg) {
			const base = neg[1] === 'ca' ? 'can' : neg[1] === 'wo' ? 'will' : neg[1];
			tokens.push({ word: base, stem: stem(base), start, end: start + neg[1].length, stop: true, clause });
			tokens.push({ word: 'not', stem: 'not', start: start + neg[1].length, end: start + raw.length, stop: true, clause });
			continue;
		}
		word = word.replace(/'s$/, '');
		tokens.push({ word, stem: stem(word), start, end: start + raw.length, stop: STOP.has(word), clause });
	}
	return tokens;
}

/** Content stems (stop words dropped) and their bigrams, as features for the classifiers. */
export function termFeatures(tokens: Token[]): string[] {
	const content = tokens.filter((t) => !t.stop && t.word.length > 1 && !/^\d+$/.test(t.word)).map((t) => t.stem);
	const feats = content.slice();
	for (const [a, b] of NGrams.bigrams(content) as string[][]) feats.push(`${a} ${b}`);
	return feats;
}

/** The sentences (or lines) of a text that are long enough to make a point on their own. */
export function sentences(text: string): string[] {
	return text
		.split(/(?<=[.!?])\s+|\n+/)
		.map((s) => s.trim())
		.filter((s) => s.length > 20);
}

export function wordCount(text: string): number {
	return (text.match(/[A-Za-z0-9]+/g) ?? []).length;
}

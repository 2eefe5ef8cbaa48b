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
	/** Can carry meaning: not a stop word, a single letter or a number (`isContent`, worked out once). */
	content: boolean;
	/** Index of the clause (split at . ; : ? ! and "but") the token is in, for negation scope. */
	clause: number;
}

const STOP = new Set(STOPWORDS);
const stemCache = new Map<string, string>();

const porterCache = new Map<string, string>();

/** natural's Porter stemmer, remembering the words it has seen (the same few thousand words recur in every answer). */
export const porter: typeof PorterStemmer = Object.assign(Object.create(PorterStemmer) as typeof PorterStemmer, {
	stem(word: string): string {
		let s = porterCache.get(word);
		if (s === undefined) {
			s = PorterStemmer.stem(word);
			if (porterCache.size < 200_000) porterCache.set(word, s);
		}
		return s;
	}
});

/** A word's stem; each part of a hyphenated word is stemmed ("multi-agency" -> "multi-agenc"). */
export function stem(word: string): string {
	let s = stemCache.get(word);
	if (s === undefined) {
		s = word.includes('-') ? word.split('-').map(porter.stem).join('-') : porter.stem(word);
		if (stemCache.size < 200_000) stemCache.set(word, s);
	}
	return s;
}

/** Normalises curly quotes and dashes so that the patterns below see one form of each. */
export function normalise(text: string): string {
	return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-');
}

/** Email addresses and web links carry no theme; blanked out (offsets kept) so "example.org" is not "example". */
const ADDRESSES = /(?<![\w.%+'-])[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?:\/\/|www\.)\S+/g;

/** Whether `ADDRESSES` could match: each of its forms needs one of these. */
const hasAddress = (text: string) => text.includes('@') || text.includes('www.') || text.includes('://');

const isAlnum = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
const isAlpha = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
const CLAUSE_END = new Set(['.', ';', ':', '?', '!']);

/**
 * Calls `visit` with the start and end of each word (letters and digits, with apostrophe and hyphen parts: the regular
 * expression /[A-Za-z0-9]+(?:['’][A-Za-z]+)*(?:-[A-Za-z0-9]+)*|[.;:?!]/g) and each clause-ending mark. Scanned by hand
 * because the answers run to millions and match objects cost more than the scan.
 */
export function scanWords(text: string, visit: (start: number, end: number) => void) {
	let i = 0;
	while (i < text.length) {
		const c = text.charCodeAt(i);
		if (!isAlnum(c)) {
			if (CLAUSE_END.has(text[i])) visit(i, i + 1);
			i++;
			continue;
		}
		let j = i + 1;
		while (j < text.length && isAlnum(text.charCodeAt(j))) j++;
		while ((text[j] === "'" || text[j] === '’') && isAlpha(text.charCodeAt(j + 1))) {
			j += 2;
			while (j < text.length && isAlpha(text.charCodeAt(j))) j++;
		}
		while (text[j] === '-' && isAlnum(text.charCodeAt(j + 1))) {
			j += 2;
			while (j < text.length && isAlnum(text.charCodeAt(j))) j++;
		}
		visit(i, j);
		i = j;
	}
}

export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let clause = 0;
	const normalised = normalise(text);
	// Only a text with "@", "www." or "://" can hold an address: the others (nearly all) skip the regular expression.
	const norm = hasAddress(normalised) ? normalised.replace(ADDRESSES, (m) => ' '.repeat(m.length)) : normalised;
	scanWords(norm, (start, end) => {
		if (end === start + 1 && CLAUSE_END.has(norm[start])) {
			clause++;
			return;
		}
		let word = norm.slice(start, end).toLowerCase();
		if (word === 'but' || word === 'however') clause++;
		// "don't" -> "do" + "not" keeps negation visible to the matcher.
		if (word.endsWith("n't")) {
			const stemPart = word.slice(0, -3);
			const base = stemPart === 'ca' ? 'can' : stemPart === 'wo' ? 'will' : stemPart;
			tokens.push({ word: base, stem: stem(base), start, end: start + stemPart.length, stop: true, content: false, clause });
			tokens.push({ word: 'not', stem: 'not', start: start + stemPart.length, end, stop: true, content: false, clause });
			return;
		}
		if (word.endsWith("'s")) word = word.slice(0, -2);
		const stop = STOP.has(word);
		tokens.push({ word, stem: stem(word), start, end, stop, content: !stop && word.length > 1 && !/^\d+$/.test(word), clause });
	});
	return tokens;
}

/** A word that can carry meaning: not a stop word, a single letter or a number. */
export function isContent(t: Token): boolean {
	return t.content;
}

/** Content stems (stop words dropped) and their bigrams, as features for the classifiers. */
export function termFeatures(tokens: Token[]): string[] {
	const content = tokens.filter(isContent).map((t) => t.stem);
	const feats = content.slice();
	for (const [a, b] of NGrams.bigrams(content) as string[][]) feats.push(`${a} ${b}`);
	return feats;
}

const SENTENCE_BREAK = /(?<=[.!?])\s+|\n+/g;

/** Where the sentences (or lines) of a text that are long enough to make a point on their own start and end. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
	const spans: { start: number; end: number }[] = [];
	const add = (from: number, to: number) => {
		while (from < to && /\s/.test(text[from])) from++;
		while (to > from && /\s/.test(text[to - 1])) to--;
		if (to - from > 20) spans.push({ start: from, end: to });
	};
	let from = 0;
	for (const m of text.matchAll(SENTENCE_BREAK)) {
		add(from, m.index!);
		from = m.index! + m[0].length;
	}
	add(from, text.length);
	return spans;
}

/** The sentences (or lines) of a text that are long enough to make a point on their own. */
export function sentences(text: string): string[] {
	return sentenceSpans(text).map((s) => text.slice(s.start, s.end));
}

/** How many runs of ASCII letters and digits the text has (as /[A-Za-z0-9]+/g would find), counted without building
 * them: quote selection asks this of every tagged answer. `atMost` stops the count early. */
export function wordCount(text: string, atMost = Infinity): number {
	let n = 0;
	let inWord = false;
	for (let i = 0; i < text.length && n < atMost; i++) {
		const w = isAlnum(text.charCodeAt(i));
		if (w && !inWord) n++;
		inWord = w;
	}
	return n;
}

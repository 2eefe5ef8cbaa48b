// The text pipeline's fast paths give exactly what the plain versions they replace give: the hand-written word scanner
// and word count against their regular expressions, sentence spans against splitting, and the answer scorer against the trainer's
// predict() on named features (the same probabilities, to the last bit, and the same evidence).
import { describe, expect, it } from 'vitest';
import { predict, seededRandom } from '../../src/lib/analysis/classifier';
import { compileCodeframe } from '../../src/lib/analysis/codeframe';
import { scanWords, sentenceSpans, wordCount } from '../../src/lib/analysis/text';
import {
	analyseText,
	exampleOf,
	fitTagger,
	probabilities,
	scoreAnalysed
} from '../../src/lib/analysis/themes';
import { readCodeframe } from '../../src/lib/import/definition';
import { readGold } from '../../src/lib/import/gold';

const WORD = /[A-Za-z0-9]+(?:['’][A-Za-z]+)*(?:-[A-Za-z0-9]+)*|[.;:?!]/g;

/** Random text from the characters the scanner treats specially, so every edge of the pattern is crossed. */
function randomText(rnd: () => number, length: number): string {
	const alphabet = [
		'a',
		'Z',
		'q',
		'0',
		'7',
		"'",
		'’',
		'-',
		'.',
		';',
		':',
		'?',
		'!',
		' ',
		'\n',
		'é',
		'_',
		',',
		's',
		't'
	];
	return Array.from({ length }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
}

describe('word scanner', () => {
	it('finds the same words at the same places as the regular expression, on 5,000 random texts', () => {
		const rnd = seededRandom(42);
		for (let n = 0; n < 5000; n++) {
			const text = randomText(rnd, 1 + Math.floor(rnd() * 60));
			const found: [number, number][] = [];
			scanWords(text, (start, end) => found.push([start, end]));
			expect(found, JSON.stringify(text)).toEqual(
				[...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length])
			);
		}
	});
});

describe('word count', () => {
	it('counts what /[A-Za-z0-9]+/g finds, on 5,000 random texts, and stops early when asked', () => {
		const rnd = seededRandom(43);
		for (let n = 0; n < 5000; n++) {
			const text = randomText(rnd, Math.floor(rnd() * 60));
			const expected = (text.match(/[A-Za-z0-9]+/g) ?? []).length;
			expect(wordCount(text), JSON.stringify(text)).toBe(expected);
			expect(wordCount(text, 3), JSON.stringify(text)).toBe(Math.min(3, expected));
		}
	});
});

describe('sentence spans', () => {
	it('are the trimmed pieces between sentence breaks, longer than 20 characters', () => {
		const rnd = seededRandom(7);
		const pieces = [
			'The guide is far too long. ',
			'Yes! ',
			'We need a flowchart for schools.\n\n',
			'  Consent matters more than anything   ',
			'\n',
			'ok. '
		];
		for (let n = 0; n < 2000; n++) {
			const text = Array.from(
				{ length: 1 + Math.floor(rnd() * 8) },
				() => pieces[Math.floor(rnd() * pieces.length)]
			).join('');
			const expected = text
				.split(/(?<=[.!?])\s+|\n+/)
				.map((s) => s.trim())
				.filter((s) => s.length > 20);
			expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(expected);
		}
	});
});

describe('answer scorer', () => {
	const cf = compileCodeframe(readCodeframe('data').themes);
	const gold = readGold('data/gold');
	const tagger = fitTagger(cf, gold);

	it('gives each answer the probabilities the trainer computes from named features, bit for bit', () => {
		const model = tagger.model!;
		for (const item of gold.slice(0, 600)) {
			const fast = scoreAnalysed(model, analyseText(cf, item.text, item.context));
			expect(fast.map((x) => x.probability)).toEqual(probabilities(model, exampleOf(cf, item)));
		}
	});

	it('explains each score by the same features as predict()', () => {
		const model = tagger.model!;
		for (const item of gold.slice(0, 300)) {
			const a = analyseText(cf, item.text, item.context);
			const plain = predict(model, exampleOf(cf, item).features, 6);
			const fast = scoreAnalysed(model, { ...a, sentences: [] }, 6);
			expect(fast.map((x) => x.top)).toEqual(plain.map((x) => x.top));
			expect(fast.map((x) => x.probability)).toEqual(plain.map((x) => x.probability));
		}
	});
});

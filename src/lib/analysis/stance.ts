// Stage 4: stance per answer. A closed answer's choice decides; free text is read with natural's AFINN sentiment
// plus a consultation lexicon ("welcome", "unworkable", "strongly object"), with negation flipping a cue.
import { SentimentAnalyzer } from 'natural/lib/natural/sentiment/index.js';
import { readAnswer, type Leaning } from '../closed-answer';
import { porter, tokenize } from './text';

export type Stance = 'support' | 'oppose' | 'mixed' | 'neutral';

export interface StanceResult {
	stance: Stance;
	score: number;
	/** The cues that decided it, e.g. ["welcome", "not workable"]. */
	cues: string[];
}

/** Consultation phrases and their weight (positive: support for the proposal). Matched on stems. */
const LEXICON: [string, number][] = [
	['welcome', 2],
	['strongly support', 3],
	['support', 1.5],
	['agree', 1.5],
	['fully agree', 2.5],
	['endorse', 2],
	['helpful', 1.5],
	['clear', 1],
	['useful', 1.5],
	['sensible', 1.5],
	['good', 1],
	['improvement', 1],
	['step forward', 2],
	['workable', 1.5],
	['right balance', 2],
	['broadly', 0.5],
	['unworkable', -3],
	['strongly object', -3],
	['object', -2],
	['oppose', -2.5],
	['disagree', -2],
	['reject', -2],
	['confusing', -2],
	['unclear', -2],
	['impractical', -2],
	['dangerous', -2.5],
	['flawed', -2],
	['concern', -1],
	['concerned', -1],
	['worried', -1.5],
	['inadequate', -2],
	['fails', -2],
	['fail', -1.5],
	['undermine', -2],
	['too long', -1.5],
	['too complicated', -2],
	['not clear', -2],
	['not workable', -3],
	['not helpful', -2],
	['not agree', -2],
	['not support', -2.5],
	['deeply', -0.5],
	['alarm', -2],
	['intrusive', -2],
	['unacceptable', -3],
	['serious reservations', -2.5],
	['reservation', -1.5]
];

/** The lexicon's entries by their first stem, in the lexicon's order (the first that matches at a word wins). */
const BY_FIRST_STEM = new Map<string, { stems: string[]; weight: number }[]>();
for (const [phrase, weight] of LEXICON) {
	const stems = tokenize(phrase).map((t) => t.stem);
	(BY_FIRST_STEM.get(stems[0]) ?? BY_FIRST_STEM.set(stems[0], []).get(stems[0])!).push({ stems, weight });
}
const NEGATORS = new Set(['not', 'no', 'never', 'nor', 'hardli', 'without']);
const analyzer = new SentimentAnalyzer('English', porter, 'afinn');

/** A closed answer's stance from its words (`readAnswer`), whatever the question's options: "Yes", "Agree" support;
 * "No", "Disagree" oppose; "Not sure", "Don't know", "Partly" mixed (unsure or both ways); anything else ("Neither
 * agree nor disagree", "Option 3") neutral. */
const STANCE_OF: Record<Leaning, Stance> = { for: 'support', against: 'oppose', unsure: 'mixed', between: 'neutral' };

export function closedStance(choice: string): Stance {
	const read = readAnswer(choice);
	return read ? STANCE_OF[read.leaning] : 'neutral';
}

export function textStance(text: string): StanceResult {
	const tokens = tokenize(text);
	if (tokens.length === 0) return { stance: 'neutral', score: 0, cues: [] };
	let pos = 0;
	let neg = 0;
	const cues: string[] = [];
	const used = new Set<number>();
	for (let i = 0; i < tokens.length; i++) {
		if (used.has(i)) continue;
		for (const entry of BY_FIRST_STEM.get(tokens[i].stem) ?? []) {
			const n = entry.stems.length;
			if (i + n > tokens.length) continue;
			if (!entry.stems.every((s, k) => tokens[i + k].stem === s)) continue;
			let w = entry.weight;
			// "not welcome", "do not agree": a negator shortly before, in the same clause, flips the cue.
			const negated =
				entry.stems[0] !== 'not' &&
				tokens
					.slice(Math.max(0, i - 3), i)
					.some((t) => t.clause === tokens[i].clause && NEGATORS.has(t.stem));
			if (negated) w = -w * 0.8;
			for (let k = 0; k < n; k++) used.add(i + k);
			if (w > 0) pos += w;
			else neg += -w;
			cues.push(text.slice(tokens[negated ? Math.max(0, i - 1) : i].start, tokens[i + n - 1].end));
			break;
		}
	}
	// AFINN over the words gives a gentle push where the lexicon is silent.
	const afinn = analyzer.getSentiment(tokens.map((t) => t.word)) * Math.min(tokens.length, 40) * 0.15;
	if (afinn > 0) pos += afinn;
	else neg += -afinn;
	const score = Math.round((pos - neg) * 100) / 100;
	let stance: Stance;
	if (pos < 1 && neg < 1) stance = 'neutral';
	else if (pos >= 1.5 && neg >= 1.5 && Math.min(pos, neg) / Math.max(pos, neg) > 0.35) stance = 'mixed';
	else stance = pos > neg ? 'support' : 'oppose';
	return { stance, score, cues: cues.slice(0, 6) };
}

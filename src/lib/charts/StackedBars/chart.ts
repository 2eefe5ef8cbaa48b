// Layout for 100% stacked horizontal bars (closed answers by group): shares of those who answered, base n beside.
import { scaleBand, scaleLinear } from 'd3';
import { readAnswer } from '../../closed-answer';
import { EDGE, LABEL_LINE } from '../label';

export interface StackRow {
	key: string;
	label: string;
	counts: Record<string, number>;
}

export interface Segment {
	category: string;
	count: number;
	share: number;
	x: number;
	width: number;
	colour: string;
	textColour: string;
}

export interface StackLayout {
	width: number;
	height: number;
	labelWidth: number;
	/** Each row's label is written on a line of its own above its bar (a narrow screen), not beside it. */
	labelsAbove: boolean;
	plotWidth: number;
	rows: { key: string; label: string; n: number; y: number; height: number; segments: Segment[] }[];
}

// Every fill contrasts at least 3:1 with the white page and 4.5:1 with the text written on it; segments are also
// labelled with their category where they are wide enough, so colour is never the only clue. Answers side by side
// differ in lightness too, so that a chart printed in black and white (or read without telling red from blue) still
// tells them apart: Yes dark blue (lightness 22), No a light red with dark text (62), Not sure a mid grey (44). (Yes
// in GOV.UK blue and No in red were both of lightness 46.)
export const CHOICE_COLOURS: Record<string, { fill: string; text: string }> = {
	Yes: { fill: '#003078', text: '#ffffff' },
	No: { fill: '#ea6f66', text: '#0b0c0c' },
	'Not sure': { fill: '#626a6e', text: '#ffffff' }
};
const FALLBACK = [
	{ fill: '#54319f', text: '#ffffff' },
	{ fill: '#0f7a52', text: '#ffffff' },
	{ fill: '#98285d', text: '#ffffff' },
	{ fill: '#158187', text: '#ffffff' },
	{ fill: '#0f385c', text: '#ffffff' },
	{ fill: '#806f00', text: '#ffffff' }
];

/** A scale in order (ratings 1 to 5): one hue from light to dark, so the order reads without telling hues apart. */
const ORDERED = [
	{ fill: '#5694ca', text: '#0b0c0c' },
	{ fill: '#3a7fc0', text: '#0b0c0c' },
	{ fill: '#1d70b8', text: '#ffffff' },
	{ fill: '#14548a', text: '#ffffff' },
	{ fill: '#0b2d4f', text: '#ffffff' }
];

/** Whether the categories are a numbered scale (ratings), drawn in one hue from light to dark. */
export const isScale = (categories: string[]) => categories.length > 1 && categories.length <= ORDERED.length && categories.every((c) => /^\d+$/.test(c));

/** Answers for and against, strong and plain, and between: blue for, red against, grey between, darker when strong
 * ("Strongly agree" ... "Strongly disagree"), so an agree scale reads as Yes / No do; each differs in lightness from
 * the answers beside it. Where no answer is strong ("Support" / "Oppose"), for takes Yes's dark blue. */
// Lightness 22, 52, 41, 62, 33: neighbours and each side's mirror (agree and disagree, strongly agree and strongly
// disagree) differ, so the two sides do not print as one grey.
const LEANING = {
	strongFor: { fill: '#003078', text: '#ffffff' },
	for: { fill: '#4780bd', text: '#0b0c0c' },
	between: { fill: '#5b6367', text: '#ffffff' },
	against: { fill: '#ea6f66', text: '#0b0c0c' },
	strongAgainst: { fill: '#8e2a22', text: '#ffffff' }
};
/** The answer's colour by what its words say (`readAnswer`, as its stance is read): null when they say nothing. */
function leaning(category: string): keyof typeof LEANING | null {
	const read = readAnswer(category);
	if (!read) return null;
	if (read.leaning === 'for') return read.strong ? 'strongFor' : 'for';
	if (read.leaning === 'against') return read.strong ? 'strongAgainst' : 'against';
	return 'between';
}

export function colourFor(category: string, index: number, categories?: string[]) {
	if (categories && isScale(categories)) return ORDERED[Math.round((index * (ORDERED.length - 1)) / (categories.length - 1))];
	if (CHOICE_COLOURS[category]) return CHOICE_COLOURS[category];
	// Answers that lean one way or the other, when every answer does (or sits between): an agree / disagree scale.
	if (categories && categories.every((c) => CHOICE_COLOURS[c] || leaning(c))) {
		const read = leaning(category)!;
		return read === 'for' && !categories.some((c) => leaning(c)?.startsWith('strong')) ? CHOICE_COLOURS.Yes : LEANING[read];
	}
	return FALLBACK[index % FALLBACK.length];
}

export function layoutStacks(
	rows: StackRow[],
	categories: string[],
	options: { width?: number; rowHeight?: number; labelWidth?: number; labelsAbove?: boolean } = {}
): StackLayout {
	const { width = 640, labelsAbove = false } = options;
	// Labels above their bars (a narrow screen) leave the whole width to the bars: each row is a line of text, then
	// the bar.
	const labelWidth = labelsAbove ? EDGE : (options.labelWidth ?? 200);
	const rowHeight = options.rowHeight ?? (labelsAbove ? 54 : 34);
	const labelSpace = labelsAbove ? LABEL_LINE : 0;
	const nWidth = 56;
	const plotWidth = width - labelWidth - nWidth;
	const x = scaleLinear().domain([0, 1]).range([0, plotWidth]);
	const y = scaleBand()
		.domain(rows.map((r) => r.key))
		.range([0, rows.length * rowHeight])
		.padding(labelsAbove ? 0 : 0.2);
	const gap = labelsAbove ? 8 : 0;
	return {
		width,
		height: rows.length * rowHeight + 4,
		labelWidth,
		labelsAbove,
		plotWidth,
		rows: rows.map((r) => {
			const n = categories.reduce((a, c) => a + (r.counts[c] ?? 0), 0);
			let acc = 0;
			const segments = categories.map((c, i) => {
				const count = r.counts[c] ?? 0;
				const share = n ? count / n : 0;
				const colour = colourFor(c, i, categories);
				const seg = {
					category: c,
					count,
					share,
					x: x(acc),
					width: x(share),
					colour: colour.fill,
					textColour: colour.text
				};
				acc += share;
				return seg;
			});
			return { key: r.key, label: r.label, n, y: (y(r.key) ?? 0) + labelSpace, height: y.bandwidth() - labelSpace - gap, segments };
		})
	};
}

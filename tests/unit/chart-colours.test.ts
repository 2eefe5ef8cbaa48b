// The colours of closed answers in charts (dashboard and Word report): readable, and told apart without colour.
import { describe, expect, it } from 'vitest';
import { colourFor } from '../../src/lib/charts/StackedBars/chart';

const channel = (hex: string, i: number) => {
	const c = parseInt(hex.slice(i, i + 2), 16) / 255;
	return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
/** WCAG relative luminance, and CIE lightness L* (0 black to 100 white: what is left of a colour printed in grey). */
const luminance = (hex: string) => 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
const lightness = (hex: string) => {
	const y = luminance(hex);
	return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
};
const contrast = (a: string, b: string) => {
	const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
	return (x + 0.05) / (y + 0.05);
};

const SETS = {
	'Yes / No / Not sure': ['Yes', 'No', 'Not sure'],
	'an agree scale': ['Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree'],
	'support / oppose': ['Support', 'Oppose'],
	ratings: ['1', '2', '3', '4', '5']
};

describe('the colours of closed answers', () => {
	for (const [name, options] of Object.entries(SETS)) {
		it(`for ${name}: each stands out from the page, its text from it, and it differs in lightness from its neighbours`, () => {
			const colours = options.map((o, i) => colourFor(o, i, options));
			for (const c of colours) {
				expect(contrast(c.fill, '#ffffff'), c.fill).toBeGreaterThanOrEqual(3);
				expect(contrast(c.fill, c.text), c.fill).toBeGreaterThanOrEqual(4.5);
			}
			for (let i = 1; i < colours.length; i++) {
				const step = Math.abs(lightness(colours[i].fill) - lightness(colours[i - 1].fill));
				expect(step, `${options[i - 1]} and ${options[i]}`).toBeGreaterThanOrEqual(name === 'ratings' ? 5 : 10);
			}
		});
	}
	it('keeps the two sides of an agree scale apart in greyscale: agree from disagree, strongly agree from strongly disagree', () => {
		const scale = SETS['an agree scale'];
		const l = scale.map((o, i) => lightness(colourFor(o, i, scale).fill));
		expect(Math.abs(l[1] - l[3])).toBeGreaterThanOrEqual(8);
		expect(Math.abs(l[0] - l[4])).toBeGreaterThanOrEqual(8);
	});
	it('keeps Yes, No and Not sure apart in greyscale whichever two are side by side', () => {
		const [yes, no, unsure] = SETS['Yes / No / Not sure'].map((o, i, all) => lightness(colourFor(o, i, all).fill));
		expect(Math.min(Math.abs(yes - no), Math.abs(no - unsure), Math.abs(yes - unsure))).toBeGreaterThanOrEqual(10);
	});
});

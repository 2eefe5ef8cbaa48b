// How numbers are shown on the dashboard: one-decimal shares rounded once from the counts, counts with thousands
// separators, and bar charts that leave room for the longest value they write.
import { describe, expect, it } from 'vitest';
import { formatCell, formatDateTime, formatShare, formatValue, isShareColumn, leaders, listNames, shareOf } from '../../src/lib/format';
import { layoutBars } from '../../src/lib/charts/BarChart/chart';

describe('dashboard numbers', () => {
	it('rounds a share once, from the counts, to one decimal, and always shows that decimal', () => {
		// 1 of 8 is 12.5 exactly; 2 of 3 is 66.66…; 11 of 44 is 25.
		expect([shareOf(1, 8), shareOf(2, 3), shareOf(11, 44), shareOf(0, 0)]).toEqual([12.5, 66.7, 25, 0]);
		expect([formatShare(25), formatShare(27.3), formatShare(100), formatShare(0)]).toEqual(['25.0%', '27.3%', '100.0%', '0.0%']);
	});

	it('formats table cells by column: shares with their decimal, counts with separators, text as it is', () => {
		expect(['Percentage', 'Percentage of respondents', 'Yes (%)', 'Event (%)'].every(isShareColumn)).toBe(true);
		expect(['Respondents', 'Answered', 'Yes', 'Rating', 'Comments (base)'].some(isShareColumn)).toBe(false);
		expect(formatCell(25, 'Percentage')).toBe('25.0%');
		expect(formatCell(153846, 'Respondents')).toBe('153,846');
		expect(formatCell('Health', 'Sector')).toBe('Health');
	});

	it('writes bar values in the same forms, and makes room for the longest', () => {
		expect([formatValue(100, '%'), formatValue(153846), formatValue(3, ' comments')]).toEqual(['100.0%', '153,846', '3 comments']);
		const narrow = layoutBars([{ key: 'a', label: 'A', value: 5 }], { valueText: (v) => formatValue(v) });
		const wide = layoutBars(
			[
				{ key: 'a', label: 'A', value: 153846 },
				{ key: 'b', label: 'B', value: 20 }
			],
			{ valueText: (v) => formatValue(v) }
		);
		expect(wide.bars.map((b) => b.text)).toEqual(['153,846', '20']);
		// The longest bar ends early enough for its value to fit inside the chart's width.
		const longest = wide.bars[0];
		expect(wide.labelWidth + longest.valueX + 9 * longest.text.length).toBeLessThanOrEqual(wide.width);
		expect(narrow.bars[0].width).toBeGreaterThan(0);
	});
});

describe('takeaways name every leader when several tie', () => {
	it('finds all the items sharing the largest value, in order', () => {
		const rows: [string, number][] = [['Consent', 11], ['Training', 11], ['Index', 9], ['Voluntary', 11]];
		expect(leaders(rows, (r) => r[1]).map((r) => r[0])).toEqual(['Consent', 'Training', 'Voluntary']);
		expect(leaders([['Health', 46], ['Education', 40]] as [string, number][], (r) => r[1]).map((r) => r[0])).toEqual(['Health']);
		expect(leaders([], () => 0)).toEqual([]);
	});
	it('lists names as a sentence would', () => {
		expect(listNames(['A'])).toBe('A');
		expect(listNames(['A', 'B'])).toBe('A and B');
		expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
		expect(listNames(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C, D and E');
		expect(listNames(['A', 'B', 'C', 'D', 'E', 'F', 'G'])).toBe('A, B, C and 4 others');
	});
});

describe('formatDateTime', () => {
	it('says the day and the time in the UK, summer and winter', () => {
		expect(formatDateTime('2026-11-27T15:46:00.000Z')).toBe('27 November 2026 at 15:46');
		expect(formatDateTime('2026-07-01T23:30:00.000Z')).toBe('2 July 2026 at 00:30');
		expect(formatDateTime('not a date')).toBe('not a date');
	});
});

describe('a chart label on two lines', () => {
	it('breaks at a space, keeps every word, and shortens only what two lines cannot hold', async () => {
		const { wrapLabel } = await import('../../src/lib/charts/label');
		expect(wrapLabel('Consent', 34)).toEqual(['Consent']);
		const lines = wrapLabel('Health confidentiality and the two-tier approach', 34);
		expect(lines).toHaveLength(2);
		expect(lines.join('')).toBe('Health confidentiality and the two-tier approach');
		expect(lines.every((l) => l.trim().length <= 34)).toBe(true);
		const long = wrapLabel('A very long label that will not fit on two lines of thirty two characters each at all', 32);
		expect(long).toHaveLength(2);
		expect(long[1]).toMatch(/…$/);
		// One word longer than a line is shortened, not broken.
		expect(wrapLabel('Supercalifragilisticexpialidocious-and-more', 20)).toEqual(['Supercalifragilisti…']);
	});
});

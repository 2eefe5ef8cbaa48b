// A chart's table copied for a document carries its title, filters, base and source, in HTML and in plain text.
import { describe, expect, it } from 'vitest';
import { tableForCopy } from '../../src/lib/charts/copy-table';

const table = {
	title: 'Q5: answers by sector',
	before: ['Q5 asked: Should health keep a two-tier approach?', 'Showing: Respondents from Health.'],
	columns: ['Sector', 'Answered', 'Yes (%)'],
	rows: [
		['Health', '46', '54.3%'],
		['Tab\there & <b>', '3', '100.0%']
	],
	after: ['Base: respondents who chose an answer (n=49). Source: written responses.']
};

describe('tableForCopy', () => {
	const { html, text } = tableForCopy(table);

	it('puts the title and filters above the grid and the base and source below it, in that order', () => {
		const at = (s: string) => html.indexOf(s);
		expect(at('Q5: answers by sector')).toBeGreaterThanOrEqual(0);
		expect(at('Q5 asked:')).toBeGreaterThan(at('Q5: answers by sector'));
		expect(at('Showing: Respondents from Health.')).toBeGreaterThan(at('Q5 asked:'));
		expect(at('<table')).toBeGreaterThan(at('Showing:'));
		expect(at('Base: respondents who chose an answer (n=49).')).toBeGreaterThan(at('</table>'));
	});

	it('gives column headings, row headings and right-aligned numbers, with the text escaped', () => {
		expect(html).toContain('<th scope="col"');
		expect(html.match(/<th scope="row"/g)).toHaveLength(2);
		expect(html).toMatch(/<td [^>]*text-align:right[^>]*>54\.3%<\/td>/);
		expect(html).toContain('Tab\there &amp; &lt;b&gt;');
		expect(html).not.toContain('<b>');
	});

	it('as plain text, is one line per row with a tab between cells, framed by the same lines', () => {
		expect(text.split('\n')).toEqual([
			'Q5: answers by sector',
			'Q5 asked: Should health keep a two-tier approach?',
			'Showing: Respondents from Health.',
			'',
			'Sector\tAnswered\tYes (%)',
			'Health\t46\t54.3%',
			'Tab here & <b>\t3\t100.0%',
			'',
			'Base: respondents who chose an answer (n=49). Source: written responses.'
		]);
	});
});

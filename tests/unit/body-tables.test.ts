// A professional body's page as its cells read: shares of each group, the body's own response as its answer.
import { describe, expect, it } from 'vitest';
import { bodyChoiceTables, bodyThemeRows } from '../../src/lib/server/body-tables';

describe("a professional body's tables", () => {
	it('give each group its share of each answer, and the body its own answer', () => {
		const tables = bodyChoiceTables(
			[{ id: 'q5', shortText: 'Clear enough', options: ['Yes', 'No', 'Not sure'] }],
			[
				{ group: 'body', question: 'q5', choice: 'No', respondents: 1 },
				{ group: 'members', question: 'q5', choice: 'Yes', respondents: 3 },
				{ group: 'members', question: 'q5', choice: 'No', respondents: 1 },
				{ group: 'others', question: 'q5', choice: 'Yes', respondents: 1200 }
			]
		);
		expect(tables).toEqual([
			{
				question: 'q5',
				shortText: 'Clear enough',
				options: [
					{ option: 'Yes', cells: ['–', '75.0% (n=4)', '100.0% (n=1,200)'] },
					{ option: 'No', cells: ['Its answer', '25.0% (n=4)', '0.0% (n=1,200)'] },
					{ option: 'Not sure', cells: ['–', '0.0% (n=4)', '0.0% (n=1,200)'] }
				]
			}
		]);
	});
	it('list the themes the body or its members raised, in the order given, with each group\'s share', () => {
		const t = (group: 'body' | 'members' | 'others', theme: string, respondents: number, base: number) => ({ group, theme, label: theme.toUpperCase(), respondents, base });
		const rows = bodyThemeRows([
			t('body', 'consent', 1, 1),
			t('members', 'consent', 2, 8),
			t('others', 'consent', 30, 120),
			t('body', 'training', 0, 1),
			t('members', 'training', 0, 8),
			t('others', 'training', 50, 120),
			t('body', 'threshold', 0, 1),
			t('members', 'threshold', 1, 8)
		]);
		expect(rows).toEqual([
			{ theme: 'consent', label: 'CONSENT', cells: ['Raised', '25.0% (2 of 8)', '25.0% (30 of 120)'] },
			{ theme: 'threshold', label: 'THRESHOLD', cells: ['Not raised', '12.5% (1 of 8)', '–'] }
		]);
	});
});

// A professional body's page as tables: each closed answer and each theme, for the body itself, its members and
// everyone else, as the cells read. Worked out here so that the page only lays the cells out.
import { formatNumber, formatShare, shareOf } from '../format';
import type { BodyGroupChoice, BodyGroupTheme } from './facts';

export const BODY_GROUPS = [
	{ key: 'body', label: 'The body itself' },
	{ key: 'members', label: 'Its members' },
	{ key: 'others', label: 'Everyone else' }
] as const;

export interface BodyChoiceTable {
	question: string;
	shortText: string;
	/** Each answer the question offers, with one cell per group (in `BODY_GROUPS` order). */
	options: { option: string; cells: string[] }[];
}

export interface BodyThemeRow {
	theme: string;
	label: string;
	cells: string[];
}

/**
 * A group's share giving each answer, of those in it who answered the question ("12.5% (n=40)"); the body's own
 * response, one respondent, as "Its answer" ("100.0% (n=1)" says no more), and "–" where the group gave no answer.
 */
export function bodyChoiceTables(questions: { id: string; shortText: string; options: string[] }[], choices: BodyGroupChoice[]): BodyChoiceTable[] {
	return questions.map((q) => ({
		question: q.id,
		shortText: q.shortText,
		options: q.options.map((option) => ({
			option,
			cells: BODY_GROUPS.map(({ key }) => {
				const rows = choices.filter((c) => c.group === key && c.question === q.id);
				const n = rows.reduce((a, r) => a + r.respondents, 0);
				if (!n) return '–';
				if (key === 'body' && n === 1) return rows[0].choice === option ? 'Its answer' : '–';
				const k = rows.find((r) => r.choice === option)?.respondents ?? 0;
				return `${formatShare(shareOf(k, n))} (n=${formatNumber(n)})`;
			})
		}))
	}));
}

/**
 * Each theme the body or its members raised, with each group's share raising it ("25.0% (10 of 40)"); for the body's
 * own response, "Raised" or "Not raised".
 */
export function bodyThemeRows(themes: BodyGroupTheme[]): BodyThemeRow[] {
	const byTheme = new Map<string, { label: string; groups: Map<string, BodyGroupTheme> }>();
	for (const t of themes) (byTheme.get(t.theme) ?? byTheme.set(t.theme, { label: t.label, groups: new Map() }).get(t.theme)!).groups.set(t.group, t);
	const cell = (key: string, x?: BodyGroupTheme) => {
		if (!x || !x.base) return '–';
		if (key === 'body' && x.base === 1) return x.respondents ? 'Raised' : 'Not raised';
		return `${formatShare(shareOf(x.respondents, x.base))} (${formatNumber(x.respondents)} of ${formatNumber(x.base)})`;
	};
	return [...byTheme]
		.filter(([, t]) => (t.groups.get('body')?.respondents ?? 0) + (t.groups.get('members')?.respondents ?? 0) > 0)
		.map(([theme, t]) => ({ theme, label: t.label, cells: BODY_GROUPS.map(({ key }) => cell(key, t.groups.get(key))) }));
}

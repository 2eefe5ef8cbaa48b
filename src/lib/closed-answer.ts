// What a closed answer says by its words, whatever the question's options: for, against, unsure (or both ways), or
// between, and whether strongly. Read by the pipeline (the answer's stance) and by the charts (the answer's colour),
// so the two never disagree. No dependencies: the charts run in the browser.

export type Leaning = 'for' | 'against' | 'unsure' | 'between';

const DEGREE = String.raw`(?:strongly |tend to |somewhat |slightly |broadly |mostly |largely )?`;
const READINGS: [Leaning, RegExp][] = [
	['unsure', /^(?:not sure|unsure|don['’]?t know|do not know|partly|in part|partially|yes and no|both|mixed|it depends|depends)\b/],
	['between', /^(?:neither|no (?:strong )?(?:views?|opinions?|preference|comment)|n\/a|not applicable)\b/],
	['against', new RegExp(String.raw`^(?:no\b|${DEGREE}(?:disagree|oppose|object|against|reject)|(?:do not|don['’]?t) (?:agree|support)|not in favour|definitely not|probably not)`)],
	['for', new RegExp(String.raw`^(?:yes\b|${DEGREE}(?:agree|support|favour|approve|welcome|accept)|in favour|definitely|probably)`)]
];

/** "Strongly agree", "Definitely not": null for an answer that leans no way by its words ("Option 2"). */
export function readAnswer(choice: string): { leaning: Leaning; strong: boolean } | null {
	const c = choice.trim().toLowerCase();
	for (const [leaning, words] of READINGS) if (words.test(c)) return { leaning, strong: /^(?:strongly|very|definitely)\b/.test(c) };
	return null;
}

// What every page says while answers imported or changed since the last analysis wait for the next one.
import { formatNumber } from './format';

const count = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

export function waitingSentence(waiting: { answers: number; comments: number }, where = 'these pages'): string {
	const parts = [
		...(waiting.answers ? [count(waiting.answers, 'answer', 'answers')] : []),
		...(waiting.comments ? [count(waiting.comments, "event or children's comment", "event or children's comments")] : [])
	];
	const many = waiting.answers + waiting.comments > 1;
	return `${parts.join(' and ')} ${many ? 'have' : 'has'} been imported or changed since the analysis last ran: ${many ? 'their' : 'its'} themes and stance are not counted on ${where} until it runs again.`;
}

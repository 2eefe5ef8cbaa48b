// What every page says while answers imported or changed since the last analysis wait for the next one.
import { formatNumber } from './format';

const count = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

function waitingParts(waiting: { answers: number; comments: number }): string {
	return [
		...(waiting.answers ? [count(waiting.answers, 'answer', 'answers')] : []),
		...(waiting.comments ? [count(waiting.comments, "event or children's comment", "event or children's comments")] : [])
	].join(' and ');
}

/** The summary of responses says it too, in its account of the method: what it counts is short of these. */
export function waitingReportSentence(waiting: { answers: number; comments: number }): string {
	if (!waiting.answers && !waiting.comments) return '';
	const many = waiting.answers + waiting.comments > 1;
	return `When this summary was made, ${waitingParts(waiting)} imported or changed since the analysis last ran had not been analysed: ${many ? 'their' : 'its'} themes and stance are not counted in it.`;
}

export function waitingSentence(waiting: { answers: number; comments: number }, where = 'these pages'): string {
	const many = waiting.answers + waiting.comments > 1;
	return `${waitingParts(waiting)} ${many ? 'have' : 'has'} been imported or changed since the analysis last ran: ${many ? 'their' : 'its'} themes and stance are not counted on ${where} until it runs again.`;
}

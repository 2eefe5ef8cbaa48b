// What pages, downloads and the summary of responses say while answers imported or changed since the last analysis
// wait for the next one. A changed text has lost its themes, stance and campaign until then; a changed choice, its
// stance: "not counted in full" covers both.
import { formatNumber } from './format';

export interface Waiting {
	answers: number;
	comments: number;
}

const count = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;
const many = (w: Waiting) => w.answers + w.comments > 1;

function waitingParts(w: Waiting): string {
	return [
		...(w.answers ? [count(w.answers, 'answer', 'answers')] : []),
		...(w.comments ? [count(w.comments, "event or children's comment", "event or children's comments")] : [])
	].join(' and ');
}

export const anyWaiting = (w: Waiting | null | undefined): w is Waiting => !!w && w.answers + w.comments > 0;

/** The notice on every page (and what the import prints). */
export function waitingSentence(w: Waiting, where = 'these pages'): string {
	return `${waitingParts(w)} ${many(w) ? 'have' : 'has'} been imported or changed since the analysis last ran: until it runs again, ${where} do not count ${many(w) ? 'their' : 'its'} themes, stance and campaigns in full.`;
}

/** The summary of responses says it too, in its account of the method. */
export function waitingReportSentence(w: Waiting): string {
	if (!anyWaiting(w)) return '';
	return `When this summary was made, ${waitingParts(w)} imported or changed since the analysis last ran had not been analysed: ${many(w) ? 'their' : 'its'} themes, stance and campaigns are not counted in it in full.`;
}

/** A chart's images and copied table, read away from the page and its notice, say it beneath the chart. */
export function waitingNote(w: Waiting): string {
	return `Not counted in full: ${waitingParts(w)} imported or changed since the analysis last ran.`;
}

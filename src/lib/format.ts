// The one formatter for numbers, percentages and dates shown to users.
const whole = new Intl.NumberFormat('en-GB');
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatNumber(n: number): string {
	return whole.format(n);
}

/**
 * `part` of `base` as a whole percentage, rounded once from the counts (half up): the one rounding every chart, table
 * and report uses, so they agree. (From a share already divided, 23 of 40 is 0.575, which floating point holds as
 * 0.57499..., and would round to 57, not 58; from a percentage already rounded to 93.5, 43 of 46 would become 94.)
 */
export function percentOf(part: number, base: number): number {
	return base ? Math.round((100 * part) / base) : 0;
}

/** A share as a whole percentage ("38%"); bases of zero show as a dash rather than "NaN%". */
export function formatPercent(part: number, base: number): string {
	if (!base) return '–';
	return `${percentOf(part, base)}%`;
}

/**
 * `part` of `base` as a percentage to one decimal place, rounded once from the counts: the dashboard's tables, text and
 * downloads (the published report uses whole percentages, `percentOf`).
 */
export function shareOf(part: number, base: number): number {
	return base ? Math.round((1000 * part) / base) / 10 : 0;
}

/** A one-decimal share as shown: "25.0%" beside "27.3%", never "25%". */
export function formatShare(share: number): string {
	return `${share.toFixed(1)}%`;
}

/** A chart value as shown: a share with its one decimal, anything else as a number with thousands separators. */
export function formatValue(value: number, unit = ''): string {
	return unit === '%' ? formatShare(value) : `${formatNumber(value)}${unit}`;
}

/** Whether a table column holds shares: named "Percentage…" or "… (%)", as src/lib/server/charts.ts names them. */
export function isShareColumn(column: string): boolean {
	return /^Percentage|\(%\)$/.test(column);
}

/** A table cell as shown: shares to one decimal with a % sign, counts with thousands separators, text as it is. */
export function formatCell(cell: string | number, column: string): string {
	if (typeof cell !== 'number') return cell;
	return isShareColumn(column) ? formatShare(cell) : formatNumber(cell);
}

/** Where a chart of themes comes from, saying how far analysts have reviewed the automatic tags (never more than is so). */
export function themeSource(review: { reviewed: number; total: number }): string {
	const done = review.reviewed
		? `${formatNumber(review.reviewed)} of ${formatNumber(review.total)} written answers reviewed by analysts`
		: 'not yet reviewed by analysts';
	return `written responses, themes found by automated text analysis (${done})`;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const londonDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** A moment as UK officials read it: "27 November 2026 at 15:46", in UK time. */
export function formatDateTime(iso: string): string {
	const d = new Date(iso);
	return Number.isNaN(d.getTime()) ? iso : `${londonDate.format(d)} at ${timeFormat.format(d)}`;
}

export function formatDate(iso: string | null): string {
	if (!iso) return '';
	const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
	return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

/** How a text begins, in quotation marks, to name it where its whole would not fit ("I am writing to object…"). */
export function openingWords(text: string, words: number): string {
	return `"${text.trim().split(/\s+/).slice(0, words).join(' ')}…"`;
}

/** Groups of fewer respondents than this are not singled out (a takeaway) and are combined in the report's tables. */
export const SMALL_GROUP = 5;

/** The groups (each once) of fewer than SMALL_GROUP respondents, none empty: what a chart of their shares warns of. */
export function smallGroups(groups: { label: string; n: number }[]): { label: string; n: number }[] {
	const seen = new Map<string, number>();
	for (const g of groups) if (g.n > 0 && g.n < SMALL_GROUP && !seen.has(g.label)) seen.set(g.label, g.n);
	return [...seen].map(([label, n]) => ({ label, n }));
}

/** The items that share the largest value (all of them when several tie for first), in their order. */
export function leaders<T>(items: T[], value: (item: T) => number): T[] {
	if (!items.length) return [];
	const top = Math.max(...items.map(value));
	return items.filter((item) => value(item) === top);
}

/** Names joined as in a sentence: "A", "A and B", "A, B and C"; past `most`, "A, B, C and 4 others". */
export function listNames(names: string[], most = 5): string {
	if (names.length > most) return `${names.slice(0, most - 2).join(', ')} and ${formatNumber(names.length - (most - 2))} others`;
	return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

// The one formatter for numbers, percentages and dates shown to users.
const whole = new Intl.NumberFormat('en-GB');
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatNumber(n: number): string {
	return whole.format(n);
}

/** A share as a whole percentage ("38%"); bases of zero show as a dash rather than "NaN%". */
export function formatPercent(part: number, base: number): string {
	if (!base) return '–';
	return `${Math.round((100 * part) / base)}%`;
}

export function formatDate(iso: string | null): string {
	if (!iso) return '';
	const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
	return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

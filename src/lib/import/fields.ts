// Parsers for the cell types in the import files: each returns the normalised value or a message saying what is wrong.
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

export function normaliseSpace(s: string): string {
	return s.replace(/\s+/g, ' ').trim();
}

/** ISO (yyyy-mm-dd, optionally with a time) or UK dd/mm/yyyy; impossible dates are rejected. Blank is null. */
export function parseDate(raw: string): Parsed<string | null> {
	const s = raw.trim();
	if (s === '') return ok(null);
	let y: number, m: number, d: number;
	let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
	if (match) {
		[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	} else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) {
		[d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
	} else {
		return fail('is not a date; use yyyy-mm-dd or dd/mm/yyyy');
	}
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
		return fail('is not a real date');
	}
	return ok(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

const TRUE = new Set(['yes', 'y', 'true', '1']);
const FALSE = new Set(['no', 'n', 'false', '0', '']);

export function parseBoolean(raw: string): Parsed<boolean> {
	const s = raw.trim().toLowerCase();
	if (TRUE.has(s)) return ok(true);
	if (FALSE.has(s)) return ok(false);
	return fail('must be yes, no, true, false, 1, 0 or blank');
}

/** Matches one of the allowed values ignoring case and surrounding/inner whitespace; blank is null. */
export function parseOption(raw: string, options: readonly string[], what = 'value'): Parsed<string | null> {
	return optionParser(options, what)(raw);
}

/** parseOption for a fixed list, with the options normalised once rather than on every cell. */
export function optionParser(options: readonly string[], what = 'value'): (raw: string) => Parsed<string | null> {
	const byKey = new Map(options.map((o) => [normaliseSpace(o).toLowerCase(), o]));
	return (raw) => {
		const s = normaliseSpace(raw).toLowerCase();
		if (s === '') return ok(null);
		const found = byKey.get(s);
		if (found !== undefined) return ok(found);
		return fail(`is not a known ${what}; expected one of: ${options.join(', ')}`);
	};
}

/** A sector id, or its label; blank means "infer it later". */
export function parseSector(raw: string, sectors: readonly { id: string; label: string }[]): Parsed<string | null> {
	const s = normaliseSpace(raw).toLowerCase();
	if (s === '') return ok(null);
	const found = sectors.find((x) => x.id === s || x.label.toLowerCase() === s);
	if (found) return ok(found.id);
	return fail(`is not a known sector; expected one of: ${sectors.map((x) => x.id).join(', ')} (or blank)`);
}

export function parseInteger(raw: string, min: number, max: number): Parsed<number | null> {
	const s = raw.trim();
	if (s === '') return ok(null);
	if (!/^-?\d+$/.test(s)) return fail('must be a whole number');
	const n = Number(s);
	if (n < min || n > max) return fail(`must be between ${min} and ${max}`);
	return ok(n);
}

/** Free text: kept as written, but trimmed; blank is null. Identifiers use this too, so they are never coerced. */
export function parseText(raw: string): Parsed<string | null> {
	const s = (raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw).trim();
	return ok(s === '' ? null : s);
}

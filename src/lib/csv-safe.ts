// CSV output for people who open it in Excel: formula-like cells are neutralised (OWASP CSV injection guidance).
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a cell that a spreadsheet would treat as a formula with an apostrophe, so it shows as text. */
export function neutraliseCell(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(fields: string[], rows: Record<string, unknown>[]): string {
	return Papa.unparse(
		{ fields, data: rows.map((r) => fields.map((f) => neutraliseCell(r[f] ?? ''))) },
		{ newline: '\r\n', quotes: false }
	);
}

// CSV output for people who open it in Excel: formula-like cells are neutralised (OWASP CSV injection guidance).
import Papa from 'papaparse';

// Spaces before the sign too: some spreadsheets read " =HYPERLINK(...)" as a formula.
const FORMULA_START = /^[\s\u00a0]*[=+\-@]|^[\t\r\n]/;

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

/**
 * toCsv's text, followed by a line end, in pieces of `size` rows each (the header comes with the first), for a
 * download sent while it is being read. Rows are arrays in `fields` order.
 */
export function* csvChunks(fields: string[], rows: Iterable<unknown[]>, size = 2000): Generator<string> {
	let header: string | null = Papa.unparse([fields], { newline: '\r\n', quotes: false }) + '\r\n';
	let chunk: unknown[][] = [];
	const flush = () => {
		const text = (header ?? '') + Papa.unparse(chunk, { newline: '\r\n', quotes: false }) + '\r\n';
		header = null;
		chunk = [];
		return text;
	};
	for (const row of rows) {
		chunk.push(row.map((v) => neutraliseCell(v ?? '')));
		if (chunk.length >= size) yield flush();
	}
	if (chunk.length || header !== null) yield chunk.length ? flush() : header!;
}

// Checks each row of an import file against its kind's columns, with no database: every problem named by line and
// column, valid rows turned into values and a content hash. Runs on the importing thread or on a reader thread.
import { hash as oneShotHash } from 'node:crypto';
import type { CsvCells } from './csv';
import type { ImportProblem } from './errors';
import type { KindColumns } from './kinds';

/** No real answer is this long; a longer field almost always means broken quoting. */
export const MAX_FIELD = 100_000;

/** A row that passed every cell check: its values in column order, the unknown columns it had, and its hash. */
export interface CheckedRow {
	line: number;
	values: unknown[];
	extra: Record<string, string>;
	hash: string;
}

/** What reading a file yields, in file order: rows that passed, and problems. */
export type CheckedItem = CheckedRow | { line: number; problem: ImportProblem };

export const isProblem = (item: CheckedItem): item is { line: number; problem: ImportProblem } => 'problem' in item;

const sha256Hex = (text: string): string => oneShotHash('sha256', text, 'hex');

export class RowChecker {
	/** Columns the import does not know, kept with each row as extra_json. */
	private extraColumns: string[] = [];
	private readonly known: Set<string>;
	private readonly keyIndex: number;
	/** The line each key was first seen on, to name both lines of a duplicate. */
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly kind: KindColumns,
		private readonly display: string
	) {
		this.known = new Set(kind.columns.map((c) => c.name));
		this.keyIndex = kind.columns.findIndex((c) => c.name === kind.key);
	}

	/** Problems that make the file unusable: a required column missing, or none of the question columns. */
	header(names: string[]): ImportProblem[] {
		const { columns, anyOf } = this.kind;
		this.extraColumns = names.filter((name) => name && !this.known.has(name));
		const missing: ImportProblem[] = columns
			.filter((c) => c.required && !names.includes(c.name))
			.map((c) => ({ file: this.display, line: 1, column: c.name, value: null, message: 'is a required column and is missing from the header' }));
		if (anyOf && !anyOf.some((c) => names.includes(c))) {
			missing.push({
				file: this.display,
				line: 1,
				column: null,
				value: null,
				message: `has none of the question columns (${anyOf.slice(0, 4).join(', ')}, ...)`
			});
		}
		return missing;
	}

	/** Checks one row, giving its problems and, if it has none, the row. */
	row(line: number, cells: CsvCells, emit: (item: CheckedItem) => void): void {
		const problem = (column: string | null, value: string | null, message: string) =>
			emit({ line, problem: { file: this.display, line, column, value, message } });
		let bad = false;
		for (const [name, value] of cells) {
			if (value.length > MAX_FIELD) {
				problem(
					name,
					value.slice(0, 40),
					`is ${value.length.toLocaleString('en-GB')} characters long; the limit is ${MAX_FIELD.toLocaleString('en-GB')} (is a quote missing earlier in the file?)`
				);
				bad = true;
			}
		}
		if (bad) return;
		const { columns, key } = this.kind;
		const values: unknown[] = new Array(columns.length);
		for (let i = 0; i < columns.length; i++) {
			const col = columns[i];
			const raw = cells.get(col.name) ?? '';
			const parsed = col.parse(raw);
			if (!parsed.ok) {
				problem(col.name, raw, parsed.message);
				bad = true;
			} else if (col.nonEmpty && (parsed.value === null || parsed.value === '')) {
				problem(col.name, raw, 'must not be blank');
				bad = true;
			} else {
				values[i] = parsed.value;
			}
		}
		const id = values[this.keyIndex] as string | undefined;
		if (id) {
			const first = this.seen.get(id);
			if (first !== undefined) {
				problem(key, id, `is a duplicate: the same ${key} is on line ${first}`);
				bad = true;
			} else {
				this.seen.set(id, line);
			}
		}
		if (bad) return;
		const extra: Record<string, string> = {};
		for (const name of this.extraColumns) if (cells.get(name)) extra[name] = cells.get(name)!;
		const hash = sha256Hex(JSON.stringify([values.map((v) => v ?? null), extra]));
		emit({ line, values, extra, hash });
	}
}

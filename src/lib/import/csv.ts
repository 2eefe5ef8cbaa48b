// Streams a CSV file through papaparse: detects the encoding, normalises the header, tracks the line each row starts on.
import Papa from 'papaparse';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import type { ImportProblem } from './errors';

export type Encoding = 'auto' | 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface CsvRow {
	/** 1-based line of the file on which this row starts. */
	line: number;
	/** Cells keyed by normalised header name (trimmed, lower case). */
	cells: CsvCells;
}

/**
 * A row's cells by column name, read in place from the parsed row (a Map per row was a measurable share of a large
 * import). As a Map built from the header would be: a repeated name means its last column; names in header order.
 */
export class CsvCells {
	constructor(
		private readonly columns: { names: string[]; index: Map<string, number> },
		private readonly values: string[]
	) {}

	get(name: string): string | undefined {
		const i = this.columns.index.get(name);
		return i === undefined ? undefined : this.values[i];
	}

	*[Symbol.iterator](): IterableIterator<[string, string]> {
		for (const name of this.columns.names) yield [name, this.values[this.columns.index.get(name)!]];
	}
}

export interface CsvHandlers {
	/** Receives normalised header names; returns problems that make the file unusable (for example a missing column). */
	header(names: string[]): ImportProblem[];
	row(row: CsvRow): void;
}

export function normaliseHeader(name: string): string {
	return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, '_');
}

/** Decodes bytes to text, honouring a byte-order mark and failing clearly on bytes that are not the expected encoding. */
class Decoder extends Transform {
	private decoder: TextDecoder | null = null;
	private linesSeen = 1;
	detected: Encoding = 'utf-8';
	constructor(
		private readonly file: string,
		private readonly encoding: Encoding
	) {
		super({ readableObjectMode: false, decodeStrings: false });
		this.setEncoding('utf8');
	}

	_transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
		try {
			if (!this.decoder) {
				this.detected = this.detect(chunk);
				this.decoder = new TextDecoder(this.detected, { fatal: true, ignoreBOM: false });
			}
			let text: string;
			try {
				text = this.decoder.decode(chunk, { stream: true });
			} catch {
				// Point at the line holding the first byte that is not valid text.
				const bad = firstInvalidUtf8(chunk);
				if (this.detected === 'utf-8' && bad >= 0) for (let i = 0; i < bad; i++) if (chunk[i] === 0x0a) this.linesSeen++;
				throw new CsvDecodeError(this.explain());
			}
			this.check(text);
			done(null, text);
		} catch (e) {
			done(e as Error);
		}
	}

	_flush(done: TransformCallback) {
		try {
			const text = this.decoder ? this.decoder.decode() : '';
			this.check(text);
			done(null, text);
		} catch (e) {
			done(e as Error);
		}
	}

	private detect(chunk: Buffer): Encoding {
		if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
		if (chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
		if (this.encoding !== 'auto') return this.encoding;
		// UTF-16 without a byte-order mark: ASCII text has a zero byte in every other place.
		const sample = chunk.subarray(0, 4096);
		let even = 0;
		let odd = 0;
		for (let i = 0; i < sample.length; i++) {
			if (sample[i] !== 0) continue;
			if (i % 2) odd++;
			else even++;
		}
		if (odd > sample.length * 0.3 && even === 0) return 'utf-16le';
		if (even > sample.length * 0.3 && odd === 0) return 'utf-16be';
		if (odd + even > 0) this.check('\u0000');
		return 'utf-8';
	}

	private check(text: string) {
		// eslint-disable-next-line no-control-regex -- finding control characters is the point: they mark a binary file
		const controls = (text.match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
		if (text.includes('\u0000') || controls > Math.max(8, text.length / 100)) {
			throw new CsvDecodeError({
				file: this.file,
				line: this.linesSeen,
				column: null,
				value: null,
				message: 'contains NUL bytes: this looks like a binary file (a spreadsheet, zip or image), not a CSV text file. Export it from the spreadsheet as "CSV UTF-8"'
			});
		}
		for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.linesSeen++;
	}

	/** Called when the decoder throws, to turn its error into one the user can act on. */
	explain(): ImportProblem {
		const legacy = this.detected === 'utf-8';
		return {
			file: this.file,
			line: this.linesSeen,
			column: null,
			value: null,
			message: legacy
				? 'is not valid UTF-8 text. It looks like an older Excel export (Windows-1252). Save it from Excel as "CSV UTF-8 (Comma delimited)", or import it with --encoding windows-1252'
				: `is not valid ${this.detected} text`
		};
	}
}

/** Offset of the first byte that breaks UTF-8 in `buf`, or -1. (A sequence cut off at the end of a chunk is fine.) */
export function firstInvalidUtf8(buf: Uint8Array): number {
	for (let i = 0; i < buf.length; ) {
		const b = buf[i];
		const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
		if (need < 0) return i;
		for (let k = 1; k <= need; k++) {
			if (i + k >= buf.length) return -1;
			if ((buf[i + k] & 0xc0) !== 0x80) return i;
		}
		i += need + 1;
	}
	return -1;
}

class CsvDecodeError extends Error {
	constructor(readonly problem: ImportProblem) {
		super(problem.message);
	}
}

function countLineBreaks(cells: string[]): number {
	let n = 0;
	for (const c of cells) {
		if (c.length < 1 || (c.indexOf('\n') === -1 && c.indexOf('\r') === -1)) continue;
		n += (c.match(/\r\n|\r|\n/g) ?? []).length;
	}
	return n;
}

/**
 * Reads `file` row by row. Structural problems (encoding, quotes, ragged rows, empty file) are returned;
 * the handlers report their own. Memory stays flat whatever the file size.
 */
export function readCsv(
	file: string,
	displayName: string,
	handlers: CsvHandlers,
	encoding: Encoding = 'auto'
): Promise<{ problems: ImportProblem[]; rows: number }> {
	return new Promise((resolve, reject) => {
		const problems: ImportProblem[] = [];
		const decoder = new Decoder(displayName, encoding);
		let header: string[] | null = null;
		let columns: ConstructorParameters<typeof CsvCells>[0] | null = null;
		let line = 1;
		let rows = 0;
		let stopped = false;
		const source = createReadStream(file);
		source.on('error', reject);
		decoder.on('error', (e) => {
			stopped = true;
			source.destroy();
			problems.push(e instanceof CsvDecodeError ? e.problem : decoder.explain());
			resolve({ problems, rows });
		});
		const input = source.pipe(decoder);

		Papa.parse<string[]>(input as unknown as File, {
			header: false,
			delimiter: ',',
			skipEmptyLines: false,
			step(result, parser) {
				if (stopped) return;
				const cells = result.data;
				const startLine = line;
				line += 1 + countLineBreaks(cells);
				for (const err of result.errors) {
					problems.push({
						file: displayName,
						line: startLine,
						column: null,
						value: null,
						message:
							err.code === 'MissingQuotes'
								? 'has a quoted field that is never closed (an opening " without its closing ")'
								: err.code === 'InvalidQuotes'
									? 'has a stray " inside a field; double it ("") or quote the whole field'
									: err.message
					});
				}
				if (header === null) {
					header = cells.map(normaliseHeader);
					const index = new Map(header.map((name, i) => [name, i]));
					columns = { names: [...index.keys()], index };
					const seen = new Set<string>();
					for (const name of header) {
						if (name !== '' && seen.has(name)) {
							problems.push({ file: displayName, line: startLine, column: name, value: null, message: 'is a duplicated column name' });
						}
						seen.add(name);
					}
					const fatal = handlers.header(header);
					if (fatal.length) {
						problems.push(...fatal);
						stopped = true;
						parser.abort();
						source.destroy();
						resolve({ problems, rows });
					}
					return;
				}
				if (result.errors.length) return; // a row with broken quoting has no trustworthy fields
				if (cells.length === 1 && cells[0].trim() === '') return; // blank line
				if (cells.length !== header.length) {
					problems.push({
						file: displayName,
						line: startLine,
						column: null,
						value: null,
						message: `has ${cells.length} fields but the header has ${header.length}`
					});
					return;
				}
				rows++;
				handlers.row({ line: startLine, cells: new CsvCells(columns!, cells) });
			},
			complete() {
				if (stopped) return;
				if (header === null) {
					problems.push({ file: displayName, line: null, column: null, value: null, message: 'is empty: expected a header row and data rows' });
				} else if (rows === 0 && problems.length === 0) {
					problems.push({ file: displayName, line: 2, column: null, value: null, message: 'has a header row but no data rows' });
				}
				resolve({ problems, rows });
			},
			error(err: Error) {
				if (stopped) return;
				problems.push({ file: displayName, line, column: null, value: null, message: err.message });
				resolve({ problems, rows });
			}
		});
	});
}

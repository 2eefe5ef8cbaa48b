// Imports one CSV file in one transaction: every row checked, all problems reported, nothing stored unless all is well.
import { createHash, hash as oneShotHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { DB } from '../server/db/client';
import { readCsv, type Encoding } from './csv';
import { ImportFailed, type ImportProblem } from './errors';
import { specFor, type ImportKind, type Outcome } from './kinds';

export interface ImportOptions {
	dryRun?: boolean;
	encoding?: Encoding;
	/** How the file is named in messages; defaults to the path given. */
	displayName?: string;
}

export interface ImportReport {
	kind: ImportKind;
	file: string;
	sha256: string;
	rows: number;
	added: number;
	updated: number;
	unchanged: number;
	/** True when this exact file had been imported before, so nothing was done. */
	alreadyImported: boolean;
	dryRun: boolean;
}

/** Problems kept in full; past this only the count grows, so a file of bad rows cannot exhaust memory. */
const MAX_PROBLEMS = 1000;
/** No real answer is this long; a longer field almost always means broken quoting. */
export const MAX_FIELD = 100_000;

const sha256Hex = (text: string): string => oneShotHash('sha256', text, 'hex');

export function fileSha256(path: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const hash = createHash('sha256');
		createReadStream(path)
			.on('data', (chunk) => hash.update(chunk))
			.on('error', reject)
			.on('end', () => resolve(hash.digest('hex')));
	});
}

export async function importFile(db: DB, kind: ImportKind, path: string, options: ImportOptions = {}): Promise<ImportReport> {
	const display = options.displayName ?? path;
	let sha256: string;
	try {
		sha256 = await fileSha256(path);
	} catch (e) {
		throw new ImportFailed(display, [{ file: display, line: null, column: null, value: null, message: `cannot be read: ${(e as Error).message}` }]);
	}
	const report: ImportReport = {
		kind,
		file: display,
		sha256,
		rows: 0,
		added: 0,
		updated: 0,
		unchanged: 0,
		alreadyImported: false,
		dryRun: options.dryRun ?? false
	};
	const previous = db.prepare('SELECT rows FROM import_batches WHERE kind = ? AND sha256 = ? ORDER BY id DESC LIMIT 1').get(kind, sha256) as
		| { rows: number }
		| undefined;
	if (previous) return { ...report, rows: previous.rows, unchanged: previous.rows, alreadyImported: true };

	const problems: ImportProblem[] = [];
	let extraProblems = 0;
	const problem = (p: ImportProblem) => (problems.length < MAX_PROBLEMS ? problems.push(p) : extraProblems++);

	db.exec('BEGIN IMMEDIATE');
	try {
		const batchId = Number(
			db
				.prepare('INSERT INTO import_batches (kind, file, sha256, rows, added, updated, unchanged, imported_at) VALUES (?, ?, ?, 0, 0, 0, 0, ?)')
				.run(kind, basename(path), sha256, new Date().toISOString()).lastInsertRowid
		);
		const spec = specFor(db, kind);
		const known = new Set(spec.columns.map((c) => c.name));
		const seen = new Map<string, number>();
		/** Columns the import does not know, kept with each row as extra_json. */
		let extraColumns: string[] = [];

		const result = await readCsv(
			path,
			display,
			{
				header(names) {
					extraColumns = names.filter((name) => name && !known.has(name));
					const missing: ImportProblem[] = spec.columns
						.filter((c) => c.required && !names.includes(c.name))
						.map((c) => ({ file: display, line: 1, column: c.name, value: null, message: 'is a required column and is missing from the header' }));
					if (spec.anyOf && !spec.anyOf.some((c) => names.includes(c))) {
						missing.push({
							file: display,
							line: 1,
							column: null,
							value: null,
							message: `has none of the question columns (${spec.anyOf.slice(0, 4).join(', ')}, ...)`
						});
					}
					return missing;
				},
				row({ line, cells }) {
					const row: Record<string, unknown> = {};
					let bad = false;
					for (const [name, value] of cells) {
						if (value.length > MAX_FIELD) {
							problem({
								file: display,
								line,
								column: name,
								value: value.slice(0, 40),
								message: `is ${value.length.toLocaleString('en-GB')} characters long; the limit is ${MAX_FIELD.toLocaleString('en-GB')} (is a quote missing earlier in the file?)`
							});
							bad = true;
						}
					}
					if (bad) return;
					for (const col of spec.columns) {
						const raw = cells.get(col.name) ?? '';
						const parsed = col.parse(raw);
						if (!parsed.ok) {
							problem({ file: display, line, column: col.name, value: raw, message: parsed.message });
							bad = true;
						} else if (col.nonEmpty && (parsed.value === null || parsed.value === '')) {
							problem({ file: display, line, column: col.name, value: raw, message: 'must not be blank' });
							bad = true;
						} else {
							row[col.name] = parsed.value;
						}
					}
					const key = row[spec.key] as string | undefined;
					if (key) {
						const first = seen.get(key);
						if (first !== undefined) {
							problem({ file: display, line, column: spec.key, value: key, message: `is a duplicate: the same ${spec.key} is on line ${first}` });
							bad = true;
						} else {
							seen.set(key, line);
						}
					}
					if (!bad && spec.check) {
						const issue = spec.check(row);
						if (issue) {
							problem({ file: display, line, column: issue[0], value: String(row[issue[0]] ?? ''), message: issue[1] });
							bad = true;
						}
					}
					// Once the file is known to fail, keep checking rows but stop writing them.
					if (bad || problems.length > 0) return;
					const extra: Record<string, string> = {};
					for (const name of extraColumns) if (cells.get(name)) extra[name] = cells.get(name)!;
					const hash = sha256Hex(JSON.stringify([spec.columns.map((c) => row[c.name] ?? null), extra]));
					const outcome: Outcome = spec.write(row, extra, hash, batchId);
					report[outcome]++;
				}
			},
			options.encoding
		);
		for (const p of result.problems) problem(p);
		if (problems.length === 0) spec.finish?.();
		report.rows = result.rows;
		if (problems.length > 0) {
			if (extraProblems > 0) {
				problems.push({ file: display, line: null, column: null, value: null, message: `and ${extraProblems} more problems not listed` });
			}
			problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
			throw new ImportFailed(display, problems);
		}
		if (report.dryRun) {
			db.exec('ROLLBACK');
			return report;
		}
		db.prepare('UPDATE import_batches SET rows = ?, added = ?, updated = ?, unchanged = ? WHERE id = ?').run(
			report.rows,
			report.added,
			report.updated,
			report.unchanged,
			batchId
		);
		db.exec('COMMIT');
		return report;
	} finally {
		if (db.inTransaction) db.exec('ROLLBACK');
	}
}

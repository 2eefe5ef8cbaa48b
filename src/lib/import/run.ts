// Imports one CSV file in one transaction: every row checked, all problems reported, nothing stored unless all is well.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { commit, withRollbackJournal, type DB } from '../server/db/client';
import type { Encoding } from './csv';
import { ImportFailed, type ImportProblem } from './errors';
import { readImportDefinition, specFor, type ImportKind } from './kinds';
import { readFile, threadPays } from './reader';
import { isProblem } from './rows';

export interface ImportOptions {
	dryRun?: boolean;
	encoding?: Encoding;
	/** How the file is named in messages; defaults to the path given. */
	displayName?: string;
	/** Read and check the file on a thread of its own (true) or this one (false); by default, a large file on a thread. */
	thread?: boolean;
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
export function fileSha256(path: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const hash = createHash('sha256');
		createReadStream(path, { highWaterMark: 1 << 20 })
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

	// The whole import is one transaction; the first import of responses into an empty database (the large one, before
	// anyone uses it) is written with the rollback journal.
	const first = kind === 'responses' && !report.dryRun && !db.prepare('SELECT 1 FROM respondent LIMIT 1').get();
	return withRollbackJournal(db, first, async () => {
		db.exec('BEGIN IMMEDIATE');
		try {
			const batchId = Number(
				db
					.prepare('INSERT INTO import_batches (kind, file, sha256, rows, added, updated, unchanged, imported_at) VALUES (?, ?, ?, 0, 0, 0, 0, ?)')
					.run(kind, basename(path), sha256, new Date().toISOString()).lastInsertRowid
			);
			const definition = readImportDefinition(db);
			const spec = specFor(db, kind, definition);
			const names = spec.columns.map((c) => c.name);
			const thread = options.thread ?? threadPays(statSync(path).size);
			const result = await readFile({ path, display, kind, definition, encoding: options.encoding }, (item) => {
				if (isProblem(item)) {
					problem(item.problem);
					return;
				}
				const row: Record<string, unknown> = {};
				for (let i = 0; i < names.length; i++) row[names[i]] = item.values[i];
				const issue = spec.check?.(row);
				if (issue) {
					problem({ file: display, line: item.line, column: issue[0], value: String(row[issue[0]] ?? ''), message: issue[1] });
					return;
				}
				// Once the file is known to fail, keep checking rows but stop writing them.
				if (problems.length > 0) return;
				report[spec.write(row, item.extra, item.hash, batchId)]++;
			}, thread);
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
			commit(db);
			return report;
		} finally {
			if (db.inTransaction) db.exec('ROLLBACK');
		}
	});
}

// Builds a whole database from a consultation folder (definition + the four CSV files), only when its inputs changed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openDb, type DB } from '../server/db/client';
import { loadDefinition } from './definition';
import type { ImportKind } from './kinds';
import { importFile, type ImportReport } from './run';

export const BUNDLE_FILES: [ImportKind, string][] = [
	['responses', 'responses.csv'],
	['events', 'events.csv'],
	['event-feedback', 'event_feedback.csv'],
	['cyp', 'cyp_feedback.csv']
];

function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	if (statSync(dir).isFile()) return [dir];
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = join(dir, e.name);
		if (e.isDirectory()) return listFiles(p);
		return /\.(db|db-wal|db-shm|tmp)$/.test(e.name) ? [] : [p];
	});
}

/** Fingerprint of everything the database is derived from: the data files and the code that reads them. */
export function inputsFingerprint(dataDir: string, codeDirs: string[]): string {
	const hash = createHash('sha256');
	for (const dir of [dataDir, ...codeDirs]) {
		for (const file of listFiles(dir).sort()) {
			hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
		}
	}
	return hash.digest('hex');
}

export interface BuildResult {
	rebuilt: boolean;
	reports: ImportReport[];
	fingerprint: string;
}

export function storedFingerprint(dbPath: string): string | null {
	if (!existsSync(dbPath) || statSync(dbPath).size === 0) return null;
	try {
		const db = openDb(dbPath, { readonly: true });
		try {
			return (db.prepare("SELECT value FROM meta WHERE key = 'inputs_fingerprint'").pluck().get() as string) ?? null;
		} finally {
			db.close();
		}
	} catch {
		return null;
	}
}

/**
 * Builds into a temporary file and renames it over the target, so a reader never sees a half-built database.
 * `analyse` runs the text pipeline over the fresh data.
 */
export async function buildDatabase(
	dataDir: string,
	dbPath: string,
	options: { force?: boolean; codeDirs?: string[]; analyse?: (db: DB) => void; log?: (line: string) => void } = {}
): Promise<BuildResult> {
	const log = options.log ?? (() => {});
	const fingerprint = inputsFingerprint(dataDir, options.codeDirs ?? []);
	if (!options.force && storedFingerprint(dbPath) === fingerprint) return { rebuilt: false, reports: [], fingerprint };

	const tmp = `${dbPath}.${process.pid}.tmp`;
	for (const suffix of ['', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
	const db = openDb(tmp);
	const reports: ImportReport[] = [];
	try {
		loadDefinition(db, dataDir);
		for (const [kind, name] of BUNDLE_FILES) {
			const file = join(dataDir, name);
			if (!existsSync(file)) continue;
			const report = await importFile(db, kind, file, { displayName: relative(process.cwd(), file) || file });
			reports.push(report);
			log(`imported ${report.file}: ${report.added} added`);
		}
		options.analyse?.(db);
		db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('inputs_fingerprint', ?)").run(fingerprint);
		db.pragma('wal_checkpoint(TRUNCATE)');
		db.close();
		for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
		renameSync(tmp, dbPath);
	} catch (e) {
		if (db.open) db.close();
		for (const suffix of ['', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
		throw e;
	}
	return { rebuilt: true, reports, fingerprint };
}

// Builds a whole database from a consultation folder (definition + the four CSV files), only when its inputs changed.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openDb, type DB } from '../server/db/client';
import { loadDefinition, readConsultation } from './definition';
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

/** A value from an existing database's meta table (null: no database, or no such value). */
function storedMeta(dbPath: string, key: string): string | null {
	if (!existsSync(dbPath) || statSync(dbPath).size === 0) return null;
	try {
		const db = openDb(dbPath, { readonly: true });
		try {
			return (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string) ?? null;
		} finally {
			db.close();
		}
	} catch {
		return null;
	}
}

export function storedFingerprint(dbPath: string): string | null {
	return storedMeta(dbPath, 'inputs_fingerprint');
}

/** The folder of labelled answers that goes with a consultation folder (absolute: the app may run from elsewhere). */
export const goldFolder = (dataDir: string) => resolve(dataDir, 'gold');

/**
 * Makes a database a file that stands alone (its WAL written into it and removed), so it can be kept under another
 * name; refuses, changing nothing, while anything else has it open (the app): that connection would go on using the
 * old file, and its WAL under the name the new database takes.
 */
function standalone(dbPath: string) {
	const db = new Database(dbPath);
	try {
		db.pragma('busy_timeout = 2000');
		db.pragma('wal_checkpoint(TRUNCATE)');
		// Leaving WAL needs the only connection: it fails while another is open.
		if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw new Error('still in WAL mode');
	} catch (e) {
		throw new Error(`${dbPath} holds another consultation and is open elsewhere (is the app running?): stop it, then build again. Nothing was changed. (${(e as Error).message})`);
	} finally {
		db.close();
	}
}

/**
 * A new database is built in a temporary file and renamed into place, so a reader never sees it half-built.
 * An existing one is brought up to date in place (definition reloaded, files re-imported by id, analysis rerun),
 * so that what people added to it (accounts, analysts' decisions, the audit log) is kept.
 */
export async function buildDatabase(
	dataDir: string,
	dbPath: string,
	options: { force?: boolean; codeDirs?: string[]; analyse?: (db: DB) => void | Promise<void>; log?: (line: string) => void } = {}
): Promise<BuildResult> {
	const log = options.log ?? (() => {});
	const fingerprint = inputsFingerprint(dataDir, options.codeDirs ?? []);
	const stored = storedFingerprint(dbPath);
	if (!options.force && stored === fingerprint) return { rebuilt: false, reports: [], fingerprint };

	// Another consultation's files (a different id in consultation.json) make a new database: brought up to date in
	// place, the old one's respondents, questions and themes would be mixed with the new. The old file is kept beside
	// it, renamed, once the new one is built.
	const previous = storedMeta(dbPath, 'consultation_id');
	const next = readConsultation(dataDir).id;
	const replaced = previous !== null && previous !== next;
	if (replaced) {
		log(`${dataDir} holds the consultation "${next}", ${dbPath} the consultation "${previous}": building a new database`);
		// Before the build, so that a database in use is refused at once (and again after it).
		standalone(dbPath);
	}
	const fresh = replaced || !existsSync(dbPath) || statSync(dbPath).size === 0;
	const target = fresh ? `${dbPath}.${process.pid}.tmp` : dbPath;
	if (fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
	const db = openDb(target);
	const reports: ImportReport[] = [];
	try {
		loadDefinition(db, dataDir);
		for (const [kind, name] of BUNDLE_FILES) {
			const file = join(dataDir, name);
			if (!existsSync(file)) continue;
			const report = await importFile(db, kind, file, { displayName: relative(process.cwd(), file) || file });
			reports.push(report);
			log(
				report.alreadyImported
					? `${report.file}: unchanged since it was last imported`
					: `imported ${report.file}: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged`
			);
		}
		// Later analyses (from the command line or the app) train on this folder's labelled answers.
		db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('gold_dir', ?)").run(goldFolder(dataDir));
		await options.analyse?.(db);
		db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('inputs_fingerprint', ?)").run(fingerprint);
		db.pragma('wal_checkpoint(TRUNCATE)');
		db.close();
		if (replaced) {
			// The old file is given its new name first (a second link to it), and the new database then takes the old
			// name in one rename: at no moment is there no database under that name.
			standalone(dbPath);
			const kept = `${dbPath}.${previous!.replace(/[^\w.-]+/g, '-')}.${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}.db`;
			try {
				linkSync(dbPath, kept);
			} catch {
				copyFileSync(dbPath, kept);
			}
			log(`the database of "${previous}" is kept as ${kept}`);
		}
		if (fresh) {
			for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
			renameSync(target, dbPath);
		}
	} catch (e) {
		if (db.open) db.close();
		if (fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
		throw e;
	}
	return { rebuilt: true, reports, fingerprint };
}

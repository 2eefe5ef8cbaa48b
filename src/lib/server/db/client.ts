// Opens the SQLite database with the house settings (WAL, foreign keys, busy timeout) and brings its schema up to date.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrations } from './migrations';
import { holdsOwnName, personalTerms, redact } from '../../analysis/redact';

export type DB = Database.Database;

export const DEFAULT_DB = 'data/consultation.db';

/** `--db` wins, then the CONSULT_DB environment variable, then data/consultation.db. */
export function resolveDbPath(explicit?: string): string {
	return resolve(explicit || process.env.CONSULT_DB || DEFAULT_DB);
}

export function openDb(path: string, options: { readonly?: boolean } = {}): DB {
	if (!options.readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
	db.pragma('busy_timeout = 5000');
	db.pragma('foreign_keys = ON');
	// What a page may show of a text: the stored redacted version, or (for rows imported since the last analyse) the
	// text redacted now, with the respondent's own details when the query gives them (name, organisation, type,
	// confidential), as analyse would: a confidential organisation's own name goes even before the next analyse. Pages
	// never fall back to the original.
	db.function('shown_text', { deterministic: true, varargs: true }, (redacted: unknown, original: unknown, ...respondent: unknown[]) => {
		if (typeof redacted === 'string') return redacted;
		if (typeof original !== 'string') return null;
		const [name, organisation, type, confidential] = respondent.map((v) => (typeof v === 'string' || typeof v === 'number' ? v : null));
		const own = respondent.length
			? personalTerms({ name: name === null ? null : String(name), organisation: organisation === null ? null : String(organisation), respondentType: type === null ? null : String(type), confidential: Number(confidential) === 1 })
			: undefined;
		return redact(original, own).text;
	});
	// Whether an organisation's name holds a word of the respondent's own name (SHOWN_ORGANISATION uses it).
	db.function('holds_own_name', { deterministic: true }, (organisation: unknown, name: unknown) =>
		typeof organisation === 'string' && typeof name === 'string' && holdsOwnName(organisation, name) ? 1 : 0
	);
	if (!options.readonly) {
		db.pragma('journal_mode = WAL');
		db.pragma('synchronous = NORMAL');
		migrate(db);
	}
	return db;
}

/**
 * Runs a large first write (the first import into an empty database, the first analysis of it) with SQLite's
 * rollback journal in place of the WAL, when `use` says it is one: the new pages are then written once, where WAL
 * writes them twice (to the log, then to the file at the checkpoint) and checksums each; a million-answer import
 * spends about a quarter less time in SQLite. Only then, because while it writes it has the database to itself: a
 * program that opens the database meanwhile waits (up to the busy timeout) instead of reading beside it as WAL
 * allows, and a database with nothing in it yet is one nobody is using. With a server or another command already
 * attached SQLite refuses the switch at once, and the write goes ahead in WAL. `synchronous` is FULL while switched
 * (NORMAL is safe against power loss with WAL only). Afterwards the database is back in WAL (or, if a connection
 * opened meanwhile, the next `openDb` puts it back).
 */
export async function withRollbackJournal<T>(db: DB, use: boolean, work: () => Promise<T>): Promise<T> {
	let switched = false;
	if (use && db.pragma('journal_mode', { simple: true }) === 'wal') {
		try {
			switched = db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
		} catch {
			// "database is locked": another connection has it open; stay in WAL.
		}
	}
	if (switched) db.pragma('synchronous = FULL');
	try {
		return await work();
	} finally {
		if (switched) {
			db.pragma('synchronous = NORMAL');
			try {
				db.pragma('journal_mode = WAL');
			} catch {
				// A connection opened during the write; the next openDb sets WAL again.
			}
		}
	}
}

/**
 * Commits, waiting again if a reader holds the database at that moment: a busy COMMIT leaves the transaction open,
 * and giving up then (and rolling back) would throw away a whole import or analysis.
 */
export function commit(db: DB, attempts = 6) {
	for (let attempt = 1; ; attempt++) {
		try {
			db.exec('COMMIT');
			return;
		} catch (e) {
			if ((e as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= attempts) throw e;
		}
	}
}

export function schemaVersion(db: DB): number {
	db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
	const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
	return row.v ?? 0;
}

export function migrate(db: DB): number {
	const current = schemaVersion(db);
	const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
	for (const m of migrations) {
		if (m.version <= current) continue;
		db.transaction(() => {
			db.exec(m.sql);
			record.run(m.version, m.name, new Date().toISOString());
		})();
	}
	return schemaVersion(db);
}

/** Stable fingerprint of every table's content, for proving that a failed import changed nothing. */
export function contentChecksum(db: DB): string {
	const tables = db
		.prepare(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'answer_fts%' ORDER BY name"
		)
		.pluck()
		.all() as string[];
	const hash = createHash('sha256');
	for (const t of tables) {
		hash.update(`#${t}\n`);
		for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().iterate()) {
			hash.update(JSON.stringify(row));
			hash.update('\n');
		}
	}
	return hash.digest('hex');
}

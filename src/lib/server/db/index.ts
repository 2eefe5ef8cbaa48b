// The server's shared connection: opened once, lazily, from CONSULT_DB or data/consultation.db. WAL mode lets the
// command line import and analyse while the server keeps serving; the busy timeout absorbs short write locks.
import { existsSync } from 'node:fs';
import { error } from '@sveltejs/kit';
import { cachedReads, ResultCache } from './cache';
import { openDb, resolveDbPath, type DB } from './client';

let db: DB | null = null;
let reads: DB | null = null;

export function getDb(): DB {
	if (db) return db;
	const path = resolveDbPath();
	if (!existsSync(path)) {
		error(503, `The database ${path} has not been built yet. Run "npm start" (or "npm run db") first.`);
	}
	db = openDb(path);
	return db;
}

/**
 * The same connection for pages that only read: repeated aggregate queries come from memory until the data change.
 * CONSULT_RESULT_CACHE=off turns that off (the benchmark uses it to time every query as if first asked).
 */
export function getReadDb(): DB {
	reads ??= process.env.CONSULT_RESULT_CACHE === 'off' ? getDb() : cachedReads(getDb(), new ResultCache(getDb()));
	return reads;
}

/**
 * A read-only connection of its own, for one long read such as a download sent row by row: better-sqlite3 holds a
 * connection for as long as a statement is being iterated, and the pages' connection must stay free meanwhile. It
 * reads one snapshot of the database from its first read to its last (WAL). The caller closes it.
 */
export function openReader(): DB {
	getDb();
	return openDb(resolveDbPath(), { readonly: true });
}

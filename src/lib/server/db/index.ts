// The server's shared connection: opened once, lazily, from CONSULT_DB or data/consultation.db. WAL mode lets the
// command line import and analyse while the server keeps serving; the busy timeout absorbs short write locks.
import { existsSync } from 'node:fs';
import { error } from '@sveltejs/kit';
import { openDb, resolveDbPath, type DB } from './client';

let db: DB | null = null;

export function getDb(): DB {
	if (db) return db;
	const path = resolveDbPath();
	if (!existsSync(path)) {
		error(503, `The database ${path} has not been built yet. Run "npm start" (or "npm run db") first.`);
	}
	db = openDb(path);
	return db;
}

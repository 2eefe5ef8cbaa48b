// Read results kept until the database changes. Dashboard pages repeat the same few aggregate queries (the same
// filters, opened by many officials), and at hundreds of thousands of answers each can take a second or more.
// A result is served from memory only while the database is exactly as it was when the result was read: any write,
// by this connection or another (an import, analyse, a review decision), starts afresh; except writes to the
// bookkeeping tables (sign-ins, sessions, the audit log), which no page counts from and which are never cached.
import type Database from 'better-sqlite3';
import type { DB } from './client';

/** Tables no dashboard figure is read from. Statements that name them are never served from a cache. */
const BOOKKEEPING = /\b(?:audit_log|session|login_attempt|app_user)\b/i;
/** The connection's write count, which the caches' versions are made from: a kept answer would be out of date at
 * once (bookkeeping writes move it without moving the version), so it is always read afresh. */
const WRITE_COUNT = /\btotal_changes\s*\(/i;
/** Rows this connection has written to the bookkeeping tables: subtracted from total_changes by the caches. */
const UNCOUNTED = Symbol('bookkeeping changes');
type Counted = DB & { [UNCOUNTED]?: number };

/**
 * Runs `write`, a change to the bookkeeping tables only (a sign-in, a session ended, an audit entry), so that the
 * results and counts kept in memory stay valid: it changes nothing a page shows from them.
 */
export function writeBookkeeping<T>(db: DB, write: () => T): T {
	const total = () => db.prepare('SELECT total_changes()').pluck().get() as number;
	const before = total();
	const value = write();
	(db as Counted)[UNCOUNTED] = ((db as Counted)[UNCOUNTED] ?? 0) + total() - before;
	return value;
}

/** The connection's write count less its bookkeeping writes: it moves when anything a page shows may have changed. */
export function countedChanges(db: DB, totalChanges: number): number {
	return totalChanges - ((db as Counted)[UNCOUNTED] ?? 0);
}

/** Results kept at most; the least recently used go first. */
const MAX_ENTRIES = 400;
/** Results with more rows than this are lists, not aggregates: not kept. */
const MAX_ROWS = 2_000;

interface Entry {
	version: string;
	value: unknown;
}

/** What a connection's reads depend on: data_version moves when another connection commits, total_changes when this
 * one writes (bookkeeping aside). */
export function changeVersion(db: DB): string {
	let total = totals.get(db);
	if (!total) totals.set(db, (total = db.prepare('SELECT total_changes()').pluck()));
	return `${db.pragma('data_version', { simple: true })}:${countedChanges(db, total.get() as number)}`;
}

/** Each connection's statement for its change count, prepared once: versions are read before every cached read. */
const totals = new WeakMap<DB, Database.Statement>();

export class ResultCache {
	private readonly entries = new Map<string, Entry>();
	hits = 0;
	misses = 0;

	constructor(private readonly db: DB) {}

	version(): string {
		return changeVersion(this.db);
	}

	read<T>(key: string, compute: () => T): T {
		// Within a transaction its writes may yet be rolled back, and total_changes does not go back down with them.
		if (this.db.inTransaction) return compute();
		const version = this.version();
		const found = this.entries.get(key);
		if (found && found.version === version) {
			this.entries.delete(key);
			this.entries.set(key, found);
			this.hits++;
			return found.value as T;
		}
		this.misses++;
		const value = compute();
		if (!Array.isArray(value) || value.length <= MAX_ROWS) {
			this.entries.delete(key);
			this.entries.set(key, { version, value });
			while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
		}
		return value;
	}

	clear() {
		this.entries.clear();
	}
}

/**
 * The connection as pages read it: `prepare(sql).all/get` answers from the cache when the same statement with the
 * same parameters was read since the last change. Anything else (run, iterate, transactions) goes straight through.
 */
export function cachedReads(db: DB, cache: ResultCache): DB {
	const wrap = (sql: string, mode: { pluck: boolean; raw: boolean }): Database.Statement => {
		if (BOOKKEEPING.test(sql) || WRITE_COUNT.test(sql)) {
			const s = db.prepare(sql);
			return mode.pluck ? s.pluck() : mode.raw ? s.raw() : s;
		}
		const statement = () => {
			const s = db.prepare(sql);
			if (mode.pluck) s.pluck();
			if (mode.raw) s.raw();
			return s;
		};
		const key = (kind: string, params: unknown[]) => JSON.stringify([kind, mode.pluck, mode.raw, sql, params]);
		const wrapper = {
			all: (...params: unknown[]) => cache.read(key('all', params), () => statement().all(...params)),
			get: (...params: unknown[]) => cache.read(key('get', params), () => statement().get(...params)),
			pluck: (on = true) => wrap(sql, { ...mode, pluck: on, raw: on ? false : mode.raw }),
			raw: (on = true) => wrap(sql, { ...mode, raw: on, pluck: on ? false : mode.pluck }),
			iterate: (...params: unknown[]) => statement().iterate(...params),
			run: (...params: unknown[]) => statement().run(...params),
			columns: () => statement().columns()
		};
		return wrapper as unknown as Database.Statement;
	};
	return new Proxy(db, {
		get(target, prop) {
			if (prop === 'prepare') return (sql: string) => wrap(sql, { pluck: false, raw: false });
			const value = Reflect.get(target, prop, target);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}

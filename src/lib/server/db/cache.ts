// Read results kept until the database changes. Dashboard pages repeat the same few aggregate queries (the same
// filters, opened by many officials), and at hundreds of thousands of answers each can take a second or more.
// A result is served from memory only while the database is exactly as it was when the result was read: any write,
// by this connection or another (an import, analyse, a review decision), starts afresh.
import type Database from 'better-sqlite3';
import type { DB } from './client';

/** Results kept at most; the least recently used go first. */
const MAX_ENTRIES = 400;
/** Results with more rows than this are lists, not aggregates: not kept. */
const MAX_ROWS = 2_000;

interface Entry {
	version: string;
	value: unknown;
}

export class ResultCache {
	private readonly entries = new Map<string, Entry>();
	private readonly changes: Database.Statement;
	hits = 0;
	misses = 0;

	constructor(private readonly db: DB) {
		this.changes = db.prepare('SELECT total_changes()').pluck();
	}

	/** data_version moves when another connection commits; total_changes when this one writes. */
	version(): string {
		return `${this.db.pragma('data_version', { simple: true })}:${this.changes.get()}`;
	}

	read<T>(key: string, compute: () => T): T {
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

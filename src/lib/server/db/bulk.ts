// Many rows to a statement: the fast way to insert a large number of rows with better-sqlite3.
import type Database from 'better-sqlite3';
import type { DB } from './client';

/** Rows for one table, buffered and inserted up to `perStatement` at a time through a multi-row INSERT. */
export class BulkInsert {
	private values: unknown[] = [];
	private readonly statements = new Map<number, Database.Statement>();
	private readonly perStatement: number;
	constructor(
		private readonly db: DB,
		private readonly table: string,
		private readonly columns: string[],
		/** Rows this table refers to, written first. */
		private readonly parent?: BulkInsert
	) {
		// SQLite allows 32,766 parameters a statement; a few hundred rows at a time is past the point of diminishing returns.
		this.perStatement = Math.max(1, Math.floor(4000 / columns.length));
	}

	add(...row: unknown[]) {
		this.values.push(...row);
		if (this.values.length >= this.perStatement * this.columns.length) this.flush();
	}

	flush() {
		const width = this.columns.length;
		const rows = this.values.length / width;
		if (rows === 0) return;
		this.parent?.flush();
		this.statement(rows).run(this.values);
		this.values = [];
	}

	private statement(rows: number): Database.Statement {
		let s = this.statements.get(rows);
		if (!s) {
			const one = `(${this.columns.map(() => '?').join(', ')})`;
			s = this.db.prepare(`INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array(rows).fill(one).join(', ')}`);
			this.statements.set(rows, s);
		}
		return s;
	}
}

/**
 * Drops the indexes (and, if asked, triggers) of `tables` and returns the statements that make them again: for a bulk
 * rewrite inside a transaction, where building an index once at the end is far faster than keeping it up to date row
 * by row (`names`: only those). A rollback restores them too. Indexes that come with a table's own constraints (UNIQUE, PRIMARY KEY) stay.
 */
export function setAsideSchema(db: DB, tables: string[], kinds: ('index' | 'trigger')[], names?: string[]): string[] {
	const rows = (
		db
			.prepare(
				`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN (SELECT value FROM json_each(?)) AND tbl_name IN (SELECT value FROM json_each(?))`
			)
			.all(JSON.stringify(kinds), JSON.stringify(tables)) as { type: string; name: string; sql: string }[]
	).filter((r) => !names || names.includes(r.name));
	for (const r of rows) db.exec(`DROP ${r.type === 'index' ? 'INDEX' : 'TRIGGER'} "${r.name}"`);
	return rows.map((r) => r.sql);
}

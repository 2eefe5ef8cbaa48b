// Direct queries of the database the e2e server uses, so tests compare the page with the data.
import Database from 'better-sqlite3';

export function query<T>(sql: string, ...params: unknown[]): T {
	const db = new Database('tmp/e2e.db', { readonly: true });
	try {
		return db.prepare(sql).pluck().get(...params) as T;
	} finally {
		db.close();
	}
}

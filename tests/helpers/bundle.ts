// A database built from the bundled data/ exactly as `npm start` builds it (import + analyse), shared by a test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDatabase } from '../../src/lib/import/bundle';
import { analyseDatabase } from '../../src/lib/server/analyse';
import { openDb, type DB } from '../../src/lib/server/db/client';

export async function bundledDb(): Promise<{ db: DB; path: string; cleanup(): void }> {
	const dir = mkdtempSync(join(tmpdir(), 'consult-lens-bundle-'));
	const path = join(dir, 'bundle.db');
	await buildDatabase('data', path, { analyse: (db) => void analyseDatabase(db) });
	const db = openDb(path, { readonly: true });
	return {
		db,
		path,
		cleanup() {
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

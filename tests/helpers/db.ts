// Real SQLite files in a temporary folder, with the bundled consultation's definition loaded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type DB } from '../../src/lib/server/db/client';
import { loadDefinition } from '../../src/lib/import/definition';

export interface TempDb {
	db: DB;
	path: string;
	dir: string;
	cleanup(): void;
}

export function tempDb(options: { definition?: boolean } = {}): TempDb {
	const dir = mkdtempSync(join(tmpdir(), 'consult-lens-'));
	const path = join(dir, 'test.db');
	const db = openDb(path);
	if (options.definition !== false) loadDefinition(db, 'data');
	return {
		db,
		path,
		dir,
		cleanup() {
			if (db.open) db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export const fixture = (name: string) => join('tests/fixtures/import', name);

// `npm start`: builds the database from data/ (only when data or pipeline changed), builds the app (only when its
// sources changed), then serves it on HOST:PORT (127.0.0.1:3000 unless set).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { buildDatabase, inputsFingerprint } from '../src/lib/import/bundle';
import { ImportFailed } from '../src/lib/import/errors';
import { openDb, resolveDbPath } from '../src/lib/server/db/client';
import { createUser, userCount } from '../src/lib/server/auth';
import { randomBytes } from 'node:crypto';
import { analyseDatabaseParallel } from '../src/lib/server/analyse';
import { CODE_DIRS } from './paths';

const APP_SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

/** First run: no accounts yet, so create a local admin with a random password and say how to sign in. */
async function ensureLocalAdmin(dbPath: string) {
	const db = openDb(dbPath);
	try {
		if (userCount(db) > 0) return;
		const password = randomBytes(12).toString('base64url');
		await createUser(db, 'admin', password, 'admin');
		process.stdout.write(
			`\nCreated a local administrator account (first run).\n  user name: admin\n  password:  ${password}\n` +
				'Keep it safe: it is shown only now. Add more accounts with: npm run consult -- user add NAME --role viewer|analyst|admin\n'
		);
	} finally {
		db.close();
	}
}

async function main() {
	const dbPath = resolveDbPath();
	const started = performance.now();
	const result = await buildDatabase('data', dbPath, {
		codeDirs: CODE_DIRS,
		analyse: async (db) => void process.stderr.write((await analyseDatabaseParallel(db)) + '\n'),
		log: (line) => process.stderr.write(line + '\n')
	});
	process.stderr.write(
		result.rebuilt ? `Built ${dbPath} in ${((performance.now() - started) / 1000).toFixed(1)} s\n` : `${dbPath} is up to date\n`
	);

	await ensureLocalAdmin(dbPath);

	const appPrint = inputsFingerprint('src', APP_SOURCES.slice(1));
	const stamp = 'build/.fingerprint';
	if (!existsSync('build/index.js') || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== appPrint) {
		process.stderr.write('Building the app...\n');
		const built = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'inherit', 'inherit'] });
		if (built.status !== 0) throw new Error('vite build failed');
		writeFileSync(stamp, appPrint);
	}

	const host = process.env.HOST || '127.0.0.1';
	const port = process.env.PORT || '3000';
	const shown = host.includes(':') ? `[${host}]` : host;
	// scripts/serve.js takes the site's origin (which form posts must come from) from the address the browser used,
	// so http://localhost:3000 works as well as http://127.0.0.1:3000. Behind an HTTPS proxy, set ORIGIN.
	const address = process.env.ORIGIN || (host === '0.0.0.0' || host === '::' ? `http://127.0.0.1:${port}` : `http://${shown}:${port}`);
	const server = spawn(process.execPath, ['scripts/serve.js'], {
		stdio: 'inherit',
		env: { ...process.env, HOST: host, PORT: port, CONSULT_DB: dbPath }
	});
	process.stdout.write(`\nconsult-lens is running at ${address}/  (Ctrl+C to stop)\n`);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
	server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((e) => {
	process.stderr.write(`${e instanceof ImportFailed ? e.message : e instanceof Error ? e.message : String(e)}\n`);
	process.exit(1);
});

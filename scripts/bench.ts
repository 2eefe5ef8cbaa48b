// `npm run bench -- <analyse|pages|all>`: performance measured on this machine, printed as a table.
// Not a test: numbers vary by machine; README records what they were where they were measured.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { generate } from '../src/lib/import/generate';
import { loadDefinition } from '../src/lib/import/definition';
import { importFile } from '../src/lib/import/run';
import { cpus, totalmem } from 'node:os';
import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/index.js';
import { runPipeline } from '../src/lib/analysis/pipeline';
import { buildDatabase } from '../src/lib/import/bundle';
import { analyseDatabase, loadPipelineInput } from '../src/lib/server/analyse';
import { openDb } from '../src/lib/server/db/client';
import { createUser } from '../src/lib/server/auth';

const DB = 'tmp/bench.db';

function machine(): string {
	const c = cpus();
	return `${c.length} × ${c[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

async function ensureDb() {
	mkdirSync('tmp', { recursive: true });
	await buildDatabase('data', DB, { analyse: (db) => void analyseDatabase(db) });
}

function percentile(values: number[], p: number): number {
	const s = [...values].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

async function benchAnalyse() {
	await ensureDb();
	const db = openDb(DB);
	const input = loadPipelineInput(db);
	const texts = input.answers.filter((a) => a.text?.trim()).map((a) => a.text!);
	// Raw limit: natural's tokenizer and stemmer alone over the same answers.
	const tokenizer = new WordTokenizer();
	const rawStart = performance.now();
	let tokens = 0;
	for (let r = 0; r < 5; r++) for (const t of texts) tokens += tokenizer.tokenize(t).map((w) => PorterStemmer.stem(w)).length;
	const raw = (5 * texts.length) / ((performance.now() - rawStart) / 1000);
	const runs: number[] = [];
	for (let r = 0; r < 3; r++) {
		const start = performance.now();
		runPipeline(input);
		runs.push(performance.now() - start);
	}
	const best = Math.min(...runs);
	const start = performance.now();
	analyseDatabase(db);
	const whole = performance.now() - start;
	db.close();
	console.log(`\nanalyse (${texts.length} answers with text, ${input.labelled.length} labelled for training; ${tokens} tokens stemmed)`);
	console.log(`  pipeline (train + all stages), best of 3   ${best.toFixed(0).padStart(7)} ms   ${(texts.length / (best / 1000)).toFixed(0).padStart(8)} answers/s`);
	console.log(`  analyse incl. database write              ${whole.toFixed(0).padStart(7)} ms   ${(texts.length / (whole / 1000)).toFixed(0).padStart(8)} answers/s`);
	console.log(`  raw limit: natural tokenise + stem only              ${raw.toFixed(0).padStart(8)} answers/s   (pipeline at ${((100 * texts.length) / (best / 1000) / raw).toFixed(1)}% of it)`);
}

const ROUTES = [
	'/',
	'/?body=RCN',
	'/?sector=health&sector=education&type=organisation',
	'/questions',
	'/questions/q5',
	'/questions/q5?sector=health',
	'/themes',
	'/themes?question=q7',
	'/themes/consent',
	'/responses',
	'/responses?q=consent',
	'/responses?theme=training&stance=oppose',
	'/responses/R0001',
	'/stakeholders',
	'/bodies/RCN',
	'/events',
	'/children',
	'/data/heatmap.csv',
	'/responses.csv'
];

/** Starts the built server on a free loopback port with a bench account, and returns a signed-in fetch. */
async function startServer(db: string) {
	if (!existsSync('build/index.js')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	const handle = openDb(db);
	await createUser(handle, 'bench', 'bench-password-not-secret', 'analyst');
	handle.close();
	const port = 4300 + Math.floor(Math.random() * 500);
	const base = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, ['build/index.js'], { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), CONSULT_DB: db, ORIGIN: base }, stdio: 'ignore' });
	for (let i = 0; i < 100; i++) {
		try {
			await fetch(base + '/login');
			break;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	const login = await fetch(base + '/login', {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
		body: 'username=bench&password=bench-password-not-secret&next=%2F'
	});
	const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	if (!cookie) throw new Error('could not sign in to the bench server');
	return { base, server, get: (path: string) => fetch(base + path, { headers: { cookie } }) };
}

async function benchPages() {
	await ensureDb();
	const { base, server, get } = await startServer(DB);
	void base;
	try {
		console.log(`\npages (server-rendered HTML on the bundled data; 30 sequential requests each after 3 warm-up)`);
		console.log(`  ${'route'.padEnd(56)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)}`);
		for (const route of ROUTES) {
			for (let i = 0; i < 3; i++) await (await get(route)).text();
			const times: number[] = [];
			for (let i = 0; i < 30; i++) {
				const t = performance.now();
				const res = await get(route);
				await res.text();
				if (!res.ok) throw new Error(`${route}: HTTP ${res.status}`);
				times.push(performance.now() - t);
			}
			console.log(`  ${route.padEnd(56)} ${percentile(times, 50).toFixed(1).padStart(7)} ${percentile(times, 95).toFixed(1).padStart(7)} ${Math.max(...times).toFixed(1).padStart(7)}`);
		}
	} finally {
		server.kill();
	}
}

/** 50 concurrent clients for 30 s across the main pages, on loopback only; every request must succeed. */
async function benchLoad(clients = 50, seconds = 30) {
	await ensureDb();
	const { server, get } = await startServer(DB);
	try {
		const times: number[] = [];
		let errors = 0;
		const until = performance.now() + seconds * 1000;
		await Promise.all(
			Array.from({ length: clients }, async (_, c) => {
				for (let i = c; performance.now() < until; i++) {
					const route = ROUTES[i % ROUTES.length];
					const t = performance.now();
					try {
						const res = await get(route);
						await res.arrayBuffer();
						if (!res.ok) errors++;
					} catch {
						errors++;
					}
					times.push(performance.now() - t);
				}
			})
		);
		console.log(`\nload (${clients} concurrent clients for ${seconds} s across ${ROUTES.length} routes, signed in, 127.0.0.1)`);
		console.log(`  requests ${times.length}   ${(times.length / seconds).toFixed(0)} per second   errors ${errors}`);
		console.log(`  latency p50 ${percentile(times, 50).toFixed(0)} ms   p95 ${percentile(times, 95).toFixed(0)} ms   max ${Math.max(...times).toFixed(0)} ms`);
		if (errors > 0) process.exitCode = 1;
	} finally {
		server.kill();
	}
}

/** Raw limits on the same file: papaparse parsing it with no work, and better-sqlite3 inserting its answers. */
async function rawLimits(file: string): Promise<{ parseMs: number; insertMs: number; rows: number }> {
	let rows = 0;
	const t0 = performance.now();
	await new Promise<void>((resolve, reject) =>
		Papa.parse(createReadStream(file) as unknown as File, { header: false, step: () => void rows++, complete: () => resolve(), error: reject })
	);
	const parseMs = performance.now() - t0;
	const db = new Database(':memory:');
	db.exec('CREATE TABLE a (rid TEXT, q TEXT, choice TEXT, text TEXT)');
	const insert = db.prepare('INSERT INTO a VALUES (?, ?, ?, ?)');
	const all: string[][] = [];
	await new Promise<void>((resolve, reject) =>
		Papa.parse<string[]>(createReadStream(file) as unknown as File, { header: false, step: (r) => void all.push(r.data), complete: () => resolve(), error: reject })
	);
	const t1 = performance.now();
	db.transaction(() => {
		for (const r of all.slice(1)) for (let q = 0; q < 8; q++) insert.run(r[0], `q${q + 1}`, r[8 + 2 * q] ?? null, r[9 + 2 * q] ?? null);
	})();
	const insertMs = performance.now() - t1;
	db.close();
	return { parseMs, insertMs, rows: rows - 1 };
}

/** Import, analyse and page speed at several sizes of synthetic consultation, with the raw limits beside them. */
async function benchScale(sizes: number[]) {
	console.log('\nscale (synthetic consultations from `consult generate`; one run each)');
	console.log(`  ${'answers'.padStart(9)} ${'respondents'.padStart(11)} ${'import rows/s'.padStart(13)} ${'vs raw parse'.padStart(12)} ${'vs raw insert'.padStart(13)} ${'peak MB'.padStart(8)} ${'analyse ans/s'.padStart(13)} ${'DB MB'.padStart(7)} ${'worst page p95'.padStart(15)}`);
	for (const answersWanted of sizes) {
		const respondents = Math.max(50, Math.round(answersWanted / 6.5));
		const dir = `tmp/scale-${answersWanted}`;
		const { answers } = await generate({ respondents, seed: 11, out: dir });
		const dbPath = `${dir}/scale.db`;
		for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
		const db = openDb(dbPath);
		loadDefinition(db, 'data');
		let peak = process.memoryUsage().rss;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
		const t0 = performance.now();
		await importFile(db, 'responses', `${dir}/responses.csv`);
		const importMs = performance.now() - t0;
		clearInterval(sampler);
		const raw = await rawLimits(`${dir}/responses.csv`);
		const t1 = performance.now();
		analyseDatabase(db);
		const analyseMs = performance.now() - t1;
		db.pragma('wal_checkpoint(TRUNCATE)');
		db.close();
		const size = statSync(dbPath).size / 2 ** 20;
		const { server, get } = await startServer(dbPath);
		let worst = { route: '', p95: 0 };
		try {
			for (const route of ROUTES.filter((r) => !r.includes('R0001'))) {
				const times: number[] = [];
				for (let i = 0; i < 12; i++) {
					const t = performance.now();
					const res = await get(route);
					await res.arrayBuffer();
					times.push(performance.now() - t);
				}
				const p95 = percentile(times.slice(2), 95);
				if (p95 > worst.p95) worst = { route, p95 };
			}
		} finally {
			server.kill();
		}
		const rowsPerSec = respondents / (importMs / 1000);
		console.log(
			`  ${String(answers).padStart(9)} ${String(respondents).padStart(11)} ${rowsPerSec.toFixed(0).padStart(13)} ${`${((100 * raw.parseMs) / importMs).toFixed(0)}%`.padStart(12)} ${`${((100 * (raw.parseMs + raw.insertMs)) / importMs).toFixed(0)}%`.padStart(13)} ${(peak / 2 ** 20).toFixed(0).padStart(8)} ${(answers / (analyseMs / 1000)).toFixed(0).padStart(13)} ${size.toFixed(0).padStart(7)} ${`${worst.p95.toFixed(0)} ms`.padStart(9)} ${worst.route}`
		);
	}
}

async function main() {
	const which = process.argv[2] ?? 'all';
	console.log(`consult-lens benchmarks on ${machine()}`);
	if (!['analyse', 'pages', 'load', 'scale', 'all'].includes(which)) {
		console.error(`unknown benchmark "${which}"; use analyse, pages, load, scale or all`);
		process.exit(1);
	}
	if (which === 'analyse' || which === 'all') await benchAnalyse();
	if (which === 'pages' || which === 'all') await benchPages();
	if (which === 'load' || which === 'all') await benchLoad(50, Number(process.env.LOAD_SECONDS ?? 30));
	// The 1M-answer row takes minutes; it runs only when asked for (--million).
	if (which === 'scale' || which === 'all') await benchScale(process.argv.includes('--million') ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});

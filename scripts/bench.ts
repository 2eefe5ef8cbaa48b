// `npm run bench -- <analyse|pages|load|scale|import|review|pages-at|all>`: performance measured on this machine, printed as a
// table.
// Not a test: numbers vary by machine; README records what they were where they were measured.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
import { analyseDatabase, analyseDatabaseParallel, loadPipelineInput } from '../src/lib/server/analyse';
import { openDb } from '../src/lib/server/db/client';
import { createUser } from '../src/lib/server/auth';
import { progress, saveDecision } from '../src/lib/server/db/review';
import { themeCounts } from '../src/lib/server/facts';
import { buildFilter } from '../src/lib/server/filters';

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
	'/?theme=consent',
	'/?question=q5&answer=No&body=RCN',
	'/questions',
	'/questions/q5',
	'/questions/q5?sector=health',
	'/questions/q5?body=BASW',
	'/themes',
	'/themes?question=q7',
	'/themes/consent',
	'/themes/consent?body=RCN',
	'/responses',
	'/responses?q=consent',
	'/responses?theme=training&stance=oppose',
	'/responses?body=RCN&theme=consent',
	'/responses/R0001',
	'/stakeholders',
	'/stakeholders?theme=consent',
	'/bodies',
	'/bodies/RCN',
	'/events',
	'/children',
	'/campaigns',
	'/campaigns?sector=health&question=q7',
	'/data/heatmap.csv',
	'/responses.csv'
];

/** Builds the app when there is no build or the source has changed since (timing a stale build would mislead). */
function ensureBuild() {
	const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
	const newest = Math.max(
		...['svelte.config.js', 'vite.config.ts', 'package-lock.json'].map((f) => statSync(f).mtimeMs),
		...readdirSync('src', { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs)
	);
	if (newest > built) {
		const r = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 2, 2] }); // the build's log to stderr, the table alone to stdout
		if (r.status !== 0) throw new Error('vite build failed');
	}
}

/** Starts the built server on a free loopback port with a bench account, and returns a signed-in fetch. */
async function startServer(db: string, env: Record<string, string> = {}) {
	ensureBuild();
	const handle = openDb(db);
	await createUser(handle, 'bench', 'bench-password-not-secret', 'analyst');
	handle.close();
	const port = 4300 + Math.floor(Math.random() * 500);
	const base = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, ['scripts/serve.js'], { env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port), CONSULT_DB: db }, stdio: 'ignore' });
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
async function rawLimits(file: string): Promise<{ parseMs: number; insertMs: number }> {
	const t0 = performance.now();
	await new Promise<void>((resolve, reject) =>
		Papa.parse(createReadStream(file) as unknown as File, { header: false, step: () => {}, complete: () => resolve(), error: reject })
	);
	const parseMs = performance.now() - t0;
	const db = new Database(':memory:');
	db.exec('CREATE TABLE a (rid TEXT, q TEXT, choice TEXT, text TEXT)');
	const insert = db.prepare('INSERT INTO a VALUES (?, ?, ?, ?)');
	const all: string[][] = [];
	await new Promise<void>((resolve, reject) =>
		Papa.parse<string[]>(createReadStream(file) as unknown as File, { header: false, step: (r) => void all.push(r.data), complete: () => resolve(), error: reject })
	);
	const header = all[0] ?? [];
	const questions = header.filter((h) => /^q\d+$/.test(h) || /^q\d+_text$/.test(h)).map((h) => h.replace(/_text$/, ''));
	const columns = [...new Set(questions)].map((q) => [header.indexOf(q), header.indexOf(`${q}_text`)]);
	const t1 = performance.now();
	db.transaction(() => {
		for (const r of all.slice(1)) for (const [c, t] of columns) insert.run(r[0], 'q', c >= 0 ? r[c] : null, t >= 0 ? r[t] : null);
	})();
	const insertMs = performance.now() - t1;
	db.close();
	return { parseMs, insertMs };
}

interface ScaleRun {
	label: string;
	respondents: number;
	answers: number;
	importMs: number;
	importPeakMb: number;
	rawParseMs: number;
	rawInsertMs: number;
	analyseMs: number;
	analysePeakMb: number;
	rawStemPerSec: number;
	dbMb: number;
	firstRespondent: string;
}

/** Peak resident memory of this process (all its threads) while `work` runs. */
async function peakDuring<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number; ms: number }> {
	let peak = process.memoryUsage().rss;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
	const t = performance.now();
	try {
		const value = await work();
		return { value, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20, ms: performance.now() - t };
	} finally {
		clearInterval(sampler);
	}
}

/** One size, in a process of its own (run as `bench scale-one DIR LABEL`), so memory readings are its alone. */
/** A new database at `dbPath` with the consultation's definition, and `dir`'s responses imported into it, timed. */
async function importFresh(dbPath: string, dir: string) {
	for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
	const db = openDb(dbPath);
	loadDefinition(db, 'data');
	return { db, imported: await peakDuring(() => importFile(db, 'responses', `${dir}/responses.csv`)) };
}

async function scaleOne(dir: string, label: string) {
	const dbPath = `tmp/bench-scale-${label}.db`;
	const { db, imported } = await importFresh(dbPath, dir);
	for (const [kind, name] of [['events', 'events.csv'], ['event-feedback', 'event_feedback.csv'], ['cyp', 'cyp_feedback.csv']] as const) {
		if (existsSync(`${dir}/${name}`)) await importFile(db, kind, `${dir}/${name}`);
	}
	const raw = await rawLimits(`${dir}/responses.csv`);
	// Raw text limit: natural's tokenizer and stemmer alone over (up to 100,000 of) the same answers.
	const texts = (db.prepare("SELECT text FROM answer WHERE trim(coalesce(text, '')) <> '' LIMIT 100000").pluck().all() as string[]);
	const tokenizer = new WordTokenizer();
	const s0 = performance.now();
	for (const t of texts) for (const w of tokenizer.tokenize(t)) PorterStemmer.stem(w);
	const rawStemPerSec = texts.length / ((performance.now() - s0) / 1000);
	const analysed = await peakDuring(() => analyseDatabaseParallel(db));
	const answers = db.prepare('SELECT count(*) FROM answer').pluck().get() as number;
	const firstRespondent = db.prepare('SELECT response_id FROM respondent ORDER BY id LIMIT 1').pluck().get() as string;
	db.pragma('wal_checkpoint(TRUNCATE)');
	db.close();
	const run: ScaleRun = {
		label,
		respondents: imported.value.rows,
		answers,
		importMs: imported.ms,
		importPeakMb: imported.peakMb,
		rawParseMs: raw.parseMs,
		rawInsertMs: raw.insertMs,
		analyseMs: analysed.ms,
		analysePeakMb: analysed.peakMb,
		rawStemPerSec,
		dbMb: statSync(dbPath).size / 2 ** 20,
		firstRespondent
	};
	process.stdout.write(JSON.stringify(run) + '\n');
}

const SCALE_ROUTES = (respondent: string) => [
	...ROUTES.filter((r) => !r.startsWith('/responses/') && r !== '/responses.csv'),
	`/responses/${respondent}`,
	'/review',
	'/review/q7',
	'/report'
];

/** Page times on one database: every route `n` times with the result cache off (each as if first asked), then on. */
async function pageTimes(dbPath: string, routes: string[], n: number): Promise<Map<string, { cold: number; warm: number }>> {
	const out = new Map<string, { cold: number; warm: number }>();
	for (const cache of ['off', 'on'] as const) {
		const { server, get } = await startServer(dbPath, { CONSULT_RESULT_CACHE: cache });
		try {
			for (const route of routes) {
				const times: number[] = [];
				for (let i = 0; i < n + 1; i++) {
					const t = performance.now();
					const res = await get(route);
					await res.arrayBuffer();
					if (!res.ok) throw new Error(`${route}: HTTP ${res.status}`);
					times.push(performance.now() - t);
				}
				const p95 = percentile(times.slice(1), 95);
				const entry = out.get(route) ?? { cold: 0, warm: 0 };
				if (cache === 'off') entry.cold = p95;
				else entry.warm = p95;
				out.set(route, entry);
			}
		} finally {
			server.kill();
		}
	}
	return out;
}

/**
 * The scale table's page times on a database already built (by default the 1M one `scale --million` leaves), without
 * building it again: p95 per route, nothing cached and with the result cache, after a page change.
 */
async function benchPagesAt(dbPath: string) {
	if (!existsSync(dbPath)) throw new Error(`${dbPath} not found: run "npm run bench -- scale --million" first, or name a database`);
	ensureBuild();
	const db = openDb(dbPath, { readonly: true });
	const answers = db.prepare('SELECT count(*) FROM answer').pluck().get() as number;
	const first = db.prepare('SELECT response_id FROM respondent ORDER BY id LIMIT 1').pluck().get() as string;
	db.close();
	const times = await pageTimes(dbPath, SCALE_ROUTES(first), answers > 500_000 ? 5 : 12);
	console.log(`
pages on ${dbPath} (${answers.toLocaleString('en-GB')} answers): p95 ms, nothing cached / result cache on`);
	for (const [route, t] of times) console.log(`  ${route.padEnd(56)} ${t.cold.toFixed(0).padStart(6)} ${t.warm.toFixed(0).padStart(6)}`);
	const worst = [...times].sort((a, b) => b[1].cold - a[1].cold)[0];
	console.log(`  worst, nothing cached: ${worst[0]} ${worst[1].cold.toFixed(0)} ms`);
}

/** Import, analyse and page speed at several sizes, with the raw limits beside them, printed as one table. */
async function benchScale(million: boolean) {
	const sizes: { label: string; respondents: number | null }[] = [
		{ label: 'bundled', respondents: null },
		{ label: '10k', respondents: 1_540 },
		{ label: '100k', respondents: 15_385 },
		...(million ? [{ label: '1M', respondents: 153_846 }] : [])
	];
	ensureBuild();
	const runs: { run: ScaleRun; pages: Map<string, { cold: number; warm: number }> }[] = [];
	for (const size of sizes) {
		let dir = 'data';
		if (size.respondents) {
			dir = `tmp/scale-${size.label}`;
			await generate({ respondents: size.respondents, seed: 11, out: dir });
		}
		const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], 'scale-one', dir, size.label], { encoding: 'utf8', maxBuffer: 1 << 24 });
		if (child.status !== 0) throw new Error(`scale run ${size.label} failed:\n${child.stderr}`);
		const run = JSON.parse(child.stdout.trim().split('\n').pop()!) as ScaleRun;
		const requests = run.answers > 500_000 ? 5 : 12;
		runs.push({ run, pages: await pageTimes(`tmp/bench-scale-${size.label}.db`, SCALE_ROUTES(run.firstRespondent), requests) });
		process.stderr.write(`  measured ${size.label}\n`);
	}
	const cols = runs.map((r) => r.run.label);
	const rows: [string, ...string[]][] = [];
	const row = (name: string, f: (r: (typeof runs)[number]) => string) => rows.push([name, ...runs.map(f)]);
	const n = (x: number) => Math.round(x).toLocaleString('en-GB');
	const pc = (x: number) => `${Math.round(100 * x)}%`;
	row('respondents', (r) => n(r.run.respondents));
	row('answers', (r) => n(r.run.answers));
	row('import: respondents per second', (r) => n(r.run.respondents / (r.run.importMs / 1000)));
	row('import: answers per second', (r) => n(r.run.answers / (r.run.importMs / 1000)));
	row('import: share of raw parse + insert limit', (r) => pc((r.run.rawParseMs + r.run.rawInsertMs) / r.run.importMs));
	row('import: peak memory (MB)', (r) => n(r.run.importPeakMb));
	row('analyse: answers per second (all stages, stored)', (r) => n(r.run.answers / (r.run.analyseMs / 1000)));
	row('analyse: share of raw natural tokenise + stem', (r) => pc(r.run.answers / (r.run.analyseMs / 1000) / r.run.rawStemPerSec));
	row('analyse: peak memory (MB)', (r) => n(r.run.analysePeakMb));
	row('database size (MB)', (r) => n(r.run.dbMb));
	row('database MB per million answers', (r) => n((r.run.dbMb * 1e6) / r.run.answers));
	const routes = [...runs[runs.length - 1].pages.keys()];
	const worst = (r: (typeof runs)[number], k: 'cold' | 'warm') => Math.max(...[...r.pages.values()].map((p) => p[k]));
	row('worst page p95, uncached (ms)', (r) => n(worst(r, 'cold')));
	row('worst page p95, cached (ms)', (r) => n(worst(r, 'warm')));
	for (const route of routes) {
		const label = route.startsWith('/responses/') && !route.includes('?') ? '/responses/<id>' : route;
		row(`p95 ms uncached / cached: ${label}`, (r) => {
			const p = [...r.pages].find(([k]) => (label === '/responses/<id>' ? k.startsWith('/responses/') && !k.includes('?') : k === route))?.[1];
			return p ? `${n(p.cold)} / ${n(p.warm)}` : '';
		});
	}
	const width = Math.max(...rows.map((r) => r[0].length));
	console.log(`\nscale (bundled data, then synthetic consultations from \`consult generate\`; one run each, measured together)`);
	console.log(`  ${'measure'.padEnd(width)} ${cols.map((c) => c.padStart(13)).join(' ')}`);
	for (const [name, ...values] of rows) console.log(`  ${name.padEnd(width)} ${values.map((v) => v.padStart(13)).join(' ')}`);
}

/** The import target as the issue states it: 250,000 respondents (`--respondents N` to choose), in a process of its
 * own so that its peak memory is the import's alone, with the raw limits measured on the same file. */
async function benchImport(respondents: number) {
	const dir = `tmp/import-${respondents}`;
	const generated = await generate({ respondents, seed: 11, out: dir });
	const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], 'import-one', dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
	if (child.status !== 0) throw new Error(`import run failed:\n${child.stderr}`);
	const run = JSON.parse(child.stdout.trim().split('\n').pop()!) as { rows: number; ms: number; peakMb: number; parseMs: number; insertMs: number };
	const n = (x: number) => Math.round(x).toLocaleString('en-GB');
	console.log(`\nimport (${n(run.rows)} respondents, ${n(generated.answers)} answers, responses.csv ${n(statSync(`${dir}/responses.csv`).size / 2 ** 20)} MB)`);
	console.log(`  time                                  ${(run.ms / 1000).toFixed(1).padStart(8)} s      (target: under 20 s)`);
	console.log(`  respondents per second                ${n(run.rows / (run.ms / 1000)).padStart(8)}`);
	console.log(`  peak memory                           ${n(run.peakMb).padStart(8)} MB     (target: under 500 MB)`);
	console.log(`  raw limit: papaparse alone            ${(run.parseMs / 1000).toFixed(1).padStart(8)} s`);
	console.log(`  raw limit: better-sqlite3 inserts     ${(run.insertMs / 1000).toFixed(1).padStart(8)} s`);
	console.log(`  share of the raw limit                ${`${Math.round((100 * (run.parseMs + run.insertMs)) / run.ms)}%`.padStart(8)}        (aim: a third)`);
}

async function importOne(dir: string) {
	const { db, imported } = await importFresh('tmp/bench-import.db', dir);
	db.close();
	const raw = await rawLimits(`${dir}/responses.csv`);
	process.stdout.write(JSON.stringify({ rows: imported.value.rows, ms: imported.ms, peakMb: imported.peakMb, parseMs: raw.parseMs, insertMs: raw.insertMs }) + '\n');
}

/**
 * The counts pages read after an analyst's review decision, on a copy of DB (default: the 1M benchmark database
 * that `scale --million` leaves): the first read of every count, then each of 10 decisions followed by the review
 * progress and the theme counts, as the next page asks for them.
 */
async function benchReview(source: string) {
	if (!existsSync(source)) throw new Error(`${source} not found: run "npm run bench -- scale --million" first, or name a database`);
	const path = 'tmp/bench-review.db';
	for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
	const from = openDb(source, { readonly: true });
	await from.backup(path);
	from.close();
	const db = openDb(path);
	try {
		const analyst = await createUser(db, 'bench-reviewer', 'bench reviewer password 1', 'analyst');
		const all = buildFilter(db, new URLSearchParams(''));
		let t = performance.now();
		themeCounts(db, all);
		const first = performance.now() - t;
		const ids = db.prepare("SELECT answer_id FROM theme_hit WHERE theme_id = 'consent' ORDER BY answer_id LIMIT 10").pluck().all() as number[];
		const decide: number[] = [];
		const next: number[] = [];
		for (const id of ids) {
			t = performance.now();
			saveDecision(db, analyst, id, { themes: { consent: 'reject', training: 'accept' }, stance: 'oppose', sector: null, campaign: false });
			decide.push(performance.now() - t);
			t = performance.now();
			progress(db);
			themeCounts(db, all);
			next.push(performance.now() - t);
		}
		const answers = db.prepare('SELECT count(*) FROM answer').pluck().get() as number;
		console.log(`\nreview (${answers.toLocaleString('en-GB')} answers, ${ids.length} decisions)`);
		console.log(`  first read of the counts                     ${first.toFixed(0).padStart(7)} ms`);
		console.log(`  a decision, stored (p95)                     ${percentile(decide, 95).toFixed(0).padStart(7)} ms`);
		console.log(`  the counts the next page reads (p95)         ${percentile(next, 95).toFixed(0).padStart(7)} ms`);
	} finally {
		db.close();
	}
}

async function main() {
	const which = process.argv[2] ?? 'all';
	console.log(`consult-lens benchmarks on ${machine()}`);
	if (which === 'scale-one') return scaleOne(process.argv[3], process.argv[4]);
	if (which === 'review') return benchReview(process.argv[3] ?? 'tmp/bench-scale-1M.db');
	if (which === 'pages-at') return benchPagesAt(process.argv[3] ?? 'tmp/bench-scale-1M.db');
	if (which === 'import-one') return importOne(process.argv[3]);
	if (which === 'import') {
		const at = process.argv.indexOf('--respondents');
		return benchImport(at > 0 ? Number(process.argv[at + 1]) : 250_000);
	}
	if (!['analyse', 'pages', 'load', 'scale', 'all'].includes(which)) {
		console.error(`unknown benchmark "${which}"; use analyse, pages, load, scale, import, review, pages-at or all`);
		process.exit(1);
	}
	if (which === 'analyse' || which === 'all') await benchAnalyse();
	if (which === 'pages' || which === 'all') await benchPages();
	if (which === 'load' || which === 'all') await benchLoad(50, Number(process.env.LOAD_SECONDS ?? 30));
	// The 1M-answer row takes minutes; it runs only when asked for (--million).
	if (which === 'scale' || which === 'all') await benchScale(process.argv.includes('--million'));
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});

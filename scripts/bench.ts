// `npm run bench -- <analyse|pages|all>`: performance measured on this machine, printed as a table.
// Not a test: numbers vary by machine; README records what they were where they were measured.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/index.js';
import { runPipeline } from '../src/lib/analysis/pipeline';
import { buildDatabase } from '../src/lib/import/bundle';
import { analyseDatabase, loadPipelineInput } from '../src/lib/server/analyse';
import { openDb } from '../src/lib/server/db/client';

const DB = 'tmp/bench.db';

function machine(): string {
	const c = cpus();
	return `${c.length} × ${c[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

async function ensureDb() {
	mkdirSync('tmp', { recursive: true });
	await buildDatabase('data', DB, { analyse: (db) => analyseDatabase(db) });
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

async function benchPages() {
	await ensureDb();
	if (!existsSync('build/index.js')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	const port = 4300 + Math.floor(Math.random() * 500);
	const server = spawn(process.execPath, ['build/index.js'], { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), CONSULT_DB: DB, ORIGIN: `http://127.0.0.1:${port}` }, stdio: 'ignore' });
	try {
		const base = `http://127.0.0.1:${port}`;
		for (let i = 0; i < 100; i++) {
			try {
				if ((await fetch(base + '/')).ok) break;
			} catch {
				/* not up yet */
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		console.log(`\npages (server-rendered HTML on the bundled data; 30 sequential requests each after 3 warm-up)`);
		console.log(`  ${'route'.padEnd(56)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)}`);
		for (const route of ROUTES) {
			for (let i = 0; i < 3; i++) await (await fetch(base + route)).text();
			const times: number[] = [];
			for (let i = 0; i < 30; i++) {
				const t = performance.now();
				const res = await fetch(base + route);
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

async function main() {
	const which = process.argv[2] ?? 'all';
	console.log(`consult-lens benchmarks on ${machine()}`);
	if (which === 'analyse' || which === 'all') await benchAnalyse();
	if (which === 'pages' || which === 'all') await benchPages();
	if (!['analyse', 'pages', 'all'].includes(which)) {
		console.error(`unknown benchmark "${which}"; use analyse, pages or all`);
		process.exit(1);
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});

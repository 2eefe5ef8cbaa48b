// The one command-line entry: `npm run consult -- <command>`. Parses arguments, calls src/lib, reports on stderr.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createInterface } from 'node:readline';
import { createUser, disableUser, ROLES, type Role } from '../src/lib/server/auth';
import { ImportFailed } from '../src/lib/import/errors';
import { hasDefinition, loadDefinition } from '../src/lib/import/definition';
import { IMPORT_KINDS, type ImportKind } from '../src/lib/import/kinds';
import { importFile } from '../src/lib/import/run';
import { buildDatabase } from '../src/lib/import/bundle';
import { generate } from '../src/lib/import/generate';
import type { Encoding } from '../src/lib/import/csv';
import { openDb, resolveDbPath } from '../src/lib/server/db/client';
import { answersByQuestion, respondentsBySector, tableCounts, unanalysedAnswersSql, unanalysedComments } from '../src/lib/server/db/stats';
import { ANSWER_EXPORT_COLUMNS, answerExportRows, QUOTE_EXPORT_COLUMNS, quoteExportRows } from '../src/lib/server/db/exports';
import { analyseDatabaseParallel, goldDirOf } from '../src/lib/server/analyse';
import { anyWaiting, waitingSentence } from '../src/lib/waiting';
import { formatTimings, Timings } from '../src/lib/server/timings';
import { evaluate, formatEvaluation } from '../src/lib/server/evaluate';
import { reportData } from '../src/lib/server/report/data';
import { reportDocx } from '../src/lib/server/report/docx';
import { toCsv } from '../src/lib/csv-safe';
import { CODE_DIRS } from './paths';
import { flag, parseArgs, type Args } from './args';

const HELP = `consult-lens command line

Usage: npm run consult -- <command> [options]

Commands:
  import <kind> <file.csv> [--db PATH] [--dry-run] [--encoding ENC]
        Import one CSV file in one transaction. <kind> is one of: ${IMPORT_KINDS.join(', ')}.
        Every problem is reported with file, line and column; on any problem nothing is stored.
        Re-importing the same file changes nothing; a corrected file updates rows by their id.
        --dry-run checks the file and reports what would change without storing anything.
        --encoding utf-8 (default, a BOM is accepted), windows-1252, utf-16le or utf-16be.
  init [--data DIR] [--db PATH]
        Load (or reload) the consultation definition: consultation.json, codeframe.json, organisations.csv.
        import does this from data/ by itself when the database has none.
  analyse [--db PATH] [--workers N] [--timings]
        Run the text pipeline and rebuild the derived tables (themes, stance, sectors, redaction, ...).
        From 20,000 answers the per-answer stages run on one thread per core (--workers N to choose; 1 for none).
        --timings prints the time each phase took (also kept with the run in analysis_run.summary_json).
  export answers --format csv [--out FILE] [--db PATH]
        One row per non-blank free-text answer:
        ${ANSWER_EXPORT_COLUMNS.join(',')}
  export quotes --format csv [--out FILE] [--db PATH]
        The selected quotes for each theme and sector (${QUOTE_EXPORT_COLUMNS.join(',')}):
        redacted, and never from a respondent who asked for confidentiality.
  stats [--db PATH]
        Counts by table, by sector and by question.
  eval [--folds 5] [--db PATH] [--gold DIR] [--holdout FILE]
        Cross-validated per-theme precision, recall and F1 (micro and macro) on the labelled answers in
        data/gold, sector-inference accuracy on respondents whose sector is known (hidden), and, when given,
        scores on an independently written hold-out set. Writes reports/eval.json.
  report --format docx --out FILE [--db PATH]
        The summary of responses as a Word document (the same as Report > Download in the app).
  backup FILE [--db PATH]
        Copy the database with SQLite's online backup: safe while the app is running.
  restore FILE [--db PATH]
        Replace the database with a backup, after checking the backup's integrity. Stop the app first.
  generate --respondents N [--seed S] --out DIR
        Write a deterministic synthetic consultation (responses, events, feedback, children's comments) in the
        import formats, for benchmarks only.
  user add NAME --role viewer|analyst|admin [--db PATH]
        Create an account, or reset its password and role. The password is read from a prompt, or from
        standard input when it is not a terminal (at least 12 characters). Saving a new password ends the
        account's sessions.
  user disable NAME [--db PATH]
        Stop an account signing in and end its sessions (user add with the same name enables it again).
  build-db [--data DIR] [--db PATH] [--force]
        Build the database from a consultation folder (what npm start does); skipped when nothing changed.

--db falls back to the CONSULT_DB environment variable, then data/consultation.db.
`;

function fail(message: string): never {
	process.stderr.write(`${message}\n`);
	process.exit(1);
}

function dbFor(args: Args) {
	return openDb(resolveDbPath(flag(args, 'db')));
}

async function cmdImport(args: Args) {
	const [, kind, file] = args.positionals;
	if (!kind || !file) fail(`usage: import <${IMPORT_KINDS.join('|')}> <file.csv> [--db PATH] [--dry-run]`);
	if (!IMPORT_KINDS.includes(kind as ImportKind)) fail(`unknown import kind "${kind}"; expected one of: ${IMPORT_KINDS.join(', ')}`);
	const db = dbFor(args);
	try {
		if (!hasDefinition(db)) loadDefinition(db, flag(args, 'data') ?? 'data');
		const report = await importFile(db, kind as ImportKind, file, {
			dryRun: args.flags.has('dry-run'),
			encoding: (flag(args, 'encoding') as Encoding | undefined) ?? 'auto'
		});
		if (report.alreadyImported) {
			process.stderr.write(`${file}: already imported (same content); nothing changed.\n`);
		} else {
			const verb = report.dryRun ? 'would be' : 'were';
			process.stderr.write(
				`${file}: ${report.rows} rows read; ${report.added} ${verb} added, ${report.updated} updated, ${report.unchanged} unchanged.${report.dryRun ? ' (dry run: nothing stored)' : ''}\n`
			);
		}
		// Pages say so too, while it lasts.
		const waiting = { answers: unanalysedAnswersSql(db), comments: unanalysedComments(db) };
		if (!report.dryRun && anyWaiting(waiting)) process.stderr.write(`${waitingSentence(waiting, "the dashboard's pages")} Run: npm run consult -- analyse\n`);
	} finally {
		db.close();
	}
}

function cmdStats(args: Args) {
	const db = dbFor(args);
	try {
		const out: string[] = ['Table counts'];
		for (const t of tableCounts(db)) out.push(`  ${t.table.padEnd(16)} ${String(t.rows).padStart(8)}`);
		out.push('', 'Respondents by sector (inferred in brackets)');
		for (const s of respondentsBySector(db)) out.push(`  ${s.label.padEnd(36)} ${String(s.respondents).padStart(5)}  (${s.inferred})`);
		out.push('', 'Answers by question (with free text)');
		for (const q of answersByQuestion(db)) out.push(`  ${q.question.padEnd(4)} ${q.text.padEnd(44)} ${String(q.answered).padStart(5)}  (${q.withText})`);
		process.stdout.write(out.join('\n') + '\n');
	} finally {
		db.close();
	}
}

function cmdExport(args: Args) {
	const what = args.positionals[1];
	const format = flag(args, 'format') ?? 'csv';
	if (format !== 'csv') fail(`unknown format "${format}"; only csv is supported`);
	const db = dbFor(args);
	try {
		let csv: string;
		if (what === 'answers') csv = toCsv([...ANSWER_EXPORT_COLUMNS], answerExportRows(db));
		else if (what === 'quotes') csv = toCsv([...QUOTE_EXPORT_COLUMNS], quoteExportRows(db));
		else fail(`usage: export answers|quotes --format csv [--out FILE]`);
		const out = flag(args, 'out');
		if (out) {
			writeFileSync(out, csv + '\r\n');
			process.stderr.write(`wrote ${out}\n`);
		} else {
			process.stdout.write(csv + '\r\n');
		}
	} finally {
		db.close();
	}
}

async function cmdAnalyse(args: Args) {
	const db = dbFor(args);
	try {
		const started = performance.now();
		const workers = flag(args, 'workers');
		if (workers !== undefined && !(Number.isInteger(Number(workers)) && Number(workers) >= 1)) fail('--workers must be a whole number, 1 or more');
		const timings = args.flags.has('timings') ? new Timings() : undefined;
		const summary = await analyseDatabaseParallel(db, { ...(workers ? { workers: Number(workers) } : {}), timings });
		process.stderr.write(`${summary}\nanalysed in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
		if (timings) process.stderr.write(`where the time went:\n${formatTimings(timings.phases())}\n`);
	} finally {
		db.close();
	}
}

async function cmdBackup(args: Args) {
	const target = args.positionals[1];
	if (!target) fail('usage: backup FILE [--db PATH]');
	if (existsSync(target)) fail(`${target} already exists; choose a new file name`);
	const db = dbFor(args);
	try {
		await db.backup(target);
		process.stderr.write(`backed up ${resolveDbPath(flag(args, 'db'))} to ${target}\n`);
	} finally {
		db.close();
	}
}

function cmdRestore(args: Args) {
	const source = args.positionals[1];
	if (!source || !existsSync(source)) fail('usage: restore FILE [--db PATH] (FILE must be a backup made with "backup")');
	const check = new Database(source, { readonly: true, fileMustExist: true });
	try {
		const result = check.pragma('integrity_check', { simple: true });
		if (result !== 'ok') fail(`${source} failed SQLite's integrity check (${String(result)}); not restored`);
		if (!check.prepare("SELECT 1 FROM sqlite_master WHERE name = 'respondent'").get()) fail(`${source} is not a consult-lens database; not restored`);
	} finally {
		check.close();
	}
	const target = resolveDbPath(flag(args, 'db'));
	const tmp = `${target}.restore-${process.pid}`;
	copyFileSync(source, tmp);
	for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
	renameSync(tmp, target);
	process.stderr.write(`restored ${target} from ${source}\n`);
}

async function cmdReport(args: Args) {
	const format = flag(args, 'format') ?? 'docx';
	const out = flag(args, 'out');
	if (format !== 'docx') fail('--format must be docx (the print-ready HTML version is at /report/print in the app)');
	if (!out) fail('usage: report --format docx --out FILE');
	const db = dbFor(args);
	try {
		const data = reportData(db);
		writeFileSync(out, await reportDocx(data));
		process.stderr.write(`wrote ${out}\n`);
		// What a reader of the published summary would want an official to know first.
		const empty = data.questions.filter((q) => !q.findingsBlocks.length).map((q) => q.id.toUpperCase());
		if (data.method.reviewed === 0) process.stderr.write(`note: no analyst has reviewed the themes; the report says its theme counts are the pipeline's alone\n`);
		const missing = [...(data.summary.length ? [] : ['the summary of the main findings']), ...(empty.length ? [`key findings for ${empty.join(', ')}`] : []), ...(data.nextSteps.length ? [] : ['next steps'])];
		if (missing.length) process.stderr.write(`note: not yet written (on the Report page): ${missing.join('; ')}\n`);
	} finally {
		db.close();
	}
}

async function readPassword(): Promise<string> {
	if (!process.stdin.isTTY) {
		const chunks: Buffer[] = [];
		for await (const c of process.stdin) chunks.push(c as Buffer);
		return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
	}
	const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
	// Hide what is typed: echo nothing while the password is entered.
	const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
	out._writeToOutput = (s: string) => {
		if (s.includes('Password')) out.output.write(s);
	};
	const answer = await new Promise<string>((resolve) => rl.question('Password (at least 12 characters): ', resolve));
	rl.close();
	process.stderr.write('\n');
	return answer;
}

async function cmdUser(args: Args) {
	const [, action, name] = args.positionals;
	const role = flag(args, 'role') ?? 'viewer';
	if (action === 'disable' && name) {
		const db = dbFor(args);
		try {
			if (!disableUser(db, name)) fail(`there is no user ${name}`);
			process.stderr.write(`disabled user ${name} and ended their sessions\n`);
		} finally {
			db.close();
		}
		return;
	}
	if (action !== 'add' || !name) fail('usage: user add NAME --role viewer|analyst|admin, or user disable NAME');
	if (!ROLES.includes(role as Role)) fail(`--role must be one of: ${ROLES.join(', ')}`);
	const password = await readPassword();
	const db = dbFor(args);
	try {
		const user = await createUser(db, name, password, role as Role);
		process.stderr.write(`saved user ${user.username} with role ${user.role}\n`);
	} catch (e) {
		fail((e as Error).message);
	} finally {
		db.close();
	}
}

async function cmdEval(args: Args) {
	const k = Number(flag(args, 'folds') ?? 5);
	if (!Number.isInteger(k) || k < 2) fail('--folds must be a whole number of at least 2');
	const db = dbFor(args);
	try {
		const data = flag(args, 'data') ?? 'data';
		if (!hasDefinition(db)) loadDefinition(db, data);
		// Sector inference is measured on the respondents: a database without any gets the bundled ones.
		if (db.prepare('SELECT count(*) FROM respondent').pluck().get() === 0 && existsSync(`${data}/responses.csv`)) {
			await importFile(db, 'responses', `${data}/responses.csv`);
		}
		const report = evaluate(db, { folds: k, goldDir: flag(args, 'gold') ?? goldDirOf(db), holdout: flag(args, 'holdout') });
		mkdirSync('reports', { recursive: true });
		writeFileSync('reports/eval.json', JSON.stringify(report, null, 2) + '\n');
		process.stdout.write(formatEvaluation(report) + '\nwrote reports/eval.json\n');
	} finally {
		db.close();
	}
}

async function cmdBuild(args: Args) {
	const path = resolveDbPath(flag(args, 'db'));
	const result = await buildDatabase(flag(args, 'data') ?? 'data', path, {
		force: args.flags.has('force'),
		codeDirs: CODE_DIRS,
		analyse: async (db) => void process.stderr.write((await analyseDatabaseParallel(db)) + '\n'),
		log: (line) => process.stderr.write(line + '\n')
	});
	process.stderr.write(result.rebuilt ? `built ${path}\n` : `${path} is up to date\n`);
}

// `... | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code === 'EPIPE') process.exit(0);
	throw e;
});

async function main() {
	const args = parseArgs(process.argv.slice(2), ['dry-run', 'force', 'help', 'timings']);
	const command = args.positionals[0];
	if (!command || args.flags.has('help') || command === 'help') {
		process.stdout.write(HELP);
		return;
	}
	switch (command) {
		case 'import':
			return cmdImport(args);
		case 'init': {
			const db = dbFor(args);
			loadDefinition(db, flag(args, 'data') ?? 'data');
			db.close();
			return;
		}
		case 'analyse':
		case 'analyze':
			return cmdAnalyse(args);
		case 'export':
			return cmdExport(args);
		case 'stats':
			return cmdStats(args);
		case 'build-db':
			return cmdBuild(args);
		case 'eval':
			return cmdEval(args);
		case 'user':
			return cmdUser(args);
		case 'report':
			return cmdReport(args);
		case 'backup':
			return cmdBackup(args);
		case 'generate': {
			const n = Number(flag(args, 'respondents'));
			const out = flag(args, 'out');
			if (!Number.isInteger(n) || n < 1 || !out) fail('usage: generate --respondents N [--seed S] --out DIR');
			const r = await generate({ respondents: n, seed: Number(flag(args, 'seed') ?? 1), out });
			process.stderr.write(`wrote ${r.respondents} respondents (${r.answers} answers) to ${out}\n`);
			return;
		}
		case 'restore':
			return cmdRestore(args);
		default:
			fail(`unknown command "${command}"\n\n${HELP}`);
	}
}

main().catch((e) => {
	if (e instanceof ImportFailed) fail(e.message);
	fail(e instanceof Error ? (e.stack ?? e.message) : String(e));
});

// `consult analyse`: loads what the pipeline needs from SQLite, runs it, and rebuilds the derived tables in one
// transaction. Analysts' manual decisions are never touched, and they join the gold set as training data.
import { personalTerms, type PersonalTerms } from '../analysis/redact';
import type { CodeframeTheme } from '../analysis/codeframe';
import { emptyOutput, fitPipelineTagger, runPipeline, STAGES, type PipelineInput, type PipelineOutput } from '../analysis/pipeline';
import { evidenceJson, type LabelledText, type ModelStore } from '../analysis/themes';
import { readGold } from '../import/gold';
import { defaultWorkers, PARALLEL_FROM, runPipelineParallel } from './parallel';
import { BulkInsert, setAsideSchema } from './db/bulk';
import { relabel, themeAliases } from './db/codeframe';
import { commit, withRollbackJournal, type DB } from './db/client';
import { timedStages, type Timings } from './timings';
import { writeBodies } from './db/bodies';
import { publicRecordNames } from './db/consultation';

export { ownName, writeBodies } from './db/bodies';

/** Models kept: more than one, so that runs from the command line and from the app (whose code differs in form,
 * and so in key) do not push out each other's. */
const MODELS_KEPT = 3;

/** Trained models kept in the database between analyses (`fitTagger`'s store), the newest few. */
export function modelStore(db: DB): ModelStore {
	return {
		read: (key) => (db.prepare('SELECT body FROM trained_model WHERE key = ?').pluck().get(key) as Buffer | undefined) ?? undefined,
		write(key, body) {
			db.prepare('INSERT OR REPLACE INTO trained_model (key, saved_at, body) VALUES (?, ?, ?)').run(key, new Date().toISOString(), body);
			db.prepare('DELETE FROM trained_model WHERE key NOT IN (SELECT key FROM trained_model ORDER BY saved_at DESC, rowid DESC LIMIT ?)').run(MODELS_KEPT);
		}
	};
}

/** Where a database's labelled answers are: the gold folder of the consultation folder it was built from (kept in
 * meta by `build-db` and `npm start`), or `data/gold`. */
export function goldDirOf(db: DB): string {
	return (db.prepare("SELECT value FROM meta WHERE key = 'gold_dir'").pluck().get() as string | undefined) ?? 'data/gold';
}

/** What the tagger is trained from: the codeframe and the labelled answers. */
export function loadTraining(db: DB, goldDir = goldDirOf(db)): Pick<PipelineInput, 'codeframe' | 'labelled'> {
	const codeframe = (db.prepare('SELECT id, label, definition, seeds_json FROM theme ORDER BY position').all() as {
		id: string;
		label: string;
		definition: string;
		seeds_json: string;
	}[]).map((t): CodeframeTheme => {
		const seeds = JSON.parse(t.seeds_json) as { terms?: string[]; phrases?: string[] };
		return { id: t.id, label: t.label, definition: t.definition, terms: seeds.terms ?? [], phrases: seeds.phrases ?? [] };
	});
	return { codeframe, labelled: trainingSet(db, goldDir) };
}

export function loadPipelineInput(db: DB, goldDir = goldDirOf(db), training = loadTraining(db, goldDir)): PipelineInput {
	const organisations = db.prepare('SELECT name, abbreviation, sector_id AS sector FROM organisation').all() as PipelineInput['organisations'];
	const rows = db
		.prepare('SELECT id, response_id, sector_given, name, organisation, professional_body, respondent_type, confidential FROM respondent ORDER BY id')
		.all() as { id: number; response_id: string; sector_given: string | null; name: string | null; organisation: string | null; professional_body: string | null; respondent_type: string | null; confidential: number }[];
	// Each respondent's own name and organisation, for redacting their answers; one object shared by their answers.
	const personal = new Map<number, PersonalTerms>();
	for (const r of rows) {
		const terms = personalTerms({ name: r.name, organisation: r.organisation, respondentType: r.respondent_type, confidential: r.confidential === 1 });
		if (terms) personal.set(r.id, terms);
	}
	const respondents = rows.map((r) => ({
		id: r.id,
		responseId: r.response_id,
		sectorGiven: r.sector_given,
		organisation: r.organisation,
		professionalBody: r.professional_body,
		respondentType: r.respondent_type,
		confidential: r.confidential === 1
	}));
	// Each question's options are read once and shared by its answers (read as rows of values: a million answers).
	const options = new Map(
		(db.prepare('SELECT id, options_json FROM question').all() as { id: string; options_json: string }[]).map((q) => [q.id, JSON.parse(q.options_json) as string[]])
	);
	const answers = (db.prepare('SELECT id, respondent_id, question_id, choice, text FROM answer ORDER BY id').raw().all() as [number, number, string, string | null, string | null][]).map(
		([id, respondentId, questionId, choice, text]) => ({ id, respondentId, questionId, options: options.get(questionId)!, choice, text, personal: personal.get(respondentId) })
	);
	const comments = [
		...(db.prepare("SELECT 'event:' || id AS key, comment AS text FROM event_feedback WHERE trim(coalesce(comment, '')) <> ''").all() as PipelineInput['comments']),
		...(db.prepare("SELECT 'cyp:' || id AS key, comment AS text FROM cyp_feedback").all() as PipelineInput['comments'])
	];
	const sectors = db.prepare('SELECT id FROM sector').pluck().all() as string[];
	const publicRecord = publicRecordNames(db);
	const campaignMarks = (
		db
			.prepare(
				`SELECT rv.answer_id AS answerId, a.question_id AS questionId, coalesce(a.text, '') AS text, rv.campaign AS copy
				 FROM answer_review rv JOIN answer a ON a.id = rv.answer_id WHERE rv.campaign IS NOT NULL ORDER BY rv.answer_id`
			)
			.all() as { answerId: number; questionId: string; text: string; copy: number }[]
	).map((m) => ({ ...m, copy: m.copy === 1 }));
	return { ...training, organisations, respondents, answers, comments, sectors, publicRecord, campaignMarks };
}

/** Gold labels, overlaid with analysts' decisions: a manual accept adds a theme, a manual reject removes it. */
export function trainingSet(db: DB, goldDir: string): LabelledText[] {
	// Gold labels written before a theme was merged count for the theme it became.
	const gold = relabel(readGold(goldDir), themeAliases(db));
	const manual = db
		.prepare(
			`SELECT a.id, a.text, group_concat(CASE m.decision WHEN 'accept' THEN m.theme_id END, ';') AS accepted,
				group_concat(CASE m.decision WHEN 'reject' THEN m.theme_id END, ';') AS rejected,
				(SELECT group_concat(theme_id, ';') FROM answer_theme x WHERE x.answer_id = a.id AND x.source = 'auto') AS auto
			 FROM answer_theme m JOIN answer a ON a.id = m.answer_id
			 WHERE m.source = 'manual' GROUP BY a.id`
		)
		.all() as { id: number; text: string; accepted: string | null; rejected: string | null; auto: string | null }[];
	const byText = new Map(gold.map((g) => [g.text.trim(), g as LabelledText]));
	for (const m of manual) {
		if (!m.text?.trim()) continue;
		const split = (s: string | null) => (s ? s.split(';') : []);
		const base = byText.get(m.text.trim())?.themes ?? split(m.auto);
		const themes = new Set(base);
		for (const t of split(m.accepted)) themes.add(t);
		for (const t of split(m.rejected)) themes.delete(t);
		byText.set(m.text.trim(), { text: m.text, themes: [...themes] });
	}
	return [...byText.values()];
}

/**
 * Stores an analysis inside the caller's transaction, in three steps: `startWriting` clears what analyse derives;
 * `answers` stores the per-answer results of some answers (a worker thread's part, as it arrives, or all of them);
 * `finish` stores the rest once every part is in. One path for one thread or several, so both store the same.
 */
function startWriting(db: DB, input: PipelineInput, timings?: Timings) {
	// Every automatic tag and theme_hit (the effective tags) are replaced: their indexes and triggers (which keep
	// theme_hit in step row by row) are set aside and rebuilt once at the end, minutes faster at a million answers.
	const setAside = [
		...setAsideSchema(db, ['answer_theme', 'theme_hit'], ['index', 'trigger']),
		// The review queue's index orders answers by the priority this run rewrites for every answer: made again once.
		...setAsideSchema(db, ['answer'], ['index'], ['answer_review_queue'])
	];
	db.exec(`
		DELETE FROM answer_theme WHERE source = 'auto';
		DELETE FROM comment_theme;
		DELETE FROM quote;
		DELETE FROM emergent_theme;
		DELETE FROM agg_theme_sector;
		DELETE FROM theme_hit;
	`);
	// Each answer's results go to a scratch table in bulk, then into the answers in one statement at the end: far
	// faster than an UPDATE per answer.
	// An answer with nothing to redact is shown as written: its text is not copied through here (same_text).
	db.exec(`DROP TABLE IF EXISTS temp.answer_result;
		CREATE TEMP TABLE answer_result (id INTEGER PRIMARY KEY, stance TEXT, stance_score REAL, stance_cues TEXT,
		text_redacted TEXT, same_text INTEGER, redactions INTEGER, review_priority REAL, review_reason TEXT);`);
	const tags = new BulkInsert(db, 'answer_theme', ['answer_id', 'theme_id', 'source', 'confidence', 'evidence_json']);
	// theme_hit takes each automatic tag as it is stored; finish() puts the analysts' decisions over them.
	const hits = new BulkInsert(db, 'theme_hit', ['answer_id', 'theme_id', 'source', 'confidence', 'respondent_id', 'question_id']);
	const answerOf = new Map(input.answers.map((a) => [a.id, a]));
	const results = new BulkInsert(db, 'temp.answer_result', [
		'id',
		'stance',
		'stance_score',
		'stance_cues',
		'text_redacted',
		'same_text',
		'redactions',
		'review_priority',
		'review_reason'
	]);
	timings?.lap('clear the previous results');
	return {
		/** The per-answer results for the answers `ids` (every answer of the part, with a result or not). */
		answers(ids: number[], out: Pick<PipelineOutput, 'themes' | 'stances' | 'redacted' | 'review'>) {
			for (const id of ids) {
				const a = answerOf.get(id)!;
				for (const t of out.themes.get(id) ?? []) {
					tags.add(id, t.theme, 'auto', t.confidence, evidenceJson(t));
					hits.add(id, t.theme, 'auto', t.confidence, a.respondentId, a.questionId);
				}
				const st = out.stances.get(id);
				const red = out.redacted.get(id);
				const rev = out.review.get(id);
				const found = red?.redactions.length ?? 0;
				results.add(
					id,
					st?.stance ?? null,
					st?.score ?? null,
					st ? JSON.stringify(st.cues) : null,
					found > 0 ? red!.text : null,
					red && found === 0 ? 1 : 0,
					found,
					rev?.priority ?? 0,
					rev?.reason ?? null
				);
			}
		},
		finish(out: PipelineOutput) {
			tags.flush();
			hits.flush();
			results.flush();
			finishWriting(db, input, out, setAside, timings);
		}
	};
}

function finishWriting(db: DB, input: PipelineInput, out: PipelineOutput, setAside: string[], timings?: Timings) {
	const lap = (phase: string) => timings?.lap(phase);
	const ctag = db.prepare('INSERT INTO comment_theme (kind, comment_id, theme_id, confidence) VALUES (?, ?, ?, ?)');
	for (const [key, list] of out.commentThemes) {
		const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
		for (const t of list) ctag.run(kind, id, t.theme, t.confidence);
	}
	lap('store: comments\' themes');
	// Sectors: an analyst's correction wins, then what the respondent gave, then the inference.
	db.prepare('UPDATE respondent SET sector = sector_given, sector_inferred = 0, sector_reason = NULL WHERE sector_given IS NOT NULL').run();
	db.prepare('UPDATE respondent SET sector = NULL, sector_inferred = 0, sector_reason = NULL WHERE sector_given IS NULL').run();
	const sector = db.prepare('UPDATE respondent SET sector = ?, sector_inferred = 1, sector_reason = ? WHERE id = ? AND sector_given IS NULL');
	for (const s of out.sectors) sector.run(s.sector, s.reason, Number(s.id));
	db.prepare("UPDATE respondent SET sector = sector_manual, sector_inferred = 0, sector_reason = 'corrected by an analyst' WHERE sector_manual IS NOT NULL").run();
	lap('store: sectors');
	// A campaign keeps its id from one run to the next while its first answer stays the same, so that a link to it
	// (pasted into a report, say) still leads to it: it is updated in place, and only new campaigns are added. Members
	// go into the answers with the rest of the results; only then are the old campaigns no longer found dropped, by
	// which time no answer refers to them (clearing every member's campaign first, then setting it member by member,
	// rewrote each of those answers twice).
	const old = new Map((db.prepare('SELECT exemplar_answer_id AS exemplar, id FROM campaign').all() as { exemplar: number; id: number }[]).map((c) => [c.exemplar, c.id]));
	// A new campaign takes an id never given before (kept in meta), so that an old link to a campaign that is gone
	// finds nothing rather than an unrelated campaign that took its number.
	let next = Math.max(
		(db.prepare('SELECT coalesce(max(id), 0) FROM campaign').pluck().get() as number) + 1,
		Number(db.prepare("SELECT value FROM meta WHERE key = 'campaign_next_id'").pluck().get() ?? 1)
	);
	const update = db.prepare('UPDATE campaign SET question_id = ?, size = ?, similarity = ?, added = ?, removed = ? WHERE id = ?');
	const insert = db.prepare('INSERT INTO campaign (id, question_id, size, exemplar_answer_id, similarity, added, removed) VALUES (?, ?, ?, ?, ?, ?, ?)');
	db.exec('CREATE TEMP TABLE IF NOT EXISTS campaign_member (id INTEGER PRIMARY KEY, campaign_id INTEGER); DELETE FROM temp.campaign_member;');
	const members = new BulkInsert(db, 'temp.campaign_member', ['id', 'campaign_id']);
	const kept = new Set<number>();
	for (const c of out.campaigns) {
		let id = old.get(c.exemplar);
		if (id !== undefined && !kept.has(id)) update.run(c.questionId, c.members.length, c.similarity, c.added ?? 0, c.removed ?? 0, id);
		else insert.run((id = next++), c.questionId, c.members.length, c.exemplar, c.similarity, c.added ?? 0, c.removed ?? 0);
		kept.add(id);
		for (const m of c.members) members.add(m, id);
	}
	members.flush();
	db.prepare("INSERT INTO meta (key, value) VALUES ('campaign_next_id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(next));
	lap('store: campaigns');
	// An analyst's stance (answer_review) wins over the pipeline's.
	db.exec(`UPDATE answer SET stance = coalesce((SELECT stance FROM answer_review WHERE answer_id = answer.id), r.stance),
			stance_score = r.stance_score, stance_cues = r.stance_cues,
			text_redacted = CASE WHEN r.same_text THEN answer.text ELSE r.text_redacted END, redactions = r.redactions,
			review_priority = r.review_priority, review_reason = r.review_reason,
			campaign_id = (SELECT campaign_id FROM temp.campaign_member m WHERE m.id = answer.id)
		FROM temp.answer_result r WHERE r.id = answer.id;
		DELETE FROM temp.answer_result;
		DELETE FROM temp.campaign_member;`);
	// An answer the run did not see is left in no campaign: dropping the old ones clears it (ON DELETE SET NULL).
	const gone = db.prepare('DELETE FROM campaign WHERE id = ?');
	for (const id of old.values()) if (!kept.has(id)) gone.run(id);
	lap('store: answers\' stance, redacted text and campaign');
	const ev = db.prepare('UPDATE event_feedback SET comment_redacted = ? WHERE id = ?');
	const cy = db.prepare('UPDATE cyp_feedback SET comment_redacted = ? WHERE id = ?');
	for (const [key, text] of out.commentsRedacted) {
		const id = key.slice(key.indexOf(':') + 1);
		(key.startsWith('event:') ? ev : cy).run(text, id);
	}
	lap('store: comments\' redacted text');
	const quote = db.prepare('INSERT INTO quote (theme_id, sector, answer_id, rank, text) VALUES (?, ?, ?, ?, ?)');
	for (const q of out.quotes) quote.run(q.theme, q.sector, q.answerId, q.rank, q.text);
	const emergent = db.prepare('INSERT INTO emergent_theme (label, terms_json, size, examples_json, members_json) VALUES (?, ?, ?, ?, ?)');
	for (const e of out.emergent) emergent.run(e.label, JSON.stringify(e.terms), e.size, JSON.stringify(e.examples), JSON.stringify(e.members));
	lap('store: quotes and emergent themes');
	// As answer_theme_effective: an analyst's decision replaces the automatic tag; an accepted theme counts.
	db.exec(`DELETE FROM theme_hit WHERE (answer_id, theme_id) IN (SELECT answer_id, theme_id FROM answer_theme WHERE source = 'manual');
		INSERT INTO theme_hit (answer_id, theme_id, source, confidence, respondent_id, question_id)
			SELECT m.answer_id, m.theme_id, 'manual', m.confidence, a.respondent_id, a.question_id
			FROM answer_theme m JOIN answer a ON a.id = m.answer_id WHERE m.source = 'manual' AND m.decision = 'accept';`);
	lap('store: analysts\' decisions over the tags');
	for (const sql of setAside) db.exec(sql);
	lap('rebuild the tag tables\' indexes and triggers, and the review queue\'s');
	writeBodies(db);
	lap('canonical body names');
	writeAggregates(db);
	lap('aggregates');
	// Search covers exactly what pages may show: the redacted text, rebuilt in one pass. The index is dropped and made
	// again from its own definition: deleting a million entries one by one took 6 s of a second analysis.
	const search = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'answer_fts'").pluck().get() as string;
	db.exec(`DROP TABLE answer_fts;
		${search};
		INSERT INTO answer_fts(rowid, text) SELECT id, text_redacted FROM answer WHERE text_redacted IS NOT NULL;`);
	lap('search index');
}

/** Stage 9, in SQL: respondents (not answers) raising each theme, per question and sector, with their base. */
export function writeAggregates(db: DB) {
	// Bases and hits are each computed once and joined: a correlated count per row scanned every answer per row.
	db.exec(`
		INSERT INTO agg_theme_sector (question_id, sector, theme_id, respondents, base)
		WITH base AS (
			-- Respondent by respondent (CROSS JOIN fixes the order), their answers found in the (respondent_id,
			-- question_id) index without reading the answers' text: 4x faster at a million answers.
			SELECT a.question_id, coalesce(r.sector, 'unknown') AS sector, count(DISTINCT r.id) AS n
			FROM respondent r CROSS JOIN answer a ON a.respondent_id = r.id GROUP BY 1, 2),
		hits AS (
			SELECT e.question_id, coalesce(r.sector, 'unknown') AS sector, e.theme_id, count(DISTINCT e.respondent_id) AS n
			FROM theme_hit e JOIN respondent r ON r.id = e.respondent_id
			GROUP BY 1, 2, 3)
		SELECT h.question_id, h.sector, h.theme_id, h.n, b.n FROM hits h JOIN base b ON b.question_id = h.question_id AND b.sector = h.sector;
		INSERT INTO agg_theme_sector (question_id, sector, theme_id, respondents, base)
		WITH base AS (SELECT coalesce(sector, 'unknown') AS sector, count(*) AS n FROM respondent GROUP BY 1),
		hits AS (
			SELECT coalesce(r.sector, 'unknown') AS sector, e.theme_id, count(DISTINCT e.respondent_id) AS n
			FROM theme_hit e JOIN respondent r ON r.id = e.respondent_id
			GROUP BY 1, 2)
		SELECT '*', h.sector, h.theme_id, h.n, b.n FROM hits h JOIN base b ON b.sector = h.sector;
	`);
}

/** Runs the whole pipeline on this thread and stores its results; returns a summary for the command line. */
export function analyseDatabase(db: DB, options: { goldDir?: string; timings?: Timings } = {}): string {
	const { timings } = options;
	const started = new Date().toISOString();
	const input = loadPipelineInput(db, options.goldDir);
	timings?.lap('read the answers');
	const out = emptyOutput();
	out.tagger = fitPipelineTagger(input, modelStore(db));
	timings?.lap(out.tagger.kept ? 'read back the trained tagger' : 'train the tagger');
	runPipeline(input, timedStages(STAGES, timings), out);
	const summary = db.transaction(() => {
		const writer = startWriting(db, input, timings);
		writer.answers(
			input.answers.map((a) => a.id),
			out
		);
		timings?.lap('store: per-answer results');
		return record(db, writer, input, out, started, timings);
	})();
	timings?.lap('commit');
	return summary;
}

/**
 * The same, with the per-answer stages spread over worker threads when there are enough answers to pay for them
 * (`workers` 1 keeps everything on this thread). Each thread's results are stored as they arrive, while the threads
 * work on, inside one transaction that commits only when everything is in. The stored results are identical.
 */
export async function analyseDatabaseParallel(
	db: DB,
	options: { goldDir?: string; workers?: number; chunk?: number; timings?: Timings } = {}
): Promise<string> {
	const { timings } = options;
	const answers = db.prepare('SELECT count(*) FROM answer').pluck().get() as number;
	const workers = options.workers ?? (answers >= PARALLEL_FROM ? defaultWorkers() : 1);
	if (workers <= 1) return analyseDatabase(db, options);
	const started = new Date().toISOString();
	const go = async () => {
		// The write lock is taken first, so the answers analysed are exactly the ones whose results are replaced.
		db.exec('BEGIN IMMEDIATE');
		try {
			let writer: ReturnType<typeof startWriting>;
			const { input, out } = await runPipelineParallel(
				loadTraining(db, options.goldDir),
				(training) => {
					const input = loadPipelineInput(db, options.goldDir, training);
					timings?.lap('read the answers');
					writer = startWriting(db, input, timings);
					return input;
				},
				workers,
				(ids, part) => writer.answers(ids, part),
				options.chunk,
				timings,
				modelStore(db)
			);
			const summary = record(db, writer!, input, out, started, timings);
			commit(db);
			timings?.lap('commit');
			return summary;
		} finally {
			if (db.inTransaction) db.exec('ROLLBACK');
		}
	};
	// The first analysis of a database (the large one, before anyone uses it) is written with the rollback journal.
	return withRollbackJournal(db, !db.prepare('SELECT 1 FROM analysis_run LIMIT 1').get(), go);
}

/** What analysts' campaign marks did, for the command line: nothing when there were none. */
function marksLine(campaigns: PipelineOutput['campaigns'], lone: string[]): string {
	const added = campaigns.reduce((n, c) => n + (c.added ?? 0), 0);
	const removed = campaigns.reduce((n, c) => n + (c.removed ?? 0), 0);
	if (!added && !removed && !lone.length) return '';
	return `analysts' campaign marks: ${added} answer(s) put in a campaign, ${removed} taken out${
		lone.length ? `; ${lone.length} marked as copies share too little wording with any campaign of their question to be put in one: ${lone.join(', ')}` : ''
	}`;
}

/** Stores what is left once every answer's results are in, records the run, and returns a summary for the command line. */
function record(
	db: DB,
	writer: ReturnType<typeof startWriting>,
	input: PipelineInput,
	out: PipelineOutput,
	started: string,
	timings?: Timings
): string {
	let tags = 0;
	for (const l of out.themes.values()) tags += l.length;
	const summary = {
		answers: input.answers.length,
		answersWithText: out.themes.size,
		themeTags: tags,
		trainedOn: input.labelled.length,
		modelKept: out.tagger?.kept === true,
		inferredSectors: out.sectors.length,
		campaigns: out.campaigns.map((c) => ({ question: c.questionId, size: c.members.length })),
		redactedAnswers: [...out.redacted.values()].filter((r) => r.redactions.length > 0).length,
		quotes: out.quotes.length,
		emergentThemes: out.emergent.length,
		skipped: out.skipped
	};
	const unknownSectors = summary.skipped.filter((s) => s.stage === 'sectors');
	const lone = summary.skipped.filter((s) => s.stage === 'campaign-marks');
	const failures = summary.skipped.filter((s) => s.stage !== 'sectors' && s.stage !== 'campaign-marks');
	writer.finish(out);
	// The phases up to here (the commit that follows is not in them).
	const recorded = timings ? { ...summary, timings: timings.phases() } : summary;
	db.prepare('INSERT INTO analysis_run (started_at, finished_at, summary_json) VALUES (?, ?, ?)').run(started, new Date().toISOString(), JSON.stringify(recorded));
	return [
		`analysed ${summary.answersWithText} free-text answers (${summary.themeTags} theme tags; model trained on ${summary.trainedOn} labelled answers${summary.modelKept ? ', kept from an earlier run with the same inputs' : ''})`,
		// Said plainly: a gold folder that is missing (or moved) would otherwise pass unnoticed.
		summary.trainedOn < 30 ? `fewer than 30 labelled answers (from ${goldDirOf(db)}): themes come from the codeframe's seed terms alone` : '',
		`inferred ${summary.inferredSectors} sectors; ${summary.campaigns.length} campaign group(s)${[...summary.campaigns]
			.sort((a, b) => b.size - a.size)
			.slice(0, 10)
			.map((c) => ` [${c.question}: ${c.size}]`)
			.join('')}${summary.campaigns.length > 10 ? ' …' : ''}`,
		`redacted personal data in ${summary.redactedAnswers} answers; ${summary.quotes} quotes; ${summary.emergentThemes} emergent theme suggestions`,
		// A sector left not known is an outcome, not a failure: said apart, by response reference.
		unknownSectors.length
			? `left the sector not known for ${unknownSectors.length} respondent(s) who gave none, as nothing pointed to one of the consultation's sectors: ${unknownSectors
					.slice(0, 10)
					.map((s) => s.item.replace(/^respondent /, ''))
					.join(', ')}${unknownSectors.length > 10 ? ' …' : ''}`
			: '',
		marksLine(out.campaigns, lone.map((s) => s.item)),
		failures.length ? `could not process ${failures.length} item(s): ${failures.map((s) => `${s.stage} ${s.item}: ${s.reason}`).join('; ')}` : ''
	]
		.filter(Boolean)
		.join('\n');
}

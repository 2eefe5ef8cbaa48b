// The counts behind the theme and question charts, computed in memory. At a million answers the same counts in SQL
// (a GROUP BY over every theme tag joined to its respondent) take seconds; over compact arrays of the same rows
// they take milliseconds. The arrays are read from the database once per change to it (any connection), and each
// function here has an SQL twin in db/ that says the same thing in a form an auditor can run; a test holds the two
// equal under many filters.
import { countedChanges } from './db/cache';
import type { DB } from './db/client';
import { buildFilter, ftsQuery, NO_THEME, RESPONDENT_FIELDS, type BuiltFilter } from './filters';
import { acrossWindow, mondayOf, topWithTies, type CountRow, type WeekRow } from './db/overview';

interface Facts {
	key: string;
	/** Codes for sectors (0 = not known), questions and themes, in display order. */
	sectors: { id: string; label: string; colour: string | null }[];
	questions: { id: string; text: string; type: string }[];
	themes: { id: string; label: string }[];
	/** Per respondent id (ids are small dense integers): its sector code, and codes of its body and known organisation. */
	sectorOf: Int16Array;
	bodyOf: Int32Array;
	knownOf: Int32Array;
	/** Per respondent id: its respondent type's and submission day's codes in `types` and `days` (-1: none). */
	typeOf: Int8Array;
	dayOf: Int32Array;
	types: string[];
	days: string[];
	/** Codes of the body and organisation names. */
	names: Map<string, number>;
	/** Codes of the closed answers' choices (-1: none). */
	choices: string[];
	answerChoice: Int16Array;
	/** Per answer: its themes (theme_hit rows) and whether one is an automatic tag of confidence under 0.6. */
	answerHits: Int16Array;
	answerUncertain: Uint8Array;
	/** Per answer: its stance code (STANCES; -1 none), and its themes as a slice of answerThemes. */
	answerStance: Int8Array;
	answerThemeStart: Int32Array;
	answerThemes: Int16Array;
	/** Per theme_hit row (in the order above): the answer's position in the answer arrays. */
	hitAnswer: Int32Array;
	/** Per answer id: its position in the answer arrays (-1: none). */
	indexOfAnswer: Int32Array;
	respondentIds: Int32Array;
	answerRespondent: Int32Array;
	answerQuestion: Int16Array;
	answerHasText: Uint8Array;
	/** Effective theme tags (theme_hit), ordered by theme id (as SQLite orders them) then respondent. */
	hitTheme: Int16Array;
	/** Per tag: its theme id's place in that order; and each theme id's place (ids seen in the tags when read). */
	hitRank: Int16Array;
	rankOf: Map<string, number>;
	hitRespondent: Int32Array;
	hitQuestion: Int16Array;
	/** Per answer in a campaign, ordered by campaign: its campaign's id, its respondent and its place in the answer arrays. */
	memberCampaign: Int32Array;
	memberRespondent: Int32Array;
	memberAnswer: Int32Array;
}

let cached: Facts | null = null;
/** Per facts read: how many answers wait for analysis (unanalysedAnswers). */
const unanalysed = new WeakMap<Facts, number>();
const STANCES = ['support', 'oppose', 'mixed', 'neutral'];

/** Which connection the counts were read on (kept on the connection, so the result cache's wrapper shares it):
 * data_version and total_changes are the connection's own, and two connections to one file can agree on both. */
const CONNECTION = Symbol('connection');
let connections = 0;

function version(db: DB): string {
	const id = ((db as DB & { [CONNECTION]?: number })[CONNECTION] ??= ++connections);
	return `${id}:${db.name}:${db.pragma('data_version', { simple: true })}:${countedChanges(db, db.prepare('SELECT total_changes()').pluck().get() as number)}`;
}

function load(db: DB): Facts {
	const key = version(db);
	if (cached?.key === key) return cached;
	// Inside someone else's transaction nothing is kept: its writes may yet be rolled back, and total_changes would not
	// go back down with them.
	if (db.inTransaction) return read(db, key);
	// One read transaction, so every count is of one moment (a commit landing midway would otherwise mix two). The
	// version is taken before the first read: at worst older than what is read, which only means reading again.
	cached = db.transaction(() => read(db, version(db)))();
	return cached;
}

function read(db: DB, key: string): Facts {
	const sectors = [
		{ id: 'unknown', label: 'Not known', colour: null },
		...(db.prepare('SELECT id, label, colour FROM sector ORDER BY position').all() as Facts['sectors'])
	];
	const questions = db.prepare('SELECT id, short_text AS text, type FROM question ORDER BY position').all() as Facts['questions'];
	const themes = db.prepare('SELECT id, label FROM theme ORDER BY position').all() as Facts['themes'];
	const sectorCode = new Map(sectors.map((s, i) => [s.id, i]));
	const questionCode = new Map(questions.map((q, i) => [q.id, i]));
	const themeCode = new Map(themes.map((t, i) => [t.id, i]));

	const maxId = (db.prepare('SELECT coalesce(max(id), 0) FROM respondent').pluck().get() as number) + 1;
	const sectorOf = new Int16Array(maxId).fill(-1);
	const bodyOf = new Int32Array(maxId).fill(-1);
	const knownOf = new Int32Array(maxId).fill(-1);
	const names = new Map<string, number>();
	const name = (n: string | null) => (n === null ? -1 : (names.get(n) ?? names.set(n, names.size).get(n)!));
	const typeOf = new Int8Array(maxId).fill(-1);
	const dayOf = new Int32Array(maxId).fill(-1);
	const types: string[] = [];
	const days: string[] = [];
	const typeCode = new Map<string, number>();
	const dayCode = new Map<string, number>();
	const code = (codes: Map<string, number>, list: string[], v: string | null) => (v === null ? -1 : (codes.get(v) ?? (list.push(v), codes.set(v, list.length - 1).get(v)!)));
	const ids: number[] = [];
	for (const [id, sector, body, known, type, day] of db
		.prepare('SELECT id, sector, body, known_organisation, respondent_type, substr(submitted_at, 1, 10) FROM respondent')
		.raw()
		.iterate() as Iterable<[number, string | null, string | null, string | null, string | null, string | null]>) {
		sectorOf[id] = sector === null ? 0 : (sectorCode.get(sector) ?? 0);
		bodyOf[id] = name(body);
		knownOf[id] = name(known);
		typeOf[id] = code(typeCode, types, type);
		dayOf[id] = code(dayCode, days, day);
		ids.push(id);
	}
	const answers = db.prepare('SELECT count(*) FROM answer').pluck().get() as number;
	const answerRespondent = new Int32Array(answers);
	const answerQuestion = new Int16Array(answers);
	const answerHasText = new Uint8Array(answers);
	const answerChoice = new Int16Array(answers);
	const choices: string[] = [];
	const choiceCode = new Map<string, number>();
	const maxAnswer = (db.prepare('SELECT coalesce(max(id), 0) FROM answer').pluck().get() as number) + 1;
	const indexOfAnswer = new Int32Array(maxAnswer).fill(-1);
	let i = 0;
	const answerStance = new Int8Array(answers);
	for (const [aid, rid, qid, choice, hasText, stance] of db
		.prepare("SELECT id, respondent_id, question_id, choice, trim(coalesce(text, '')) <> '', stance FROM answer")
		.raw()
		.iterate() as Iterable<[number, number, string, string | null, number, string | null]>) {
		indexOfAnswer[aid] = i;
		answerStance[i] = stance === null ? -1 : STANCES.indexOf(stance);
		answerRespondent[i] = rid;
		answerQuestion[i] = questionCode.get(qid) ?? -1;
		if (choice === null) answerChoice[i] = -1;
		else {
			let c = choiceCode.get(choice);
			if (c === undefined) choiceCode.set(choice, (c = choices.push(choice) - 1));
			answerChoice[i] = c;
		}
		answerHasText[i++] = hasText;
	}
	const hits = db.prepare('SELECT count(*) FROM theme_hit').pluck().get() as number;
	const hitTheme = new Int16Array(hits);
	const hitRespondent = new Int32Array(hits);
	const hitQuestion = new Int16Array(hits);
	const hitAnswer = new Int32Array(hits);
	const hitRank = new Int16Array(hits);
	const rankOf = new Map<string, number>();
	const answerHits = new Int16Array(answers);
	const answerUncertain = new Uint8Array(answers);
	i = 0;
	for (const [tid, rid, qid, aid, auto, unsure] of db
		.prepare("SELECT theme_id, respondent_id, question_id, answer_id, source = 'auto', confidence < 0.6 FROM theme_hit ORDER BY theme_id, respondent_id")
		.raw()
		.iterate() as Iterable<[string, number, string, number, number, number | null]>) {
		hitTheme[i] = themeCode.get(tid) ?? -1;
		hitRank[i] = rankOf.get(tid) ?? rankOf.set(tid, rankOf.size).get(tid)!;
		const a = aid < maxAnswer ? indexOfAnswer[aid] : -1;
		hitAnswer[i] = a;
		if (a >= 0) {
			answerHits[a]++;
			if (auto && unsure) answerUncertain[a] = 1;
		}
		hitRespondent[i] = rid;
		hitQuestion[i++] = questionCode.get(qid) ?? -1;
	}
	const { answerThemeStart, answerThemes } = themesByAnswer(answerHits, hitAnswer, hitTheme);
	// Read from the campaign index alone (it carries the respondent): tens of thousands of rows at a million answers.
	const members = db.prepare('SELECT campaign_id, respondent_id, id FROM answer WHERE campaign_id IS NOT NULL ORDER BY campaign_id').raw().all() as [number, number, number][];
	const memberCampaign = Int32Array.from(members, (m) => m[0]);
	const memberRespondent = Int32Array.from(members, (m) => m[1]);
	const memberAnswer = Int32Array.from(members, (m) => (m[2] < maxAnswer ? indexOfAnswer[m[2]] : -1));
	loads++;
	return {
		key,
		answerStance,
		answerThemeStart,
		answerThemes,
		hitRank,
		rankOf,
		hitAnswer,
		indexOfAnswer,
		sectors,
		questions,
		themes,
		sectorOf,
		bodyOf,
		knownOf,
		typeOf,
		dayOf,
		types,
		days,
		names,
		choices,
		answerChoice,
		answerHits,
		answerUncertain,
		respondentIds: Int32Array.from(ids),
		answerRespondent,
		answerQuestion,
		answerHasText,
		hitTheme,
		hitRespondent,
		hitQuestion,
		memberCampaign,
		memberRespondent,
		memberAnswer
	};
}

/** Each answer's themes as a slice of one array, for filtering answers by theme in memory. */
function themesByAnswer(answerHits: Int16Array, hitAnswer: Int32Array, hitTheme: Int16Array) {
	const answers = answerHits.length;
	const answerThemeStart = new Int32Array(answers + 1);
	for (let a = 0; a < answers; a++) answerThemeStart[a + 1] = answerThemeStart[a] + answerHits[a];
	const answerThemes = new Int16Array(answerThemeStart[answers]);
	const filled = answerThemeStart.slice(0, answers);
	for (let h = 0; h < hitAnswer.length; h++) if (hitAnswer[h] >= 0) answerThemes[filled[hitAnswer[h]]++] = hitTheme[h];
	return { answerThemeStart, answerThemes };
}

/** Reads the counts now (if they are not already up to date), so that the next page need not wait for them. */
export function readFacts(db: DB) {
	load(db);
}

/** How many times every fact has been read from the database (for tests: a patched change does not add one). */
let loads = 0;
export const factsLoads = () => loads;

/**
 * Runs `write`, a change to the tags and stance of the answers `answerIds` and their respondents' sector (an
 * analyst's review decision), or the sector of the respondents `respondentIds`, and brings the counts in memory up to date from those answers' rows alone: reading
 * every tag again takes seconds at a million answers, and the review page shows counts after each decision. If the counts were not loaded, another connection wrote
 * meanwhile, or the change is one this cannot follow (a theme no tag had when they were read), the next read loads
 * everything as before.
 */
export function writeKeepingFacts<T>(db: DB, answerIds: number[], write: () => T, respondentIds: number[] = []): T {
	const before = version(db);
	const facts = cached?.key === before ? cached : null;
	const value = write();
	// The version just after the write, taken before the patch reads anything: if another connection commits while the
	// patch reads, the next read sees a newer version and loads everything, rather than keeping counts that miss it.
	const after = version(db);
	if (facts && cached === facts && others(after) === others(before)) {
		if (patch(db, facts, answerIds) && patchRespondents(db, facts, respondentIds)) facts.key = after;
		else cached = null;
	}
	return value;
}

/** The part of a version that moves when another connection commits (data_version). */
const others = (v: string) => v.split(':').at(-2);

/** Re-reads the given respondents in place (one with no answers has none for `patch` to reach it through); false if it
 * cannot. */
function patchRespondents(db: DB, facts: Facts, respondentIds: number[]): boolean {
	if (respondentIds.length === 0) return true;
	const reread = respondentReader(db, facts);
	return respondentIds.every((id) => id < facts.sectorOf.length && facts.sectorOf[id] >= 0 && reread(id));
}

/** Reads one respondent's sector, body and matched organisation into the counts; false if it is not there. */
function respondentReader(db: DB, facts: Facts): (id: number) => boolean {
	const sectorCode = new Map(facts.sectors.map((s, i) => [s.id, i]));
	const respondent = db.prepare('SELECT sector, body, known_organisation AS known FROM respondent WHERE id = ?');
	const name = (n: string | null) => (n === null ? -1 : (facts.names.get(n) ?? facts.names.set(n, facts.names.size).get(n)!));
	return (id) => {
		const person = respondent.get(id) as { sector: string | null; body: string | null; known: string | null } | undefined;
		if (!person) return false;
		facts.sectorOf[id] = person.sector === null ? 0 : (sectorCode.get(person.sector) ?? 0);
		facts.bodyOf[id] = name(person.body);
		facts.knownOf[id] = name(person.known);
		return true;
	};
}

/** Re-reads the given answers' stance, tags and respondent in place; false if it cannot. */
function patch(db: DB, facts: Facts, answerIds: number[]): boolean {
	if (answerIds.length === 0) return true;
	// The stance may change in place: the count of answers waiting for analysis is counted again when next asked.
	unanalysed.delete(facts);
	const themeCode = new Map(facts.themes.map((t, i) => [t.id, i]));
	const questionCode = new Map(facts.questions.map((q, i) => [q.id, i]));
	const positions = new Set<number>();
	const added: { rank: number; theme: number; respondent: number; question: number; answer: number; unsure: boolean }[] = [];
	const answer = db.prepare('SELECT stance, respondent_id AS r FROM answer WHERE id = ?');
	const reread = respondentReader(db, facts);
	const tags = db.prepare(
		"SELECT theme_id AS theme, respondent_id AS r, question_id AS q, source = 'auto' AND confidence < 0.6 AS unsure FROM theme_hit WHERE answer_id = ?"
	);
	for (const id of answerIds) {
		const a = id < facts.indexOfAnswer.length ? facts.indexOfAnswer[id] : -1;
		if (a < 0) return false;
		positions.add(a);
		const row = answer.get(id) as { stance: string | null; r: number } | undefined;
		if (!row) return false;
		facts.answerStance[a] = row.stance === null ? -1 : STANCES.indexOf(row.stance);
		if (!reread(row.r)) return false;
		for (const h of tags.all(id) as { theme: string; r: number; q: string; unsure: number | null }[]) {
			const rank = facts.rankOf.get(h.theme);
			if (rank === undefined) return false;
			added.push({ rank, theme: themeCode.get(h.theme) ?? -1, respondent: h.r, question: questionCode.get(h.q) ?? -1, answer: a, unsure: h.unsure === 1 });
		}
	}
	// The tags again, in the same order: the old ones of these answers left out, the new ones merged in.
	added.sort((x, y) => x.rank - y.rank || x.respondent - y.respondent);
	const old = facts.hitTheme.length;
	let kept = 0;
	for (let h = 0; h < old; h++) if (!positions.has(facts.hitAnswer[h])) kept++;
	const n = kept + added.length;
	const next = {
		hitTheme: new Int16Array(n),
		hitRank: new Int16Array(n),
		hitRespondent: new Int32Array(n),
		hitQuestion: new Int16Array(n),
		hitAnswer: new Int32Array(n)
	};
	let out = 0;
	let k = 0;
	const take = (theme: number, rank: number, respondent: number, question: number, answer: number) => {
		next.hitTheme[out] = theme;
		next.hitRank[out] = rank;
		next.hitRespondent[out] = respondent;
		next.hitQuestion[out] = question;
		next.hitAnswer[out++] = answer;
	};
	for (let h = 0; h < old; h++) {
		if (positions.has(facts.hitAnswer[h])) continue;
		const [rank, respondent] = [facts.hitRank[h], facts.hitRespondent[h]];
		for (; k < added.length && (added[k].rank < rank || (added[k].rank === rank && added[k].respondent <= respondent)); k++) {
			const x = added[k];
			take(x.theme, x.rank, x.respondent, x.question, x.answer);
		}
		take(facts.hitTheme[h], rank, respondent, facts.hitQuestion[h], facts.hitAnswer[h]);
	}
	for (; k < added.length; k++) take(added[k].theme, added[k].rank, added[k].respondent, added[k].question, added[k].answer);
	for (const a of positions) {
		facts.answerHits[a] = 0;
		facts.answerUncertain[a] = 0;
	}
	for (const x of added) {
		facts.answerHits[x.answer]++;
		if (x.unsure) facts.answerUncertain[x.answer] = 1;
	}
	Object.assign(facts, next, themesByAnswer(facts.answerHits, next.hitAnswer, next.hitTheme));
	return true;
}

/** Recent filters' masks: a page asks for several counts under the same filter. */
const masks = new Map<string, Uint8Array>();

/** An answer-level filter as a test of one answer, or null when it needs the database (a text search). */
const searches = new Map<string, Uint8Array>();

/** The answers a text search finds (the search index is SQLite's FTS5), as a mask over answer positions. */
function searched(db: DB, facts: Facts, text: string): Uint8Array | null {
	const query = ftsQuery(text);
	if (!query) return null;
	const key = JSON.stringify([facts.key, query]);
	let m = searches.get(key);
	if (!m) {
		m = new Uint8Array(facts.answerRespondent.length);
		for (const id of db.prepare('SELECT rowid FROM answer_fts WHERE answer_fts MATCH ?').pluck().iterate(query) as Iterable<number>) {
			const a = id < facts.indexOfAnswer.length ? facts.indexOfAnswer[id] : -1;
			if (a >= 0) m[a] = 1;
		}
		if (searches.size >= 16) searches.delete(searches.keys().next().value!);
		searches.set(key, m);
	}
	return m;
}

function answerTest(db: DB, facts: Facts, f: BuiltFilter): ((a: number) => boolean) | null {
	const { question, answer, stance, theme, q } = f.filters;
	const found = q.length ? searched(db, facts, q[0]) : null;
	if (q.length && !found) return null;
	// A value nobody used matches nothing (-2 is no code's).
	const code = (i: number) => (i < 0 ? -2 : i);
	const questions = new Set(question.map((id) => code(facts.questions.findIndex((x) => x.id === id))));
	const choices = new Set(answer.map((c) => code(facts.choices.indexOf(c))));
	const stances = new Set(stance.map((x) => code(STANCES.indexOf(x))));
	const themes = new Set(theme.filter((t) => t !== NO_THEME).map((t) => code(facts.themes.findIndex((x) => x.id === t))));
	const none = theme.includes(NO_THEME);
	return (a) => {
		if (found && !found[a]) return false;
		if (questions.size && !questions.has(facts.answerQuestion[a])) return false;
		if (choices.size && !choices.has(facts.answerChoice[a])) return false;
		if (stances.size && !stances.has(facts.answerStance[a])) return false;
		if (theme.length) {
			let ok = none && facts.answerHasText[a] === 1 && facts.answerHits[a] === 0;
			for (let k = facts.answerThemeStart[a]; !ok && k < facts.answerThemeStart[a + 1]; k++) ok = themes.has(facts.answerThemes[k]);
			if (!ok) return false;
		}
		return true;
	};
}

function hasAnswerFilter(f: BuiltFilter): boolean {
	return f.answerWhere !== '1';
}

/** The respondent-level part of a filter (sector, body, type, region, campaigns) as SQL, answer-level fields left out. */
function respondentPart(db: DB, f: BuiltFilter): BuiltFilter {
	const params = new URLSearchParams();
	for (const field of RESPONDENT_FIELDS) for (const v of f.filters[field]) params.append(field, v);
	return buildFilter(db, params);
}

function sqlMask(db: DB, facts: Facts, f: BuiltFilter): Uint8Array {
	const m = new Uint8Array(facts.sectorOf.length);
	// The filter as built: one reading its respondents from a temporary table (filter-set.ts) is made from this mask.
	const { where, params } = f.built ?? f;
	if (!f.active) m.fill(1);
	else for (const id of db.prepare(`SELECT r.id FROM respondent r WHERE ${where}`).pluck().iterate(...params) as Iterable<number>) m[id] = 1;
	return m;
}

/**
 * The respondents the filter keeps, as a mask over respondent ids (null: all of them). The respondent-level part is
 * the filter's own SQL; "has an answer that ..." is tested here over the answers in memory (a text search through
 * the search index).
 */
function mask(db: DB, facts: Facts, f: BuiltFilter): Uint8Array | null {
	if (!f.active) return null;
	// A filter reading its respondents from a temporary table keeps the mask it was made from.
	const key = JSON.stringify([facts.key, f.built?.where ?? f.where, f.built?.params ?? f.params]);
	let m = masks.get(key);
	if (!m) {
		const test = hasAnswerFilter(f) ? answerTest(db, facts, f) : null;
		if (hasAnswerFilter(f) && test) {
			const people = sqlMask(db, facts, respondentPart(db, f));
			m = new Uint8Array(facts.sectorOf.length);
			for (let a = 0; a < facts.answerRespondent.length; a++) {
				const r = facts.answerRespondent[a];
				if (people[r] && !m[r] && test(a)) m[r] = 1;
			}
		} else {
			m = sqlMask(db, facts, f);
		}
		if (masks.size >= 16) masks.delete(masks.keys().next().value!);
		masks.set(key, m);
	}
	return m;
}

/**
 * Answers with text that meet the answer-level filter, from respondents who meet the whole filter (the search's
 * total); null when the filter's search text has no words to search for.
 */
export function matchingAnswers(db: DB, f: BuiltFilter): number | null {
	const facts = load(db);
	const test = hasAnswerFilter(f) ? answerTest(db, facts, f) : () => true;
	if (!test) return null;
	const m = mask(db, facts, f);
	let n = 0;
	for (let a = 0; a < facts.answerRespondent.length; a++) {
		if (facts.answerHasText[a] && (!m || m[facts.answerRespondent[a]]) && test(a)) n++;
	}
	return n;
}

export interface StanceAnswers {
	stance: string;
	answers: number;
}

/** Stance of the filtered respondents' answers raising a theme (no stance counts as neutral), support first. */
export function themeStances(db: DB, f: BuiltFilter, themeId: string): StanceAnswers[] {
	const facts = load(db);
	const m = mask(db, facts, f);
	const t = facts.themes.findIndex((x) => x.id === themeId);
	const counts = new Int32Array(STANCES.length);
	for (let h = 0; h < facts.hitTheme.length; h++) {
		if (facts.hitTheme[h] !== t || (m && !m[facts.hitRespondent[h]])) continue;
		const a = facts.hitAnswer[h];
		const s = a < 0 ? -1 : facts.answerStance[a];
		counts[s < 0 ? 3 : s]++;
	}
	return ['support', 'mixed', 'neutral', 'oppose'].map((stance) => ({ stance, answers: counts[STANCES.indexOf(stance)] })).filter((r) => r.answers > 0);
}

/**
 * Calls `each` for every tag of a kept respondent (and, with `question`, of that question), in theme then respondent
 * order, saying whether it is the first tag of that theme for that respondent: so a count of respondents needs no set.
 */
function eachHit(facts: Facts, m: Uint8Array | null, question: number | null, each: (theme: number, respondent: number, first: boolean) => void) {
	let lastTheme = -1;
	let lastRespondent = -1;
	for (let h = 0; h < facts.hitTheme.length; h++) {
		const r = facts.hitRespondent[h];
		const t = facts.hitTheme[h];
		if (t < 0 || (m && !m[r]) || (question !== null && facts.hitQuestion[h] !== question)) continue;
		each(t, r, t !== lastTheme || r !== lastRespondent);
		lastTheme = t;
		lastRespondent = r;
	}
}

export interface ThemeCount {
	theme: string;
	label: string;
	respondents: number;
	answers: number;
}

/** Respondents and answers raising each theme among the filtered respondents, in codeframe order. */
export function themeCounts(db: DB, f: BuiltFilter): ThemeCount[] {
	const facts = load(db);
	const m = mask(db, facts, f);
	const respondents = new Int32Array(facts.themes.length);
	const answers = new Int32Array(facts.themes.length);
	eachHit(facts, m, null, (t, _r, first) => {
		answers[t]++;
		if (first) respondents[t]++;
	});
	return facts.themes.map((t, i) => ({ theme: t.id, label: t.label, respondents: respondents[i], answers: answers[i] }));
}

export interface ThemeSectorCell {
	theme: string;
	themeLabel: string;
	sector: string;
	sectorLabel: string;
	respondents: number;
	base: number;
}

/**
 * Respondents raising each theme, by sector, among the filtered respondents. With a question, only that question's
 * answers count and the base is those in the sector who answered it; without, the base is every filtered respondent
 * in the sector. Sectors with no one in the base are left out.
 */
export function themeSectorCells(db: DB, f: BuiltFilter, questionId: string | null): ThemeSectorCell[] {
	const facts = load(db);
	const m = mask(db, facts, f);
	const q = questionId === null ? -1 : facts.questions.findIndex((x) => x.id === questionId);
	const nSectors = facts.sectors.length;
	const base = new Int32Array(nSectors);
	if (questionId === null) {
		for (const r of facts.respondentIds) if (!m || m[r]) base[facts.sectorOf[r]]++;
	} else {
		// Each respondent answers a question at most once.
		for (let a = 0; a < facts.answerRespondent.length; a++) {
			const r = facts.answerRespondent[a];
			if (facts.answerQuestion[a] === q && (!m || m[r])) base[facts.sectorOf[r]]++;
		}
	}
	const hits = new Int32Array(facts.themes.length * nSectors);
	eachHit(facts, m, questionId === null ? null : q, (t, r, first) => {
		if (first) hits[t * nSectors + facts.sectorOf[r]]++;
	});
	const out: ThemeSectorCell[] = [];
	// Known sectors in their order, then "not known" last.
	const order = [...facts.sectors.keys()].slice(1).concat(0);
	facts.themes.forEach((t, ti) => {
		for (const s of order) {
			if (base[s] === 0) continue;
			out.push({ theme: t.id, themeLabel: t.label, sector: facts.sectors[s].id, sectorLabel: facts.sectors[s].label, respondents: hits[ti * nSectors + s], base: base[s] });
		}
	});
	return out;
}

export interface QuestionAnswered {
	question: string;
	text: string;
	type: string;
	answered: number;
	withText: number;
}

/** Filtered respondents answering each question, and writing some text, in question order. */
export function questionCounts(db: DB, f: BuiltFilter): QuestionAnswered[] {
	const facts = load(db);
	const m = mask(db, facts, f);
	const answered = new Int32Array(facts.questions.length);
	const withText = new Int32Array(facts.questions.length);
	for (let a = 0; a < facts.answerRespondent.length; a++) {
		const q = facts.answerQuestion[a];
		if (q < 0 || (m && !m[facts.answerRespondent[a]])) continue;
		answered[q]++;
		withText[q] += facts.answerHasText[a];
	}
	return facts.questions.map((q, i) => ({ question: q.id, text: q.text, type: q.type, answered: answered[i], withText: withText[i] }));
}

export interface SectorChoice {
	sector: string;
	label: string;
	colour: string | null;
	choice: string;
	count: number;
}

/** Filtered respondents by closed answer and sector, for one question, sectors in their order ("not known" last). */
export function choiceCounts(db: DB, f: BuiltFilter, questionId: string): SectorChoice[] {
	const facts = load(db);
	const m = mask(db, facts, f);
	const q = facts.questions.findIndex((x) => x.id === questionId);
	const nChoices = facts.choices.length;
	const counts = new Int32Array(facts.sectors.length * nChoices);
	for (let a = 0; a < facts.answerRespondent.length; a++) {
		const c = facts.answerChoice[a];
		if (c < 0 || facts.answerQuestion[a] !== q) continue;
		const r = facts.answerRespondent[a];
		if (!m || m[r]) counts[facts.sectorOf[r] * nChoices + c]++;
	}
	const out: SectorChoice[] = [];
	for (const s of [...facts.sectors.keys()].slice(1).concat(0)) {
		for (let c = 0; c < nChoices; c++) {
			const n = counts[s * nChoices + c];
			if (n > 0) out.push({ sector: facts.sectors[s].id, label: facts.sectors[s].label, colour: facts.sectors[s].colour, choice: facts.choices[c], count: n });
		}
	}
	return out;
}

export interface Untagged {
	noTheme: number;
	uncertain: number;
	withText: number;
}

/**
 * Answers imported or changed since the last analysis (a choice or a text, and no stance yet: analyse gives every such
 * answer one, and an import takes it away from an answer it changes). Their themes and stance are not counted until
 * analyse runs again. SQL twin: `unanalysedAnswersSql` (db/stats.ts).
 */
export function unanalysedAnswers(db: DB): number {
	const facts = load(db);
	let n = unanalysed.get(facts);
	if (n === undefined) {
		n = 0;
		for (let a = 0; a < facts.answerStance.length; a++) if (facts.answerStance[a] === -1 && (facts.answerChoice[a] !== -1 || facts.answerHasText[a] === 1)) n++;
		unanalysed.set(facts, n);
	}
	return n;
}

/** Filtered answers with text: how many carry no theme, and how many an uncertain automatic one. */
export function untaggedCounts(db: DB, f: BuiltFilter): Untagged {
	const facts = load(db);
	const m = mask(db, facts, f);
	const out = { noTheme: 0, uncertain: 0, withText: 0 };
	for (let a = 0; a < facts.answerRespondent.length; a++) {
		if (!facts.answerHasText[a] || (m && !m[facts.answerRespondent[a]])) continue;
		out.withText++;
		if (facts.answerHits[a] === 0) out.noTheme++;
		out.uncertain += facts.answerUncertain[a];
	}
	return out;
}

type Group = 'body' | 'members' | 'others';
const GROUPS: Group[] = ['body', 'members', 'others'];

function groupOf(facts: Facts, code: number, r: number): number {
	return facts.knownOf[r] === code && code >= 0 ? 0 : facts.bodyOf[r] === code && code >= 0 ? 1 : 2;
}

export interface BodyGroupTheme {
	group: Group;
	theme: string;
	label: string;
	respondents: number;
	base: number;
}

/** For a body: respondents raising each theme in the body's own response, its members' and everyone else's. */
export function bodyGroupThemes(db: DB, f: BuiltFilter, body: string): BodyGroupTheme[] {
	const facts = load(db);
	const m = mask(db, facts, f);
	const code = facts.names.get(body) ?? -2;
	const base = new Int32Array(3);
	for (const r of facts.respondentIds) if (!m || m[r]) base[groupOf(facts, code, r)]++;
	const hits = new Int32Array(facts.themes.length * 3);
	eachHit(facts, m, null, (t, r, first) => {
		if (first) hits[t * 3 + groupOf(facts, code, r)]++;
	});
	const out: BodyGroupTheme[] = [];
	facts.themes.forEach((t, ti) => {
		for (let g = 0; g < 3; g++) if (base[g] > 0) out.push({ group: GROUPS[g], theme: t.id, label: t.label, respondents: hits[ti * 3 + g], base: base[g] });
	});
	return out;
}

export interface BodyGroupChoice {
	group: Group;
	question: string;
	choice: string;
	respondents: number;
}

/** For a body: closed answers of the body itself, its members and all other filtered respondents. */
export function bodyGroupChoices(db: DB, f: BuiltFilter, body: string): BodyGroupChoice[] {
	const facts = load(db);
	const m = mask(db, facts, f);
	const code = facts.names.get(body) ?? -2;
	const nq = facts.questions.length;
	const nc = facts.choices.length;
	const counts = new Int32Array(3 * nq * nc);
	for (let a = 0; a < facts.answerRespondent.length; a++) {
		const c = facts.answerChoice[a];
		const q = facts.answerQuestion[a];
		const r = facts.answerRespondent[a];
		if (c < 0 || q < 0 || (m && !m[r])) continue;
		counts[(groupOf(facts, code, r) * nq + q) * nc + c]++;
	}
	const out: BodyGroupChoice[] = [];
	for (let g = 0; g < 3; g++)
		for (let q = 0; q < nq; q++)
			for (let c = 0; c < nc; c++) {
				const n = counts[(g * nq + q) * nc + c];
				if (n > 0) out.push({ group: GROUPS[g], question: facts.questions[q].id, choice: facts.choices[c], respondents: n });
			}
	return out;
}

export interface ThemeBodyCount {
	body: string;
	label: string;
	respondents: number;
	base: number;
}

/**
 * For one theme: respondents raising it per professional body (its members, and the body itself when the
 * organisation list says it is one), each body's base, bodies with none left out, most first. The SQL twin is
 * `themeByBody` (db/themes.ts), which took about 270 ms at a million answers.
 */
export function themeBodyCounts(db: DB, f: BuiltFilter, themeId: string): ThemeBodyCount[] {
	const facts = load(db);
	const m = mask(db, facts, f);
	const t = facts.themes.findIndex((x) => x.id === themeId);
	const professional = professionalBodyCodes(db, facts);
	const base = new Int32Array(facts.names.size);
	const hits = new Int32Array(facts.names.size);
	for (const r of facts.respondentIds) if (!m || m[r]) countBodies(facts, professional, r, base);
	if (t >= 0) eachHit(facts, m, null, (theme, r, first) => theme === t && first && countBodies(facts, professional, r, hits));
	const labels = bodyLabels(db);
	const out: ThemeBodyCount[] = [];
	for (const [body, code] of facts.names) if (hits[code] > 0) out.push({ body, label: labels(body), respondents: hits[code], base: base[code] });
	return out.sort((a, b) => b.respondents - a.respondents || (a.body < b.body ? -1 : a.body > b.body ? 1 : 0));
}

/**
 * The respondents a filter keeps (null: every respondent), found as the counts here find them, and the state of the
 * database they were found in (it changes whenever anything a page shows may have).
 */
export function filteredRespondents(db: DB, f: BuiltFilter): { ids: Int32Array | null; version: string } {
	const facts = load(db);
	const m = mask(db, facts, f);
	if (!m) return { ids: null, version: facts.key };
	const ids = new Int32Array(kept(facts, m));
	let k = 0;
	for (const r of facts.respondentIds) if (m[r]) ids[k++] = r;
	return { ids, version: facts.key };
}

// Respondents by sector, type, professional body and week, for the overview and its downloads. With an answer-level
// filter the SQL twins (db/overview.ts) test every respondent against the filter's set in each query: 40 to 80 ms
// each at a million answers; here, one pass over the filtered respondents.

const TYPE_LABELS: Record<string, string> = { organisation: 'Organisations', individual: 'Individuals' };
const byCountThenKey = (a: CountRow, b: CountRow) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Respondents the filter keeps; the twin of `respondentCount`. */
export function respondentTotal(db: DB, f: BuiltFilter): number {
	const facts = load(db);
	const m = mask(db, facts, f);
	return m ? kept(facts, m) : facts.respondentIds.length;
}

/** How many respondents a mask keeps. */
function kept(facts: Facts, m: Uint8Array): number {
	let n = 0;
	for (const r of facts.respondentIds) n += m[r];
	return n;
}

/** Respondents by sector, largest first, then in the sectors' order ("Not known" last); the twin of `bySector`. */
export function sectorCounts(db: DB, f: BuiltFilter): CountRow[] {
	const facts = load(db);
	const m = mask(db, facts, f);
	const counts = new Int32Array(facts.sectors.length);
	for (const r of facts.respondentIds) if (!m || m[r]) counts[facts.sectorOf[r]]++;
	const rank = (code: number) => (code === 0 ? facts.sectors.length : code);
	return [...counts.keys()]
		.filter((code) => counts[code] > 0)
		.sort((a, b) => counts[b] - counts[a] || rank(a) - rank(b))
		.map((code) => ({ key: facts.sectors[code].id, label: facts.sectors[code].label, colour: facts.sectors[code].colour, count: counts[code] }));
}

/** Respondents by type, largest first; the twin of `byType`. */
export function typeCounts(db: DB, f: BuiltFilter): CountRow[] {
	const facts = load(db);
	const m = mask(db, facts, f);
	const counts = new Map<string, number>();
	for (const r of facts.respondentIds) {
		if (m && !m[r]) continue;
		const key = facts.typeOf[r] < 0 ? 'unknown' : facts.types[facts.typeOf[r]];
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts].map(([key, count]) => ({ key, label: TYPE_LABELS[key] ?? 'Not stated', count })).sort(byCountThenKey);
}

/** Respondents per professional body (members and the body itself), with the base; the twin of `bodyBreakdown`. */
export function bodyCounts(db: DB, f: BuiltFilter, limit = 1000): { rows: CountRow[]; respondents: number } {
	const facts = load(db);
	const m = mask(db, facts, f);
	const professional = professionalBodyCodes(db, facts);
	const counts = new Int32Array(facts.names.size);
	let respondents = 0;
	for (const r of facts.respondentIds) if ((!m || m[r]) && countBodies(facts, professional, r, counts)) respondents++;
	const labels = bodyLabels(db);
	const rows: CountRow[] = [];
	for (const [body, code] of facts.names) if (counts[code] > 0) rows.push({ key: body, label: labels(body), count: counts[code] });
	return { rows: topWithTies(rows.sort(byCountThenKey), limit), respondents };
}

/** Submissions per week across the consultation window; the twin of `submissionsByWeek`. */
export function weekCounts(db: DB, f: BuiltFilter): WeekRow[] {
	const facts = load(db);
	const m = mask(db, facts, f);
	const perDay = new Int32Array(facts.days.length);
	for (const r of facts.respondentIds) if ((!m || m[r]) && facts.dayOf[r] >= 0) perDay[facts.dayOf[r]]++;
	const weeks = new Map<string, number>();
	facts.days.forEach((day, code) => {
		if (perDay[code] === 0) return;
		const week = mondayOf(day);
		weeks.set(week, (weeks.get(week) ?? 0) + perDay[code]);
	});
	return acrossWindow(
		db,
		[...weeks].map(([week, count]) => ({ week, count })).sort((a, b) => (a.week < b.week ? -1 : 1))
	);
}

/**
 * Adds respondent `r` to the bodies they count for, as `bodyMembers` in SQL: the body they named and, once more, their
 * own organisation when it is a professional body. Whether they count for any.
 */
function countBodies(facts: Facts, professional: Set<number>, r: number, into: Int32Array): boolean {
	const body = facts.bodyOf[r];
	const known = facts.knownOf[r];
	const own = known >= 0 && professional.has(known);
	if (body >= 0) into[body]++;
	if (own && known !== body) into[known]++;
	return body >= 0 || own;
}

function professionalBodyCodes(db: DB, facts: Facts): Set<number> {
	return new Set(
		(db.prepare("SELECT coalesce(abbreviation, name) FROM organisation WHERE kind = 'professional-body'").pluck().all() as string[]).flatMap((n) => {
			const code = facts.names.get(n);
			return code === undefined ? [] : [code];
		})
	);
}

/** Letters compared as SQLite's NOCASE compares them (ASCII only), as the organisation list's columns are. */
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** A body's name as shown (as BODY_LABEL with LABELLED_BY in SQL): "Full name (ABBREVIATION)" when the list has one,
 * from the first organisation with that abbreviation, compared without regard to case. */
function bodyLabels(db: DB): (body: string) => string {
	const names = new Map<string, string>();
	for (const o of db.prepare('SELECT abbreviation, name FROM organisation WHERE abbreviation IS NOT NULL ORDER BY rowid').all() as { abbreviation: string; name: string }[])
		if (!names.has(nocase(o.abbreviation))) names.set(nocase(o.abbreviation), o.name);
	return (body) => {
		const name = names.get(nocase(body));
		return name === undefined || nocase(name) === nocase(body) ? body : `${name} (${body})`;
	};
}

/**
 * Which campaign answers a filter keeps: those of its respondents that meet its answer-level fields themselves (a
 * question filter keeps that question's campaign answers, a search the answers with the words); null when the search
 * has no words to search for in memory. With `answers` false, every campaign answer of the filter's respondents (as a
 * question's page counts them: its answers from the respondents the filter selects).
 */
function campaignMembers(db: DB, facts: Facts, f: BuiltFilter, answers = true): ((i: number) => boolean) | null {
	const m = mask(db, facts, f);
	const test = answers && hasAnswerFilter(f) ? answerTest(db, facts, f) : () => true;
	if (!test) return null;
	return (i) => (!m || m[facts.memberRespondent[i]] === 1) && test(facts.memberAnswer[i]);
}

/** Per campaign, its answers the filter keeps (campaigns with none left out), by campaign id; the twin of
 * `campaignCountsSql`. */
export function campaignCounts(db: DB, f: BuiltFilter, answers = true): { id: number; selected: number }[] {
	const facts = load(db);
	const keep = campaignMembers(db, facts, f, answers);
	if (!keep) return [];
	const out: { id: number; selected: number }[] = [];
	for (let i = 0; i < facts.memberCampaign.length; i++) {
		if (!keep(i)) continue;
		const id = facts.memberCampaign[i];
		if (out.length && out[out.length - 1].id === id) out[out.length - 1].selected++;
		else out.push({ id, selected: 1 });
	}
	return out;
}

/** The respondents whose campaign answers the filter keeps, by sector, most first; the twin of `campaignSectorsSql`. */
export function campaignSectors(db: DB, f: BuiltFilter, campaignId: number, answers = true): { label: string; respondents: number }[] {
	const facts = load(db);
	const keep = campaignMembers(db, facts, f, answers);
	const counts = new Map<string, number>();
	// The members are in campaign order: only this campaign's run is read (a page asks this of each campaign it shows).
	const [from, to] = memberRange(facts, campaignId);
	for (let i = from; keep && i < to; i++) {
		if (!keep(i)) continue;
		const label = facts.sectors[facts.sectorOf[facts.memberRespondent[i]]].label;
		counts.set(label, (counts.get(label) ?? 0) + 1);
	}
	return [...counts]
		.map(([label, respondents]) => ({ label, respondents }))
		.sort((a, b) => b.respondents - a.respondents || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** Where a campaign's members start and end in the member arrays (ordered by campaign), by binary search. */
function memberRange(facts: Facts, campaignId: number): [number, number] {
	const bound = (strict: boolean) => {
		let lo = 0;
		let hi = facts.memberCampaign.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (facts.memberCampaign[mid] < campaignId || (strict && facts.memberCampaign[mid] === campaignId)) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
	return [bound(false), bound(true)];
}

/** Respondents whose campaign answers the filter keeps (someone may have sent campaign texts to several questions). */
export function campaignRespondents(db: DB, f: BuiltFilter): number {
	const facts = load(db);
	const keep = campaignMembers(db, facts, f);
	const seen = new Uint8Array(facts.sectorOf.length);
	let n = 0;
	for (let i = 0; keep && i < facts.memberCampaign.length; i++) {
		const r = facts.memberRespondent[i];
		if (!seen[r] && keep(i)) {
			seen[r] = 1;
			n++;
		}
	}
	return n;
}

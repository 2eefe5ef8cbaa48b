// URL search params -> a validated filter: SQL over respondents (alias r), its bound parameters, and the same
// filter in plain words. Values within a field combine with OR, fields with AND. Unknown values are dropped and
// reported, never passed to SQL.
import type { DB } from './db/client';
import { changeVersion } from './db/cache';
import { FILTER_FIELDS, type FilterOption, type Filters } from '../filters';

export { FILTER_FIELDS, filterQuery, RESPONDENT_FIELDS, type FilterOption, type Filters } from '../filters';

export interface FilterOptions {
	sector: FilterOption[];
	body: FilterOption[];
	type: FilterOption[];
	region: FilterOption[];
	campaign: FilterOption[];
	question: FilterOption[];
	theme: FilterOption[];
	stance: FilterOption[];
	answer: FilterOption[];
}

export interface BuiltFilter {
	filters: Filters;
	/** SQL condition on respondent alias `r` (always valid; "1" when nothing is filtered). */
	where: string;
	params: unknown[];
	/** Condition on answer alias `a` for the answer-level fields, for lists of answers. */
	answerWhere: string;
	answerParams: unknown[];
	description: string;
	active: boolean;
	ignored: string[];
	/** The condition as built, when `where` reads its respondents from a temporary table (filter-set.ts). */
	built?: { where: string; params: unknown[] };
}

export const NO_THEME = 'none';
export const UNKNOWN_SECTOR = 'unknown';
/** How respondents who sent a campaign's text (near-identical answers, grouped by the analysis and analysts) are
 * counted: left out, or one sender of each campaign kept (the one whose answer is the campaign's text). */
export const CAMPAIGN_OPTIONS: FilterOption[] = [
	{ value: 'none', label: 'Leave out everyone who sent a campaign text' },
	{ value: 'once', label: 'Count each campaign once (one sender of each)' }
];
const STANCES: FilterOption[] = [
	{ value: 'support', label: 'Support' },
	{ value: 'oppose', label: 'Oppose' },
	{ value: 'mixed', label: 'Mixed' },
	{ value: 'neutral', label: 'Neutral' }
];

/** Per connection: a download's own connection must not push out the pages' options. */
const cache = new WeakMap<DB, { version: string; options: FilterOptions }>();

/** The allowed values of each field, read from the database; cached until it changes (a theme added in the app, say). */
export function filterOptions(db: DB): FilterOptions {
	const version = changeVersion(db);
	const cached = cache.get(db);
	if (cached?.version === version) return cached.options;
	const rows = (sql: string) => db.prepare(sql).all() as FilterOption[];
	const options: FilterOptions = {
		sector: [...rows('SELECT id AS value, label FROM sector ORDER BY position'), { value: UNKNOWN_SECTOR, label: 'Not known' }],
		body: rows(
			`SELECT r.body AS value, CASE WHEN o.name IS NULL OR o.name = r.body THEN r.body ELSE o.name || ' (' || r.body || ')' END AS label FROM respondent r
			 LEFT JOIN organisation o ON o.abbreviation = r.body
			 WHERE r.body IS NOT NULL GROUP BY r.body ORDER BY count(*) DESC, r.body`
		),
		type: [
			{ value: 'organisation', label: 'Organisation' },
			{ value: 'individual', label: 'Individual' }
		],
		region: rows('SELECT DISTINCT region AS value, region AS label FROM respondent WHERE region IS NOT NULL ORDER BY region'),
		// Offered only when there are campaigns to leave out.
		campaign: db.prepare('SELECT 1 FROM campaign LIMIT 1').get() ? CAMPAIGN_OPTIONS : [],
		question: rows("SELECT id AS value, upper(id) || ': ' || short_text AS label FROM question ORDER BY position"),
		theme: [...rows('SELECT id AS value, label FROM theme ORDER BY position'), { value: NO_THEME, label: 'No theme assigned' }],
		stance: STANCES,
		// Each answer once, in the order of the first question that offers it; an answer that not every closed question
		// offers says which do ("Option 2 (P1)"), so a consultation with several scales reads clearly.
		answer: rows(
			`WITH offered AS (SELECT j.value AS value, q.id AS question, q.position * 1000 + j.key AS place
				FROM question q, json_each(q.options_json) j WHERE q.type = 'closed'),
			 closed AS (SELECT count(*) AS n FROM question WHERE type = 'closed')
			 SELECT value, CASE WHEN count(*) = (SELECT n FROM closed) THEN value
				ELSE value || ' (' || group_concat(upper(question), ', ') || ')' END AS label
			 FROM (SELECT * FROM offered ORDER BY place) GROUP BY value ORDER BY min(place)`
		)
	};
	// Not kept from inside a transaction: its writes may yet be rolled back (see ResultCache.read).
	if (!db.inTransaction) cache.set(db, { version, options });
	return options;
}

/** Turns free text into a safe FTS5 query: quoted phrases kept, other words ANDed, every term quoted. */
export function ftsQuery(input: string): string | null {
	const terms: string[] = [];
	const re = /"([^"]+)"|(\S+)/g;
	for (const m of input.matchAll(re)) {
		const raw = (m[1] ?? m[2]).replace(/"/g, ' ').trim();
		const words = raw.match(/[\p{L}\p{N}'-]+/gu);
		if (!words) continue;
		terms.push(`"${words.join(' ')}"`);
	}
	return terms.length ? terms.slice(0, 12).join(' AND ') : null;
}

function list(values: string[], labels: FilterOption[]): string {
	const names = values.map((v) => labels.find((o) => o.value === v)?.label ?? v);
	if (names.length === 1) return names[0];
	return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** Each field as the filter panel names it, for values that are ignored. */
const FIELD_WORDS: Record<(typeof FILTER_FIELDS)[number], string> = {
	sector: 'sector',
	body: 'professional body',
	type: 'respondent type',
	region: 'region',
	campaign: 'campaigns',
	question: 'question',
	answer: 'closed answer',
	theme: 'theme',
	stance: 'stance',
	q: 'search'
};

export function parseFilters(db: DB, params: URLSearchParams): { filters: Filters; ignored: string[] } {
	const options = filterOptions(db);
	const filters = Object.fromEntries(FILTER_FIELDS.map((f) => [f, [] as string[]])) as unknown as Filters;
	const ignored: string[] = [];
	for (const field of FILTER_FIELDS) {
		const values = [...new Set(params.getAll(field).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
		if (field === 'q') {
			const q = values.join(' ').slice(0, 200);
			if (q) filters.q = [q];
			continue;
		}
		const allowed = options[field];
		for (const v of values.slice(0, 50)) {
			if (allowed.some((o) => o.value === v)) filters[field].push(v);
			else ignored.push(`${FIELD_WORDS[field]} "${v.slice(0, 40)}"`);
		}
	}
	return { filters, ignored };
}

/** The values a filter kept, field by field (for a download's file name). */
export const filterValues = (f: BuiltFilter): string[] => FILTER_FIELDS.flatMap((field) => f.filters[field]);

export function buildFilter(db: DB, params: URLSearchParams): BuiltFilter {
	const { filters, ignored } = parseFilters(db, params);
	const options = filterOptions(db);
	const where: string[] = [];
	const p: unknown[] = [];
	const words: string[] = [];
	const inList = (n: number) => Array(n).fill('?').join(', ');

	if (filters.sector.length) {
		const known = filters.sector.filter((s) => s !== UNKNOWN_SECTOR);
		const parts: string[] = [];
		if (known.length) parts.push(`r.sector IN (${inList(known.length)})`);
		if (known.length !== filters.sector.length) parts.push('r.sector IS NULL');
		where.push(`(${parts.join(' OR ')})`);
		p.push(...known);
		words.push(`from ${list(filters.sector, options.sector)}`);
	}
	if (filters.body.length) {
		where.push(`(r.body IN (${inList(filters.body.length)}) OR r.known_organisation IN (${inList(filters.body.length)}))`);
		p.push(...filters.body, ...filters.body);
		words.push(`whose professional body is ${list(filters.body, options.body)} (members and the body itself)`);
	}
	if (filters.type.length) {
		where.push(`r.respondent_type IN (${inList(filters.type.length)})`);
		p.push(...filters.type);
		words.push(`responding as ${list(filters.type, options.type).toLowerCase()}s`);
	}
	if (filters.region.length) {
		where.push(`r.region IN (${inList(filters.region.length)})`);
		p.push(...filters.region);
		words.push(`in ${list(filters.region, options.region)}`);
	}

	if (filters.campaign.length) {
		// Values combine with OR, as in every field: "none" or "once" keeps what "once" keeps. The partial index on
		// answers in a campaign gives the senders without reading every respondent's answers.
		const senders = 'SELECT respondent_id FROM answer WHERE campaign_id IS NOT NULL';
		if (filters.campaign.includes('once')) {
			// Everyone but the senders of a copy that is not its campaign's text. Someone whose answer is one campaign's
			// text and who also sent a copy of another's is left out (kept, they would count that other campaign twice).
			where.push(`r.id NOT IN (${senders} AND id NOT IN (SELECT exemplar_answer_id FROM campaign WHERE exemplar_answer_id IS NOT NULL))`);
			words.push('counting each campaign once (only the sender of its text)');
		} else {
			where.push(`r.id NOT IN (${senders})`);
			words.push('who sent no campaign text');
		}
	}

	// Answer-level fields: a respondent qualifies through one answer that meets all of them.
	const aw: string[] = [];
	const ap: unknown[] = [];
	const answerWords: string[] = [];
	if (filters.question.length) {
		aw.push(`a.question_id IN (${inList(filters.question.length)})`);
		ap.push(...filters.question);
		answerWords.push(`to ${filters.question.map((q) => q.toUpperCase()).join(' or ')}`);
	}
	if (filters.answer.length) {
		aw.push(`a.choice IN (${inList(filters.answer.length)})`);
		ap.push(...filters.answer);
		answerWords.push(`choosing ${filters.answer.map((x) => `"${x}"`).join(' or ')}`);
	}
	if (filters.stance.length) {
		aw.push(`a.stance IN (${inList(filters.stance.length)})`);
		ap.push(...filters.stance);
		answerWords.push(`with stance ${list(filters.stance, STANCES).toLowerCase()}`);
	}
	if (filters.theme.length) {
		const themes = filters.theme.filter((t) => t !== NO_THEME);
		const parts: string[] = [];
		if (themes.length) parts.push(`EXISTS (SELECT 1 FROM theme_hit e WHERE e.answer_id = a.id AND e.theme_id IN (${inList(themes.length)}))`);
		if (themes.length !== filters.theme.length)
			parts.push("(trim(coalesce(a.text, '')) <> '' AND NOT EXISTS (SELECT 1 FROM theme_hit e WHERE e.answer_id = a.id))");
		aw.push(`(${parts.join(' OR ')})`);
		ap.push(...themes);
		// "raising consent or with no theme", not "raising no theme assigned".
		const raising = themes.length ? [`raising ${list(themes, options.theme).toLowerCase()}`] : [];
		answerWords.push([...raising, ...(themes.length !== filters.theme.length ? ['with no theme'] : [])].join(' or '));
	}
	const fts = filters.q.length ? ftsQuery(filters.q[0]) : null;
	if (fts) {
		aw.push('a.id IN (SELECT rowid FROM answer_fts WHERE answer_fts MATCH ?)');
		ap.push(fts);
		// In quotes once, whatever quotes were typed ('"consent' is not shown as '"consent').
		answerWords.push(`mentioning "${filters.q[0].replace(/"/g, '').trim()}"`);
	} else if (filters.q.length) {
		// Nothing to look for ("*", "(("): said, rather than showing every answer as if they matched.
		ignored.push(`search "${filters.q[0].slice(0, 40)}" (it has no letters or digits to look for)`);
		filters.q = [];
	}
	if (aw.length) {
		where.push(`EXISTS (SELECT 1 FROM answer a WHERE a.respondent_id = r.id AND ${aw.join(' AND ')})`);
		p.push(...ap);
		// Said outright when the answer may be to any question: on a question's page, "choosing No" is otherwise read
		// as an answer to that question.
		words.push(`with an answer ${answerWords.join(', ')}${filters.question.length ? '' : ' (to any question)'}`);
	}
	const active = where.length > 0;
	return {
		filters,
		where: active ? where.join(' AND ') : '1',
		params: p,
		answerWhere: aw.length ? aw.join(' AND ') : '1',
		answerParams: ap,
		description: active ? `Respondents ${words.join(', ')}` : 'All respondents',
		active,
		ignored
	};
}

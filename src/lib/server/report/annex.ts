// The summary of responses' annex of the organisations that responded, and analysts' decisions on how each is named.
import { annexNamed, ANNEX_NAMED, REPORT_ANNEX_SQL, REPORT_NOT_NAMED_SQL, TITLE_WORDS } from '../../audit-queries';
import { redact } from '../../analysis/redact';
import { formatNumber } from '../../format';
import { audit, type User } from '../auth';
import { changeVersion } from '../db/cache';
import type { DB } from '../db/client';
import { writeKeepingFacts } from '../facts';

export interface Annex {
	/** The organisations named, A to Z (a leading "The" aside), each once with how many responses it sent. */
	organisations: { name: string; responses: number; shown: string }[];
	named: number;
	/** Responses not named: from organisations that asked for confidentiality, from individuals, from respondents who
	 * did not say which they were, from organisations that gave no name, from ones whose name may be a person's, and
	 * from ones an analyst decided not to name. */
	confidential: number;
	individuals: number;
	unstated: number;
	noName: number;
	maybePerson: number;
	withheld: number;
	/** What the annex says before the list, the same in Word and print. */
	text: string;
}

/**
 * The organisations that responded, as a published summary lists them: A to Z, by the name an analyst gave, else the
 * organisation list's name where the record was matched to it, else the name given; never one that asked for
 * confidentiality, never an individual (whatever organisation they mentioned), never one an analyst decided not to
 * name, and never a name that may be a person's (a title first, the respondent's own name, an e-mail address or phone
 * number, or what the redaction would change) unless an analyst confirmed it, which is counted instead. Not by sector:
 * a sector the analysis inferred would be published as the organisation's own. The queries are the audit queries
 * `report-annex` and `report-annex-not-named`, so an auditor runs what the report ran.
 */
export function annexOf(db: DB): Annex {
	const rows = db.prepare(REPORT_ANNEX_SQL).all() as AnnexRow[];
	const others = db.prepare(REPORT_NOT_NAMED_SQL).get() as { confidential: number; individuals: number; unstated: number; no_name: number; maybe_person: number; withheld: number };
	const personal = new Set(rows.filter(looksPersonal));
	const listed = rows.filter((r) => !personal.has(r));
	const annex: Omit<Annex, 'text'> = {
		organisations: listed.map((o) => ({ name: o.name, responses: o.responses, shown: annexName(o) })),
		named: listed.length,
		confidential: others.confidential,
		individuals: others.individuals,
		unstated: others.unstated,
		noName: others.no_name,
		maybePerson: others.maybe_person + [...personal].reduce((n, r) => n + r.responses, 0),
		withheld: others.withheld
	};
	return { ...annex, text: annexText(annex) };
}

interface AnnexRow {
	name: string;
	responses: number;
	listed: number;
	confirmed: number;
}

/** A name not on the organisation list, and not confirmed by an analyst, that the redaction of personal data would
 * change ("Parent of Jack Taylor", "Jane Doe"): the rules in SQL (a title, the respondent's own name, an address or a
 * number) do not see every person. */
function looksPersonal(r: Pick<AnnexRow, 'name' | 'listed' | 'confirmed'>): boolean {
	return !r.listed && !r.confirmed && redact(r.name).redactions.some((x) => x.kind !== 'organisation');
}

/** Per connection, until the data change: the Report page asks on every visit (about a second at a million answers). */
const withheldCache = new WeakMap<DB, { version: string; rows: { responseId: string; name: string }[] }>();

/** The responses the annex leaves out because the organisation's name may be a person's, for the Report page to list
 * (an analyst names one that is an organisation's from its response page). */
export function annexWithheld(db: DB): { responseId: string; name: string }[] {
	const version = changeVersion(db);
	const cached = withheldCache.get(db);
	if (cached?.version === version) return cached.rows;
	const rows = db
		.prepare(
			`WITH ${ANNEX_NAMED} SELECT response_id AS responseId, name, status, listed, confirmed FROM checked
			 WHERE status = 'maybe a person' OR (status = 'named' AND NOT listed AND NOT confirmed) ORDER BY response_id`
		)
		.all() as { responseId: string; name: string; status: string; listed: number; confirmed: number }[];
	// Each name is read for personal data once, however many responses gave it.
	const personal = new Map<string, boolean>();
	const flagged = (r: (typeof rows)[number]) => personal.get(r.name) ?? personal.set(r.name, looksPersonal(r)).get(r.name)!;
	const withheld = rows.filter((r) => r.status === 'maybe a person' || flagged(r)).map(({ responseId, name }) => ({ responseId, name }));
	if (!db.inTransaction) withheldCache.set(db, { version, rows: withheld });
	return withheld;
}

function annexText(a: Omit<Annex, 'text'>): string {
	const orgs = (n: number) => `${formatNumber(n)} ${n === 1 ? 'organisation' : 'organisations'}`;
	const listed = a.named ? `We received responses from the ${orgs(a.named)} listed below.` : 'No organisation that responded can be named here.';
	const unnamed = [
		a.confidential ? `organisations that asked for their response to be kept confidential (${formatNumber(a.confidential)} ${a.confidential === 1 ? 'response' : 'responses'})` : '',
		a.noName ? `organisations that gave no name (${formatNumber(a.noName)})` : '',
		a.maybePerson ? `organisations whose name may be a person's (${formatNumber(a.maybePerson)})` : '',
		a.withheld ? `organisations we decided not to name (${formatNumber(a.withheld)} ${a.withheld === 1 ? 'response' : 'responses'})` : '',
		a.individuals ? `the ${formatNumber(a.individuals)} ${a.individuals === 1 ? 'person' : 'people'} who responded as individuals` : '',
		a.unstated ? `the ${formatNumber(a.unstated)} ${a.unstated === 1 ? 'respondent' : 'respondents'} who did not say whether they responded for an organisation` : ''
	].filter(Boolean);
	const last = unnamed.length > 1 ? ` or ${unnamed.pop()}` : '';
	return `${listed}${unnamed.length ? ` We have not named ${unnamed.join(', ')}${last}.` : ''}`;
}

/** An organisation as the annex lists it: its name, and how many responses it sent when more than one. */
export function annexName(o: { name: string; responses: number }): string {
	return o.responses > 1 ? `${o.name} (${formatNumber(o.responses)} responses)` : o.name;
}

/** How one response appears in the annex, for its page: why, and any analyst's decision. */
export interface AnnexEntry {
	/** Whether the annex can name this respondent at all: an organisation that did not ask for confidentiality. */
	eligible: boolean;
	/** Why it cannot, when it cannot. */
	why?: string;
	/** 'named' (as `name`), or why not. */
	status: 'named' | 'no name' | 'maybe a person' | 'withheld by an analyst' | 'not eligible';
	name: string | null;
	/** The organisation's name as the respondent gave it (spaces as the annex makes them), for the form to start from. */
	given: string;
	/** Whether the status is this response's own decision, another response's with the same name, or the rules'. */
	by: 'this response' | 'another response' | 'the rules';
	/** Why the rules take the name for a person's, when they do. */
	reasons: string[];
	decision: { decision: 'name' | 'withhold'; name: string | null; by: string; at: string } | null;
	/** A decision made when the organisation was given otherwise (a later import changed it): the rules apply again. */
	stale: { given: string } | null;
	/** When the stored decision (applying or not) was made, or '': a form sends it back, so that a decision another
	 * analyst made meanwhile is not overwritten unseen. */
	version: string;
}

/** How the annex treats one response, by the same query as the annex itself, run over it and the responses analysts
 * decided on (whose decisions may cover it). */
export function annexEntry(db: DB, responseId: string): AnnexEntry | undefined {
	const r = db.prepare('SELECT id, organisation, name, respondent_type AS type, confidential FROM respondent WHERE response_id = ?').get(responseId) as
		| { id: number; organisation: string | null; name: string | null; type: string | null; confidential: number }
		| undefined;
	if (!r) return undefined;
	const d = db.prepare('SELECT decision, name, given, decided_by AS by, decided_at AS at FROM annex_decision WHERE respondent_id = ?').get(r.id) as
		| (NonNullable<AnnexEntry['decision']> & { given: string })
		| undefined;
	const row = db.prepare(`WITH ${annexNamed(true)} SELECT given_name AS given, name, status, listed, confirmed, chosen FROM checked WHERE response_id = ?`).get(responseId, responseId) as
		| { given: string; name: string; status: AnnexEntry['status']; listed: number; confirmed: number; chosen: number }
		| undefined;
	if (!row) {
		const why = r.confidential ? 'they asked for their response to be kept confidential' : r.type === 'individual' ? 'they responded as an individual' : 'they did not say whether they responded for an organisation';
		const given = (r.organisation ?? '').replace(/\s+/g, ' ').trim();
		return { eligible: false, why, status: 'not eligible', name: null, given, by: 'the rules', reasons: [], decision: d ? strip(d) : null, stale: null, version: d?.at ?? '' };
	}
	const stale = d && d.given !== row.given ? { given: d.given } : null;
	const own = d && !stale ? strip(d) : null;
	const status = row.status === 'named' && looksPersonal(row) ? 'maybe a person' : row.status;
	const by = own && (status === 'withheld by an analyst') === (own.decision === 'withhold') ? 'this response' : status === 'withheld by an analyst' || row.confirmed ? 'another response' : 'the rules';
	return {
		eligible: true,
		status,
		name: status === 'named' ? row.name : null,
		given: row.given,
		by,
		reasons: status === 'maybe a person' ? personalReasons(row.given, r.name) : [],
		decision: own,
		stale,
		version: d?.at ?? ''
	};
}

const strip = ({ decision, name, by, at }: NonNullable<AnnexEntry['decision']>) => ({ decision, name, by, at });

/**
 * Why a name may be a person's rather than an organisation's: the annex query's rules (a title first, the respondent's
 * own name, an e-mail address, a long number) and the redaction of personal data, in words an analyst can check.
 */
export function personalReasons(name: string, person: string | null): string[] {
	const reasons: string[] = [];
	const first = name.split(' ')[0] ?? '';
	if (TITLE_WORDS.includes(first.toLowerCase())) reasons.push(`it begins with a title ("${first}")`);
	const words = (person ?? '').replace(/\u00a0/g, ' ').trim().split(/\s+/);
	const own = (TITLE_WORDS.includes(words[0]?.toLowerCase() ?? '') ? words.slice(1) : words).join(' ');
	if (own.length >= 3 && name.toLowerCase().includes(own.toLowerCase())) reasons.push("it holds the respondent's own name");
	if (name.includes('@')) reasons.push('it holds an e-mail address');
	if ((name.match(/\d/g) ?? []).length >= 6) reasons.push('it holds a phone number or another long number');
	const found = redact(name).redactions.filter((x) => x.kind !== 'organisation' && x.kind !== 'email' && x.kind !== 'phone');
	if (found.length) reasons.push(`it reads as personal data (${found.map((x) => `"${name.slice(x.start, x.end)}"`).join(', ')})`);
	return reasons;
}

/** Longest name an analyst may give: the longest on the bundled organisation list is under 100 characters. */
export const ANNEX_NAME_MAX = 200;

export type AnnexChoice = { decision: 'name'; name: string; checked?: boolean } | { decision: 'withhold' } | { decision: 'rules' };

/** Why a decision was refused, and the form field it is about. */
export interface AnnexProblem {
	problem: string;
	field: 'decision-name' | 'annex-name' | 'annex-checked';
}

/**
 * Stores an analyst's decision on how the annex names one respondent's organisation (or takes it back, leaving the rules
 * to decide), in the audit log with what it was before. Only an organisation that did not ask for confidentiality can
 * be named: confidentiality is the respondent's choice, not an analyst's. A name the rules would take for a person's,
 * or one a confidential respondent gave, is stored only once the analyst says they have checked it. A typed name that
 * is an organisation list entry's name or abbreviation is stored as the list names it, so the annex lists it once.
 * `opened`: the decision's version when the analyst's page was opened; refused if another analyst decided since.
 */
export function decideAnnex(db: DB, user: User, responseId: string, choice: AnnexChoice, opened?: string): AnnexProblem | null {
	const entry = annexEntry(db, responseId);
	if (!entry) return { problem: 'There is no response with that reference', field: 'decision-name' };
	if (opened !== undefined && opened !== entry.version)
		return { problem: 'Another analyst changed this decision after you opened the page: check it and save again', field: 'decision-name' };
	const { id, person } = db.prepare('SELECT id, name AS person FROM respondent WHERE response_id = ?').get(responseId) as { id: number; person: string | null };
	const stored = db.prepare('SELECT decision, name FROM annex_decision WHERE respondent_id = ?').get(id) as { decision: string; name: string | null } | undefined;
	const before = stored ? (entry.stale ? `an earlier decision, made when the organisation was given as "${entry.stale.given}"` : stored.decision === 'name' ? `named as "${stored.name}"` : 'not named') : `left to the rules (${entry.status})`;
	// Taking a decision back is allowed whatever became of the respondent since (confidential, say).
	if (choice.decision === 'rules') {
		if (!stored) return null;
		write(db, () => {
			db.prepare('DELETE FROM annex_decision WHERE respondent_id = ?').run(id);
			audit(db, user.username, 'annex name decided', `respondent ${responseId}`, { from: before, to: 'left to the rules' });
		});
		return null;
	}
	if (!entry.eligible) return { problem: 'Only an organisation that did not ask for confidentiality can be named in the summary', field: 'decision-name' };
	let name: string | null = null;
	let checks: string[] = [];
	if (choice.decision === 'name') {
		name = choice.name.replace(/\s+/g, ' ').trim();
		if (!name) return { problem: 'Enter the name to publish', field: 'annex-name' };
		if (name.length > ANNEX_NAME_MAX) return { problem: `The name must be ${ANNEX_NAME_MAX} characters or fewer`, field: 'annex-name' };
		name = listedName(db, name) ?? name;
		checks = [...personalReasons(name, person), ...(givenInConfidence(db, name) ? ['a respondent who asked for confidentiality gave it as their organisation'] : [])];
		if (checks.length && !choice.checked)
			return { problem: `Check the name to publish: ${checks.join('; ')}. If it is an organisation's name that may be published, say so and save again`, field: 'annex-checked' };
	}
	if (!entry.stale && stored?.decision === choice.decision && stored.name === name) return null;
	write(db, () => {
		db.prepare(
			`INSERT INTO annex_decision (respondent_id, decision, name, given, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)
			 ON CONFLICT(respondent_id) DO UPDATE SET decision = excluded.decision, name = excluded.name, given = excluded.given,
				decided_by = excluded.decided_by, decided_at = excluded.decided_at`
		).run(id, choice.decision, name, entry.given, user.username, new Date().toISOString());
		audit(db, user.username, 'annex name decided', `respondent ${responseId}`, {
			from: before,
			to: name ? `named as "${name}"` : 'not named',
			...(checks.length ? { checkedDespite: checks } : {})
		});
	});
	return null;
}

/** The decision and its audit entry in one transaction. Nothing the counts in memory hold changes: they are kept
 * (reading them again takes seconds at a million answers). */
function write(db: DB, change: () => void) {
	writeKeepingFacts(db, [], () => db.transaction(change)());
}

const nameKey = (s: string) => s.toLowerCase().replace(/[’‘ʼ]/g, "'");

/** The organisation list's name for a typed name that is exactly one entry's name or abbreviation (letter case and
 * apostrophes aside), as the annex lists it: "British Medical Association (BMA)" for "bma". */
function listedName(db: DB, typed: string): string | null {
	const key = nameKey(typed);
	const entries = (db.prepare('SELECT name, abbreviation FROM organisation').all() as { name: string; abbreviation: string | null }[]).filter(
		(o) => nameKey(o.name) === key || (o.abbreviation !== null && nameKey(o.abbreviation) === key)
	);
	if (entries.length !== 1) return null;
	const [o] = entries;
	return o.abbreviation && o.abbreviation !== o.name ? `${o.name} (${o.abbreviation})` : o.name;
}

/** Whether a respondent who asked for confidentiality gave this as their organisation (or was matched to it). */
function givenInConfidence(db: DB, name: string): boolean {
	const key = nameKey(name);
	const rows = db
		.prepare("SELECT organisation, known_organisation AS known FROM respondent WHERE confidential = 1 AND (organisation IS NOT NULL OR known_organisation IS NOT NULL)")
		.all() as { organisation: string | null; known: string | null }[];
	const bare = key.replace(/ \([^)]*\)$/, '');
	return rows.some((r) => [r.organisation, r.known].some((x) => x !== null && [key, bare].includes(nameKey(x.replace(/\s+/g, ' ').trim()))));
}

/** Every analyst's decision on the annex, for the Report page: an official checks them before the summary is published. */
export function annexDecisions(db: DB): { responseId: string; given: string; decision: 'name' | 'withhold'; name: string | null; by: string; at: string; applies: boolean }[] {
	const rows = db
		.prepare(
			// A respondent who has asked for confidentiality since: their organisation is withheld here as on every page.
			`SELECT r.response_id AS responseId, CASE WHEN r.confidential = 1 THEN 'Withheld (confidential)' ELSE d.given END AS given,
				d.decision, CASE WHEN r.confidential = 1 THEN NULL ELSE d.name END AS name, d.decided_by AS by, d.decided_at AS at
			 FROM annex_decision d JOIN respondent r ON r.id = d.respondent_id ORDER BY r.response_id`
		)
		.all() as { responseId: string; given: string; decision: 'name' | 'withhold'; name: string | null; by: string; at: string }[];
	// Whether each still applies: the respondent is still an organisation, not confidential, giving the same name.
	const current = new Map(
		(db.prepare(`WITH ${annexNamed(true)} SELECT response_id AS responseId, given_name AS given FROM ruled`).all('') as { responseId: string; given: string }[]).map((r) => [r.responseId, r.given])
	);
	return rows.map((r) => ({ ...r, applies: current.get(r.responseId) === r.given }));
}

// The summary of responses' annex of the organisations that responded, and analysts' decisions on how each is named.
import { annexNamed, ANNEX_NAMED, REPORT_ANNEX_SQL, REPORT_NOT_NAMED_SQL } from '../../audit-queries';
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
		a.withheld ? `organisations we decided not to name (${formatNumber(a.withheld)})` : '',
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
	/** The organisation's name as the respondent gave it, for the form to start from. */
	given: string;
	decision: { decision: 'name' | 'withhold'; name: string | null; by: string; at: string } | null;
}

/** How the annex treats one response: by the same query as the annex itself, for that respondent alone. */
export function annexEntry(db: DB, responseId: string): AnnexEntry | undefined {
	const r = db.prepare('SELECT id, organisation, respondent_type AS type, confidential FROM respondent WHERE response_id = ?').get(responseId) as
		| { id: number; organisation: string | null; type: string | null; confidential: number }
		| undefined;
	if (!r) return undefined;
	const decision = db.prepare('SELECT decision, name, decided_by AS by, decided_at AS at FROM annex_decision WHERE respondent_id = ?').get(r.id) as AnnexEntry['decision'] | undefined;
	const row = db.prepare(`WITH ${annexNamed(true)} SELECT name, status, listed, confirmed FROM checked`).get(responseId) as
		| { name: string; status: AnnexEntry['status']; listed: number; confirmed: number }
		| undefined;
	const given = (r.organisation ?? '').replace(/\s+/g, ' ').trim();
	if (!row) {
		const why = r.confidential ? 'they asked for their response to be kept confidential' : r.type === 'individual' ? 'they responded as an individual' : 'they did not say whether they responded for an organisation';
		return { eligible: false, why, status: 'not eligible', name: null, given, decision: decision ?? null };
	}
	const status = row.status === 'named' && looksPersonal(row) ? 'maybe a person' : row.status;
	return { eligible: true, status, name: status === 'named' ? row.name : null, given, decision: decision ?? null };
}

/** Longest name an analyst may give: the longest on the bundled organisation list is under 100 characters. */
export const ANNEX_NAME_MAX = 200;

export type AnnexChoice = { decision: 'name'; name: string } | { decision: 'withhold' } | { decision: 'rules' };

/**
 * Stores an analyst's decision on how the annex names one respondent (or takes it back, leaving the rules to decide),
 * in the audit log with what it was before. Only an organisation that did not ask for confidentiality can be named:
 * confidentiality is the respondent's choice, not an analyst's. Returns a message for the form when it refuses.
 */
export function decideAnnex(db: DB, user: User, responseId: string, choice: AnnexChoice): string | null {
	const entry = annexEntry(db, responseId);
	if (!entry) return 'There is no response with that reference';
	if (!entry.eligible) return 'Only an organisation that did not ask for confidentiality can be named in the summary';
	const name = choice.decision === 'name' ? choice.name.replace(/\s+/g, ' ').trim() : null;
	if (choice.decision === 'name' && !name) return 'Enter the name to publish';
	if (name && name.length > ANNEX_NAME_MAX) return `The name must be ${ANNEX_NAME_MAX} characters or fewer`;
	const before = entry.decision ? (entry.decision.decision === 'name' ? `named as "${entry.decision.name}"` : 'not named') : `left to the rules (${entry.status})`;
	const after = choice.decision === 'name' ? `named as "${name}"` : choice.decision === 'withhold' ? 'not named' : 'left to the rules';
	// Nothing the counts in memory hold changes: they are kept (reading them again takes seconds at a million answers).
	writeKeepingFacts(db, [], () =>
		db.transaction(() => {
			const { id } = db.prepare('SELECT id FROM respondent WHERE response_id = ?').get(responseId) as { id: number };
			if (choice.decision === 'rules') db.prepare('DELETE FROM annex_decision WHERE respondent_id = ?').run(id);
			else
				db.prepare(
					`INSERT INTO annex_decision (respondent_id, decision, name, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)
					 ON CONFLICT(respondent_id) DO UPDATE SET decision = excluded.decision, name = excluded.name,
						decided_by = excluded.decided_by, decided_at = excluded.decided_at`
				).run(id, choice.decision, name, user.username, new Date().toISOString());
			audit(db, user.username, 'annex name decided', `respondent ${responseId}`, { from: before, to: after });
		})()
	);
	return null;
}

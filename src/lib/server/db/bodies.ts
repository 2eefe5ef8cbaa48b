// A respondent's professional body and known organisation as the pages count them, worked out from what they gave
// and the list of known organisations (by analyse for everyone, and by an import for the respondents it changed).
import type { DB } from './client';

/**
 * Canonical body names: an abbreviation or full name in organisations.csv becomes that entry's abbreviation; a body
 * not in the list keeps its own name; a respondent that is itself a listed professional body counts as that body
 * (not when it asked for confidentiality: the body would name it, and then it is not a known organisation at all).
 * Worked out once per distinct (body, organisation) pair, and written only to the respondents whose names changed:
 * matching every respondent against every listed organisation, and rewriting them all, took seconds at 150,000.
 * With `ids`, only those respondents (an import that changed them).
 */
export function writeBodies(db: DB, ids?: number[]) {
	const canonical = db.prepare(`SELECT
		(SELECT coalesce(o.abbreviation, o.name) FROM organisation o WHERE o.name = trim(@given) OR o.abbreviation = trim(@given)) AS listed,
		nullif(trim(@given), '') AS given,
		(SELECT coalesce(o.abbreviation, o.name) FROM organisation o
			WHERE o.name = trim(@organisation) OR o.abbreviation = trim(@organisation) OR trim(@organisation) LIKE o.name || ' (%' OR trim(@organisation) = 'The ' || o.name) AS known`);
	const bodies = new Set(db.prepare("SELECT coalesce(abbreviation, name) FROM organisation WHERE kind = 'professional-body'").pluck().all());
	const update = db.prepare('UPDATE respondent SET body = ?, known_organisation = ? WHERE id = ?');
	const names = new Map<string, { body: string | null; known: string | null }>();
	const columns = 'SELECT id, professional_body AS given, organisation, respondent_type AS type, confidential, body, known_organisation AS known FROM respondent';
	const one = db.prepare(`${columns} WHERE id = ?`);
	const rows = (ids ? ids.map((id) => one.get(id)).filter(Boolean) : db.prepare(columns).all()) as {
		id: number;
		type: string | null;
		given: string | null;
		organisation: string | null;
		confidential: number;
		body: string | null;
		known: string | null;
	}[];
	for (const r of rows) {
		const key = JSON.stringify([r.given, r.organisation, r.confidential, r.type]);
		let found = names.get(key);
		if (!found) {
			const c = canonical.get({ given: r.given, organisation: r.organisation }) as { listed: string | null; given: string | null; known: string | null };
			// A body not on the list that is an organisation's own name or its initials ("FSB" from the Federation of
			// Small Businesses) is that organisation itself. Not for an individual (a nurse at "Rochdale Community
			// Nursing" naming the RCN), nor for a listed body (that says whose member it is).
			if (c.known === null && c.listed === null && c.given !== null && r.type === 'organisation' && ownName(r.organisation, c.given)) c.known = c.given;
			// A respondent that is itself a professional body counts as that body, unless it asked for confidentiality:
			// its body would then name it (the body it names as a member's is still counted).
			const body = c.listed ?? c.given ?? (c.known !== null && bodies.has(c.known) ? c.known : null);
			// Nor is it a known organisation: that would show it as "the body itself" on the body's page, count it under
			// its own name, put it in the body's group when filtering by the body, and list it among the known
			// organisations on the stakeholder tracker.
			const confidential = r.confidential === 1;
			found = { body: confidential && body !== null && body === c.known ? null : body, known: confidential ? null : c.known };
			names.set(key, found);
		}
		if (found.body !== r.body || found.known !== r.known) update.run(found.body, found.known, r.id);
	}
}

/** Whether `body` is the organisation's own name, or the initials of its name ("FSB": Federation of Small Businesses). */
export function ownName(organisation: string | null, body: string): boolean {
	const org = (organisation ?? '').trim().replace(/^the\s+/i, '');
	const b = body.trim().replace(/^the\s+/i, '');
	if (!org || !b) return false;
	if (org.toLowerCase() === b.toLowerCase()) return true;
	if (!/^[A-Z][A-Za-z&]{1,9}$/.test(b)) return false;
	const words = org.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w));
	const initials = (list: string[]) => list.map((w) => w[0].toUpperCase()).join('');
	const significant = words.filter((w) => !/^(?:of|the|and|for|in|on|&)$/i.test(w));
	return [initials(words), initials(significant)].includes(b.toUpperCase());
}

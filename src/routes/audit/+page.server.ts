import { getDb } from '$lib/server/db';
import { auditEntries, auditFacets } from '$lib/server/db/audit';
import { keepPageInRange, pageNumber } from '$lib/server/page';

export function load({ url }) {
	const db = getDb();
	const facets = auditFacets(db);
	const user = facets.users.find((u) => u === url.searchParams.get('user')) ?? undefined;
	const action = facets.actions.find((a) => a === url.searchParams.get('action')) ?? undefined;
	const page = pageNumber(url);
	const entries = auditEntries(db, { user, action }, 100, (page - 1) * 100);
	keepPageInRange(url, page, entries.total, 100);
	return { facets, user: user ?? '', action: action ?? '', page, pageSize: 100, ...entries };
}

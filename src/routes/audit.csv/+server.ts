import { toCsv } from '$lib/csv-safe';
import { getDb } from '$lib/server/db';
import { auditEntries } from '$lib/server/db/audit';

export function GET({ url }) {
	const { entries } = auditEntries(getDb(), { user: url.searchParams.get('user') ?? undefined, action: url.searchParams.get('action') ?? undefined }, 1_000_000);
	const body = toCsv(['id', 'at', 'username', 'action', 'target', 'detail'], entries as unknown as Record<string, unknown>[]) + '\r\n';
	return new Response('\uFEFF' + body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="audit-log.csv"' } });
}

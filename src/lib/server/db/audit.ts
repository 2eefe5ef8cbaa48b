// The audit log: who changed what, and when; filterable by person and action.
import type { DB } from './client';

export interface AuditEntry {
	id: number;
	at: string;
	username: string | null;
	action: string;
	target: string | null;
	detail: string;
}

export function auditEntries(db: DB, filter: { user?: string; action?: string }, limit = 200, offset = 0): { total: number; entries: AuditEntry[] } {
	const where = '(? IS NULL OR username = ?) AND (? IS NULL OR action = ?)';
	const p = [filter.user ?? null, filter.user ?? null, filter.action ?? null, filter.action ?? null];
	const total = db.prepare(`SELECT count(*) FROM audit_log WHERE ${where}`).pluck().get(...p) as number;
	const entries = db
		.prepare(`SELECT id, at, username, action, target, detail_json AS detail FROM audit_log WHERE ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
		.all(...p, limit, offset) as AuditEntry[];
	return { total, entries };
}

export function auditFacets(db: DB): { users: string[]; actions: string[] } {
	return {
		users: db.prepare('SELECT DISTINCT username FROM audit_log WHERE username IS NOT NULL ORDER BY 1').pluck().all() as string[],
		actions: db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY 1').pluck().all() as string[]
	};
}

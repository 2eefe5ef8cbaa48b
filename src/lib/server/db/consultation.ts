// The consultation's definition as the pages need it.
import type { DB } from './client';

export interface ConsultationInfo {
	id: string;
	title: string;
	shortTitle: string;
	opens: string | null;
	closes: string | null;
	illustrative: boolean;
	notice: string | null;
}

export function consultationInfo(db: DB): ConsultationInfo {
	const row = db
		.prepare('SELECT id, title, short_title AS shortTitle, opens, closes, illustrative, notice FROM consultation LIMIT 1')
		.get() as (Omit<ConsultationInfo, 'illustrative'> & { illustrative: number }) | undefined;
	if (!row) return { id: '', title: 'No consultation loaded', shortTitle: 'No consultation loaded', opens: null, closes: null, illustrative: false, notice: null };
	return { ...row, illustrative: row.illustrative === 1 };
}

/** People in the public record of the consultation's field (`public_record` in consultation.json), whose names
 * redaction leaves alone. */
export function publicRecordNames(db: DB): string[] {
	return JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'public_record'").pluck().get() as string | undefined) ?? '[]') as string[];
}

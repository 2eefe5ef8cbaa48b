// Redaction of the answers an import adds or changes, done as they are stored, so that search and pages read redacted
// text at once rather than the original until the next analysis. Themes, stance and campaigns still wait for it.
// (Comments are not indexed for search, and pages redact a changed one as they show it.)
import { mentionsPersonal, personalTerms, publicRecord, redact } from '../../analysis/redact';
import type { DB } from './client';
import { publicRecordNames } from './consultation';

/**
 * Stores the redacted text of every written answer of the respondents `ids` that has none (new, changed, or whose
 * respondent's own details changed), as analyse stores it: the text itself when nothing was taken out, and indexes it
 * for search. Same rules as the pipeline's redaction stage.
 */
export function redactAnswersOf(db: DB, ids: number[]) {
	if (ids.length === 0) return;
	const record = publicRecord(publicRecordNames(db));
	const person = db.prepare('SELECT name, organisation, respondent_type AS type, confidential FROM respondent WHERE id = ?');
	const answers = db
		.prepare("SELECT id, text FROM answer WHERE respondent_id = ? AND text_redacted IS NULL AND trim(coalesce(text, '')) <> ''")
		.raw();
	const store = db.prepare('UPDATE answer SET text_redacted = ?, redactions = ? WHERE id = ?');
	// The search index holds redacted text only, and has no triggers (analyse rebuilds it whole).
	const unindex = db.prepare('DELETE FROM answer_fts WHERE rowid = ?');
	const index = db.prepare('INSERT INTO answer_fts (rowid, text) VALUES (?, ?)');
	for (const id of ids) {
		const r = person.get(id) as { name: string | null; organisation: string | null; type: string | null; confidential: number } | undefined;
		if (!r) continue;
		const personal = personalTerms({ name: r.name, organisation: r.organisation, respondentType: r.type, confidential: r.confidential === 1 });
		for (const [answerId, text] of answers.all(id) as [number, string][]) {
			const own = personal && mentionsPersonal(text, personal) ? personal : undefined;
			const red = redact(text, own, record);
			const shown = red.redactions.length ? red.text : text;
			store.run(shown, red.redactions.length, answerId);
			unindex.run(answerId);
			index.run(answerId, shown);
		}
	}
}

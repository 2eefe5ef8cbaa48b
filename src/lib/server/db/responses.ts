// Lists of answers under a filter (search results, a theme's answers) and one respondent's full response.
// Pages only ever get redacted text; confidential respondents' organisation names are withheld.
import { decodeEvidence, shownEvidence } from '../../analysis/evidence';
import { buildFilter, type BuiltFilter } from '../filters';
import type { DB } from './client';
import { matchingAnswers, themeCounts } from '../facts';
import type { AnswerView } from '../../types';

/** One answer as the pages show it (the shape is shared with components in $lib/types). */
export type AnswerItem = AnswerView;

interface AnswerRowRaw {
	answerId: number;
	responseId: string;
	question: string;
	choice: string | null;
	stance: string | null;
	text: string;
	sector: string;
	sectorInferred: number;
	organisation: string | null;
	respondentType: string | null;
	confidential: number;
	campaignSize: number | null;
	campaignId: number | null;
}

/**
 * A respondent's organisation as pages may show it (SQL over `respondent r`): withheld for one who asked for
 * confidentiality, and for one not responding as an organisation when it holds a word of their own name (an
 * individual at "Aldous & Kerr Dental Practice" would be named by it).
 */
export const SHOWN_ORGANISATION = `CASE WHEN r.confidential = 1 OR (coalesce(r.respondent_type, '') <> 'organisation' AND holds_own_name(r.organisation, r.name)) THEN NULL ELSE r.organisation END`;

const ANSWER_COLUMNS = `a.id AS answerId, r.response_id AS responseId, a.question_id AS question, a.choice, a.stance,
	coalesce(shown_text(a.text_redacted, a.text, r.name, r.organisation, r.respondent_type, r.confidential), '') AS text, coalesce(s.label, 'Not known') AS sector, r.sector_inferred AS sectorInferred,
	${SHOWN_ORGANISATION} AS organisation, r.respondent_type AS respondentType,
	r.confidential, c.size AS campaignSize, c.id AS campaignId`;

function withThemes(db: DB, rows: AnswerRowRaw[]): AnswerItem[] {
	const stmt = db.prepare(
		`SELECT e.theme_id AS id, t.label, e.source, x.answer_id IS NOT NULL AS suggested, coalesce(x.confidence, e.confidence) AS confidence,
			coalesce(x.evidence_json, e.evidence_json) AS evidence_json
		 FROM answer_theme_effective e JOIN theme t ON t.id = e.theme_id
		 LEFT JOIN answer_theme x ON x.answer_id = e.answer_id AND x.theme_id = e.theme_id AND x.source = 'auto'
		 WHERE e.answer_id = ? ORDER BY t.position`
	);
	return rows.map((r) => ({
		...r,
		sectorInferred: r.sectorInferred === 1,
		confidential: r.confidential === 1,
		themes: (stmt.all(r.answerId) as { id: string; label: string; source: string; suggested: number; confidence: number | null; evidence_json: string }[]).map((t) => ({
			id: t.id,
			label: t.label,
			source: t.source,
			suggested: t.suggested === 1,
			confidence: t.confidence,
			evidence: evidenceTerms(t.evidence_json, r.text)
		}))
	}));
}

/** A tag's evidence phrases, as far as the answer's shown (redacted) text has them. */
function evidenceTerms(json: string, shown: string): string[] {
	try {
		return shownEvidence(
			decodeEvidence(json).spans.map((s) => s.text),
			shown
		);
	} catch {
		return [];
	}
}

export interface AnswerPage {
	total: number;
	items: AnswerItem[];
}

/** The index of respondent's UNIQUE response_id, as SQLite names it (tests/unit/facts.test.ts checks it is). */
export const BY_RESPONSE_ID = 'sqlite_autoindex_respondent_1';

/** Answers with text that meet the answer-level filter, from respondents who meet the whole filter. */
export function searchAnswers(db: DB, f: BuiltFilter, page: number, pageSize: number): AnswerPage {
	const params = [...f.answerParams, ...f.params];
	const where = `WHERE trim(coalesce(a.text, '')) <> '' AND ${f.answerWhere} AND ${f.where}`;
	// The total is counted in memory unless the filter searches the text.
	const inMemory = matchingAnswers(db, f);
	// CROSS JOIN keeps respondents as the outer loop, read in response_id order from its index, so a page of a
	// million answers is found without sorting them all. A filter on an indexed respondent column (two sectors, say)
	// would have SQLite read its index instead and sort every answer it keeps (350 ms at a million answers), so while
	// the filter keeps more than a twentieth of the answers the response_id index is named.
	const many = inMemory !== null && inMemory * 20 >= (matchingAnswers(db, buildFilter(db, new URLSearchParams())) ?? 0);
	const from = `FROM respondent r ${many ? `INDEXED BY ${BY_RESPONSE_ID} ` : ''}CROSS JOIN answer a ON a.respondent_id = r.id
		JOIN question q ON q.id = a.question_id LEFT JOIN sector s ON s.id = r.sector LEFT JOIN campaign c ON c.id = a.campaign_id ${where}`;
	const total = inMemory ?? (db.prepare(`SELECT count(*) ${from}`).pluck().get(...params) as number);
	const rows = db
		.prepare(`SELECT ${ANSWER_COLUMNS} ${from} ORDER BY r.response_id, q.position LIMIT ? OFFSET ?`)
		.all(...params, pageSize, (page - 1) * pageSize) as AnswerRowRaw[];
	return { total, items: withThemes(db, rows) };
}

export function answersWithTheme(db: DB, f: BuiltFilter, themeId: string, page: number, pageSize: number): AnswerPage {
	const count = (g: BuiltFilter) => themeCounts(db, g).find((t) => t.theme === themeId)?.answers ?? 0;
	const total = count(f);
	if (total === 0) return { total, items: [] };
	// theme_hit first, read in confidence order from its index, so the first page needs no sort of every tag; but when
	// the filter keeps few of the theme's tags (a sector of a few respondents), walking every tag to find them took
	// most of a second at a million answers, so the filtered respondents come first and their few tags are sorted.
	const few = f.active && total * 20 < count(buildFilter(db, new URLSearchParams()));
	const tables = few
		? 'respondent r CROSS JOIN answer a ON a.respondent_id = r.id CROSS JOIN theme_hit e ON e.answer_id = a.id'
		: 'theme_hit e CROSS JOIN answer a ON a.id = e.answer_id CROSS JOIN respondent r ON r.id = a.respondent_id';
	const from = `FROM ${tables}
		JOIN question q ON q.id = a.question_id LEFT JOIN sector s ON s.id = r.sector LEFT JOIN campaign c ON c.id = a.campaign_id
		WHERE e.theme_id = ? AND ${f.where}`;
	const rows = db
		.prepare(`SELECT ${ANSWER_COLUMNS} ${from} ORDER BY e.confidence DESC, r.response_id, q.position LIMIT ? OFFSET ?`)
		.all(themeId, ...f.params, pageSize, (page - 1) * pageSize) as AnswerRowRaw[];
	return { total, items: withThemes(db, rows) };
}

/** The answers in a campaign the filter keeps (as on the campaigns page), in the order of their responses. */
export function campaignAnswers(db: DB, f: BuiltFilter, campaignId: number, page: number, pageSize: number): AnswerPage {
	const from = `FROM answer a JOIN respondent r ON r.id = a.respondent_id JOIN question q ON q.id = a.question_id
		LEFT JOIN sector s ON s.id = r.sector LEFT JOIN campaign c ON c.id = a.campaign_id WHERE a.campaign_id = ? AND ${f.answerWhere} AND ${f.where}`;
	const params = [campaignId, ...f.answerParams, ...f.params];
	const total = db.prepare(`SELECT count(*) ${from}`).pluck().get(...params) as number;
	const rows = db
		.prepare(`SELECT ${ANSWER_COLUMNS} ${from} ORDER BY r.response_id LIMIT ? OFFSET ?`)
		.all(...params, pageSize, (page - 1) * pageSize) as AnswerRowRaw[];
	return { total, items: withThemes(db, rows) };
}

export interface RespondentView {
	responseId: string;
	respondentType: string | null;
	organisation: string | null;
	/** The respondent gave an organisation (shown unless `organisation` withholds it). */
	organisationGiven: boolean;
	body: string | null;
	/** The respondent named a body, which is withheld because it would name them (a confidential body itself). */
	bodyWithheld: boolean;
	sector: string;
	/** The sector's id, or null when not known. */
	sectorId: string | null;
	sectorInferred: boolean;
	sectorReason: string | null;
	region: string | null;
	submittedAt: string | null;
	confidential: boolean;
	answers: AnswerItem[];
}

/**
 * Why the pipeline gave a respondent its sector, as pages may show it (SQL over `respondent r`): for a respondent who
 * asked for confidentiality, a reason that would quote their organisation's name ("organisation name contains
 * 'Hospital'") or their own words says only where it came from.
 */
export const SHOWN_SECTOR_REASON = `CASE WHEN r.confidential = 1 AND (r.sector_reason LIKE 'known organisation%' OR r.sector_reason LIKE 'organisation name%')
		THEN 'from the organisation''s name (withheld: confidential)'
	WHEN r.confidential = 1 AND (r.sector_reason LIKE 'describes themselves%' OR r.sector_reason LIKE 'writes as%')
		THEN 'from how the respondent describes themselves (withheld: confidential)'
	ELSE r.sector_reason END`;

export function respondent(db: DB, responseId: string): RespondentView | undefined {
	const r = db
		.prepare(
			`SELECT r.id, r.response_id AS responseId, r.respondent_type AS respondentType,
				${SHOWN_ORGANISATION} AS organisation, trim(coalesce(r.organisation, '')) <> '' AS organisationGiven, r.body,
				r.confidential = 1 AND r.body IS NULL AND trim(coalesce(r.professional_body, '')) <> '' AS bodyWithheld,
				coalesce(s.label, 'Not known') AS sector, r.sector AS sectorId, r.sector_inferred AS sectorInferred, ${SHOWN_SECTOR_REASON} AS sectorReason,
				r.region, r.submitted_at AS submittedAt, r.confidential
			 FROM respondent r LEFT JOIN sector s ON s.id = r.sector WHERE r.response_id = ?`
		)
		.get(responseId) as (Omit<RespondentView, 'answers' | 'sectorInferred' | 'confidential' | 'bodyWithheld' | 'organisationGiven'> & { id: number; sectorInferred: number; confidential: number; bodyWithheld: number; organisationGiven: number }) | undefined;
	if (!r) return undefined;
	const rows = db
		.prepare(
			`SELECT ${ANSWER_COLUMNS} FROM answer a JOIN respondent r ON r.id = a.respondent_id JOIN question q ON q.id = a.question_id
			 LEFT JOIN sector s ON s.id = r.sector LEFT JOIN campaign c ON c.id = a.campaign_id
			 WHERE r.id = ? ORDER BY q.position`
		)
		.all(r.id) as AnswerRowRaw[];
	const { id: _id, ...rest } = r;
	return { ...rest, sectorInferred: r.sectorInferred === 1, confidential: r.confidential === 1, bodyWithheld: r.bodyWithheld === 1, organisationGiven: r.organisationGiven === 1, answers: withThemes(db, rows) };
}

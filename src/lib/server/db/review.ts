// Analysts' review: the queue, one answer with everything needed to judge it, saving decisions, and agreement.
import { decodeEvidence, shownEvidence } from '../../analysis/evidence';
import { fitSectorModel, inferSector, type KnownOrganisation } from '../../analysis/sector';
import { audit, type User } from '../auth';
import type { DB } from './client';
import { SHOWN_SECTOR_REASON } from './responses';
import { questionCounts, writeKeepingFacts } from '../facts';
import type { BuiltFilter } from '../filters';

const ALL = { where: '1', params: [], active: false, answerWhere: '1', answerParams: [] } as unknown as BuiltFilter;

export interface Progress {
	question: string;
	text: string;
	reviewed: number;
	total: number;
}

export function progress(db: DB): Progress[] {
	// Answers with text per question, counted in memory (the scan is seconds at a million answers); reviews are few.
	const reviewed = new Map(
		(db
			.prepare(
				`SELECT a.question_id AS question, count(*) AS n FROM answer_review rv CROSS JOIN answer a ON a.id = rv.answer_id
				 WHERE trim(coalesce(a.text, '')) <> '' GROUP BY a.question_id`
			)
			.all() as { question: string; n: number }[]).map((r) => [r.question, r.n])
	);
	return questionCounts(db, ALL).map((q) => ({ question: q.question, text: q.text, reviewed: reviewed.get(q.question) ?? 0, total: q.withText }));
}

/** The same, in one SQL query over every answer: the form to check the figures by. */
export function progressSql(db: DB): Progress[] {
	return db
		.prepare(
			`SELECT q.id AS question, q.short_text AS text, count(rv.answer_id) AS reviewed, count(a.id) AS total
			 FROM question q LEFT JOIN answer a ON a.question_id = q.id AND trim(coalesce(a.text, '')) <> ''
			 LEFT JOIN answer_review rv ON rv.answer_id = a.id
			 GROUP BY q.id ORDER BY q.position`
		)
		.all() as Progress[];
}

/** Unreviewed answers to a question, those most in need of a person's eye first. */
export function queue(db: DB, questionId: string, limit = 20): { id: number; responseId: string; priority: number; reason: string | null }[] {
	return db
		.prepare(
			`SELECT a.id, r.response_id AS responseId, a.review_priority AS priority, a.review_reason AS reason
			 FROM answer a JOIN respondent r ON r.id = a.respondent_id
			 WHERE a.question_id = ? AND trim(coalesce(a.text, '')) <> '' AND NOT EXISTS (SELECT 1 FROM answer_review rv WHERE rv.answer_id = a.id)
			 ORDER BY a.review_priority DESC, a.id LIMIT ?`
		)
		.all(questionId, limit) as { id: number; responseId: string; priority: number; reason: string | null }[];
}

/** The response an answer belongs to, as officials know it ("R0123"), for saying which answer was saved. */
export function answerResponseId(db: DB, answerId: number): string | undefined {
	return db.prepare('SELECT r.response_id FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.id = ?').pluck().get(answerId) as string | undefined;
}

export interface ReviewTheme {
	id: string;
	label: string;
	auto: boolean;
	confidence: number | null;
	evidence: string[];
	decision: 'accept' | 'reject' | null;
}

export interface ReviewItem {
	answerId: number;
	questionId: string;
	responseId: string;
	choice: string | null;
	/** The answer as pages show it (redacted). The original is not sent to the page: analysts review what may be
	 * published, and the original is read only through the audited full export. */
	redacted: string | null;
	stance: string | null;
	sector: string | null;
	sectorGiven: string | null;
	sectorReason: string | null;
	/** The respondent asked for their response not to be published: never to be quoted. */
	confidential: boolean;
	campaignSize: number | null;
	campaignId: number | null;
	/** When the last analysis started (ISO): a campaign mark made before then has been applied by it. */
	analysedAt: string | null;
	/**
	 * An analyst's word against the analysis, put over its campaigns when it next runs: true, a copy it missed; false,
	 * not a copy though it was grouped; null, none.
	 */
	campaignMark: boolean | null;
	/** The analyst's mark was made before the last analysis ran, so that analysis has put it over its campaigns (a
	 * later save of the answer, for its themes say, does not make it wait again). */
	campaignMarkApplied: boolean;
	/** Whether the form's campaign box starts ticked (`campaignShown`). */
	campaignChecked: boolean;
	reason: string | null;
	reviewed: { by: string; at: string } | null;
	themes: ReviewTheme[];
}

export function reviewItem(db: DB, answerId: number): ReviewItem | undefined {
	const a = db
		.prepare(
			`SELECT a.id AS answerId, a.question_id AS questionId, r.response_id AS responseId, a.choice, shown_text(a.text_redacted, a.text, r.name, r.organisation, r.respondent_type, r.confidential) AS redacted,
				a.stance, r.sector, r.sector_given AS sectorGiven, ${SHOWN_SECTOR_REASON} AS sectorReason, r.confidential, c.size AS campaignSize, c.id AS campaignId, a.review_reason AS reason,
				(SELECT max(started_at) FROM analysis_run) AS analysedAt,
				(SELECT u.username || '|' || rv.reviewed_at FROM answer_review rv JOIN app_user u ON u.id = rv.user_id WHERE rv.answer_id = a.id) AS reviewedBy,
				(SELECT rv.campaign FROM answer_review rv WHERE rv.answer_id = a.id) AS campaignMark,
				(SELECT rv.campaign_at FROM answer_review rv WHERE rv.answer_id = a.id AND rv.campaign IS NOT NULL) AS campaignMarkedAt
			 FROM answer a JOIN respondent r ON r.id = a.respondent_id LEFT JOIN campaign c ON c.id = a.campaign_id WHERE a.id = ?`
		)
		.get(answerId) as (Omit<ReviewItem, 'themes' | 'reviewed' | 'confidential' | 'campaignMark' | 'campaignChecked' | 'campaignMarkApplied'> & {
			campaignMarkedAt: string | null; confidential: number; reviewedBy: string | null; campaignMark: number | null }) | undefined;
	if (!a) return undefined;
	const rows = db
		.prepare(
			`SELECT t.id, t.label,
				(SELECT confidence FROM answer_theme WHERE answer_id = ? AND theme_id = t.id AND source = 'auto') AS confidence,
				(SELECT evidence_json FROM answer_theme WHERE answer_id = ? AND theme_id = t.id AND source = 'auto') AS evidence,
				(SELECT decision FROM answer_theme WHERE answer_id = ? AND theme_id = t.id AND source = 'manual') AS decision
			 FROM theme t ORDER BY t.position`
		)
		.all(answerId, answerId, answerId) as { id: string; label: string; confidence: number | null; evidence: string | null; decision: 'accept' | 'reject' | null }[];
	const { reviewedBy, campaignMarkedAt, ...rest } = a;
	const campaignMark = rest.campaignMark === null ? null : rest.campaignMark === 1;
	return {
		...rest,
		campaignMarkApplied: !!campaignMarkedAt && !!rest.analysedAt && campaignMarkedAt < rest.analysedAt,
		confidential: rest.confidential === 1,
		campaignMark,
		campaignChecked: campaignShown({ campaignMark, campaignSize: rest.campaignSize }),
		reviewed: reviewedBy ? { by: reviewedBy.split('|')[0], at: reviewedBy.split('|')[1] } : null,
		themes: rows.map((r) => ({
			id: r.id,
			label: r.label,
			auto: r.confidence !== null,
			confidence: r.confidence,
			evidence: r.evidence ? shownEvidence(decodeEvidence(r.evidence).spans.map((s) => s.text), a.redacted ?? '') : [],
			decision: r.decision
		}))
	};
}

/** Whether the review form's campaign box starts ticked: the analyst's mark, or else whether the analysis grouped it. */
export function campaignShown(item: Pick<ReviewItem, 'campaignMark' | 'campaignSize'>): boolean {
	return item.campaignMark ?? item.campaignSize !== null;
}

export interface Decision {
	/** Theme id -> accept or reject. Themes not listed keep their automatic tag. */
	themes: Record<string, 'accept' | 'reject'>;
	stance: string | null;
	sector: string | null;
	campaign: boolean;
	/** The box as the form showed it when the page was opened: only a change from that is a mark. */
	campaignWas?: boolean;
}

/** An analyst's sector for a respondent, over the one given or inferred, kept by later analyses; in the audit log. */
function correctSector(db: DB, user: User, responseId: string, from: string | null, to: string) {
	db.prepare("UPDATE respondent SET sector_manual = ?, sector = ?, sector_inferred = 0, sector_reason = 'corrected by an analyst' WHERE response_id = ?").run(to, to, responseId);
	audit(db, user.username, 'sector corrected', `respondent ${responseId}`, { from, to });
}

/** What the sector form sends to take an analyst's correction back. */
export const UNCORRECTED = 'as-given-or-inferred';

/**
 * Corrects a respondent's sector from their response's page, as the review page does for the respondent of an answer,
 * or (`UNCORRECTED`) takes a correction back: the sector the respondent gave, else the one the analysis infers now.
 * The counts in memory follow from this respondent alone. Returns a message for the form when it refuses.
 */
export function saveSector(db: DB, user: User, responseId: string, sector: string): string | null {
	const r = sectorRow(db, responseId);
	if (!r) return 'There is no response with that reference';
	const undo = sector === UNCORRECTED;
	if (!undo && !db.prepare('SELECT 1 FROM sector WHERE id = ?').get(sector)) return 'Select the respondent\'s sector';
	// Choosing the sector shown is a decision too when the pipeline chose it: it is kept from then on.
	if (sector === r.manual || (undo && r.manual === null)) return null;
	const answers = db.prepare('SELECT id FROM answer WHERE respondent_id = ?').pluck().all(r.id) as number[];
	const write = undo ? () => takeBackSector(db, user, r) : () => correctSector(db, user, responseId, r.sector, sector);
	writeKeepingFacts(db, answers, () => db.transaction(write)(), [r.id]);
	return null;
}

interface SectorRow {
	id: number;
	responseId: string;
	sector: string | null;
	given: string | null;
	manual: string | null;
	organisation: string | null;
	body: string | null;
	type: string | null;
}

const sectorRow = (db: DB, responseId: string) =>
	db
		.prepare(
			'SELECT id, response_id AS responseId, sector, sector_given AS given, sector_manual AS manual, organisation, professional_body AS body, respondent_type AS type FROM respondent WHERE response_id = ?'
		)
		.get(responseId) as SectorRow | undefined;

/** The sector a respondent has without an analyst's correction: the one they gave, else the one the analysis infers
 * now. */
function uncorrected(db: DB, r: SectorRow): { sector: string | null; reason: string | null; inferred: number } {
	return r.given ? { sector: r.given, reason: null, inferred: 0 } : inferNow(db, r);
}

/** Takes an analyst's sector correction back (`uncorrected`); in the audit log. Nothing happens when there is no
 * correction. */
function takeBackSector(db: DB, user: User, r: SectorRow | undefined) {
	if (!r || r.manual === null) return;
	const back = uncorrected(db, r);
	db.prepare('UPDATE respondent SET sector_manual = NULL, sector = ?, sector_inferred = ?, sector_reason = ? WHERE id = ?').run(back.sector, back.inferred, back.reason, r.id);
	audit(db, user.username, 'sector correction taken back', `respondent ${r.responseId}`, { from: r.sector, to: back.sector });
}

/**
 * What taking back an analyst's sector correction would give, in words for the form's choice ("Education, as the
 * respondent gave it"); null when there is no correction to take back.
 */
export function uncorrectedChoice(db: DB, responseId: string): string | null {
	const r = sectorRow(db, responseId);
	if (!r || r.manual === null) return null;
	const back = uncorrected(db, r);
	const label = back.sector === null ? null : (db.prepare('SELECT label FROM sector WHERE id = ?').pluck().get(back.sector) as string | undefined);
	return `Take the correction back: ${label ? `${label}, ${r.given ? 'as the respondent gave it' : 'as the analysis infers'}` : 'not known (the respondent gave none and the analysis infers none)'}`;
}

/** The sector the analysis infers for a respondent who gave none, as its sector stage does (`analyse` would agree). */
function inferNow(db: DB, r: { id: number; organisation: string | null; body: string | null; type: string | null }) {
	const organisations = db.prepare('SELECT name, abbreviation, sector_id AS sector FROM organisation').all() as KnownOrganisation[];
	const sectors = db.prepare('SELECT id FROM sector').pluck().all() as string[];
	const texts = db.prepare("SELECT text FROM answer WHERE respondent_id = ? AND trim(coalesce(text, '')) <> '' ORDER BY id").pluck().all(r.id) as string[];
	const found = inferSector(fitSectorModel(organisations, sectors), { id: String(r.id), organisation: r.organisation, professionalBody: r.body, respondentType: r.type, text: texts.join('\n') });
	return found ? { sector: found.sector, reason: found.reason, inferred: 1 } : { sector: null, reason: null, inferred: 0 };
}

/** Stores an analyst's decisions on one answer in one transaction, each change in the audit log. */
export function saveDecision(db: DB, user: User, answerId: number, d: Decision) {
	const now = new Date().toISOString();
	const item = reviewItem(db, answerId);
	if (!item) throw new Error('No such answer');
	const store = db.transaction(() => {
		const upsert = db.prepare(
			`INSERT INTO answer_theme (answer_id, theme_id, source, decision, confidence, evidence_json, decided_by, decided_at)
			 VALUES (?, ?, 'manual', ?, 1, '[]', ?, ?)
			 ON CONFLICT(answer_id, theme_id, source) DO UPDATE SET decision = excluded.decision, decided_by = excluded.decided_by, decided_at = excluded.decided_at`
		);
		for (const t of item.themes) {
			const want = d.themes[t.id];
			if (!want || want === t.decision) continue;
			// A decision that only repeats the model (accepting its own tag) is still recorded: it is what "reviewed" means.
			upsert.run(answerId, t.id, want, user.id, now);
			audit(db, user.username, want === 'accept' ? (t.auto ? 'theme accepted' : 'theme added') : 'theme rejected', `answer ${answerId} (${item.responseId} ${item.questionId})`, { theme: t.id });
		}
		if (d.stance && d.stance !== item.stance) {
			db.prepare('UPDATE answer SET stance = ? WHERE id = ?').run(d.stance, answerId);
			audit(db, user.username, 'stance corrected', `answer ${answerId} (${item.responseId} ${item.questionId})`, { from: item.stance, to: d.stance });
		}
		if (d.sector === UNCORRECTED) takeBackSector(db, user, sectorRow(db, item.responseId));
		else if (d.sector && d.sector !== item.sector) correctSector(db, user, item.responseId, item.sector, d.sector);
		// Only a change of the box, as the analyst saw it when the page opened, is a mark: saving again keeps an earlier
		// mark, ticking a box the analysis ticked says nothing new, and an analysis (or another analyst's mark) since the
		// page opened does not turn an untouched box into a mark in this analyst's name.
		const shown = d.campaignWas ?? campaignShown(item);
		const mark = d.campaign !== shown ? d.campaign : item.campaignMark;
		if (d.campaign !== shown)
			audit(db, user.username, d.campaign ? 'marked as a campaign copy' : 'marked as not a campaign copy', `answer ${answerId} (${item.responseId} ${item.questionId})`, {
				campaignSize: item.campaignSize
			});
		db.prepare(
			`INSERT INTO answer_review (answer_id, user_id, reviewed_at, stance, campaign, campaign_at, auto_themes) VALUES (?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT(answer_id) DO UPDATE SET user_id = excluded.user_id, reviewed_at = excluded.reviewed_at,
				-- The time of the mark changes only with the mark (the review page says from it whether the analysis has
				-- applied the mark).
				campaign_at = CASE WHEN excluded.campaign IS answer_review.campaign THEN answer_review.campaign_at ELSE excluded.campaign_at END,
				-- A save that leaves the stance as it was keeps the earlier correction: the form shows the corrected stance,
				-- so "unchanged" is not "as the model read it" (saving a reviewed answer again wiped the correction).
				stance = coalesce(excluded.stance, answer_review.stance),
				campaign = excluded.campaign, auto_themes = CASE WHEN answer_review.auto_themes = '' THEN excluded.auto_themes ELSE answer_review.auto_themes END`
		).run(
			answerId,
			user.id,
			now,
			d.stance && d.stance !== item.stance ? d.stance : null,
			mark === null ? null : mark ? 1 : 0,
			mark === null ? null : now,
			item.themes
				.filter((t) => t.auto)
				.map((t) => t.id)
				.join(';')
		);
		audit(db, user.username, 'answer reviewed', `answer ${answerId} (${item.responseId} ${item.questionId})`, {});
	});
	// The counts in memory follow this answer's change without reading every tag again (seconds at a million answers).
	writeKeepingFacts(db, [answerId], () => store());
}

export interface Agreement {
	theme: string;
	label: string;
	reviewed: number;
	both: number;
	modelOnly: number;
	analystOnly: number;
	kappa: number | null;
}

/**
 * Agreement of the automatic tags (as the analyst saw them) with the analysts' final decisions, per theme, over the
 * reviewed answers, as Cohen's kappa.
 */
export function agreement(db: DB): Agreement[] {
	const reviewed = db
		.prepare(
			`SELECT rv.answer_id AS id, rv.auto_themes AS auto,
				(SELECT group_concat(theme_id, ';') FROM theme_hit e WHERE e.answer_id = rv.answer_id AND e.source = 'manual') AS accepted,
				(SELECT group_concat(theme_id, ';') FROM answer_theme m WHERE m.answer_id = rv.answer_id AND m.source = 'manual' AND m.decision = 'reject') AS rejected
			 FROM answer_review rv`
		)
		.all() as { id: number; auto: string; accepted: string | null; rejected: string | null }[];
	const split = (s: string | null) => new Set((s ?? '').split(';').filter(Boolean));
	const themes = db.prepare('SELECT id, label FROM theme ORDER BY position').all() as { id: string; label: string }[];
	return themes.map((t) => {
		let both = 0,
			modelOnly = 0,
			analystOnly = 0;
		for (const r of reviewed) {
			const model = split(r.auto).has(t.id);
			// The analyst's view: the model's tags they did not reject, plus those they accepted or added.
			const analyst = split(r.accepted).has(t.id) || (model && !split(r.rejected).has(t.id));
			if (model && analyst) both++;
			else if (model) modelOnly++;
			else if (analyst) analystOnly++;
		}
		return { theme: t.id, label: t.label, reviewed: reviewed.length, both, modelOnly, analystOnly, kappa: cohensKappa(both, modelOnly, analystOnly, reviewed.length - both - modelOnly - analystOnly) };
	});
}

/** Kappa for two raters on a yes/no label: agreement beyond what chance would give. Null when undefined. */
export function cohensKappa(bothYes: number, onlyA: number, onlyB: number, bothNo: number): number | null {
	const n = bothYes + onlyA + onlyB + bothNo;
	if (n === 0) return null;
	const po = (bothYes + bothNo) / n;
	const pe = ((bothYes + onlyA) / n) * ((bothYes + onlyB) / n) + ((onlyB + bothNo) / n) * ((onlyA + bothNo) / n);
	if (pe === 1) return po === 1 ? 1 : null;
	return Math.round(((po - pe) / (1 - pe)) * 1000) / 1000;
}

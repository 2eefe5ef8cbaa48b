// The national events: attendance, who returned evaluation forms (by sector), usefulness, and the themes raised
// in event feedback compared with written responses.
import type { DB } from './client';

export interface EventRow {
	id: string;
	title: string;
	city: string | null;
	venue: string | null;
	date: string | null;
	attendees: number;
	forms: number;
	tableNotes: number;
	meanUsefulness: number | null;
}

export function events(db: DB): EventRow[] {
	return db
		.prepare(
			`SELECT e.id, e.title, e.city, e.venue, e.date, e.attendees,
				count(CASE WHEN f.source = 'evaluation' THEN 1 END) AS forms,
				count(CASE WHEN f.source = 'table-notes' THEN 1 END) AS tableNotes,
				round(avg(f.usefulness), 1) AS meanUsefulness
			 FROM event e LEFT JOIN event_feedback f ON f.event_id = e.id
			 GROUP BY e.id ORDER BY e.date, e.id`
		)
		.all() as EventRow[];
}

export interface EventSectorCount {
	event: string;
	sector: string;
	label: string;
	colour: string | null;
	forms: number;
}

/** Evaluation forms returned, by event and attendee sector (the only record of attendees' sectors). */
export function formsBySector(db: DB): EventSectorCount[] {
	return db
		.prepare(
			`SELECT f.event_id AS event, coalesce(s.id, 'unknown') AS sector, coalesce(s.label, 'Not known') AS label, s.colour,
				count(*) AS forms
			 FROM event_feedback f LEFT JOIN sector s ON s.id = f.attendee_sector
			 WHERE f.source = 'evaluation' GROUP BY f.event_id, f.attendee_sector ORDER BY f.event_id, coalesce(s.position, 99)`
		)
		.all() as EventSectorCount[];
}

export interface RatingCount {
	event: string;
	rating: number;
	forms: number;
}

export function ratings(db: DB): RatingCount[] {
	return db
		.prepare(
			`SELECT event_id AS event, usefulness AS rating, count(*) AS forms FROM event_feedback
			 WHERE usefulness IS NOT NULL GROUP BY event_id, usefulness ORDER BY event_id, usefulness`
		)
		.all() as RatingCount[];
}

export interface ThemeComparison {
	theme: string;
	label: string;
	eventComments: number;
	eventBase: number;
	/** Written answers (one respondent's answer to one question) raising the theme, and the answers with any text. */
	writtenAnswers: number;
	writtenBase: number;
}

/** Event comments raising each theme, and the comments there are. */
export function eventThemeCounts(db: DB): Omit<ThemeComparison, 'writtenAnswers' | 'writtenBase'>[] {
	return db
		.prepare(
			// Counted once, grouped, and joined: as subqueries per theme they read every comment 17 times.
			`WITH events AS (SELECT theme_id, count(DISTINCT comment_id) AS n FROM comment_theme WHERE kind = 'event' GROUP BY theme_id),
				base AS (SELECT count(*) AS n FROM event_feedback WHERE trim(coalesce(comment, '')) <> '')
			 SELECT t.id AS theme, t.label, coalesce(ev.n, 0) AS eventComments, base.n AS eventBase
			 FROM theme t CROSS JOIN base LEFT JOIN events ev ON ev.theme_id = t.id ORDER BY t.position`
		)
		.all() as Omit<ThemeComparison, 'writtenAnswers' | 'writtenBase'>[];
}

/**
 * Share of event comments raising each theme next to the share of written answers raising it: a piece of text each
 * side. (Against respondents, who wrote up to one answer per question, a theme looked several times as common in
 * writing as at the events.) In SQL for the report and as the twin of the in-memory counts the events chart uses.
 */
export function themesEventsVsWritten(db: DB): ThemeComparison[] {
	const written = new Map(
		(db.prepare('SELECT theme_id, count(*) AS n FROM theme_hit GROUP BY theme_id').all() as { theme_id: string; n: number }[]).map((r) => [r.theme_id, r.n])
	);
	const base = db.prepare("SELECT count(*) FROM answer WHERE trim(coalesce(text, '')) <> ''").pluck().get() as number;
	return eventThemeCounts(db).map((t) => ({ ...t, writtenAnswers: written.get(t.theme) ?? 0, writtenBase: base }));
}

export interface EventComment {
	id: string;
	event: string;
	source: string;
	sector: string | null;
	usefulness: number | null;
	text: string;
}

export function eventComments(db: DB, eventId: string, limit = 8): EventComment[] {
	return db
		.prepare(
			`SELECT f.id, f.event_id AS event, f.source, s.label AS sector, f.usefulness, shown_text(f.comment_redacted, f.comment) AS text
			 FROM event_feedback f LEFT JOIN sector s ON s.id = f.attendee_sector
			 WHERE f.event_id = ? AND trim(coalesce(f.comment, '')) <> ''
			 ORDER BY f.source DESC, f.id LIMIT ?`
		)
		.all(eventId, limit) as EventComment[];
}

// Children and young people's views: counts by age band and setting, themes by age band, and their words.
import type { DB } from './client';

export interface GroupCount {
	group: string;
	comments: number;
}

/** Age bands youngest first ("8-11" before "12-15", by the number they start with), "Not known" last (SQL). */
const AGE_ORDER = (band: string) => `${band} = 'Not known', CAST(${band} AS INTEGER), ${band}`;

export function byAgeBand(db: DB): GroupCount[] {
	return db
		.prepare(`SELECT coalesce(age_band, 'Not known') AS "group", count(*) AS comments FROM cyp_feedback GROUP BY 1 ORDER BY ${AGE_ORDER('"group"')}`)
		.all() as GroupCount[];
}

/** A setting as the facilitators recorded it ("school council"), as a label ("School council"), in SQL: the first
 * letter in capitals (as SQLite's upper() has it: A to Z), the rest as written. */
export const SETTING_LABEL = (column: string) => `upper(substr(coalesce(${column}, 'Not known'), 1, 1)) || substr(coalesce(${column}, 'Not known'), 2)`;

export function bySetting(db: DB): GroupCount[] {
	return db.prepare(`SELECT ${SETTING_LABEL('setting')} AS "group", count(*) AS comments FROM cyp_feedback GROUP BY 1 ORDER BY 2 DESC, 1`).all() as GroupCount[];
}

export interface ThemeByGroup {
	theme: string;
	label: string;
	group: string;
	comments: number;
	base: number;
}

export function themesByAgeBand(db: DB): ThemeByGroup[] {
	return db
		.prepare(
			`WITH base AS (SELECT coalesce(age_band, 'Not known') AS grp, count(*) AS n FROM cyp_feedback GROUP BY 1)
			 SELECT t.id AS theme, t.label, b.grp AS "group",
				(SELECT count(*) FROM comment_theme ct JOIN cyp_feedback c ON c.id = ct.comment_id
				 WHERE ct.kind = 'cyp' AND ct.theme_id = t.id AND coalesce(c.age_band, 'Not known') = b.grp) AS comments,
				b.n AS base
			 FROM theme t CROSS JOIN base b
			 WHERE EXISTS (SELECT 1 FROM comment_theme ct WHERE ct.kind = 'cyp' AND ct.theme_id = t.id)
			 ORDER BY t.position, ${AGE_ORDER('b.grp')}`
		)
		.all() as ThemeByGroup[];
}

export interface TopicCount {
	topic: string;
	comments: number;
}

/** A topic as the facilitators recorded it ("sexual-health"), in words ("Sexual health"). */
export function topicName(code: string): string {
	const words = code.trim().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

export function topics(db: DB): TopicCount[] {
	return (
		db
			.prepare(
				`SELECT j.value AS topic, count(*) AS comments FROM cyp_feedback c, json_each('["' || replace(c.topics, ';', '","') || '"]') j
				 WHERE c.topics IS NOT NULL GROUP BY j.value ORDER BY comments DESC, topic`
			)
			.all() as TopicCount[]
	).map((t) => ({ ...t, topic: topicName(t.topic) }));
}

export interface ChildComment {
	id: string;
	ageBand: string | null;
	setting: string | null;
	text: string;
	themes: string | null;
}

export function comments(db: DB, options: { theme?: string; limit?: number } = {}): ChildComment[] {
	return db
		.prepare(
			`SELECT c.id, c.age_band AS ageBand, c.setting, shown_text(c.comment_redacted, c.comment) AS text,
				(SELECT group_concat(t.label, '; ') FROM comment_theme ct JOIN theme t ON t.id = ct.theme_id
				 WHERE ct.kind = 'cyp' AND ct.comment_id = c.id) AS themes
			 FROM cyp_feedback c
			 WHERE (? IS NULL OR EXISTS (SELECT 1 FROM comment_theme ct WHERE ct.kind = 'cyp' AND ct.comment_id = c.id AND ct.theme_id = ?))
			 ORDER BY c.id LIMIT ?`
		)
		.all(options.theme ?? null, options.theme ?? null, options.limit ?? 200) as ChildComment[];
}

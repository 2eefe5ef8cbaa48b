// Codeframe management: add, rename and edit themes, merge one into another and split one in two. Every change is
// in the audit log; merges and splits carry the existing tags (automatic and analysts') with them.
import { audit, type User } from '../auth';
import type { DB } from './client';

function managed(db: DB) {
	db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('codeframe_managed', '1')").run();
}

export interface ThemeEdit {
	id: string;
	label: string;
	definition: string;
	terms: string[];
	phrases: string[];
}

export function codeframe(db: DB): (ThemeEdit & { answers: number })[] {
	return (db
		.prepare(
			`SELECT t.id, t.label, t.definition, t.seeds_json, (SELECT count(DISTINCT answer_id) FROM theme_hit e WHERE e.theme_id = t.id) AS answers
			 FROM theme t ORDER BY t.position`
		)
		.all() as { id: string; label: string; definition: string; seeds_json: string; answers: number }[]).map((t) => {
		const seeds = JSON.parse(t.seeds_json) as { terms?: string[]; phrases?: string[] };
		return { id: t.id, label: t.label, definition: t.definition, terms: seeds.terms ?? [], phrases: seeds.phrases ?? [], answers: t.answers };
	});
}

export function parseList(text: string): string[] {
	return [...new Set(text.split(/[\n,;]+/).map((s) => s.trim().toLowerCase()).filter((s) => s.length > 1 && s.length <= 60))].slice(0, 200);
}

export interface FieldProblem {
	field: 'id' | 'label' | 'definition';
	message: string;
}

/** Every problem with a theme's fields at once, each naming its field, for the form's error summary. */
export function themeProblems(t: ThemeEdit): FieldProblem[] {
	const problems: FieldProblem[] = [];
	if (!t.id) problems.push({ field: 'id', message: 'Enter a theme id' });
	else if (!/^[a-z0-9-]{2,40}$/.test(t.id)) problems.push({ field: 'id', message: 'A theme id must be 2 to 40 lower-case letters, digits or hyphens, like time-and-cost' });
	if (!t.label.trim()) problems.push({ field: 'label', message: 'Enter a label' });
	else if (t.label.length > 80) problems.push({ field: 'label', message: 'A label must be 80 characters or fewer' });
	if (!t.definition.trim()) problems.push({ field: 'definition', message: 'Enter a definition' });
	else if (t.definition.length > 1000) problems.push({ field: 'definition', message: 'A definition must be 1,000 characters or fewer' });
	return problems;
}

/** A label another theme has already: two themes of one name cannot be told apart on any page or in the report. */
export class LabelTaken extends Error {}

function check(t: ThemeEdit) {
	const [first] = themeProblems(t);
	if (first) throw new Error(first.message);
}

export function saveTheme(db: DB, user: User, t: ThemeEdit, isNew: boolean) {
	check(t);
	const seeds = JSON.stringify({ terms: t.terms, phrases: t.phrases });
	db.transaction(() => {
		const exists = db.prepare('SELECT label, definition, seeds_json FROM theme WHERE id = ?').get(t.id) as { label: string; definition: string; seeds_json: string } | undefined;
		if (db.prepare('SELECT 1 FROM theme WHERE lower(trim(label)) = lower(?) AND id <> ?').get(t.label.trim(), t.id)) throw new LabelTaken(`There is already a theme called ${t.label.trim()}`);
		if (isNew) {
			if (exists) throw new Error(`There is already a theme with the id ${t.id}`);
			const position = (db.prepare('SELECT coalesce(max(position), -1) + 1 FROM theme').pluck().get() as number) ?? 0;
			db.prepare('INSERT INTO theme (id, label, definition, position, seeds_json) VALUES (?, ?, ?, ?, ?)').run(t.id, t.label.trim(), t.definition.trim(), position, seeds);
			// A new theme that takes a merged theme's old id is itself: old labels with that id are its own again.
			db.prepare('DELETE FROM theme_alias WHERE old_id = ?').run(t.id);
			audit(db, user.username, 'theme created', t.id, { label: t.label });
			managed(db);
		} else {
			if (!exists) throw new Error(`There is no theme ${t.id}`);
			db.prepare('UPDATE theme SET label = ?, definition = ?, seeds_json = ? WHERE id = ?').run(t.label.trim(), t.definition.trim(), seeds, t.id);
			managed(db);
			audit(db, user.username, 'theme edited', t.id, { from: { label: exists.label, definition: exists.definition, seeds: JSON.parse(exists.seeds_json) }, to: { label: t.label, definition: t.definition, seeds: { terms: t.terms, phrases: t.phrases } } });
		}
	})();
}

/** Moves every tag of `from` onto `into` (keeping the stronger decision where both exist) and removes `from`. */
export function mergeThemes(db: DB, user: User, from: string, into: string) {
	if (from === into) throw new Error('Choose two different themes to merge');
	db.transaction(() => {
		for (const id of [from, into]) if (!db.prepare('SELECT 1 FROM theme WHERE id = ?').get(id)) throw new Error(`There is no theme ${id}`);
		const moved = db.prepare('SELECT count(*) FROM answer_theme WHERE theme_id = ?').pluck().get(from) as number;
		// Where the answer has both themes from the same source, one row stands for the merged theme: an analyst's
		// accept of either (the answer raises what the merged theme covers) over a reject of the other, and the
		// pipeline's more confident tag. The target's row was kept whatever it said, and an accept of `from` was lost.
		const accepted = db
			.prepare(
				`UPDATE answer_theme SET decision = 'accept', decided_by = f.decided_by, decided_at = f.decided_at
				 FROM (SELECT answer_id, decided_by, decided_at FROM answer_theme WHERE theme_id = ? AND source = 'manual' AND decision = 'accept') AS f
				 WHERE answer_theme.theme_id = ? AND answer_theme.source = 'manual' AND answer_theme.decision = 'reject' AND answer_theme.answer_id = f.answer_id`
			)
			.run(from, into).changes;
		db.prepare(
			`UPDATE answer_theme SET confidence = f.confidence, evidence_json = f.evidence_json
			 FROM (SELECT answer_id, confidence, evidence_json FROM answer_theme WHERE theme_id = ? AND source = 'auto') AS f
			 WHERE answer_theme.theme_id = ? AND answer_theme.source = 'auto' AND answer_theme.answer_id = f.answer_id AND f.confidence > answer_theme.confidence`
		).run(from, into);
		db.prepare(
			`INSERT OR IGNORE INTO answer_theme (answer_id, theme_id, source, decision, confidence, evidence_json, decided_by, decided_at)
			 SELECT answer_id, ?, source, decision, confidence, evidence_json, decided_by, decided_at FROM answer_theme WHERE theme_id = ?`
		).run(into, from);
		db.prepare('DELETE FROM answer_theme WHERE theme_id = ?').run(from);
		for (const table of ['comment_theme', 'quote', 'agg_theme_sector']) db.prepare(`DELETE FROM ${table} WHERE theme_id = ?`).run(from);
		// Labels that name `from` (or a theme merged into it before) now count for `into`.
		db.prepare('UPDATE theme_alias SET theme_id = ? WHERE theme_id = ?').run(into, from);
		db.prepare('INSERT OR REPLACE INTO theme_alias (old_id, theme_id) VALUES (?, ?)').run(from, into);
		db.prepare('DELETE FROM theme WHERE id = ?').run(from);
		audit(db, user.username, 'themes merged', `${from} into ${into}`, { tags: moved, rejectsTurnedAccept: accepted });
		managed(db);
	})();
}

/**
 * Creates `newTheme` from part of `from`: the pipeline's tags of `from` are copied to it until the analysis runs again
 * and tags it on its own. Analysts' decisions are not copied: they were about `from`, and copied they would show an
 * analyst deciding on a theme that did not exist then.
 */
export function splitTheme(db: DB, user: User, from: string, newTheme: ThemeEdit) {
	db.transaction(() => {
		if (!db.prepare('SELECT 1 FROM theme WHERE id = ?').get(from)) throw new Error(`There is no theme ${from}`);
		saveTheme(db, user, newTheme, true);
		const copied = db
			.prepare(
				`INSERT INTO answer_theme (answer_id, theme_id, source, decision, confidence, evidence_json, decided_by, decided_at)
				 SELECT answer_id, ?, source, decision, confidence, evidence_json, decided_by, decided_at FROM answer_theme WHERE theme_id = ? AND source = 'auto'`
			)
			.run(newTheme.id, from).changes;
		audit(db, user.username, 'theme split', `${from} -> ${newTheme.id}`, { tagsCopied: copied });
	})();
}

/** The theme each merged theme's old id now belongs to. */
export function themeAliases(db: DB): Map<string, string> {
	return new Map((db.prepare('SELECT old_id, theme_id FROM theme_alias').all() as { old_id: string; theme_id: string }[]).map((r) => [r.old_id, r.theme_id]));
}

/** Labelled texts with merged themes' old ids replaced by the themes they became. */
export function relabel<T extends { themes: string[] }>(items: T[], aliases: Map<string, string>): T[] {
	if (aliases.size === 0) return items;
	return items.map((it) => ({ ...it, themes: [...new Set(it.themes.map((t) => aliases.get(t) ?? t))] }));
}

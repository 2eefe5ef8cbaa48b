// Loads a consultation's definition (consultation.json, codeframe.json, organisations.csv) into the database.
import Papa from 'papaparse';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DB } from '../server/db/client';
import { ImportFailed, type ImportProblem } from './errors';
import { normaliseHeader } from './csv';

export interface SectorDef {
	id: string;
	label: string;
	colour: string;
}
export interface QuestionDef {
	id: string;
	type: 'closed' | 'open';
	text: string;
	short_text: string;
	options: string[];
}
export interface ConsultationDef {
	id: string;
	title: string;
	short_title: string;
	department?: string;
	opens: string;
	closes: string;
	description: string;
	illustrative: boolean;
	notice: string;
	sectors: SectorDef[];
	questions: QuestionDef[];
	/** People in the public record of the consultation's field, named for what happened to them or what they did in
	 * public ("Victoria Climbié", "Lord Laming"): redaction leaves their names alone. */
	public_record?: string[];
}
export interface ThemeDef {
	id: string;
	label: string;
	definition: string;
	terms: string[];
	phrases: string[];
}
export interface Codeframe {
	version: number;
	themes: ThemeDef[];
}
export interface OrganisationDef {
	name: string;
	abbreviation: string | null;
	sector: string;
	kind: string;
}

function readJson<T>(path: string): T {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as T;
	} catch (e) {
		throw new ImportFailed(path, [{ file: path, line: null, column: null, value: null, message: `is not valid JSON: ${(e as Error).message}` }]);
	}
}

function need(cond: unknown, file: string, message: string, problems: ImportProblem[]) {
	if (!cond) problems.push({ file, line: null, column: null, value: null, message });
}

export function readConsultation(dir: string): ConsultationDef {
	const file = join(dir, 'consultation.json');
	const c = readJson<ConsultationDef>(file);
	const problems: ImportProblem[] = [];
	need(c.id && c.title, file, 'needs "id" and "title"', problems);
	need(Array.isArray(c.sectors) && c.sectors.length > 0, file, 'needs a non-empty "sectors" list', problems);
	need(Array.isArray(c.questions) && c.questions.length > 0, file, 'needs a non-empty "questions" list', problems);
	for (const q of c.questions ?? []) {
		need(/^[a-z][a-z0-9_]*$/i.test(q.id ?? ''), file, `question id ${JSON.stringify(q.id)} must be letters, digits or _`, problems);
		need(q.type === 'closed' || q.type === 'open', file, `question ${q.id}: type must be "closed" or "open"`, problems);
		need(q.type !== 'closed' || (q.options?.length ?? 0) > 0, file, `question ${q.id}: a closed question needs options`, problems);
	}
	need(
		c.public_record === undefined || (Array.isArray(c.public_record) && c.public_record.every((n) => typeof n === 'string' && n.trim().length > 0)),
		file,
		'"public_record", when given, must be a list of names',
		problems
	);
	if (problems.length) throw new ImportFailed(file, problems);
	return c;
}

export function readCodeframe(dir: string): Codeframe {
	const file = join(dir, 'codeframe.json');
	const c = readJson<Codeframe>(file);
	const problems: ImportProblem[] = [];
	need(Array.isArray(c.themes) && c.themes.length > 0, file, 'needs a non-empty "themes" list', problems);
	const ids = new Set<string>();
	for (const t of c.themes ?? []) {
		need(/^[a-z0-9-]+$/.test(t.id ?? ''), file, `theme id ${JSON.stringify(t.id)} must be lower-case letters, digits or -`, problems);
		need(!ids.has(t.id), file, `theme id ${t.id} is duplicated`, problems);
		need(t.label && t.definition, file, `theme ${t.id} needs a label and a definition`, problems);
		ids.add(t.id);
		t.terms ??= [];
		t.phrases ??= [];
	}
	if (problems.length) throw new ImportFailed(file, problems);
	return c;
}

export function readOrganisations(dir: string, sectors: SectorDef[]): OrganisationDef[] {
	const file = join(dir, 'organisations.csv');
	if (!existsSync(file)) return [];
	const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: 'greedy',
		transformHeader: normaliseHeader
	});
	const problems: ImportProblem[] = parsed.errors.map((e) => ({
		file,
		line: (e.row ?? 0) + 2,
		column: null,
		value: null,
		message: e.message
	}));
	const known = new Set(sectors.map((s) => s.id));
	const out: OrganisationDef[] = [];
	parsed.data.forEach((r, i) => {
		const line = i + 2;
		const name = (r.name ?? '').trim();
		const sector = (r.sector ?? '').trim().toLowerCase();
		if (!name) problems.push({ file, line, column: 'name', value: r.name ?? '', message: 'must not be blank' });
		if (!known.has(sector)) problems.push({ file, line, column: 'sector', value: r.sector ?? '', message: 'is not a known sector id' });
		out.push({ name, abbreviation: (r.abbreviation ?? '').trim() || null, sector, kind: (r.kind ?? '').trim() || 'organisation' });
	});
	if (problems.length) throw new ImportFailed(file, problems);
	return out;
}

/** Writes the definition in one transaction; themes and questions are upserted so existing tags keep their theme. */
export function loadDefinition(db: DB, dir: string): ConsultationDef {
	const c = readConsultation(dir);
	const codeframe = readCodeframe(dir);
	const orgs = readOrganisations(dir, c.sectors);
	db.transaction(() => {
		db.prepare('DELETE FROM consultation').run();
		db.prepare(
			`INSERT INTO consultation (id, title, short_title, opens, closes, description, illustrative, notice)
			 VALUES (@id, @title, @short_title, @opens, @closes, @description, @illustrative, @notice)`
		).run({
			id: c.id,
			title: c.title,
			short_title: c.short_title ?? c.title,
			opens: c.opens ?? null,
			closes: c.closes ?? null,
			description: c.description ?? null,
			illustrative: c.illustrative ? 1 : 0,
			notice: c.notice ?? null
		});
		const sector = db.prepare(
			`INSERT INTO sector (id, label, position, colour) VALUES (?, ?, ?, ?)
			 ON CONFLICT(id) DO UPDATE SET label = excluded.label, position = excluded.position, colour = excluded.colour`
		);
		c.sectors.forEach((s, i) => sector.run(s.id, s.label, i, s.colour ?? null));
		const question = db.prepare(
			`INSERT INTO question (id, position, type, text, short_text, options_json) VALUES (?, ?, ?, ?, ?, ?)
			 ON CONFLICT(id) DO UPDATE SET position = excluded.position, type = excluded.type, text = excluded.text,
			   short_text = excluded.short_text, options_json = excluded.options_json`
		);
		c.questions.forEach((q, i) => question.run(q.id, i, q.type, q.text, q.short_text ?? q.text, JSON.stringify(q.options ?? [])));
		const theme = db.prepare(
			`INSERT INTO theme (id, label, definition, position, seeds_json) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT(id) DO UPDATE SET label = excluded.label, definition = excluded.definition,
			   position = excluded.position, seeds_json = excluded.seeds_json`
		);
		// Once an administrator has changed the codeframe in the app, the database is its record and the file is not
		// loaded over it (that would undo merges and edits).
		const managed = db.prepare("SELECT value FROM meta WHERE key = 'codeframe_managed'").pluck().get() === '1';
		if (!managed) {
			codeframe.themes.forEach((t, i) => theme.run(t.id, t.label, t.definition, i, JSON.stringify({ terms: t.terms, phrases: t.phrases })));
		}
		db.prepare('DELETE FROM organisation').run();
		const org = db.prepare('INSERT OR REPLACE INTO organisation (name, abbreviation, sector_id, kind) VALUES (?, ?, ?, ?)');
		for (const o of orgs) org.run(o.name, o.abbreviation, o.sector, o.kind);
		db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('consultation_id', ?)").run(c.id);
		db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('public_record', ?)").run(JSON.stringify(c.public_record ?? []));
	})();
	return c;
}

export function hasDefinition(db: DB): boolean {
	return (db.prepare('SELECT count(*) FROM question').pluck().get() as number) > 0;
}

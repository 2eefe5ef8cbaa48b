// What each import file contains: its columns, how each cell is checked, and how a valid row is stored.
import { BulkInsert, setAsideSchema } from '../server/db/bulk';
import type { DB } from '../server/db/client';
import { writeBodies } from '../server/db/bodies';
import { redactAnswersOf } from '../server/db/redact-now';
import {
	parseBoolean,
	parseDate,
	parseInteger,
	parseOption,
	optionParser,
	parseSector,
	parseText,
	type Parsed
} from './fields';

export const IMPORT_KINDS = ['responses', 'events', 'event-feedback', 'cyp'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type Outcome = 'added' | 'updated' | 'unchanged';

export interface ColumnSpec {
	name: string;
	/** The column must be in the header. */
	required?: boolean;
	/** Every row must have a value. */
	nonEmpty?: boolean;
	parse(raw: string): Parsed<unknown>;
}

/** What a file of one kind must contain and how each cell is checked: needs no database, so it runs on any thread. */
export interface KindColumns {
	kind: ImportKind;
	key: string;
	columns: ColumnSpec[];
	/** At least one of these columns must be present (for example the question columns). */
	anyOf?: string[];
}

/** How a checked row is stored. */
export interface KindSpec extends KindColumns {
	/** Checks that need the database (references); returns [column, message] or null. */
	check?(row: Record<string, unknown>): [string, string] | null;
	write(row: Record<string, unknown>, extra: Record<string, string>, hash: string, batchId: number): Outcome;
	/** Stores anything `write` buffered; called once after the last row, inside the import's transaction. */
	finish?(): void;
}

const text = (name: string, more: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, parse: parseText, ...more });

interface SectorRow {
	id: string;
	label: string;
}
interface QuestionRow {
	id: string;
	type: 'closed' | 'open';
	options_json: string;
}

/** The parts of the consultation's definition that the cell checks need, as plain data a worker thread can be given. */
export interface ImportDefinition {
	sectors: SectorRow[];
	questions: QuestionRow[];
}

export function readImportDefinition(db: DB): ImportDefinition {
	return {
		sectors: db.prepare('SELECT id, label FROM sector ORDER BY position').all() as SectorRow[],
		questions: db.prepare('SELECT id, type, options_json FROM question ORDER BY position').all() as QuestionRow[]
	};
}

function upsertSimple(db: DB, table: string, columns: string[]) {
	const comments = columns.includes('comment');
	const select = db.prepare(`SELECT row_hash AS hash${comments ? ', comment' : ''} FROM ${table} WHERE id = ?`);
	const names = [...columns, 'extra_json', 'row_hash', 'batch_id'];
	// A changed comment loses the redacted text analyse made of the old one: pages redact the new one as they show it
	// (shown_text), and the report quotes only comments analyse has checked. It loses the themes found in the old one
	// too, as a changed answer does.
	const derived = comments ? [`comment_redacted = CASE WHEN ${table}.comment IS excluded.comment THEN ${table}.comment_redacted END`] : [];
	const forgetThemes = comments ? db.prepare('DELETE FROM comment_theme WHERE kind = ? AND comment_id = ?') : null;
	const kind = table === 'cyp_feedback' ? 'cyp' : 'event';
	const insert = db.prepare(
		`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => '@' + n).join(', ')})
		 ON CONFLICT(id) DO UPDATE SET ${[...derived, ...names.filter((n) => n !== 'id').map((n) => `${n} = excluded.${n}`)].join(', ')}`
	);
	return (row: Record<string, unknown>, extra: Record<string, string>, hash: string, batchId: number): Outcome => {
		const old = select.get(row.id) as { hash: string; comment?: string | null } | undefined;
		if (old?.hash === hash) return 'unchanged';
		const params: Record<string, unknown> = { extra_json: JSON.stringify(extra), row_hash: hash, batch_id: batchId };
		for (const c of columns) params[c] = row[c] ?? null;
		insert.run(params);
		if (old && forgetThemes && old.comment !== params.comment) forgetThemes.run(kind, row.id);
		return old === undefined ? 'added' : 'updated';
	};
}

/** A responses file's columns; `person` is the respondent's own (the rest are the questions). */
function responseColumns(def: ImportDefinition): KindColumns & { person: ColumnSpec[] } {
	const questions: ColumnSpec[] = [];
	for (const q of def.questions) {
		const options = JSON.parse(q.options_json) as string[];
		if (q.type === 'closed') questions.push({ name: q.id, parse: optionParser(options, 'answer') });
		questions.push(text(`${q.id}_text`));
	}
	const person: ColumnSpec[] = [
		text('response_id', { required: true, nonEmpty: true }),
		{ name: 'submitted_at', parse: parseDate },
		{
			name: 'respondent_type',
			required: true,
			parse: optionParser(['organisation', 'individual'], 'respondent type')
		},
		text('name'),
		text('email'),
		text('organisation'),
		text('professional_body'),
		{ name: 'sector', parse: (raw) => parseSector(raw, def.sectors) },
		text('region'),
		{ name: 'confidential', required: true, parse: parseBoolean }
	];
	return { kind: 'responses', key: 'response_id', columns: [...person, ...questions], anyOf: questions.map((c) => c.name), person };
}

function responsesSpec(db: DB, def: ImportDefinition): KindSpec {
	const { questions } = def;
	const { person: personColumns, ...kindColumns } = responseColumns(def);

	// What is already stored, read once: a file of new respondents (the usual case) then needs no lookup per row.
	const stored = new Map<string, { id: number; row_hash: string }>();
	for (const r of db.prepare('SELECT response_id, id, row_hash FROM respondent').iterate() as Iterable<{ response_id: string; id: number; row_hash: string }>) {
		stored.set(r.response_id, { id: r.id, row_hash: r.row_hash });
	}
	let nextId = ((db.prepare('SELECT max(id) FROM respondent').pluck().get() as number | null) ?? 0) + 1;

	const person = `submitted_at = @submitted_at, respondent_type = @respondent_type, name = @name, email = @email,
		organisation = @organisation, professional_body = @professional_body, sector_given = @sector,
		sector = coalesce(sector_manual, @sector, CASE WHEN sector_inferred = 1 THEN sector END),
		sector_inferred = CASE WHEN @sector IS NULL AND sector_manual IS NULL THEN sector_inferred ELSE 0 END,
		-- An analyst's correction stands over the sector the file gives, as analyse keeps it.
		sector_reason = CASE WHEN sector_manual IS NOT NULL THEN 'corrected by an analyst' WHEN @sector IS NULL THEN sector_reason END,
		region = @region, confidential = @confidential, extra_json = @extra_json, row_hash = @row_hash, batch_id = @batch_id`;
	const update = db.prepare(`UPDATE respondent SET ${person} WHERE id = @id`);
	// A changed answer loses what the pipeline derived from the old text; manual tags stay for an analyst to review.
	const upsertAnswer = db.prepare(
		`INSERT INTO answer (respondent_id, question_id, choice, text) VALUES (?, ?, ?, ?)
		 ON CONFLICT(respondent_id, question_id) DO UPDATE SET choice = excluded.choice, text = excluded.text,
			text_redacted = CASE WHEN answer.text IS excluded.text THEN answer.text_redacted END,
			stance = CASE WHEN answer.text IS excluded.text AND answer.choice IS excluded.choice THEN answer.stance END,
			stance_score = CASE WHEN answer.text IS excluded.text AND answer.choice IS excluded.choice THEN answer.stance_score END,
			campaign_id = CASE WHEN answer.text IS excluded.text THEN answer.campaign_id END,
			review_priority = CASE WHEN answer.text IS excluded.text THEN answer.review_priority ELSE 0 END,
			review_reason = CASE WHEN answer.text IS excluded.text THEN answer.review_reason END
		 WHERE answer.choice IS NOT excluded.choice OR answer.text IS NOT excluded.text`
	);
	const deleteAnswer = db.prepare('DELETE FROM answer WHERE respondent_id = ? AND question_id = ?');
	// What the pages show of a respondent rests on their own details as analyse last saw them: their answers' stored
	// redaction (their own name, and a confidential organisation's name, taken out), the search index and the quotes
	// made from it, and their body and known organisation. A respondent an import changes must not be shown on the old
	// ones until the next analyse: one who has now asked for confidentiality would be named.
	const detailsOf = db.prepare('SELECT name, organisation, respondent_type AS type, confidential, professional_body AS body FROM respondent WHERE id = ?');
	const forgetRedaction = db.prepare('UPDATE answer SET text_redacted = NULL WHERE respondent_id = ? AND text_redacted IS NOT NULL');
	// Answers not (or no longer) redacted are out of the search and the quotes: the import redacts them again from the
	// text and the details as they are now, and indexes them, at the end (redactAnswersOf); quotes wait for analyse.
	const unsearchable = db.prepare('DELETE FROM answer_fts WHERE rowid IN (SELECT id FROM answer WHERE respondent_id = ? AND text_redacted IS NULL)');
	const unquotable = db.prepare('DELETE FROM quote WHERE answer_id IN (SELECT id FROM answer WHERE respondent_id = ? AND text_redacted IS NULL)');
	const forgetSearch = db.prepare('DELETE FROM answer_fts WHERE rowid IN (SELECT id FROM answer WHERE respondent_id = ? AND question_id = ?)');
	// A changed text loses what analyse found in the old one: its automatic themes (they, and their evidence's places in
	// the text, were found in words that may no longer be there), its place in a campaign, and why it was put forward
	// for review (above). Until the next analyse it counts under no theme, and pages say how many wait for it.
	// Analysts' decisions stay (analyse never overwrites them).
	const textOf = db.prepare('SELECT text, campaign_id AS campaign FROM answer WHERE respondent_id = ? AND question_id = ?');
	const forgetThemes = db.prepare("DELETE FROM answer_theme WHERE source = 'auto' AND answer_id = (SELECT id FROM answer WHERE respondent_id = ? AND question_id = ?)");
	const changedBodies: number[] = [];
	// Campaigns that lost an answer (its text changed, or it went): their size and text are put right at the end.
	const changedCampaigns = new Set<number>();

	// New respondents and their answers are buffered and written many rows to a statement.
	const newPeople = new BulkInsert(db, 'respondent', [
		'id',
		'response_id',
		'submitted_at',
		'respondent_type',
		'name',
		'email',
		'organisation',
		'professional_body',
		'sector_given',
		'sector',
		'region',
		'confidential',
		'extra_json',
		'row_hash',
		'batch_id'
	]);
	const newAnswers = new BulkInsert(db, 'answer', ['respondent_id', 'question_id', 'choice', 'text'], newPeople);
	// Into an empty table (the first import, the usual large one), the secondary indexes are built once at the end:
	// keeping them up to date row by row made a million-answer import a fifth slower. A failed import rolls back to
	// the indexes as they were; an import into a table with rows keeps them (rebuilding would cost the whole table).
	const setAside = stored.size === 0 ? setAsideSchema(db, ['respondent', 'answer'], ['index']) : [];
	// Into a database people may be reading (not the first import, which the first analysis follows before anyone
	// searches, and where a million answers' redaction would multiply the import's time), the answers of respondents
	// added or changed are redacted as they are stored.
	const redactNow = stored.size > 0;
	const touched: number[] = [];

	return {
		...kindColumns,
		write(row, extra, hash, batchId) {
			const key = row.response_id as string;
			const old = stored.get(key);
			if (old?.row_hash === hash) return 'unchanged';
			const extraJson = JSON.stringify(extra);
			const confidential = row.confidential ? 1 : 0;
			if (!old) {
				const id = nextId++;
				const sector = row.sector ?? null;
				newPeople.add(id, key, row.submitted_at ?? null, row.respondent_type ?? null, row.name ?? null, row.email ?? null,
					row.organisation ?? null, row.professional_body ?? null, sector, sector, row.region ?? null, confidential, extraJson, hash, batchId);
				for (const q of questions) {
					const choice = q.type === 'closed' ? ((row[q.id] as string | null) ?? null) : null;
					const body = (row[`${q.id}_text`] as string | null) ?? null;
					if (choice !== null || body !== null) newAnswers.add(id, q.id, choice, body);
				}
				stored.set(key, { id, row_hash: hash });
				if (redactNow) touched.push(id);
				return 'added';
			}
			const params = {
				...Object.fromEntries(personColumns.map((c) => [c.name, row[c.name] ?? null])),
				confidential,
				extra_json: extraJson,
				row_hash: hash,
				batch_id: batchId
			};
			const before = detailsOf.get(old.id) as { name: string | null; organisation: string | null; type: string | null; confidential: number; body: string | null };
			update.run({ ...params, id: old.id });
			for (const q of questions) {
				const choice = q.type === 'closed' ? ((row[q.id] as string | null) ?? null) : null;
				const body = (row[`${q.id}_text`] as string | null) ?? null;
				const had = textOf.get(old.id, q.id) as { text: string | null; campaign: number | null } | undefined;
				if (choice === null && body === null) {
					forgetSearch.run(old.id, q.id);
					deleteAnswer.run(old.id, q.id);
				} else {
					upsertAnswer.run(old.id, q.id, choice, body);
					if (had && had.text !== body) forgetThemes.run(old.id, q.id);
				}
				if (had?.campaign != null && (had.text !== body || (choice === null && body === null))) changedCampaigns.add(had.campaign);
			}
			const given = (name: string) => (row[name] as string | null | undefined) ?? null;
			const ownChanged =
				before.name !== given('name') || before.organisation !== given('organisation') || before.type !== given('respondent_type') || before.confidential !== confidential;
			if (ownChanged) forgetRedaction.run(old.id);
			unsearchable.run(old.id);
			unquotable.run(old.id);
			if (ownChanged || before.body !== given('professional_body')) changedBodies.push(old.id);
			if (redactNow) touched.push(old.id);
			old.row_hash = hash;
			return 'updated';
		},
		finish() {
			newPeople.flush();
			newAnswers.flush();
			for (const sql of setAside) db.exec(sql);
			// Bodies and known organisations are analyse's to work out for new respondents (it runs after a first import);
			// for respondents changed here they are worked out again now.
			if (changedBodies.length) writeBodies(db, changedBodies);
			if (changedCampaigns.size) settleCampaigns(db, [...changedCampaigns]);
			redactAnswersOf(db, touched);
		}
	};
}

/**
 * Campaigns that lost answers to an import, as they now are until the next analysis: their size is their members
 * left; their text (the answer the "count each campaign once" filter keeps) is still one of them; one left with fewer
 * than two members is no campaign. (An answer deleted outright was its campaign's text: the campaign went with it.)
 */
function settleCampaigns(db: DB, ids: number[]) {
	const members = db.prepare('SELECT id FROM answer WHERE campaign_id = ? ORDER BY id').pluck();
	const exemplar = db.prepare('SELECT exemplar_answer_id FROM campaign WHERE id = ?').pluck();
	const resize = db.prepare('UPDATE campaign SET size = ?, exemplar_answer_id = ? WHERE id = ?');
	const release = db.prepare('UPDATE answer SET campaign_id = NULL WHERE campaign_id = ?');
	const drop = db.prepare('DELETE FROM campaign WHERE id = ?');
	for (const id of ids) {
		const text = exemplar.get(id) as number | undefined;
		if (text === undefined) {
			release.run(id);
			continue;
		}
		const left = members.all(id) as number[];
		if (left.length < 2) {
			release.run(id);
			drop.run(id);
		} else resize.run(left.length, left.includes(text) ? text : left[0], id);
	}
}

const eventColumns = (): KindColumns => ({
	kind: 'events',
	key: 'event_id',
	columns: [
		text('event_id', { required: true, nonEmpty: true }),
		text('title', { required: true, nonEmpty: true }),
		text('city'),
		text('venue'),
		{ name: 'date', required: true, parse: parseDate },
		{ name: 'attendees', required: true, parse: (raw) => parseInteger(raw, 0, 1_000_000) }
	]
});

function eventsSpec(db: DB): KindSpec {
	const write = upsertSimple(db, 'event', ['id', 'title', 'city', 'venue', 'date', 'attendees']);
	return {
		...eventColumns(),
		write: (row, extra, hash, batch) => write({ ...row, id: row.event_id, attendees: row.attendees ?? 0 }, extra, hash, batch)
	};
}

const eventFeedbackColumns = (def: ImportDefinition): KindColumns => ({
	kind: 'event-feedback',
	key: 'feedback_id',
	columns: [
		text('feedback_id', { required: true, nonEmpty: true }),
		text('event_id', { required: true, nonEmpty: true }),
		{
			name: 'source',
			required: true,
			nonEmpty: true,
			parse: (raw) => parseOption(raw.replace(/[\s_]+/g, '-'), ['evaluation', 'table-notes'], 'source')
		},
		{ name: 'attendee_sector', parse: (raw) => parseSector(raw, def.sectors) },
		text('attendee_role'),
		{ name: 'usefulness', parse: (raw) => parseInteger(raw, 1, 5) },
		text('comment')
	]
});

function eventFeedbackSpec(db: DB, def: ImportDefinition): KindSpec {
	const eventExists = db.prepare('SELECT 1 FROM event WHERE id = ?').pluck();
	const write = upsertSimple(db, 'event_feedback', [
		'id',
		'event_id',
		'source',
		'attendee_sector',
		'attendee_role',
		'usefulness',
		'comment'
	]);
	return {
		...eventFeedbackColumns(def),
		check: (row) =>
			eventExists.get(row.event_id) ? null : ['event_id', 'is not a known event; import events.csv first'],
		write: (row, extra, hash, batch) =>
			write({ ...row, id: row.feedback_id, attendee_sector: row.attendee_sector }, extra, hash, batch)
	};
}

const cypColumns = (): KindColumns => ({
	kind: 'cyp',
	key: 'comment_id',
	columns: [
		text('comment_id', { required: true, nonEmpty: true }),
		text('age_band'),
		text('setting'),
		text('comment', { required: true, nonEmpty: true }),
		{
			name: 'topics',
			parse: (raw) => {
				const list = raw
					.split(/[;,]/)
					.map((t) => t.trim().toLowerCase())
					.filter(Boolean);
				return { ok: true, value: list.length ? list.join(';') : null };
			}
		}
	]
});

function cypSpec(db: DB): KindSpec {
	const write = upsertSimple(db, 'cyp_feedback', ['id', 'age_band', 'setting', 'comment', 'topics']);
	return {
		...cypColumns(),
		write: (row, extra, hash, batch) => write({ ...row, id: row.comment_id }, extra, hash, batch)
	};
}

/** The columns of a file of `kind` and their checks, from plain data: what a worker thread reading the file uses. */
export function columnsFor(kind: ImportKind, def: ImportDefinition): KindColumns {
	switch (kind) {
		case 'responses': {
			const { person: _person, ...columns } = responseColumns(def);
			return columns;
		}
		case 'events':
			return eventColumns();
		case 'event-feedback':
			return eventFeedbackColumns(def);
		case 'cyp':
			return cypColumns();
	}
}

export function specFor(db: DB, kind: ImportKind, def: ImportDefinition = readImportDefinition(db)): KindSpec {
	switch (kind) {
		case 'responses':
			return responsesSpec(db, def);
		case 'events':
			return eventsSpec(db);
		case 'event-feedback':
			return eventFeedbackSpec(db, def);
		case 'cyp':
			return cypSpec(db);
	}
}

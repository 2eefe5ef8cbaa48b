// Versioned schema: each migration runs once, in order, inside one transaction with its version record.
export interface Migration {
	version: number;
	name: string;
	sql: string;
}

/** theme_hit's triggers run unless analyse has paused them (it rebuilds theme_hit in one pass instead). */
const THEME_HIT_LIVE = "(SELECT value FROM meta WHERE key = 'theme_hit_paused') IS NULL";

/** The trigger statements that make theme_hit's row for the tag `row` (NEW or OLD) equal its effective tag again. */
const refreshThemeHit = (row: 'NEW' | 'OLD') => `	DELETE FROM theme_hit WHERE answer_id = ${row}.answer_id AND theme_id = ${row}.theme_id;
	INSERT INTO theme_hit (answer_id, theme_id, source, confidence, respondent_id, question_id)
		SELECT e.answer_id, e.theme_id, e.source, e.confidence, a.respondent_id, a.question_id
		FROM answer_theme_effective e JOIN answer a ON a.id = e.answer_id
		WHERE e.answer_id = ${row}.answer_id AND e.theme_id = ${row}.theme_id;`;

export const migrations: Migration[] = [
	{
		version: 1,
		name: 'core schema',
		sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE consultation (
	id TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	short_title TEXT,
	opens TEXT,
	closes TEXT,
	description TEXT,
	illustrative INTEGER NOT NULL DEFAULT 0,
	notice TEXT
);

CREATE TABLE question (
	id TEXT PRIMARY KEY,
	position INTEGER NOT NULL,
	type TEXT NOT NULL CHECK (type IN ('closed', 'open')),
	text TEXT NOT NULL,
	short_text TEXT,
	options_json TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE sector (
	id TEXT PRIMARY KEY,
	label TEXT NOT NULL,
	position INTEGER NOT NULL,
	colour TEXT
);

CREATE TABLE organisation (
	name TEXT PRIMARY KEY COLLATE NOCASE,
	abbreviation TEXT COLLATE NOCASE,
	sector_id TEXT NOT NULL REFERENCES sector(id),
	kind TEXT NOT NULL DEFAULT 'organisation'
);

CREATE TABLE import_batches (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	file TEXT NOT NULL,
	sha256 TEXT NOT NULL,
	rows INTEGER NOT NULL,
	added INTEGER NOT NULL,
	updated INTEGER NOT NULL,
	unchanged INTEGER NOT NULL,
	imported_at TEXT NOT NULL
);
CREATE INDEX import_batches_hash ON import_batches(kind, sha256);

CREATE TABLE respondent (
	id INTEGER PRIMARY KEY,
	response_id TEXT NOT NULL UNIQUE,
	submitted_at TEXT,
	respondent_type TEXT CHECK (respondent_type IN ('organisation', 'individual')),
	name TEXT,
	email TEXT,
	organisation TEXT,
	professional_body TEXT,
	sector_given TEXT REFERENCES sector(id),
	sector TEXT REFERENCES sector(id),
	sector_inferred INTEGER NOT NULL DEFAULT 0,
	sector_reason TEXT,
	region TEXT,
	confidential INTEGER NOT NULL DEFAULT 0,
	extra_json TEXT NOT NULL DEFAULT '{}',
	row_hash TEXT NOT NULL,
	batch_id INTEGER REFERENCES import_batches(id)
);
CREATE INDEX respondent_sector ON respondent(sector);
CREATE INDEX respondent_body ON respondent(professional_body);

CREATE TABLE answer (
	id INTEGER PRIMARY KEY,
	respondent_id INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
	question_id TEXT NOT NULL REFERENCES question(id),
	choice TEXT,
	text TEXT,
	text_redacted TEXT,
	stance TEXT CHECK (stance IN ('support', 'oppose', 'mixed', 'neutral')),
	stance_score REAL,
	UNIQUE (respondent_id, question_id)
);
CREATE INDEX answer_question ON answer(question_id, choice);

-- Full-text index over what may be shown: the redacted text once the pipeline has run, the original until then.
CREATE VIRTUAL TABLE answer_fts USING fts5(text, tokenize = 'porter unicode61');
CREATE TRIGGER answer_fts_insert AFTER INSERT ON answer WHEN coalesce(new.text_redacted, new.text) IS NOT NULL BEGIN
	INSERT INTO answer_fts(rowid, text) VALUES (new.id, coalesce(new.text_redacted, new.text));
END;
CREATE TRIGGER answer_fts_update AFTER UPDATE OF text, text_redacted ON answer BEGIN
	DELETE FROM answer_fts WHERE rowid = old.id;
	INSERT INTO answer_fts(rowid, text) SELECT new.id, coalesce(new.text_redacted, new.text)
		WHERE coalesce(new.text_redacted, new.text) IS NOT NULL;
END;
CREATE TRIGGER answer_fts_delete AFTER DELETE ON answer BEGIN
	DELETE FROM answer_fts WHERE rowid = old.id;
END;

CREATE TABLE event (
	id TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	city TEXT,
	venue TEXT,
	date TEXT,
	attendees INTEGER NOT NULL DEFAULT 0,
	extra_json TEXT NOT NULL DEFAULT '{}',
	row_hash TEXT NOT NULL,
	batch_id INTEGER REFERENCES import_batches(id)
);

CREATE TABLE event_feedback (
	id TEXT PRIMARY KEY,
	event_id TEXT NOT NULL REFERENCES event(id),
	source TEXT NOT NULL CHECK (source IN ('evaluation', 'table-notes')),
	attendee_sector TEXT REFERENCES sector(id),
	attendee_role TEXT,
	usefulness INTEGER CHECK (usefulness BETWEEN 1 AND 5),
	comment TEXT,
	comment_redacted TEXT,
	extra_json TEXT NOT NULL DEFAULT '{}',
	row_hash TEXT NOT NULL,
	batch_id INTEGER REFERENCES import_batches(id)
);
CREATE INDEX event_feedback_event ON event_feedback(event_id);

CREATE TABLE cyp_feedback (
	id TEXT PRIMARY KEY,
	age_band TEXT,
	setting TEXT,
	comment TEXT NOT NULL,
	comment_redacted TEXT,
	topics TEXT,
	extra_json TEXT NOT NULL DEFAULT '{}',
	row_hash TEXT NOT NULL,
	batch_id INTEGER REFERENCES import_batches(id)
);

CREATE TABLE theme (
	id TEXT PRIMARY KEY,
	label TEXT NOT NULL,
	definition TEXT NOT NULL,
	position INTEGER NOT NULL,
	seeds_json TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE answer_theme (
	answer_id INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
	theme_id TEXT NOT NULL REFERENCES theme(id) ON UPDATE CASCADE,
	source TEXT NOT NULL CHECK (source IN ('auto', 'manual')),
	-- For manual rows: an analyst accepted (or added) the theme, or rejected it. Null for automatic rows.
	decision TEXT CHECK (decision IN ('accept', 'reject')),
	confidence REAL,
	evidence_json TEXT NOT NULL DEFAULT '[]',
	PRIMARY KEY (answer_id, theme_id, source)
);
CREATE INDEX answer_theme_theme ON answer_theme(theme_id);

-- The themes an answer counts under: an analyst's decision wins over the automatic tag for the same theme.
CREATE VIEW answer_theme_effective AS
	SELECT answer_id, theme_id, 'manual' AS source, confidence, evidence_json
	FROM answer_theme WHERE source = 'manual' AND decision = 'accept'
	UNION ALL
	SELECT a.answer_id, a.theme_id, 'auto' AS source, a.confidence, a.evidence_json
	FROM answer_theme a
	WHERE a.source = 'auto' AND NOT EXISTS (
		SELECT 1 FROM answer_theme m WHERE m.answer_id = a.answer_id AND m.theme_id = a.theme_id AND m.source = 'manual');
`
	},
	{
		version: 2,
		name: 'derived tables of the text pipeline',
		sql: `
ALTER TABLE answer ADD COLUMN campaign_id INTEGER REFERENCES campaign(id) ON DELETE SET NULL;
ALTER TABLE answer ADD COLUMN stance_cues TEXT;
ALTER TABLE answer ADD COLUMN redactions INTEGER NOT NULL DEFAULT 0;

CREATE TABLE campaign (
	id INTEGER PRIMARY KEY,
	question_id TEXT NOT NULL REFERENCES question(id),
	size INTEGER NOT NULL,
	exemplar_answer_id INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
	similarity REAL NOT NULL
);

CREATE TABLE comment_theme (
	kind TEXT NOT NULL CHECK (kind IN ('event', 'cyp')),
	comment_id TEXT NOT NULL,
	theme_id TEXT NOT NULL REFERENCES theme(id) ON UPDATE CASCADE,
	confidence REAL NOT NULL,
	PRIMARY KEY (kind, comment_id, theme_id)
);

CREATE TABLE quote (
	theme_id TEXT NOT NULL REFERENCES theme(id) ON UPDATE CASCADE,
	sector TEXT NOT NULL REFERENCES sector(id),
	answer_id INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
	rank INTEGER NOT NULL,
	text TEXT NOT NULL,
	PRIMARY KEY (theme_id, sector, rank)
);

CREATE TABLE emergent_theme (
	id INTEGER PRIMARY KEY,
	label TEXT NOT NULL,
	terms_json TEXT NOT NULL,
	size INTEGER NOT NULL,
	examples_json TEXT NOT NULL,
	members_json TEXT NOT NULL
);

-- Respondents raising each theme, by question and sector; base = respondents in the sector who answered the question.
-- question_id '*' is any question (base: all respondents in the sector).
CREATE TABLE agg_theme_sector (
	question_id TEXT NOT NULL,
	sector TEXT NOT NULL,
	theme_id TEXT NOT NULL,
	respondents INTEGER NOT NULL,
	base INTEGER NOT NULL,
	PRIMARY KEY (question_id, sector, theme_id)
);

CREATE TABLE analysis_run (
	id INTEGER PRIMARY KEY,
	started_at TEXT NOT NULL,
	finished_at TEXT NOT NULL,
	summary_json TEXT NOT NULL
);
`
	},
	{
		version: 3,
		name: 'canonical professional bodies and known organisations',
		sql: `
-- body: the respondent's professional body, canonicalised through the organisation list ("Royal College of
-- Psychiatrists" and "RCPsych" are one body). own_body: set when the respondent IS that body (or a known organisation).
ALTER TABLE respondent ADD COLUMN body TEXT;
ALTER TABLE respondent ADD COLUMN known_organisation TEXT;
CREATE INDEX respondent_body_key ON respondent(body);
CREATE INDEX respondent_known_org ON respondent(known_organisation);
`
	},
	{
		version: 4,
		name: 'users, sessions, review decisions and the audit log',
		sql: `
CREATE TABLE app_user (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE COLLATE NOCASE,
	password_hash TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
	created_at TEXT NOT NULL,
	disabled INTEGER NOT NULL DEFAULT 0
);

-- Only a hash of each session token is stored, so a copy of the database cannot be used to sign in.
CREATE TABLE session (
	token_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
);

CREATE TABLE login_attempt (
	username TEXT NOT NULL COLLATE NOCASE,
	at TEXT NOT NULL,
	ok INTEGER NOT NULL
);
CREATE INDEX login_attempt_user ON login_attempt(username, at);

ALTER TABLE answer_theme ADD COLUMN decided_by INTEGER REFERENCES app_user(id);
ALTER TABLE answer_theme ADD COLUMN decided_at TEXT;

-- An analyst has looked at the answer and made (or confirmed) its decisions.
CREATE TABLE answer_review (
	answer_id INTEGER PRIMARY KEY REFERENCES answer(id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES app_user(id),
	reviewed_at TEXT NOT NULL,
	stance TEXT CHECK (stance IN ('support', 'oppose', 'mixed', 'neutral')),
	campaign INTEGER,
	-- The automatic themes as the analyst saw them (";"-joined), so agreement is measured before the model learns
	-- from the decision.
	auto_themes TEXT NOT NULL DEFAULT ''
);

ALTER TABLE respondent ADD COLUMN sector_manual TEXT REFERENCES sector(id);

-- Set by analyse: how much an answer needs a person's eye (higher first) and why.
ALTER TABLE answer ADD COLUMN review_priority REAL NOT NULL DEFAULT 0;
ALTER TABLE answer ADD COLUMN review_reason TEXT;

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	username TEXT,
	action TEXT NOT NULL,
	target TEXT,
	detail_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log(at);

-- Key findings text per question for the summary-of-responses report.
CREATE TABLE report_text (
	question_id TEXT PRIMARY KEY,
	findings TEXT NOT NULL,
	include_charts INTEGER NOT NULL DEFAULT 1,
	updated_by TEXT,
	updated_at TEXT NOT NULL
);
`
	},
	{
		version: 5,
		name: 'full-text index holds redacted text only, rebuilt in bulk by analyse',
		sql: `
-- Per-row triggers indexed the original text at import (personal data searchable) and then again after redaction,
-- which was also half the cost of an import. The index now holds only redacted text and is rebuilt by analyse.
-- Deleting a campaign checks answer.campaign_id (ON DELETE SET NULL): without this index, a full scan per campaign.
CREATE INDEX IF NOT EXISTS answer_campaign ON answer(campaign_id);
DROP TRIGGER IF EXISTS answer_fts_insert;
DROP TRIGGER IF EXISTS answer_fts_update;
DELETE FROM answer_fts;
INSERT INTO answer_fts(rowid, text) SELECT id, text_redacted FROM answer WHERE text_redacted IS NOT NULL;
`
	},
	{
		version: 6,
		name: 'inter-coder reliability samples',
		sql: `
CREATE TABLE icr_sample (
	id INTEGER PRIMARY KEY,
	created_at TEXT NOT NULL,
	created_by TEXT NOT NULL,
	coder_a INTEGER NOT NULL REFERENCES app_user(id),
	coder_b INTEGER NOT NULL REFERENCES app_user(id),
	size INTEGER NOT NULL
);
CREATE TABLE icr_item (
	sample_id INTEGER NOT NULL REFERENCES icr_sample(id) ON DELETE CASCADE,
	answer_id INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
	-- The automatic themes when the sample was drawn, to compare each coder with the model.
	auto_themes TEXT NOT NULL,
	PRIMARY KEY (sample_id, answer_id)
);
CREATE TABLE icr_code (
	sample_id INTEGER NOT NULL,
	answer_id INTEGER NOT NULL,
	coder INTEGER NOT NULL REFERENCES app_user(id),
	themes TEXT NOT NULL,
	coded_at TEXT NOT NULL,
	PRIMARY KEY (sample_id, answer_id, coder),
	FOREIGN KEY (sample_id, answer_id) REFERENCES icr_item(sample_id, answer_id) ON DELETE CASCADE
);
`
	},
	{
		version: 7,
		name: 'effective theme tags kept as a table',
		// answer_theme_effective (a view: analysts' decisions over the automatic tags) read by every chart cost a
		// lookup per tag; at a million answers the theme pages took seconds. theme_hit holds the same rows with the
		// answer's respondent and question, kept in step by triggers; analyse pauses them and rebuilds it in one pass.
		sql: `
CREATE TABLE theme_hit (
	answer_id INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
	theme_id TEXT NOT NULL,
	source TEXT NOT NULL,
	confidence REAL,
	respondent_id INTEGER NOT NULL,
	question_id TEXT NOT NULL,
	PRIMARY KEY (answer_id, theme_id)
) WITHOUT ROWID;
-- Covering: the in-memory counts (facts.ts) read every tag in this order without touching the table.
CREATE INDEX theme_hit_theme ON theme_hit(theme_id, respondent_id, question_id, source, confidence);
CREATE INDEX theme_hit_respondent ON theme_hit(respondent_id);
CREATE INDEX theme_hit_confidence ON theme_hit(theme_id, confidence DESC);
INSERT INTO theme_hit (answer_id, theme_id, source, confidence, respondent_id, question_id)
	SELECT e.answer_id, e.theme_id, e.source, e.confidence, a.respondent_id, a.question_id
	FROM answer_theme_effective e JOIN answer a ON a.id = e.answer_id;
CREATE TRIGGER theme_hit_insert AFTER INSERT ON answer_theme WHEN ${THEME_HIT_LIVE} BEGIN
${refreshThemeHit('NEW')}
END;
CREATE TRIGGER theme_hit_update AFTER UPDATE ON answer_theme WHEN ${THEME_HIT_LIVE} BEGIN
${refreshThemeHit('OLD')}
${refreshThemeHit('NEW')}
END;
CREATE TRIGGER theme_hit_delete AFTER DELETE ON answer_theme WHEN ${THEME_HIT_LIVE} BEGIN
${refreshThemeHit('OLD')}
END;
`
	},
	{
		version: 8,
		name: 'respondent facets index',
		// The overview and the filters count respondents by sector, type, body, region and submission date; at 150,000
		// respondents each count scanned the whole respondent table (names, organisations, extra columns), and the
		// overview with two filters took 400 ms. This narrow index covers those counts (53 ms).
		sql: `CREATE INDEX respondent_facets ON respondent(sector, respondent_type, body, known_organisation, region, submitted_at);`
	},
	{
		version: 9,
		name: 'merged themes remembered',
		// Labels written before a merge (the gold set, a hold-out file) still use the merged theme's old id; this maps
		// it to the theme it became, so those labels train and test that theme instead of being dropped.
		sql: `
CREATE TABLE theme_alias (
	old_id TEXT PRIMARY KEY,
	theme_id TEXT NOT NULL REFERENCES theme(id) ON UPDATE CASCADE ON DELETE CASCADE
);`
	},
	{
		version: 10,
		name: 'campaign index only for members',
		// Most answers are in no campaign; indexing their NULLs cost a third of a second per million answers on every
		// import and analysis. Finding a campaign's members (and ON DELETE SET NULL) still uses this index.
		sql: `DROP INDEX answer_campaign;
CREATE INDEX answer_campaign ON answer(campaign_id) WHERE campaign_id IS NOT NULL;`
	},
	{
		version: 11,
		name: 'trained models kept',
		// Training the tagger on the gold set takes seconds (most of an analysis of 10,000 answers); a model is kept
		// under a hash of everything it is made from, and read back while those inputs are unchanged.
		sql: `CREATE TABLE trained_model (
	key TEXT PRIMARY KEY,
	saved_at TEXT NOT NULL,
	body BLOB NOT NULL
);`
	},
	{
		version: 12,
		name: 'review queue index',
		// The review page lists a question's unreviewed answers, highest priority first: without this it read every
		// answer to the question (340 ms for 110,000 answers); with it, the first few in order. It begins with the
		// question, so it serves everything answer_question did, which goes. Analyse, which rewrites every answer's
		// priority, sets it aside and makes it again once.
		sql: `DROP INDEX answer_question;
CREATE INDEX answer_review_queue ON answer(question_id, review_priority DESC);`
	},
	{
		version: 13,
		name: 'sign-in attempts by address',
		// Failed sign-ins were counted per user name alone, so anyone who could reach the sign-in page could lock the
		// administrator out by typing wrong passwords. They are now counted per user name and address as well
		// (auth.ts, tooManyAttempts); attempts made before this have no address.
		sql: `ALTER TABLE login_attempt ADD COLUMN address TEXT;
CREATE INDEX login_attempt_address ON login_attempt(address, at);`
	},
	{
		version: 14,
		name: 'analysts\' campaign marks',
		// answer_review.campaign was the review form's box as saved: 1 whenever the answer was in a campaign, 0
		// otherwise. It now holds only an analyst's word against the analysis (1: a copy the analysis missed; 0: not a
		// copy, though grouped), or NULL; analyse puts it over the campaigns found, and a campaign counts what analysts
		// added and took out.
		sql: `UPDATE answer_review SET campaign = NULL
	WHERE campaign = (SELECT a.campaign_id IS NOT NULL FROM answer a WHERE a.id = answer_review.answer_id);
ALTER TABLE campaign ADD COLUMN added INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaign ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;`
	},
	{
		version: 15,
		name: 'campaign index carries the respondent',
		// The campaigns page counts each campaign's answers from the selected respondents: with the respondent in the
		// index, the answers themselves are not read (at a million answers, 150-300 ms of reading rows for 37,000 ids).
		sql: `DROP INDEX answer_campaign;
CREATE INDEX answer_campaign ON answer(campaign_id, respondent_id) WHERE campaign_id IS NOT NULL;`
	},
	{
		version: 16,
		name: 'when a campaign mark was made',
		// The review page says whether the last analysis has applied an analyst's campaign mark. It compared the answer's
		// last save with the analysis, so saving the answer again (a theme, say) after the analysis made an applied mark
		// read as waiting for the next run. A mark now keeps its own time; a mark made before this takes the save's.
		sql: `ALTER TABLE answer_review ADD COLUMN campaign_at TEXT;
UPDATE answer_review SET campaign_at = reviewed_at WHERE campaign IS NOT NULL;`
	},
	{
		version: 17,
		name: "analysts' decisions on naming organisations",
		// The summary of responses names the organisations that responded, leaving out by rule a name that may be a
		// person's. An analyst who has checked one says how it is named ("Dr Patel's Surgery" is a practice), or that a
		// name the rules let through is not to be named. Kept by respondent: an import updates respondents in place.
		sql: `CREATE TABLE annex_decision (
	respondent_id INTEGER PRIMARY KEY REFERENCES respondent(id) ON DELETE CASCADE,
	decision TEXT NOT NULL CHECK (decision IN ('name', 'withhold')),
	-- The name to publish; only with 'name'.
	name TEXT CHECK ((decision = 'name') = (trim(coalesce(name, '')) <> '')),
	-- The organisation as the respondent gave it when the analyst decided (spaces as the annex query makes them): the
	-- decision stands only while it is unchanged.
	given TEXT NOT NULL,
	decided_by TEXT NOT NULL,
	decided_at TEXT NOT NULL
);`
	}
];

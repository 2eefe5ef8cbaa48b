// Every kind of number the dashboard shows (with no filter) as one plain SQLite query an auditor can read and rerun.
//
// Each `sql` is a complete statement over the tables alone: run it in the sqlite3 shell on a copy of the database
// (for a parameter: `.parameter set :question "'q5'"`, and so on). Percentages are worked out as the pages work them
// out: from the counts, once, to one decimal place, halves rounded up. A test (tests/unit/audit-queries.test.ts) runs
// every query, for every value of its parameter, and holds its rows equal to what the pages show.

export interface AuditParameter {
	/** What the parameter names, in words. */
	means: string;
	/** A query listing every value the parameter can take (the test runs the query for each). */
	values: string;
}

export interface AuditQuery {
	id: string;
	title: string;
	/** Where the numbers appear on the dashboard. */
	shows: string;
	/** What one is counted: respondents, answers, comments or forms. */
	unit: 'respondents' | 'answers' | 'comments' | 'forms' | 'events' | 'tags';
	sql: string;
	/** Named parameters (`:name` in the SQL), if any. */
	params?: string[];
	parameters?: Record<string, AuditParameter>;
}

/** Titles before a person's name: an organisation's name that begins with one may be a person's. */
export const TITLE_WORDS = ['dr', 'dr.', 'doctor', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'mx', 'prof', 'prof.', 'professor', 'cllr', 'councillor', 'rev', 'rev.', 'revd', 'sir', 'dame', 'lord', 'lady'];
const TITLES = TITLE_WORDS.map((t) => `'${t}'`).join(', ');
/** The report's annex of organisations that responded (the report runs these very queries). `one`: only what the
 * response whose id is the statement's parameter needs (it and the responses analysts decided on). */
export const annexNamed = (one = false) => `listed AS (
	-- The organisation list's entries by the key a matched record carries (its abbreviation, or its name when it has
	-- none): a key two entries share names neither.
	SELECT k, CASE WHEN count(*) = 1 THEN min(label) END AS label
	FROM (
		SELECT abbreviation AS k, name || ' (' || abbreviation || ')' AS label FROM organisation WHERE abbreviation IS NOT NULL AND abbreviation <> name
		UNION ALL
		SELECT name, name FROM organisation
	)
	GROUP BY k COLLATE NOCASE
),
named AS MATERIALIZED (
	-- Organisations that did not ask for confidentiality: by the organisation list's name where the record was matched
	-- to exactly one entry of it (with its abbreviation), else by the name given, runs of spaces as one (up to eight;
	-- tabs, line breaks and no-break spaces are spaces).
	SELECT r.id, r.response_id, l.label AS listed_name,
		replace(replace(replace(trim(replace(replace(replace(replace(coalesce(r.organisation, ''), char(9), ' '), char(10), ' '), char(13), ' '), char(160), ' ')),
			'  ', ' '), '  ', ' '), '  ', ' ') AS given_name,
		trim(replace(coalesce(r.name, ''), char(160), ' ')) AS person,
		d.decision AS d_decision, d.name AS d_name, d.given AS d_given
	FROM respondent r
	LEFT JOIN listed l ON l.k = r.known_organisation COLLATE NOCASE
	LEFT JOIN annex_decision d ON d.respondent_id = r.id
	WHERE r.respondent_type = 'organisation' AND r.confidential = 0${one ? ' AND (r.response_id = ? OR r.id IN (SELECT respondent_id FROM annex_decision))' : ''}
),
titled AS (
	SELECT *,
		lower(substr(given_name, 1, instr(given_name || ' ', ' ') - 1)) AS given_first,
		-- The respondent's own name without a title before it ("Mrs Iris Quenby": "Iris Quenby").
		CASE WHEN lower(substr(person, 1, instr(person || ' ', ' ') - 1)) IN (${TITLES}) THEN trim(substr(person, instr(person, ' ') + 1)) ELSE person END AS own_name,
		-- An analyst's word on this response (the name to publish, or not to name it), while the organisation is still
		-- given as it was when they decided: a later import that changes it puts the response back to the rules.
		CASE WHEN d_given = given_name THEN d_decision END AS decision,
		CASE WHEN d_given = given_name THEN d_name END AS chosen_name
	FROM named
),
ruled AS MATERIALIZED (
	SELECT id, response_id, given_name, coalesce(chosen_name, listed_name, given_name) AS name, chosen_name IS NULL AND listed_name IS NOT NULL AS listed,
		decision,
		-- One organisation however its name was written: letter case aside, curly apostrophes made straight.
		lower(replace(replace(replace(coalesce(chosen_name, listed_name, given_name), '’', ''''), '‘', ''''), 'ʼ', '''')) AS name_key,
		CASE
			WHEN decision = 'withhold' THEN 'withheld by an analyst'
			WHEN decision = 'name' THEN 'named'
			WHEN listed_name IS NULL AND given_name = '' THEN 'no name'
			-- A name that may be a person's, not an organisation's: it begins with a title, holds the name the
			-- respondent gave as their own, or is an e-mail address or a phone number. Not published; the Report page
			-- lists them for an analyst to look at.
			WHEN listed_name IS NULL AND (
				given_first IN (${TITLES})
				OR (length(own_name) >= 3 AND instr(lower(given_name), lower(own_name)) > 0)
				OR given_name LIKE '%@%'
				OR length(given_name) - length(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(given_name,
					'0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), '8', ''), '9', '')) >= 6
			) THEN 'maybe a person'
			ELSE 'named'
		END AS status
	FROM titled
),
checked AS MATERIALIZED (
	-- An analyst's decision covers the organisation, not only the response it was made on: an organisation not to be
	-- named is named for none of its responses, and a name an analyst confirmed is an organisation's for every
	-- response that gives it. Not naming wins.
	SELECT id, response_id, given_name, name, listed, name_key, decision IS 'name' AS chosen,
		decision IS 'name' OR name_key IN (SELECT name_key FROM ruled WHERE decision = 'name') AS confirmed,
		CASE
			WHEN status <> 'no name' AND name_key IN (SELECT name_key FROM ruled WHERE decision = 'withhold') THEN 'withheld by an analyst'
			WHEN status = 'maybe a person' AND name_key IN (SELECT name_key FROM ruled WHERE decision = 'name') THEN 'named'
			ELSE status
		END AS status
	FROM ruled
)`;

export const ANNEX_NAMED = annexNamed();

export const REPORT_ANNEX_SQL = `-- The organisations the summary names, A to Z (a leading "The" aside): never one that asked for confidentiality,
-- never an individual, never a name that may be a person's. One organisation sent in several responses is listed
-- once, with how many. An analyst's decision comes first: the name they gave, or not named. (The report also leaves
-- out a name, not on the organisation list and not confirmed by an analyst, that its redaction of personal data would
-- change: "Parent of Jack Taylor". None of the bundled consultation's names is one.)
WITH ${ANNEX_NAMED}
SELECT name, responses, listed, confirmed
FROM (
	-- The spelling an analyst gave, else the list's, else the first given not all in capitals, else the first.
	SELECT coalesce(min(CASE WHEN chosen THEN name END), min(CASE WHEN listed THEN name END), min(CASE WHEN name <> upper(name) THEN name END), min(name)) AS name,
		count(*) AS responses, max(listed) AS listed, max(confirmed) AS confirmed
	FROM checked
	WHERE status = 'named'
	GROUP BY name_key
)
ORDER BY lower(CASE WHEN name LIKE 'The %' THEN substr(name, 5) ELSE name END), name`;

export const REPORT_NOT_NAMED_SQL = `WITH ${ANNEX_NAMED}
SELECT
	(SELECT count(*) FROM respondent WHERE respondent_type = 'organisation' AND confidential = 1) AS confidential,
	(SELECT count(*) FROM respondent WHERE respondent_type = 'individual') AS individuals,
	(SELECT count(*) FROM respondent WHERE respondent_type IS NULL) AS unstated,
	(SELECT count(*) FROM checked WHERE status = 'no name') AS no_name,
	(SELECT count(*) FROM checked WHERE status = 'maybe a person') AS maybe_person,
	(SELECT count(*) FROM checked WHERE status = 'withheld by an analyst') AS withheld`;

const QUESTION: AuditParameter = {
	means: 'a question id, such as q5',
	values: 'SELECT id FROM question ORDER BY position'
};
const CLOSED_QUESTION: AuditParameter = {
	means: 'a closed question id, such as q5',
	values: "SELECT id FROM question WHERE type = 'closed' ORDER BY position"
};
const THEME: AuditParameter = {
	means: "a theme id from the codeframe, such as 'consent'",
	values: 'SELECT id FROM theme ORDER BY position'
};
const BODY: AuditParameter = {
	means:
		"a professional body as respondents' records name it (its abbreviation where the organisation list has one), such as 'RCN'",
	values: `SELECT body FROM respondent WHERE body IS NOT NULL
UNION SELECT known_organisation FROM respondent WHERE known_organisation IS NOT NULL
ORDER BY 1`
};

/**
 * The theme tags every theme count is made from. Spelled out in each query that counts themes, so that each can be
 * read and run on its own. (The pages read the table theme_hit, which the analysis and triggers keep equal to this;
 * the query `theme-tags-in-step` checks that it is.)
 */
const TAGS = `tag (answer_id, theme_id, source, confidence) AS (
	-- A theme counts for an answer when an analyst accepted it (or added it), or when the tagger found it and no
	-- analyst has decided on that theme for that answer: an analyst's "reject" removes the tagger's tag, and an
	-- analyst's decision is kept when the analysis runs again.
	SELECT answer_id, theme_id, source, confidence
	FROM answer_theme
	WHERE source = 'manual' AND decision = 'accept'
	UNION ALL
	SELECT tagger.answer_id, tagger.theme_id, tagger.source, tagger.confidence
	FROM answer_theme tagger
	WHERE tagger.source = 'auto'
		AND NOT EXISTS (
			SELECT 1 FROM answer_theme analyst
			WHERE analyst.answer_id = tagger.answer_id AND analyst.theme_id = tagger.theme_id AND analyst.source = 'manual'))`;

/** How a respondent's sector is chosen, said once for the queries that count by sector. */
const SECTOR_RULE = `-- respondent.sector is the sector every page counts by. The analysis sets it to an analyst's correction
-- (respondent.sector_manual) if there is one, else the sector the respondent gave (sector_given), else one inferred
-- from their organisation, professional body or words (sector_inferred = 1; why in sector_reason). NULL: "Not known",
-- listed after the known sectors.`;

/** Which bodies a respondent counts for, said once for the queries by professional body. */
const BODY_RULE = `-- A respondent counts for the professional body they named (respondent.body, matched to the organisation list by the
-- analysis) and, when they are themselves a professional body on that list (respondent.known_organisation), for that
-- body too; once for each body. Bodies are named "Full name (ABBREVIATION)" from the first organisation on the list
-- with that abbreviation (compared without regard to case).`;

/**
 * How to run the queries over a filter's respondents (here: from Health, who raised "consent" in any answer): views
 * under the tables' names, which SQLite reads before the tables themselves. The test runs it and compares.
 */
export const FILTER_RECIPE = `CREATE TEMP VIEW respondent AS
  SELECT * FROM main.respondent
  WHERE sector = 'health'
    AND id IN (SELECT respondent_id FROM theme_hit WHERE theme_id = 'consent');
CREATE TEMP VIEW answer AS
  SELECT * FROM main.answer
  WHERE respondent_id IN (SELECT id FROM temp.respondent);
-- then any query below; DROP VIEW temp.respondent; DROP VIEW temp.answer; to go back`;

/** The filter FILTER_RECIPE stands for, in the pages' own terms (their URL). */
export const FILTER_RECIPE_URL = 'sector=health&theme=consent';

export const AUDIT_QUERIES: AuditQuery[] = [
	{
		id: 'respondents-total',
		title: 'Respondents in total',
		shows: 'Overview: "written responses"; the base of the overview and themes pages',
		unit: 'respondents',
		sql: `-- One row per response. Respondents who asked for confidentiality are counted like everyone else (they are
-- never quoted, but they are counted).
SELECT count(*) AS respondents
FROM respondent`
	},
	{
		id: 'respondents-by-sector',
		title: 'Respondents by sector',
		shows: 'Overview: "Respondents by sector" chart, its table and /data/sectors.csv',
		unit: 'respondents',
		sql: `${SECTOR_RULE}
SELECT
	coalesce(s.id, 'unknown') AS sector_id,
	coalesce(s.label, 'Not known') AS sector,
	count(*) AS respondents,
	round(1000.0 * count(*) / (SELECT count(*) FROM respondent)) / 10 AS percentage,
	-- Not on the chart: how many of these sectors were inferred rather than given.
	sum(r.sector_inferred) AS inferred
FROM respondent r
LEFT JOIN sector s ON s.id = r.sector
GROUP BY coalesce(s.id, 'unknown')
ORDER BY respondents DESC, min(s.position) IS NULL, min(s.position)`
	},
	{
		id: 'respondents-by-type',
		title: 'Respondents by type',
		shows:
			'Overview: totals "from organisations" and "from individuals", the "Respondents by type" chart and /data/types.csv',
		unit: 'respondents',
		sql: `SELECT
	coalesce(respondent_type, 'unknown') AS type_id,
	CASE respondent_type WHEN 'organisation' THEN 'Organisations' WHEN 'individual' THEN 'Individuals' ELSE 'Not stated' END AS type,
	count(*) AS respondents,
	round(1000.0 * count(*) / (SELECT count(*) FROM respondent)) / 10 AS percentage
FROM respondent
GROUP BY coalesce(respondent_type, 'unknown')
ORDER BY respondents DESC, type_id`
	},
	{
		id: 'respondents-by-professional-body',
		title: 'Respondents by professional body',
		shows:
			'Overview: "Respondents by professional body" (the bodies ranked 10 or higher); /bodies and /data/bodies.csv (every body)',
		unit: 'respondents',
		sql: `${BODY_RULE}
WITH counts_for (respondent_id, body) AS (
	SELECT id, body FROM respondent WHERE body IS NOT NULL
	UNION
	SELECT id, known_organisation FROM respondent
	WHERE known_organisation IN (SELECT coalesce(abbreviation, name) FROM organisation WHERE kind = 'professional-body')),
totals (body, respondents) AS (
	SELECT body, count(*) FROM counts_for GROUP BY body)
SELECT
	t.body,
	CASE WHEN o.name IS NULL OR o.name = t.body THEN t.body ELSE o.name || ' (' || t.body || ')' END AS label,
	t.respondents,
	-- Bodies tied on a count share a rank: the overview shows every body ranked 10 or higher, so it never cuts
	-- between two bodies of the same size.
	rank() OVER (ORDER BY t.respondents DESC) AS rank
FROM totals t
LEFT JOIN organisation o ON o.rowid = (SELECT min(x.rowid) FROM organisation x WHERE x.abbreviation = t.body)
ORDER BY t.respondents DESC, t.body`
	},
	{
		id: 'professional-body-base',
		title: 'Respondents who count for any professional body',
		shows:
			'Overview: the base under "Respondents by professional body" ("... named a professional body, or are one")',
		unit: 'respondents',
		sql: `SELECT count(*) AS respondents
FROM respondent
WHERE body IS NOT NULL
	OR known_organisation IN (SELECT coalesce(abbreviation, name) FROM organisation WHERE kind = 'professional-body')`
	},
	{
		id: 'submissions-by-week',
		title: 'Responses received per week',
		shows: 'Overview: "Responses received per week" chart, its table and /data/submissions.csv',
		unit: 'respondents',
		sql: `-- Weeks begin on Monday. Every week from the one the consultation opened in to the one it closed in is listed
-- (empty weeks as 0), widened to take in any response dated outside that window. Responses with no date are not counted.
WITH RECURSIVE received (week) AS (
	SELECT date(substr(submitted_at, 1, 10), 'weekday 0', '-6 days')
	FROM respondent
	WHERE submitted_at IS NOT NULL),
span (first_day, last_day) AS (
	SELECT
		(SELECT min(d) FROM (SELECT opens AS d FROM consultation UNION ALL SELECT week FROM received)),
		(SELECT max(d) FROM (SELECT closes AS d FROM consultation UNION ALL SELECT week FROM received))),
weeks (week) AS (
	SELECT date(first_day, 'weekday 0', '-6 days') FROM span WHERE first_day IS NOT NULL
	UNION ALL
	SELECT date(week, '+7 days') FROM weeks, span WHERE date(week, '+7 days') <= last_day)
SELECT w.week AS week_beginning, count(received.week) AS responses
FROM weeks w
LEFT JOIN received ON received.week = w.week
GROUP BY w.week
ORDER BY w.week`
	},
	{
		id: 'answers-by-question',
		title: 'Respondents answering each question',
		shows:
			'Overview: "Answers by question"; /questions; a question page\'s "N respondents answered this question"',
		unit: 'respondents',
		sql: `-- A respondent answered a question when they chose an answer, wrote something, or both: the import keeps no answer
-- for a question left blank, and a respondent has at most one answer to each question. A written explanation is
-- text other than spaces.
SELECT
	q.id AS question,
	q.short_text AS text,
	q.type,
	count(DISTINCT a.respondent_id) AS answered,
	count(DISTINCT CASE WHEN trim(coalesce(a.text, '')) <> '' THEN a.respondent_id END) AS with_text
FROM question q
LEFT JOIN answer a ON a.question_id = q.id
GROUP BY q.id
ORDER BY q.position`
	},
	{
		id: 'closed-question-answers-by-sector',
		title: "A closed question's answers by sector, with the all-respondents row",
		shows:
			"A closed question's page: the answers-by-sector chart and table, /data/choices.csv?of=…; /questions: each option's share",
		unit: 'respondents',
		params: ['question'],
		parameters: { question: CLOSED_QUESTION },
		sql: `${SECTOR_RULE}
-- The base of each row ("answered") is the respondents in it who chose one of the question's options; those who only
-- wrote an explanation are not in it. The first row, "All respondents", is everyone who chose an option.
WITH options (place, choice) AS (
	SELECT j.key, j.value FROM question q, json_each(q.options_json) j WHERE q.id = :question),
chosen (respondent_id, choice, sector_id, sector, sector_position) AS (
	SELECT a.respondent_id, a.choice, coalesce(s.id, 'unknown'), coalesce(s.label, 'Not known'), s.position
	FROM answer a
	JOIN respondent r ON r.id = a.respondent_id
	LEFT JOIN sector s ON s.id = r.sector
	WHERE a.question_id = :question AND a.choice IN (SELECT choice FROM options)),
row_groups (all_respondents, sector_id, sector, sector_position, answered) AS (
	SELECT 1, NULL, 'All respondents', NULL, count(*) FROM chosen
	UNION ALL
	SELECT 0, sector_id, sector, min(sector_position), count(*) FROM chosen GROUP BY sector_id)
SELECT
	g.sector,
	g.answered,
	o.choice,
	count(c.respondent_id) AS respondents,
	CASE WHEN g.answered > 0 THEN round(1000.0 * count(c.respondent_id) / g.answered) / 10 ELSE 0 END AS percentage
FROM row_groups g
CROSS JOIN options o
LEFT JOIN chosen c ON c.choice = o.choice AND (g.all_respondents = 1 OR c.sector_id = g.sector_id)
GROUP BY g.all_respondents, g.sector_id, o.place
ORDER BY g.all_respondents DESC, g.sector_position IS NULL, g.sector_position, o.place`
	},
	{
		id: 'question-themes-by-sector',
		title: "A question's themes by sector",
		shows: 'A question\'s page: "themes raised, by sector" heatmap, its table and /data/heatmap.csv?of=…',
		unit: 'respondents',
		params: ['question'],
		parameters: { question: QUESTION },
		sql: `${SECTOR_RULE}
-- Respondents are the unit: a respondent whose answer carries the theme counts once. The base is the respondents in
-- the sector who answered the question, including those who only chose an answer. Sectors with no one answering are
-- left out; every theme in the codeframe is listed, with 0 where no one raised it.
WITH ${TAGS},
answered (respondent_id, answer_id, sector_id, sector, sector_position) AS (
	SELECT r.id, a.id, coalesce(s.id, 'unknown'), coalesce(s.label, 'Not known'), s.position
	FROM answer a
	JOIN respondent r ON r.id = a.respondent_id
	LEFT JOIN sector s ON s.id = r.sector
	WHERE a.question_id = :question),
base (sector_id, sector, sector_position, respondents) AS (
	SELECT sector_id, sector, min(sector_position), count(DISTINCT respondent_id) FROM answered GROUP BY sector_id),
raised (theme_id, sector_id, respondents) AS (
	SELECT tag.theme_id, x.sector_id, count(DISTINCT x.respondent_id)
	FROM tag JOIN answered x ON x.answer_id = tag.answer_id
	GROUP BY tag.theme_id, x.sector_id)
SELECT
	t.id AS theme_id,
	t.label AS theme,
	b.sector_id,
	b.sector,
	coalesce(h.respondents, 0) AS respondents,
	b.respondents AS base,
	round(1000.0 * coalesce(h.respondents, 0) / b.respondents) / 10 AS percentage
FROM theme t
CROSS JOIN base b
LEFT JOIN raised h ON h.theme_id = t.id AND h.sector_id = b.sector_id
ORDER BY t.position, b.sector_position IS NULL, b.sector_position`
	},
	{
		id: 'themes-by-sector',
		title: 'Themes by sector, across all questions',
		shows:
			'Themes page: "Themes raised, by sector" heatmap and /data/heatmap.csv; a theme\'s page: its chart by sector, "N of M respondents raised this theme" and /data/theme-sectors.csv?of=…',
		unit: 'respondents',
		sql: `${SECTOR_RULE}
-- Respondents are the unit: a respondent raising a theme in several answers counts once. The base is every respondent
-- in the sector, whether or not they wrote anything.
WITH ${TAGS},
people (respondent_id, sector_id, sector, sector_position) AS (
	SELECT r.id, coalesce(s.id, 'unknown'), coalesce(s.label, 'Not known'), s.position
	FROM respondent r
	LEFT JOIN sector s ON s.id = r.sector),
base (sector_id, sector, sector_position, respondents) AS (
	SELECT sector_id, sector, min(sector_position), count(*) FROM people GROUP BY sector_id),
raised (theme_id, sector_id, respondents) AS (
	SELECT tag.theme_id, p.sector_id, count(DISTINCT p.respondent_id)
	FROM tag
	JOIN answer a ON a.id = tag.answer_id
	JOIN people p ON p.respondent_id = a.respondent_id
	GROUP BY tag.theme_id, p.sector_id)
SELECT
	t.id AS theme_id,
	t.label AS theme,
	b.sector_id,
	b.sector,
	coalesce(h.respondents, 0) AS respondents,
	b.respondents AS base,
	round(1000.0 * coalesce(h.respondents, 0) / b.respondents) / 10 AS percentage
FROM theme t
CROSS JOIN base b
LEFT JOIN raised h ON h.theme_id = t.id AND h.sector_id = b.sector_id
ORDER BY t.position, b.sector_position IS NULL, b.sector_position`
	},
	{
		id: 'theme-prevalence',
		title: 'Respondents raising each theme, across all questions',
		shows:
			'Themes page: "Respondents raising each theme" chart, its table and /data/prevalence.csv; "Answers" is the number of answers on a theme\'s page',
		unit: 'respondents',
		sql: `-- Respondents raising the theme in any answer (each once), as a share of every respondent; and the answers that
-- carry it (an answer carries a theme once).
WITH ${TAGS}
SELECT
	t.label AS theme,
	count(DISTINCT a.respondent_id) AS respondents,
	round(1000.0 * count(DISTINCT a.respondent_id) / (SELECT count(*) FROM respondent)) / 10 AS percentage,
	count(a.id) AS answers
FROM theme t
LEFT JOIN tag ON tag.theme_id = t.id
LEFT JOIN answer a ON a.id = tag.answer_id
GROUP BY t.id
ORDER BY respondents DESC, t.position`
	},
	{
		id: 'theme-stance',
		title: 'Stance of the answers raising a theme',
		shows: 'A theme\'s page: "Stance of answers raising this theme" and /data/theme-stance.csv?of=…',
		unit: 'answers',
		params: ['theme'],
		parameters: { theme: THEME },
		sql: `-- Answers, not respondents: each answer carrying the theme, by its stance. answer.stance is the closed answer's
-- stance where there is one, else the one read from the text; an analyst's correction is written into it (and kept
-- in answer_review.stance, so that the analysis running again keeps it). An answer with no stance counts as neutral.
-- Stances no answer has are left out.
WITH ${TAGS}
SELECT
	CASE coalesce(a.stance, 'neutral')
		WHEN 'support' THEN 'Support' WHEN 'oppose' THEN 'Oppose' WHEN 'mixed' THEN 'Mixed' ELSE 'Neutral' END AS stance,
	count(*) AS answers,
	round(1000.0 * count(*) / sum(count(*)) OVER ()) / 10 AS percentage
FROM tag
JOIN answer a ON a.id = tag.answer_id
WHERE tag.theme_id = :theme
GROUP BY coalesce(a.stance, 'neutral')
ORDER BY CASE coalesce(a.stance, 'neutral') WHEN 'support' THEN 1 WHEN 'mixed' THEN 2 WHEN 'neutral' THEN 3 ELSE 4 END`
	},
	{
		id: 'theme-by-professional-body',
		title: 'Respondents raising a theme, by professional body',
		shows:
			'A theme\'s page: "Respondents raising this theme, by professional body" and /data/theme-bodies.csv?of=…',
		unit: 'respondents',
		params: ['theme'],
		parameters: { theme: THEME },
		sql: `${BODY_RULE}
-- The base is the body's respondents; bodies where no one raised the theme are left out.
WITH ${TAGS},
counts_for (respondent_id, body) AS (
	SELECT id, body FROM respondent WHERE body IS NOT NULL
	UNION
	SELECT id, known_organisation FROM respondent
	WHERE known_organisation IN (SELECT coalesce(abbreviation, name) FROM organisation WHERE kind = 'professional-body')),
raising (respondent_id) AS (
	SELECT DISTINCT a.respondent_id FROM tag JOIN answer a ON a.id = tag.answer_id WHERE tag.theme_id = :theme),
bodies (body, respondents, base) AS (
	-- "IN": the theme's respondents are looked up, not scanned again for every body member (minutes at a million answers).
	SELECT m.body, sum(m.respondent_id IN (SELECT respondent_id FROM raising)), count(*)
	FROM counts_for m
	GROUP BY m.body)
SELECT
	CASE WHEN o.name IS NULL OR o.name = b.body THEN b.body ELSE o.name || ' (' || b.body || ')' END AS body,
	b.respondents,
	b.base,
	round(1000.0 * b.respondents / b.base) / 10 AS percentage
FROM bodies b
LEFT JOIN organisation o ON o.rowid = (SELECT min(x.rowid) FROM organisation x WHERE x.abbreviation = b.body)
WHERE b.respondents > 0
ORDER BY b.respondents DESC, b.body`
	},
	{
		id: 'answers-without-theme',
		title: 'Written answers with no theme, or an uncertain one',
		shows:
			'Themes page: "Of N written answers, M have no theme assigned and K carry a theme the pipeline was less sure of"',
		unit: 'answers',
		sql: `-- Answers, not respondents: answers with text other than spaces. Uncertain: carrying a tagger's tag of confidence
-- under 0.6 that no analyst has decided on.
WITH ${TAGS},
tagged (answer_id, uncertain) AS (
	SELECT answer_id, max(source = 'auto' AND confidence < 0.6) FROM tag GROUP BY answer_id)
SELECT
	count(*) AS written_answers,
	count(*) - count(t.answer_id) AS with_no_theme,
	coalesce(sum(t.uncertain), 0) AS with_uncertain_theme
FROM answer a
LEFT JOIN tagged t ON t.answer_id = a.id
WHERE trim(coalesce(a.text, '')) <> ''`
	},
	{
		id: 'waiting-for-analysis',
		title: 'Answers and comments waiting for the next analysis',
		shows: 'Every page, while there are any: "N answers have been imported or changed since the analysis last ran"',
		unit: 'answers',
		sql: `-- An analysis gives every answer with a choice or a text a stance, and redacts every comment; an import takes the
-- stance (and the automatic themes) from an answer whose choice or text it changes, and the redaction from a changed
-- comment. Both 0 after an analysis.
SELECT
	(SELECT count(*) FROM answer WHERE stance IS NULL AND (choice IS NOT NULL OR trim(coalesce(text, '')) <> '')) AS answers,
	(SELECT count(*) FROM event_feedback WHERE comment_redacted IS NULL AND trim(coalesce(comment, '')) <> '')
		+ (SELECT count(*) FROM cyp_feedback WHERE comment_redacted IS NULL AND trim(coalesce(comment, '')) <> '') AS comments`
	},
	{
		id: 'review-progress',
		title: 'Written answers analysts have reviewed, by question',
		shows:
			'Themes page and a question\'s page: the source line "N of M written answers reviewed by analysts"',
		unit: 'answers',
		sql: `SELECT
	q.id AS question,
	count(rv.answer_id) AS reviewed,
	count(a.id) AS written_answers
FROM question q
LEFT JOIN answer a ON a.question_id = q.id AND trim(coalesce(a.text, '')) <> ''
LEFT JOIN answer_review rv ON rv.answer_id = a.id
GROUP BY q.id
ORDER BY q.position`
	},
	{
		id: 'body-groups-closed-answers',
		title: "A professional body's closed answers beside its members' and everyone else's",
		shows: "A body's page (/bodies/…): the percentage of each group giving each answer, with its n",
		unit: 'respondents',
		params: ['body'],
		parameters: { body: BODY },
		sql: `-- Three groups: the body itself (a respondent that is the organisation), its members (who named it as their body)
-- and everyone else. The base of a share is the group's respondents who chose an answer to the question.
WITH grouped (respondent_id, grp) AS (
	SELECT id, CASE WHEN known_organisation = :body THEN 'body' WHEN body = :body THEN 'members' ELSE 'others' END
	FROM respondent),
chosen (grp, question_id, choice, respondents) AS (
	SELECT g.grp, a.question_id, a.choice, count(DISTINCT a.respondent_id)
	FROM answer a JOIN grouped g ON g.respondent_id = a.respondent_id
	WHERE a.choice IS NOT NULL
	GROUP BY g.grp, a.question_id, a.choice)
SELECT
	c.grp AS "group",
	c.question_id AS question,
	c.choice,
	c.respondents,
	sum(c.respondents) OVER (PARTITION BY c.grp, c.question_id) AS answered,
	round(1000.0 * c.respondents / sum(c.respondents) OVER (PARTITION BY c.grp, c.question_id)) / 10 AS percentage
FROM chosen c
JOIN question q ON q.id = c.question_id
ORDER BY CASE c.grp WHEN 'body' THEN 1 WHEN 'members' THEN 2 ELSE 3 END, q.position, c.choice`
	},
	{
		id: 'body-groups-themes',
		title: 'Themes raised by a professional body, its members and everyone else',
		shows: "A body's page (/bodies/…): the themes table",
		unit: 'respondents',
		params: ['body'],
		parameters: { body: BODY },
		sql: `-- The same three groups; a respondent raising a theme in any answer counts once. The base is every respondent in the
-- group. Groups with no one in them are left out.
WITH ${TAGS},
grouped (respondent_id, grp) AS (
	SELECT id, CASE WHEN known_organisation = :body THEN 'body' WHEN body = :body THEN 'members' ELSE 'others' END
	FROM respondent),
base (grp, respondents) AS (
	SELECT grp, count(*) FROM grouped GROUP BY grp),
raised (theme_id, grp, respondents) AS (
	SELECT tag.theme_id, g.grp, count(DISTINCT g.respondent_id)
	FROM tag JOIN answer a ON a.id = tag.answer_id JOIN grouped g ON g.respondent_id = a.respondent_id
	GROUP BY tag.theme_id, g.grp)
SELECT
	b.grp AS "group",
	t.id AS theme_id,
	t.label AS theme,
	coalesce(h.respondents, 0) AS respondents,
	b.respondents AS base,
	round(1000.0 * coalesce(h.respondents, 0) / b.respondents) / 10 AS percentage
FROM theme t
CROSS JOIN base b
LEFT JOIN raised h ON h.theme_id = t.id AND h.grp = b.grp
ORDER BY t.position, CASE b.grp WHEN 'body' THEN 1 WHEN 'members' THEN 2 ELSE 3 END`
	},
	{
		id: 'stakeholder-counts',
		title: 'Organisations that responded',
		shows: 'Stakeholder tracker: "N organisations, of which K are on the list of known organisations"',
		unit: 'respondents',
		sql: `-- Confidential organisations are counted (and listed as "Confidential respondent"); a confidential respondent is
-- never matched to a known organisation.
SELECT
	count(*) AS organisations,
	count(known_organisation) AS known
FROM respondent
WHERE respondent_type = 'organisation'`
	},
	{
		id: 'report-annex',
		title: 'The organisations the summary of responses names',
		shows: 'The Word report and its print version: "Annex: organisations that responded"',
		unit: 'respondents',
		sql: REPORT_ANNEX_SQL
	},
	{
		id: 'report-annex-not-named',
		title: 'The responses the summary of responses does not name',
		shows: "The annex of the report: the organisations that asked for confidentiality, the individuals, and the organisations not named because they gave no name or a name that may be a person's, or because an analyst decided not to name them",
		unit: 'respondents',
		sql: REPORT_NOT_NAMED_SQL
	},
	{
		id: 'events-and-children-totals',
		title: "Events, attendees and children's comments in total",
		shows:
			'Overview: totals "events", "event attendees" and "comments from children and young people"; the events page\'s opening line',
		unit: 'events',
		sql: `-- Not written responses: the filters on written responses never apply to these.
SELECT
	(SELECT count(*) FROM event) AS events,
	(SELECT coalesce(sum(attendees), 0) FROM event) AS attendees,
	(SELECT count(*) FROM event_feedback WHERE source = 'evaluation') AS evaluation_forms,
	(SELECT count(*) FROM cyp_feedback) AS childrens_comments`
	},
	{
		id: 'events',
		title: 'Each event: attendance, forms and usefulness',
		shows: 'Events page: the table of events',
		unit: 'events',
		sql: `-- Attendance is the number the organisers recorded. Forms are evaluation forms; table notes are facilitators' notes.
-- Average usefulness is of every rating given (1 to 5) at the event, to one decimal place.
SELECT
	e.id AS event,
	e.title,
	e.venue,
	e.date,
	e.attendees,
	count(CASE WHEN f.source = 'evaluation' THEN 1 END) AS evaluation_forms,
	count(CASE WHEN f.source = 'table-notes' THEN 1 END) AS table_notes,
	round(avg(f.usefulness), 1) AS average_usefulness
FROM event e
LEFT JOIN event_feedback f ON f.event_id = e.id
GROUP BY e.id
ORDER BY e.date, e.id`
	},
	{
		id: 'event-forms-by-sector',
		title: 'Evaluation forms by attendee sector and event',
		shows: 'Events page: "Who returned evaluation forms, by sector", its table and /data/event-forms.csv',
		unit: 'forms',
		sql: `-- Attendees' sectors are known only from the forms they returned (event_feedback.attendee_sector; NULL: "Not known").
-- One row per sector and event (0 where none), and an "All events" row per sector. Sectors are listed most forms
-- first; sectors with as many forms as each other in the order the page lists them: the one seen at an earlier event
-- (by event id) first, then in the sectors' order.
WITH forms (sector_id, sector, sector_position, event_id) AS (
	SELECT coalesce(s.id, 'unknown'), coalesce(s.label, 'Not known'), coalesce(s.position, 99), f.event_id
	FROM event_feedback f
	LEFT JOIN sector s ON s.id = f.attendee_sector
	WHERE f.source = 'evaluation'),
sectors (sector_id, sector, sector_position, first_event, total) AS (
	SELECT sector_id, sector, min(sector_position), min(event_id), count(*) FROM forms GROUP BY sector_id),
columns (place, event_id, event) AS (
	SELECT row_number() OVER (ORDER BY date, id), id, coalesce(city, title) FROM event
	UNION ALL
	SELECT 1e9, NULL, 'All events')
SELECT
	s.sector,
	c.event,
	count(f.event_id) AS forms
FROM sectors s
CROSS JOIN columns c
LEFT JOIN forms f ON f.sector_id = s.sector_id AND (c.event_id IS NULL OR f.event_id = c.event_id)
GROUP BY s.sector_id, c.place
ORDER BY s.total DESC, s.first_event, s.sector_position, c.place`
	},
	{
		id: 'event-usefulness-ratings',
		title: 'Usefulness ratings by event',
		shows: 'Events page: "Usefulness ratings" chart, its table and /data/event-ratings.csv',
		unit: 'forms',
		sql: `SELECT
	coalesce(e.city, e.title) AS event,
	count(CASE WHEN f.usefulness = 1 THEN 1 END) AS rated_1,
	count(CASE WHEN f.usefulness = 2 THEN 1 END) AS rated_2,
	count(CASE WHEN f.usefulness = 3 THEN 1 END) AS rated_3,
	count(CASE WHEN f.usefulness = 4 THEN 1 END) AS rated_4,
	count(CASE WHEN f.usefulness = 5 THEN 1 END) AS rated_5,
	count(CASE WHEN f.usefulness IN (1, 2, 3, 4, 5) THEN 1 END) AS forms_with_a_rating
FROM event e
LEFT JOIN event_feedback f ON f.event_id = e.id
GROUP BY e.id
ORDER BY e.date, e.id`
	},
	{
		id: 'event-themes-vs-written',
		title: 'Themes at the events compared with written answers',
		shows: 'Events page: "Themes at the events compared with written responses" and /data/event-themes.csv',
		unit: 'comments',
		sql: `-- A piece of text each side, so the two shares compare like with like: event comments (evaluation comments and
-- table notes with some text) and written answers (one respondent's answer to one question, with some text).
-- Respondents are not the unit here.
WITH ${TAGS},
event_base (comments) AS (
	SELECT count(*) FROM event_feedback WHERE trim(coalesce(comment, '')) <> ''),
written_base (answers) AS (
	SELECT count(*) FROM answer a JOIN question q ON q.id = a.question_id WHERE trim(coalesce(a.text, '')) <> ''),
at_events (theme_id, comments) AS (
	SELECT theme_id, count(DISTINCT comment_id) FROM comment_theme WHERE kind = 'event' GROUP BY theme_id),
in_writing (theme_id, answers) AS (
	SELECT theme_id, count(*) FROM tag GROUP BY theme_id)
SELECT
	t.label AS theme,
	coalesce(ev.comments, 0) AS event_comments,
	eb.comments AS event_base,
	round(1000.0 * coalesce(ev.comments, 0) / eb.comments) / 10 AS event_percentage,
	coalesce(w.answers, 0) AS written_answers,
	wb.answers AS written_base,
	round(1000.0 * coalesce(w.answers, 0) / wb.answers) / 10 AS written_percentage
FROM theme t
CROSS JOIN event_base eb
CROSS JOIN written_base wb
LEFT JOIN at_events ev ON ev.theme_id = t.id
LEFT JOIN in_writing w ON w.theme_id = t.id
ORDER BY t.position`
	},
	{
		id: 'children-comments-by-age-band',
		title: "Children and young people's comments by age band",
		shows: 'Children and young people page: comments by age band, and the total its charts are based on',
		unit: 'comments',
		sql: `SELECT
	coalesce(age_band, 'Not known') AS age_band,
	count(*) AS comments
FROM cyp_feedback
GROUP BY coalesce(age_band, 'Not known')
-- Youngest first, by the age a band starts at ("8-11" before "12-15"); "Not known" last.
ORDER BY age_band IS NULL, CAST(age_band AS INTEGER), age_band`
	},
	{
		id: 'children-comments-by-setting',
		title: "Children and young people's comments by setting",
		shows: 'Children and young people page: comments by setting and /data/children-settings.csv',
		unit: 'comments',
		sql: `-- A setting as recorded ("school council"), with its first letter in capitals ("School council").
SELECT
	upper(substr(coalesce(setting, 'Not known'), 1, 1)) || substr(coalesce(setting, 'Not known'), 2) AS setting,
	count(*) AS comments
FROM cyp_feedback
GROUP BY 1
ORDER BY comments DESC, 1`
	},
	{
		id: 'children-comments-by-topic',
		title: "What children and young people's comments were about",
		shows:
			'Children and young people page: topics and /data/children-topics.csv (shown in words: "sexual-health" as "Sexual health")',
		unit: 'comments',
		sql: `-- Topics as the facilitators recorded them, separated by ";"; a comment can have several.
WITH RECURSIVE split (comment_id, topic, rest) AS (
	SELECT id, NULL, topics || ';' FROM cyp_feedback WHERE topics IS NOT NULL
	UNION ALL
	SELECT comment_id, substr(rest, 1, instr(rest, ';') - 1), substr(rest, instr(rest, ';') + 1)
	FROM split WHERE rest <> '')
SELECT topic, count(*) AS comments
FROM split
WHERE topic IS NOT NULL
GROUP BY topic
ORDER BY comments DESC, topic`
	},
	{
		id: 'children-themes-by-age-band',
		title: "Themes in children and young people's comments, by age band",
		shows:
			'Children and young people page: "Themes by age band" heatmap, its table and /data/children-themes.csv',
		unit: 'comments',
		sql: `-- Comments, not children: the base is the comments in the age band. Only themes raised in at least one comment.
WITH base (age_band, comments) AS (
	SELECT coalesce(age_band, 'Not known'), count(*) FROM cyp_feedback GROUP BY 1),
raised (theme_id, age_band, comments) AS (
	SELECT ct.theme_id, coalesce(c.age_band, 'Not known'), count(*)
	FROM comment_theme ct JOIN cyp_feedback c ON c.id = ct.comment_id
	WHERE ct.kind = 'cyp'
	GROUP BY 1, 2)
SELECT
	t.label AS theme,
	b.age_band,
	coalesce(h.comments, 0) AS comments,
	b.comments AS base,
	round(1000.0 * coalesce(h.comments, 0) / b.comments) / 10 AS percentage
FROM theme t
CROSS JOIN base b
LEFT JOIN raised h ON h.theme_id = t.id AND h.age_band = b.age_band
WHERE EXISTS (SELECT 1 FROM comment_theme ct WHERE ct.kind = 'cyp' AND ct.theme_id = t.id)
ORDER BY t.position, b.age_band = 'Not known', CAST(b.age_band AS INTEGER), b.age_band`
	},
	{
		id: 'campaigns',
		title: 'Campaigns: near-identical answers to one question',
		shows: '/campaigns, a campaign\'s page and a question\'s page: "Answers: N, P% of the respondents who answered"; the overview\'s "answers in N campaigns"',
		unit: 'answers',
		sql: `-- The analysis groups answers to one question that share most of their wording (answer.campaign_id); analysts may
-- put an answer in or take one out when they review it (counted in campaign.added and campaign.removed). A
-- respondent has at most one answer to a question, so a campaign's answers are also its respondents.
SELECT
	c.id AS campaign,
	c.question_id AS question,
	count(a.id) AS answers,
	b.answered,
	round(1000.0 * count(a.id) / b.answered) / 10 AS percentage,
	c.added,
	c.removed
FROM campaign c
JOIN question q ON q.id = c.question_id
JOIN answer a ON a.campaign_id = c.id
JOIN (SELECT question_id, count(DISTINCT respondent_id) AS answered FROM answer GROUP BY question_id) b ON b.question_id = c.question_id
GROUP BY c.id
ORDER BY answers DESC, q.position, c.id`
	},
	{
		id: 'campaign-senders-by-sector',
		title: "Who sent each campaign's text, by sector",
		shows: '/campaigns and a campaign\'s page: "From"',
		unit: 'respondents',
		sql: `${SECTOR_RULE}
SELECT
	a.campaign_id AS campaign,
	coalesce(s.label, 'Not known') AS sector,
	count(DISTINCT r.id) AS respondents
FROM answer a
JOIN respondent r ON r.id = a.respondent_id
LEFT JOIN sector s ON s.id = r.sector
WHERE a.campaign_id IS NOT NULL
GROUP BY a.campaign_id, coalesce(s.label, 'Not known')
ORDER BY a.campaign_id, respondents DESC, sector`
	},
	{
		id: 'theme-tags-in-step',
		title: "The theme tags the pages count are the tagger's and analysts' tags",
		shows:
			'Every theme count: the pages read the table theme_hit; this checks it holds exactly the tags the rule above gives (all three should be 0)',
		unit: 'tags',
		sql: `WITH ${TAGS}
SELECT
	(SELECT count(*) FROM (
		SELECT answer_id, theme_id, source, confidence FROM tag
		EXCEPT SELECT answer_id, theme_id, source, confidence FROM theme_hit)) AS missing_from_theme_hit,
	(SELECT count(*) FROM (
		SELECT answer_id, theme_id, source, confidence FROM theme_hit
		EXCEPT SELECT answer_id, theme_id, source, confidence FROM tag)) AS not_a_tag,
	(SELECT count(*) FROM theme_hit h JOIN answer a ON a.id = h.answer_id
		WHERE h.respondent_id <> a.respondent_id OR h.question_id <> a.question_id) AS filed_under_wrong_answer`
	}
];

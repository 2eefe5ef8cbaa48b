// Answer-level filters ("raising consent", "answered No to Q5") ask of every respondent whether one of their answers
// qualifies, in each query that uses them: seconds at a million answers, and a page runs several such queries. The
// respondents such a filter keeps are found once, in memory (facts.ts, held equal to the filter's SQL by
// tests/unit/facts.test.ts), and kept in a temporary table that the page's queries read instead.
import { createHash } from 'node:crypto';
import { writeBookkeeping } from './db/cache';
import type { DB } from './db/client';
import { filteredRespondents } from './facts';
import type { BuiltFilter } from './filters';

/** Temporary tables kept per connection, the oldest dropped first. */
const KEPT = 8;
/** The connection's tables, oldest first: kept on the connection itself, which the result cache's wrapper shares. */
const TABLES = Symbol('respondent sets');
type WithSets = DB & { [TABLES]?: string[] };

/**
 * The same filter, with its respondents read from a temporary table when it has answer-level parts; unchanged when it
 * has none (the respondent columns' indexes answer those directly). The table's name is a hash of the filter and the
 * database's state, so a name always means the same respondents.
 */
export function withRespondentSet(db: DB, f: BuiltFilter): BuiltFilter {
	if (f.answerWhere === '1') return f;
	let where: string | null = null;
	// Made when a query first asks for it: pages that count only in memory never need the table.
	const table = (): string => {
		const { ids, version } = filteredRespondents(db, f);
		if (ids === null) return f.where;
		const name = `respondent_set_${createHash('sha256').update(JSON.stringify([version, f.where, f.params])).digest('hex').slice(0, 24)}`;
		const tables = ((db as WithSets)[TABLES] ??= []);
		if (!tables.includes(name)) {
			// Not a change to anything a page shows: kept out of the counts that tell the caches the data changed. Written
			// with exec, which the result cache never answers; the ids are integers, so the literal is safe.
			writeBookkeeping(db, () =>
				db.exec(`CREATE TEMP TABLE IF NOT EXISTS "${name}" (id INTEGER PRIMARY KEY);
					INSERT OR IGNORE INTO temp."${name}" (id) SELECT value FROM json_each('[${ids.join(',')}]');`)
			);
			tables.push(name);
			while (tables.length > KEPT) db.exec(`DROP TABLE IF EXISTS temp."${tables.shift()}"`);
		}
		// The unary plus keeps the set from being used to drive a query: each keeps its own plan (from its small tables,
		// or the respondent indexes) and tests membership as it goes. Driving from the set, the quotes for a question
		// took 31 s at a million answers.
		return `+r.id IN (SELECT id FROM temp."${name}")`;
	};
	return {
		...f,
		get where() {
			return (where ??= table());
		},
		get params() {
			return (where ??= table()) === f.where ? f.params : [];
		},
		built: { where: f.where, params: f.params }
	};
}

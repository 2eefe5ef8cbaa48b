// What every filtered page's load needs: the database, the built filter, and the filter as the page shows it.
import { getReadDb } from './db';
import { buildFilter, filterOptions } from './filters';
import { withRespondentSet } from './filter-set';

export function filtered(url: URL) {
	const db = getReadDb();
	const f = withRespondentSet(db, buildFilter(db, url.searchParams));
	return {
		db,
		f,
		filter: { filters: f.filters, description: f.description, active: f.active, ignored: f.ignored, options: filterOptions(db) }
	};
}

/** A positive page number from ?page=, defaulting to 1. */
export function pageNumber(url: URL): number {
	const n = Number(url.searchParams.get('page') ?? '1');
	return Number.isInteger(n) && n > 0 && n < 100_000 ? n : 1;
}

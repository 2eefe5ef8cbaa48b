// What every filtered page's load needs: the database, the built filter, and the filter as the page shows it.
import { redirect } from '@sveltejs/kit';
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

/**
 * Sends a page number past the end (an old link, after a filter changed the count) to the last page, or to the first
 * when there is nothing to list, rather than showing "answers 19,961 to 1,467 of 1,467" over an empty list.
 */
export function keepPageInRange(url: URL, page: number, total: number, size: number) {
	const last = Math.max(1, Math.ceil(total / size));
	if (page <= last) return;
	const to = new URL(url);
	if (last === 1) to.searchParams.delete('page');
	else to.searchParams.set('page', String(last));
	redirect(303, to.pathname + to.search);
}

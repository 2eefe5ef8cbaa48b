// Filter fields and their URL form, shared by the server (which validates them) and the pages (which link to them).
export const FILTER_FIELDS = ['sector', 'body', 'type', 'region', 'campaign', 'question', 'theme', 'stance', 'answer', 'q'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
/** The fields about respondents themselves; the others are about their answers (a respondent qualifies through one
 * answer that meets them all). */
export const RESPONDENT_FIELDS = ['sector', 'body', 'type', 'region', 'campaign'] as const satisfies readonly FilterField[];

export type Filters = Record<FilterField, string[]>;

export interface FilterOption {
	value: string;
	label: string;
}

/**
 * The query string that carries the filters of the page at `url` to another page (every parameter but the page
 * number), so that following a link (the menu, a breadcrumb, a response) keeps what the user chose.
 */
export function carriedQuery(url: URL): string {
	const p = new URLSearchParams();
	for (const [k, v] of url.searchParams) if (k !== 'page' && v.trim()) p.append(k, v);
	const s = p.toString();
	return s ? `?${s}` : '';
}

/** The query string for a filter, with some fields changed: for links that add or remove values. */
export function filterQuery(filters: Filters, change: Partial<Filters> = {}, extra: Record<string, string> = {}): string {
	const params = new URLSearchParams();
	for (const field of FILTER_FIELDS) for (const v of change[field] ?? filters[field]) params.append(field, v);
	for (const [k, v] of Object.entries(extra)) params.set(k, v);
	const s = params.toString();
	return s ? `?${s}` : '';
}

// File names for downloads: a filtered download says so in its name ("responses-health-rcn.csv"), so a copy saved
// or pasted is not taken for the whole consultation.

export const slug = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

/** `base`, followed by the filter's values. */
export function filteredName(base: string, values: string[]): string {
	const words = slug(values.join(' ')).slice(0, 60).replace(/-$/, '');
	return words ? `${base}-${words}` : base;
}

/** The values of a page address's filter fields (not the page number or a download's name, nor empty ones). */
export const urlFilterValues = (params: URLSearchParams): string[] =>
	[...params].filter(([k, v]) => k !== 'page' && k !== 'name' && v.trim() !== '').map(([, v]) => v);

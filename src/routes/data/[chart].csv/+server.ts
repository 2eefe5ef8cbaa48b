// The data behind each chart as CSV, with the same filters as the page it sits on.
import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/csv-safe';
import { CHART_TABLES } from '$lib/server/charts';
import { getReadDb } from '$lib/server/db';
import { buildFilter } from '$lib/server/filters';
import { withRespondentSet } from '$lib/server/filter-set';

export function GET({ params, url }) {
	const make = Object.hasOwn(CHART_TABLES, params.chart) ? CHART_TABLES[params.chart] : undefined;
	if (!make) error(404, 'No such chart');
	const db = getReadDb();
	const f = withRespondentSet(db, buildFilter(db, url.searchParams));
	const table = make(db, f, url.searchParams);
	if (!table) error(404, 'No such chart');
	const rows = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i]])));
	const body = toCsv(table.columns, rows) + '\r\n';
	// The name the chart's figure gives it (its title and filter), kept to letters, digits and hyphens.
	const name = (url.searchParams.get('name') ?? '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || params.chart;
	return new Response('\uFEFF' + body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}.csv"`
		}
	});
}

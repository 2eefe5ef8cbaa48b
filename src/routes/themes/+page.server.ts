import { heatmapTable, prevalenceTable } from '$lib/server/charts';
import { respondentCount } from '$lib/server/db/overview';
import { progress } from '$lib/server/db/review';
import { untaggedCounts } from '$lib/server/facts';
import { filtered } from '$lib/server/page';

export function load({ url }) {
	const { db, f, filter } = filtered(url);
	return {
		filter,
		respondents: respondentCount(db, f),
		heatmap: heatmapTable(db, f, null),
		prevalence: prevalenceTable(db, f),
		untagged: untaggedCounts(db, f),
		// Review is of the whole consultation, whatever the filter.
		review: progress(db).reduce((a, p) => ({ reviewed: a.reviewed + p.reviewed, total: a.total + p.total }), { reviewed: 0, total: 0 })
	};
}

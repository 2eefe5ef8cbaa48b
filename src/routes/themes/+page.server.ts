import { heatmapTable, prevalenceTable } from '$lib/server/charts';
import { respondentCount } from '$lib/server/db/overview';
import { untaggedCounts } from '$lib/server/facts';
import { filtered } from '$lib/server/page';

export function load({ url }) {
	const { db, f, filter } = filtered(url);
	return {
		filter,
		respondents: respondentCount(db, f),
		heatmap: heatmapTable(db, f, null),
		prevalence: prevalenceTable(db, f),
		untagged: untaggedCounts(db, f)
	};
}

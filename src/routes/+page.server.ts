import { bodiesTable, sectorsTable, submissionsTable, typesTable } from '$lib/server/charts';
import { campaignTotals } from '$lib/server/db/campaigns';
import { otherTotals } from '$lib/server/db/overview';
import { questionCounts, respondentTotal, sectorCounts } from '$lib/server/facts';
import { filtered } from '$lib/server/page';

export function load({ url }) {
	const { db, f, filter } = filtered(url);
	const sectors = sectorCounts(db, f);
	return {
		filter,
		respondents: respondentTotal(db, f),
		sectors,
		sectorsTable: sectorsTable(db, f, sectors),
		typesTable: typesTable(db, f),
		bodiesTable: bodiesTable(db, f, 10),
		submissionsTable: submissionsTable(db, f),
		other: otherTotals(db),
		campaigns: campaignTotals(db, f),
		questions: questionCounts(db, f)
	};
}

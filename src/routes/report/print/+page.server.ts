import { getDb } from '$lib/server/db';
import { reportData } from '$lib/server/report/data';

export function load() {
	return { report: reportData(getDb()) };
}

import { agreement, progress } from '$lib/server/db/review';
import { getReadDb } from '$lib/server/db';

export function load() {
	const db = getReadDb();
	return { progress: progress(db), agreement: agreement(db) };
}

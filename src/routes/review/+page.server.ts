import { agreement, progress } from '$lib/server/db/review';
import { getDb } from '$lib/server/db';

export function load() {
	const db = getDb();
	return { progress: progress(db), agreement: agreement(db) };
}

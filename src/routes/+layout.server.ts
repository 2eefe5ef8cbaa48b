import { getDb } from '$lib/server/db';
import { consultationInfo } from '$lib/server/db/consultation';

export function load() {
	return { consultation: consultationInfo(getDb()) };
}

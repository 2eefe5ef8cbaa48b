import { getDb } from '$lib/server/db';
import { consultationInfo } from '$lib/server/db/consultation';

export function load({ locals }) {
	return { consultation: consultationInfo(getDb()), user: locals.user };
}

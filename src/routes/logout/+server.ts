import { redirect } from '@sveltejs/kit';
import { audit, endSession, SESSION_COOKIE } from '$lib/server/auth';
import { getDb } from '$lib/server/db';

export function POST({ cookies, locals }) {
	const db = getDb();
	endSession(db, cookies.get(SESSION_COOKIE));
	if (locals.user) audit(db, locals.user.username, 'signed out', null, {});
	cookies.delete(SESSION_COOKIE, { path: '/' });
	redirect(303, '/login?signed-out');
}

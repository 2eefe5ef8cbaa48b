import { fail, redirect } from '@sveltejs/kit';
import { createSession, IDLE_MINUTES, SESSION_COOKIE, signIn } from '$lib/server/auth';
import { safeNext } from '$lib/server/access';
import { getDb } from '$lib/server/db';

export function load({ locals, url }) {
	return { user: locals.user, next: safeNext(url.searchParams.get('next')), signedOut: url.searchParams.has('signed-out'), ended: url.searchParams.has('ended'), idleMinutes: IDLE_MINUTES };
}

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const next = safeNext(String(form.get('next') ?? '/'));
		const errors: { field: string; message: string }[] = [];
		if (!username) errors.push({ field: 'username', message: 'Enter your user name' });
		if (!password) errors.push({ field: 'password', message: 'Enter your password' });
		if (errors.length) return fail(400, { username, errors });
		const db = getDb();
		const result = await signIn(db, username, password, getClientAddress());
		if (result === 'locked') return fail(429, { username, errors: [{ field: 'username', message: 'Too many failed attempts. Wait 15 minutes and try again' }] });
		if (!result) return fail(400, { username, errors: [{ field: 'password', message: 'The user name or password is not right' }] });
		const session = createSession(db, result.id);
		cookies.set(SESSION_COOKIE, session.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			expires: session.expires
		});
		redirect(303, next);
	}
};

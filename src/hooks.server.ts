// Every request: who is signed in, and may they see this? Enforced here, on the server, for pages and downloads.
import { error, redirect, type Handle, type ServerInit } from '@sveltejs/kit';
import { audit, can, ifWritableNow, SESSION_COOKIE, sessionUser } from '$lib/server/auth';
import { accessFor } from '$lib/server/access';
import { getDb } from '$lib/server/db';
import { readFacts } from '$lib/server/facts';

/**
 * The counts the dashboard keeps in memory are read when the server starts, and again soon after the data change
 * (an import or analysis from the command line), before anyone asks for a page: at a million answers that takes
 * seconds, which the next person to open the dashboard would otherwise wait for. When nothing changed, the check
 * costs next to nothing.
 */
export const init: ServerInit = () => {
	const read = () => {
		try {
			readFacts(getDb());
		} catch {
			// No database yet: the first page says so.
		}
	};
	setTimeout(read, 0);
	setInterval(read, 5_000).unref();
};

/**
 * Requests that do something in the signer's name (a download written to the audit log, signing out) must come from
 * this service's own pages: a link or a form on another site would otherwise do it for them. Browsers say where a
 * request came from in Sec-Fetch-Site; one that does not say is let through (SvelteKit already checks the origin of
 * form posts).
 */
const ACTS = /^\/(?:export\/answers\.csv|report\.docx|logout)$/;

/** Downloads of what is not for everyone (original text, the report, the audit log): a refused attempt by someone
 * signed in is written to the audit log, so that an administrator sees who tried. */
const GUARDED = new Set(['/export/answers.csv', '/report.docx', '/audit.csv']);

export const handle: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = token ? sessionUser(getDb(), token) : null;
	const path = event.url.pathname;
	const access = accessFor(path, event.route.id);
	// By the route SvelteKit matched, so that "/%65xport/answers.csv" is the export too.
	const guarded = GUARDED.has(event.route.id ?? path) || GUARDED.has(path);
	const refuse = (reason: string, message: string): never => {
		// Not waited for: while an import or analysis holds the write lock, the refusal is still answered at once (any
		// site can send a signed-in browser here, so waiting would let it hold up the server).
		const user = event.locals.user;
		if (guarded && user) ifWritableNow(getDb(), () => audit(getDb(), user.username, 'download refused', event.route.id ?? path, { reason }));
		error(403, message);
	};
	if ((ACTS.test(path) || ACTS.test(event.route.id ?? '')) && event.request.headers.get('sec-fetch-site') === 'cross-site') refuse('asked for by another site', 'Open this from the service itself');
	if (!access.isPublic) {
		const user = event.locals.user;
		if (!user) {
			const isPage = event.request.method === 'GET' && !/\.(csv|json|docx|svg|png)$/.test(path) && !event.isDataRequest;
			// A cookie whose session has ended (unused for IDLE_MINUTES, or ended by an account change): say so at sign-in.
			if (isPage) redirect(303, `/login?next=${encodeURIComponent(path + event.url.search)}${token ? '&ended' : ''}`);
			error(401, 'Sign in to use this service');
		}
		const { role } = access;
		if (!can(user, role)) refuse(`needs the ${role} role; has ${user.role}`, `You need the ${role} role to open this page`);
	}
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	if (event.locals.user) response.headers.set('cache-control', 'private, no-store');
	return response;
};

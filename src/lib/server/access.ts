// Which role each route needs. Checked in hooks.server.ts for every request, pages and downloads alike.
import { error } from '@sveltejs/kit';
import { can, type Role, type User } from './auth';

/** Routes anyone may open, signed in or not. */
export const PUBLIC_PATHS = ['/login', '/accessibility', '/favicon.svg', '/robots.txt'];

/** The most specific prefix wins; everything else needs a signed-in viewer. */
const RULES: [string, Role][] = [
	['/admin', 'admin'],
	['/audit', 'admin'],
	['/review', 'analyst'],
	['/report', 'analyst'],
	['/export', 'analyst']
];

export function isPublic(path: string): boolean {
	return PUBLIC_PATHS.includes(path) || path.startsWith('/_app/');
}

export function requiredRole(path: string): Role {
	for (const [prefix, role] of RULES) if (path === prefix || path.startsWith(prefix + '/') || path.startsWith(prefix + '.')) return role;
	return 'viewer';
}

const RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };

/**
 * Who may make a request: whether it is public, and the role it needs otherwise. The path arrives as sent, with any
 * percent-encoding in it, but SvelteKit routes the decoded path ("/%65xport/answers.csv" is "/export/answers.csv"),
 * so the rules are applied to the path as sent, to it decoded, and to the route it was matched to (`routeId`, route
 * groups left out), and the strictest answer wins. A request is public only if all of them are; a path that does not
 * decode is not.
 */
export function accessFor(pathname: string, routeId: string | null): { isPublic: boolean; role: Role } {
	const paths = [pathname];
	let decodes = true;
	try {
		paths.push(decodeURIComponent(pathname));
	} catch {
		decodes = false;
	}
	if (routeId) paths.push(routeId.replace(/\/\([^/]*\)/g, '') || '/');
	let role: Role = 'viewer';
	for (const p of paths) {
		const r = requiredRole(p);
		if (RANK[r] > RANK[role]) role = r;
	}
	return { isPublic: decodes && paths.every(isPublic), role };
}

/** A safe place to go back to after signing in: a path on this site, never another origin. */
export function safeNext(next: string | null): string {
	// Browsers drop tabs and line breaks from a URL and read "\\" as "/", so "/\t/evil.example" would become
	// "//evil.example": no control characters or backslashes at all, and the path must resolve on this site.
	if (!next || !next.startsWith('/') || [...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '\\')) return '/';
	const base = 'http://this.site';
	let resolved: URL;
	try {
		resolved = new URL(next, base);
	} catch {
		return '/';
	}
	if (resolved.origin !== base || next.startsWith('//')) return '/';
	return resolved.pathname + resolved.search + resolved.hash;
}

/**
 * The signed-in user, if they have `role`; otherwise a 403. Form actions call it for themselves as well as relying on
 * the hook's check of the route, so that a change can never rest on one check alone.
 */
export function requireRole(user: User | null, role: Role): User {
	if (!can(user, role)) error(403, `You need the ${role} role to do this`);
	return user!;
}

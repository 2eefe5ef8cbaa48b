// Which role each route needs. Checked in hooks.server.ts for every request, pages and downloads alike.
import type { Role } from './auth';

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

/** A safe place to go back to after signing in: a path on this site, never another origin. */
export function safeNext(next: string | null): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	return next;
}

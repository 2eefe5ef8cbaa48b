// Local accounts: scrypt password hashes (node:crypto), random session tokens stored only as hashes, roles checked on
// the server, and limits on failed sign-in attempts (per user name and address, per address, per user name).
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { DB } from './db/client';
import { writeBookkeeping } from './db/cache';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
	id: number;
	username: string;
	role: Role;
}

const RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };
export const SESSION_DAYS = 7;
/**
 * A session also ends after this long without a request (CONSULT_IDLE_MINUTES, 60 by default), so a laptop left open
 * does not stay signed in for days; each request moves the end on, at most once a minute, never past SESSION_DAYS
 * from sign-in.
 */
export const IDLE_MINUTES = Math.max(1, Number(process.env.CONSULT_IDLE_MINUTES) || 60);
export const SESSION_COOKIE = 'consult_session';
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function can(user: User | null, role: Role): boolean {
	return !!user && RANK[user.role] >= RANK[role];
}

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await scrypt(password.normalize('NFKC'), salt, 64, SCRYPT);
	return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, salt, key] = stored.split('$');
	if (scheme !== 'scrypt' || !salt || !key) return false;
	const expected = Buffer.from(key, 'base64');
	const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, {
		N: Number(n),
		r: Number(r),
		p: Number(p),
		maxmem: SCRYPT.maxmem
	});
	return timingSafeEqual(actual, expected);
}

export function validatePassword(password: string): string | null {
	if (password.length < 12) return 'Passwords must be at least 12 characters long';
	if (password.length > 200) return 'Passwords must be at most 200 characters long';
	return null;
}

export async function createUser(db: DB, username: string, password: string, role: Role): Promise<User> {
	const name = username.trim();
	if (!/^[A-Za-z0-9._@-]{2,64}$/.test(name)) throw new Error('User names are 2 to 64 letters, digits or . _ @ -');
	if (!ROLES.includes(role)) throw new Error(`Role must be one of: ${ROLES.join(', ')}`);
	const problem = validatePassword(password);
	if (problem) throw new Error(problem);
	const hash = await hashPassword(password);
	db
		.prepare(
			`INSERT INTO app_user (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT(username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, disabled = 0`
		)
		.run(name, hash, role, new Date().toISOString());
	// Read back by name: after an upsert that updated, lastInsertRowid is whatever was inserted last, anywhere.
	const id = db.prepare('SELECT id FROM app_user WHERE username = ?').pluck().get(name) as number;
	// A new password (or role) ends the account's sessions: whoever had them signs in again.
	const ended = writeBookkeeping(db, () => db.prepare('DELETE FROM session WHERE user_id = ?').run(id).changes);
	audit(db, null, 'account saved', name, { role, sessionsEnded: ended });
	return { id, username: name, role };
}

/** Disables an account and ends its sessions; `createUser` with the same name enables it again. */
export function disableUser(db: DB, username: string): boolean {
	const row = db.prepare('SELECT id FROM app_user WHERE username = ?').get(username.trim()) as { id: number } | undefined;
	if (!row) return false;
	writeBookkeeping(db, () => {
		db.prepare('UPDATE app_user SET disabled = 1 WHERE id = ?').run(row.id);
		db.prepare('DELETE FROM session WHERE user_id = ?').run(row.id);
	});
	audit(db, null, 'account disabled', username.trim(), {});
	return true;
}

export function userCount(db: DB): number {
	return db.prepare('SELECT count(*) FROM app_user WHERE disabled = 0').pluck().get() as number;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The session's token, and how long its cookie may last (the session itself ends sooner when unused: IDLE_MINUTES). */
export function createSession(db: DB, userId: number): { token: string; expires: Date } {
	const token = randomBytes(32).toString('base64url');
	const now = Date.now();
	const expires = new Date(now + SESSION_DAYS * 86_400_000);
	// Sign-ins, sign-outs and the audit log change nothing the dashboard counts: they keep its results in memory.
	writeBookkeeping(db, () =>
		db
			.prepare('INSERT INTO session (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
			.run(tokenHash(token), userId, new Date(now).toISOString(), new Date(Math.min(now + IDLE_MINUTES * 60_000, expires.getTime())).toISOString())
	);
	return { token, expires };
}

/** The signed-in user for a session token, or null when there is no such session or it has ended; a live session's
 * end is moved on to IDLE_MINUTES from now. */
export function sessionUser(db: DB, token: string | undefined, now = Date.now()): User | null {
	if (!token || token.length > 100) return null;
	const hash = tokenHash(token);
	const row = db
		.prepare(
			`SELECT u.id, u.username, u.role, s.created_at AS createdAt, s.expires_at AS expiresAt FROM session s JOIN app_user u ON u.id = s.user_id
			 WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`
		)
		.get(hash, new Date(now).toISOString()) as (User & { createdAt: string; expiresAt: string }) | undefined;
	if (!row) return null;
	const { createdAt, expiresAt, ...user } = row;
	const until = Math.min(now + IDLE_MINUTES * 60_000, Date.parse(createdAt) + SESSION_DAYS * 86_400_000);
	if (until - Date.parse(expiresAt) >= 60_000) extendSession(db, hash, until);
	return user;
}

/**
 * Moves a session's end on, if the database can be written now: while an import or an analysis holds the write lock,
 * pages are still served (they only read) and the session keeps its end until a later request, rather than waiting
 * for the lock or failing.
 */
function extendSession(db: DB, hash: string, until: number) {
	ifWritableNow(db, () => writeBookkeeping(db, () => db.prepare('UPDATE session SET expires_at = ? WHERE token_hash = ?').run(new Date(until).toISOString(), hash)));
}

/** Runs a write if the database can be written at once, and otherwise leaves it: for writes a request should never
 * wait for (nor fail on) while an import or an analysis holds the write lock. Whether it ran. */
export function ifWritableNow(db: DB, write: () => unknown): boolean {
	const timeout = db.pragma('busy_timeout', { simple: true }) as number;
	db.pragma('busy_timeout = 0');
	try {
		write();
		return true;
	} catch (e) {
		if ((e as { code?: string }).code !== 'SQLITE_BUSY' && (e as { code?: string }).code !== 'SQLITE_LOCKED') throw e;
		return false;
	} finally {
		db.pragma(`busy_timeout = ${timeout}`);
	}
}

export function endSession(db: DB, token: string | undefined) {
	if (token) writeBookkeeping(db, () => db.prepare('DELETE FROM session WHERE token_hash = ?').run(tokenHash(token)));
}

/**
 * Limits on failed sign-ins within 15 minutes, so passwords cannot be guessed at speed and one person cannot lock
 * everyone else out:
 * - 5 for one user name from one address: the usual lock, which someone typing from their own machine meets;
 * - 50 from one address, whatever the names (guessing many accounts' passwords from one machine);
 * - 100 for one user name from every address together (guessing one account's password from many machines).
 * Before, 5 failures for a user name from anywhere locked it, so anyone who could reach the sign-in page could lock
 * out `admin`; now that takes 100 failures from at least 20 addresses. Behind a proxy that does not pass the
 * browser's address (adapter-node's ADDRESS_HEADER), every request comes from the proxy, and the first limit works
 * per user name as before.
 */
export const SIGN_IN_LIMITS = { window: 15 * 60_000, perNameAndAddress: 5, perAddress: 50, perName: 100 };

export function tooManyAttempts(db: DB, username: string, address: string): boolean {
	const since = new Date(Date.now() - SIGN_IN_LIMITS.window).toISOString();
	const failures = db.prepare(
		`SELECT count(*) FILTER (WHERE username = ? AND address IS ?) AS nameAndAddress,
			(SELECT count(*) FROM login_attempt WHERE address IS ? AND at > ? AND ok = 0) AS address,
			count(*) AS name
		 FROM login_attempt WHERE username = ? AND at > ? AND ok = 0`
	);
	const n = failures.get(username, address, address, since, username, since) as { nameAndAddress: number; address: number; name: number };
	return n.nameAndAddress >= SIGN_IN_LIMITS.perNameAndAddress || n.address >= SIGN_IN_LIMITS.perAddress || n.name >= SIGN_IN_LIMITS.perName;
}

/** `address` is the client's address (`event.getClientAddress()`), for the limits on failed attempts. */
export async function signIn(db: DB, username: string, password: string, address = 'local'): Promise<User | 'locked' | null> {
	const name = username.trim().slice(0, 64);
	if (tooManyAttempts(db, name, address)) {
		audit(db, null, 'sign-in refused: too many failures', name, { address });
		return 'locked';
	}
	const row = db.prepare('SELECT id, username, role, password_hash FROM app_user WHERE username = ? AND disabled = 0').get(name) as
		| (User & { password_hash: string })
		| undefined;
	// Verify against a dummy hash when the user does not exist, so timing does not reveal which names exist.
	const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
	writeBookkeeping(db, () =>
		db.prepare('INSERT INTO login_attempt (username, at, ok, address) VALUES (?, ?, ?, ?)').run(name, new Date().toISOString(), ok && row ? 1 : 0, address)
	);
	if (!ok || !row) {
		audit(db, null, 'sign-in failed', name, { address });
		return null;
	}
	audit(db, row.username, 'signed in', null, { address });
	return { id: row.id, username: row.username, role: row.role };
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + Buffer.alloc(64).toString('base64');

export function audit(db: DB, username: string | null, action: string, target: string | null, detail: Record<string, unknown>) {
	writeBookkeeping(db, () =>
		db.prepare('INSERT INTO audit_log (at, username, action, target, detail_json) VALUES (?, ?, ?, ?, ?)').run(
			new Date().toISOString(),
			username,
			action,
			target,
			JSON.stringify(detail)
		)
	);
}

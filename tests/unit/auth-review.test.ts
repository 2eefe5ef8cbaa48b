// Accounts, sessions and analysts' decisions on real SQLite files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, createSession, createUser, disableUser, endSession, hashPassword, IDLE_MINUTES, SESSION_DAYS, sessionUser, signIn, SIGN_IN_LIMITS, tooManyAttempts, verifyPassword } from '../../src/lib/server/auth';
import { accessFor, requiredRole, requireRole, safeNext } from '../../src/lib/server/access';
import { campaigns } from '../../src/lib/server/db/campaigns';
import { buildFilter } from '../../src/lib/server/filters';
import { analyseDatabase } from '../../src/lib/server/analyse';
import { openDb, type DB } from '../../src/lib/server/db/client';
import { expectThemeHitsInStep } from '../helpers/theme-hits';
import { agreement, cohensKappa, queue, reviewItem, saveDecision } from '../../src/lib/server/db/review';
import { encodeEvidence } from '../../src/lib/analysis/evidence';
import { buildDatabase } from '../../src/lib/import/bundle';
import { respondent } from '../../src/lib/server/db/responses';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let db: DB;
let dir: string;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'consult-lens-review-'));
	await buildDatabase('data', join(dir, 'r.db'), { analyse: (d) => void analyseDatabase(d) });
	db = openDb(join(dir, 'r.db'));
});
afterAll(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('passwords and sessions', () => {
	it('hashes with scrypt and verifies only the right password', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
		expect(await verifyPassword('correct horse battery', hash)).toBe(true);
		expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
	});
	it('signs in, keeps a session by a token whose hash alone is stored, and ends it', async () => {
		await createUser(db, 'ana', 'a long enough password', 'analyst');
		await expect(createUser(db, 'short', 'too short', 'viewer')).rejects.toThrow(/at least 12/);
		const user = await signIn(db, 'ana', 'a long enough password');
		expect(user).toMatchObject({ username: 'ana', role: 'analyst' });
		const { token } = createSession(db, (user as { id: number }).id);
		expect(db.prepare('SELECT count(*) FROM session WHERE token_hash = ?').pluck().get(token)).toBe(0);
		expect(sessionUser(db, token)).toMatchObject({ username: 'ana' });
		endSession(db, token);
		expect(sessionUser(db, token)).toBeNull();
	});
	it(`ends a session unused for ${IDLE_MINUTES} minutes, moves its end on with use, and never past ${SESSION_DAYS} days from sign-in`, async () => {
		const user = await createUser(db, 'idle', 'an idle long password', 'viewer');
		const minute = 60_000;
		const start = Date.now();
		const { token, expires } = createSession(db, user.id);
		// The cookie may last the full term; the session on the server ends when unused.
		expect(expires.getTime() - start).toBeGreaterThanOrEqual(SESSION_DAYS * 86_400_000 - 1000);
		const end = () => Date.parse(db.prepare("SELECT expires_at FROM session WHERE user_id = ?").pluck().get(user.id) as string);
		expect(end() - start).toBeLessThanOrEqual(IDLE_MINUTES * minute + 1000);
		// Used after 40 minutes: still signed in, and the end moves to IDLE_MINUTES from then.
		const used = start + Math.min(40, IDLE_MINUTES - 1) * minute;
		expect(sessionUser(db, token, used)).toMatchObject({ username: 'idle' });
		expect(end()).toBe(used + IDLE_MINUTES * minute);
		// Unused for longer than IDLE_MINUTES: ended.
		expect(sessionUser(db, token, end() + 1)).toBeNull();
		// However often it is used, it ends SESSION_DAYS after sign-in.
		const again = createSession(db, user.id);
		const signedIn = Date.parse(db.prepare('SELECT max(created_at) FROM session WHERE user_id = ?').pluck().get(user.id) as string);
		const last = signedIn + SESSION_DAYS * 86_400_000;
		let t = signedIn;
		while (t < last - IDLE_MINUTES * minute) {
			t += (IDLE_MINUTES - 1) * minute;
			expect(sessionUser(db, again.token, Math.min(t, last - 1))).not.toBeNull();
		}
		expect(sessionUser(db, again.token, last + 1)).toBeNull();
	});
	it('still lets a signed-in user in while another connection holds the write lock (an import or an analysis)', async () => {
		const user = await createUser(db, 'busy', 'a busy long password', 'viewer');
		const { token } = createSession(db, user.id);
		const other = openDb(join(dir, 'r.db'));
		const end = () => db.prepare('SELECT expires_at FROM session WHERE user_id = ?').pluck().get(user.id);
		const before = end();
		other.exec('BEGIN IMMEDIATE');
		try {
			// Let in (not an error after the busy timeout), with the end left as it was until the lock is free ...
			expect(sessionUser(db, token, Date.now() + 30 * 60_000)).toMatchObject({ username: 'busy' });
			expect(end()).toBe(before);
		} finally {
			other.exec('ROLLBACK');
			other.close();
		}
		// ... and moved on by the next request once it is; the connection's busy timeout is as it was.
		expect(sessionUser(db, token, Date.now() + 30 * 60_000)).toMatchObject({ username: 'busy' });
		expect(end()).not.toBe(before);
		expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
	});
	it('locks a user name after five failed attempts from one address, and only from that address', async () => {
		await createUser(db, 'victim', 'the real password here', 'viewer');
		for (let i = 0; i < 5; i++) expect(await signIn(db, 'victim', 'wrong guess number ' + i, '10.0.0.66')).toBeNull();
		expect(await signIn(db, 'Victim', 'the real password here', '10.0.0.66')).toBe('locked');
		// The owner, at their own machine, is not locked out by someone else's guesses.
		expect(await signIn(db, 'victim', 'the real password here', '10.0.0.7')).toMatchObject({ username: 'victim' });
		// Each failure and refusal is in the audit log, with the address it came from.
		const logged = db.prepare("SELECT action, detail_json FROM audit_log WHERE (lower(target) = 'victim' OR username = 'victim') AND action LIKE 'sign%' ORDER BY rowid").all() as { action: string; detail_json: string }[];
		expect(logged.map((l) => l.action)).toEqual([...Array(5).fill('sign-in failed'), 'sign-in refused: too many failures', 'signed in']);
		expect(JSON.parse(logged[5].detail_json)).toEqual({ address: '10.0.0.66' });
	});
	it('ends an account\'s sessions when its password is reset or it is disabled', async () => {
		const user = await createUser(db, 'rotated', 'the first long password', 'viewer');
		const { token } = createSession(db, user.id);
		expect(sessionUser(db, token)).toMatchObject({ username: 'rotated' });
		await createUser(db, 'rotated', 'the second long password', 'viewer');
		expect(sessionUser(db, token)).toBeNull();
		const again = createSession(db, user.id);
		expect(disableUser(db, 'rotated')).toBe(true);
		expect(sessionUser(db, again.token)).toBeNull();
		expect(await signIn(db, 'rotated', 'the second long password', '10.3.0.1')).toBeNull();
		expect(disableUser(db, 'nobody-of-that-name')).toBe(false);
	});
	it('limits failed attempts per address across user names, and per user name across addresses', async () => {
		await createUser(db, 'sprayed', 'the real password here', 'viewer');
		const fail = db.prepare('INSERT INTO login_attempt (username, at, ok, address) VALUES (?, ?, 0, ?)');
		const now = new Date().toISOString();
		const old = new Date(Date.now() - SIGN_IN_LIMITS.window - 60_000).toISOString();
		// One machine trying many names: each name below its own limit, the address over its own.
		for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) fail.run(`name${i}`, now, '10.0.0.99');
		expect(tooManyAttempts(db, 'sprayed', '10.0.0.99')).toBe(true);
		expect(await signIn(db, 'sprayed', 'the real password here', '10.0.0.99')).toBe('locked');
		expect(tooManyAttempts(db, 'sprayed', '10.0.0.98')).toBe(false);
		// Many machines trying one name: each address below its limits, the name over its own.
		for (let i = 0; i < SIGN_IN_LIMITS.perName - 1; i++) fail.run('sprayed', now, `10.1.${i >> 8}.${i & 255}`);
		expect(tooManyAttempts(db, 'sprayed', '10.0.0.98')).toBe(false);
		fail.run('SPRAYED', now, '10.2.0.1');
		expect(tooManyAttempts(db, 'sprayed', '10.0.0.98')).toBe(true);
		// Failures older than the window no longer count.
		db.prepare('UPDATE login_attempt SET at = ?').run(old);
		expect(tooManyAttempts(db, 'sprayed', '10.0.0.99')).toBe(false);
		expect(await signIn(db, 'sprayed', 'the real password here', '10.0.0.99')).toMatchObject({ username: 'sprayed' });
	});
	it('maps routes to roles and keeps redirects on this site', () => {
		expect(requiredRole('/review/q5')).toBe('analyst');
		expect(requiredRole('/audit.csv')).toBe('admin');
		expect(requiredRole('/themes/consent')).toBe('viewer');
		expect(can({ id: 1, username: 'v', role: 'viewer' }, 'analyst')).toBe(false);
		expect(can({ id: 1, username: 'a', role: 'admin' }, 'analyst')).toBe(true);
		expect(safeNext('//evil.example')).toBe('/');
		// Browsers drop tabs and line breaks and read a backslash as a slash: each of these would reach another site.
		for (const bad of ['/\t/evil.example/phish', '/\n/evil.example', '/\r\n/evil.example', '/\\evil.example', '/%09/evil.example'.replace('%09', '\t'), '/\u0000/x'])
			expect(safeNext(bad), JSON.stringify(bad)).toBe('/');
		expect(safeNext('/responses?sector=health&q=a%20b#top')).toBe('/responses?sector=health&q=a%20b#top');
		expect(safeNext('/themes?x=1')).toBe('/themes?x=1');
	});
	it('lets a form action check the role for itself', () => {
		const viewer = { id: 1, username: 'v', role: 'viewer' as const };
		const admin = { id: 2, username: 'a', role: 'admin' as const };
		expect(() => requireRole(viewer, 'analyst')).toThrow(expect.objectContaining({ status: 403 }));
		expect(() => requireRole(null, 'viewer')).toThrow(expect.objectContaining({ status: 403 }));
		expect(requireRole(admin, 'analyst')).toBe(admin);
	});
	it('applies the rules to a percent-encoded path as SvelteKit routes it, and to the route it matched', () => {
		// SvelteKit decodes the path before routing: "/%65xport/answers.csv" is the analysts' export.
		expect(accessFor('/%65xport/answers.csv', '/export/answers.csv')).toEqual({ isPublic: false, role: 'analyst' });
		expect(accessFor('/%65xport/answers.csv', null).role).toBe('analyst');
		expect(accessFor('/report%2Edocx', '/report.docx').role).toBe('analyst');
		expect(accessFor('/%61udit', null).role).toBe('admin');
		expect(accessFor('/%61dmin/codeframe', '/admin/codeframe').role).toBe('admin');
		// The matched route decides even where decoding the path would not show it.
		expect(accessFor('/anything', '/review/[question]').role).toBe('analyst');
		expect(accessFor('/themes/consent', '/(app)/themes/[id]').role).toBe('viewer');
		// Public only when every reading of the request is public; a path that does not decode is not.
		expect(accessFor('/login', '/login').isPublic).toBe(true);
		expect(accessFor('/%6cogin', '/login').isPublic).toBe(false);
		expect(accessFor('/login', '/export/answers.csv')).toEqual({ isPublic: false, role: 'analyst' });
		expect(accessFor('/%E0%A4%A', null).isPublic).toBe(false);
	});
});

describe('review decisions', () => {
	it('are stored with who and when, survive analyse, and train the model', async () => {
		const user = { id: db.prepare("SELECT id FROM app_user WHERE username = 'ana'").pluck().get() as number, username: 'ana', role: 'analyst' as const };
		const [first] = queue(db, 'q7', 1);
		const item = reviewItem(db, first.id)!;
		const suggested = item.themes.filter((t) => t.auto);
		const rejected = suggested[0]?.id;
		const added = item.themes.find((t) => !t.auto)!.id;
		saveDecision(db, user, first.id, { themes: { ...(rejected ? { [rejected]: 'reject' } : {}), [added]: 'accept' }, stance: 'oppose', sector: 'police', campaign: false });
		expectThemeHitsInStep(db);
		analyseDatabase(db);
		expectThemeHitsInStep(db);
		const effective = db.prepare('SELECT theme_id FROM answer_theme_effective WHERE answer_id = ?').pluck().all(first.id);
		expect(effective).toContain(added);
		if (rejected) expect(effective).not.toContain(rejected);
		expect(db.prepare("SELECT decided_by FROM answer_theme WHERE answer_id = ? AND source = 'manual' AND theme_id = ?").pluck().get(first.id, added)).toBe(user.id);
		expect(db.prepare('SELECT stance FROM answer WHERE id = ?').pluck().get(first.id)).toBe('oppose');
		expect(db.prepare('SELECT r.sector FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.id = ?').pluck().get(first.id)).toBe('police');
		expect(db.prepare("SELECT count(*) FROM audit_log WHERE username = 'ana' AND action = 'theme added'").pluck().get()).toBe(1);
		expect(queue(db, 'q7', 1000).some((q) => q.id === first.id)).toBe(false);
		const a = agreement(db).find((x) => x.theme === added)!;
		expect(a.analystOnly).toBe(1);
	});
	it("show a suggested theme an analyst accepted as accepted, with the model's evidence, apart from one they added", () => {
		const user = { id: db.prepare("SELECT id FROM app_user WHERE username = 'ana'").pluck().get() as number, username: 'ana', role: 'analyst' as const };
		const answer = db
			.prepare("SELECT answer_id FROM answer_theme t WHERE source = 'auto' AND evidence_json <> '[]' AND NOT EXISTS (SELECT 1 FROM answer_theme m WHERE m.answer_id = t.answer_id AND m.source = 'manual') LIMIT 1")
			.pluck()
			.get() as number;
		const item = reviewItem(db, answer)!;
		const suggested = item.themes.find((t) => t.auto && t.evidence.length)!;
		const added = item.themes.find((t) => !t.auto)!;
		saveDecision(db, user, answer, { themes: { [suggested.id]: 'accept', [added.id]: 'accept' }, stance: null, sector: null, campaign: false });
		const shown = respondent(db, item.responseId)!.answers.find((a) => a.answerId === answer)!.themes;
		expect(shown.find((t) => t.id === suggested.id)).toMatchObject({ source: 'manual', suggested: true, confidence: suggested.confidence, evidence: suggested.evidence });
		expect(shown.find((t) => t.id === added.id)).toMatchObject({ source: 'manual', suggested: false, evidence: [] });
	});
	it('keep a stance correction and a campaign mark when the answer is saved again unchanged, and say when a mark is taken off', () => {
		const user = { id: db.prepare("SELECT id FROM app_user WHERE username = 'ana'").pluck().get() as number, username: 'ana', role: 'analyst' as const };
		const [answer] = queue(db, 'q3', 1).map((q) => q.id);
		const model = reviewItem(db, answer)!.stance;
		const corrected = ['support', 'oppose', 'mixed', 'neutral'].find((s) => s !== model)!;
		saveDecision(db, user, answer, { themes: {}, stance: corrected, sector: null, campaign: true });
		const shown = reviewItem(db, answer)!;
		expect(shown).toMatchObject({ stance: corrected, campaignMark: true, campaignChecked: true });
		// Opened again and saved as the form shows it: nothing changed, nothing lost.
		saveDecision(db, user, answer, { themes: {}, stance: shown.stance, sector: null, campaign: true });
		expect(db.prepare('SELECT stance, campaign FROM answer_review WHERE answer_id = ?').get(answer)).toEqual({ stance: corrected, campaign: 1 });
		expect(reviewItem(db, answer)!.campaignMarkApplied).toBe(false);
		analyseDatabase(db);
		expect(reviewItem(db, answer)!.campaignMarkApplied).toBe(true);
		// Saved again after the analysis (a stance, a theme): the mark is still the one the analysis applied, not one
		// waiting for the next run.
		saveDecision(db, user, answer, { themes: {}, stance: model, sector: null, campaign: true, campaignWas: true });
		expect(reviewItem(db, answer)!.campaignMarkApplied).toBe(true);
		saveDecision(db, user, answer, { themes: {}, stance: corrected, sector: null, campaign: true, campaignWas: true });
		expect(db.prepare('SELECT stance FROM answer WHERE id = ?').pluck().get(answer)).toBe(corrected);
		const marks = () => db.prepare("SELECT action FROM audit_log WHERE target LIKE ? AND action LIKE '%campaign%' ORDER BY id").pluck().all(`answer ${answer} %`);
		expect(marks()).toEqual(['marked as a campaign copy']);
		saveDecision(db, user, answer, { themes: {}, stance: corrected, sector: null, campaign: false });
		// Unticked again, the box says what the analysis says; the analyst's word is now "not a copy".
		expect(reviewItem(db, answer)).toMatchObject({ campaignMark: false, campaignChecked: false, campaignMarkApplied: false });
		expect(marks()).toEqual(['marked as a campaign copy', 'marked as not a campaign copy']);
	});
	it('put analysts\' campaign marks over the campaigns the analysis finds', () => {
		const user = { id: db.prepare("SELECT id FROM app_user WHERE username = 'ana'").pluck().get() as number, username: 'ana', role: 'analyst' as const };
		const decide = (answer: number, campaign: boolean) => saveDecision(db, user, answer, { themes: {}, stance: null, sector: null, campaign });
		analyseDatabase(db);
		const found = db.prepare('SELECT id, question_id AS question, size, exemplar_answer_id AS exemplar FROM campaign ORDER BY size DESC').get() as { id: number; question: string; size: number; exemplar: number };
		const membersOf = (question: string) =>
			db.prepare('SELECT a.id FROM answer a JOIN campaign c ON c.id = a.campaign_id WHERE c.question_id = ? ORDER BY a.id').pluck().all(question) as number[];
		const campaignOf = (question: string) => db.prepare('SELECT size, added, removed FROM campaign WHERE question_id = ?').all(question);
		const [kept, takenOut] = membersOf(found.question).slice(-2);
		// Ticking a box the analysis ticked is no mark; unticking one is.
		decide(kept, true);
		decide(takenOut, false);
		expect(db.prepare('SELECT campaign FROM answer_review WHERE answer_id = ?').pluck().get(kept)).toBeNull();
		// An answer to the same question that the analysis did not group (it took half the letter and wrote its own
		// ending), marked as a copy, joins the campaign.
		const outsider = db.prepare('SELECT id FROM answer WHERE question_id = ? AND campaign_id IS NULL AND length(text) > 200 ORDER BY id LIMIT 1').pluck().get(found.question) as number;
		const letter = db.prepare('SELECT text FROM answer WHERE id = ?').pluck().get(found.exemplar) as string;
		db.prepare('UPDATE answer SET text = ? WHERE id = ?').run(`${letter.slice(0, letter.length / 3)} I would add that my own school has had no say in any of this, and we deserve better.`, outsider);
		decide(outsider, true);
		const summary = analyseDatabase(db);
		expect(membersOf(found.question)).not.toContain(takenOut);
		expect(membersOf(found.question)).toContain(outsider);
		expect(campaignOf(found.question)).toEqual([{ size: found.size, added: 1, removed: 1 }]);
		expect(summary).toMatch(/analysts' campaign marks: 1 answer\(s\) put in a campaign, 1 taken out/);
		// In a question with no campaign, one marked answer stays out (and analyse says so, by response); two that share
		// wording make a campaign.
		const [a, b] = db.prepare("SELECT id FROM answer WHERE question_id = 'q2' AND length(text) > 100 ORDER BY id LIMIT 2").pluck().all() as number[];
		const response = db.prepare('SELECT r.response_id FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.id = ?').pluck().get(a) as string;
		expect(campaignOf('q2')).toEqual([]);
		decide(a, true);
		expect(analyseDatabase(db)).toMatch(new RegExp(`1 marked as copies share too little wording .*: ${response} Q2$`, 'm'));
		expect(campaignOf('q2')).toEqual([]);
		// Unrelated answers ticked together make no campaign; the same letter, shortened, does.
		decide(b, true);
		analyseDatabase(db);
		expect(campaignOf('q2')).toEqual([]);
		db.prepare('UPDATE answer SET text = ? WHERE id = ?').run(`${db.prepare('SELECT text FROM answer WHERE id = ?').pluck().get(a)} Thank you.`, b);
		analyseDatabase(db);
		expect(campaignOf('q2')).toEqual([{ size: 2, added: 2, removed: 0 }]);
		expect(membersOf('q2')).toEqual([a, b].sort((x, y) => x - y));
		// Shown largest first, a page at a time; the analysts' campaign says so rather than giving a likeness.
		const everyone = buildFilter(db, new URLSearchParams());
		const second = campaigns(db, everyone, { page: 2, pageSize: 1 });
		expect(second).toMatchObject({ total: 2, answers: found.size + 2 });
		expect(second.items).toMatchObject([{ question: 'q2', size: 2, selected: 2, byAnalysts: true, added: 2, rank: 2 }]);
		expect(campaigns(db, everyone, { question: 'q2' }).items.map((c) => c.question)).toEqual(['q2']);
		// Taken out again, the campaign of two is no campaign, and its number is never given to another.
		const gone = db.prepare("SELECT id FROM campaign WHERE question_id = 'q2'").pluck().get() as number;
		decide(b, false);
		analyseDatabase(db);
		expect(campaignOf('q2')).toEqual([]);
		const [c, d] = db.prepare("SELECT id FROM answer WHERE question_id = 'q3' AND length(text) > 100 ORDER BY id LIMIT 2").pluck().all() as number[];
		db.prepare('UPDATE answer SET text = (SELECT text FROM answer WHERE id = ?) WHERE id = ?').run(c, d);
		decide(c, true);
		decide(d, true);
		analyseDatabase(db);
		expect(db.prepare("SELECT id FROM campaign WHERE question_id = 'q3'").pluck().get()).toBeGreaterThan(gone);
		// A form opened before the analysis grouped an answer, saved with its box untouched, makes no mark.
		const e = db.prepare("SELECT id FROM answer WHERE question_id = 'q4' AND length(text) > 100 ORDER BY id LIMIT 1").pluck().get() as number;
		expect(reviewItem(db, e)!.campaignChecked).toBe(false);
		db.prepare("UPDATE answer SET campaign_id = (SELECT id FROM campaign WHERE question_id = 'q3') WHERE id = ?").run(e);
		saveDecision(db, user, e, { themes: {}, stance: null, sector: null, campaign: false, campaignWas: false });
		expect(db.prepare('SELECT campaign FROM answer_review WHERE answer_id = ?').pluck().get(e)).toBeNull();
	});
	it('computes Cohen\'s kappa', () => {
		expect(cohensKappa(20, 5, 10, 15)).toBe(0.4);
		expect(cohensKappa(0, 0, 0, 0)).toBeNull();
	});
});

describe('confidential respondents on internal pages', () => {
	it("never quote the organisation's name in why the sector was inferred, and are marked on the review page", () => {
		const people = db
			.prepare("SELECT id, response_id AS ref, organisation, sector_reason AS reason FROM respondent WHERE confidential = 1 AND sector_inferred = 1 AND organisation IS NOT NULL")
			.all() as { id: number; ref: string; organisation: string; reason: string }[];
		expect(people.some((p) => /"/.test(p.reason))).toBe(true);
		for (const p of people) {
			const shown = respondent(db, p.ref)!;
			expect(shown.organisation).toBeNull();
			expect(shown.sectorReason).toBe("from the organisation's name (withheld: confidential)");
			const answer = db.prepare('SELECT id FROM answer WHERE respondent_id = ? LIMIT 1').pluck().get(p.id) as number;
			expect(reviewItem(db, answer)).toMatchObject({ confidential: true, sectorReason: shown.sectorReason });
		}
		// Anyone else's reason is shown as the pipeline gave it.
		const open = db.prepare('SELECT response_id AS ref, sector_reason AS reason FROM respondent WHERE confidential = 0 AND sector_inferred = 1 LIMIT 1').get() as { ref: string; reason: string };
		expect(respondent(db, open.ref)!.sectorReason).toBe(open.reason);
	});
});

describe('pages never show unredacted text', () => {
	it('redacts answers imported since the last analyse as they are read', async () => {
		const { respondent } = await import('../../src/lib/server/db/responses');
		const id = db.prepare("SELECT a.id FROM answer a WHERE trim(coalesce(a.text, '')) <> '' LIMIT 1").pluck().get() as number;
		db.prepare("UPDATE answer SET text = 'Ring Mrs Janet Holloway on 0161 496 0123.', text_redacted = NULL WHERE id = ?").run(id);
		const ref = db.prepare('SELECT r.response_id FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.id = ?').pluck().get(id) as string;
		const shown = respondent(db, ref)!.answers.find((a) => a.answerId === id)!;
		expect(shown.text).toBe('Ring [name removed] on [phone number removed].');
		expect(reviewItem(db, id)!.redacted).toBe('Ring [name removed] on [phone number removed].');
	});
	it('shows no evidence phrase over redacted text, and sends the review page no original text', async () => {
		const { respondent } = await import('../../src/lib/server/db/responses');
		const id = db.prepare("SELECT a.id FROM answer a WHERE trim(coalesce(a.text, '')) <> '' LIMIT 1 OFFSET 1").pluck().get() as number;
		const original = 'A girl I will call Chloe told the school nurse; consent was never asked.';
		db.prepare('UPDATE answer SET text = ?, text_redacted = ? WHERE id = ?').run(original, 'A girl I will call [name removed] told the school nurse; consent was never asked.', id);
		// The tagger's evidence is found in the original text: here a name the model leaned on, a phrase over it, and
		// two phrases the shown text keeps (one in another case).
		const evidence = encodeEvidence({
			spans: [
				{ text: 'call Chloe', start: 13, end: 23, kind: 'model' },
				{ text: 'Chloe', start: 18, end: 23, kind: 'model' },
				{ text: 'school nurse', start: 34, end: 46, kind: 'seed' },
				{ text: 'Consent', start: 48, end: 55, kind: 'seed' }
			],
			dismissed: [],
			probability: 0.9,
			threshold: 0.5,
			seedHits: 2
		});
		db.prepare("DELETE FROM answer_theme WHERE answer_id = ?").run(id);
		db.prepare("INSERT INTO answer_theme (answer_id, theme_id, source, confidence, evidence_json) VALUES (?, 'consent', 'auto', 0.9, ?)").run(id, evidence);
		const ref = db.prepare('SELECT r.response_id FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.id = ?').pluck().get(id) as string;
		const shown = respondent(db, ref)!.answers.find((a) => a.answerId === id)!;
		expect(shown.themes.find((t) => t.id === 'consent')!.evidence).toEqual(['school nurse', 'Consent']);
		const item = reviewItem(db, id)!;
		expect(item.themes.find((t) => t.id === 'consent')!.evidence).toEqual(['school nurse', 'Consent']);
		expect(JSON.stringify(item)).not.toContain('Chloe');
	});
});

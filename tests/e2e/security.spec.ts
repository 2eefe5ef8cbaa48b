// Hostile text renders as text everywhere; every route enforces its role; the pages carry a strict CSP.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { query } from './db';

test('script, javascript: links, SVG payloads and entities in answers show as text', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', async (d) => {
		dialogs.push(d.message());
		await d.dismiss();
	});
	for (const path of ['/responses/X001', '/responses?q=consent', '/themes/consent', '/stakeholders?sector=health']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}
	await page.goto('/responses/X001');
	await expect(page.getByText("<script>alert('xss')</script>", { exact: false })).toBeVisible();
	await expect(page.getByText('&lt;b&gt;bold&lt;/b&gt;', { exact: false })).toBeVisible();
	await expect(page.locator('main a[href^="javascript:"]')).toHaveCount(0);
	await expect(page.locator('main svg[onload], main img[onerror], main script')).toHaveCount(0);
	// Chart tooltips and labels show hostile organisation and theme names as text too.
	await page.goto('/stakeholders?sector=health');
	await expect(page.getByRole('link', { name: "<img src=x onerror=alert('org')>" })).toBeVisible();
	expect(dialogs).toEqual([]);
});

test('the publishable CSV neutralises formulas and the report escapes hostile text', async ({ page }) => {
	await page.goto('/responses?q=consent');
	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these answers (CSV)' }).click()]);
	const text = readFileSync((await csv.path())!, 'utf8');
	expect(text).toContain("'=HYPERLINK");
	expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
	const res = await page.request.get('/report/print');
	expect(await res.text()).not.toContain("<script>alert('xss')</script>");
});

test('pages carry a Content-Security-Policy without inline scripts, and session cookies are HttpOnly', async ({ page, context }) => {
	const res = await page.goto('/');
	const csp = res!.headers()['content-security-policy'];
	expect(csp).toContain("script-src 'self'");
	expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
	const cookie = (await context.cookies()).find((c) => c.name === 'consult_session')!;
	expect(cookie.httpOnly).toBe(true);
	expect(cookie.sameSite).toBe('Lax');
});

// Each route, requested anonymously and as each role: the server answers as the role allows.
const ROUTES: [string, 'viewer' | 'analyst' | 'admin'][] = [
	['/', 'viewer'],
	['/questions/q5', 'viewer'],
	['/themes/consent', 'viewer'],
	['/responses', 'viewer'],
	['/responses/R0001', 'viewer'],
	['/responses.csv', 'viewer'],
	['/data/sectors.csv', 'viewer'],
	['/stakeholders', 'viewer'],
	['/bodies/RCN', 'viewer'],
	['/events', 'viewer'],
	['/children', 'viewer'],
	['/review', 'analyst'],
	['/review/q7', 'analyst'],
	['/report', 'analyst'],
	['/report/print', 'analyst'],
	['/report.docx', 'analyst'],
	['/export/answers.csv', 'analyst'],
	['/audit', 'admin'],
	['/audit.csv', 'admin'],
	// The same routes with a letter percent-encoded: SvelteKit decodes the path before routing, and so must the
	// role check.
	['/%65xport/answers.csv', 'analyst'],
	['/report%2Edocx', 'analyst'],
	['/%72eview/q7', 'analyst'],
	['/%61udit', 'admin'],
	['/audit%2Ecsv', 'admin'],
	['/%61dmin/codeframe', 'admin']
];
const RANK = { anonymous: 0, viewer: 1, analyst: 2, admin: 3 } as const;

for (const who of ['anonymous', 'viewer', 'analyst', 'admin'] as const) {
	test.describe(`as ${who}`, () => {
		test.use({ storageState: who === 'anonymous' ? { cookies: [], origins: [] } : `tmp/auth/${who}.json` });
		test('every route answers as the role allows', async ({ request }) => {
			for (const [path, role] of ROUTES) {
				const res = await request.get(path, { maxRedirects: 0 });
				const allowed = RANK[who] >= RANK[role];
				const expected = allowed ? [200] : who === 'anonymous' ? [303, 401] : [403];
				expect(expected, `${who} ${path} -> ${res.status()}`).toContain(res.status());
			}
		});
	});
}

test.describe('a download refused to someone signed in', () => {
	test.use({ storageState: 'tmp/auth/viewer.json' });
	test('is written to the audit log with who asked and why it was refused', async ({ request }) => {
		const refusals = () => query<number>("SELECT count(*) FROM audit_log WHERE action = 'download refused' AND username = 'e2e-viewer'");
		const before = refusals();
		for (const path of ['/export/answers.csv', '/%65xport/answers.csv', '/report.docx', '/audit.csv']) expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
		// A page refused is not a download: not logged.
		expect((await request.get('/review', { maxRedirects: 0 })).status()).toBe(403);
		expect(refusals()).toBe(before + 4);
		expect(query<string>("SELECT detail_json FROM audit_log WHERE action = 'download refused' ORDER BY id DESC LIMIT 1")).toContain('needs the admin role; has viewer');
	});
});

test('a full export by an analyst is written to the audit log', async ({ request }) => {
	const before = query<number>("SELECT count(*) FROM audit_log WHERE action = 'full export'");
	const res = await request.get('/export/answers.csv');
	expect(res.status()).toBe(200);
	expect(query<number>("SELECT count(*) FROM audit_log WHERE action = 'full export'")).toBe(before + 1);
});

test.describe('the address the app is opened at', () => {
	// No session: each test signs in (or not) for itself.
	test.use({ storageState: { cookies: [], origins: [] } });

	test('signing in works at http://localhost as well as at http://127.0.0.1', async ({ page, baseURL }) => {
		const local = baseURL!.replace('127.0.0.1', 'localhost');
		await page.goto(`${local}/`);
		await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/login\?next=%2F/);
		await page.getByLabel('User name').fill('e2e-viewer');
		await page.getByLabel('Password').fill('e2e-password-viewer');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'What respondents said' })).toBeVisible();
		await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
	});

	test('a host name that is not this machine\'s is refused, with what to do instead', async ({ request, baseURL }) => {
		const res = await request.get(`${baseURL}/login`, { headers: { host: 'consult.attacker.example' } });
		expect(res.status()).toBe(421);
		expect(await res.text()).toContain('does not answer to "consult.attacker.example"');
	});
});

test.describe('acts in the signer\'s name', () => {
	test.use({ storageState: 'tmp/auth/analyst.json' });
	test('a download written to the audit log, or signing out, is refused when another site asks for it', async ({ request }) => {
		const logged = () => query<number>("SELECT count(*) FROM audit_log WHERE action IN ('full export', 'report downloaded')");
		const before = logged();
		for (const path of ['/export/answers.csv', '/report.docx']) {
			const refused = await request.get(path, { headers: { 'sec-fetch-site': 'cross-site' }, maxRedirects: 0 });
			expect(refused.status(), path).toBe(403);
		}
		const signOut = await request.post('/logout', { headers: { 'sec-fetch-site': 'cross-site' }, maxRedirects: 0 });
		expect(signOut.status()).toBe(403);
		expect(logged()).toBe(before);
		expect(query<string>("SELECT detail_json FROM audit_log WHERE action = 'download refused' ORDER BY id DESC LIMIT 1")).toContain('asked for by another site');
		// From the service's own pages it works, and is logged.
		const own = await request.get('/export/answers.csv', { headers: { 'sec-fetch-site': 'same-origin' } });
		expect(own.status()).toBe(200);
		expect(logged()).toBe(before + 1);
	});
});

test.describe('a refusal', () => {
	test.use({ storageState: 'tmp/auth/viewer.json' });
	test('carries the same protective headers as a page, though the hook refused it before the page was drawn', async ({ request }) => {
		const refused = await request.get('/review', { maxRedirects: 0 });
		expect(refused.status()).toBe(403);
		const headers = refused.headers();
		expect(headers['x-frame-options']).toBe('DENY');
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(headers['content-security-policy']).not.toContain('script-src');
	});
});

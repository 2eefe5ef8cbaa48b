// Roles are enforced by the server: anonymous visitors are sent to sign in, a viewer gets 403 from analyst pages.
import { expect, test } from '@playwright/test';
import { holdScript } from './hold-script';

test.describe('signed out', () => {
	test.use({ storageState: { cookies: [], origins: [] } });
	test('pages redirect to sign-in and downloads are refused', async ({ page, request }) => {
		await page.goto('/themes?sector=health');
		await expect(page).toHaveURL(/\/login\?next=%2Fthemes%3Fsector%3Dhealth/);
		await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
		for (const path of ['/responses.csv', '/data/sectors.csv', '/review', '/audit']) {
			const res = await request.get(path, { maxRedirects: 0 });
			expect([303, 401], path).toContain(res.status());
		}
	});
	test('a wrong password is refused with an error summary', async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('User name').fill('e2e-viewer');
		await page.getByLabel('Password').fill('not the password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toContainText('The user name or password is not right');
	});
});

test.describe('viewer', () => {
	test.use({ storageState: 'tmp/auth/viewer.json' });
	test('cannot reach analyst or admin pages (403 from the server)', async ({ request }) => {
		for (const path of ['/review', '/review/q5', '/report', '/audit', '/export/answers.csv']) {
			const res = await request.get(path, { maxRedirects: 0 });
			expect(res.status(), path).toBe(403);
		}
	});
	test('is told in plain words why a page is refused, and where to go', async ({ page }) => {
		const res = await page.goto('/review');
		expect(res?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1, name: 'You need the analyst role to open this page' })).toBeVisible();
		await page.getByRole('link', { name: 'Go to the overview' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'What respondents said' })).toBeVisible();
	});
	test('a page that does not exist says so, in the heading and the tab title', async ({ page }) => {
		const res = await page.goto('/themes/no-such-theme');
		expect(res?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
		await expect(page.getByText('There is no such theme.')).toBeVisible();
		await expect(page).toHaveTitle(/^Page not found – /);
	});
});

test('signing out ends the session and says so', async ({ browser }) => {
	// A session of its own, so the shared ones stay signed in.
	const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('User name').fill('e2e-viewer');
	await page.getByLabel('Password').fill('e2e-password-viewer');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'What respondents said' })).toBeVisible();
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login\?signed-out$/);
	const banner = page.getByRole('alert').filter({ hasText: 'You have signed out.' });
	await expect(banner).toBeFocused();
	await page.goto('/');
	await expect(page).toHaveURL(/\/login\?next=%2F/);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await context.close();
});

test('what is typed into sign-in before the page has loaded its script is kept', async ({ browser }) => {
	const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
	const page = await context.newPage();
	// Hold the app's script back until the user name has been typed.
	const release = await holdScript(page);
	await page.goto('/login', { waitUntil: 'commit' });
	await page.getByLabel('User name').fill('e2e-viewer');
	await page.getByLabel('Password').fill('e2e-password-viewer');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('User name')).toHaveValue('e2e-viewer');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'What respondents said' })).toBeVisible();
	await context.close();
});

test('a session that has ended sends its page to sign-in, says why, and comes back to the page', async ({ browser, baseURL }) => {
	// A cookie for a session the server no longer has (unused for the idle time, or ended by an account change).
	const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
	await context.addCookies([{ name: 'consult_session', value: 'ended-session-token', url: baseURL!, httpOnly: true, sameSite: 'Lax' }]);
	const page = await context.newPage();
	await page.goto('/themes?sector=health');
	await expect(page).toHaveURL(/\/login\?next=%2Fthemes%3Fsector%3Dhealth&ended$/);
	await expect(page.getByRole('region', { name: 'Important' })).toContainText('You were signed out because the service was not used for 60 minutes');
	await page.getByLabel('User name').fill('e2e-viewer');
	await page.getByLabel('Password').fill('e2e-password-viewer');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/themes\?sector=health$/);
	await context.close();
});

test('a page that does not exist says so in plain words, without the framework\'s own "Not Found"', async ({ page }) => {
	const response = await page.goto('/nothing-here');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expect(page.getByText(/Not Found/)).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Go to the overview' })).toBeVisible();
});

// Every route passes axe with zero violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { query } from './db';

const routes = () => {
	const ref = query<string>('SELECT response_id FROM respondent ORDER BY response_id LIMIT 1');
	return [
		'/',
		'/?body=RCN',
		'/questions',
		'/questions/q5',
		'/questions/q7',
		'/themes',
		'/themes/consent',
		'/responses',
		'/responses?q=consent&sector=health',
		`/responses/${ref}`,
		'/stakeholders',
		'/bodies',
		'/bodies/RCN',
		'/events',
		'/children',
		'/campaigns',
		`/campaigns/${query<number>('SELECT id FROM campaign ORDER BY id LIMIT 1')}`,
		'/method',
		'/accessibility'
	];
};

async function checkPage(page: Page, route: string) {
	await page.goto(route);
	await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`)).toEqual([]);
}

for (const route of routes()) {
	test(`axe finds no violations on ${route}`, async ({ page }) => checkPage(page, route));
}

test('every page has a title of its own that names it first (WCAG 2.4.2), and no two pages share one', async ({ page }) => {
	const service = `${query<string>('SELECT short_title FROM consultation')} – consult-lens`;
	const ref = query<string>('SELECT response_id FROM respondent ORDER BY response_id LIMIT 1');
	const expected: [string, string | RegExp][] = [
		['/', 'Overview'],
		['/questions', 'Questions'],
		['/questions/q5', `Q5: ${query<string>("SELECT short_text FROM question WHERE id = 'q5'")}`],
		['/themes', 'Themes'],
		// A paged list says which page.
		['/themes/consent', new RegExp(`^${query<string>("SELECT label FROM theme WHERE id = 'consent'")} \\(page 1 of \\d+\\) – `)],
		['/responses', /^Responses \(page 1 of \d+\) – /],
		[`/responses/${ref}`, `Response ${ref}`],
		['/stakeholders', /^Stakeholder tracker \(page 1 of \d+\) – /],
		['/bodies', 'Professional bodies'],
		['/events', 'Events'],
		['/children', 'Children and young people'],
		['/campaigns', 'Campaigns'],
		[`/campaigns/${query<number>('SELECT id FROM campaign ORDER BY id LIMIT 1')}`, /^Q\d+ campaign "(\S+ ){5}\S+…" – /]
	];
	const seen = new Set<string>();
	for (const [route, name] of expected) {
		await page.goto(route);
		if (typeof name === 'string') await expect(page, route).toHaveTitle(`${name} – ${service}`);
		else {
			await expect(page, route).toHaveTitle(name);
			expect((await page.title()).endsWith(` – ${service}`), route).toBe(true);
		}
		seen.add(await page.title());
	}
	expect(seen.size).toBe(expected.length);
	// A filtered page says its filter.
	await page.goto('/questions?sector=health');
	await expect(page).toHaveTitle(`Questions: respondents from Health – ${service}`);
});

test('each answer in a list has a heading, so a screen reader can move from one answer to the next', async ({ page }) => {
	await page.goto('/responses');
	const answers = page.locator('article.app-answer');
	const n = await answers.count();
	expect(n).toBeGreaterThan(1);
	const headings = page.getByRole('heading', { level: 2, name: /^Response R\d+ ?, Q\d+$/ });
	await expect(headings).toHaveCount(n);
	await expect(headings.first().getByRole('link')).toHaveAttribute('href', /^\/responses\/R\d+/);
});

test.describe('analyst and admin pages', () => {
	test.use({ storageState: 'tmp/auth/admin.json' });
	for (const route of ['/review', '/review/q5', '/report', '/report/print', '/audit', '/review/icr', '/admin/codeframe']) {
		test(`axe finds no violations on ${route}`, async ({ page }) => checkPage(page, route));
	}
});

test.describe('signed out', () => {
	test.use({ storageState: { cookies: [], origins: [] } });
	test('axe finds no violations on /login', async ({ page }) => checkPage(page, '/login'));
	test('axe finds no violations on /accessibility', async ({ page }) => checkPage(page, '/accessibility'));
	test('axe finds no violations on /login showing its error summary', async ({ page }) => {
		await page.goto('/login');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toContainText('Enter your user name');
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});
});

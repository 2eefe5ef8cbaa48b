// Journey: an official opens the first page and sees the real counts, the sample-data notice and the sector chart.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';

function counts() {
	const db = new Database('tmp/e2e.db', { readonly: true });
	try {
		return db
			.prepare(
				`SELECT (SELECT count(*) FROM respondent) AS respondents, (SELECT count(*) FROM event) AS events,
				(SELECT sum(attendees) FROM event) AS attendees, (SELECT count(*) FROM cyp_feedback) AS cyp`
			)
			.get() as { respondents: number; events: number; attendees: number; cyp: number };
	} finally {
		db.close();
	}
}

test('the first page shows the totals from the database and the sector chart', async ({ page }) => {
	const c = counts();
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'What respondents said' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'About this data' })).toContainText('illustrative sample data');
	await expect(page.getByRole('listitem').filter({ hasText: 'written responses' })).toContainText(String(c.respondents));
	await expect(page.getByRole('listitem').filter({ hasText: 'national events' })).toContainText(String(c.events));
	await expect(page.getByRole('listitem').filter({ hasText: 'event attendees' })).toContainText(String(c.attendees));
	await expect(page.getByRole('listitem').filter({ hasText: 'children and young people' })).toContainText(String(c.cyp));
	const chart = page.getByRole('img', { name: /Respondents by sector/ });
	await expect(chart).toBeVisible();
	await expect(chart.locator('rect')).toHaveCount(10);
	await page.getByText('Show the data as a table').click();
	await expect(page.getByRole('row', { name: /Health/ })).toBeVisible();
});

test('the first page has no accessibility violations', async ({ page }) => {
	await page.goto('/');
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

// Journey: an official opens the first page and sees the real counts, the sample-data notice and the sector chart.
import { expect, test } from '@playwright/test';
import { query } from './db';

function counts() {
	return {
		respondents: query<number>('SELECT count(*) FROM respondent'),
		events: query<number>('SELECT count(*) FROM event'),
		attendees: query<number>('SELECT sum(attendees) FROM event'),
		cyp: query<number>('SELECT count(*) FROM cyp_feedback')
	};
}

test('the first page shows the totals from the database and the sector chart', async ({ page }) => {
	const c = counts();
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'What respondents said' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'About this data' })).toContainText('illustrative sample data');
	await expect(page.getByRole('listitem').filter({ hasText: 'written responses' })).toContainText(String(c.respondents));
	await expect(page.getByRole('listitem').filter({ hasText: /^\d[\d,]* events?$/ })).toContainText(String(c.events));
	await expect(page.getByRole('listitem').filter({ hasText: 'event attendees' })).toContainText(String(c.attendees));
	await expect(page.getByRole('listitem').filter({ hasText: 'comments from children' })).toContainText(String(c.cyp));
	const chart = page.getByRole('group', { name: /Respondents by sector/ });
	await expect(chart).toBeVisible();
	const sectors = query<number>('SELECT count(DISTINCT coalesce(sector, \'unknown\')) FROM respondent');
	await expect(chart.getByRole('img')).toHaveCount(sectors);
	await page.getByText('Show the data as a table: Respondents by sector').click();
	await expect(page.getByRole('row', { name: /Health/ })).toBeVisible();
});

// Journey: an official opens the first page and sees the real counts, the sample-data notice and the sector chart.
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
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

// An import from the command line while people read the pages leaves the answers it changed without themes or stance
// until the next analysis: every page says how many, and what to do, so nobody reads the numbers as complete.
test('every page says when answers wait for the next analysis, and stops saying so once they are analysed', async ({ page, browser }) => {
	const banner = () => page.getByRole('region', { name: 'The analysis is out of date' });
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(banner()).toHaveCount(0);
	const id = query<number>("SELECT id FROM answer WHERE trim(coalesce(text, '')) <> '' ORDER BY id LIMIT 1");
	const stance = query<string>('SELECT stance FROM answer WHERE id = ?', id);
	// What an import does to an answer whose text changed (tests/unit/reimport-analysis.test.ts has the import itself).
	const db = new Database('tmp/e2e.db');
	try {
		db.prepare('UPDATE answer SET stance = NULL WHERE id = ?').run(id);
		await page.goto('/themes');
		await expect(banner()).toContainText(
			'1 answer has been imported or changed since the analysis last ran: until it runs again, these pages do not count its themes, stance and campaigns in full.'
		);
		await expect(banner()).toContainText('Whoever runs this service can run it again: npm run consult -- analyse.');
		// A chart's copied table and images, read away from the page, say so beneath it.
		await expect(page.getByRole('figure').first().getByText('Not counted in full: 1 answer imported or changed since the analysis last ran.')).toBeAttached();
		// A viewer is told whom to ask, not a command.
		const viewer = await browser.newContext({ storageState: 'tmp/auth/viewer.json' });
		const other = await viewer.newPage();
		await other.goto('/questions');
		await expect(other.getByRole('region', { name: 'The analysis is out of date' })).toContainText('Ask the analysis team to run it again.');
		await viewer.close();
	} finally {
		db.prepare('UPDATE answer SET stance = ? WHERE id = ?').run(stance, id);
		db.close();
	}
	await page.goto('/themes');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(banner()).toHaveCount(0);
});

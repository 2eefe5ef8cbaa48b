// Journey: search for a phrase, read the matching answers, open a respondent.
import { expect, test } from '@playwright/test';
import { query } from './db';

test('search for a phrase and open a respondent', async ({ page }) => {
	await page.goto('/responses');
	await page.getByRole('searchbox', { name: 'Search the answers' }).fill('"two-tier approach"');
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/q=%22two-tier\+approach%22/);
	const n = query<number>(`SELECT count(*) FROM answer a WHERE a.id IN (SELECT rowid FROM answer_fts WHERE answer_fts MATCH '"two tier approach"')`);
	await expect(page.getByRole('status').filter({ hasText: 'Showing answers' })).toContainText(`of ${n}`);
	const first = page.getByRole('article').first();
	await expect(first).toContainText(/two-tier approach/i);
	const link = first.getByRole('link', { name: /^Response / });
	const ref = (await link.textContent())!.replace('Response ', '');
	await link.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Response ${ref}`);
	await expect(page.getByRole('heading', { name: 'Answers' })).toBeVisible();
});

test('a confidential respondent is badged and their organisation withheld', async ({ page }) => {
	const ref = query<string>('SELECT response_id FROM respondent WHERE confidential = 1 AND organisation IS NOT NULL ORDER BY response_id LIMIT 1');
	const org = query<string>('SELECT organisation FROM respondent WHERE response_id = ?', ref);
	await page.goto(`/responses/${ref}`);
	await expect(page.getByRole('region', { name: 'Confidential' })).toBeVisible();
	await expect(page.getByText('Withheld (confidential)')).toBeVisible();
	await expect(page.locator('main')).not.toContainText(org);
});

// The codeframe page asks before a merge, which removes a theme and cannot be undone in the app. (The merge itself
// is tested on its own database in tests/unit/codeframe.test.ts: this shared database is left as it is.)
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { query } from './db';

test.use({ storageState: 'tmp/auth/admin.json' });

test('merging two themes asks first, saying what will move, and Cancel changes nothing', async ({ page }) => {
	await page.goto('/admin/codeframe');
	// The two lists start on different themes.
	const from = await page.getByLabel('Merge', { exact: true }).inputValue();
	const into = await page.getByLabel('into', { exact: true }).inputValue();
	expect(from).not.toBe(into);
	const fromLabel = query<string>('SELECT label FROM theme WHERE id = ?', from);
	const intoLabel = query<string>('SELECT label FROM theme WHERE id = ?', into);
	await page.getByRole('button', { name: 'Merge', exact: true }).click();

	const warning = page.getByRole('alert').filter({ hasText: 'cannot be undone' });
	await expect(warning).toContainText(`Merge “${fromLabel}” into “${intoLabel}”?`);
	await expect(page.getByRole('button', { name: 'Yes, merge the themes' })).toBeVisible();
	expect(query<number>('SELECT count(*) FROM theme WHERE id = ?', from)).toBe(1);
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	await page.getByRole('link', { name: 'Cancel' }).click();
	await expect(page.getByRole('button', { name: 'Merge', exact: true })).toBeVisible();
	expect(query<number>('SELECT count(*) FROM theme WHERE id = ?', from)).toBe(1);
});

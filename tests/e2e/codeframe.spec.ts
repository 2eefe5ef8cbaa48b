// The codeframe page asks before a merge, which removes a theme and cannot be undone in the app. (The merge itself
// is tested on its own database in tests/unit/codeframe.test.ts: this shared database is left as it is.)
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { holdScript } from './hold-script';
import { query } from './db';

test.use({ storageState: 'tmp/auth/admin.json' });

test('merging two themes asks first, saying what will move, and Cancel changes nothing', async ({ page }) => {
	await page.goto('/admin/codeframe');
	// The two lists start on different themes.
	const from = await page.getByLabel('Merge this theme', { exact: true }).inputValue();
	const into = await page.getByLabel('into this theme', { exact: true }).inputValue();
	expect(from).not.toBe(into);
	const fromLabel = query<string>('SELECT label FROM theme WHERE id = ?', from);
	const intoLabel = query<string>('SELECT label FROM theme WHERE id = ?', into);
	await page.getByRole('button', { name: 'Merge', exact: true }).click();

	// The question takes focus (the page comes back at the top, the question is far below), and the button is next.
	const warning = page.locator('.govuk-warning-text').filter({ hasText: 'cannot be undone' });
	await expect(warning).toContainText(`Merge “${fromLabel}” into “${intoLabel}”?`);
	await expect(warning).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Yes, merge the themes' })).toBeFocused();
	await expect(page.getByRole('button', { name: 'Yes, merge the themes' })).toBeVisible();
	expect(query<number>('SELECT count(*) FROM theme WHERE id = ?', from)).toBe(1);
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	await page.getByRole('link', { name: 'Cancel' }).click();
	await expect(page.getByRole('button', { name: 'Merge', exact: true })).toBeVisible();
	expect(query<number>('SELECT count(*) FROM theme WHERE id = ?', from)).toBe(1);
});

test('a theme that cannot be added says what is wrong beside each field, keeps what was typed, and adds nothing', async ({ page }) => {
	await page.goto('/admin/codeframe');
	const themes = query<number>('SELECT count(*) FROM theme');
	const add = page.locator('form[action="?/create"]');
	await add.getByLabel('Id', { exact: true }).fill('X Bad');
	await add.getByLabel('Label', { exact: true }).fill('My label');
	await add.getByRole('button', { name: 'Add the theme' }).click();

	await expect(page).toHaveTitle(/^Error: /);
	const summary = page.locator('.govuk-error-summary');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('alert')).toContainText('There is a problem');
	// Every problem at once, each a link to its field.
	await expect(summary.getByRole('link', { name: /theme id must be 2 to 40 lower-case letters/ })).toHaveAttribute('href', '#new-id');
	await expect(summary.getByRole('link', { name: 'Enter a definition' })).toHaveAttribute('href', '#new-def');
	const form = page.locator('form[action="?/create"]');
	await expect(form.getByLabel('Id', { exact: true })).toHaveValue('X Bad');
	await expect(form.getByLabel('Label', { exact: true })).toHaveValue('My label');
	await expect(form.getByLabel('Id', { exact: true })).toHaveAccessibleDescription(/^Error:\s+A theme id must be/);
	await expect(form.getByLabel('Definition', { exact: true })).toHaveAccessibleDescription(/^Error:\s+Enter a definition$/);
	await summary.getByRole('link', { name: 'Enter a definition' }).click();
	await expect(form.getByLabel('Definition', { exact: true })).toBeFocused();
	expect(query<number>('SELECT count(*) FROM theme')).toBe(themes);
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('what is typed into the codeframe forms before the page has loaded its script is kept', async ({ page }) => {
	// Hold the app's script back until the fields have been typed into (a slow laptop, a quick hand).
	const release = await holdScript(page);
	await page.goto('/admin/codeframe', { waitUntil: 'commit' });
	const add = page.locator('form[action="?/create"]');
	await add.getByLabel('Id', { exact: true }).fill('typed-early');
	await add.getByLabel('Definition', { exact: true }).fill('Typed before the script ran');
	await page.getByText(/\(consent; \d+ answers\)/).click();
	const first = page.locator('form[action="?/save"]').filter({ has: page.locator('input[name="id"][value="consent"]') });
	await first.getByLabel('Label', { exact: true }).fill('Relabelled early');
	await first.getByLabel('Definition', { exact: true }).fill('Redefined early');
	release();
	await page.waitForLoadState('networkidle');
	await expect(add.getByLabel('Id', { exact: true })).toHaveValue('typed-early');
	await expect(add.getByLabel('Definition', { exact: true })).toHaveValue('Typed before the script ran');
	await expect(first.getByLabel('Label', { exact: true })).toHaveValue('Relabelled early');
	await expect(first.getByLabel('Definition', { exact: true })).toHaveValue('Redefined early');
});

test('a theme cannot take another theme\'s name: said beside its label, and nothing is saved', async ({ page }) => {
	await page.goto('/admin/codeframe');
	const other = query<string>("SELECT label FROM theme WHERE id <> 'consent' ORDER BY position LIMIT 1");
	await page.getByText(/\(consent; \d+ answers\)/).click();
	const form = page.locator('form[action="?/save"]').filter({ has: page.locator('input[name="id"][value="consent"]') });
	await form.getByLabel('Label', { exact: true }).fill(other);
	await form.getByRole('button', { name: /^Save / }).click();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.getByRole('link', { name: `There is already a theme called ${other}` })).toHaveAttribute('href', '#label-consent');
	expect(query<string>("SELECT label FROM theme WHERE id = 'consent'")).not.toBe(other);
});

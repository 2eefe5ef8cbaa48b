// Signs in once per role through the real sign-in page and keeps each session for the journeys.
import { expect, test as setup } from '@playwright/test';

for (const role of ['viewer', 'analyst', 'admin']) {
	setup(`sign in as ${role}`, async ({ page }) => {
		await page.goto('/');
		await expect(page).toHaveURL(/\/login\?next=%2F/);
		await page.getByLabel('User name').fill(`e2e-${role}`);
		await page.getByLabel('Password').fill(`e2e-password-${role}`);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'What respondents said' })).toBeVisible();
		await page.context().storageState({ path: `tmp/auth/${role}.json` });
	});
}

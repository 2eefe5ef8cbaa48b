// Charts that the browser draws itself (after client-side navigation) are real SVG, not unknown HTML elements.
import { expect, test } from '@playwright/test';
test('charts drawn on client-side navigation are SVG', async ({ page }) => {
	await page.goto('/questions');
	await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Themes' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Themes' })).toBeVisible();
	const ns = await page.locator('figure svg line, figure svg text, figure svg rect').evaluateAll((els) => [...new Set(els.map((e) => e.namespaceURI))]);
	expect(ns).toEqual(['http://www.w3.org/2000/svg']);
	const box = await page.locator('figure svg rect').first().boundingBox();
	expect(box!.width).toBeGreaterThan(0);
});

// Journey with the keyboard alone, no mouse: filter by a professional body, open a theme, read a chart's marks
// with the arrow keys, and download the chart. Every step is a key press: Tab, Shift+Tab, Enter, Space, arrows.
import { expect, test, type Locator, type Page } from '@playwright/test';

/** Presses a key (Tab by default) until the target has focus, as a keyboard user would; fails if it never does. */
async function pressUntilFocused(page: Page, target: Locator, key = 'Tab', limit = 400) {
	await expect(target).toBeAttached();
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press(key);
		if (await target.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error(`${key} never reached ${target}`);
}

test('filter by RCN, open a theme, read and download a chart, with the keyboard only', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'What respondents said' })).toBeVisible();

	// The first Tab reaches the skip link, which appears on focus and moves focus past the menu.
	const skip = page.getByRole('link', { name: 'Skip to main content' });
	await pressUntilFocused(page, skip, 'Tab', 1);
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();

	// Filters: open the "Professional body" group, tick RCN with Space, apply with Enter.
	const filters = page.getByRole('form', { name: 'Filters' });
	const group = filters.locator('summary', { hasText: /^Professional body/ });
	await pressUntilFocused(page, group);
	await page.keyboard.press('Enter');
	const rcn = filters.getByRole('checkbox', { name: /Royal College of Nursing \(RCN\)/ });
	await expect(rcn).toBeVisible();
	await pressUntilFocused(page, rcn);
	await page.keyboard.press('Space');
	await expect(rcn).toBeChecked();
	// Back up one stop and forward again: Shift+Tab works as well as Tab.
	await page.keyboard.press('Shift+Tab');
	await expect(rcn).not.toBeFocused();
	await pressUntilFocused(page, filters.getByRole('button', { name: 'Apply filters' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/body=RCN/);
	await expect(page.getByRole('status').first()).toContainText('Respondents whose professional body is Royal College of Nursing (RCN)');

	// The menu keeps the filter: go to Themes, then open the Consent theme from the list of all themes.
	await pressUntilFocused(
		page,
		page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Themes' })
	);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Themes' })).toBeVisible();
	await expect(page).toHaveURL(/\/themes\?body=RCN/);
	await pressUntilFocused(
		page,
		page.getByRole('main').getByRole('listitem').getByRole('link', { name: 'Consent', exact: true })
	);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Consent' })).toBeVisible();
	await expect(page).toHaveURL(/\/themes\/consent\?body=RCN/);

	// The chart is one Tab stop; its first bar shows a tooltip on focus, the arrow keys move along, Escape hides it.
	const figure = page.getByRole('figure', { name: /Consent: respondents raising it, by sector/ });
	const bars = figure.getByRole('img');
	await pressUntilFocused(page, bars.first());
	const tooltip = page.getByRole('tooltip');
	await expect(tooltip).toHaveText((await bars.first().getAttribute('aria-label'))!);
	// The hint on the keys is read with the first mark, and no longer once the keys have been used.
	await expect(bars.first()).toHaveAccessibleDescription(/Use the arrow keys/);
	const ring = figure.locator('svg > g.app-chart__focus-ring');
	if ((await bars.count()) > 1) {
		await page.keyboard.press('ArrowDown');
		await expect(bars.nth(1)).toBeFocused();
		// The ring is around the focused bar (each bar is drawn in its row's own group), not the first row's.
		const bar = (await bars.nth(1).boundingBox())!;
		const around = (await ring.boundingBox())!;
		expect(Math.abs(around.y + around.height / 2 - (bar.y + bar.height / 2))).toBeLessThan(2);
		expect(around.width).toBeGreaterThanOrEqual(bar.width);
		await expect(bars.nth(1)).toHaveAccessibleDescription('');
		await expect(tooltip).toHaveText((await bars.nth(1).getAttribute('aria-label'))!);
		await page.keyboard.press('ArrowUp');
		await expect(bars.first()).toBeFocused();
	}
	// The focused bar's ring is drawn over every mark, so none covers it, and goes with the focus.
	await expect(ring).toHaveCount(1);
	expect(await figure.locator('svg').evaluate((svg) => svg.lastElementChild?.getAttribute('class'))).toBe('app-chart__focus-ring');
	await page.keyboard.press('Escape');
	await expect(tooltip).toHaveCount(0);

	// Tab moves on from the chart (not through every bar) to its downloads.
	const svgButton = figure.getByRole('button', { name: /Download image \(SVG\)/ });
	await pressUntilFocused(page, svgButton, 'Tab', 6);
	await expect(ring).toHaveCount(0);
	const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
	expect(download.suggestedFilename()).toBe('consent-by-sector-rcn.svg');
});

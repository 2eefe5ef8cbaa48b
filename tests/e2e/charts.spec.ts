// Charts as the browser shows them: real SVG after client-side navigation, and each figure's numbers in one table.
import { expect, test } from '@playwright/test';
import { query } from './db';

test('charts drawn on client-side navigation are SVG', async ({ page }) => {
	await page.goto('/questions');
	await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Themes' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Themes' })).toBeVisible();
	const ns = await page.locator('figure svg line, figure svg text, figure svg rect, figure svg a').evaluateAll((els) => [...new Set(els.map((e) => e.namespaceURI))]);
	expect(ns).toEqual(['http://www.w3.org/2000/svg']);
	// Every word on the charts is drawn: the heatmap's theme names, links to the themes' pages, were made as HTML
	// links when the page was drawn in the browser, and their text was not drawn at all.
	const links = page.getByRole('figure', { name: /Themes raised, by sector/ }).locator('svg a');
	expect(await links.count()).toBeGreaterThan(10);
	const unseen = await page.locator('figure svg text').evaluateAll((ts) => ts.filter((t) => t.textContent!.trim() && !((t as SVGTextElement).getBBox().width > 0)).map((t) => t.textContent));
	expect(unseen).toEqual([]);
	await expect(links.first()).toBeVisible();
	const box = await page.locator('figure svg rect').first().boundingBox();
	expect(box!.width).toBeGreaterThan(0);
});

// The events page once put a table of its own where the theme comparison's chart goes, so its numbers were shown
// twice (and there was no image to download). Every figure gives its numbers once, in the table it opens.
test('each figure on the events page has one table and a chart', async ({ page }) => {
	const themes = query<number>('SELECT count(*) FROM theme');
	await page.goto('/events');
	const figures = page.getByRole('figure');
	await expect(figures).toHaveCount(3);
	for (const figure of await figures.all()) {
		await figure.getByText(/^Show the data as a table/).click();
		await expect(figure.getByRole('table')).toHaveCount(1);
		await expect(figure.getByRole('img').first()).toBeVisible();
	}

	const title = 'Themes at the events compared with written responses';
	const figure = page.getByRole('figure', { name: new RegExp(title) });
	await expect(figure.getByRole('table', { name: title }).getByRole('row')).toHaveCount(themes + 1);
	await expect(figure.getByRole('img')).toHaveCount(2 * themes);
	const [svg] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /Download image \(SVG\)/ }).click()]);
	expect(svg.suggestedFilename()).toBe('event-themes.svg');
});

test('in a stacked bar chart, left and right move along a bar and up and down move between bars', async ({ page }) => {
	await page.goto('/questions/q5');
	const figure = page.getByRole('figure').filter({ has: page.locator('.app-legend') }).first();
	const parts = figure.getByRole('img');
	const labels = await parts.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
	const rowOf = (label: string) => label.slice(0, label.indexOf(':'));
	const first = parts.first();
	await first.focus();
	// Right: the next part of the same bar (the first bar, "All respondents", has more than one part).
	await page.keyboard.press('ArrowRight');
	const right = labels.indexOf((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '');
	expect(right).toBe(1);
	expect(rowOf(labels[right])).toBe(rowOf(labels[0]));
	await page.keyboard.press('ArrowLeft');
	await expect(first).toBeFocused();
	// Down: a part of the next bar.
	await page.keyboard.press('ArrowDown');
	const down = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '';
	const rows = [...new Set(labels.map(rowOf))];
	expect(rowOf(down)).toBe(rows[1]);
	await page.keyboard.press('ArrowUp');
	await expect(first).toBeFocused();
});

test("every heatmap label, the last column's base among them, is drawn inside the chart", async ({ page }) => {
	for (const path of ['/questions/q7', '/themes', '/events']) {
		await page.goto(path);
		const outside = await page.locator('figure svg').evaluateAll((svgs) =>
			svgs
				.filter((svg) => svg.querySelector('text[transform*="rotate"]'))
				.flatMap((svg) => {
					const box = svg.getBoundingClientRect();
					return [...svg.querySelectorAll('text')]
						.map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }))
						.filter(({ r }) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
						.map(({ text }) => text);
				})
		);
		expect(outside, path).toEqual([]);
	}
});

test('a chart of percentages says so on its axis', async ({ page }) => {
	await page.goto('/themes/consent');
	const figure = page.getByRole('figure', { name: /^Consent: respondents raising it, by sector/ });
	const ticks = await figure.locator('svg line + text').allTextContents();
	expect(ticks.length).toBeGreaterThan(2);
	for (const t of ticks) expect(t).toMatch(/^\d+%$/);
});

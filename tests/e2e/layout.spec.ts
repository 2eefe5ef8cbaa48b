// Reflow (WCAG 1.4.10): on a 320 px wide screen, and at 200% zoom on a 1280 px screen, the main pages do not scroll
// sideways and their heading and filters stay in view. Zoom is emulated by its CSS-pixel equivalent: 1280 px at
// 200% lays out as a 640 px wide viewport (deviceScaleFactor only sharpens pixels; it does not zoom).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { query } from './db';

const pages = () => [
	{ path: '/', filters: true },
	{ path: '/?body=RCN', filters: true },
	{ path: '/questions', filters: false },
	{ path: '/questions/q5', filters: true },
	{ path: '/themes', filters: true },
	{ path: '/themes/consent', filters: false },
	{ path: '/responses', filters: true },
	{
		path: `/responses/${query<string>('SELECT response_id FROM respondent ORDER BY response_id LIMIT 1')}`,
		filters: false
	},
	{ path: '/stakeholders', filters: true },
	{ path: '/bodies/RCN', filters: false },
	{ path: '/events', filters: false },
	{ path: '/children', filters: false },
	{ path: '/accessibility', filters: false }
];

/** The element is shown and lies within the viewport's width: nothing of it is off to the side. */
async function expectWithinWidth(page: Page, locator: Locator) {
	await expect(locator).toBeVisible();
	const box = (await locator.boundingBox())!;
	const width = await page.evaluate(() => document.documentElement.clientWidth);
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(width + 0.5);
}

for (const [label, viewport] of [
	['a 320 px wide screen', { width: 320, height: 640 }],
	['200% zoom on a 1280 px wide screen', { width: 640, height: 400 }]
] as const) {
	test.describe(`on ${label}`, () => {
		test.use({ viewport });
		for (const { path, filters } of pages()) {
			test(`${path} does not scroll sideways`, async ({ page }) => {
				await page.goto(path);
				const h1 = page.getByRole('heading', { level: 1 });
				await expectWithinWidth(page, h1);
				if (filters) await expectWithinWidth(page, page.getByRole('form', { name: 'Filters' }));
				const { scrollWidth, clientWidth } = await page.evaluate(() => ({
					scrollWidth: document.documentElement.scrollWidth,
					clientWidth: document.documentElement.clientWidth
				}));
				expect(
					scrollWidth,
					`page is ${scrollWidth} px wide in a ${clientWidth} px window`
				).toBeLessThanOrEqual(clientWidth);
			});
		}

		test('the menu opens from its button and every item is reachable', async ({ page }) => {
			await page.goto('/');
			const menu = page.getByRole('navigation', { name: 'Menu' });
			const toggle = menu.getByRole('button', { name: 'Menu' });
			await expect(toggle).toBeVisible();
			await expect(menu.getByRole('link', { name: 'Themes' })).toBeHidden();
			await toggle.click();
			await expect(toggle).toHaveAttribute('aria-expanded', 'true');
			await expectWithinWidth(page, menu.getByRole('link', { name: 'Children and young people' }));
		});
	});
}

test('a chart wider than the screen says it scrolls sideways', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('/themes');
	const heat = page.getByRole('figure', { name: /Themes raised, by sector/ });
	await expect(heat.getByText('Scroll sideways to see the whole chart, or open the table below it.')).toBeVisible();
	// And it scrolls from the keyboard: the box is a named region in the Tab order.
	const box = heat.getByRole('region', { name: /\(scrolls sideways\)$/ });
	await box.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test('a chart that fits says nothing about scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/themes');
	await expect(page.getByRole('figure', { name: /Themes raised, by sector/ }).getByRole('group').first()).toBeVisible();
	await expect(page.getByText('Scroll sideways to see the whole chart')).toHaveCount(0);
	await expect(page.getByRole('region', { name: /\(scrolls sideways\)$/ })).toHaveCount(0);
});

test('on a narrow screen the filters can be skipped to the results; side by side, the link is not there', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto('/questions/q5');
	const skip = page.getByRole('link', { name: 'Skip the filters to the results' });
	await skip.click();
	await expect(page).toHaveURL(/#results$/);
	await expect(page.locator('#results')).toBeFocused();
	await expect(page.locator('#results')).toBeInViewport();
	await page.setViewportSize({ width: 1280, height: 800 });
	await expect(skip).toBeHidden();
});

test('every page links to how the numbers are counted', async ({ page }) => {
	await page.goto('/themes/consent');
	await page.getByRole('contentinfo').getByRole('link', { name: 'How the numbers are counted' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'How the numbers are counted' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Small groups' })).toBeVisible();
	await expect(page.getByText('combines sectors of fewer than 5 respondents')).toBeVisible();
});

// A user test found every bar of a theme's chart running off a 320 px screen at the same length, so that ten sectors
// looked alike until scrolled. Narrower than the chart's least width, labels go above the bars and the bars fit.
test('on a 320 px screen a bar chart fits, its labels above its bars, and its bars keep their lengths', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('/themes/consent');
	const figure = page.getByRole('figure', { name: /respondents raising it, by sector/ });
	const bars = figure.getByRole('img');
	await expect(bars.first()).toBeVisible();
	await expect(figure.getByText(/Scroll sideways/)).toHaveCount(0);
	const box = (await figure.locator('.app-chart-scroll').boundingBox())!;
	// The figure's table has the numbers the bars are drawn from.
	await figure.getByText(/^Show the data as a table/).click();
	const shares = (await figure.locator('tbody tr').evaluateAll((rows) => rows.map((r) => parseFloat(r.querySelectorAll('td')[2]!.textContent!)))) as number[];
	const widths: number[] = [];
	for (const bar of await bars.all()) {
		const b = (await bar.boundingBox())!;
		expect(b.x).toBeGreaterThanOrEqual(box.x - 1);
		expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 1);
		widths.push(b.width);
	}
	expect(widths).toHaveLength(shares.length);
	// Lengths in proportion to the shares: the longest bar is the largest share, and no two different shares look alike.
	const ratio = widths.map((w, i) => w / shares[i]).filter((_, i) => shares[i] > 0);
	expect(ratio.length).toBeGreaterThan(1);
	for (const r of ratio) expect(Math.abs(r - ratio[0])).toBeLessThan(ratio[0] * 0.02);
	// Each label is written in full above its bar.
	const labels = await figure.locator('svg text').allTextContents();
	for (const row of await figure.locator('tbody th').allTextContents()) expect(labels).toContain(row.trim());
	// Its picture, made to be pasted into a document, is the chart as a wide window shows it, labels beside the bars;
	// and the page goes back to its narrow layout afterwards.
	const [svg] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /Download image \(SVG\)/ }).click()]);
	const picture = readFileSync((await svg.path())!, 'utf8');
	expect(Number(/^<svg[^>]* width="(\d+)"/m.exec(picture)![1])).toBeGreaterThanOrEqual(600);
	expect(picture).toMatch(/text-anchor="end"[^>]*>Health</);
	await expect(figure.locator('svg text[text-anchor="end"]')).toHaveCount(0);
	expect((await bars.first().boundingBox())!.x).toBeGreaterThanOrEqual(box.x - 1);
});

test('on a 320 px screen a question’s stacked bars fit, every segment on screen', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('/questions/q5');
	const figure = page.getByRole('figure', { name: 'Q5: answers by sector' });
	const segments = figure.getByRole('img');
	await expect(segments.first()).toBeVisible();
	await expect(figure.getByText(/Scroll sideways/)).toHaveCount(0);
	const box = (await figure.locator('.app-chart-scroll').boundingBox())!;
	for (const s of await segments.all()) {
		const b = (await s.boundingBox())!;
		expect(b.x).toBeGreaterThanOrEqual(box.x - 1);
		expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 1);
	}
	await expect(figure.locator('svg text', { hasText: /^Other \(public, parents, academics\)$/ })).toHaveCount(1);
});

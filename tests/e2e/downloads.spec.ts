// Journey: download a chart as SVG and PNG and its data as CSV; the CSV numbers equal the chart's.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

test('download a chart as SVG, PNG and CSV', async ({ page }) => {
	await page.goto('/?sector=health&sector=education');
	const figure = page.getByRole('figure', { name: /Respondents by sector/ });

	const [svg] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /Download image \(SVG\)/ }).click()]);
	expect(svg.suggestedFilename()).toBe('respondents-by-sector.svg');
	const svgText = readFileSync((await svg.path())!, 'utf8');
	expect(svgText).toMatch(/^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	expect(svgText).toContain('>Respondents by sector</text>');
	expect(svgText).toContain('Source: written responses to the consultation.');
	const wellFormed = await page.evaluate((t) => {
		const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
		return !doc.querySelector('parsererror') && doc.documentElement.nodeName === 'svg' && !doc.querySelector('script');
	}, svgText);
	expect(wellFormed).toBe(true);

	const [png] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /Download image \(PNG\)/ }).click()]);
	expect(png.suggestedFilename()).toBe('respondents-by-sector.png');
	const bytes = readFileSync((await png.path())!);
	expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	expect(bytes.length).toBeGreaterThan(2000);

	const [csv] = await Promise.all([page.waitForEvent('download'), figure.getByRole('link', { name: /Download data \(CSV\)/ }).click()]);
	const parsed = Papa.parse<Record<string, string>>(readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
	const fromCsv = Object.fromEntries(parsed.data.map((r) => [r.Sector, Number(r.Respondents)]));
	const bars = (await figure.getByRole('img').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).filter((l) => l.includes(':'));
	const fromChart = Object.fromEntries(bars.map((l) => [l.slice(0, l.lastIndexOf(':')), Number(l.slice(l.lastIndexOf(':') + 1))]));
	expect(fromCsv).toEqual(fromChart);
	expect(Object.keys(fromCsv).sort()).toEqual(['Education', 'Health']);
});

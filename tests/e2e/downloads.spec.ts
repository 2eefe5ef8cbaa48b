// Journey: download a chart as SVG and PNG and its data as CSV; the CSV numbers equal the chart's.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import Database from 'better-sqlite3';
import { query } from './db';

test('download a chart as SVG, PNG and CSV', async ({ page }) => {
	await page.goto('/?sector=health&sector=education');
	const figure = page.getByRole('figure', { name: /Respondents by sector/ });

	const [svg] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /Download image \(SVG\)/ }).click()]);
	// A filtered chart says so, in its file name and in the image, so a pasted copy is not read as everyone's.
	expect(svg.suggestedFilename()).toBe('respondents-by-sector-health-education.svg');
	const svgText = readFileSync((await svg.path())!, 'utf8');
	expect(svgText).toMatch(/^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	expect(svgText).toContain('>Respondents by sector</text>');
	const showing = (await page.locator('p', { hasText: /^Showing:/ }).first().textContent())!.replace(/\s+/g, ' ').trim();
	expect(showing).toMatch(/Health/);
	expect(svgText.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain(showing.replace(/&/g, '&amp;'));
	expect(svgText).toContain('Source: written responses to the consultation.');
	// Nothing of the page's markup: no comments, no references to the page's hint text.
	expect(svgText).not.toContain('<!--');
	expect(svgText).not.toContain('aria-describedby');
	const wellFormed = await page.evaluate((t) => {
		const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
		return !doc.querySelector('parsererror') && doc.documentElement.nodeName === 'svg' && !doc.querySelector('script');
	}, svgText);
	expect(wellFormed).toBe(true);

	const [png] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /Download image \(PNG\)/ }).click()]);
	expect(png.suggestedFilename()).toBe('respondents-by-sector-health-education.png');
	const bytes = readFileSync((await png.path())!);
	expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	expect(bytes.length).toBeGreaterThan(2000);

	const [csv] = await Promise.all([page.waitForEvent('download'), figure.getByRole('link', { name: /Download data \(CSV\)/ }).click()]);
	// Named as the image is, so a folder of downloads says which chart and filter each table is.
	expect(csv.suggestedFilename()).toBe('respondents-by-sector-health-education.csv');
	const parsed = Papa.parse<Record<string, string>>(readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
	const fromCsv = Object.fromEntries(parsed.data.map((r) => [r.Sector, Number(r.Respondents)]));
	const bars = (await figure.getByRole('img').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).filter((l) => l.includes(':'));
	const fromChart = Object.fromEntries(bars.map((l) => [l.slice(0, l.lastIndexOf(':')), Number(l.slice(l.lastIndexOf(':') + 1))]));
	expect(fromCsv).toEqual(fromChart);
	expect(Object.keys(fromCsv).sort()).toEqual(['Education', 'Health']);
});

/** Every text of an exported SVG, drawn in the page, lies inside the image: nothing is cut off at its edges. */
async function textOutside(page: import('@playwright/test').Page, markup: string): Promise<string[]> {
	return page.evaluate((m) => {
		const doc = new DOMParser().parseFromString(m, 'image/svg+xml');
		const root = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
		document.body.append(root);
		const frame = root.getBoundingClientRect();
		const out = [...root.querySelectorAll('text')]
			.filter((t) => {
				const r = t.getBoundingClientRect();
				return r.width > 0 && (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1);
			})
			.map((t) => t.textContent ?? '');
		root.remove();
		return out;
	}, markup);
}

test('a downloaded chart carries its key and shows every label in full', async ({ page }) => {
	await page.goto('/questions/q5');
	const bars = page.getByRole('figure').filter({ has: page.locator('.app-legend') }).first();
	const [stacked] = await Promise.all([page.waitForEvent('download'), bars.getByRole('button', { name: /Download image \(SVG\)/ }).click()]);
	const stackedSvg = readFileSync((await stacked.path())!, 'utf8');
	const options = (await bars.locator('.app-legend li').allTextContents()).map((t) => t.trim());
	expect(options.length).toBeGreaterThanOrEqual(2);
	for (const o of options) expect(stackedSvg).toContain(`>${o}</text>`);
	expect(await textOutside(page, stackedSvg)).toEqual([]);

	await page.goto('/themes');
	const heat = page.getByRole('figure', { name: /Themes raised, by sector/ });
	const [heatmap] = await Promise.all([page.waitForEvent('download'), heat.getByRole('button', { name: /Download image \(SVG\)/ }).click()]);
	const heatSvg = readFileSync((await heatmap.path())!, 'utf8');
	for (const band of (await heat.locator('.app-legend li').allTextContents()).map((t) => t.trim())) expect(heatSvg).toContain(`>${band}</text>`);
	expect(await textOutside(page, heatSvg)).toEqual([]);
	// Names shortened on screen ("…", full in the tooltip and the table) are written out in full in the picture.
	await expect(heat.locator('text', { hasText: '…' }).first()).toBeAttached();
	expect(heatSvg).not.toContain('…');
	await heat.getByText('Show the data as a table: Themes raised, by sector').click();
	const themes = await heat.getByRole('table', { name: 'Themes raised, by sector' }).locator('tbody tr th').allTextContents();
	expect(themes.length).toBeGreaterThan(10);
	for (const theme of themes) expect(heatSvg).toContain(`>${theme.trim().replace(/&/g, '&amp;')}</text>`);
	// A name on two lines on screen is on one line in the picture, at the row's middle, level with its cells' numbers.
	const level = await page.evaluate((svgText) => {
		const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
		const labels = [...doc.querySelectorAll('text[text-anchor="end"]')].filter((t) => (t.textContent ?? '').length > 34);
		const cells = [...doc.querySelectorAll('text[text-anchor="middle"]')].map((t) => Number(t.getAttribute('y')));
		return labels.map((t) => cells.includes(Number(t.getAttribute('y'))));
	}, heatSvg);
	expect(level.length).toBeGreaterThan(0);
	expect(level.every(Boolean)).toBe(true);
	// The page's own labels are as they were: shortened, and still updated by the page.
	await expect(heat.locator('text', { hasText: '…' }).first()).toBeAttached();
});

test('a data file takes only letters, digits and hyphens from the name it is asked for', async ({ request }) => {
	const named = async (name: string) => (await request.get(`/data/sectors.csv?name=${encodeURIComponent(name)}`)).headers()['content-disposition'];
	expect(await named('../"evil"\r\nSet-Cookie: x=1')).toBe('attachment; filename="evil-set-cookie-x-1.csv"');
	expect(await named('')).toBe('attachment; filename="sectors.csv"');
	expect(await named('%%%')).toBe('attachment; filename="sectors.csv"');
});

test('a filtered download of answers or stakeholders says its filter in its file name', async ({ request }) => {
	const named = async (path: string) => (await request.get(path)).headers()['content-disposition'];
	expect(await named('/responses.csv')).toBe('attachment; filename="responses.csv"');
	expect(await named('/responses.csv?sector=health&body=RCN&q=')).toBe('attachment; filename="responses-health-rcn.csv"');
	expect(await named('/stakeholders.csv?theme=consent')).toBe('attachment; filename="stakeholders-consent.csv"');
	// A value the filter does not know is ignored, and the name does not claim it.
	expect(await named('/responses.csv?sector=nowhere')).toBe('attachment; filename="responses.csv"');
	expect(await named('/responses.csv?sector=health&sector=nowhere')).toBe('attachment; filename="responses-health.csv"');
});

test('the stakeholder download says whether each question was answered apart from the choice made', async ({ request }) => {
	const csv = await (await request.get('/stakeholders.csv')).text();
	const { data, meta } = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
	const closed = query<string>("SELECT group_concat(id) FROM question WHERE type = 'closed'").split(',');
	const open = query<string>("SELECT group_concat(id) FROM question WHERE type = 'open'").split(',');
	for (const q of closed) expect(meta.fields).toEqual(expect.arrayContaining([`${q}_answered`, `${q}_choice`]));
	for (const q of open) {
		expect(meta.fields).toContain(`${q}_answered`);
		expect(meta.fields).not.toContain(`${q}_choice`);
	}
	for (const row of data) {
		for (const q of [...closed, ...open]) expect(['yes', 'no']).toContain(row[`${q}_answered`]);
		for (const q of closed) expect(['', ...JSON.parse(query<string>('SELECT options_json FROM question WHERE id = ?', q))]).toContain(row[`${q}_choice`]);
	}
});

test('the method page lists the query behind each kind of number, and the SQL file runs as downloaded', async ({ page, request }) => {
	await page.goto('/method');
	const queries = page.locator('#queries ~ details');
	expect(await queries.count()).toBeGreaterThan(20);
	await page.getByText('Respondents by sector', { exact: true }).click();
	await expect(page.getByText(/FROM respondent r\s+LEFT JOIN sector s/).first()).toBeVisible();
	const response = await request.get('/method/queries.sql');
	expect(response.headers()['content-disposition']).toContain('consult-lens-queries.sql');
	const sql = await response.text();
	// Run as an auditor would, on a copy, query by query: each (with its example parameter) gives rows.
	const db = new Database('tmp/e2e.db', { readonly: true });
	try {
		const blocks = sql.split(/\n\n+/).filter((b) => /^\.print /m.test(b));
		expect(blocks.length).toBeGreaterThan(25);
		for (const block of blocks) {
			const params: Record<string, string | number> = {};
			for (const m of block.matchAll(/^\.parameter set :(\w+) (.+)$/gm)) params[m[1]] = /^\d+$/.test(m[2]) ? Number(m[2]) : m[2].replace(/^"'|'"$/g, '');
			const statement = block
				.split('\n')
				.filter((l) => !l.startsWith('.'))
				.join('\n');
			expect(db.prepare(statement).all(params).length, block.split('\n')[0]).toBeGreaterThan(0);
		}
	} finally {
		db.close();
	}
});

test('a chart of shares says which groups have fewer than 5 respondents, on the page and in its image', async ({ page }) => {
	const small = query<string | null>(
		`SELECT group_concat(label || ' (' || n || ')', ', ') FROM (
			SELECT s.label, count(DISTINCT a.respondent_id) AS n FROM answer a JOIN respondent r ON r.id = a.respondent_id JOIN sector s ON s.id = r.sector
			WHERE a.question_id = 'q5' AND a.choice IS NOT NULL GROUP BY s.id HAVING n < 5 ORDER BY s.position)`
	);
	// The bundled data has such a group for Q5; the test would say nothing otherwise.
	expect(small).toBeTruthy();
	await page.goto('/questions/q5');
	const figure = page.getByRole('figure', { name: 'Q5: answers by sector' });
	await expect(figure.getByText(`Fewer than 5 respondents: ${small}.`)).toBeVisible();
	const [svg] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /Download image \(SVG\)/ }).click()]);
	const image = readFileSync((await svg.path())!, 'utf8');
	expect(image).toContain('Fewer than 5 respondents');
	// Read away from the page, the image says what Q5 asked.
	expect(image).toContain('Q5 asked:');
	// A chart with no such group says nothing of it.
	await page.goto('/');
	await expect(page.getByRole('figure', { name: 'Respondents by sector' }).getByText(/Fewer than 5 respondents/)).toHaveCount(0);
});

// Officials paste tables into the Government Response: a copied table carries its title, what it shows, and its base
// and source, as the chart's images do (a user test found a copy held the bare grid).
test("a chart's table is copied with its title, filter, base and source", async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/questions/q5?sector=health');
	const figure = page.getByRole('figure', { name: 'Q5: answers by sector' });
	await figure.getByText(/^Show the data as a table/).click();
	const table = figure.getByRole('table', { name: /Q5: answers by sector/ });
	// The caption is on show, so a table selected by hand carries its title and filter too.
	await expect(table.locator('caption')).toBeVisible();
	await expect(table.locator('caption')).toContainText('Showing: Respondents from Health');
	await figure.getByRole('button', { name: /^Copy the table/ }).click();
	await expect(figure.getByRole('status')).toHaveText('Table copied, with its title, base and source: paste it into your document.');
	const copied = await page.evaluate(async () => {
		const [item] = await navigator.clipboard.read();
		return { html: await (await item.getType('text/html')).text(), text: await (await item.getType('text/plain')).text() };
	});
	const base = (await figure.locator('.app-chart-figure__meta').first().textContent())!.trim();
	expect(base).toMatch(/^Base: /);
	// The HTML as Word reads it: its text, entities decoded.
	const htmlText = await page.evaluate((h) => new DOMParser().parseFromString(h, 'text/html').body.textContent ?? '', copied.html);
	for (const s of ['Q5: answers by sector', 'Q5 asked:', 'Showing: Respondents from Health', base]) {
		expect(copied.text).toContain(s);
		expect(htmlText).toContain(s);
	}
	// Every row of the page's table, cell for cell, between the title and the base.
	const rows = await table.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim()).join('\t')));
	expect(rows.length).toBeGreaterThan(1);
	for (const row of rows) expect(copied.text).toContain(row);
	expect(copied.text.indexOf(rows[0])).toBeGreaterThan(copied.text.indexOf('Showing:'));
	expect(copied.text.indexOf(base)).toBeGreaterThan(copied.text.indexOf(rows.at(-1)!));
});

// On a departmental intranet over plain HTTP the Clipboard API is not there: the browser's copy command copies the
// same table.
test('without the Clipboard API the table is copied by the browser', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
		// After the page's own listener on the document has put the table on the clipboard.
		window.addEventListener('copy', (e) => {
			(window as unknown as { copied: { text: string; html: string } }).copied = { text: e.clipboardData!.getData('text/plain'), html: e.clipboardData!.getData('text/html') };
		});
	});
	await page.goto('/questions/q5');
	const figure = page.getByRole('figure', { name: 'Q5: answers by sector' });
	await figure.getByText(/^Show the data as a table/).click();
	await figure.getByRole('button', { name: /^Copy the table/ }).click();
	await expect(figure.getByRole('status')).toHaveText(/^Table copied/);
	const { text, html } = await page.evaluate(() => (window as unknown as { copied: { text: string; html: string } }).copied);
	expect(html).toContain('<table');
	expect(text).toContain('Q5: answers by sector');
	expect(text).toContain('Q5 asked:');
	expect(text).toMatch(/Base: /);
	expect(text).toContain('Health');
});

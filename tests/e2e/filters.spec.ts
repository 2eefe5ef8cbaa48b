// Journey: filter by professional body and see every count move consistently; the back button restores filters.
import { expect, test, type Page } from '@playwright/test';
import { query } from './db';

/** Opens one group of the filter form (a <details> disclosure). */
async function openFilter(page: Page, name: string) {
	const group = page.getByRole('form', { name: 'Filters' }).locator('details', { has: page.locator('summary', { hasText: new RegExp(`^${name}`) }) });
	if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
}

const RCN = `(r.body = 'RCN' OR r.known_organisation = 'RCN')`;

test('filtering by a professional body changes every chart and count consistently', async ({ page }) => {
	await page.goto('/');
	const all = query<number>('SELECT count(*) FROM respondent');
	await expect(page.getByRole('listitem').filter({ hasText: 'written responses' })).toContainText(String(all));

	await openFilter(page, 'Professional body');
	await page.getByRole('checkbox', { name: /Royal College of Nursing \(RCN\)/ }).check();
	await page.getByRole('button', { name: 'Apply filters' }).click();

	await expect(page).toHaveURL(/body=RCN/);
	// The empty search box is not in the address.
	expect(new URL(page.url()).searchParams.has('q')).toBe(false);
	await expect(page.getByRole('status').first()).toContainText('Respondents whose professional body is Royal College of Nursing (RCN)');
	const rcn = query<number>(`SELECT count(*) FROM respondent r WHERE ${RCN}`);
	await expect(page.getByRole('listitem').filter({ hasText: 'written responses' })).toContainText(String(rcn));

	// The sector chart's table sums to the same number.
	await page.getByText('Show the data as a table: Respondents by sector').click();
	const cells = await page.getByRole('table', { name: 'Respondents by sector' }).locator('tbody tr td:nth-child(2)').allTextContents();
	expect(cells.reduce((a, c) => a + Number(c), 0)).toBe(rcn);

	// The filter follows the menu to another page, and that page's counts move with it.
	await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Questions' }).click();
	await expect(page).toHaveURL(/\/questions\?body=RCN$/);
	const answeredQ5 = query<number>(`SELECT count(DISTINCT r.id) FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.question_id = 'q5' AND ${RCN}`);
	await expect(page.getByRole('row', { name: /Q5: Do you agree with the proposed two-tier approach/ }).getByRole('cell').first()).toHaveText(String(answeredQ5));

	await page.getByRole('link', { name: /Q5: Do you agree with the proposed two-tier approach/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Q5');
	const chose = query<number>(`SELECT count(DISTINCT r.id) FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.question_id = 'q5' AND a.choice IS NOT NULL AND ${RCN}`);
	await expect(page.getByText(`${chose} chose an answer:`)).toBeVisible();
});

test('the back button restores the previous filters', async ({ page }) => {
	await page.goto('/themes');
	await openFilter(page, 'Sector');
	await page.getByRole('checkbox', { name: 'Police', exact: true }).check();
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/sector=police/);
	await expect(page.getByRole('status').first()).toContainText('Respondents from Police');

	await openFilter(page, 'Sector');
	await page.getByRole('checkbox', { name: 'Youth justice', exact: true }).check();
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page.getByRole('status').first()).toContainText('Respondents from Police or Youth justice');

	await page.goBack();
	await expect(page).toHaveURL(/sector=police$/);
	await expect(page).not.toHaveURL(/youth-justice/);
	await expect(page.getByRole('status').first()).toContainText('Respondents from Police.');
	await expect(page.getByRole('checkbox', { name: 'Youth justice', exact: true })).not.toBeChecked();
	await page.goBack();
	await expect(page.getByRole('status').first()).toContainText('All respondents');
});

test('opening a response from a filtered list keeps the filters for the way back', async ({ page }) => {
	await page.goto('/responses?sector=health&body=RCN');
	const first = page.getByRole('link', { name: /^Response R\d+/ }).first();
	const ref = (await first.textContent())!.replace('Response ', '').trim();
	await first.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Response ${ref}`);
	await expect(page).toHaveURL(new RegExp(`/responses/${ref}\\?sector=health&body=RCN$`));
	// The breadcrumb and the menu lead back to the same filtered list.
	await expect(page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Themes' })).toHaveAttribute('href', '/themes?sector=health&body=RCN');
	await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Responses' }).click();
	await expect(page).toHaveURL(/\/responses\?sector=health&body=RCN$/);
	await expect(page.getByRole('status').first()).toContainText('RCN');
});

test('what is typed and ticked before the page has finished loading is kept', async ({ page }) => {
	// Hold back the page's scripts until the form has been filled in, as on a slow connection.
	let release!: () => void;
	const loaded = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await loaded;
		await route.continue();
	});
	await page.goto('/', { waitUntil: 'commit' });
	await page.getByRole('searchbox', { name: 'Search the answers' }).fill('consent');
	await openFilter(page, 'Sector');
	await page.getByRole('checkbox', { name: 'Health', exact: true }).check();
	release();
	// The page has loaded its scripts once the chart download buttons appear.
	await expect(page.getByRole('button', { name: /Download image \(SVG\)/ }).first()).toBeVisible();
	await expect(page.getByRole('searchbox', { name: 'Search the answers' })).toHaveValue('consent');
	// The group opened before then stays open, with its tick.
	await expect(page.getByRole('checkbox', { name: 'Health', exact: true })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: 'Health', exact: true })).toBeChecked();
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/q=consent/);
	await expect(page).toHaveURL(/sector=health/);
	// After the navigation the form shows the new filters, and Clear filters empties it.
	await expect(page.getByRole('searchbox', { name: 'Search the answers' })).toHaveValue('consent');
	await page.getByRole('link', { name: 'Clear filters' }).click();
	await expect(page).not.toHaveURL(/q=consent/);
	await expect(page.getByRole('searchbox', { name: 'Search the answers' })).toHaveValue('');
	await openFilter(page, 'Sector');
	await expect(page.getByRole('checkbox', { name: 'Health', exact: true })).not.toBeChecked();
});

test('a filtered page says what its totals are of, and what a closed answer is an answer to', async ({ page }) => {
	// The total row of a filtered table is the filtered group, and is named so (pasted into a document, it would
	// otherwise read as the whole consultation).
	await page.goto('/questions/q5?sector=health');
	const figure = page.getByRole('figure', { name: /^Q5: answers by sector/ });
	await figure.getByText(/^Show the data as a table/).click();
	await expect(figure.getByRole('table').getByRole('row').nth(1)).toContainText('All selected respondents');
	await page.goto('/questions/q5');
	await figure.getByText(/^Show the data as a table/).click();
	await expect(figure.getByRole('table').getByRole('row').nth(1)).toContainText('All respondents');

	// "No" on Q5's page without the question is "No" to any question: said, with the way to count Q5's alone.
	await page.goto('/questions/q5?answer=No');
	const status = page.getByRole('status').first();
	await expect(status).toContainText('Respondents with an answer choosing "No" (to any question).');
	await expect(status).toContainText('These respondents chose "No" for any question, not necessarily this one.');
	await status.getByRole('link', { name: 'Count only those who chose it for Q5' }).click();
	await expect(page).toHaveURL(/question=q5/);
	await expect(page.getByRole('status').first()).toContainText('Respondents with an answer to Q5, choosing "No".');
	const noToQ5 = query<number>(`SELECT count(DISTINCT respondent_id) FROM answer WHERE question_id = 'q5' AND choice = 'No'`);
	await expect(page.getByRole('figure', { name: /^Q5: answers by sector/ })).toContainText(`${noToQ5} chose an answer: 0.0% Yes, 100.0% No`);
});

test('a theme page under a filter has a way back to no filter, and does not single out a sector of a few', async ({ page }) => {
	await page.goto('/themes/consent?body=BASW');
	const figure = page.getByRole('figure', { name: /^Consent: respondents raising it, by sector/ });
	// The takeaway names the leading sector among those of 5 or more respondents.
	const small = query<number>(
		`SELECT count(*) FROM (SELECT r.sector FROM respondent r WHERE (r.body = 'BASW' OR r.known_organisation = 'BASW') GROUP BY r.sector HAVING count(*) < 5)`
	);
	if (small > 0) await expect(figure).toContainText('of the sectors with 5 or more respondents');
	await page.getByRole('status').first().getByRole('link', { name: 'Clear filters' }).click();
	await expect(page).toHaveURL(/\/themes\/consent$/);
	await expect(page.getByRole('status').first()).toContainText('Showing: All respondents.');
	await expect(page.getByRole('link', { name: 'Clear filters' })).toHaveCount(0);
});

test('the questions table gives the base of its percentages, and a dash where nobody chose an answer', async ({ page }) => {
	await page.goto('/questions');
	const row = page.getByRole('row', { name: /^Q5:/ });
	const chose = query<number>("SELECT count(DISTINCT respondent_id) FROM answer WHERE question_id = 'q5' AND choice IS NOT NULL");
	await expect(row.getByRole('cell').nth(1)).toHaveText(chose.toLocaleString('en-GB'));
	await expect(page.getByRole('columnheader', { name: 'Chose an answer' })).toBeVisible();
	// Nobody answered Q7 (an open question) by choosing "Yes": no base, so no percentages.
	await page.goto('/questions?question=q7&answer=Yes');
	await expect(row.getByRole('cell').nth(1)).toHaveText('0');
	for (const cell of await row.getByRole('cell').all().then((cells) => cells.slice(2))) await expect(cell).toHaveText('–');
});

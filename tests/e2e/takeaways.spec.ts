// One-line takeaways under charts name every group tied for first, as the chart's own table shows them; a page
// number past the end of a list goes to its last page; a body's own answer is shown as the answer it gave; an empty
// list says so.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { query } from './db';

/** The chart's table rows as [label, count], read from the page. */
async function tableRows(page: Page, title: string): Promise<[string, number][]> {
	const figure = page.getByRole('figure', { name: title });
	await figure.getByText(`Show the data as a table: ${title}`).click();
	const rows = figure.getByRole('table', { name: title }).locator('tbody tr');
	const out: [string, number][] = [];
	for (const row of await rows.all()) {
		const cells = await row.locator('th, td').allTextContents();
		out.push([cells[0].trim(), Number(cells[1].replace(/,/g, ''))]);
	}
	return out;
}

async function expectLeadersNamed(page: Page, title: string, phrase: RegExp) {
	const rows = await tableRows(page, title);
	const top = Math.max(...rows.map((r) => r[1]));
	const leaders = rows.filter((r) => r[1] === top).map((r) => r[0]);
	// These filters were chosen because groups tie for first on the bundled data.
	expect(leaders.length, `${title}: ${JSON.stringify(rows)}`).toBeGreaterThan(1);
	const takeaway = page.getByRole('figure', { name: title }).locator('figcaption p');
	await expect(takeaway).toContainText(phrase);
	for (const name of leaders) await expect(takeaway).toContainText(name);
	await expect(takeaway).toContainText(`${top} `);
}

test('the sector chart names every sector tied for largest', async ({ page }) => {
	await page.goto('/?region=London');
	await expectLeadersNamed(page, 'Respondents by sector', /were the largest groups, with \d+ of \d+ respondents each/);
});

test('the sector chart of one sector says so, rather than calling it the largest group', async ({ page }) => {
	await page.goto('/?sector=health');
	const n = query<number>("SELECT count(*) FROM respondent WHERE sector = 'health'");
	await expect(page.getByRole('figure', { name: 'Respondents by sector' }).locator('figcaption p')).toHaveText(`All ${n} respondents are in one sector: Health.`);
});

test('the themes chart names every theme tied for most common', async ({ page }) => {
	await page.goto('/themes?sector=early-years');
	await expectLeadersNamed(page, 'Respondents raising each theme', /The most common themes were .*: \d+ respondents each/);
});

test('a page number past the end of the answers goes to the last page', async ({ page }) => {
	await page.goto('/responses?sector=health&page=999');
	await expect(page).toHaveURL(/[?&]page=\d+/);
	const last = Number(new URL(page.url()).searchParams.get('page'));
	expect(last).toBeLessThan(999);
	await expect(page).toHaveTitle(new RegExp(`page ${last} of ${last}`));
	await expect(page.getByRole('article').first()).toBeVisible();
	// Nothing to list: the first page, with no page number.
	await page.goto('/responses?q=zzzznotaword&page=3');
	await expect(page).not.toHaveURL(/page=/);
});

test("a professional body's own closed answers are shown as the answers it gave", async ({ page }) => {
	const own = query<string>(
		"SELECT a.choice FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE r.known_organisation = 'RCN' AND a.question_id = 'q2' AND a.choice IS NOT NULL"
	);
	expect(own).toBeTruthy();
	await page.goto('/bodies/RCN');
	const table = page.getByRole('table', { name: 'Closed answers, by group' });
	// Q2's rows, one per answer: the body's own is marked on the row of the answer it gave, and on no other.
	for (const option of JSON.parse(query<string>("SELECT options_json FROM question WHERE id = 'q2'")) as string[]) {
		const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `Q2: ${option}`, exact: true }) });
		await expect(row.getByRole('cell').first()).toHaveText(option === own ? 'Its answer' : '–');
	}
});

test('a filter that leaves nothing to list says so instead of showing an empty table', async ({ page }) => {
	await page.goto('/stakeholders?q=zzzznotaword');
	await expect(page.getByRole('status').filter({ hasText: 'No organisation matches these filters.' })).toBeVisible();
	await expect(page.getByRole('table')).toHaveCount(0);
	await page.goto('/bodies?q=zzzznotaword');
	await expect(page.getByRole('status').filter({ hasText: 'No respondent in these filters named a professional body' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Download data (CSV)' })).toHaveCount(0);
});

test('the themes page says what a question filter counts, and links to the question', async ({ page }) => {
	await page.goto('/themes?sector=health&question=q3');
	await expect(page.getByText('The question filter chooses respondents who answered Q3; the themes below are counted from all of their answers.')).toBeVisible();
	await page.getByRole('link', { name: "Q3's page" }).click();
	await expect(page).toHaveURL(/\/questions\/q3\?sector=health$/);
});

test("a closed question's page says how many chose an answer and how many wrote, as the chart counts them", async ({ page }) => {
	const chose = query<number>("SELECT count(DISTINCT respondent_id) FROM answer WHERE question_id = 'q2' AND choice IS NOT NULL");
	const wrote = query<number>("SELECT count(DISTINCT respondent_id) FROM answer WHERE question_id = 'q2' AND trim(coalesce(text, '')) <> ''");
	await page.goto('/questions/q2');
	await expect(page.getByText(new RegExp(`respondents answered this question: ${chose} chose an answer and ${wrote} wrote an explanation\\.`))).toBeVisible();
	await expect(page.getByRole('figure', { name: /Q2: answers by sector/ }).locator('figcaption p')).toContainText(`${chose} chose an answer:`);
});

test("the top bodies chart's download says it holds every body, and does", async ({ page }) => {
	await page.goto('/');
	const figure = page.getByRole('figure', { name: /Respondents by professional body \(top \d+\)/ });
	const shown = Number((await figure.getByRole('heading').textContent())!.match(/top (\d+)/)![1]);
	const [csv] = await Promise.all([page.waitForEvent('download'), figure.getByRole('link', { name: /Download data for every body \(CSV\)/ }).click()]);
	const lines = readFileSync((await csv.path())!, 'utf8').trim().split('\n').length - 1;
	expect(lines).toBeGreaterThan(shown);
	// As many as the professional bodies page lists.
	await page.goto('/bodies');
	await expect(page.getByRole('table', { name: 'Respondents by professional body' }).locator('tbody tr')).toHaveCount(lines);
});

test("the stakeholder tracker says what each question asked, not only in a heading's title", async ({ page }) => {
	const q5 = query<string>("SELECT text FROM question WHERE id = 'q5'");
	await page.goto('/stakeholders');
	await page.getByText('What each question asked').click();
	const key = page.getByRole('group').filter({ has: page.getByText('What each question asked') });
	await expect(key.getByRole('definition').filter({ hasText: q5 })).toBeVisible();
	await expect(page.getByRole('columnheader', { name: 'Q5' })).toBeVisible();
});

test('pages under a filter that matches nobody say so rather than show zeros', async ({ page }) => {
	// Nobody answered Q7 (an open question) by choosing "Yes".
	await page.goto('/questions/q5?question=q7&answer=Yes');
	await expect(page.getByText('No respondents who answered this question match these filters.')).toBeVisible();
	await page.goto('/themes/consent?question=q7&answer=Yes');
	await expect(page.getByText('No respondents with a written answer match these filters.')).toBeVisible();
	await expect(page.getByText(/0 of 0 respondents/)).toHaveCount(0);
	await page.goto('/themes?question=q7&answer=Yes');
	await expect(page.getByText('No written answers match these filters.')).toBeVisible();
});

test("the stakeholder tracker labels an open question's stance", async ({ page }) => {
	await page.goto('/stakeholders');
	const table = page.getByRole('table', { name: 'Organisations against each question' });
	await expect(table.getByRole('cell', { name: /^Answered; stance: (support|oppose|mixed|neutral)/ }).first()).toBeVisible();
	await expect(table.getByRole('cell', { name: /^\((support|oppose|mixed|neutral)\)/ })).toHaveCount(0);
});

// Settings are recorded as the facilitators wrote them ("school council"); the chart, its table and its takeaway name
// them as labels are named elsewhere, with a capital, and the opening sentence counts them.
test("the children's page names each setting with a capital, and says how many settings there were", async ({ page }) => {
	const settings = query<number>('SELECT count(DISTINCT setting) FROM cyp_feedback');
	await page.goto('/children');
	await expect(page.locator('.app-lede')).toContainText(`gathered in ${settings} settings: School council`);
	const figure = page.getByRole('figure', { name: 'Comments by setting' });
	await figure.getByText(/^Show the data as a table/).click();
	const rows = (await figure.locator('tbody th').allTextContents()).map((t) => t.trim());
	expect(rows).toHaveLength(settings);
	for (const r of rows) expect(r[0]).toBe(r[0].toUpperCase());
	await expect(figure.getByText(/^Most comments came from the setting/)).toContainText('“');
});

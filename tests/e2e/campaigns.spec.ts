// Journey: see that many answers are one campaign's copies, read its text and its answers, and narrow it by sector.
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { query } from './db';

test('follow a campaign from the overview to its answers, see it on its question, and download the list', async ({ page, request }) => {
	const id = query<number>('SELECT id FROM campaign ORDER BY size DESC, id LIMIT 1');
	const question = query<string>('SELECT question_id FROM campaign WHERE id = ?', id);
	const size = query<number>('SELECT count(*) FROM answer WHERE campaign_id = ?', id);
	const answered = query<number>('SELECT count(DISTINCT respondent_id) FROM answer WHERE question_id = ?', question);
	const Q = question.toUpperCase();
	await page.goto('/');
	const all = query<number>('SELECT count(*) FROM answer WHERE campaign_id IS NOT NULL');
	const senders = query<number>('SELECT count(DISTINCT respondent_id) FROM answer WHERE campaign_id IS NOT NULL');
	await expect(page.getByRole('listitem').filter({ hasText: /in\s+\d+\s+campaigns?\s+of\s+near-identical/ })).toHaveText(
		new RegExp(`^${all}\\s+answers?\\s+in\\s+\\d+\\s+campaigns?\\s+of\\s+near-identical\\s+answers,\\s+from\\s+${senders}\\s+respondents?$`)
	);
	await page.getByRole('link', { name: /^\d+ campaigns?$/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Campaigns');
	// The text shown is a copy from a respondent who did not ask for confidentiality, redacted; the heading begins with it.
	const shown = query<string>(
		`SELECT coalesce(a.text_redacted, a.text) FROM answer a JOIN respondent r ON r.id = a.respondent_id
		 WHERE a.campaign_id = ? AND r.confidential = 0 ORDER BY a.id LIMIT 1`,
		id
	);
	const card = page.getByRole('region', { name: new RegExp(`^1\\. ${Q} campaign: "${shown.split(/\s+/).slice(0, 3).join(' ')}`) });
	await expect(card.getByRole('definition').first()).toHaveText(`${size}: ${((100 * size) / answered).toFixed(1)}% of the ${answered} respondents who answered ${Q}`);
	await expect(card).toContainText(shown.slice(0, 80));
	// The list as CSV: the same campaigns, numbers and text.
	const csv = Papa.parse<Record<string, string>>((await (await request.get('/campaigns.csv')).text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
	expect(csv[0]).toMatchObject({ rank: '1', question: Q, campaign_id: String(id), answers: String(size), percentage: ((100 * size) / answered).toFixed(1) });
	expect(csv[0].text.slice(0, 80)).toBe(shown.slice(0, 80));
	await card.getByRole('link', { name: `Read the ${size} answers in this campaign (campaign 1, ${Q})` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`A campaign in answer to ${Q}`);
	await expect(page.getByRole('article')).toHaveCount(Math.min(size, 20));
	// On its own page, its answers do not link back to it; elsewhere each copy links to its campaign.
	await expect(page.getByRole('link', { name: 'See the campaign this answer is in' })).toHaveCount(0);
	await page.goto(`/responses/${query<string>('SELECT r.response_id FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.campaign_id = ? ORDER BY a.id LIMIT 1', id)}`);
	await expect(page.getByRole('link', { name: 'See the campaign this answer is in' })).toHaveAttribute('href', `/campaigns/${id}`);
	// On the question's page, the campaign is shown beside the figures it is counted in.
	await page.goto(`/questions/${question}`);
	await expect(page.getByRole('heading', { level: 2, name: 'Campaigns' })).toBeVisible();
	await expect(page.getByRole('region', { name: new RegExp(`^1\\. ${Q} campaign: `) })).toBeVisible();
	// Filtered to those who answered another question, the page's figures count this question's answers from them, and
	// so does its campaign.
	const other = query<string>('SELECT a.question_id FROM answer a WHERE a.respondent_id IN (SELECT respondent_id FROM answer WHERE campaign_id = ?) AND a.question_id <> ? GROUP BY 1 ORDER BY count(*) DESC LIMIT 1', id, question);
	const both = query<number>('SELECT count(*) FROM answer WHERE campaign_id = ? AND respondent_id IN (SELECT respondent_id FROM answer WHERE question_id = ?)', id, other);
	await page.goto(`/questions/${question}?question=${other}`);
	await expect(page.getByRole('region', { name: new RegExp(`^1\\. ${Q} campaign: `) }).getByRole('definition').first()).toHaveText(new RegExp(`^${both}( \\(of ${size} from all respondents\\))?: `));
});

test('a filter counts a campaign over the selected respondents only', async ({ page }) => {
	const id = query<number>('SELECT id FROM campaign ORDER BY size DESC, id LIMIT 1');
	const sector = query<string>(
		'SELECT r.sector FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.campaign_id = ? GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
		id
	);
	const inSector = query<number>('SELECT count(*) FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.campaign_id = ? AND r.sector = ?', id, sector);
	await page.goto(`/campaigns/${id}?sector=${sector}`);
	await expect(page.getByRole('heading', { level: 2, name: /^The answers/ })).toHaveText(`The answers (${inSector})`);
	// A sector that sent none of it: the list says so, and the campaigns page leaves it out.
	const none = query<string | undefined>(
		`SELECT s.id FROM sector s WHERE s.id NOT IN (SELECT r.sector FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.campaign_id IS NOT NULL AND r.sector IS NOT NULL)
		 AND s.id IN (SELECT sector FROM respondent) ORDER BY s.position LIMIT 1`
	);
	test.skip(!none, 'every sector sent a campaign');
	await page.goto(`/campaigns?sector=${none}`);
	await expect(page.getByText('None of the selected respondents sent an answer in a campaign.')).toBeVisible();
});

test('leave campaign senders out of every figure, or count each campaign once, from the filter panel', async ({ page }) => {
	const all = query<number>('SELECT count(*) FROM respondent');
	const senders = query<number>('SELECT count(DISTINCT respondent_id) FROM answer WHERE campaign_id IS NOT NULL');
	const copiers = query<number>('SELECT count(DISTINCT respondent_id) FROM answer WHERE campaign_id IS NOT NULL AND id NOT IN (SELECT exemplar_answer_id FROM campaign)');
	await page.goto('/');
	await page.getByRole('form', { name: 'Filters' }).locator('summary', { hasText: /^Campaigns/ }).click();
	await page.getByRole('checkbox', { name: 'Leave out everyone who sent a campaign text' }).check();
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/campaign=none/);
	await expect(page.getByRole('status').first()).toContainText('Respondents who sent no campaign text');
	await expect(page.getByRole('listitem').filter({ hasText: 'written responses' })).toContainText(String(all - senders));
	await page.goto('/?campaign=once');
	await expect(page.getByRole('status').first()).toContainText('counting each campaign once (only the sender of its text)');
	await expect(page.getByRole('listitem').filter({ hasText: 'written responses' })).toContainText(String(all - copiers));
});

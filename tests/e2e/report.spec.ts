// Journey: an analyst adds key findings and downloads the Word report from the app; it opens as a docx package with
// one heading per question, the findings and embedded charts. The annex of organisations follows analysts' decisions.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { holdScript } from './hold-script';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { query } from './db';

test.use({ storageState: 'tmp/auth/analyst.json' });

test('key findings go into the Word report downloaded from the app', async ({ page }) => {
	await page.goto('/report');
	await page.getByLabel('Key findings for Q5').fill('Health bodies were split on the two-tier approach.');
	await page.getByLabel('Summary of the main findings', { exact: true }).fill('Most respondents welcomed the guide.\n- Health bodies want the two-tier approach dropped.');
	await page.getByLabel('Next steps: what the Government will do in response').fill('The guide will be revised and published in spring.');
	await page.getByRole('button', { name: 'Save the report text' }).click();
	await expect(page.getByText('Saved.', { exact: false })).toBeVisible();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the report as a Word document' }).click()]);
	expect(download.suggestedFilename()).toBe('summary-of-responses.docx');
	const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
	const xml = await zip.file('word/document.xml')!.async('string');
	const text = xml.replace(/<[^>]+>/g, '');
	for (const q of ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8']) expect(text).toContain(`${q}: `);
	expect((xml.match(/<w:pStyle w:val="Heading1"\/>/g) ?? []).length).toBeGreaterThanOrEqual(12);
	expect(text).toContain('Health bodies were split on the two-tier approach.');
	// The summary comes before the questions, the next steps after them, each under its own heading.
	expect(text.indexOf('Summary of the main findings')).toBeGreaterThan(-1);
	expect(text.indexOf('Most respondents welcomed the guide.')).toBeLessThan(text.indexOf('Q1: '));
	expect(text).toContain('Health bodies want the two-tier approach dropped.');
	expect(text.indexOf('The guide will be revised and published in spring.')).toBeGreaterThan(text.indexOf('Q8: '));
	expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).length).toBeGreaterThan(5);
});

test('the print version opens with the same account of what was gathered as the Word report', async ({ page }) => {
	const attendees = query<number>('SELECT sum(attendees) FROM event');
	await page.goto('/report/print');
	const events = query<number>('SELECT count(*) FROM event');
	await expect(page.getByText(`at ${events} events attended by ${attendees.toLocaleString('en-GB')} people`)).toBeVisible();
});

test('the print version ends with the organisations that responded, A to Z, naming no confidential one', async ({ page }) => {
	await page.goto('/report/print');
	const annex = page.getByRole('region', { name: 'Annex: organisations that responded' });
	await expect(annex.getByRole('heading', { level: 2 })).toBeVisible();
	const named = query<number>("SELECT count(*) FROM respondent WHERE respondent_type = 'organisation' AND confidential = 0");
	const confidential = query<number>("SELECT count(*) FROM respondent WHERE respondent_type = 'organisation' AND confidential = 1");
	await expect(annex.getByText(`We received responses from the ${named} organisations listed below. We have not named organisations that asked for their response to be kept confidential (${confidential} responses)`)).toBeVisible();
	await expect(annex.getByRole('listitem')).toHaveCount(named);
	const organisation = query<string>("SELECT organisation FROM respondent WHERE respondent_type = 'organisation' AND confidential = 0 AND known_organisation IS NULL ORDER BY organisation LIMIT 1");
	await expect(annex.getByRole('listitem').filter({ hasText: new RegExp(`^${organisation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })).toBeVisible();
	const secret = query<string>("SELECT organisation FROM respondent WHERE respondent_type = 'organisation' AND confidential = 1 LIMIT 1");
	await expect(page.getByText(secret, { exact: true })).toHaveCount(0);
});

test('key findings typed before the page has loaded its script are kept', async ({ page }) => {
	// Hold the app's script back until the findings have been typed (a slow laptop, a quick hand).
	const release = await holdScript(page);
	await page.goto('/report', { waitUntil: 'commit' });
	const findings = page.getByLabel('Key findings for Q6');
	await findings.fill('Typed before the script ran.');
	const charts = page.getByLabel('Include the charts for Q6');
	const had = await charts.isChecked();
	await charts.setChecked(!had);
	release();
	await page.waitForLoadState('networkidle');
	await expect(findings).toHaveValue('Typed before the script ran.');
	await expect(charts).toBeChecked({ checked: !had });
});

test('key findings with line breaks up to the limit are saved, and one over it keeps everything typed', async ({ page }) => {
	await page.goto('/report');
	// 50 lines of 99 characters: 5,000 characters as the browser counts them, line breaks one each.
	const lines = Array.from({ length: 50 }, (_, i) => `${String(i).padStart(2, '0')} ${'x'.repeat(96)}`).join('\n');
	expect(lines.length).toBe(4999);
	await page.getByLabel('Key findings for Q4').fill('Kept with the rest.');
	await page.getByLabel('Key findings for Q5').fill(lines + 'y');
	await page.getByRole('button', { name: 'Save the report text' }).click();
	await expect(page.getByText('Saved. The Word document and the print version now include your text.')).toBeVisible();
	expect(query<string>("SELECT findings FROM report_text WHERE question_id = 'q5'")).toBe(lines + 'y');

	// Over the limit (put there past the browser's own check, as a script or an older browser could): refused, and
	// nothing typed on the page is lost.
	await page.getByLabel('Key findings for Q4').fill('Typed again, not saved.');
	await page.getByLabel('Key findings for Q5').evaluate((el, v) => ((el as HTMLTextAreaElement).value = v), lines + 'yz');
	await page.getByRole('button', { name: 'Save the report text' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.getByRole('link', { name: 'Key findings for Q5 must be at most 5,000 characters' })).toHaveAttribute('href', '#findings-q5');
	await expect(page.getByLabel('Key findings for Q4')).toHaveValue('Typed again, not saved.');
	await expect(page.getByLabel('Key findings for Q5')).toHaveValue(lines + 'yz');
	expect(query<string>("SELECT findings FROM report_text WHERE question_id = 'q4'")).toBe('Kept with the rest.');
});

test('two analysts writing the report at once do not undo each other', async ({ browser }) => {
	const context = await browser.newContext({ storageState: 'tmp/auth/analyst.json' });
	const [first, second] = [await context.newPage(), await context.newPage()];
	await first.goto('/report');
	await second.goto('/report');
	const save = (page: typeof first) => page.getByRole('button', { name: 'Save the report text' }).click();
	await first.getByLabel('Key findings for Q7').fill('First analyst on Q7.');
	await save(first);
	await expect(first.getByText('Saved.', { exact: false })).toBeVisible();
	// The second, opened before that save, writes Q8 only: Q7 is left as the first wrote it.
	await second.getByLabel('Key findings for Q8').fill('Second analyst on Q8.');
	await save(second);
	await expect(second.getByText('Saved.', { exact: false })).toBeVisible();
	expect(query<string>("SELECT findings FROM report_text WHERE question_id = 'q7'")).toBe('First analyst on Q7.');
	expect(query<string>("SELECT findings FROM report_text WHERE question_id = 'q8'")).toBe('Second analyst on Q8.');
	// Both change Q7: the later is told, keeps what they typed, and replaces it only by saving again.
	await first.getByLabel('Key findings for Q7').fill('First again.');
	await save(first);
	await expect(first.getByText('Saved.', { exact: false })).toBeVisible();
	await second.goto('/report');
	await first.getByLabel('Key findings for Q7').fill('First a third time.');
	await save(first);
	await second.getByLabel('Key findings for Q7').fill('Second on Q7.');
	await save(second);
	await expect(second.getByRole('link', { name: /saved the key findings for Q7 after you opened this page/ })).toHaveAttribute('href', '#findings-q7');
	await expect(second.getByLabel('Key findings for Q7')).toHaveValue('Second on Q7.');
	expect(query<string>("SELECT findings FROM report_text WHERE question_id = 'q7'")).toBe('First a third time.');
	await save(second);
	await expect(second.getByText('Saved.', { exact: false })).toBeVisible();
	expect(query<string>("SELECT findings FROM report_text WHERE question_id = 'q7'")).toBe('Second on Q7.');
	await context.close();
});

test('key findings that look like personal data are pointed out, and saved only once the analyst says they are not', async ({ page }) => {
	await page.goto('/report');
	const typed = 'Janet Holloway of the Barnet PCT (janet.holloway@barnet.example.nhs.uk) argued for a two-tier approach.';
	await page.getByLabel('Key findings for Q3').fill(typed);
	await page.getByRole('button', { name: 'Save the report text' }).click();
	const problem = page.getByRole('link', { name: /^The key findings for Q3 may contain personal data/ });
	await expect(problem).toContainText('"janet.holloway@barnet.example.nhs.uk" (an email address)');
	await expect(problem).toContainText('"Janet Holloway" (a person\'s name)');
	await expect(problem).toHaveAttribute('href', '#findings-q3');
	await expect(page.getByLabel('Key findings for Q3')).toHaveValue(typed);
	expect(query<string | undefined>("SELECT findings FROM report_text WHERE question_id = 'q3'")).not.toBe(typed);
	// A confirmation covers only what was pointed out: something new typed with it is pointed out in turn.
	await page.getByLabel('Key findings for Q3').fill(`${typed} Ring Sam Patel on 07700 900123.`);
	await page.getByLabel(/^I have checked the text pointed out above/).check();
	await page.getByRole('button', { name: 'Save the report text' }).click();
	await expect(page.getByRole('link', { name: /^The key findings for Q3 may contain personal data/ })).toContainText('07700 900123');
	expect(query<string | undefined>("SELECT findings FROM report_text WHERE question_id = 'q3'") ?? '').not.toContain('Sam Patel');
	await page.getByLabel('Key findings for Q3').fill(typed);
	// Confirmed: saved as written, and the confirmation is in the audit log with what was pointed out.
	await page.getByLabel(/^I have checked the text pointed out above/).check();
	await page.getByRole('button', { name: 'Save the report text' }).click();
	await expect(page.getByText('Saved.', { exact: false })).toBeVisible();
	expect(query<string>("SELECT findings FROM report_text WHERE question_id = 'q3'")).toBe(typed);
	expect(query<string>("SELECT detail_json FROM audit_log WHERE action = 'report text saved' ORDER BY id DESC LIMIT 1")).toContain('confirmedNotPersonal');
	// Each question's findings say who saved them last, and when.
	await expect(page.getByText(/^Last saved by e2e-analyst on \d+ \w+ \d{4} at \d\d:\d\d$/).first()).toBeVisible();
	// Text with no personal data in it is saved at once.
	await page.getByLabel('Key findings for Q3').fill('Most health bodies argued for a two-tier approach.');
	await page.getByRole('button', { name: 'Save the report text' }).click();
	await expect(page.getByText('Saved.', { exact: false })).toBeVisible();
});

test("an analyst decides how the annex names an organisation, on its response page, and the report follows", async ({ page }) => {
	const where = "respondent_type = 'organisation' AND confidential = 0 AND known_organisation IS NULL AND sector_given IS NOT NULL AND trim(coalesce(organisation, '')) <> '' ORDER BY response_id LIMIT 1";
	const ref = query<string>(`SELECT response_id FROM respondent WHERE ${where}`);
	const organisation = query<string>('SELECT organisation FROM respondent WHERE response_id = ?', ref);
	const sector = query<string>('SELECT s.label FROM respondent r JOIN sector s ON s.id = r.sector WHERE r.response_id = ?', ref);
	const annexItem = (name: string) => page.getByRole('region', { name: 'Annex: organisations that responded' }).getByRole('listitem').filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
	await page.goto(`/responses/${ref}?sector=health`);
	const form = page.getByRole('form', { name: 'In the summary of responses' });
	await expect(page.getByText(`Named as ${organisation}`)).toBeVisible();
	// The form shows what is in force.
	await expect(form.getByRole('radio', { name: 'Let the rules decide' })).toBeChecked();

	// Named with no name: an error that says what to do and takes the analyst to the field.
	await form.getByRole('radio', { name: 'Name it as written below' }).check();
	await form.getByLabel('Name to publish').fill('');
	await form.getByRole('button', { name: 'Save the decision' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the name to publish');
	await expect(page).toHaveTitle(/^Error: Response /);
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	await page.getByRole('link', { name: 'Enter the name to publish' }).click();
	await expect(form.getByLabel('Name to publish')).toBeFocused();
	// The page's other form still goes to its own action after the error, and keeps the list's filters.
	await page.getByRole('form', { name: 'Correct the sector' }).getByRole('button', { name: 'Save the sector' }).click();
	await expect(page.getByRole('alert')).toContainText(`The respondent's sector is now ${sector}.`);
	await expect(page).toHaveURL(new RegExp(`/responses/${ref}\\?sector=health&saved=sector$`));

	// Not named: the annex leaves it out and says so.
	await form.getByRole('radio', { name: 'Do not name it' }).check();
	await form.getByRole('button', { name: 'Save the decision' }).click();
	await expect(page.getByRole('alert')).toContainText('Your decision on how the summary of responses names this organisation was saved');
	await expect(page.getByText('Not named: an analyst decided not to name this organisation')).toBeVisible();
	await expect(page.getByText(/^Decided by e2e-analyst on /)).toBeVisible();
	// The way back keeps the list's filters, not the note that the form was saved.
	await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Responses', exact: true })).toHaveAttribute('href', '/responses?sector=health');
	await page.goto('/report/print');
	await expect(page.getByText('organisations we decided not to name (1 response)', { exact: false })).toBeVisible();
	await expect(annexItem(organisation)).toHaveCount(0);
	// The Report page lists the decision for an official to check before publishing.
	await page.goto('/report');
	await page.getByText("Analysts' decisions on naming organisations in the annex (1)").click();
	await expect(page.getByRole('row', { name: new RegExp(`${ref} .*Not named`) })).toBeVisible();

	// Named as the analyst writes it.
	await page.goto(`/responses/${ref}`);
	await form.getByRole('radio', { name: 'Name it as written below' }).check();
	await form.getByLabel('Name to publish').fill('Checked Organisation Name Test');
	await form.getByRole('button', { name: 'Save the decision' }).click();
	await expect(page.getByText('Named as Checked Organisation Name Test')).toBeVisible();
	await page.goto('/report/print');
	await expect(annexItem('Checked Organisation Name Test')).toHaveCount(1);
	await expect(page.getByText('organisations we decided not to name', { exact: false })).toHaveCount(0);

	// A name that reads as a person's needs the analyst's word that they checked it.
	await page.goto(`/responses/${ref}`);
	await form.getByLabel('Name to publish').fill('Mrs Janet Holloway');
	await form.getByRole('button', { name: 'Save the decision' }).click();
	await expect(page.getByRole('alert')).toContainText('it begins with a title ("Mrs")');
	await expect(page.getByText('Named as Checked Organisation Name Test')).toBeVisible();

	// Taken back: the rules decide again, as before.
	await form.getByRole('radio', { name: 'Let the rules decide' }).check();
	await form.getByRole('button', { name: 'Save the decision' }).click();
	await expect(page.getByText(`Named as ${organisation}`)).toBeVisible();
	expect(query<number>('SELECT count(*) FROM annex_decision')).toBe(0);
});

test('a viewer sees no annex decision or sector correction on a response page, and cannot send one', async ({ browser }) => {
	const context = await browser.newContext({ storageState: 'tmp/auth/viewer.json' });
	const page = await context.newPage();
	const ref = query<string>("SELECT response_id FROM respondent WHERE respondent_type = 'organisation' AND confidential = 0 ORDER BY response_id LIMIT 1");
	const before = query<number>('SELECT count(*) FROM annex_decision');
	await page.goto(`/responses/${ref}`);
	await expect(page.getByRole('heading', { level: 1, name: `Response ${ref}` })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'In the summary of responses' })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Correct the sector' })).toHaveCount(0);
	const sector = query<string>('SELECT sector FROM respondent WHERE response_id = ?', ref);
	const origin = new URL(page.url()).origin;
	expect((await page.request.post(`/responses/${ref}?/annex`, { form: { decision: 'withhold' }, headers: { origin } })).status()).toBe(403);
	expect((await page.request.post(`/responses/${ref}?/sector`, { form: { sector: 'other' }, headers: { origin } })).status()).toBe(403);
	expect(query<string>('SELECT sector FROM respondent WHERE response_id = ?', ref)).toBe(sector);
	expect(query<number>('SELECT count(*) FROM annex_decision')).toBe(before);
	await context.close();
});

// Journey: an analyst reviews ten answers (accept, reject, add), the analysis runs again, and the manual decisions
// survive it, move the dashboard's counts, and appear in the audit log.
import { expect, test } from '@playwright/test';
import { holdScript } from './hold-script';
import { execFileSync } from 'node:child_process';
import { query } from './db';

test.use({ storageState: 'tmp/auth/analyst.json' });

test('review ten answers, rerun analyse, decisions are kept and counted', async ({ page, browser }) => {
	test.setTimeout(120_000);
	const decisions: { answer: number; rejected?: string; added: string }[] = [];
	await page.goto('/review');
	await page.getByRole('link', { name: 'Review Q7 answers' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Review Q7');
	const before = await page.getByRole('status').first().textContent();

	for (let i = 0; i < 10; i++) {
		// The answer is named by its response, as officials know it, not by the answer's internal id.
		const heading = page.getByRole('heading', { level: 2, name: /^Answer from response R\d+/ });
		const responseId = (await heading.textContent())!.match(/response (R\d+)/)![1];
		const answer = query<number>(`SELECT a.id FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE r.response_id = ? AND a.question_id = 'q7'`, responseId);
		const decision: (typeof decisions)[number] = { answer, added: 'resources' };
		// Reject the first suggested theme (other than the one added below) by its keyboard shortcut.
		const rejects = page.getByRole('radio', { name: /^Reject/ });
		const ids = await rejects.evaluateAll((els) => els.map((e) => e.id.replace(/^t-/, '').replace(/-r$/, '')));
		// The shortcut hint names the keys this answer has (none to press when nothing was suggested).
		const keys =
			ids.length > 1
				? `Press 1–${ids.length} to switch a suggested theme between accept and reject, S to save and go to the next answer.`
				: ids.length === 1
					? 'Press 1 to switch the suggested theme between accept and reject, S to save and go to the next answer.'
					: 'Press S to save and go to the next answer.';
		// And where they do not work: in a list, S picks "support" (an analyst changed a stance that way).
		await expect(page.getByRole('checkbox', { name: 'Use keyboard shortcuts' })).toHaveAccessibleDescription(`${keys} Not in the Stance or Sector list, where a letter chooses an option.`);
		const target = ids.findIndex((id) => id !== 'resources');
		if (target >= 0) {
			await page.locator('body').press(String(target + 1));
			await expect(rejects.nth(target)).toBeChecked();
			decision.rejected = ids[target];
		}
		// Add a theme the model did not suggest (if it did suggest it, accept it).
		const add = page.getByRole('checkbox', { name: 'Time, cost and staffing' });
		if (await add.count()) {
			await add.check();
		} else {
			await page.getByRole('radio', { name: 'Accept Time, cost and staffing' }).check();
		}
		decisions.push(decision);
		await page.getByRole('button', { name: 'Save and go to the next answer' }).click();
		const saved = page.getByRole('alert').filter({ hasText: `Saved your decisions on the answer from response ${responseId}.` });
		await expect(saved).toBeVisible();
		// Focused as the page loads, so a screen reader reads it out.
		await expect(saved).toBeFocused();
		if (i === 0) await expect(page.getByRole('link', { name: 'Look at it again' })).toHaveAttribute('href', `?answer=${answer}`);
	}
	await expect(page.getByRole('status').first()).not.toHaveText(before!);
	expect(query<number>('SELECT count(*) FROM answer_review')).toBeGreaterThanOrEqual(10);

	// The analysis runs again while the server keeps serving.
	execFileSync('npx', ['tsx', 'scripts/consult.ts', 'analyse', '--db', 'tmp/e2e.db'], { stdio: 'pipe' });

	for (const d of decisions) {
		expect(query<string>(`SELECT decision FROM answer_theme WHERE answer_id = ? AND theme_id = 'resources' AND source = 'manual'`, d.answer)).toBe('accept');
		if (d.rejected) {
			expect(query<string>(`SELECT decision FROM answer_theme WHERE answer_id = ? AND theme_id = ? AND source = 'manual'`, d.answer, d.rejected)).toBe('reject');
			expect(query<number>(`SELECT count(*) FROM answer_theme_effective WHERE answer_id = ? AND theme_id = ?`, d.answer, d.rejected)).toBe(0);
		}
	}

	// The dashboard counts the analysts' decisions.
	const raised = query<number>(
		`SELECT count(DISTINCT a.respondent_id) FROM answer_theme_effective e JOIN answer a ON a.id = e.answer_id WHERE e.theme_id = 'resources'`
	);
	const base = query<number>('SELECT count(*) FROM respondent');
	await page.goto('/themes/resources');
	await expect(page.getByText(`${raised} of ${base} respondents raised this theme`)).toBeVisible();

	// And the audit log records who did it.
	const admin = await browser.newContext({ storageState: 'tmp/auth/admin.json' });
	const adminPage = await admin.newPage();
	await adminPage.goto('/audit?user=e2e-analyst&action=theme+added');
	const entry = adminPage.getByRole('row', { name: /e2e-analyst theme added/ }).first();
	await expect(entry).toBeVisible();
	// Its details read as words ("theme: consent"), not as the JSON they are stored in.
	await expect(entry).toContainText(/\w+: \S/);
	await expect(entry).not.toContainText('{"');
	await admin.close();
});

test('review shortcuts act only on the page or the decision form, and say what they did', async ({ page }) => {
	await page.goto('/review/q7');
	// Catch any submission and stop it, so this test saves nothing.
	await page.evaluate(() => {
		(window as unknown as { submitted: number }).submitted = 0;
		document.addEventListener('submit', (e) => {
			e.preventDefault();
			(window as unknown as { submitted: number }).submitted++;
		}, true);
	});
	const submitted = () => page.evaluate(() => (window as unknown as { submitted: number }).submitted);
	// S on a link is the link's, not "save".
	await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Review' }).focus();
	await page.keyboard.press('s');
	expect(await submitted()).toBe(0);
	// On the page itself it saves (stopped here).
	await page.getByRole('heading', { level: 1 }).click();
	await page.keyboard.press('s');
	expect(await submitted()).toBe(1);
	// A number switches a theme between accept and reject and says which.
	const rejects = page.getByRole('radio', { name: /^Reject/ });
	if (await rejects.count()) {
		await page.keyboard.press('1');
		await expect(page.locator('[aria-live="polite"]').filter({ hasText: /: (accept|reject)$/ })).toHaveCount(1);
	}
});

test('choices made on the review form before the page has loaded its script are kept', async ({ page }) => {
	// Hold the app's script back until the choices have been made (a slow laptop, a quick hand).
	const release = await holdScript(page);
	await page.goto('/review/q7', { waitUntil: 'commit' });
	const reject = page.getByRole('radio', { name: /^Reject/ }).first();
	await reject.check();
	const stance = page.getByLabel('Stance');
	const stances = await stance.locator('option').allTextContents();
	const before = await stance.inputValue();
	const pick = stances.find((s) => s !== before)!;
	await stance.selectOption(pick);
	const campaign = page.getByLabel(/^Part of a campaign/);
	const wasCampaign = await campaign.isChecked();
	await campaign.setChecked(!wasCampaign);
	release();
	await page.waitForLoadState('networkidle');
	await expect(reject).toBeChecked();
	await expect(stance).toHaveValue(pick);
	await expect(campaign).toBeChecked({ checked: !wasCampaign });
	// Unsaved, the choice does not carry over to the next answer's form: it shows that answer's own decisions.
	const current = (await page.getByRole('heading', { level: 2, name: /^Answer from response/ }).textContent())!.match(/R\d+/)![0];
	const next = page.getByRole('link', { name: /^Response R\d+$/ }).filter({ hasNotText: current }).first();
	const nextId = (await next.textContent())!.match(/R\d+/)![0];
	await next.click();
	await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Answer from response ${nextId}\\b`) })).toBeVisible();
	const rejected = query<number>(
		`SELECT count(*) FROM answer_theme m JOIN answer a ON a.id = m.answer_id JOIN respondent r ON r.id = a.respondent_id
		 WHERE r.response_id = ? AND a.question_id = 'q7' AND m.source = 'manual' AND m.decision = 'reject'`,
		nextId
	);
	await expect(page.getByRole('radio', { name: /^Reject/, checked: true })).toHaveCount(rejected);
	await expect(page.getByRole('radio', { name: /^Accept/, checked: false })).toHaveCount(rejected);
	// Every choice on the form is as this answer's data has it (the campaign box was ticked on the other answer).
	const form = page.locator('form[action="?/decide"]');
	const changed = await form.locator('input[type=radio], input[type=checkbox]').evaluateAll((els) => (els as HTMLInputElement[]).filter((e) => e.checked !== e.defaultChecked).map((e) => e.id));
	expect(changed).toEqual([]);
});

test("an analyst corrects a respondent's sector on the response's page, and the lists follow", async ({ page }) => {
	const ref = query<string>("SELECT response_id FROM respondent WHERE sector_given = 'education' AND sector_manual IS NULL AND EXISTS (SELECT 1 FROM answer a WHERE a.respondent_id = respondent.id) ORDER BY response_id LIMIT 1");
	await page.goto(`/responses/${ref}`);
	const form = page.getByRole('form', { name: 'Correct the sector' });
	await expect(form.getByLabel("Respondent's sector")).toHaveValue('education');
	await form.getByLabel("Respondent's sector").selectOption({ label: 'Police' });
	await form.getByRole('button', { name: 'Save the sector' }).click();
	await expect(page.getByRole('alert')).toContainText("The respondent's sector is now Police.");
	await expect(page.getByText('Corrected by an analyst')).toBeVisible();
	await page.goto('/responses?sector=police');
	await expect(page.getByRole('link', { name: new RegExp(`^Response ${ref}\\b`) }).first()).toBeVisible();
	// Taken back: the sector the respondent gave.
	await page.goto(`/responses/${ref}`);
	await form.getByLabel("Respondent's sector").selectOption({ label: 'Take the correction back: Education, as the respondent gave it' });
	await form.getByRole('button', { name: 'Save the sector' }).click();
	await expect(page.getByRole('alert')).toContainText("The respondent's sector is now Education.");
	await expect(page.getByText('Corrected by an analyst')).toHaveCount(0);
	expect(query<string>('SELECT sector FROM respondent WHERE response_id = ?', ref)).toBe('education');
	expect(query<string | null>('SELECT sector_manual FROM respondent WHERE response_id = ?', ref)).toBeNull();
});

test("the review form corrects a respondent's sector and takes the correction back", async ({ page }) => {
	const answer = query<number>(
		`SELECT a.id FROM answer a JOIN respondent r ON r.id = a.respondent_id
		 WHERE a.question_id = 'q5' AND r.sector_given = 'health' AND r.sector_manual IS NULL ORDER BY r.response_id DESC LIMIT 1`
	);
	const sectorOf = () => query<string>('SELECT r.sector || coalesce(\'/\' || r.sector_manual, \'\') FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.id = ?', answer);
	const sector = page.getByRole('combobox', { name: "Respondent's sector" });
	await page.goto(`/review/q5?answer=${answer}`);
	await expect(sector).toHaveValue('health');
	// Nothing to take back yet.
	await expect(sector.getByRole('option', { name: /^Take the correction back/ })).toHaveCount(0);
	await sector.selectOption({ label: 'Police' });
	await page.getByRole('button', { name: 'Save and go to the next answer' }).click();
	await expect(page).toHaveURL(new RegExp(`saved=${answer}`));
	expect(sectorOf()).toBe('police/police');
	await page.goto(`/review/q5?answer=${answer}`);
	await expect(sector).toHaveValue('police');
	await sector.selectOption({ label: 'Take the correction back: Health, as the respondent gave it' });
	await page.getByRole('button', { name: 'Save and go to the next answer' }).click();
	await expect(page).toHaveURL(new RegExp(`saved=${answer}`));
	expect(sectorOf()).toBe('health');
	await page.goto(`/review/q5?answer=${answer}`);
	await expect(sector).toHaveValue('health');
});

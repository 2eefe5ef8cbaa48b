// Journey: search for a phrase, read the matching answers, open a respondent.
import { expect, test } from '@playwright/test';
import { query } from './db';

test('search for a phrase and open a respondent', async ({ page }) => {
	await page.goto('/responses');
	await page.getByRole('searchbox', { name: 'Search the answers' }).fill('"two-tier approach"');
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/q=%22two-tier\+approach%22/);
	const n = query<number>(`SELECT count(*) FROM answer a WHERE a.id IN (SELECT rowid FROM answer_fts WHERE answer_fts MATCH '"two tier approach"')`);
	await expect(page.getByRole('status').filter({ hasText: 'Showing answers' })).toContainText(`of ${n}`);
	// What the filter is and how many answers it found are one message to a screen reader, not two.
	await expect(page.getByRole('status')).toHaveCount(1);
	await expect(page.getByRole('status')).toContainText('two-tier approach');
	const first = page.getByRole('article').first();
	await expect(first).toContainText(/two-tier approach/i);
	const link = first.getByRole('link', { name: /^Response / });
	const ref = (await link.textContent())!.replace('Response ', '');
	await link.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Response ${ref}`);
	await expect(page.getByRole('heading', { name: 'Answers' })).toBeVisible();
});

test('a confidential respondent is badged and their organisation withheld', async ({ page }) => {
	const ref = query<string>('SELECT response_id FROM respondent WHERE confidential = 1 AND organisation IS NOT NULL ORDER BY response_id LIMIT 1');
	const org = query<string>('SELECT organisation FROM respondent WHERE response_id = ?', ref);
	await page.goto(`/responses/${ref}`);
	await expect(page.getByRole('region', { name: 'Confidential' })).toBeVisible();
	await expect(page.getByText('Withheld (confidential)')).toBeVisible();
	await expect(page.locator('main')).not.toContainText(org);
});

test('an answer says why it has each theme: the words that made it fire, highlighted in the text', async ({ page }) => {
	// The first automatic tag whose evidence has a codeframe term, from a respondent who did not ask for confidentiality.
	const [ref, label, term] = query<string>(
		`SELECT r.response_id || char(9) || t.label || char(9) || json_extract(e.evidence_json, '$.s[0][3]')
		 FROM answer_theme e JOIN answer a ON a.id = e.answer_id JOIN respondent r ON r.id = a.respondent_id JOIN theme t ON t.id = e.theme_id
		 WHERE e.source = 'auto' AND json_extract(e.evidence_json, '$.s[0][2]') = 0 AND r.confidential = 0
		   AND instr(lower(a.text_redacted), lower(json_extract(e.evidence_json, '$.s[0][3]'))) > 0
		 ORDER BY a.id LIMIT 1`
	).split('\t');
	await page.goto(`/responses/${encodeURIComponent(ref)}`);
	const theme = page.getByRole('list', { name: 'Themes' }).getByRole('listitem').filter({ hasText: label }).first();
	await expect(theme).toContainText(`because of: “${term}”`);
	await expect(page.locator('mark', { hasText: new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i') }).first()).toBeVisible();
});

test("in a list of answers a confidential respondent's words are folded away, with what they may be used for", async ({ page }) => {
	const answer = query<number>(
		`SELECT a.id FROM answer a JOIN respondent r ON r.id = a.respondent_id
		 WHERE r.confidential = 1 AND length(a.text) > 100 ORDER BY r.response_id, a.question_id LIMIT 1`
	);
	const ref = query<string>('SELECT r.response_id FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE a.id = ?', answer);
	const text = query<string>('SELECT coalesce(text_redacted, text) FROM answer WHERE id = ?', answer);
	// Five words in a row from the answer (letters only), searched as a phrase, find it.
	const words = text.split(/\s+/);
	const start = words.findIndex((_, i) => words.slice(i, i + 5).length === 5 && words.slice(i, i + 5).every((w) => /^[A-Za-z]+$/.test(w)));
	const phrase = words.slice(start, start + 5).join(' ');
	await page.goto(`/responses?q=${encodeURIComponent(`"${phrase}"`)}`);
	const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: new RegExp(`^Response ${ref}\\b`) }) }).first();
	await expect(card).toBeVisible();
	await expect(card.getByText(phrase)).toBeHidden();
	await card.getByText('Show the answer: this respondent asked for confidentiality, so read it for analysis only and do not quote it').click();
	await expect(card.getByText(phrase)).toBeVisible();
	// Their own response page, which says they asked for confidentiality, shows the answer open.
	await page.goto(`/responses/${ref}`);
	await expect(page.getByText(phrase).first()).toBeVisible();
});

// The summary of responses: a Word document that opens (read back as a zip), one heading per question, charts
// embedded with alt text, small counts suppressed, and no confidential respondent's words.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentOf } from '../../src/lib/format';
import { choicesTable } from '../../src/lib/server/charts';
import { buildFilter } from '../../src/lib/server/filters';
import { annexWithheld, combineSmall, COMBINED, findingsBlocks, publish, reportData, reviewSentence, SUPPRESSED } from '../../src/lib/server/report/data';
import { reportDocx } from '../../src/lib/server/report/docx';
import { openDb, type DB } from '../../src/lib/server/db/client';
import { quotes } from '../../src/lib/server/db/questions';
import { bundledDb } from '../helpers/bundle';

let db: DB;
let path: string;
let cleanup: () => void;
let xml: string;
let zip: JSZip;
beforeAll(async () => {
	({ db, path, cleanup } = await bundledDb());
	zip = await JSZip.loadAsync(await reportDocx(reportData(db)));
	xml = await zip.file('word/document.xml')!.async('string');
});
afterAll(() => cleanup());

const text = (x: string) => x.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

describe('the Word report', () => {
	it('lays the typed key findings out as paragraphs and bulleted lists, without tabs or empty paragraphs', async () => {
		const typed = 'Two points stood out:\r\n\r\n- consent\twas raised most\n*  by health bodies\n\nOverall, mixed.\n• last';
		expect(findingsBlocks(typed)).toEqual([{ text: 'Two points stood out:' }, { items: ['consent was raised most', 'by health bodies'] }, { text: 'Overall, mixed.' }, { items: ['last'] }]);
		expect(findingsBlocks('-\n- \n-5% fewer')).toEqual([{ text: '-' }, { text: '-' }, { items: ['5% fewer'] }]);
		const data = reportData(db);
		data.questions[0] = { ...data.questions[0], findingsBlocks: findingsBlocks(typed) };
		const doc = await (await JSZip.loadAsync(await reportDocx(data))).file('word/document.xml')!.async('string');
		const bullets = [...doc.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:numPr>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => text(m[0]));
		// The typed bullets, then the annex's list of organisations.
		const organisations = data.annex.organisations.map((o) => o.shown);
		expect(bullets).toEqual(['consent was raised most', 'by health bodies', 'last', ...organisations]);
		expect(doc).not.toContain('\t');
	});
	it('says which answers were campaign copies, under their question and in the account of the method', () => {
		const c = db.prepare('SELECT question_id AS question, count(*) AS answers, count(DISTINCT respondent_id) AS respondents FROM answer WHERE campaign_id IS NOT NULL GROUP BY 1').all() as { question: string; answers: number; respondents: number }[];
		expect(c.length).toBe(1);
		const body = text(xml);
		expect(body).toContain(`${c[0].answers} of these answers were copies of one text sent by several respondents (a campaign); they are counted like any other answer.`);
		expect(body).toContain(`It found 1 campaign, with ${c[0].answers} answers from ${c[0].respondents} respondents.`);
		// Only under the question that had one.
		expect(body.match(/\(a campaign\)/g)).toHaveLength(1);
	});
	it('gives each closed question\'s counts with their base, names the sectors combined, and says how far people checked the themes', () => {
		const data = reportData(db);
		const body = text(xml);
		for (const q of data.questions.filter((x) => x.type === 'closed')) {
			const chose = db.prepare('SELECT count(DISTINCT respondent_id) FROM answer WHERE question_id = ? AND choice IS NOT NULL').pluck().get(q.id) as number;
			expect(q.chose, q.id).toBe(chose);
			const first = q.overall[0];
			expect(body).toContain(`Of the ${chose} who chose an answer, ${first.count} (${first.percent}%) chose ${first.option}`);
			if (q.combined.length) expect(body).toContain(`${COMBINED}: ${q.combined.join(', ')}.`);
		}
		expect(data.questions.some((q) => q.combined.length)).toBe(true);
		// The bundle has no review decisions: the method says so plainly, not "0 of 1,467 (0%)".
		expect(body).toContain('No analyst has yet reviewed the themes the automated analysis gave the');
		expect(body).not.toMatch(/\b0 of [\d,]+ written answers/);
		expect(body).toContain(data.texts.inferred);
		expect(data.texts.inferred).toMatch(/^\d+ of the \d+ respondents gave no sector/);
	});
	it('quotes one answer for each of the themes raised most, from different respondents, and says when a quote is a campaign text', () => {
		const data = reportData(db);
		for (const q of data.questions) {
			const themes = q.quotes.map((x) => x.who.replace(/^.* respondent, on /, '').replace(/;.*$/, ''));
			expect(new Set(themes).size, q.id).toBe(themes.length);
			for (const t of themes) expect(q.themes.map((x) => x.label.toLowerCase()), q.id).toContain(t);
		}
		// A campaign's text, when it is the quote chosen for a theme, says it was sent by many. Here only the campaign's
		// quotes are left for its question (in a transaction rolled back), so they are the ones chosen.
		const { question, size } = db.prepare('SELECT question_id AS question, size FROM campaign ORDER BY size DESC LIMIT 1').get() as { question: string; size: number };
		const rw = openDb(path);
		try {
			rw.exec('BEGIN');
			rw.prepare('DELETE FROM quote WHERE answer_id IN (SELECT id FROM answer WHERE question_id = ? AND campaign_id IS NULL)').run(question);
			const quoted = reportData(rw).questions.find((q) => q.id === question)!.quotes;
			expect(quoted.length).toBeGreaterThan(0);
			expect(quoted[0].who).toContain(`; a campaign text sent by ${size} respondents`);
		} finally {
			rw.exec('ROLLBACK');
			rw.close();
		}
		// Ties at the sixth place are kept.
		for (const q of data.questions) if (q.themes.length > 6) expect(q.themes[6].respondents, q.id).toBe(q.themes[5].respondents);
	});
	it('names in an annex the organisations that responded, A to Z, never a confidential one, an individual or a name that may be a person\'s', () => {
		const { annex } = reportData(db);
		const body = text(xml);
		expect(body).toContain('Annex: organisations that responded');
		expect(body).toContain(annex.text);
		const named = db.prepare("SELECT count(*) FROM respondent WHERE respondent_type = 'organisation' AND confidential = 0").pluck().get() as number;
		expect(annex.named).toBe(named);
		expect(annex.text).toMatch(/^We received responses from the \d+ organisations listed below\. We have not named organisations that asked for their response to be kept confidential \(\d+ responses\) or the \d+ people who responded as individuals\.$/);
		for (const o of annex.organisations) expect(body).toContain(o.shown);
		// A to Z, a leading "The" aside; not by sector (an inferred sector would be published as theirs).
		const key = (n: string) => n.replace(/^The /, '').toLowerCase();
		const names = annex.organisations.map((o) => key(o.name));
		expect(names).toEqual([...names].sort());
		const hidden = db.prepare("SELECT organisation FROM respondent WHERE organisation IS NOT NULL AND (confidential = 1 OR respondent_type = 'individual')").pluck().all() as string[];
		expect(hidden.length).toBeGreaterThan(0);
		const listed = new Set(annex.organisations.map((o) => o.name.toLowerCase()));
		for (const h of hidden) expect(listed.has(h.trim().toLowerCase()), h).toBe(false);
		// One organisation written several ways (letter case, spaces, a curly apostrophe, or matched to the organisation
		// list under another name) is listed once with all its responses; a name that may be a person's, and a blank
		// one, are counted, not named; so is a respondent who did not say what they were.
		const { abbreviation, name: listName } = db.prepare('SELECT abbreviation, name FROM organisation WHERE abbreviation IS NOT NULL AND abbreviation <> name ORDER BY name LIMIT 1').get() as { abbreviation: string; name: string };
		const rw = openDb(path);
		try {
			rw.exec('BEGIN');
			const add = rw.prepare("INSERT INTO respondent (response_id, respondent_type, name, organisation, known_organisation, sector, confidential, row_hash) VALUES (?, ?, ?, ?, ?, ?, 0, 'x')");
			add.run('T-1', 'organisation', null, 'Zeta’s Trust', null, 'health');
			add.run('T-2', 'organisation', null, " zeta's  trust ", null, 'police');
			add.run('T-3', 'organisation', null, "ZETA'S TRUST", null, 'police');
			add.run('T-4', 'organisation', null, 'Some other spelling of it', abbreviation, 'education');
			add.run('T-5', null, null, 'Unsaid Org', null, 'health');
			add.run('T-6', 'organisation', null, 'Dr Jane Smith', null, 'other');
			add.run('T-7', 'organisation', 'Kofi Mensah', 'Kofi Mensah Consulting', null, 'other');
			add.run('T-8', 'organisation', null, '   ', null, 'other');
			// From a code review: a person's name, address or number typed as the organisation.
			add.run('T-9', 'organisation', 'Mrs Alison Greenhalgh', 'Alison Greenhalgh', null, 'other');
			add.run('T-10', 'organisation', null, 'peter.brown@example.com', null, 'other');
			add.run('T-11', 'organisation', null, '07700 900123', null, 'other');
			add.run('T-12', 'organisation', null, '\u00a0Dr Sam Patel', null, 'other');
			add.run('T-13', 'organisation', null, 'Lord Ashworth', null, 'other');
			// Only the redaction of personal data sees this one as a person.
			add.run('T-14', 'organisation', null, 'Jane Doe', null, 'other');
			const a = reportData(rw).annex;
			const zeta = a.organisations.filter((o) => /zeta/i.test(o.name));
			expect(zeta.map((o) => [o.responses, o.shown.replace(/^.*\(/, '(')])).toEqual([[3, '(3 responses)']]);
			expect(a.organisations.filter((o) => o.name === `${listName} (${abbreviation})`).map((o) => o.responses)).toEqual([
				(db.prepare("SELECT count(*) FROM respondent WHERE known_organisation = ? AND respondent_type = 'organisation' AND confidential = 0").pluck().get(abbreviation) as number) + 1
			]);
			for (const gone of ['Some other spelling of it', 'Unsaid Org', 'Dr Jane Smith', 'Kofi Mensah Consulting', 'Alison Greenhalgh', 'peter.brown@example.com', '07700 900123', 'Dr Sam Patel', 'Lord Ashworth', 'Jane Doe'])
				expect(a.organisations.some((o) => o.name.includes(gone)), gone).toBe(false);
			expect(a).toMatchObject({ unstated: 1, maybePerson: 8, noName: 1 });
			expect(a.text).toContain("organisations that gave no name (1), organisations whose name may be a person's (8)");
			expect(annexWithheld(rw).map((w) => w.responseId)).toEqual(['T-10', 'T-11', 'T-12', 'T-13', 'T-14', 'T-6', 'T-7', 'T-9']);
			expect(a.text).toContain('or the 1 respondent who did not say whether they responded for an organisation.');
		} finally {
			rw.exec('ROLLBACK');
			rw.close();
		}
	});
	it('quotes children and young people from different settings, never a comment that needed personal details removed', () => {
		const data = reportData(db);
		const redacted = new Set(db.prepare('SELECT comment FROM cyp_feedback WHERE comment_redacted <> comment').pluck().all() as string[]);
		expect(redacted.size).toBeGreaterThan(0);
		expect(data.children.quotes.length).toBe(4);
		for (const q of data.children.quotes) expect(redacted.has(q)).toBe(false);
		const settings = data.children.quotes.map((q) => db.prepare('SELECT setting FROM cyp_feedback WHERE comment = ?').pluck().get(q));
		expect(new Set(settings).size).toBe(settings.length);
	});
	it('is set in British English and captions its tables', async () => {
		expect(await zip.file('word/styles.xml')!.async('string')).toContain('w:lang w:val="en-GB"');
		expect(text(xml)).toContain('Table: responses by sector');
	});
	it('is a valid docx package', () => {
		expect(zip.file('[Content_Types].xml')).toBeTruthy();
		expect(zip.file('word/document.xml')).toBeTruthy();
	});
	it('has one Word heading per question, so the navigation pane works', () => {
		const headings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => text(m[0]));
		for (const q of ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8']) expect(headings.filter((h) => h.startsWith(`${q}:`))).toHaveLength(1);
		expect(headings).toContain('How the responses were analysed');
	});
	it('embeds the charts as PNG images with alt text, and real tables', async () => {
		const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
		expect(media.length).toBeGreaterThanOrEqual(6);
		const png = await zip.file(media[0])!.async('uint8array');
		expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
		expect(xml).toMatch(/<wp:docPr [^>]*descr="[^"]+"/);
		expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThan(8);
	});
	it('uses the same numbers as the dashboard', () => {
		const n = db.prepare('SELECT count(*) FROM respondent').pluck().get() as number;
		expect(text(xml)).toContain(`There were ${n} written responses`);
		const q5 = db.prepare("SELECT count(DISTINCT respondent_id) FROM answer WHERE question_id = 'q5'").pluck().get() as number;
		expect(text(xml)).toContain(`${q5} respondents answered this question`);
		const attendees = db.prepare('SELECT sum(attendees) FROM event').pluck().get() as number;
		expect(text(xml)).toContain(`events attended by ${attendees.toLocaleString('en-GB')} people`);
		// The print version opens with the same sentence.
		expect(text(xml)).toContain(reportData(db).gathered);
	});
	it('lists the same words once where quotes chosen for different sectors or themes repeat them', () => {
		const rw = openDb(path);
		try {
			const all = buildFilter(rw, new URLSearchParams());
			const first = quotes(rw, all, { question: 'q2', limit: 6 })[0];
			// Another respondent in another sector sent the same words, quoted for that sector (in capitals, as a copy may be).
			const other = rw
				.prepare(
					`SELECT a.id, r.sector FROM answer a JOIN respondent r ON r.id = a.respondent_id
					 WHERE a.question_id = 'q2' AND r.confidential = 0 AND r.sector IS NOT NULL AND r.sector <> ? LIMIT 1`
				)
				.get(first.sector) as { id: number; sector: string };
			rw.exec('BEGIN');
			try {
				rw.prepare('DELETE FROM quote WHERE theme_id = ? AND sector = ? AND rank = 1').run(first.theme, other.sector);
				rw.prepare('INSERT INTO quote (theme_id, sector, answer_id, rank, text) VALUES (?, ?, ?, 1, ?)').run(first.theme, other.sector, other.id, first.text.toUpperCase());
				const listed = quotes(rw, all, { question: 'q2', limit: 6 });
				const same = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
				expect(listed.filter((q) => same(q.text) === same(first.text))).toHaveLength(1);
				expect(listed).toHaveLength(6);
				expect(new Set(listed.map((q) => same(q.text))).size).toBe(listed.length);
			} finally {
				rw.exec('ROLLBACK');
			}
		} finally {
			rw.close();
		}
	});
	it('quotes as many different respondents as it can before quoting one twice', () => {
		let checked = 0;
		for (const filter of ['', 'sector=health', 'sector=education', 'sector=social-care', 'body=RCN']) {
			const f = buildFilter(db, new URLSearchParams(filter));
			for (const q of ['q1', 'q2', 'q5', 'q7']) {
				const listed = quotes(db, f, { question: q, limit: 6 });
				const people = new Set(listed.map((x) => x.responseId));
				const available = db
					.prepare(
						`SELECT count(DISTINCT r.id) FROM quote qu JOIN answer a ON a.id = qu.answer_id JOIN respondent r ON r.id = a.respondent_id
						 WHERE a.question_id = ? AND r.confidential = 0 AND ${f.where}`
					)
					.pluck()
					.get(q, ...f.params) as number;
				expect(people.size, `${q} ${filter}`).toBe(Math.min(listed.length, available));
				checked++;
			}
		}
		expect(checked).toBe(20);
	});
	it('quotes no confidential respondent and carries the sample-data notice', () => {
		const confidential = db.prepare("SELECT text_redacted FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE r.confidential = 1 AND length(text_redacted) > 80").pluck().all() as string[];
		for (const t of confidential) expect(text(xml)).not.toContain(t.slice(0, 60));
		expect(text(xml)).toContain('illustrative sample data');
	});
	it('rounds each percentage once, from the counts, as the dashboard does', () => {
		const data = reportData(db);
		const all = buildFilter(db, new URLSearchParams());
		let twiceWouldDiffer = 0;
		for (const q of data.questions.filter((x) => x.type === 'closed')) {
			const rows = choicesTable(db, all, q.id).rows;
			const [, total, ...cells] = rows[0];
			q.options.forEach((_, i) => expect(q.overall[i].percent).toBe(percentOf(cells[2 * i] as number, total as number)));
			for (const row of rows.slice(1)) {
				const [label, base, ...counts] = row as [string, number, ...number[]];
				const shown = q.bySector.find((s) => s.sector === label);
				if (!shown) continue; // combined with other small sectors
				q.options.forEach((_, i) => {
					expect(shown.percents[i]).toBe(`${Math.round((100 * counts[2 * i]) / base)}%`);
					// The table's one-decimal percentage, rounded again, can land on the other side (43 of 46: 93.5, then 94).
					if (Math.round(counts[2 * i + 1]) !== Math.round((100 * counts[2 * i]) / base)) twiceWouldDiffer++;
				});
			}
		}
		expect(twiceWouldDiffer).toBeGreaterThan(0);
		expect([percentOf(23, 40), percentOf(43, 46), percentOf(1, 8), percentOf(0, 0)]).toEqual([58, 93, 13, 0]);
	});
	it('combines sectors of fewer than 5 into one row, topped up until it is 5 or more, so none can be worked out from the total', () => {
		const g = (label: string, base: number, counts: number[] = []) => ({ label, base, counts });
		expect(combineSmall([g('a', 9, [5, 4]), g('b', 6, [6, 0])])).toEqual([g('a', 9, [5, 4]), g('b', 6, [6, 0])]);
		expect(combineSmall([g('a', 9, [5, 4]), g('b', 3, [1, 2]), g('c', 4, [4, 0])])).toEqual([g('a', 9, [5, 4]), g(COMBINED, 7, [5, 2])]);
		// 2 + 1 is still under 5: the smallest other sector (6) joins them.
		expect(combineSmall([g('a', 9, [5, 4]), g('b', 6, [6, 0]), g('c', 2, [1, 1]), g('d', 1, [0, 1])])).toEqual([g('a', 9, [5, 4]), g(COMBINED, 9, [7, 2])]);
		const data = reportData(db);
		const n = db.prepare('SELECT count(*) FROM respondent').pluck().get() as number;
		expect(data.bySector.every((s) => Number(s.count) >= 5 || s.count === '0')).toBe(true);
		expect(data.bySector.reduce((a, s) => a + Number(s.count), 0)).toBe(n);
		for (const q of data.questions.filter((x) => x.type === 'closed')) {
			expect(q.bySector.every((s) => Number(s.n) >= 5 || s.n === '0'), q.id).toBe(true);
			expect(q.bySector.reduce((a, s) => a + Number(s.n), 0), q.id).toBe(q.overall.reduce((a, o) => a + o.count, 0));
			// The charts' text alternative lists counts only for groups of 5 or more.
			for (const row of q.stackRows) expect(Object.values(row.counts).reduce((a, c) => a + c, 0)).toBeGreaterThanOrEqual(5);
		}
		expect(data.questions.some((q) => q.bySector.some((s) => s.sector === COMBINED))).toBe(true);
	});
	it('shows small counts as "fewer than 5"', () => {
		expect(publish(0)).toBe('0');
		expect(publish(3)).toBe(SUPPRESSED);
		expect(publish(5)).toBe('5');
		expect(text(xml)).toContain('fewer than 5');
	});
});

describe('the command line report', () => {
	it('writes the same Word document with `report --format docx --out FILE`', async () => {
		const { execFileSync } = await import('node:child_process');
		const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const { join } = await import('node:path');
		const dir = mkdtempSync(join(tmpdir(), 'consult-lens-report-'));
		try {
			const out = join(dir, 'summary.docx');
			execFileSync('npx', ['tsx', 'scripts/consult.ts', 'report', '--format', 'docx', '--out', out, '--db', db.name], { stdio: 'pipe' });
			const fromCli = await JSZip.loadAsync(readFileSync(out));
			const cliXml = await fromCli.file('word/document.xml')!.async('string');
			expect(text(cliXml)).toBe(text(xml));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);
});

describe('the account of how far analysts reviewed the themes', () => {
	it('calls the theme counts estimates until every answer is reviewed, and never says a few reviewed are 0%', () => {
		expect(reviewSentence({ reviewed: 1, answersWithText: 1467, manualDecisions: 2 })).toBe(
			"Analysts reviewed 1 of the 1,467 written answers (less than 1%), making 2 decisions on their themes; the themes of the rest are the automated analysis's alone, so the theme counts in this summary are best read as estimates."
		);
		expect(reviewSentence({ reviewed: 1466, answersWithText: 1467, manualDecisions: 1500 })).toContain('(more than 99%)');
		expect(reviewSentence({ reviewed: 1467, answersWithText: 1467, manualDecisions: 1500 })).toMatch(/\(100%\).*every theme was checked\.$/);
	});
});

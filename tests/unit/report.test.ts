// The summary of responses: a Word document that opens (read back as a zip), one heading per question, charts
// embedded with alt text, small counts suppressed, and no confidential respondent's words.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, reportData, SUPPRESSED } from '../../src/lib/server/report/data';
import { reportDocx } from '../../src/lib/server/report/docx';
import type { DB } from '../../src/lib/server/db/client';
import { bundledDb } from '../helpers/bundle';

let db: DB;
let cleanup: () => void;
let xml: string;
let zip: JSZip;
beforeAll(async () => {
	({ db, cleanup } = await bundledDb());
	zip = await JSZip.loadAsync(await reportDocx(reportData(db)));
	xml = await zip.file('word/document.xml')!.async('string');
});
afterAll(() => cleanup());

const text = (x: string) => x.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

describe('the Word report', () => {
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
	});
	it('quotes no confidential respondent and carries the sample-data notice', () => {
		const confidential = db.prepare("SELECT text_redacted FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE r.confidential = 1 AND length(text_redacted) > 80").pluck().all() as string[];
		for (const t of confidential) expect(text(xml)).not.toContain(t.slice(0, 60));
		expect(text(xml)).toContain('illustrative sample data');
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

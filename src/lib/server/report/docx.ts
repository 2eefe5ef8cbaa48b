// The summary of responses as a Word document: real headings (navigation pane), real tables, charts as PNG with
// alt text, and the illustrative-data notice in the footer when the data are sample data.
import {
	AlignmentType,
	Document,
	Footer,
	HeadingLevel,
	ImageRun,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type FileChild
} from 'docx';
import { renderBarsPng, renderStackedPng } from '../../report/chart-png';
import { colourFor } from '../../charts/StackedBars/chart';
import { formatDate, formatNumber } from '../../format';
import { COMBINED, type FindingsBlock, type ReportData } from './data';

// The same colours as the charts on screen, so the Word charts pass the same contrast checks.
/** Each answer's colour, as the dashboard's chart of the question draws it. */
const choiceColours = (options: string[]): Record<string, string> => Object.fromEntries(options.map((o, i) => [o, colourFor(o, i, options).fill]));

function para(text: string, options: { italic?: boolean; bold?: boolean } = {}): Paragraph {
	return new Paragraph({ children: [new TextRun({ text, italics: options.italic, bold: options.bold })], spacing: { after: 120 } });
}

/** Text analysts wrote: paragraphs, and bulleted lists as Word lists. */
function blocks(list: FindingsBlock[]): Paragraph[] {
	return list.flatMap((b) => (b.items ? b.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 }, spacing: { after: 60 } })) : [para(b.text)]));
}

/** A table's title, above it, in Word's caption style (so that a list of tables can be made from them). */
function caption(text: string): Paragraph {
	return new Paragraph({ text, style: 'Caption', spacing: { before: 120, after: 60 }, keepNext: true });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
	return new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });
}

function table(header: string[], rows: string[][]): Table {
	const cell = (text: string, bold = false, right = false) =>
		new TableCell({ children: [new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold })] })] });
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, i > 0)) }),
			...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, i > 0)) }))
		]
	});
}

/** A PNG chart at 15 cm wide, keeping the image's proportions, with alt text. */
function chart(png: Buffer, title: string, description: string): Paragraph {
	const width = png.readUInt32BE(16);
	const height = png.readUInt32BE(20);
	const shownWidth = 600;
	return new Paragraph({
		children: [
			new ImageRun({
				type: 'png',
				data: png,
				transformation: { width: shownWidth, height: Math.round((shownWidth * height) / width) },
				altText: { name: title, title, description }
			})
		],
		spacing: { after: 120 }
	});
}

export function reportChildren(r: ReportData): FileChild[] {
	const out: FileChild[] = [];
	out.push(new Paragraph({ text: `${r.shortTitle}: summary of responses`, heading: HeadingLevel.TITLE }));
	if (r.illustrative && r.notice) out.push(para(r.notice, { italic: true }));

	out.push(heading('Introduction', HeadingLevel.HEADING_1));
	out.push(para(r.texts.introduction));
	out.push(para(r.gathered));

	if (r.summary.length) {
		out.push(heading('Summary of the main findings', HeadingLevel.HEADING_1));
		out.push(...blocks(r.summary));
	}

	out.push(heading('Who responded', HeadingLevel.HEADING_1));
	out.push(caption('Table: responses by type of respondent'));
	out.push(table(['Respondent type', 'Responses'], r.byType.map((t) => [t.label, String(t.count)])));
	out.push(caption('Table: responses by sector'));
	out.push(table(['Sector', 'Responses', 'Percentage'], r.bySector.map((s) => [s.label, s.count, s.percent])));
	if (r.texts.inferred) out.push(para(r.texts.inferred));
	out.push(para('Sectors with fewer than 5 respondents are combined into one row; while that row has fewer than 5, the next smallest sector joins it, so that no group of fewer than 5 is shown or can be worked out from the total.', { italic: true }));

	for (const q of r.questions) {
		out.push(heading(`${q.id.toUpperCase()}: ${q.text}`, HeadingLevel.HEADING_1));
		out.push(para([q.summary, q.campaignText].filter(Boolean).join(' ')));
		if (q.findingsBlocks.length) {
			out.push(heading('Key findings', HeadingLevel.HEADING_2));
			out.push(...blocks(q.findingsBlocks));
		}
		if (q.type === 'closed' && q.bySector.length) {
			out.push(heading('Answers by sector', HeadingLevel.HEADING_2));
			out.push(caption(`Table: ${q.id.toUpperCase()}, answers by sector (percentages of those in the sector who chose an answer)`));
			out.push(table(['Sector', 'Answered', ...q.options], q.bySector.map((s) => [s.sector, s.n, ...s.percents])));
			if (q.combined.length) out.push(para(`${COMBINED}: ${q.combined.join(', ')}.`, { italic: true }));
			if (q.includeCharts && q.stackRows.length) {
				const title = `${q.id.toUpperCase()}: answers by sector`;
				out.push(
					chart(
						renderStackedPng({ title, categories: q.options, colours: choiceColours(q.options), rows: q.stackRows, source: 'Source: written responses; sectors with under 5 answers combined.' }),
						title,
						q.stackRows.map((s) => `${s.label}: ${q.options.map((o) => `${o} ${s.counts[o] ?? 0}`).join(', ')}`).join('; ')
					)
				);
			}
		}
		if (q.themes.length) {
			out.push(heading('Main themes', HeadingLevel.HEADING_2));
			out.push(caption(`Table: ${q.id.toUpperCase()}, the themes raised by most respondents`));
			out.push(table(['Theme', 'Respondents raising it', `Percentage of the ${formatNumber(q.answered)} who answered`], q.themes.map((t) => [t.label, String(t.respondents), `${t.percent}%`])));
			if (q.includeCharts) {
				const title = `${q.id.toUpperCase()}: main themes raised`;
				out.push(chart(renderBarsPng({ title, bars: q.themes.map((t) => ({ label: t.label, value: t.respondents, colour: '#1d70b8' })), source: 'Source: written responses; respondents raising each theme.' }), title, q.themes.map((t) => `${t.label}: ${t.respondents}`).join('; ')));
			}
		}
		if (q.quotes.length) {
			out.push(heading('What respondents said', HeadingLevel.HEADING_2));
			for (const quote of q.quotes) out.push(new Paragraph({ children: [new TextRun({ text: `“${quote.text}” `, italics: true }), new TextRun({ text: `(${quote.who})` })], indent: { left: 400 }, spacing: { after: 120 } }));
		}
	}

	// A consultation without events, or without children's comments, has no section for them.
	if (r.events.length) {
		out.push(heading('Events', HeadingLevel.HEADING_1));
		out.push(caption('Table: the events'));
		out.push(table(['Event', 'Date', 'Attendees', 'Evaluation forms'], r.events.map((e) => [e.title, formatDate(e.date), String(e.attendees), String(e.forms)])));
		if (r.texts.events) out.push(para(r.texts.events));
	}

	if (r.children.total) {
		out.push(heading("Children and young people's views", HeadingLevel.HEADING_1));
		out.push(para(r.texts.children));
		for (const q of r.children.quotes) out.push(new Paragraph({ children: [new TextRun({ text: `“${q}”`, italics: true })], indent: { left: 400 }, spacing: { after: 120 } }));
	}

	if (r.nextSteps.length) {
		out.push(heading('Next steps', HeadingLevel.HEADING_1));
		out.push(...blocks(r.nextSteps));
	}

	out.push(heading('How the responses were analysed', HeadingLevel.HEADING_1));
	for (const text of r.texts.method) out.push(para(text));

	// The annex starts a page of its own.
	out.push(new Paragraph({ text: 'Annex: organisations that responded', heading: HeadingLevel.HEADING_1, pageBreakBefore: true, spacing: { after: 120 } }));
	out.push(para(r.annex.text));
	for (const o of r.annex.organisations) out.push(new Paragraph({ text: o.shown, bullet: { level: 0 }, spacing: { after: 40 } }));
	if (r.illustrative && r.notice) out.push(para(r.notice, { italic: true }));
	return out;
}

export async function reportDocx(r: ReportData): Promise<Buffer> {
	const footer = r.illustrative ? new Footer({ children: [new Paragraph({ children: [new TextRun({ text: 'Illustrative sample data: not the real consultation responses.', size: 16 })] })] }) : undefined;
	const doc = new Document({
		creator: 'consult-lens',
		title: `${r.shortTitle}: summary of responses`,
		description: 'Summary of responses to the consultation',
		// The language set on every run, so that screen readers and spelling checks read it as British English.
		styles: { default: { document: { run: { font: 'Arial', size: 22, language: { value: 'en-GB' } } } } },
		sections: [{ footers: footer ? { default: footer } : undefined, children: reportChildren(r) }]
	});
	return Packer.toBuffer(doc);
}

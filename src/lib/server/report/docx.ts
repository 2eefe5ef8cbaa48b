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
import { formatDate, formatNumber, percentOf } from '../../format';
import type { ReportData } from './data';

// The same colours as the charts on screen, so the Word charts pass the same contrast checks.
/** Each answer's colour, as the dashboard's chart of the question draws it. */
const choiceColours = (options: string[]): Record<string, string> => Object.fromEntries(options.map((o, i) => [o, colourFor(o, i, options).fill]));

function para(text: string, options: { italic?: boolean; bold?: boolean } = {}): Paragraph {
	return new Paragraph({ children: [new TextRun({ text, italics: options.italic, bold: options.bold })], spacing: { after: 120 } });
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
	out.push(para(`${r.title}. The consultation ran from ${formatDate(r.opens)} to ${formatDate(r.closes)}.`));
	out.push(para(r.gathered));

	out.push(heading('Who responded', HeadingLevel.HEADING_1));
	out.push(table(['Respondent type', 'Responses'], r.byType.map((t) => [t.label, String(t.count)])));
	out.push(para(''));
	out.push(table(['Sector', 'Responses', 'Percentage'], r.bySector.map((s) => [s.label, s.count, s.percent])));
	out.push(para('Sectors with fewer than 5 respondents are combined into one row; while that row has fewer than 5, the next smallest sector joins it, so that no group of fewer than 5 is shown or can be worked out from the total.', { italic: true }));

	for (const q of r.questions) {
		out.push(heading(`${q.id.toUpperCase()}: ${q.text}`, HeadingLevel.HEADING_1));
		const summary =
			q.type === 'closed'
				? `${formatNumber(q.answered)} respondents answered this question: ${q.overall.map((o) => `${o.percent}% ${o.option}`).join(', ')} (percentages of those who chose an answer).`
				: `${formatNumber(q.answered)} respondents answered this question.`;
		out.push(para([summary, q.campaignText].filter(Boolean).join(' ')));
		if (q.findingsBlocks.length) {
			out.push(heading('Key findings', HeadingLevel.HEADING_2));
			for (const b of q.findingsBlocks) {
				if (b.items) for (const item of b.items) out.push(new Paragraph({ text: item, bullet: { level: 0 }, spacing: { after: 60 } }));
				else out.push(para(b.text));
			}
		}
		if (q.type === 'closed' && q.bySector.length) {
			out.push(table(['Sector', 'Answered', ...q.options], q.bySector.map((s) => [s.sector, s.n, ...s.percents])));
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
			out.push(table(['Theme', 'Respondents raising it', 'Percentage of those answering'], q.themes.map((t) => [t.label, String(t.respondents), `${t.percent}%`])));
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
		out.push(table(['Event', 'Date', 'Attendees', 'Evaluation forms'], r.events.map((e) => [e.title, formatDate(e.date), String(e.attendees), String(e.forms)])));
		if (r.eventThemes.length) out.push(para(`The themes raised most often at the events were: ${r.eventThemes.map((t) => `${t.label.toLowerCase()} (${t.percent}% of comments)`).join('; ')}.`));
	}

	if (r.children.total) {
		out.push(heading("Children and young people's views", HeadingLevel.HEADING_1));
		out.push(para(`${formatNumber(r.children.total)} ${r.children.total === 1 ? 'comment was' : 'comments were'} gathered from children and young people.${r.children.topics.length ? ` The topics they raised most were: ${r.children.topics.map((t) => `${t.topic} (${t.comments})`).join(', ')}.` : ''}`));
		for (const q of r.children.quotes) out.push(new Paragraph({ children: [new TextRun({ text: `“${q}”`, italics: true })], indent: { left: 400 }, spacing: { after: 120 } }));
	}

	out.push(heading('How the responses were analysed', HeadingLevel.HEADING_1));
	out.push(para(`Every written answer was read by a text pipeline that assigns themes from the consultation's codeframe, combining the codeframe's own terms with a classifier trained on hand-labelled answers; each assignment records its evidence. ${formatNumber(r.method.reviewed)} of ${formatNumber(r.method.answersWithText)} written answers (${percentOf(r.method.reviewed, r.method.answersWithText)}%) were reviewed by analysts, who made ${formatNumber(r.method.manualDecisions)} decisions on the automatic tags.`));
	out.push(para('Respondents, not answers, are the unit of counting. Percentages for closed questions are of those who chose an answer. Quotes come only from respondents who did not ask for confidentiality, with personal details removed. In breakdowns by sector, sectors with fewer than 5 respondents are combined into one row, with the next smallest sector added while that row has fewer than 5.'));
	out.push(para(r.campaignMethod));
	if (r.illustrative && r.notice) out.push(para(r.notice, { italic: true }));
	return out;
}

export async function reportDocx(r: ReportData): Promise<Buffer> {
	const footer = r.illustrative ? new Footer({ children: [new Paragraph({ children: [new TextRun({ text: 'Illustrative sample data: not the real consultation responses.', size: 16 })] })] }) : undefined;
	const doc = new Document({
		creator: 'consult-lens',
		title: `${r.shortTitle}: summary of responses`,
		description: 'Summary of responses to the consultation',
		styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
		sections: [{ footers: footer ? { default: footer } : undefined, children: reportChildren(r) }]
	});
	return Packer.toBuffer(doc);
}

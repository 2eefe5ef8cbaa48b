// Bar and 100% stacked bar charts as PNG images for the Word report, drawn on a Raster with no native packages.
import { CHOICE_COLOURS } from '../charts/StackedBars/chart';
import { formatNumber, formatPercent } from '../format';
import { capHeight, fitText, lineHeight, measureText, Raster, type TextOptions } from './raster';

export interface BarsChart {
	title: string;
	bars: { label: string; value: number; colour?: string }[];
	/** Written after each value: '%' sticks to the number, words get a space ("12 responses"). */
	unit?: string;
	source?: string;
}

export interface StackedChart {
	title: string;
	/** Segment order, left to right, and legend order. */
	categories: string[];
	colours: Record<string, string>;
	rows: { label: string; counts: Record<string, number> }[];
	source?: string;
}

const INK = '#0b0c0c';
const SECONDARY = '#505a5f';
const RULE = '#b1b4b6';
const EMPTY = '#f3f2f1';
const WHITE = '#ffffff';
const BAR = '#1d70b8';
/** The dashboard's colours of the closed answers, for a caller that gives none. */
export const DEFAULT_COLOURS: Record<string, string> = Object.fromEntries(Object.entries(CHOICE_COLOURS).map(([answer, c]) => [answer, c.fill]));
// GOV.UK palette colours, for categories the caller gives no colour for.
const PALETTE = [
	'#1d70b8',
	'#d4351c',
	'#b1b4b6',
	'#00703c',
	'#f47738',
	'#4c2c92',
	'#28a197',
	'#912b88',
	'#505a5f'
];

// Drawn at twice the size it is shown in the document, so the text stays crisp when Word scales it or it is printed.
const WIDTH = 1200;
const MARGIN = 40;
const TITLE_SCALE = 4;
const TEXT_SCALE = 3;
const BAR_HEIGHT = 48;
const BAR_GAP = 16;
const COLUMN_GAP = 24;
const TITLE_LINES = 3;
const INNER = WIDTH - 2 * MARGIN;

/** Body text: everything but the title is set at TEXT_SCALE. */
function write(r: Raster, x: number, y: number, s: string, opts: TextOptions = {}): void {
	r.text(x, y, s, { scale: TEXT_SCALE, ...opts });
}

/** Splits a title into at most TITLE_LINES lines that fit, cutting the last with '…' if words remain. */
function wrapTitle(title: string): string[] {
	const lines: string[] = [];
	let line = '';
	const words = title.split(/\s+/).filter(Boolean);
	for (let i = 0; i < words.length; i++) {
		const next = line ? `${line} ${words[i]}` : words[i];
		if (measureText(next, TITLE_SCALE, true) <= INNER || !line) {
			line = next;
			continue;
		}
		if (lines.length === TITLE_LINES - 1) {
			line = `${line} ${words.slice(i).join(' ')}`;
			break;
		}
		lines.push(line);
		line = words[i];
	}
	if (line) lines.push(line);
	return lines.map((l) => fitText(l, INNER, TITLE_SCALE, true));
}

function titleHeight(lines: string[]): number {
	return lines.length * (lineHeight(TITLE_SCALE) + 8);
}

function drawTitle(r: Raster, lines: string[]): number {
	lines.forEach((line, i) => {
		r.text(MARGIN, MARGIN + i * (lineHeight(TITLE_SCALE) + 8), line, { scale: TITLE_SCALE, bold: true });
	});
	return MARGIN + titleHeight(lines);
}

function sourceText(source: string | undefined): string | null {
	if (!source?.trim()) return null;
	const text = /^source\b/i.test(source.trim()) ? source.trim() : `Source: ${source.trim()}`;
	return fitText(text, INNER, TEXT_SCALE);
}

const SOURCE_BLOCK = 24 + 2 + 20 + lineHeight(TEXT_SCALE);

/** A rule under the chart, then the source line in secondary grey. */
function drawSource(r: Raster, top: number, text: string): void {
	r.fillRect(MARGIN, top + 24, INNER, 2, RULE);
	write(r, MARGIN, top + 24 + 2 + 20, text, { colour: SECONDARY });
}

/** Width of the label column: as wide as the longest label, but never more than two fifths of the chart. */
function labelColumn(labels: string[]): number {
	return Math.min(Math.round(INNER * 0.4), Math.max(0, ...labels.map((l) => measureText(l, TEXT_SCALE))));
}

/** A label in at most two lines that fit the width, the second cut with '…' if words remain: theme names run long
 * ("Health confidentiality and the two-tier approach"), and one line cut short hid what the bar was. */
function wrapLabel(label: string, width: number): string[] {
	if (measureText(label, TEXT_SCALE) <= width) return [label];
	const words = label.split(/\s+/);
	let first = words[0];
	let i = 1;
	while (i < words.length && measureText(`${first} ${words[i]}`, TEXT_SCALE) <= width) first = `${first} ${words[i++]}`;
	if (i >= words.length) return [fitText(first, width, TEXT_SCALE)];
	return [fitText(first, width, TEXT_SCALE), fitText(words.slice(i).join(' '), width, TEXT_SCALE)];
}

/** Each row's label in one or two lines (`wrapLabel`), and the height every row takes: as tall as the tallest label
 * needs, so the bars stay evenly spaced. */
function rowLabels(labels: string[], width: number): { lines: string[][]; rowHeight: number } {
	const lines = labels.map((l) => wrapLabel(l, width));
	return { lines, rowHeight: Math.max(BAR_HEIGHT, Math.max(1, ...lines.map((l) => l.length)) * lineHeight(TEXT_SCALE)) };
}

/** A row's label, its lines centred on a row of `rowHeight` starting at `top`. */
function drawRowLabel(r: Raster, lines: string[], top: number, rowHeight: number): void {
	const line = lineHeight(TEXT_SCALE);
	const textTop = top + (rowHeight - lines.length * line) / 2 + (line - capHeight(TEXT_SCALE)) / 2;
	lines.forEach((text, k) => write(r, MARGIN, textTop + k * line, text));
}

function canvasHeight(titleLines: string[], body: number, source: string | null): number {
	return Math.ceil(MARGIN + titleHeight(titleLines) + body + (source ? SOURCE_BLOCK : 0) + MARGIN);
}

function withUnit(value: number, unit: string | undefined): string {
	if (!unit) return formatNumber(value);
	return /^[%‰]/.test(unit) ? `${formatNumber(value)}${unit}` : `${formatNumber(value)} ${unit}`;
}

/** Horizontal bars from zero, one per entry, each followed by its value. Negative values draw as empty bars. */
export function renderBarsPng(opts: BarsChart): Buffer {
	const title = wrapTitle(opts.title);
	const source = sourceText(opts.source);
	const values = opts.bars.map((b) => withUnit(b.value, opts.unit));
	const labelWidth = labelColumn(opts.bars.map((b) => b.label));
	const valueWidth = Math.max(0, ...values.map((v) => measureText(v, TEXT_SCALE)));
	const x0 = MARGIN + labelWidth + COLUMN_GAP;
	const span = WIDTH - MARGIN - valueWidth - COLUMN_GAP - x0;
	const max = Math.max(0, ...opts.bars.map((b) => b.value));
	const { lines, rowHeight: row } = rowLabels(
		opts.bars.map((b) => b.label),
		labelWidth
	);
	const body = 24 + opts.bars.length * (row + BAR_GAP) - BAR_GAP;

	const r = new Raster(WIDTH, canvasHeight(title, body, source));
	let y = drawTitle(r, title) + 24;
	const barsTop = y;
	opts.bars.forEach((bar, i) => {
		const w = max > 0 && bar.value > 0 ? Math.max(2, Math.round((span * bar.value) / max)) : 0;
		const barTop = y + (row - BAR_HEIGHT) / 2;
		drawRowLabel(r, lines[i], y, row);
		r.fillRect(x0, barTop, w, BAR_HEIGHT, bar.colour ?? BAR);
		write(r, x0 + w + 12, barTop + (BAR_HEIGHT - capHeight(TEXT_SCALE)) / 2, values[i]);
		y += row + BAR_GAP;
	});
	// The zero line, so short and empty bars still read as starting from the same place.
	if (opts.bars.length) r.fillRect(x0 - 2, barsTop - 8, 2, y - BAR_GAP - barsTop + 16, INK);
	if (source) drawSource(r, y - BAR_GAP, source);
	return r.toPng();
}

function channel(hex: string, at: number): number {
	const c = parseInt(hex.slice(at, at + 2), 16) / 255;
	return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** White or near-black, whichever contrasts more with the fill (WCAG relative luminance). */
function textOn(fill: string): string {
	const l = 0.2126 * channel(fill, 1) + 0.7152 * channel(fill, 3) + 0.0722 * channel(fill, 5);
	const ink = 0.0037; // relative luminance of INK (#0b0c0c)
	return 1.05 / (l + 0.05) >= (l + 0.05) / (ink + 0.05) ? WHITE : INK;
}

function colourFor(category: string, i: number, colours: Record<string, string>): string {
	return colours[category] ?? DEFAULT_COLOURS[category] ?? PALETTE[i % PALETTE.length];
}

const SWATCH = 24;
const LEGEND_GAP = 12;

/** Legend items laid out left to right, wrapping onto new lines; returns positions and the height used. */
function layoutLegend(categories: string[]): {
	items: { x: number; row: number; name: string }[];
	height: number;
} {
	const items: { x: number; row: number; name: string }[] = [];
	let x = MARGIN;
	let row = 0;
	for (const category of categories) {
		const name = fitText(category, INNER - SWATCH - 12, TEXT_SCALE);
		const w = SWATCH + 12 + measureText(name, TEXT_SCALE);
		if (x > MARGIN && x + w > WIDTH - MARGIN) {
			x = MARGIN;
			row++;
		}
		items.push({ x, row, name });
		x += w + 32;
	}
	return { items, height: categories.length ? (row + 1) * (SWATCH + 16) : 0 };
}

/** One 100% bar per row, split by category, with shares written inside wide segments and the base (n=) after. */
export function renderStackedPng(opts: StackedChart): Buffer {
	const title = wrapTitle(opts.title);
	const source = sourceText(opts.source);
	const legend = layoutLegend(opts.categories);
	const colours = opts.categories.map((c, i) => colourFor(c, i, opts.colours));
	const totals = opts.rows.map((row) =>
		opts.categories.reduce((sum, c) => sum + Math.max(0, row.counts[c] ?? 0), 0)
	);
	const bases = totals.map((t) => `n=${formatNumber(t)}`);
	const labelWidth = labelColumn(opts.rows.map((row) => row.label));
	const baseWidth = Math.max(0, ...bases.map((b) => measureText(b, TEXT_SCALE)));
	const x0 = MARGIN + labelWidth + COLUMN_GAP;
	const span = WIDTH - MARGIN - baseWidth - COLUMN_GAP - x0;
	// Row labels in two lines where they need them ("Other (public, parents, academics)"), as in the bar charts.
	const { lines, rowHeight } = rowLabels(
		opts.rows.map((row) => row.label),
		labelWidth
	);
	const body = LEGEND_GAP + legend.height + 16 + opts.rows.length * (rowHeight + BAR_GAP) - BAR_GAP;

	const r = new Raster(WIDTH, canvasHeight(title, body, source));
	let y = drawTitle(r, title) + LEGEND_GAP;
	for (const [i, item] of legend.items.entries()) {
		const top = y + item.row * (SWATCH + 16);
		r.fillRect(item.x, top, SWATCH, SWATCH, colours[i]);
		write(r, item.x + SWATCH + 12, top + (SWATCH - capHeight(TEXT_SCALE)) / 2, item.name);
	}
	y += legend.height + 16;
	const textTop = (BAR_HEIGHT - capHeight(TEXT_SCALE)) / 2;
	opts.rows.forEach((row, ri) => {
		drawRowLabel(r, lines[ri], y, rowHeight);
		// The bar in the middle of its row.
		y += (rowHeight - BAR_HEIGHT) / 2;
		if (totals[ri] === 0) r.fillRect(x0, y, span, BAR_HEIGHT, EMPTY);
		let cumulative = 0;
		opts.categories.forEach((category, ci) => {
			const count = Math.max(0, row.counts[category] ?? 0);
			if (!count) return;
			// Edges come from running totals so rounding never leaves a gap or overruns the bar.
			const left = x0 + Math.round((span * cumulative) / totals[ri]);
			cumulative += count;
			const right = x0 + Math.round((span * cumulative) / totals[ri]);
			r.fillRect(left, y, right - left, BAR_HEIGHT, colours[ci]);
			// A white hairline between segments, skipped where it would swallow a sliver of a share.
			if (left > x0 && right - left > 4) r.fillRect(left, y, 2, BAR_HEIGHT, WHITE);
			const share = formatPercent(count, totals[ri]);
			if (measureText(share, TEXT_SCALE, true) + 16 <= right - left - 2) {
				const centre = (left + 2 + right) / 2;
				write(r, centre, y + textTop, share, { colour: textOn(colours[ci]), bold: true, align: 'center' });
			}
		});
		write(r, x0 + span + COLUMN_GAP, y + textTop, bases[ri], { colour: SECONDARY });
		y += BAR_HEIGHT + (rowHeight - BAR_HEIGHT) / 2 + BAR_GAP;
	});
	if (source) drawSource(r, y - BAR_GAP, source);
	return r.toPng();
}

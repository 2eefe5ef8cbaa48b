// Layout for a theme x sector heatmap: cell shade by share, the percentage written in each cell.
import { scaleThreshold } from 'd3';
import { percentOf } from '../../format';

/**
 * Six shades of GOV.UK blue in steps of share, not a continuous ramp: each is far enough from white, or from black
 * text, that the percentage written on it is readable (contrast of 4.5:1 or more, with black or white text).
 */
export const HEAT_BANDS = [
	{ from: 0, label: 'Under 10%', fill: '#f4f8fb' },
	{ from: 0.1, label: '10% to 19%', fill: '#d2e2f1' },
	{ from: 0.2, label: '20% to 29%', fill: '#8eb8dc' },
	{ from: 0.3, label: '30% to 44%', fill: '#5694ca' },
	{ from: 0.45, label: '45% to 59%', fill: '#1d70b8' },
	{ from: 0.6, label: '60% or more', fill: '#0f385c' }
] as const;

export interface HeatCell {
	row: string;
	rowLabel: string;
	column: string;
	columnLabel: string;
	count: number;
	base: number;
}

/** Column labels are drawn at this angle (degrees up from the horizontal), cut to this many characters before the n. */
export const COLUMN_ANGLE = 55;
export const COLUMN_LABEL_MAX = 30;
/** A generous average width of a character of the chart's 12-unit type, for room around text it cannot measure. */
const CHAR_WIDTH = 7;

/** A column's label as drawn: shortened to fit, with its base. */
export function columnText(label: string, base: number, shorten: (s: string, max: number) => string): string {
	return `${shorten(label, COLUMN_LABEL_MAX)} (n=${base})`;
}

export interface HeatLayout {
	width: number;
	height: number;
	labelWidth: number;
	headerHeight: number;
	cellWidth: number;
	cellHeight: number;
	columns: { key: string; label: string; x: number; base: number }[];
	rows: { key: string; label: string; y: number }[];
	cells: (HeatCell & { x: number; y: number; share: number; fill: string; text: string })[];
}

/** Picks near-black or white text for a fill, whichever contrasts more with it (WCAG relative luminance). */
export function textOn(fill: string): string {
	const m = /^rgb\((\d+), ?(\d+), ?(\d+)\)$/.exec(fill) ?? /^#(..)(..)(..)$/.exec(fill);
	if (!m) return '#0b0c0c';
	const [r, g, b] = m.slice(1, 4).map((v) => (fill.startsWith('#') ? parseInt(v, 16) : Number(v)) / 255);
	const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
	const L = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
	const BLACK = 0.0033; // relative luminance of #0b0c0c
	return (L + 0.05) / (BLACK + 0.05) >= 1.05 / (L + 0.05) ? '#0b0c0c' : '#ffffff';
}

export function layoutHeatmap(
	cells: HeatCell[],
	options: { width?: number; labelWidth?: number; cellHeight?: number } = {}
): HeatLayout {
	// Rows are tall enough for a name on two lines.
	const { width = 720, labelWidth = 230, cellHeight = 32 } = options;
	const columns: HeatLayout['columns'] = [];
	const rows: HeatLayout['rows'] = [];
	for (const c of cells) {
		if (!columns.some((x) => x.key === c.column))
			columns.push({ key: c.column, label: c.columnLabel, x: 0, base: c.base });
		if (!rows.some((x) => x.key === c.row)) rows.push({ key: c.row, label: c.rowLabel, y: 0 });
	}
	// The column labels slant up to the right from each column's middle: the header is as tall as the longest needs,
	// and the right margin as wide as the last one reaches past its column (it ran off the chart, its n unseen).
	const rad = (COLUMN_ANGLE * Math.PI) / 180;
	const extent = (c: { label: string; base: number }) => Math.min(c.label.length, COLUMN_LABEL_MAX) * CHAR_WIDTH + ` (n=${c.base})`.length * CHAR_WIDTH;
	const longest = Math.max(0, ...columns.map(extent));
	const headerHeight = Math.max(60, Math.ceil(longest * Math.sin(rad)) + 16);
	const reach = columns.length ? extent(columns[columns.length - 1]) * Math.cos(rad) : 0;
	// Solved for the last column's reach past its middle: cellWidth / 2 + pad >= reach.
	const n = columns.length;
	let cellWidth = n ? (width - labelWidth - 20) / n : 0;
	const rightPad = Math.max(20, Math.ceil(reach - cellWidth / 2) + 8);
	if (n) cellWidth = (width - labelWidth - rightPad) / n;
	columns.forEach((c, i) => (c.x = labelWidth + i * cellWidth));
	rows.forEach((r, i) => (r.y = headerHeight + i * cellHeight));
	const colour = scaleThreshold<number, string>()
		.domain(HEAT_BANDS.slice(1).map((b) => b.from))
		.range(HEAT_BANDS.map((b) => b.fill));
	return {
		width,
		height: headerHeight + rows.length * cellHeight,
		labelWidth,
		headerHeight,
		cellWidth,
		cellHeight,
		columns,
		rows,
		cells: cells.map((c) => {
			const share = c.base ? c.count / c.base : 0;
			// Banded by the percentage as written in the cell, so a cell showing 20% is never in the '10% to 19%' band.
			const fill = c.base ? colour(percentOf(c.count, c.base) / 100) : '#f3f3f3';
			return {
				...c,
				x: columns.find((x) => x.key === c.column)!.x,
				y: rows.find((x) => x.key === c.row)!.y,
				share,
				fill,
				text: textOn(fill)
			};
		})
	};
}

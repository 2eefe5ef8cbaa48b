// Layout for a theme x sector heatmap: cell shade by share, the percentage written in each cell.
import { interpolateBlues, scaleSequential } from 'd3';

export interface HeatCell {
	row: string;
	rowLabel: string;
	column: string;
	columnLabel: string;
	count: number;
	base: number;
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

/** Picks black or white text for a fill, by its relative luminance. */
export function textOn(fill: string): string {
	const m = /^rgb\((\d+), ?(\d+), ?(\d+)\)$/.exec(fill) ?? /^#(..)(..)(..)$/.exec(fill);
	if (!m) return '#0b0c0c';
	const [r, g, b] = m.slice(1, 4).map((v) => (fill.startsWith('#') ? parseInt(v, 16) : Number(v)) / 255);
	const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
	const L = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
	return L > 0.22 ? '#0b0c0c' : '#ffffff';
}

export function layoutHeatmap(cells: HeatCell[], options: { width?: number; labelWidth?: number; cellHeight?: number } = {}): HeatLayout {
	const { width = 720, labelWidth = 230, cellHeight = 28 } = options;
	const rightPad = 70;
	const columns: HeatLayout['columns'] = [];
	const rows: HeatLayout['rows'] = [];
	for (const c of cells) {
		if (!columns.some((x) => x.key === c.column)) columns.push({ key: c.column, label: c.columnLabel, x: 0, base: c.base });
		if (!rows.some((x) => x.key === c.row)) rows.push({ key: c.row, label: c.rowLabel, y: 0 });
	}
	const headerHeight = 120;
	const cellWidth = columns.length ? (width - labelWidth - rightPad) / columns.length : 0;
	columns.forEach((c, i) => (c.x = labelWidth + i * cellWidth));
	rows.forEach((r, i) => (r.y = headerHeight + i * cellHeight));
	const colour = scaleSequential(interpolateBlues).domain([0, 0.8]);
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
			const fill = c.base ? colour(Math.min(share, 0.8)) : '#f3f2f1';
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

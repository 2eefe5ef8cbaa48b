// Layout for a column chart over time (submissions per week).
import { max, scaleBand, scaleLinear } from 'd3';

export interface Column {
	key: string;
	label: string;
	/** The column's name in full, read out and shown in its tooltip ("Week of 22 August 2005"); the label otherwise. */
	name?: string;
	value: number;
}

export function layoutColumns(columns: Column[], options: { width?: number; height?: number } = {}) {
	const { width = 640, height = 260 } = options;
	const margin = { top: 16, right: 8, bottom: 56, left: 40 };
	const x = scaleBand()
		.domain(columns.map((c) => c.key))
		.range([margin.left, width - margin.right])
		.padding(0.15);
	const y = scaleLinear()
		.domain([0, Math.max(1, max(columns, (c) => c.value) ?? 1)])
		.nice()
		.range([height - margin.bottom, margin.top]);
	const every = Math.max(1, Math.ceil(columns.length / 7));
	return {
		width,
		height,
		baseline: height - margin.bottom,
		left: margin.left,
		right: width - margin.right,
		bars: columns.map((c, i) => ({
			...c,
			x: x(c.key) ?? 0,
			y: y(c.value),
			width: x.bandwidth(),
			height: y(0) - y(c.value),
			showLabel: i % every === 0
		})),
		ticks: y.ticks(4).map((t) => ({ y: y(t), label: String(t) }))
	};
}

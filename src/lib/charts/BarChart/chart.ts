// Layout for a horizontal bar chart: d3 computes scales and positions; the component only draws them.
import { max, scaleBand, scaleLinear } from 'd3';
import { EDGE, LABEL_LINE } from '../label';

export interface Bar {
	key: string;
	label: string;
	value: number;
	colour?: string | null;
}

export interface BarLayout {
	width: number;
	height: number;
	labelWidth: number;
	/** Each bar's label is written on a line of its own above it (a narrow screen), not beside it. */
	labelsAbove: boolean;
	bars: (Bar & { y: number; width: number; height: number; valueX: number; text: string })[];
	ticks: { x: number; label: string }[];
}

export function layoutBars(
	bars: Bar[],
	options: {
		width?: number;
		rowHeight?: number;
		labelWidth?: number;
		labelsAbove?: boolean;
		valueText?: (value: number) => string;
		tickText?: (value: number) => string;
	} = {}
): BarLayout {
	const { width = 640, labelsAbove = false, valueText = String } = options;
	// Labels above their bars leave the whole width to the bars: each row is a line of text, then the bar.
	const labelWidth = labelsAbove ? EDGE : (options.labelWidth ?? 220);
	const rowHeight = options.rowHeight ?? (labelsAbove ? 52 : 32);
	const labelSpace = labelsAbove ? LABEL_LINE : 0;
	const texts = bars.map((b) => valueText(b.value));
	// Room for the longest value written after its bar ("153,846", "100.0%"): about 9 px a character in 14 px bold.
	const valueSpace = Math.max(48, 8 + 9 * Math.max(0, ...texts.map((t) => t.length)));
	const axisHeight = 24;
	const height = bars.length * rowHeight + axisHeight;
	const x = scaleLinear()
		.domain([0, Math.max(1, max(bars, (b) => b.value) ?? 1)])
		.nice()
		.range([0, width - labelWidth - valueSpace]);
	const y = scaleBand()
		.domain(bars.map((b) => b.key))
		.range([0, bars.length * rowHeight])
		.padding(labelsAbove ? 0 : 0.25);
	const gap = labelsAbove ? 8 : 0;
	return {
		width,
		height,
		labelWidth,
		labelsAbove,
		bars: bars.map((b, i) => ({
			...b,
			text: texts[i],
			y: (y(b.key) ?? 0) + labelSpace,
			height: y.bandwidth() - labelSpace - gap,
			width: x(b.value),
			valueX: x(b.value) + 6
		})),
		ticks: x.ticks(5).map((t) => ({ x: x(t), label: (options.tickText ?? String)(t) }))
	};
}

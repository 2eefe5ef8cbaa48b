// Long labels are shortened on the chart (the full text stays in the tooltip and the table alternative).
export function shorten(label: string, max: number): string {
	return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}

/** The full label for a text drawn shortened, for a downloaded chart to write out in full (`standaloneSvg`); absent
 * when nothing was cut. */
export function fullLabel(label: string, max: number): string | undefined {
	return label.length > max ? label : undefined;
}

/** Room above a bar for its label, where labels go above the bars (a narrow screen): a line of 14-unit type. */
export const LABEL_LINE = 20;

// Long labels are shortened on the chart (the full text stays in the tooltip and the table alternative).
export function shorten(label: string, max: number): string {
	return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}

/**
 * A label on at most `lines` lines of at most `max` characters, broken at spaces; the last line shortened with "…" if
 * the rest does not fit. Every line but the last keeps its closing space, so the lines joined are the label again.
 */
export function wrapLabel(label: string, max: number, lines = 2): string[] {
	const out: string[] = [];
	let rest = label.trim();
	while (rest && out.length < lines - 1 && rest.length > max) {
		const cut = rest.lastIndexOf(' ', max);
		if (cut <= 0) break;
		out.push(rest.slice(0, cut + 1));
		rest = rest.slice(cut + 1);
	}
	out.push(shorten(rest, max));
	return out;
}

/** The full label for a text drawn shortened, for a downloaded chart to write out in full (`standaloneSvg`); absent
 * when nothing was cut. */
export function fullLabel(label: string, max: number): string | undefined {
	return label.length > max ? label : undefined;
}

/** Room above a bar for its label, where labels go above the bars (a narrow screen): a line of 14-unit type. */
export const LABEL_LINE = 20;
/** Room left of the bars where labels go above them: the keyboard's focus ring is drawn a few units outside a bar. */
export const EDGE = 4;

/** Characters of a label that fit across a chart's width above its bar: 8 units a character of 14-unit type, so that
 * wide letters and capitals fit. */
export const charsAcross = (width: number) => Math.max(12, Math.floor(width / 8));

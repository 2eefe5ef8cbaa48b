// The characters the report's chart font carries: ASCII, Latin-1 and Latin Extended-A (names and places across the
// UK and Europe), and the typographic punctuation that pasted text brings (curly quotes, dashes, ellipsis, bullet).
const RANGES: [number, number][] = [
	[0x20, 0x7e],
	[0xa0, 0x17f],
	[0x2013, 0x2014],
	[0x2018, 0x201e],
	[0x2022, 0x2022],
	[0x2026, 0x2026],
	[0x20ac, 0x20ac],
	[0x2122, 0x2122],
	[0x2212, 0x2212]
];

export const FONT_CHARACTERS: string[] = RANGES.flatMap(([from, to]) =>
	Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))
);

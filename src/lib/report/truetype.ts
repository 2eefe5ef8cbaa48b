// Reads the glyph outlines and metrics of a TrueType font (glyf flavour), for scripts/build-font.ts: enough of the
// format to take a character set out of a system font, and nothing that draws.
import { FONT_CHARACTERS } from './charset';

/** One outline point in font units; off-curve points are quadratic control points, as TrueType stores them. */
export interface OutlinePoint {
	x: number;
	y: number;
	on: boolean;
}

export interface FontGlyph {
	/** Horizontal advance in font units. */
	advance: number;
	/** Closed contours, composites already resolved into their parts' points. */
	contours: OutlinePoint[][];
}

export interface FontFile {
	unitsPerEm: number;
	ascender: number;
	/** Negative: how far descenders reach below the baseline. */
	descender: number;
	capHeight: number;
	/** The glyph a character maps to (its glyph index); 0 is the font's "missing" glyph. */
	glyphIndex(codePoint: number): number;
	glyph(index: number): FontGlyph;
}

export function readTrueType(bytes: Uint8Array): FontFile {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const tables = new Map<string, number>();
	const count = view.getUint16(4);
	for (let i = 0; i < count; i++) {
		const at = 12 + i * 16;
		const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
		tables.set(tag, view.getUint32(at + 8));
	}
	const table = (tag: string) => {
		const at = tables.get(tag);
		if (at === undefined) throw new Error(`The font has no '${tag}' table (only TrueType outlines are read)`);
		return at;
	};
	const head = table('head');
	const unitsPerEm = view.getUint16(head + 18);
	const longLoca = view.getInt16(head + 50) === 1;
	const hhea = table('hhea');
	const ascender = view.getInt16(hhea + 4);
	const descender = view.getInt16(hhea + 6);
	const metrics = view.getUint16(hhea + 34);
	const numGlyphs = view.getUint16(table('maxp') + 4);
	const hmtx = table('hmtx');
	const loca = table('loca');
	const glyf = table('glyf');

	const advanceOf = (g: number) => view.getUint16(hmtx + 4 * Math.min(g, metrics - 1));
	const offsetOf = (g: number) =>
		longLoca ? view.getUint32(loca + 4 * g) : 2 * view.getUint16(loca + 2 * g);

	const glyphIndex = cmapLookup(view, table('cmap'));

	function contoursOf(g: number, depth: number): OutlinePoint[][] {
		if (g >= numGlyphs || depth > 8) return [];
		const start = glyf + offsetOf(g);
		if (offsetOf(g + 1) === offsetOf(g)) return []; // an empty glyph, such as the space
		const n = view.getInt16(start);
		return n >= 0 ? simple(start, n) : composite(start, depth);
	}

	function simple(start: number, n: number): OutlinePoint[][] {
		let at = start + 10;
		const ends: number[] = [];
		for (let i = 0; i < n; i++, at += 2) ends.push(view.getUint16(at));
		at += 2 + view.getUint16(at); // skip the hinting instructions
		const total = n ? ends[n - 1] + 1 : 0;
		const flags: number[] = [];
		while (flags.length < total) {
			const f = view.getUint8(at++);
			flags.push(f);
			if (f & 8) for (let r = view.getUint8(at++); r > 0; r--) flags.push(f);
		}
		const coords = (short: number, same: number) => {
			const out: number[] = [];
			let v = 0;
			for (const f of flags) {
				if (f & short) v += f & same ? view.getUint8(at++) : -view.getUint8(at++);
				else if (!(f & same)) {
					v += view.getInt16(at);
					at += 2;
				}
				out.push(v);
			}
			return out;
		};
		const xs = coords(2, 16);
		const ys = coords(4, 32);
		const contours: OutlinePoint[][] = [];
		let from = 0;
		for (const end of ends) {
			const c: OutlinePoint[] = [];
			for (let i = from; i <= end; i++) c.push({ x: xs[i], y: ys[i], on: (flags[i] & 1) === 1 });
			if (c.length) contours.push(c);
			from = end + 1;
		}
		return contours;
	}

	function composite(start: number, depth: number): OutlinePoint[][] {
		let at = start + 10;
		const out: OutlinePoint[][] = [];
		for (;;) {
			const flags = view.getUint16(at);
			const part = view.getUint16(at + 2);
			at += 4;
			let dx = 0;
			let dy = 0;
			if (flags & 1) {
				dx = view.getInt16(at);
				dy = view.getInt16(at + 2);
				at += 4;
			} else {
				dx = view.getInt8(at);
				dy = view.getInt8(at + 1);
				at += 2;
			}
			// Point-matched placement (ARGS_ARE_XY_VALUES clear) is rare in text fonts; such parts sit at the origin.
			if (!(flags & 2)) dx = dy = 0;
			let [a, b, c, d] = [1, 0, 0, 1];
			const f2dot14 = (o: number) => view.getInt16(o) / 16384;
			if (flags & 8) {
				a = d = f2dot14(at);
				at += 2;
			} else if (flags & 0x40) {
				a = f2dot14(at);
				d = f2dot14(at + 2);
				at += 4;
			} else if (flags & 0x80) {
				[a, b, c, d] = [f2dot14(at), f2dot14(at + 2), f2dot14(at + 4), f2dot14(at + 6)];
				at += 8;
			}
			for (const contour of contoursOf(part, depth + 1)) {
				out.push(
					contour.map((p) => ({
						x: Math.round(a * p.x + c * p.y + dx),
						y: Math.round(b * p.x + d * p.y + dy),
						on: p.on
					}))
				);
			}
			if (!(flags & 0x20)) break;
		}
		return out;
	}

	const os2 = tables.get('OS/2');
	const capFromTable = os2 !== undefined && view.getUint16(os2) >= 2 ? view.getInt16(os2 + 88) : 0;
	const capHeight =
		capFromTable > 0
			? capFromTable
			: Math.max(
					...contoursOf(glyphIndex(0x48), 0)
						.flat()
						.map((p) => p.y)
				);

	return {
		unitsPerEm,
		ascender,
		descender,
		capHeight,
		glyphIndex,
		glyph: (g) => ({ advance: advanceOf(g), contours: contoursOf(g, 0) })
	};
}

/** A character-to-glyph lookup from the Unicode BMP subtable (platform 3, encoding 1, format 4). */
function cmapLookup(view: DataView, cmap: number): (codePoint: number) => number {
	const n = view.getUint16(cmap + 2);
	let sub = -1;
	for (let i = 0; i < n; i++) {
		const at = cmap + 4 + i * 8;
		const platform = view.getUint16(at);
		const encoding = view.getUint16(at + 2);
		const offset = cmap + view.getUint32(at + 4);
		if ((platform === 3 && encoding === 1) || (platform === 0 && sub < 0)) {
			if (view.getUint16(offset) === 4) sub = offset;
		}
	}
	if (sub < 0) throw new Error('The font has no Unicode (format 4) character map');
	const segs = view.getUint16(sub + 6) / 2;
	const ends = sub + 14;
	const starts = ends + 2 * segs + 2;
	const deltas = starts + 2 * segs;
	const ranges = deltas + 2 * segs;
	return (cp) => {
		if (cp > 0xffff) return 0;
		for (let s = 0; s < segs; s++) {
			if (view.getUint16(ends + 2 * s) < cp) continue;
			const start = view.getUint16(starts + 2 * s);
			if (start > cp) return 0;
			const delta = view.getInt16(deltas + 2 * s);
			const range = view.getUint16(ranges + 2 * s);
			if (range === 0) return (cp + delta) & 0xffff;
			const g = view.getUint16(ranges + 2 * s + range + 2 * (cp - start));
			return g === 0 ? 0 : (g + delta) & 0xffff;
		}
		return 0;
	};
}

/**
 * Contours as the font file in the repository keeps them: each point is its x and y moved from the point before,
 * doubled, plus 1 when the point is on the curve. `unpackContours` in font.ts reverses it.
 */
export function packContours(contours: OutlinePoint[][]): number[][] {
	let x = 0;
	let y = 0;
	return contours.map((c) =>
		c.flatMap((p) => {
			const out = [2 * (p.x - x) + (p.on ? 1 : 0), 2 * (p.y - y)];
			x = p.x;
			y = p.y;
			return out;
		})
	);
}

/** One face as fonts/dejavu-sans.json keeps it: metrics, the missing-character box, and each character's advance
 * and packed contours. */
function face(bytes: Uint8Array) {
	const font = readTrueType(bytes);
	const glyphs: Record<string, (number | number[])[]> = {};
	for (const ch of FONT_CHARACTERS) {
		const g = font.glyphIndex(ch.codePointAt(0)!);
		if (g === 0) continue;
		const { advance, contours } = font.glyph(g);
		glyphs[ch] = [advance, ...packContours(contours)];
	}
	const missing = font.glyph(0);
	const { unitsPerEm, ascender, descender, capHeight } = font;
	return {
		metrics: { unitsPerEm, ascender, descender, capHeight },
		missing: [missing.advance, ...packContours(missing.contours)],
		glyphs
	};
}

/** The report font's file from the regular and bold TrueType files. */
export function fontFile(regular: Uint8Array, bold: Uint8Array) {
	return {
		font: 'DejaVu Sans 2.37, outlines unchanged; licence in LICENSE-DejaVu.txt beside this file',
		regular: face(regular),
		bold: face(bold)
	};
}

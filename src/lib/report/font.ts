// The report charts' typeface: DejaVu Sans outlines (regular and bold, fonts/dejavu-sans.json, made by
// scripts/build-font.ts), drawn as anti-aliased coverage masks so chart images need no font installed on the server.
//
// Sizes are given as a scale: capitals are CAP_HEIGHT × scale pixels tall, so a layout written in whole pixels
// keeps its proportions whatever the size.
import file from './fonts/dejavu-sans.json';

/** Capital height in pixels at scale 1. */
export const CAP_HEIGHT = 7;

interface Face {
	metrics: { unitsPerEm: number; ascender: number; descender: number; capHeight: number };
	missing: (number | number[])[];
	glyphs: Record<string, (number | number[])[]>;
}

const FACES: Record<'regular' | 'bold', Face> = { regular: file.regular as Face, bold: file.bold as Face };
const METRICS = FACES.regular.metrics;

/** Every character the font draws; anything else is drawn as the font's box. */
export const CHARACTERS: string[] = Object.keys(FACES.regular.glyphs);

/** The font size (pixels per em) at which capitals are CAP_HEIGHT × scale pixels tall. */
export function emPixels(scale: number): number {
	return (CAP_HEIGHT * scale * METRICS.unitsPerEm) / METRICS.capHeight;
}

/** How far below the baseline descenders reach, in pixels. */
export function descentPixels(scale: number): number {
	return (-METRICS.descender / METRICS.unitsPerEm) * emPixels(scale);
}

function entry(ch: string, bold: boolean): (number | number[])[] {
	const face = FACES[bold ? 'bold' : 'regular'];
	return Object.hasOwn(face.glyphs, ch) ? face.glyphs[ch] : face.missing;
}

/** The pen's travel after a character, in pixels. */
export function advance(ch: string, scale: number, bold: boolean): number {
	return ((entry(ch, bold)[0] as number) / METRICS.unitsPerEm) * emPixels(scale);
}

interface Point {
	x: number;
	y: number;
	on: boolean;
}

/** Reverses truetype.ts's packContours. */
export function unpackContours(packed: number[][]): Point[][] {
	let x = 0;
	let y = 0;
	return packed.map((c) => {
		const points: Point[] = [];
		for (let i = 0; i < c.length; i += 2) {
			const on = (c[i] & 1) === 1;
			x += (c[i] - (on ? 1 : 0)) / 2;
			y += c[i + 1] / 2;
			points.push({ x, y, on });
		}
		return points;
	});
}

/** A glyph's ink: coverage 0–255 per pixel, placed `left` pixels right of the pen and `top` pixels above the baseline. */
export interface Coverage {
	width: number;
	height: number;
	left: number;
	top: number;
	alpha: Uint8Array;
}

const masks = new Map<string, Coverage>();
const outlines = new Map<string, Point[][]>();

/**
 * The coverage mask of one character at this scale, with the pen `shift` (0 ≤ shift < 1) pixels right of a whole
 * pixel. Shifts are kept to quarters so masks can be reused across a chart.
 */
export function coverage(ch: string, scale: number, bold: boolean, shift = 0): Coverage {
	const quarter = Math.round(shift * 4) / 4;
	// Characters the font lacks share the box's masks, so odd text cannot grow the caches without bound.
	const known = Object.hasOwn(FACES.regular.glyphs, ch) ? ch : '';
	const key = `${bold ? 'b' : 'r'}${scale}:${quarter}:${known}`;
	let mask = masks.get(key);
	if (!mask) {
		const okey = `${bold ? 'b' : 'r'}${known}`;
		let contours = outlines.get(okey);
		if (!contours) {
			contours = unpackContours(entry(ch, bold).slice(1) as number[][]);
			outlines.set(okey, contours);
		}
		mask = rasterise(contours, emPixels(scale) / METRICS.unitsPerEm, quarter);
		masks.set(key, mask);
	}
	return mask;
}

/** Line segments of the outline in pixels (y down from the baseline), quadratic curves cut finely enough to look smooth. */
function segments(contours: Point[][], k: number, shift: number): number[] {
	const out: number[] = [];
	for (const c of contours) {
		if (c.length < 2) continue;
		// Start on an on-curve point; two off-curve points in a row imply an on-curve point midway.
		const first = c.findIndex((p) => p.on);
		const pts: Point[] = [];
		const n = c.length;
		const from = first < 0 ? 0 : first;
		if (first < 0) pts.push({ x: (c[0].x + c[n - 1].x) / 2, y: (c[0].y + c[n - 1].y) / 2, on: true });
		for (let i = 0; i < n; i++) {
			const p = c[(from + i) % n];
			const prev = pts[pts.length - 1];
			if (prev && !prev.on && !p.on) pts.push({ x: (prev.x + p.x) / 2, y: (prev.y + p.y) / 2, on: true });
			pts.push(p);
		}
		pts.push(pts[0]);
		const px = (p: Point) => p.x * k + shift;
		const py = (p: Point) => -p.y * k;
		let start = pts[0];
		for (let i = 1; i < pts.length; i++) {
			const p = pts[i];
			if (p.on) {
				out.push(px(start), py(start), px(p), py(p));
				start = p;
				continue;
			}
			const end = pts[i + 1];
			const length = (Math.hypot(p.x - start.x, p.y - start.y) + Math.hypot(end.x - p.x, end.y - p.y)) * k;
			const steps = Math.max(2, Math.min(24, Math.ceil(length / 2)));
			let x0 = px(start);
			let y0 = py(start);
			for (let s = 1; s <= steps; s++) {
				const t = s / steps;
				const u = 1 - t;
				const x1 = u * u * px(start) + 2 * u * t * px(p) + t * t * px(end);
				const y1 = u * u * py(start) + 2 * u * t * py(p) + t * t * py(end);
				out.push(x0, y0, x1, y1);
				x0 = x1;
				y0 = y1;
			}
			start = end;
			i++;
		}
	}
	return out;
}

/**
 * Exact-area coverage of the outline (the accumulation method of Raph Levien's font-rs): each edge adds its signed
 * area to the cells it crosses, and a running sum along each row gives how much of each pixel is inside.
 */
function rasterise(contours: Point[][], k: number, shift: number): Coverage {
	const segs = segments(contours, k, shift);
	if (segs.length === 0) return { width: 0, height: 0, left: 0, top: 0, alpha: new Uint8Array(0) };
	let minX = Infinity;
	let maxX = -Infinity;
	let minY = Infinity;
	let maxY = -Infinity;
	for (let i = 0; i < segs.length; i += 2) {
		minX = Math.min(minX, segs[i]);
		maxX = Math.max(maxX, segs[i]);
		minY = Math.min(minY, segs[i + 1]);
		maxY = Math.max(maxY, segs[i + 1]);
	}
	const left = Math.floor(minX);
	const top = Math.floor(minY);
	const width = Math.ceil(maxX) - left + 1;
	const height = Math.ceil(maxY) - top;
	const stride = width + 2;
	const acc = new Float32Array(stride * height + 2);
	for (let i = 0; i < segs.length; i += 4) {
		line(acc, stride, height, segs[i] - left, segs[i + 1] - top, segs[i + 2] - left, segs[i + 3] - top);
	}
	const alpha = new Uint8Array(width * height);
	for (let y = 0; y < height; y++) {
		let sum = 0;
		for (let x = 0; x < width; x++) {
			sum += acc[y * stride + x];
			alpha[y * width + x] = Math.min(255, Math.round(Math.abs(sum) * 255));
		}
	}
	return { width, height, left, top: -top, alpha };
}

function line(
	a: Float32Array,
	stride: number,
	height: number,
	x0: number,
	y0: number,
	x1: number,
	y1: number
): void {
	if (y0 === y1) return;
	let dir = 1;
	if (y0 > y1) {
		dir = -1;
		[x0, y0, x1, y1] = [x1, y1, x0, y0];
	}
	const dxdy = (x1 - x0) / (y1 - y0);
	let x = x0;
	if (y0 < 0) x -= y0 * dxdy;
	for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, Math.ceil(y1)); y++) {
		const row = y * stride;
		const dy = Math.min(y + 1, y1) - Math.max(y, y0);
		const xnext = x + dxdy * dy;
		const d = dy * dir;
		const [lo, hi] = x < xnext ? [x, xnext] : [xnext, x];
		const lof = Math.floor(lo);
		const loi = lof;
		const hic = Math.ceil(hi);
		const hii = hic;
		if (hii <= loi + 1) {
			const xmf = 0.5 * (x + xnext) - lof;
			a[row + loi] += d - d * xmf;
			a[row + loi + 1] += d * xmf;
		} else {
			const s = 1 / (hi - lo);
			const x0f = lo - lof;
			const a0 = 0.5 * s * (1 - x0f) * (1 - x0f);
			const x1f = hi - hic + 1;
			const am = 0.5 * s * x1f * x1f;
			a[row + loi] += d * a0;
			if (hii === loi + 2) a[row + loi + 1] += d * (1 - a0 - am);
			else {
				const a1 = s * (1.5 - x0f);
				a[row + loi + 1] += d * (a1 - a0);
				for (let xi = loi + 2; xi < hii - 1; xi++) a[row + xi] += d * s;
				const a2 = a1 + (hii - loi - 3) * s;
				a[row + hii - 1] += d * (1 - a2 - am);
			}
			a[row + hii] += d * am;
		}
		x = xnext;
	}
}

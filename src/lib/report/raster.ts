// An RGBA pixel canvas with rectangles and anti-aliased text, enough to draw report charts on the server.
import { advance, CAP_HEIGHT, coverage, descentPixels } from './font';
import { encodePng } from './png';

export interface TextOptions {
	colour?: string;
	/** Capitals are 7 × scale pixels tall. */
	scale?: number;
	/** Which side of the text x names. */
	align?: 'left' | 'right' | 'center';
	bold?: boolean;
}

type Rgb = [number, number, number];

function parseColour(colour: string): Rgb {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
	if (!m) throw new Error(`Colours must be '#rrggbb', got '${colour}'`);
	return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

export class Raster {
	readonly width: number;
	readonly height: number;
	private readonly pixels: Uint8Array;

	constructor(width: number, height: number, background = '#ffffff') {
		if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
			throw new RangeError(`Raster size must be positive integers, got ${width}×${height}`);
		}
		this.width = width;
		this.height = height;
		this.pixels = new Uint8Array(width * height * 4);
		this.fillRect(0, 0, width, height, background);
	}

	/** Fills opaque pixels; edges round to whole pixels and anything off the canvas is clipped. */
	fillRect(x: number, y: number, w: number, h: number, colour: string): void {
		const [r, g, b] = parseColour(colour);
		const x0 = Math.max(0, Math.round(x));
		const y0 = Math.max(0, Math.round(y));
		const x1 = Math.min(this.width, Math.round(x + w));
		const y1 = Math.min(this.height, Math.round(y + h));
		for (let py = y0; py < y1; py++) {
			let i = (py * this.width + x0) * 4;
			for (let px = x0; px < x1; px++, i += 4) {
				this.pixels[i] = r;
				this.pixels[i + 1] = g;
				this.pixels[i + 2] = b;
				this.pixels[i + 3] = 255;
			}
		}
	}

	/** The width in device pixels that text() would draw; see measureText. */
	measure(s: string, scale = 1, bold = false): number {
		return measureText(s, scale, bold);
	}

	/**
	 * Draws one line of text with the top of its capitals at y: the baseline is 7 × scale pixels below, and
	 * descenders and accents reach past those lines. Returns the width drawn, which equals measure().
	 */
	text(x: number, y: number, s: string, opts: TextOptions = {}): number {
		const scale = opts.scale ?? 1;
		const bold = opts.bold ?? false;
		const [r, g, b] = parseColour(opts.colour ?? '#0b0c0c');
		const width = this.measure(s, scale, bold);
		const align = opts.align ?? 'left';
		let pen = Math.round(align === 'right' ? x - width : align === 'center' ? x - width / 2 : x);
		const baseline = Math.round(y) + CAP_HEIGHT * scale;
		for (const ch of s) {
			const whole = Math.floor(pen);
			const m = coverage(ch, scale, bold, pen - whole);
			for (let row = 0; row < m.height; row++) {
				const py = baseline - m.top + row;
				if (py < 0 || py >= this.height) continue;
				for (let col = 0; col < m.width; col++) {
					const px = whole + m.left + col;
					const a = m.alpha[row * m.width + col];
					if (a === 0 || px < 0 || px >= this.width) continue;
					const i = (py * this.width + px) * 4;
					// Ink over what is there, in proportion to how much of the pixel the glyph covers.
					this.pixels[i] = Math.round(this.pixels[i] + ((r - this.pixels[i]) * a) / 255);
					this.pixels[i + 1] = Math.round(this.pixels[i + 1] + ((g - this.pixels[i + 1]) * a) / 255);
					this.pixels[i + 2] = Math.round(this.pixels[i + 2] + ((b - this.pixels[i + 2]) * a) / 255);
					this.pixels[i + 3] = 255;
				}
			}
			pen += advance(ch, scale, bold);
		}
		return width;
	}

	toPng(): Buffer {
		return encodePng(this.width, this.height, this.pixels);
	}
}

/** The width in device pixels that text would draw: the pen's travel, rounded up. Free of any canvas so charts
 * can lay themselves out before choosing the image height. */
export function measureText(s: string, scale = 1, bold = false): number {
	let width = 0;
	for (const ch of s) width += advance(ch, scale, bold);
	return Math.ceil(width - 1e-9);
}

/** s, or as much of it as fits in maxWidth followed by '…'; labels are cut rather than overflow the chart. */
export function fitText(s: string, maxWidth: number, scale = 1, bold = false): string {
	if (measureText(s, scale, bold) <= maxWidth) return s;
	const chars = [...s];
	const cut = (n: number) => `${chars.slice(0, n).join('').trimEnd()}…`;
	// Binary search for the longest prefix that fits: labels can be whole free-text answers.
	let lo = 0;
	let hi = chars.length - 1;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (measureText(cut(mid), scale, bold) <= maxWidth) lo = mid;
		else hi = mid - 1;
	}
	return measureText(cut(lo), scale, bold) <= maxWidth ? cut(lo) : '';
}

/** Height in device pixels of a text line at this scale, descenders included; for laying out rows of text. */
export function lineHeight(scale = 1): number {
	return Math.ceil(CAP_HEIGHT * scale + descentPixels(scale));
}

/** Height of capital letters at this scale; for centring text on a bar. */
export function capHeight(scale = 1): number {
	return CAP_HEIGHT * scale;
}

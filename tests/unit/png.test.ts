// The dependency-free PNG path for report charts: encoder, outline text and the two chart renderers.
import { CHOICE_COLOURS } from '../../src/lib/charts/StackedBars/chart';
import { describe, expect, it } from 'vitest';
import { renderBarsPng, renderStackedPng } from '../../src/lib/report/chart-png';
import { existsSync, readFileSync } from 'node:fs';
import { CHARACTERS, coverage, unpackContours } from '../../src/lib/report/font';
import { fontFile, packContours } from '../../src/lib/report/truetype';
import { crc32, decodePngForTests, encodePng } from '../../src/lib/report/png';
import { Raster } from '../../src/lib/report/raster';

function rgbAt(img: { width: number; rgba: Uint8Array }, x: number, y: number): string {
	const i = (y * img.width + x) * 4;
	return `#${[0, 1, 2].map((k) => img.rgba[i + k].toString(16).padStart(2, '0')).join('')}`;
}

const DEJAVU = {
	regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
	bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
};

/** The leftmost and rightmost columns with any ink (anything not white). */
function inkBox(img: { width: number; height: number; rgba: Uint8Array }): { left: number; right: number } {
	let left = Infinity;
	let right = -Infinity;
	for (let y = 0; y < img.height; y++) {
		for (let x = 0; x < img.width; x++) {
			if (rgbAt(img, x, y) === '#ffffff') continue;
			left = Math.min(left, x);
			right = Math.max(right, x);
		}
	}
	return { left, right };
}

/** Every distinct '#rrggbb' in a decoded image. */
function coloursIn(png: Buffer): Set<string> {
	const img = decodePngForTests(png);
	const seen = new Set<string>();
	for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) seen.add(rgbAt(img, x, y));
	return seen;
}

describe('encodePng', () => {
	it('writes the PNG signature and a 13-byte IHDR with the size, 8-bit RGBA', () => {
		const png = encodePng(3, 2, new Uint8Array(3 * 2 * 4));
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(png.readUInt32BE(8)).toBe(13);
		expect(png.toString('ascii', 12, 16)).toBe('IHDR');
		expect(png.readUInt32BE(16)).toBe(3);
		expect(png.readUInt32BE(20)).toBe(2);
		expect([png[24], png[25], png[26], png[27], png[28]]).toEqual([8, 6, 0, 0, 0]);
		expect(png.toString('ascii', png.length - 8, png.length - 4)).toBe('IEND');
	});

	it('computes the standard CRC-32', () => {
		expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
		expect(crc32(Buffer.from('IEND'))).toBe(0xae426082);
	});

	it('round-trips a small image exactly', () => {
		const rgba = new Uint8Array(5 * 4 * 4);
		for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 37 + 11) % 256;
		const back = decodePngForTests(encodePng(5, 4, rgba));
		expect(back.width).toBe(5);
		expect(back.height).toBe(4);
		expect(back.rgba).toEqual(rgba);
	});

	it('rejects pixel data of the wrong length', () => {
		expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(RangeError);
	});
});

describe('Raster', () => {
	it('fills a rectangle with the colour, clipped to the canvas', () => {
		const r = new Raster(10, 8, '#ffffff');
		r.fillRect(2, 3, 4, 2, '#1d70b8');
		r.fillRect(8, 6, 10, 10, '#d4351c');
		const img = decodePngForTests(r.toPng());
		expect(rgbAt(img, 2, 3)).toBe('#1d70b8');
		expect(rgbAt(img, 5, 4)).toBe('#1d70b8');
		expect(rgbAt(img, 6, 4)).toBe('#ffffff');
		expect(rgbAt(img, 1, 3)).toBe('#ffffff');
		expect(rgbAt(img, 9, 7)).toBe('#d4351c');
		expect(img.rgba[3]).toBe(255);
	});

	it('draws anti-aliased text inside the width measure() gives, with capitals 7 × scale pixels tall', () => {
		for (const bold of [false, true]) {
			const r = new Raster(500, 60);
			const s = 'Not sure: 42% £3…';
			const drawn = r.text(10, 10, s, { scale: 3, bold, colour: '#0b0c0c' });
			expect(drawn).toBe(r.measure(s, 3, bold));
			const img = decodePngForTests(r.toPng());
			const ink = inkBox(img);
			expect(ink.left).toBeGreaterThanOrEqual(10);
			expect(ink.right).toBeLessThan(10 + drawn);
			expect(ink.right - ink.left).toBeGreaterThan(0.9 * drawn);
			const shades = coloursIn(r.toPng());
			expect(shades).toContain('#0b0c0c');
			// Edges are blended with the background, not stepped: a bitmap font would give two colours.
			expect(shades.size).toBeGreaterThan(10);
		}
		const h = new Raster(60, 60);
		h.text(10, 10, 'H', { scale: 3 });
		const solid = (y: number) =>
			[...Array(60).keys()].some((x) => rgbAt(decodePngForTests(h.toPng()), x, y) === '#0b0c0c');
		expect(solid(9)).toBe(false);
		expect(solid(10)).toBe(true);
		expect(solid(30)).toBe(true);
		expect(solid(31)).toBe(false);
	});

	it('draws bold heavier than regular', () => {
		const ink = (bold: boolean) => {
			const r = new Raster(300, 40);
			r.text(5, 5, 'Consent 42%', { scale: 2, bold });
			const img = decodePngForTests(r.toPng());
			let sum = 0;
			for (let i = 0; i < img.rgba.length; i += 4) sum += 255 - img.rgba[i];
			return sum;
		};
		expect(ink(true)).toBeGreaterThan(1.2 * ink(false));
	});

	it('right- and centre-aligns on x', () => {
		const w = new Raster(200, 30).measure('abc', 2);
		const img = (align: 'right' | 'center') => {
			const c = new Raster(200, 30);
			c.text(100, 5, 'abc', { scale: 2, align });
			return decodePngForTests(c.toPng());
		};
		const right = inkBox(img('right'));
		expect(right.right).toBeLessThanOrEqual(99);
		expect(right.right).toBeGreaterThanOrEqual(96);
		const centre = inkBox(img('center'));
		expect(Math.abs((centre.left + centre.right) / 2 - 100)).toBeLessThanOrEqual(2);
		expect(centre.left).toBeGreaterThanOrEqual(Math.round(100 - w / 2));
	});

	it('has every printable ASCII and Latin-1 character, typographic punctuation and Polish or Welsh letters, and boxes the rest', () => {
		for (let c = 32; c <= 126; c++) expect(CHARACTERS).toContain(String.fromCharCode(c));
		for (const ch of ['é', 'ö', 'ŵ', 'Ł', '‘', '’', '“', '”', '…', '–', '—', '£', '€', '•'])
			expect(CHARACTERS).toContain(ch);
		const r = new Raster(20, 12);
		expect(r.measure('é')).toBeGreaterThan(0);
		expect(r.measure('é')).toBe(r.measure('e'));
		// Characters outside the set are drawn as the font's box, the same for each.
		expect(r.measure('\u{1F600}')).toBe(r.measure('\u4e00'));
		// One mask for them all (the same object), so odd text cannot grow the caches.
		expect(coverage('\u{1F600}', 3, false)).toBe(coverage('\u4e00', 3, false));
		expect(coverage('é', 3, false)).not.toEqual(coverage('\u4e00', 3, false));
	});

	it('keeps outlines exactly through packing', () => {
		const contours = [
			[
				{ x: 10, y: 0, on: true },
				{ x: -300, y: 1400, on: false },
				{ x: 5, y: -20, on: true }
			],
			[{ x: 0, y: 0, on: false }]
		];
		expect(unpackContours(packContours(contours))).toEqual(contours);
	});

	it.skipIf(!existsSync(DEJAVU.regular))(
		'matches what scripts/build-font.ts makes from the system font',
		() => {
			const made = fontFile(readFileSync(DEJAVU.regular), readFileSync(DEJAVU.bold));
			expect(JSON.parse(JSON.stringify(made))).toEqual(
				JSON.parse(readFileSync('src/lib/report/fonts/dejavu-sans.json', 'utf8'))
			);
		}
	);
});

describe('chart renderers', () => {
	it('draws every bar in its colour, with text and a white background', () => {
		const png = renderBarsPng({
			title: 'Most common themes',
			unit: 'responses',
			source: 'Test consultation',
			bars: [
				{ label: 'Consent', value: 40 },
				{ label: 'A label far too long to fit in the label column of the chart at all', value: 25 },
				{ label: 'Cost', value: 3, colour: '#00703c' }
			]
		});
		const img = decodePngForTests(png);
		expect(img.width).toBe(1200);
		expect(rgbAt(img, 0, 0)).toBe('#ffffff');
		const colours = coloursIn(png);
		for (const c of ['#1d70b8', '#00703c', '#0b0c0c', '#505a5f']) expect(colours).toContain(c);
	});

	it('gives a label too long for one line a second, and every row the same height', () => {
		const bars = (label: string) => decodePngForTests(renderBarsPng({ title: 'Themes', bars: [{ label, value: 40 }, { label: 'Cost', value: 3 }] }));
		const short = bars('Consent');
		const long = bars('Health confidentiality and the two-tier approach, at some length');
		// Two rows, each grown by the second line's height.
		expect(long.height - short.height).toBeGreaterThanOrEqual(2 * 8);
		// The short label's row is as tall as the long one's: its bar sits lower than it would alone.
		const firstInk = (img: ReturnType<typeof decodePngForTests>, x: number) => {
			for (let y = 0; y < img.height; y++) if (rgbAt(img, x, y) === '#1d70b8') return y;
			return -1;
		};
		const x = 700;
		expect(firstInk(long, x)).toBeGreaterThan(firstInk(short, x));
	});

	it('draws every stacked segment in its category colour, defaulting Yes / No / Not sure', () => {
		const png = renderStackedPng({
			title: 'Do you agree? By sector',
			categories: ['Yes', 'No', 'Not sure', 'Other'],
			colours: { Other: '#4c2c92' },
			rows: [
				{ label: 'Health', counts: { Yes: 50, No: 30, 'Not sure': 20 } },
				{ label: 'Local government', counts: { Yes: 10, No: 60, 'Not sure': 10, Other: 20 } },
				{ label: 'Nobody', counts: {} }
			],
			source: 'Source: test'
		});
		const img = decodePngForTests(png);
		expect(img.width).toBe(1200);
		const colours = coloursIn(png);
		// The dashboard's own colours of Yes, No and Not sure.
		for (const c of [CHOICE_COLOURS.Yes.fill, CHOICE_COLOURS.No.fill, CHOICE_COLOURS['Not sure'].fill, '#4c2c92', '#ffffff', '#0b0c0c', '#505a5f']) {
			expect(colours).toContain(c);
		}
	});

	it('copes with no bars and no rows', () => {
		expect(decodePngForTests(renderBarsPng({ title: '', bars: [] })).width).toBe(1200);
		const empty = renderStackedPng({ title: 'Nothing yet', categories: [], colours: {}, rows: [] });
		expect(decodePngForTests(empty).height).toBeGreaterThan(0);
	});
});

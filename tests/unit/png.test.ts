// The dependency-free PNG path for report charts: encoder, bitmap text and the two chart renderers.
import { describe, expect, it } from 'vitest';
import { renderBarsPng, renderStackedPng } from '../../src/lib/report/chart-png';
import { CHARACTERS } from '../../src/lib/report/font';
import { crc32, decodePngForTests, encodePng } from '../../src/lib/report/png';
import { Raster } from '../../src/lib/report/raster';

function rgbAt(img: { width: number; rgba: Uint8Array }, x: number, y: number): string {
	const i = (y * img.width + x) * 4;
	return `#${[0, 1, 2].map((k) => img.rgba[i + k].toString(16).padStart(2, '0')).join('')}`;
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

	it('draws dark text exactly as wide as measure() says', () => {
		for (const bold of [false, true]) {
			const r = new Raster(400, 40);
			const s = 'Not sure: 42% £3…';
			const drawn = r.text(10, 5, s, { scale: 3, bold, colour: '#0b0c0c' });
			expect(drawn).toBe(r.measure(s, 3, bold));
			const img = decodePngForTests(r.toPng());
			let left = Infinity;
			let right = -Infinity;
			for (let y = 0; y < img.height; y++) {
				for (let x = 0; x < img.width; x++) {
					if (rgbAt(img, x, y) !== '#0b0c0c') continue;
					left = Math.min(left, x);
					right = Math.max(right, x);
				}
			}
			expect(left).toBe(10);
			expect(right - left + 1).toBe(drawn);
		}
	});

	it('right- and centre-aligns on x', () => {
		const r = new Raster(200, 20);
		const w = r.measure('abc', 2);
		const img = (align: 'right' | 'center') => {
			const c = new Raster(200, 20);
			c.text(100, 2, 'abc', { scale: 2, align });
			return decodePngForTests(c.toPng());
		};
		const darkColumns = (i: ReturnType<typeof img>) =>
			[...Array(i.width).keys()].filter((x) =>
				[...Array(i.height).keys()].some((y) => rgbAt(i, x, y) !== '#ffffff')
			);
		expect(Math.max(...darkColumns(img('right')))).toBe(99);
		expect(Math.min(...darkColumns(img('center')))).toBe(Math.round(100 - w / 2));
	});

	it('has a glyph for every printable ASCII character plus … – £, and boxes the rest', () => {
		for (let c = 32; c <= 126; c++) expect(CHARACTERS).toContain(String.fromCharCode(c));
		for (const ch of ['…', '–', '£']) expect(CHARACTERS).toContain(ch);
		const r = new Raster(20, 12);
		expect(r.measure('é')).toBeGreaterThan(0);
		expect(r.measure('é')).toBe(r.measure('\u{1F600}'));
	});
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
		for (const c of ['#1d70b8', '#d4351c', '#b1b4b6', '#4c2c92', '#ffffff', '#0b0c0c', '#505a5f']) {
			expect(colours).toContain(c);
		}
	});

	it('copes with no bars and no rows', () => {
		expect(decodePngForTests(renderBarsPng({ title: '', bars: [] })).width).toBe(1200);
		const empty = renderStackedPng({ title: 'Nothing yet', categories: [], colours: {}, rows: [] });
		expect(decodePngForTests(empty).height).toBeGreaterThan(0);
	});
});

// Encodes RGBA pixels as a PNG with node:zlib alone, so report images need no native or downloaded package.
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// CRC-32 (IEEE, reflected polynomial 0xedb88320) as the PNG spec requires; zlib's own crc32 arrived in Node 20.15
// and 22.2, so relying on it would narrow the engines range for a dozen lines of saving.
const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'ascii');
	data.copy(out, 8);
	// The CRC covers the chunk type and data, not the length.
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

/** 8-bit RGBA, non-interlaced; every row uses filter type 0, which deflate compresses well enough for flat charts. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
	if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
		throw new RangeError(`PNG size must be positive integers, got ${width}×${height}`);
	}
	const stride = width * 4;
	if (rgba.length !== stride * height) {
		throw new RangeError(`Expected ${stride * height} RGBA bytes for ${width}×${height}, got ${rgba.length}`);
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 6; // colour type: truecolour with alpha
	// Bytes 10–12 stay 0: deflate compression, adaptive filtering, no interlace.

	const raw = Buffer.alloc((stride + 1) * height);
	for (let y = 0; y < height; y++) {
		raw[y * (stride + 1)] = 0;
		raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
	}
	return Buffer.concat([
		SIGNATURE,
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

/** Reads back only what encodePng writes (8-bit RGBA, filter 0 rows); for tests, not a general decoder. */
export function decodePngForTests(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
	if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('Not a PNG: bad signature');
	let offset = 8;
	let width = 0;
	let height = 0;
	const idat: Buffer[] = [];
	while (offset < png.length) {
		const length = png.readUInt32BE(offset);
		const type = png.toString('ascii', offset + 4, offset + 8);
		const data = png.subarray(offset + 8, offset + 8 + length);
		const crc = png.readUInt32BE(offset + 8 + length);
		if (crc !== crc32(png.subarray(offset + 4, offset + 8 + length))) throw new Error(`Bad CRC in ${type}`);
		if (type === 'IHDR') {
			width = data.readUInt32BE(0);
			height = data.readUInt32BE(4);
			if (data[8] !== 8 || data[9] !== 6 || data[12] !== 0)
				throw new Error('Only 8-bit RGBA, non-interlaced');
		} else if (type === 'IDAT') idat.push(data);
		else if (type === 'IEND') break;
		offset += 12 + length;
	}
	const raw = inflateSync(Buffer.concat(idat));
	const stride = width * 4;
	if (raw.length !== (stride + 1) * height) throw new Error('Image data has the wrong length');
	const rgba = new Uint8Array(stride * height);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)];
		if (filter !== 0) throw new Error(`Row ${y} uses filter ${filter}; only filter 0 is supported`);
		rgba.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
	}
	return { width, height, rgba };
}

// Writes src/lib/report/fonts/dejavu-sans.json, the outlines the Word report's chart images are drawn with, from the
// system's DejaVu Sans (Debian's fonts-dejavu-core). Run again only to change the character set: the file is committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { fontFile } from '../src/lib/report/truetype';

const SOURCES = {
	regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
	bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
};
const OUT = 'src/lib/report/fonts/dejavu-sans.json';

try {
	const file = fontFile(readFileSync(SOURCES.regular), readFileSync(SOURCES.bold));
	writeFileSync(OUT, JSON.stringify(file) + '\n');
	console.error(`Wrote ${OUT}: ${Object.keys(file.regular.glyphs).length} characters per face`);
} catch (e) {
	console.error(`build-font: ${(e as Error).message}`);
	process.exit(1);
}

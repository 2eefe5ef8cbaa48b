// Downloads of a chart as it looks on screen: SVG with its title and source written in, or PNG drawn from that SVG.
// Runs in the browser only (called from a button's click handler).

const FONT = 'Arial, Helvetica, sans-serif';

function escapeXml(s: string): string {
	return s.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!
	);
}

/** A standalone SVG document: the chart, with a title above and the base and source below, fonts system-safe. */
export function standaloneSvg(
	svg: SVGSVGElement,
	title: string,
	footer: string
): { markup: string; width: number; height: number } {
	const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 640 400').split(/\s+/).map(Number);
	const top = 40;
	const bottom = 36;
	const width = w + 20;
	const height = h + top + bottom;
	const clone = svg.cloneNode(true) as SVGSVGElement;
	clone.removeAttribute('width');
	clone.removeAttribute('class');
	clone.querySelectorAll('[tabindex]').forEach((el) => el.removeAttribute('tabindex'));
	const inner = new XMLSerializer()
		.serializeToString(clone)
		.replace(/^<svg[^>]*>/, '')
		.replace(/<\/svg>$/, '');
	const markup =
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
		`<rect width="100%" height="100%" fill="#ffffff"/>` +
		`<text x="10" y="26" font-size="20" font-weight="bold" fill="#0b0c0c">${escapeXml(title)}</text>` +
		`<g transform="translate(10,${top})">${inner}</g>` +
		`<text x="10" y="${height - 12}" font-size="13" fill="#505a5f">${escapeXml(footer)}</text>` +
		`</svg>`;
	return { markup, width, height };
}

function save(blob: Blob, filename: string) {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(svg: SVGSVGElement, title: string, footer: string, filename: string) {
	const { markup } = standaloneSvg(svg, title, footer);
	save(new Blob([markup], { type: 'image/svg+xml' }), `${filename}.svg`);
}

export async function downloadPng(
	svg: SVGSVGElement,
	title: string,
	footer: string,
	filename: string,
	scale = 2
) {
	const { markup, width, height } = standaloneSvg(svg, title, footer);
	const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = width * scale;
		canvas.height = height * scale;
		const ctx = canvas.getContext('2d')!;
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0, width, height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) throw new Error('The chart could not be saved as PNG.');
		save(blob, `${filename}.png`);
	} finally {
		URL.revokeObjectURL(url);
	}
}

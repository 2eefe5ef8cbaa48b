// Downloads of a chart as it looks on screen: SVG with its title, key, filters and source written in, or PNG drawn
// from that SVG.
// Runs in the browser only (called from a button's click handler).

const FONT = 'Arial, Helvetica, sans-serif';

/** Text made safe inside XML or HTML markup. */
export function escapeXml(s: string): string {
	return s.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!
	);
}

/** One entry of a chart's key: what a colour stands for. */
export interface KeyItem {
	label: string;
	colour: string;
}

/** Text split into lines of at most `chars` characters, at spaces. */
function wrap(text: string, chars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > chars) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * A standalone SVG document that reads on its own when pasted into a report: the title above, then the key (what
 * each colour means, which on screen sits outside the chart), the chart, and below it what is shown (the filters), the
 * base and the source, wrapped to the width. The chart's frame is widened to take in any label drawn outside its
 * viewBox (long row names, slanted column headings), which the page shows but a bare copy would cut off.
 */
export function standaloneSvg(
	svg: SVGSVGElement,
	title: string,
	footer: string[],
	key: KeyItem[] = []
): { markup: string; width: number; height: number } {
	const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 640 400').split(/\s+/).map(Number);
	// Labels shortened on screen ("British Association of Social…", whose full name is in the tooltip and the table)
	// are written out in full: a picture in a Word document has neither. They are put in for as long as it takes to
	// measure and copy the chart, then put back, before the page is drawn again.
	// The text's own node is changed and changed back (not replaced), so the page's later updates still reach it.
	// A text may be several nodes ("{label} (n={base})"): the first takes the full label, the rest are emptied.
	const shortened = [...svg.querySelectorAll<SVGTextElement>('text[data-label]')].flatMap((t) =>
		[...t.childNodes]
			.filter((n): n is Text => n.nodeType === Node.TEXT_NODE)
			.map((node, i) => ({ node, shown: node.data, full: i === 0 ? t.getAttribute('data-label')! : '' }))
	);
	// A label written on two lines on screen is written on one in the picture, where the two lines' middle was
	// (data-y: the first line's text takes the whole label, the second is emptied).
	const moved = [...svg.querySelectorAll<SVGTextElement>('text[data-y]')].map((t) => ({ t, y: t.getAttribute('y') }));
	for (const s of shortened) s.node.data = s.full;
	for (const m of moved) m.t.setAttribute('y', m.t.getAttribute('data-y')!);
	let box: DOMRect;
	let clone: SVGSVGElement;
	try {
		box = svg.getBBox();
		clone = svg.cloneNode(true) as SVGSVGElement;
	} finally {
		for (const s of shortened) s.node.data = s.shown;
		for (const m of moved) if (m.y !== null) m.t.setAttribute('y', m.y);
	}
	const x0 = Math.floor(Math.min(0, box.x));
	const y0 = Math.floor(Math.min(0, box.y));
	const chartWidth = Math.ceil(Math.max(w, box.x + box.width)) - x0;
	const chartHeight = Math.ceil(Math.max(h, box.y + box.height)) - y0;
	const width = Math.max(chartWidth, 420) + 20;
	// The key, left to right, on as many rows as it needs (about 7.5 units a character at 14).
	const keyMarks: string[] = [];
	let kx = 10;
	let ky = 44;
	for (const item of key) {
		const itemWidth = 22 + item.label.length * 7.5 + 16;
		if (kx > 10 && kx + itemWidth > width - 10) {
			kx = 10;
			ky += 22;
		}
		keyMarks.push(
			`<rect x="${kx}" y="${ky}" width="14" height="14" fill="${escapeXml(item.colour)}" stroke="#0b0c0c" stroke-width="0.5"/>` +
				`<text x="${kx + 20}" y="${ky + 12}" font-size="14" fill="#0b0c0c">${escapeXml(item.label)}</text>`
		);
		kx += itemWidth;
	}
	const top = key.length ? ky + 30 : 40;
	const lines = footer.flatMap((f) => wrap(f, Math.floor((width - 20) / 7)));
	const height = top + chartHeight + 16 + lines.length * 18;
	clone.removeAttribute('width');
	clone.querySelectorAll('[data-label]').forEach((el) => el.removeAttribute('data-label'));
	clone.querySelectorAll('[data-y]').forEach((el) => el.removeAttribute('data-y'));
	clone.removeAttribute('class');
	clone.querySelectorAll('[tabindex]').forEach((el) => el.removeAttribute('tabindex'));
	// What belongs to the page's markup, not the picture: references to the page's hint text, and Svelte's comments.
	clone.querySelectorAll('[aria-describedby]').forEach((el) => el.removeAttribute('aria-describedby'));
	const comments = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
	const found: Node[] = [];
	while (comments.nextNode()) found.push(comments.currentNode);
	for (const c of found) c.parentNode?.removeChild(c);
	// The focus ring belongs to the page, not the picture.
	clone.querySelectorAll('.app-chart__focus-ring').forEach((el) => el.remove());
	// Links (a theme's name leading to its page) mean nothing in a picture: drawn as plain text.
	clone.querySelectorAll('a').forEach((a) => {
		a.querySelectorAll('text').forEach((t) => {
			t.setAttribute('fill', '#0b0c0c');
			t.removeAttribute('text-decoration');
		});
		a.replaceWith(...a.childNodes);
	});
	const inner = new XMLSerializer()
		.serializeToString(clone)
		.replace(/^<svg[^>]*>/, '')
		.replace(/<\/svg>$/, '');
	const markup =
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
		`<rect width="100%" height="100%" fill="#ffffff"/>` +
		`<text x="10" y="26" font-size="20" font-weight="bold" fill="#0b0c0c">${escapeXml(title)}</text>` +
		keyMarks.join('') +
		// The chart's own text size (an attribute of its root, which is not copied) keeps the labels as on screen.
		`<g transform="translate(${10 - x0},${top - y0})" font-size="${escapeXml(svg.getAttribute('font-size') ?? '14')}">${inner}</g>` +
		lines.map((l, i) => `<text x="10" y="${top + chartHeight + 28 + i * 18}" font-size="13" fill="#505a5f">${escapeXml(l)}</text>`).join('') +
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

export function downloadSvg(svg: SVGSVGElement, title: string, footer: string[], key: KeyItem[], filename: string) {
	const { markup } = standaloneSvg(svg, title, footer, key);
	save(new Blob([markup], { type: 'image/svg+xml' }), `${filename}.svg`);
}

export async function downloadPng(
	svg: SVGSVGElement,
	title: string,
	footer: string[],
	key: KeyItem[],
	filename: string,
	scale = 2
) {
	const { markup, width, height } = standaloneSvg(svg, title, footer, key);
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

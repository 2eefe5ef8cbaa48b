// Splits text into plain and highlighted pieces for the evidence terms; rendered as text nodes, never as HTML.
export interface Piece {
	text: string;
	mark: boolean;
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function highlight(text: string, terms: string[]): Piece[] {
	const usable = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 1))].sort((a, b) => b.length - a.length);
	if (!usable.length) return [{ text, mark: false }];
	const re = new RegExp(`(?<![\\p{L}\\p{N}])(${usable.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
	const out: Piece[] = [];
	let at = 0;
	for (const m of text.matchAll(re)) {
		if (m.index! > at) out.push({ text: text.slice(at, m.index), mark: false });
		out.push({ text: m[0], mark: true });
		at = m.index! + m[0].length;
	}
	if (at < text.length) out.push({ text: text.slice(at), mark: false });
	return out;
}

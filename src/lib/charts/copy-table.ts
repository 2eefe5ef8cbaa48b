// A chart's table as it is pasted into a document: its title, what it shows, the grid, and its base and source, so
// that a table copied into the Government Response reads on its own, as the chart's images do.
import { escapeXml } from './export';

export interface CopyTable {
	title: string;
	/** Lines under the title: the question asked, the filters ("Showing: …"). */
	before: string[];
	columns: string[];
	/** Cells as shown on the page (formatted). */
	rows: string[][];
	/** Lines under the table: the base and source, groups too small to publish. */
	after: string[];
}

/**
 * The table as HTML (what Word and most editors paste: a table with its title above and its notes below) and as
 * plain text (a tab between cells, for a spreadsheet or a plain editor). Numbers are right-aligned, as on the page.
 */
export function tableForCopy(t: CopyTable): { html: string; text: string } {
	const cell = (tag: 'th' | 'td', value: string, numeric: boolean, scope?: 'col' | 'row') =>
		`<${tag}${scope ? ` scope="${scope}"` : ''} style="border:1px solid #b1b4b6;padding:4px 8px;text-align:${numeric ? 'right' : 'left'}">${escapeXml(value)}</${tag}>`;
	const head = `<tr>${t.columns.map((c, j) => cell('th', c, j > 0, 'col')).join('')}</tr>`;
	const body = t.rows.map((r) => `<tr>${r.map((v, j) => (j === 0 ? cell('th', v, false, 'row') : cell('td', v, true))).join('')}</tr>`).join('');
	const para = (s: string) => `<p style="font-family:Arial,sans-serif;font-size:10pt;margin:4px 0">${escapeXml(s)}</p>`;
	const html = [
		`<p style="font-family:Arial,sans-serif;font-size:12pt;font-weight:bold;margin:4px 0">${escapeXml(t.title)}</p>`,
		...t.before.map(para),
		`<table style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:10pt"><thead>${head}</thead><tbody>${body}</tbody></table>`,
		...t.after.map(para)
	].join('');
	// Tabs and line breaks inside a cell would split it in a spreadsheet.
	const flat = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
	const text = [t.title, ...t.before, '', ...[t.columns, ...t.rows].map((r) => r.map(flat).join('\t')), '', ...t.after].join('\n');
	return { html, text };
}

/**
 * Puts the table on the clipboard as HTML and plain text. The Clipboard API needs a secure context (HTTPS or this
 * machine) and may be refused; then the browser's copy command is used, with the same two forms put on the clipboard
 * as it copies (nothing is selected, so what the reader had selected stays so).
 */
export async function copyTable(t: CopyTable): Promise<void> {
	const { html, text } = tableForCopy(t);
	if (window.isSecureContext && navigator.clipboard && typeof ClipboardItem !== 'undefined') {
		try {
			await navigator.clipboard.write([
				new ClipboardItem({
					'text/html': new Blob([html], { type: 'text/html' }),
					'text/plain': new Blob([text], { type: 'text/plain' })
				})
			]);
			return;
		} catch {
			// Refused (a policy, or the page lost focus): the copy command below may still be allowed.
		}
	}
	let copied = false;
	const put = (e: ClipboardEvent) => {
		if (!e.clipboardData) return;
		e.clipboardData.setData('text/html', html);
		e.clipboardData.setData('text/plain', text);
		e.preventDefault();
		copied = true;
	};
	document.addEventListener('copy', put);
	try {
		document.execCommand('copy');
	} finally {
		document.removeEventListener('copy', put);
	}
	if (!copied) throw new Error('this browser would not copy it');
}

// The publishable answers download is sent while it is read, from a connection of its own: the same bytes as the
// whole-file version, one snapshot even when the data change mid-download, and the connection closed however it ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvChunks, neutraliseCell, toCsv } from '../../src/lib/csv-safe';
import { openDb, type DB } from '../../src/lib/server/db/client';
import {
	publishableAnswerRows,
	publishableAnswers,
	PUBLISHABLE_COLUMNS
} from '../../src/lib/server/db/exports';
import { buildFilter } from '../../src/lib/server/filters';
import { csvStream } from '../../src/lib/server/stream-csv';
import { bundledDb } from '../helpers/bundle';

let path: string;
let cleanup: () => void;
beforeAll(async () => {
	({ path, cleanup } = await bundledDb());
});
afterAll(() => cleanup());

const FIELDS = [...PUBLISHABLE_COLUMNS];
/** Keeps the byte-order mark, which the download must start with. */
const bytes = new TextDecoder('utf-8', { ignoreBOM: true });
const whole = (db: DB, query: string) =>
	'\uFEFF' + toCsv(FIELDS, publishableAnswers(db, buildFilter(db, new URLSearchParams(query)))) + '\r\n';

function download(reader: DB, query: string, size?: number): Response {
	const rows = () => publishableAnswerRows(reader, buildFilter(reader, new URLSearchParams(query)));
	return csvStream(reader, FIELDS, rows, 'test.csv', size);
}

describe('neutraliseCell', () => {
	it('shows as text what a spreadsheet would run as a formula, spaces before it or not, and leaves the rest', () => {
		for (const cell of ['=SUM(A1)', '+44 20', '-1', '@home', '\t=1', '\r=1', ' =HYPERLINK("x")', '\u00a0\u00a0+1', '\n=1'])
			expect(neutraliseCell(cell)).toBe(`'${cell}`);
		for (const cell of ['plain', 'a = b', 'email@example', 'x-1', '', 42, null]) expect(neutraliseCell(cell)).toBe(cell);
	});
});

describe('csvChunks', () => {
	const rows = [
		['a,b', 'say "hi"', '=SUM(A1)', null],
		['line\nbreak', '', '+44 20', '@home'],
		['plain', 'x', '-1', 'ok']
	];
	it('joins to exactly what toCsv writes, at any piece size, and to the header line alone with no rows', () => {
		const objects = rows.map((r) => Object.fromEntries(['w', 'x', 'y', 'z'].map((k, i) => [k, r[i]])));
		for (const size of [1, 2, 3, 2000]) {
			expect([...csvChunks(['w', 'x', 'y', 'z'], rows, size)].join('')).toBe(
				toCsv(['w', 'x', 'y', 'z'], objects) + '\r\n'
			);
		}
		// With no rows, the header line alone (the whole-file version added a blank line after it).
		expect([...csvChunks(['w', 'x'], [])].join('')).toBe('w,x\r\n');
	});
});

describe('the responses download', () => {
	it('sends the same bytes as the whole-file CSV under each kind of filter', async () => {
		const db = openDb(path, { readonly: true });
		for (const query of [
			'',
			'sector=health',
			'theme=consent',
			'question=q5&answer=No',
			'q=consent',
			'question=q7&stance=oppose',
			'answer=Nonexistent'
		]) {
			const reader = openDb(path, { readonly: true });
			expect(bytes.decode(await download(reader, query).arrayBuffer()), query).toBe(whole(db, query));
			expect(reader.open).toBe(false);
		}
		db.close();
	});

	it('names each answer\'s themes in the same order as their ids, in codeframe order', () => {
		const db = openDb(path, { readonly: true });
		const label = new Map(db.prepare('SELECT id, label FROM theme').raw().all() as [string, string][]);
		const position = new Map(db.prepare('SELECT id, position FROM theme').raw().all() as [string, number][]);
		const rows = publishableAnswers(db, buildFilter(db, new URLSearchParams('theme=consent')));
		expect(rows.length).toBeGreaterThan(10);
		let several = 0;
		for (const r of rows) {
			const ids = String(r.themes).split(';');
			expect(ids).toContain('consent');
			expect(String(r.theme_labels)).toBe(ids.map((id) => label.get(id)).join('; '));
			expect(ids.map((id) => position.get(id)!)).toEqual(ids.map((id) => position.get(id)!).sort((a, b) => a - b));
			if (ids.length > 1) several++;
		}
		expect(several).toBeGreaterThan(0);
		db.close();
	});

	it('reads one snapshot while another connection writes, and leaves that connection free meanwhile', async () => {
		const writer = openDb(path);
		const before = whole(writer, '');
		const last = writer
			.prepare(
				'SELECT response_id FROM respondent WHERE confidential = 0 AND organisation IS NOT NULL ORDER BY response_id DESC LIMIT 1'
			)
			.pluck()
			.get() as string;
		const reader = openDb(path, { readonly: true });
		const stream = download(reader, '', 100).body!.getReader();
		const decoder = bytes;
		let text = decoder.decode((await stream.read()).value);
		expect(text.length).toBeGreaterThan(0);
		// Pieces of 100 rows: the last respondent's are still to come.
		expect(text).not.toContain(`\r\n${last},`);
		const old = writer.prepare('SELECT organisation FROM respondent WHERE response_id = ?').pluck().get(last);
		writer
			.prepare("UPDATE respondent SET organisation = 'Renamed mid-download' WHERE response_id = ?")
			.run(last);
		for (let piece = await stream.read(); !piece.done; piece = await stream.read())
			text += decoder.decode(piece.value);
		expect(text).toBe(before);
		expect(whole(writer, '')).toContain('Renamed mid-download');
		writer.prepare('UPDATE respondent SET organisation = ? WHERE response_id = ?').run(old, last);
		writer.close();
	});

	it('closes its connection when the reader goes away, and when the filter is refused', async () => {
		const reader = openDb(path, { readonly: true });
		const stream = download(reader, '', 100).body!.getReader();
		await stream.read();
		expect(reader.open).toBe(true);
		await stream.cancel();
		expect(reader.open).toBe(false);

		// Cancelled before the first piece was read: the statement was never stepped by the pieces, and is ended here.
		const early = openDb(path, { readonly: true });
		await download(early, '', 100).body!.cancel();
		expect(early.open).toBe(false);

		const refused = openDb(path, { readonly: true });
		expect(() =>
			csvStream(
				refused,
				FIELDS,
				() => {
					throw new Error('bad filter');
				},
				'x.csv'
			)
		).toThrow('bad filter');
		expect(refused.open).toBe(false);
	});
});

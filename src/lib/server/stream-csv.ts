// A CSV download sent while it is read, from a connection of its own that is closed when the last row is sent, the
// reader goes away or a read fails: large downloads then neither fill memory nor keep other pages waiting.
import { csvChunks } from '../csv-safe';
import type { DB } from './db/client';

/**
 * `rows` is called once, inside a guard that closes the connection if it throws; `size` is rows per piece sent.
 * The rows' iterator is ended before the connection is closed (better-sqlite3 refuses to close mid-statement).
 */
export function csvStream(
	reader: DB,
	fields: string[],
	rows: () => Iterator<unknown[]> & Iterable<unknown[]>,
	filename: string,
	size = 2000
): Response {
	let source: Iterator<unknown[]> & Iterable<unknown[]>;
	try {
		source = rows();
	} catch (e) {
		reader.close();
		throw e;
	}
	const chunks = csvChunks(fields, source, size);
	const encoder = new TextEncoder();
	let first = true;
	const done = () => {
		chunks.return(undefined);
		source.return?.();
		if (reader.open) reader.close();
	};
	const body = new ReadableStream<Uint8Array>({
		// One piece per pull: the event loop serves other requests between pieces.
		pull(controller) {
			try {
				const next = chunks.next();
				if (next.done) {
					done();
					controller.close();
					return;
				}
				// A byte-order mark first, so Excel reads the file as UTF-8.
				controller.enqueue(encoder.encode((first ? '\uFEFF' : '') + next.value));
				first = false;
			} catch (e) {
				done();
				controller.error(e);
			}
		},
		cancel: done
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`
		}
	});
}

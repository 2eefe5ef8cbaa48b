// Reads and checks an import file, on the importing thread or (for a large file) on a thread of its own, so that
// parsing and checking one part of the file overlaps with storing the part before. Either way the importer receives
// the same items in the same order.
import { availableParallelism } from 'node:os';
import { tsWorker } from '../server/ts-worker';
import { readCsv, type Encoding } from './csv';
import type { ImportProblem } from './errors';
import { columnsFor, type ImportDefinition, type ImportKind } from './kinds';
import { RowChecker, type CheckedItem } from './rows';

export interface ReadJob {
	path: string;
	display: string;
	kind: ImportKind;
	definition: ImportDefinition;
	encoding?: Encoding;
}

export interface ReadResult {
	/** Problems with the file as a whole (encoding, quoting, header); row problems come as items. */
	problems: ImportProblem[];
	rows: number;
	/** How many times the reader waited for the importer to store what it had sent. */
	waited: number;
}

/** Items a batch; at most this many batches sent and not yet stored, which bounds the memory between the threads. */
const BATCH = 1000;
const IN_FLIGHT = 8;
/** Below this a thread costs more to start (about 0.4 s, loading its TypeScript) than it saves: measured slower at
 * 17 MB, 2 s faster at 170 MB. */
export const THREAD_FROM_BYTES = 48 * 2 ** 20;

/**
 * Parses and checks the file, giving `send` its items in batches. With a `gate` (shared with the importing thread,
 * which counts down as it stores each batch) it waits while IN_FLIGHT batches are unstored.
 */
export async function readChecked(job: ReadJob, gate: SharedArrayBuffer | null, send: (m: { items: CheckedItem[] }) => void): Promise<ReadResult> {
	const checker = new RowChecker(columnsFor(job.kind, job.definition), job.display);
	const inFlight = gate ? new Int32Array(gate) : null;
	let batch: CheckedItem[] = [];
	let waited = 0;
	const flush = () => {
		if (inFlight) {
			for (let n = Atomics.load(inFlight, 0); n >= IN_FLIGHT; n = Atomics.load(inFlight, 0)) {
				waited++;
				Atomics.wait(inFlight, 0, n);
			}
			Atomics.add(inFlight, 0, 1);
		}
		send({ items: batch });
		batch = [];
	};
	const push = (item: CheckedItem) => batch.push(item);
	// A failure of whoever receives the items (storing them, on this thread) ends the read with that failure itself,
	// as it does when the rows are read on a thread of their own; papaparse would otherwise report it as a problem of
	// the file.
	const failed: { error?: unknown; yes: boolean } = { yes: false };
	const result = await readCsv(
		job.path,
		job.display,
		{
			header: (names) => checker.header(names),
			row({ line, cells }) {
				if (failed.yes) return;
				try {
					checker.row(line, cells, push);
					if (batch.length >= BATCH) flush();
				} catch (error) {
					failed.yes = true;
					failed.error = error;
				}
			}
		},
		job.encoding
	);
	if (failed.yes) throw failed.error;
	if (batch.length) flush();
	return { ...result, waited };
}

/**
 * Reads the file and hands each item to `consume`, in file order. `thread`: true reads on a thread of its own, false
 * on this one; by default a thread is used for a file of THREAD_FROM_BYTES or more on a machine with two cores.
 */
export function readFile(job: ReadJob, consume: (item: CheckedItem) => void, thread: boolean): Promise<ReadResult> {
	if (!thread) return readChecked(job, null, ({ items }) => items.forEach(consume));
	const gate = new SharedArrayBuffer(4);
	const inFlight = new Int32Array(gate);
	const worker = tsWorker(new URL('./read-worker.ts', import.meta.url), { workerData: { ...job, gate } });
	return new Promise<ReadResult>((resolve, reject) => {
		let settled = false;
		const settle = (error: Error | null, result?: ReadResult) => {
			if (settled) return;
			settled = true;
			if (error) {
				// Wake the thread if it is waiting for room, so that it can be stopped.
				Atomics.store(inFlight, 0, 0);
				Atomics.notify(inFlight, 0);
				void worker.terminate();
				reject(error);
			} else {
				void worker.terminate();
				resolve(result!);
			}
		};
		worker.on('message', (m: { items?: CheckedItem[]; done?: ReadResult; failed?: string }) => {
			if (settled) return;
			if (m.items) {
				try {
					for (const item of m.items) consume(item);
				} catch (e) {
					settle(e as Error);
					return;
				}
				Atomics.sub(inFlight, 0, 1);
				Atomics.notify(inFlight, 0);
			} else if (m.failed !== undefined) {
				settle(new Error(m.failed));
			} else if (m.done) {
				settle(null, m.done);
			}
		});
		worker.once('error', (e) => settle(e));
		worker.once('exit', (code) => settle(new Error(`the thread reading ${job.display} stopped (exit code ${code}) before it finished`)));
	});
}

export const threadPays = (bytes: number): boolean => bytes >= THREAD_FROM_BYTES && availableParallelism() >= 2;

// The reader thread of a large import: parses and checks the file (readFile in reader.ts) and sends the results to the
// importing thread in batches, waiting whenever that thread falls behind, so memory stays flat whatever the file size.
import { parentPort, workerData } from 'node:worker_threads';
import { readChecked, type ReadJob } from './reader';

const job = workerData as ReadJob & { gate: SharedArrayBuffer };
readChecked(job, job.gate, (message) => parentPort!.postMessage(message)).then(
	(done) => parentPort!.postMessage({ done }),
	(e: unknown) => parentPort!.postMessage({ failed: String((e as Error)?.message ?? e) })
);

// Starts a worker thread on a TypeScript module. The thread registers tsx's loader (what runs the command-line scripts)
// before it imports the module; the threads serve the command line (analyse, import), never the web server.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const TSX_API = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;

export function tsWorker(module: URL, options: WorkerOptions = {}): Worker {
	const source = `import(${JSON.stringify(TSX_API)})
	.then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); })`;
	return new Worker(source, { ...options, eval: true });
}

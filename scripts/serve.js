// Serves the built app (what `npm start` runs). SvelteKit refuses a form post unless it comes from the site's own
// origin, and adapter-node's own server needs ORIGIN set to know that origin: with it fixed to
// http://127.0.0.1:3000, signing in at http://localhost:3000 failed. Served directly (ORIGIN not set), this server
// takes the origin from the address the browser used, over plain HTTP, and answers only to this machine's own names
// and addresses (so a page on another site cannot reach it under a name of its choosing). Behind an HTTPS proxy, set
// ORIGIN to the public address and the request is handled exactly as adapter-node's own server would.
import http from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { inTurn } from './in-turn.js';

const PROTOCOL = 'x-consult-lens-protocol';
const direct = !process.env.ORIGIN;
// adapter-node reads this when its handler is loaded: the protocol comes from a header only this server sets.
if (direct) process.env.PROTOCOL_HEADER = PROTOCOL;
const { handler } = await import('../build/handler.js');

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 3000);

/** The names this machine answers to: loopback, its host name, the address it listens on, and (listening on every
 * interface) each interface's address. */
function ownNames() {
	const names = new Set(['localhost', '127.0.0.1', '::1', hostname().toLowerCase(), host.toLowerCase()]);
	if (host === '0.0.0.0' || host === '::') {
		for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(a.address.toLowerCase());
	}
	return names;
}
const names = ownNames();

/** "example:3000" → "example"; "[::1]:3000" → "::1". */
function nameOf(hostHeader) {
	const h = (hostHeader ?? '').toLowerCase();
	if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
	const colon = h.lastIndexOf(':');
	return colon === -1 ? h : h.slice(0, colon);
}

/**
 * Headers every answer carries, including those SvelteKit sends outside the app's hook (a role refused by the hook
 * is rendered from src/error.html, without the hook's headers). The app's own headers, its Content-Security-Policy
 * with hashed scripts among them, replace these where it sets them.
 */
const DEFAULT_HEADERS = {
	'content-security-policy': "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'same-origin'
};

const serve = inTurn((req, res) =>
	handler(req, res, () => {
		res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
		res.end('Not found\n');
	})
);

const server = http.createServer((req, res) => {
	for (const [name, value] of Object.entries(DEFAULT_HEADERS)) res.setHeader(name, value);
	if (direct) {
		if (!names.has(nameOf(req.headers.host))) {
			res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
			res.end(
				`This server does not answer to "${req.headers.host ?? ''}". Open it at http://127.0.0.1:${port}/, ` +
					'or start it with ORIGIN set to the address people use (for example ORIGIN=https://consult.example.gov.uk).\n'
			);
			return;
		}
		req.headers[PROTOCOL] = 'http';
	}
	serve(req, res);
});

server.listen(port, host, () => {
	const shown = host.includes(':') ? `[${host}]` : host;
	console.log(`Listening on http://${shown}:${port}`);
});

// As adapter-node's server: stop taking requests, let those under way finish, then exit.
function shutdown() {
	server.closeIdleConnections();
	server.close(() => process.exit(0));
	setTimeout(() => server.closeAllConnections(), 30_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

// The server's requests are served in the order they arrived: people opening the dashboard while others keep it
// busy are not left waiting to be let in (scripts/in-turn.js says why they were).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { inTurn } from '../../scripts/in-turn.js';

/** Work that holds the event loop, as rendering a page from SQLite does. */
function busy(ms: number) {
	const until = performance.now() + ms;
	while (performance.now() < until);
}

const servers: http.Server[] = [];
afterEach(() => {
	for (const s of servers.splice(0)) {
		s.closeAllConnections();
		s.close();
	}
});

async function start(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
	const server = http.createServer(handle);
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { port: (server.address() as AddressInfo).port };
}

function get(port: number, agent: http.Agent): Promise<number> {
	return new Promise((resolve, reject) => {
		http
			.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
				let body = '';
				res.on('data', (d) => (body += d));
				res.on('end', () => resolve(Number(body)));
			})
			.on('error', reject);
	});
}

describe('inTurn', () => {
	it('lets in people who arrive while others keep the server busy, first come first served', async () => {
		let served = 0;
		const { port } = await start(
			inTurn((_req, res) => {
				busy(2);
				res.end(String(served++));
			})
		);
		// 20 people who keep their connections open and ask again as soon as they are answered.
		const regulars = new http.Agent({ keepAlive: true, maxSockets: 20 });
		let stop = false;
		const loops = Array.from({ length: 20 }, async () => {
			while (!stop) await get(port, regulars);
		});
		while (served < 100) await get(port, regulars);
		// Then 20 more arrive at once, each on a new connection.
		const before = served;
		const newcomers = await Promise.all(
			Array.from({ length: 20 }, () => get(port, new http.Agent({ keepAlive: false })))
		);
		stop = true;
		await Promise.all(loops);
		regulars.destroy();
		// One newcomer is let in per turn, and one request starts per turn, so the last is in after about 20 requests,
		// behind at most the other 39 people: 59 in every run here. Before, it waited while the regulars were served over
		// and over (231 requests in the run that checked this test fails without inTurn).
		expect(Math.max(...newcomers) - before).toBeLessThanOrEqual(80);
	});

	it('starts requests in the order they came, one per turn, and drops those whose sender has gone', async () => {
		const started: string[] = [];
		const serve = inTurn((req) => void started.push(req.url ?? ''));
		const request = (url: string, destroyed = false) => ({ url, socket: { destroyed } });
		for (const url of ['/a', '/b']) serve(request(url) as never, {} as never);
		serve(request('/gone', true) as never, {} as never);
		serve(request('/c') as never, {} as never);
		await new Promise((resolve) => setImmediate(resolve));
		expect(started).toEqual(['/a']);
		for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
		expect(started).toEqual(['/a', '/b', '/c']);
	});

	it('keeps the order through a long queue that never empties, more arriving as each is started', async () => {
		const started: number[] = [];
		let sent = 0;
		const serve = inTurn((req) => {
			started.push(Number(req.url));
			// Each request started brings another, as under load that never lets up, until 5,000 have come.
			if (sent < 5_000) serve({ url: String(sent++), socket: { destroyed: false } } as never, {} as never);
		});
		for (let i = 0; i < 50; i++) serve({ url: String(sent++), socket: { destroyed: false } } as never, {} as never);
		while (started.length < 5_000) await new Promise((resolve) => setImmediate(resolve));
		expect(started).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
	});
});

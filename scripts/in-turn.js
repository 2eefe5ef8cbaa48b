// Serves a server's requests one at a time in the order they arrived, each in an event-loop turn of its own.
//
// Why: libuv (1.46 in Node 20 here; libuv pull request 3696) accepts one new connection per turn of the event loop, and a turn handles
// every request already read from the connections it holds. Pages here are rendered synchronously (SQLite), so with
// 50 busy keep-alive connections a turn took about 300 ms and someone newly opening the dashboard waited in the
// kernel's queue for up to 12 s while the others were served again and again. Starting one request per turn lets
// the server accept at the rate it answers, and serves everyone first come, first served.

/**
 * @template {import('node:http').IncomingMessage} Req
 * @template {import('node:http').ServerResponse} Res
 * @param {(req: Req, res: Res) => unknown} handle
 * @returns {(req: Req, res: Res) => void}
 */
export function inTurn(handle) {
	/** @type {([Req, Res] | undefined)[]} */
	let waiting = [];
	let head = 0;
	let scheduled = false;
	function next() {
		scheduled = false;
		const job = waiting[head];
		// Served requests are let go at once, and the list is cut down now and then: under load that never lets up it
		// would otherwise hold every request ever made.
		waiting[head++] = undefined;
		if (head >= 1024 && head * 2 >= waiting.length) {
			waiting = waiting.slice(head);
			head = 0;
		}
		if (head === waiting.length) {
			waiting = [];
			head = 0;
		} else {
			// Before this request runs, so a handler that throws cannot stall those behind it.
			scheduled = true;
			setImmediate(next);
		}
		// Whoever sent it has gone: nobody to answer.
		if (job && !job[0].socket.destroyed) handle(job[0], job[1]);
	}
	return (req, res) => {
		waiting.push([req, res]);
		if (!scheduled) {
			scheduled = true;
			setImmediate(next);
		}
	};
}

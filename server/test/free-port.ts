import { createServer } from 'node:net';

/** A loopback port that is free now, for child processes that must be told their port in advance. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** Below the ephemeral ranges of Linux (32768–60999), macOS and Windows (49152–65535). */
const STABLE_PORTS = { from: 20_000, to: 32_000 };

/**
 * A free loopback port for a server that is killed and restarted on the same port: it lies below the
 * ephemeral range, so neither an outgoing connection nor another test's `listen(0)` can be given it
 * while the server is down. Falls back to freePort() when no tried port is free.
 */
export async function freeRestartablePort(): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port =
			STABLE_PORTS.from + Math.floor(Math.random() * (STABLE_PORTS.to - STABLE_PORTS.from));
		if (await canListen(port)) return port;
	}
	return freePort();
}

function canListen(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

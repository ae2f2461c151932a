import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** A port that is free now; chosen once per run so a restarted server keeps the same origin. */
async function freePort(): Promise<number> {
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

export default async function globalSetup(): Promise<void> {
	if (!existsSync('build/200.html') || !existsSync('build/sw.js')) {
		throw new Error('build/ is missing: run `npm run build` before the browser tests.');
	}
	// Workers inherit the environment of the main process, so every test sees the same port.
	process.env.KW_E2E_PORT ??= String(await freePort());
}

import { existsSync } from 'node:fs';
import { freePort } from '../../../server/test/free-port';

export default async function globalSetup(): Promise<void> {
	if (!existsSync('build/200.html') || !existsSync('build/sw.js')) {
		throw new Error('build/ is missing: run `npm run build` before the browser tests.');
	}
	// Workers inherit the environment of the main process, so every test sees the same port.
	process.env.KW_E2E_PORT ??= String(await freePort());
}

import { test as base, expect } from '@playwright/test';
import { AppServer } from './app-server';

/**
 * Every test gets its own server process with an empty data directory, on the run's one port (so the
 * origin, and with it the browser's storage rules, stay the same). A test may stop and restart it; a
 * fresh browser context per test (Playwright's default) gives each test empty IndexedDB as well, so no
 * test can pass on data another test left behind.
 */
export const test = base.extend<{ appServer: AppServer }>({
	appServer: async (
		// eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
		{},
		use
	) => {
		const port = Number(process.env.KW_E2E_PORT);
		if (!port) throw new Error('KW_E2E_PORT is not set (global setup did not run).');
		const server = new AppServer({ port });
		await server.start();
		await use(server);
		await server.dispose();
	},
	baseURL: async ({ appServer }, use) => {
		await use(appServer.origin);
	}
});

export { expect };

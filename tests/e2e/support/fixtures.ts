import { test as base, expect } from '@playwright/test';
import { AppServer } from './app-server';

interface WorkerFixtures {
	appServer: AppServer;
}

/**
 * `appServer` runs once per worker on the run's port; a test that stops it gets it restarted afterwards,
 * so the next test starts from a running server. `baseURL` is its localhost origin (the owner's origin).
 */
export const test = base.extend<{ serverGuard: void }, WorkerFixtures>({
	appServer: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
		async ({}, use) => {
			const port = Number(process.env.KW_E2E_PORT);
			if (!port) throw new Error('KW_E2E_PORT is not set (global setup did not run).');
			const server = new AppServer({ port });
			await server.start();
			await use(server);
			await server.dispose();
		},
		{ scope: 'worker' }
	],
	baseURL: async ({ appServer }, use) => {
		await use(appServer.origin);
	},
	serverGuard: [
		async ({ appServer }, use) => {
			await use();
			if (!appServer.isRunning) await appServer.start();
		},
		{ auto: true }
	]
});

export { expect };

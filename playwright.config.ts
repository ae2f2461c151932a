import { defineConfig } from '@playwright/test';

// Browser tests run in Debian's Chromium (Playwright cannot download browsers here)
// against the product's own server, which a fixture starts and can stop (tests/e2e/support/app-server.ts).
export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/support/global-setup.ts',
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		locale: 'de-DE',
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	}
});

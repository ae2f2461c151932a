import type { Page } from '@playwright/test';

/** Resolves once a service worker controls the page, i.e. the precache is installed. */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
		timeout: 30_000
	});
}

import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { AppServer } from './support/app-server';
import { KommuneFormPage } from './pages/kommune-form';
import { KOMMUNEN } from './support/test-data';
import { waitForServiceWorkerControl } from './support/service-worker';

test('a new version offered while a page is open shows the notice and does not take over the page', async ({
	page,
	appServer
}) => {
	// A copy of the build that this test can turn into a "new version" by changing the service worker.
	const buildCopy = mkdtempSync(join(tmpdir(), 'kw-e2e-build-'));
	cpSync('build', buildCopy, { recursive: true });
	await appServer.stop();
	const server = new AppServer({ port: appServer.port, buildDir: buildCopy });
	await server.start();
	try {
		const form = new KommuneFormPage(page);
		await form.create(KOMMUNEN[9]!);
		await waitForServiceWorkerControl(page);
		const oldWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
		await page.evaluate(() => ((window as unknown as { kwMarker: string }).kwMarker = 'alt'));

		appendFileSync(join(buildCopy, 'sw.js'), '\n// new release\n');
		// The browser checks for a new worker on navigation and periodically; ask it now.
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

		await expect(
			page.getByText('Eine neue Version der Kommunalwerkstatt ist bereit.')
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Jetzt aktualisieren' })).toBeVisible();

		// Nothing happened by itself: same page instance, same controlling worker, work still editable.
		expect(await page.evaluate(() => (window as unknown as { kwMarker?: string }).kwMarker)).toBe(
			'alt'
		);
		const waiting = await page.evaluate(
			async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state
		);
		expect(waiting).toBe('installed');

		// The old version still loads every route's code from its own precache, even with the server gone.
		await server.stop();
		await page.getByRole('link', { name: 'Barrierefreiheit' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' })
		).toBeVisible();
		await page.getByRole('link', { name: 'Kommunen', exact: true }).click();
		await expect(page.getByRole('row').filter({ hasText: 'Einbeck' })).toBeVisible();
		expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
			oldWorker
		);

		// On consent, the new version takes over and the page reloads into it.
		await server.start();
		await Promise.all([
			page.waitForEvent('framenavigated'),
			page.getByRole('button', { name: 'Jetzt aktualisieren' }).click()
		]);
		await expect(
			page.getByText('Eine neue Version der Kommunalwerkstatt ist bereit.')
		).toBeHidden();
		expect(await page.evaluate(() => (window as unknown as { kwMarker?: string }).kwMarker)).toBe(
			undefined
		);
	} finally {
		await server.dispose();
		rmSync(buildCopy, { recursive: true, force: true });
	}
});

import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { seriousViolations } from './support/axe';
import { storedMap } from './support/server-database';
import { waitForServiceWorkerControl } from './support/service-worker';
import { KOMMUNEN } from './support/test-data';

const HANNOVER = KOMMUNEN[0]!;
const TIME = /\d\d:\d\d:\d\d/;

/** The storage state in the header: a disclosure whose summary is the one word. */
const storageState = (page: Page) => page.locator('header details').locator('summary');

async function profileRow(page: Page) {
	const summary = storageState(page);
	if ((await page.locator('header details').getAttribute('open')) === null) await summary.click();
	const table = page.getByRole('table', { name: 'Wo die geöffneten Daten gespeichert sind' });
	return table
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'Profil der Kommune' }) });
}

test('an edit is gesichert only once the laptop server wrote it; while it cannot, the page says nicht gesichert and asks before closing', async ({
	page,
	appServer
}) => {
	const form = new KommuneFormPage(page);
	await form.create(HANNOVER);

	await expect(storageState(page)).toHaveText(new RegExp(`gesichert ${TIME.source}`), {
		timeout: 15_000
	});
	const row = await profileRow(page);
	await expect(row.getByRole('cell').nth(1)).toHaveText(new RegExp(`^gesichert ${TIME.source}$`));
	await expect(row.getByRole('cell').nth(2)).toHaveText('nicht eingerichtet');
	// gesichert: the server's database holds the profile, read from its SQLite file.
	const storedProfile = () => storedMap(appServer, `kommune/${HANNOVER.ars}/profile`, 'profile');
	expect(storedProfile()).toMatchObject({ name: HANNOVER.name, population: 548_000 });

	// The server goes away; the next edit is stored on this device only.
	await appServer.stop();
	await form.population.fill('549.000');
	await page.getByRole('button', { name: 'Speichern', exact: true }).click();
	await expect(storageState(page)).toHaveText(/nicht gesichert/);
	await expect(row.getByRole('cell').nth(0)).toHaveText(new RegExp(`^gespeichert ${TIME.source}$`));
	await expect(row.getByRole('cell').nth(1)).toHaveText(
		new RegExp(`^nicht gesichert \\(keine Verbindung\\); zuletzt gesichert ${TIME.source}$`)
	);
	await expect(page.getByText(/Nicht alle Eingaben sind schon auf einem Server/)).toBeVisible();
	expect(storedProfile()).toMatchObject({ population: 548_000 });
	expect(await seriousViolations(page)).toEqual([]);

	// Closing the tab now asks first; staying keeps the page.
	const asked = page.waitForEvent('dialog');
	await page.close({ runBeforeUnload: true });
	const dialog = await asked;
	expect(dialog.type()).toBe('beforeunload');
	await dialog.dismiss();
	expect(page.isClosed()).toBe(false);

	// The server is back: the edit reaches it and is acknowledged with no further action.
	await appServer.start();
	await expect(storageState(page)).toHaveText(
		new RegExp(`^\\s*Speicherstand:\\s*✓\\s*gesichert ${TIME.source}\\s*$`),
		{
			timeout: 30_000
		}
	);
	expect(storedProfile()).toMatchObject({ name: HANNOVER.name, population: 549_000 });

	// Nothing is unsaved any more: closing does not ask.
	let askedAgain = false;
	page.on('dialog', (d) => {
		askedAgain = true;
		void d.accept();
	});
	await page.close({ runBeforeUnload: true });
	await expect.poll(() => page.isClosed()).toBe(true);
	expect(askedAgain).toBe(false);
});

test('gesichert survives an offline reload when nothing changed since the server wrote it', async ({
	page,
	appServer
}) => {
	const form = new KommuneFormPage(page);
	await form.create(HANNOVER);
	await expect(storageState(page)).toHaveText(new RegExp(`gesichert ${TIME.source}`), {
		timeout: 15_000
	});
	const before = await storageState(page).textContent();
	await waitForServiceWorkerControl(page);

	await appServer.stop();
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: HANNOVER.name })).toBeVisible();
	await expect(storageState(page)).toHaveText(before!.trim());
	const row = await profileRow(page);
	await expect(row.getByRole('cell').nth(1)).toHaveText(new RegExp(`^gesichert ${TIME.source}$`));
});

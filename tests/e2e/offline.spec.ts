import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { StartPage } from './pages/start-page';
import { KOMMUNEN } from './support/test-data';
import { profileDocName } from '../../src/lib/domain/document-names';
import { expectSavedOnServer, storedMap } from './support/server-database';
import { readServerProfile } from './support/server-documents';
import { waitForServiceWorkerControl } from './support/service-worker';

const LUENEBURG = KOMMUNEN[7]!;

test('after the first visit, every route and a typed deep link open with the server stopped', async ({
	page,
	appServer
}) => {
	const form = new KommuneFormPage(page);
	await form.create(LUENEBURG);
	await waitForServiceWorkerControl(page);
	const status = new StartPage(page).syncStatus;
	await expect(status).toHaveText(/mit Server verbunden/);

	await appServer.stop();
	await expect(status).toHaveText(/nicht verbunden/);

	const reloaded = await page.reload();
	expect(reloaded?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('heading', { level: 1, name: 'Lüneburg' })).toBeVisible();

	for (const [path, heading] of [
		['/', 'Kommunen auf diesem Gerät'],
		['/kommune/neu', 'Kommune anlegen'],
		['/kommune/033550022022', 'Lüneburg'],
		['/barrierefreiheit', 'Erklärung zur Barrierefreiheit'],
		['/datenschutz', 'Datenschutz'],
		['/impressum', 'Impressum']
	] as const) {
		const response = await page.goto(path);
		expect(response?.fromServiceWorker(), path).toBe(true);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
	}
	await expect(new StartPage(page).syncStatus).toHaveText(/nicht verbunden/);
});

test('with the sync server stopped, an edit in one tab appears in the other tab', async ({
	page,
	context,
	appServer
}) => {
	const form = new KommuneFormPage(page);
	await form.create(LUENEBURG);
	await waitForServiceWorkerControl(page);
	const url = page.url();

	await appServer.stop();

	const second = await context.newPage();
	await second.goto(url);
	const secondForm = new KommuneFormPage(second);
	await expect(secondForm.population).toHaveValue('78.000');

	await form.population.fill('79.250');
	await form.landkreis.fill('Landkreis Lüneburg');
	await page.getByRole('button', { name: 'Speichern', exact: true }).click();

	// Only the BroadcastChannel relay can carry this: the server is down.
	await expect(second.getByText('79.250')).toBeVisible();
	await expect(secondForm.population).toHaveValue('79.250');
	await expect(secondForm.landkreis).toHaveValue('Landkreis Lüneburg');
});

test('a municipality created while the server is stopped survives an offline reload and reaches the server once it is back', async ({
	page,
	appServer
}) => {
	const start = new StartPage(page);
	await start.open();
	await waitForServiceWorkerControl(page);
	await appServer.stop();

	const form = new KommuneFormPage(page);
	await form.openNew();
	await form.fill(KOMMUNEN[8]!);
	await form.submitCreate();
	await expect(page.getByRole('heading', { level: 1, name: 'Emsbüren' })).toBeVisible();

	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Emsbüren' })).toBeVisible();

	// When the server is back, the edit made offline reaches it without the user doing anything.
	await appServer.start();
	await expect(new StartPage(page).syncStatus).toHaveText(/mit Server verbunden/, {
		timeout: 30_000
	});
	await expect
		.poll(async () => (await readServerProfile(appServer, KOMMUNEN[8]!.ars))?.name, {
			timeout: 30_000
		})
		.toBe('Emsbüren');
	// In the server's database once the page says "gesichert", not only in the server's memory.
	await expectSavedOnServer(page);
	expect(storedMap(appServer, profileDocName(KOMMUNEN[8]!.ars), 'profile')).toMatchObject({
		name: 'Emsbüren'
	});
	await start.open();
	await expect(start.row('Emsbüren')).toBeVisible();
});

import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { StartPage } from './pages/start-page';
import { KOMMUNEN } from './support/test-data';
import { indexedDbNames } from './support/browser-storage';
import { expectSavedOnServer, storedMap } from './support/server-database';
import { seriousViolations } from './support/axe';
import { storedDocumentNames } from './support/server-documents';

const HANNOVER = KOMMUNEN[0]!;
const BRAUNSCHWEIG = KOMMUNEN[1]!;

test('the start page says what to do first when no municipality is on this device', async ({
	page
}) => {
	const start = new StartPage(page);
	await start.open();
	await expect(start.emptyState).toBeVisible();
	await expect(page.getByRole('link', { name: 'Kommune anlegen' }).first()).toBeVisible();
	await expect(start.syncStatus).toBeVisible();
});

test('a municipality created on this device is still listed after a reload and reaches the server', async ({
	page,
	appServer
}) => {
	const form = new KommuneFormPage(page);
	await form.create(HANNOVER);
	// The AGS is derived from the ARS by hand: Land+RB+Kreis (03241) and Gemeinde (001).
	await expect(page.getByText('03241001', { exact: true })).toBeVisible();
	await expect(page.getByText('GK 1: über 400.000 Einwohner')).toBeVisible();
	await expect(page.getByText('50.000 Einwohner und mehr')).toBeVisible();

	// The profile is the Yjs document kommune/<ARS>/profile. Once the page says gesichert, the server's
	// database holds it: one key per field, the population as a number.
	await expectSavedOnServer(page);
	expect(storedMap(appServer, 'kommune/032410001001/profile', 'profile')).toMatchObject({
		ars: '032410001001',
		name: 'Hannover',
		landkreis: 'Region Hannover',
		population: 548000
	});

	const start = new StartPage(page);
	await start.open();
	await page.reload();
	await expect(start.row('Hannover')).toContainText('Region Hannover');
	await expect(start.row('Hannover')).toContainText('548.000');
	expect(await indexedDbNames(page)).toContain('kommune/032410001001/profile');
});

test('a municipality picked from the official register by keyboard fills the form and is stored as picked', async ({
	page,
	appServer
}) => {
	const form = new KommuneFormPage(page);
	await form.openNew();
	const matches = page.getByRole('listbox', { name: 'Treffer im Gemeindeverzeichnis' });

	// A place the list does not hold: the form says so, and its fields stay free to fill by hand.
	await form.register.pressSequentially('Hamburg');
	await expect(page.getByText('Nicht im Gemeindeverzeichnis gefunden.')).toBeVisible();
	await expect(form.register).toHaveAttribute('aria-expanded', 'false');

	// The Samtgemeinde Wesendorf (14,621) comes before its member Gemeinde Wesendorf (5,378).
	await form.register.fill('');
	await form.register.pressSequentially('wesend');
	await expect(matches.getByRole('option')).toHaveCount(2);
	await expect(page.getByText('© Statistisches Bundesamt (Destatis)')).toBeVisible();
	await expect(page.getByText(/Gebietsstand 31\.12\.2020/)).toBeVisible();
	await form.register.press('ArrowDown');
	await form.register.press('ArrowDown');
	const member = matches.getByRole('option', {
		name: /Mitgliedsgemeinde der Samtgemeinde Wesendorf/
	});
	await expect(member).toHaveAttribute('aria-selected', 'true');
	await expect(form.register).toHaveAttribute(
		'aria-activedescendant',
		(await member.getAttribute('id'))!
	);
	expect(await seriousViolations(page), 'register list open').toEqual([]);

	await form.register.press('Enter');
	await expect(matches).toBeHidden();
	await expect(form.ars).toHaveValue('031515407038');
	await expect(form.name).toHaveValue('Wesendorf');
	await expect(form.type).toHaveValue('einheitsgemeinde');
	await expect(form.landkreis).toHaveValue('Landkreis Gifhorn');
	await expect(form.population).toHaveValue('5.378');
	// Escape on the closed list empties the search and leaves the form as filled.
	await form.register.press('Escape');
	await expect(form.register).toHaveValue('');
	await expect(form.name).toHaveValue('Wesendorf');

	await form.coreStaff.fill('42');
	await form.submitCreate();
	await expect(page.getByRole('heading', { level: 1, name: 'Wesendorf' })).toBeVisible();
	await expectSavedOnServer(page);
	expect(storedMap(appServer, 'kommune/031515407038/profile', 'profile')).toMatchObject({
		ars: '031515407038',
		name: 'Wesendorf',
		type: 'einheitsgemeinde',
		landkreis: 'Landkreis Gifhorn',
		population: 5378,
		coreStaff: 42
	});
});

test('an invalid ARS is refused with a message at the field and nothing is saved', async ({
	page
}) => {
	const form = new KommuneFormPage(page);
	await form.openNew();
	await form.fill({ ...BRAUNSCHWEIG, ars: '03101000000' });
	await form.submitCreate();
	await expect(page.getByText('Der ARS ist zu kurz: Er hat genau 12 Ziffern.')).toBeVisible();
	await expect(form.ars).toHaveAttribute('aria-invalid', 'true');
	await expect(form.ars).toBeFocused();

	await form.ars.fill('03101000000A');
	await form.submitCreate();
	await expect(page.getByText('Der ARS besteht nur aus Ziffern.')).toBeVisible();

	await form.ars.fill('171010000000');
	await form.submitCreate();
	await expect(page.getByText(/müssen ein Land bezeichnen/)).toBeVisible();

	const start = new StartPage(page);
	await start.open();
	await expect(start.emptyState).toBeVisible();
	expect((await indexedDbNames(page)).filter((n) => n.startsWith('kommune/'))).toEqual([]);
});

test('a number out of range is refused with the range the field takes, in German notation', async ({
	page
}) => {
	const form = new KommuneFormPage(page);
	await form.openNew();
	await form.fill({ ...BRAUNSCHWEIG, population: '5.000.000', itStaffFte: '60,55' });
	await form.submitCreate();
	await expect(form.population).toHaveAccessibleDescription(
		/Bitte eine ganze Zahl von 1 bis 4\.000\.000 eingeben\./
	);
	await expect(form.itStaffFte).toHaveAccessibleDescription(
		/Bitte eine Zahl von 0 bis 50\.000 eingeben, höchstens eine Nachkommastelle/
	);
	expect((await indexedDbNames(page)).filter((n) => n.startsWith('kommune/'))).toEqual([]);
});

test('a second municipality with the same ARS is refused with a link to the first', async ({
	page
}) => {
	const form = new KommuneFormPage(page);
	await form.create(BRAUNSCHWEIG);

	await form.openNew();
	await form.fill({ ...BRAUNSCHWEIG, name: 'Braunschweig (doppelt)' });
	await form.submitCreate();
	await expect(
		page.getByText('Eine Kommune mit diesem ARS gibt es auf diesem Gerät bereits: Braunschweig.')
	).toBeVisible();
	await page.getByRole('link', { name: 'Zu Braunschweig wechseln' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Braunschweig' })).toBeVisible();

	const start = new StartPage(page);
	await start.open();
	await expect(start.list.getByRole('row')).toHaveCount(2); // header row + Braunschweig
});

test('an edited profile keeps its new values after a reload', async ({ page }) => {
	const form = new KommuneFormPage(page);
	await form.create(BRAUNSCHWEIG);
	await form.population.fill('251.500');
	await form.itStaffFte.fill('61,5');
	await page.getByRole('button', { name: 'Speichern', exact: true }).click();
	await expect(page.getByText('Gespeichert auf diesem Gerät.')).toBeVisible();

	await page.reload();
	await expect(form.population).toHaveValue('251.500');
	await expect(form.itStaffFte).toHaveValue('61,5');
	const start = new StartPage(page);
	await start.open();
	await expect(start.row('Braunschweig')).toContainText('251.500');
});

test('the Landkreis is marked as required exactly for the types that need one', async ({
	page
}) => {
	const form = new KommuneFormPage(page);
	await form.openNew();
	// A required control is announced as such (HTML's required maps to aria-required); the label's
	// mark shows it.
	const label = page.locator('label[for="landkreis"]');
	await expect(form.landkreis).toHaveJSProperty('required', false);
	for (const type of ['Stadt', 'Einheitsgemeinde', 'Samtgemeinde'] as const) {
		await form.type.selectOption({ label: type });
		await expect(form.landkreis, type).toHaveJSProperty('required', true);
		await expect(label, type).toContainText('*');
	}
	for (const type of ['Kreisfreie Stadt', 'Landkreis', 'Region'] as const) {
		await form.type.selectOption({ label: type });
		await expect(form.landkreis, type).toHaveJSProperty('required', false);
		await expect(label, type).not.toContainText('*');
	}
	await form.type.selectOption({ label: 'Stadt' });
	expect(await seriousViolations(page), 'Landkreis required').toEqual([]);
});

test('a sync file saved on one laptop brings the municipality to a fresh one; a damaged copy is refused and changes nothing', async ({
	page,
	browser,
	appServer
}) => {
	await new KommuneFormPage(page).create(HANNOVER);
	await page.getByLabel('Titel des Workshops').fill('Auftaktworkshop');
	await page.getByRole('button', { name: 'Workshop anlegen' }).click();
	await expect(page.getByRole('link', { name: 'Auftaktworkshop' })).toBeVisible();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Sync-Datei speichern' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(
		/^kommunalwerkstatt-032410001001-\d{4}-\d\d-\d\d\.kwsync$/
	);
	const bytes = await readFile((await download.path())!);
	await expectSavedOnServer(page);
	const onServer = storedDocumentNames(appServer, 'kommune/');

	// The second laptop: a fresh browser profile, nothing of the municipality on it.
	const laptop = await browser.newContext({ baseURL: appServer.origin, locale: 'de-DE' });
	const second = await laptop.newPage();
	const start = new StartPage(second);
	await start.open();
	await second.getByRole('button', { name: 'Sicherung oder Sync-Datei einlesen …' }).click();
	const picker = second.getByLabel('Sync-Datei einlesen');
	const damaged = Buffer.from(bytes);
	damaged[damaged.length - 100]! ^= 0x01;
	await picker.setInputFiles({
		name: 'kaputt.kwsync',
		mimeType: 'application/octet-stream',
		buffer: damaged
	});
	await expect(second.getByRole('alert')).toHaveText(
		'Die Sync-Datei ist beschädigt. Es wurde nichts geändert.'
	);
	await expect(start.emptyState).toBeVisible();
	expect((await indexedDbNames(second)).filter((name) => name.startsWith('kommune/'))).toEqual([]);

	await picker.setInputFiles({
		name: 'sync.kwsync',
		mimeType: 'application/octet-stream',
		buffer: bytes
	});
	const preview = second.getByRole('group', { name: 'Inhalt der Sync-Datei' });
	await expect(preview).toContainText('Kommune Hannover (ARS 032410001001)');
	await expect(preview).toContainText('Workshop „Auftaktworkshop“: neu auf diesem Gerät');
	await expect(start.emptyState).toBeVisible();
	await preview.getByRole('button', { name: 'Einlesen', exact: true }).click();
	await expect(second.getByText(/^Sync-Datei eingelesen: \d+ Dokumente/)).toBeVisible();
	await expect(start.row('Hannover')).toContainText('548.000');
	expect(await indexedDbNames(second)).toContain('kommune/032410001001/profile');

	await second.getByRole('link', { name: 'Kommune Hannover öffnen' }).click();
	await expect(second.getByRole('heading', { level: 1, name: 'Hannover' })).toBeVisible();
	await expect(second.getByRole('link', { name: 'Auftaktworkshop' })).toBeVisible();
	// What the file brought is the same document the server holds: the second laptop's copy is
	// covered by it at once, and the server holds no document more than before.
	await expectSavedOnServer(second);
	expect(storedMap(appServer, 'kommune/032410001001/profile', 'profile')).toMatchObject({
		name: 'Hannover',
		population: 548000
	});
	expect(storedDocumentNames(appServer, 'kommune/')).toEqual(onServer);
	await laptop.close();
});

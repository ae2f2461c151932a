// Undo per person (SPEC.md S16) on the card board, with the facilitator on the laptop and a
// participant on her own device: Ctrl+Z takes back my own last change and leaves hers; Ctrl+Shift+Z
// restores mine; after she changed the same card (hers, which I had corrected), my undo leaves her
// text. Asserted on the server.
import type { Page } from '@playwright/test';
import { readCards } from '../../src/lib/crdt/workshop-cards';
import { LAN_HOST, launchLanBrowser } from './support/lan-devices';
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { WorkshopPage } from './pages/workshop-page';
import { seriousViolations } from './support/axe';
import { readServerDocument } from './support/server-documents';
import { KOMMUNEN } from './support/test-data';

/** A card's text on a board (not the same words in a select's options). */
const cardOn = (device: Page, text: string) =>
	device
		.getByRole('paragraph')
		.filter({ hasText: new RegExp(`^${text.replace(/[()]/g, '\\$&')}$`) });

/** Opens a card's tools and saves a new text for it. */
async function correct(device: Page, from: string, to: string) {
	await device
		.getByRole('button', { name: `„${from}“ einordnen, zusammenführen oder entfernen` })
		.click();
	const field = device.getByLabel(`Text der Karte „${from}“`);
	await field.fill(to);
	await field.press('Enter');
	await expect(cardOn(device, to)).toBeVisible();
}

test('my undo takes back only my own change, redo restores it, and a text someone changed after me stays', async ({
	page,
	appServer
}) => {
	test.setTimeout(90_000);
	const kommune = KOMMUNEN[0]!;
	await new KommuneFormPage(page).create(kommune);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const board = `${new URL(page.url()).pathname.slice(1)}/board`;
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	await page
		.getByRole('button', { name: '„Kartenabfrage: Was hindert uns heute?“ jetzt starten' })
		.click();
	const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');
	await page.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	const texts = async () =>
		(await readServerDocument(appServer, board, readCards)).cards.map((c) => c.text).sort();

	const lanBrowser = await launchLanBrowser();
	try {
		const anna = await (await lanBrowser.newContext({ locale: 'de-DE' })).newPage();
		await anna.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
		await anna.getByLabel('Ihr Name').fill('Anna');
		await anna.getByRole('button', { name: 'Beitreten' }).click();
		await anna.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
		// Anna's cards: she may change only her own (server/SPEC.md W6), the facilitator any.
		for (const text of ['Eins', 'Zwei']) {
			await anna.getByLabel('Ihre Karte').fill(text);
			await anna.getByRole('button', { name: 'Karte hinzufügen' }).click();
			await expect(cardOn(page, text)).toBeVisible();
		}

		// I correct "Eins", then Anna corrects "Zwei".
		await correct(page, 'Eins', 'Eins (Moderation)');
		await correct(anna, 'Zwei', 'Zwei (Anna)');
		await expect(cardOn(page, 'Zwei (Anna)')).toBeVisible();
		await expect.poll(texts).toEqual(['Eins (Moderation)', 'Zwei (Anna)']);

		// Ctrl+Z outside a text field: my correction goes, Anna's stays.
		const undoButton = page.getByRole('button', { name: 'Meine letzte Änderung zurücknehmen' });
		await undoButton.focus();
		await page.keyboard.press('Control+z');
		await expect(page.getByText('Ihre letzte Änderung wurde zurückgenommen.')).toBeVisible();
		await expect.poll(texts).toEqual(['Eins', 'Zwei (Anna)']);
		await expect(cardOn(anna, 'Eins')).toBeVisible();
		await expect(cardOn(anna, 'Zwei (Anna)')).toBeVisible();

		// Ctrl+Shift+Z brings my correction back.
		await page.keyboard.press('Control+Shift+z');
		await expect.poll(texts).toEqual(['Eins (Moderation)', 'Zwei (Anna)']);

		// Anna changes the card I corrected; my undo then leaves her text in place.
		await correct(anna, 'Eins (Moderation)', 'Eins (Anna)');
		await expect.poll(texts).toEqual(['Eins (Anna)', 'Zwei (Anna)']);
		await undoButton.click();
		await expect(page.getByText(/jemand anderes geändert; sie bleibt so/)).toBeVisible();
		await expect(cardOn(page, 'Eins (Anna)')).toBeVisible();
		await expect(cardOn(page, 'Zwei (Anna)')).toBeVisible();
		await expect.poll(texts).toEqual(['Eins (Anna)', 'Zwei (Anna)']);
		expect(await seriousViolations(page), 'card board with undo').toEqual([]);
	} finally {
		await lanBrowser.close();
	}
});

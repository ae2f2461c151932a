// Undo per person (SPEC.md S16, ADR 9) on the card board, with the facilitator on the laptop and a
// participant on her own device: Ctrl+Z takes back my own last change and leaves hers; Ctrl+Shift+Z
// restores mine; after someone changed the same card, my undo leaves their text, and a card moved on
// by someone else stays where they put it. A participant changes only her own cards (server write
// rules), so she is the one whose change gets replaced. Asserted on the server.
import type { Locator, Page } from '@playwright/test';
import type * as Y from 'yjs';
import { readCards, readClusters } from '../../src/lib/crdt/workshop-cards';
import { LAN_HOST, joinWithCode, launchLanBrowser } from './support/lan-devices';
import { workshopWithRunningCards } from './support/card-workshop';
import { expect, test } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { readServerDocument } from './support/server-documents';
import { expectSavedOnServer, storedDocument } from './support/server-database';

/** A card's text on a board or in one of its groups (not the same words in a select's options). */
const cardOn = (device: Page | Locator, text: string) =>
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
	const { board, code } = await workshopWithRunningCards(page);
	await page.getByLabel('Ihre Karte').fill('Eins');
	await page.getByRole('button', { name: 'Karte hinzufügen' }).click();
	await expect(cardOn(page, 'Eins')).toBeVisible();
	const texts = async () =>
		(await readServerDocument(appServer, board, readCards)).cards.map((c) => c.text).sort();

	const lanBrowser = await launchLanBrowser();
	try {
		const anna = await (await lanBrowser.newContext({ locale: 'de-DE' })).newPage();
		await anna.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
		await anna.getByLabel('Ihr Name').fill('Anna');
		await anna.getByRole('button', { name: 'Beitreten' }).click();
		await anna.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
		await anna.getByLabel('Ihre Karte').fill('Zwei');
		await anna.getByRole('button', { name: 'Karte hinzufügen' }).click();
		await expect(cardOn(page, 'Zwei')).toBeVisible();

		// I correct "Eins", then Anna corrects "Zwei".
		await correct(page, 'Eins', 'Eins (Moderation)');
		await correct(anna, 'Zwei', 'Zwei (Anna)');
		await expect(cardOn(page, 'Zwei (Anna)')).toBeVisible();
		await expect.poll(texts).toEqual(['Eins (Moderation)', 'Zwei (Anna)']);

		// Ctrl+Z outside a text field: my correction goes, Anna's stays.
		const undoButton = page.getByRole('button', { name: 'Rückgängig', exact: true });
		await undoButton.focus();
		await page.keyboard.press('Control+z');
		await expect(page.getByText('Ändern von „Eins“ rückgängig gemacht.')).toBeVisible();
		await expect.poll(texts).toEqual(['Eins', 'Zwei (Anna)']);
		await expect(cardOn(anna, 'Eins')).toBeVisible();
		await expect(cardOn(anna, 'Zwei (Anna)')).toBeVisible();

		// Ctrl+Shift+Z brings my correction back.
		await page.keyboard.press('Control+Shift+z');
		await expect.poll(texts).toEqual(['Eins (Moderation)', 'Zwei (Anna)']);

		// I change the card Anna corrected; her undo then leaves my text in place.
		await correct(page, 'Zwei (Anna)', 'Zwei (Moderation)');
		await expect.poll(texts).toEqual(['Eins (Moderation)', 'Zwei (Moderation)']);
		await expect(cardOn(anna, 'Zwei (Moderation)')).toBeVisible();
		await anna.getByRole('button', { name: 'Rückgängig', exact: true }).click();
		await expect(anna.getByText(/jemand anderes geändert; sie bleibt so/)).toBeVisible();
		await expect(cardOn(anna, 'Zwei (Moderation)')).toBeVisible();
		await expect(cardOn(page, 'Zwei (Moderation)')).toBeVisible();
		await expect.poll(texts).toEqual(['Eins (Moderation)', 'Zwei (Moderation)']);
		expect(await seriousViolations(page), 'card board with undo').toEqual([]);
	} finally {
		await lanBrowser.close();
	}
});

/** Moves a card into a group with the card's tools, as a keyboard user would. */
async function moveTo(device: Page, text: string, group: string) {
	await device
		.getByRole('button', { name: `„${text}“ einordnen, zusammenführen oder entfernen` })
		.click();
	await device.getByLabel(`Gruppe für „${text}“`).selectOption({ label: group });
	await device.getByRole('button', { name: `„${text}“ verschieben` }).click();
	await expect(cardOn(groupOn(device, group), text)).toBeVisible();
}

const groupOn = (device: Page, name: string) => device.getByRole('region', { name, exact: true });

test('my undo of a move never takes back the move somebody made after mine: the card stays in their group', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	const card = 'Akten nur auf Papier';
	const marker = 'Nach dem Rückgängig';
	const { board, code } = await workshopWithRunningCards(page);
	for (const name of ['Technik', 'Organisation']) {
		await page.getByLabel('Name der neuen Gruppe').fill(name);
		await page.getByLabel('Name der neuen Gruppe').press('Enter');
		await expect(groupOn(page, name)).toBeVisible();
	}
	/** The card's group and whether the card added after the undo is there, as a document holds them. */
	const state = (doc: Y.Doc) => {
		const { cards } = readCards(doc);
		const clusterId = cards.find((c) => c.text === card)?.clusterId;
		return {
			group: readClusters(doc).find((c) => c.id === clusterId)?.name ?? null,
			marker: cards.some((c) => c.text === marker)
		};
	};

	const lanBrowser = await launchLanBrowser();
	try {
		// Device A: Anna, on her own device, with her own card (a participant moves only her cards).
		const anna = await joinWithCode(lanBrowser, appServer.port, code, 'Anna');
		await anna.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
		await expect(groupOn(anna, 'Organisation')).toBeVisible();
		await anna.getByLabel('Ihre Karte').fill(card);
		await anna.getByRole('button', { name: 'Karte hinzufügen' }).click();
		await expect(cardOn(page, card)).toBeVisible();

		// Anna puts the card into "Technik"; device B, the laptop, then into "Organisation".
		await moveTo(anna, card, 'Technik');
		await expect(cardOn(groupOn(page, 'Technik'), card)).toBeVisible();
		await moveTo(page, card, 'Organisation');
		await expect(cardOn(groupOn(anna, 'Organisation'), card)).toBeVisible();
		await expect
			.poll(() => readServerDocument(appServer, board, state))
			.toEqual({ group: 'Organisation', marker: false });

		// Anna's "Rückgängig" would take back her move, which the laptop's has replaced: it stays.
		await anna.getByRole('button', { name: 'Rückgängig', exact: true }).click();
		// A card she adds afterwards reaches the server and the laptop after whatever the undo wrote.
		await anna.getByLabel('Ihre Karte').fill(marker);
		await anna.getByRole('button', { name: 'Karte hinzufügen' }).click();
		await expect(cardOn(page, marker)).toBeVisible();
		await expect(cardOn(groupOn(page, 'Organisation'), card)).toBeVisible();
		await expect(cardOn(groupOn(anna, 'Organisation'), card)).toBeVisible();
		await expect
			.poll(() => readServerDocument(appServer, board, state))
			.toEqual({ group: 'Organisation', marker: true });
		// And so it is in the server's database once Anna's device reads "gesichert".
		await expectSavedOnServer(anna);
		const stored = storedDocument(appServer, board);
		expect(stored && state(stored)).toEqual({ group: 'Organisation', marker: true });
	} finally {
		await lanBrowser.close();
	}
});

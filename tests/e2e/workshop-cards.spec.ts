// The Kartenabfrage with two participants on their own devices in the room (LAN pages) and the
// facilitator on the laptop: a private phase keeps cards in each author's private document until the
// reveal; cards are then grouped by keyboard and duplicates merged with undo. Asserted on the documents
// the server and the devices hold, not only on the pages.
import type { Browser, Locator, Page } from '@playwright/test';
import { LAN_HOST, PHONE, joinWithCode, launchLanBrowser } from './support/lan-devices';
import { workshopWithRunningCards } from './support/card-workshop';
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { WorkshopPage } from './pages/workshop-page';
import { seriousViolations } from './support/axe';
import { indexedDbNames } from './support/browser-storage';
import { expectSavedOnServer, storedMap, storedRecords } from './support/server-database';
import { KOMMUNEN } from './support/test-data';

const QUESTION = 'Was hindert uns heute daran, digitaler zu arbeiten?';

let lanBrowser: Browser;
test.beforeEach(async () => {
	lanBrowser = await launchLanBrowser();
});
test.afterEach(async () => lanBrowser.close());

async function joinAs(port: number, code: string, name: string): Promise<Page> {
	const device = await joinWithCode(lanBrowser, port, code, name);
	await device.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	await expect(device.getByText(QUESTION)).toBeVisible();
	return device;
}

/** The text of a card as shown on a board (not the same words in a select's options). */
const cardOn = (scope: Page | Locator, text: string) =>
	scope.getByRole('paragraph').filter({ hasText: new RegExp(`^${text}$`) });

/** The button that opens a card's tools (and keeps the keyboard user's place on the board). */
const toolsOf = (scope: Page | Locator, text: string) =>
	scope.getByRole('button', { name: `„${text}“ einordnen, zusammenführen oder entfernen` });

const addCard = async (page: Page, text: string) => {
	await page.getByLabel('Ihre Karte').fill(text);
	await page.getByRole('button', { name: 'Karte hinzufügen' }).click();
};

test('a private card reaches nobody until the reveal; then everyone sees it, and cards are grouped and merged by keyboard', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	const kommune = KOMMUNEN[0]!;
	await new KommuneFormPage(page).create(kommune);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const wid = new URL(page.url()).pathname.split('/').at(-1)!;
	const board = `kommune/${kommune.ars}/workshop/${wid}/board`;
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	await page
		.getByRole('button', { name: '„Kartenabfrage: Was hindert uns heute?“ jetzt starten' })
		.click();
	const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');

	const anna = await joinAs(appServer.port, code, 'Anna');
	const bernd = await joinAs(appServer.port, code, 'Bernd');

	await page.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	await page.getByRole('button', { name: 'Private Phase starten' }).click();
	await expect(anna.getByText(/^Private Phase:/)).toBeVisible();

	await addCard(anna, 'Akten nur auf Papier');
	await expect(
		anna.getByRole('list', { name: 'Ihre Karten (noch verdeckt)' }).getByRole('listitem')
	).toHaveText(['Akten nur auf Papier']);
	const annaPrivate = (await indexedDbNames(anna)).find((n) => n.includes('/private/'))!;
	// The card is in Anna's private document in the server's database, and on no board.
	await expectSavedOnServer(anna);
	const annaCards = storedRecords(appServer, annaPrivate, 'privateCards');
	expect(Object.values(annaCards).map((card) => card.text)).toEqual(['Akten nur auf Papier']);
	const annaCardId = Object.keys(annaCards)[0]!;
	await expectSavedOnServer(page);
	expect(storedRecords(appServer, board, 'cards')).toEqual({});
	// Bernd's device holds his own private document and no other.
	const berndPrivate = (await indexedDbNames(bernd)).filter((n) => n.includes('/private/'));
	expect(berndPrivate).toHaveLength(1);
	expect(berndPrivate).not.toContain(annaPrivate);
	await expect(cardOn(bernd, 'Akten nur auf Papier')).toHaveCount(0);

	await page.getByRole('button', { name: 'Karten aufdecken' }).click();
	await expect(page.getByText('Neu aufgedeckte Karten: 1.')).toBeVisible();
	await expect(cardOn(bernd, 'Akten nur auf Papier')).toBeVisible();
	// Revealing copies the card onto the board under its own id: the field record `<id>/text`.
	await expectSavedOnServer(page);
	expect(storedMap(appServer, board, 'cards')).toMatchObject({
		[`${annaCardId}/text`]: 'Akten nur auf Papier'
	});

	// After the reveal a card goes straight to the board; the facilitator sees Bernd's.
	await addCard(bernd, 'Papierakten im Bauamt');
	await expect(cardOn(page, 'Papierakten im Bauamt')).toBeVisible();
	// A participant changes only their own cards, and groups are the facilitator's (server/SPEC.md
	// W6, W11): Bernd has tools for his card, none for Anna's, and no form for a new group.
	await expect(toolsOf(bernd, 'Papierakten im Bauamt')).toBeVisible();
	await expect(toolsOf(bernd, 'Akten nur auf Papier')).toHaveCount(0);
	await expect(bernd.getByLabel('Name der neuen Gruppe')).toHaveCount(0);

	// Grouping by keyboard: a new group, then each card moved into it with its select and button. The
	// focus then goes to the card that took the moved one's place, so sorting goes on from there.
	await page.getByLabel('Name der neuen Gruppe').fill('Papier');
	await page.getByLabel('Name der neuen Gruppe').press('Enter');
	const group = page.getByRole('region', { name: 'Papier' });
	await expect(group.getByRole('heading', { name: 'Papier' })).toBeVisible();
	const moveToPapier = async (text: string) => {
		const select = page.getByLabel(`Gruppe für „${text}“`);
		await select.focus();
		await select.selectOption({ label: 'Papier' });
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect(cardOn(group, text)).toBeVisible();
		await expect(page.getByText(`„${text}“ ist jetzt in „Papier“.`)).toBeVisible();
	};
	await toolsOf(page, 'Akten nur auf Papier').click();
	await moveToPapier('Akten nur auf Papier');
	await expect(toolsOf(page, 'Papierakten im Bauamt')).toBeFocused();
	await page.keyboard.press('Enter');
	await moveToPapier('Papierakten im Bauamt');
	// The list it left is empty now: the focus stays with the moved card, in its group.
	await expect(toolsOf(group, 'Papierakten im Bauamt')).toBeFocused();
	await expectSavedOnServer(page);
	const [papier, ...otherGroups] = Object.keys(storedRecords(appServer, board, 'clusters'));
	expect(otherGroups).toEqual([]);
	expect(
		Object.values(storedRecords(appServer, board, 'cards')).map((card) => card.clusterId)
	).toEqual([papier, papier]);

	// Merging the duplicate keeps both texts on the surviving card, where the focus goes; undo brings
	// both back and the focus to the card that was merged.
	await page.keyboard.press('Enter');
	await expect(toolsOf(page, 'Papierakten im Bauamt')).toHaveAttribute('aria-expanded', 'true');
	await page.getByLabel('Doppelte Karte „Papierakten im Bauamt“ zusammenführen mit').selectOption({
		label: 'Akten nur auf Papier'
	});
	await page.getByRole('button', { name: '„Papierakten im Bauamt“ zusammenführen' }).click();
	await expect(group.getByText('Zusammengeführt: Papierakten im Bauamt')).toBeVisible();
	await expect(toolsOf(page, 'Akten nur auf Papier')).toBeFocused();
	await expect(bernd.getByText('Zusammengeführt: Papierakten im Bauamt')).toBeVisible();
	/** Each stored card's text and the card it was merged into (null: none). */
	const merged = async () => {
		await expectSavedOnServer(page);
		return Object.entries(storedRecords(appServer, board, 'cards'))
			.map(([id, card]) => [card.text, card.mergedInto === id ? null : (card.mergedInto ?? null)])
			.sort();
	};
	expect(await merged()).toEqual([
		['Akten nur auf Papier', null],
		['Papierakten im Bauamt', annaCardId]
	]);
	expect(await seriousViolations(page), 'card board of the facilitator').toEqual([]);
	await page.getByRole('button', { name: 'Rückgängig' }).click();
	await expect(group.getByText('Zusammengeführt:')).toHaveCount(0);
	await expect(toolsOf(page, 'Papierakten im Bauamt')).toBeFocused();
	expect(await merged()).toEqual([
		['Akten nur auf Papier', null],
		['Papierakten im Bauamt', null]
	]);
	await expect(
		page.getByText('Zusammenführen von „Papierakten im Bauamt“ rückgängig gemacht.')
	).toBeVisible();
	expect(await seriousViolations(bernd), 'card board of a participant').toEqual([]);
	await page.keyboard.press('Enter');

	// A card's text is corrected in its tools; an empty text is refused and changes nothing.
	const textField = page.getByLabel('Text der Karte „Papierakten im Bauamt“');
	await textField.fill('');
	await page.getByRole('button', { name: 'Text speichern' }).click();
	await expect(page.getByText('Bitte schreiben Sie etwas auf die Karte.')).toBeVisible();
	await textField.fill('Bauakten nur auf Papier');
	await textField.press('Enter');
	await expect(cardOn(bernd, 'Bauakten nur auf Papier')).toBeVisible();
	// The group gets a better name.
	await group.getByText('Gruppe „Papier“ umbenennen').click();
	await group.getByLabel('Neuer Name').fill('Papier und Akten');
	await group.getByLabel('Neuer Name').press('Enter');
	await expect(group.getByRole('heading', { name: 'Papier und Akten' })).toBeVisible();
	await expectSavedOnServer(page);
	expect(
		Object.values(storedRecords(appServer, board, 'cards'))
			.map((card) => card.text)
			.sort()
	).toEqual(['Akten nur auf Papier', 'Bauakten nur auf Papier']);
	expect(storedMap(appServer, board, 'clusters')).toMatchObject({
		[`${papier}/name`]: 'Papier und Akten'
	});

	// Removing Anna's card: the focus goes to "Rückgängig". Revealing again copies only cards the
	// board never had, so the removed card does not come back, nor does Anna see it as hidden again.
	await toolsOf(page, 'Akten nur auf Papier').click();
	await page.getByRole('button', { name: 'Karte „Akten nur auf Papier“ entfernen' }).click();
	await expect(page.getByRole('button', { name: 'Rückgängig' })).toBeFocused();
	await expect(page.getByText('„Akten nur auf Papier“ wurde entfernt.')).toBeVisible();
	await expect(cardOn(bernd, 'Akten nur auf Papier')).toHaveCount(0);
	await page.getByRole('button', { name: 'Karten aufdecken' }).click();
	await expect(page.getByText('Neu aufgedeckte Karten: 0.')).toBeVisible();
	// Removed, the card's record stays on the board with its `removed` flag, which undo clears.
	await expectSavedOnServer(page);
	expect(storedMap(appServer, board, 'cards')).toMatchObject({
		[`${annaCardId}/text`]: 'Akten nur auf Papier',
		[`${annaCardId}/removed`]: true
	});
	await expect(cardOn(page, 'Akten nur auf Papier')).toHaveCount(0);
	await expect(cardOn(anna, 'Akten nur auf Papier')).toHaveCount(0);
	await expect(anna.getByRole('list', { name: 'Ihre Karten (noch verdeckt)' })).toHaveCount(0);
	// Undo puts it back into its group, on every device and on the server.
	await page.getByRole('button', { name: 'Rückgängig' }).click();
	await expect(toolsOf(page, 'Akten nur auf Papier')).toBeFocused();
	await expect(
		cardOn(anna.getByRole('region', { name: 'Papier und Akten' }), 'Akten nur auf Papier')
	).toBeVisible();
	await expectSavedOnServer(page);
	const restored = storedRecords(appServer, board, 'cards')[annaCardId];
	expect([restored?.text, restored?.removed ?? false]).toEqual(['Akten nur auf Papier', false]);
});

test('two participants’ cards added at the same moment reach everyone, a card dragged onto a group lands there, and the facilitator sees who is here and what they write; a closed tab leaves within 5 seconds', async ({
	page,
	appServer
}) => {
	test.setTimeout(90_000);
	const kommune = KOMMUNEN[0]!;
	await new KommuneFormPage(page).create(kommune);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');
	const anna = await joinAs(appServer.port, code, 'Anna');
	const bernd = await joinAs(appServer.port, code, 'Bernd');

	await page.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	const here = page.getByRole('list', { name: /^Gerade dabei/ }).getByRole('listitem');
	await expect(here.filter({ hasText: 'Anna' })).toContainText('Teilnehmende');
	await expect(here.filter({ hasText: 'Bernd' })).toContainText('Teilnehmende');
	await expect(here.filter({ hasText: '(Sie)' })).toContainText('Moderation');

	await anna.getByLabel('Ihre Karte').focus();
	await expect(here.filter({ hasText: 'Anna' })).toContainText('schreibt eine Karte');

	// Both participants add a card at the same moment, through the server: both arrive everywhere.
	await anna.getByLabel('Ihre Karte').fill('Kein WLAN im Ratssaal');
	await bernd.getByLabel('Ihre Karte').fill('Formulare nur als PDF');
	await Promise.all([
		anna.getByRole('button', { name: 'Karte hinzufügen' }).click(),
		bernd.getByRole('button', { name: 'Karte hinzufügen' }).click()
	]);
	for (const device of [page, anna, bernd]) {
		await expect(cardOn(device, 'Kein WLAN im Ratssaal')).toBeVisible();
		await expect(cardOn(device, 'Formulare nur als PDF')).toBeVisible();
	}
	const board = `kommune/${kommune.ars}/workshop/${new URL(page.url()).pathname.split('/')[4]}/board`;
	await expectSavedOnServer(page);
	expect(
		Object.values(storedRecords(appServer, board, 'cards'))
			.map((card) => card.text)
			.sort()
	).toEqual(['Formulare nur als PDF', 'Kein WLAN im Ratssaal']);

	// Grouping by drag and drop: a card dropped on a group lands in it, on every device.
	await page.getByLabel('Name der neuen Gruppe').fill('Technik');
	await page.getByLabel('Name der neuen Gruppe').press('Enter');
	const technik = page.getByRole('region', { name: 'Technik', exact: true });
	await cardOn(page, 'Kein WLAN im Ratssaal').dragTo(technik.getByRole('heading'));
	await expect(cardOn(technik, 'Kein WLAN im Ratssaal')).toBeVisible();
	await expect(
		cardOn(anna.getByRole('region', { name: 'Technik', exact: true }), 'Kein WLAN im Ratssaal')
	).toBeVisible();

	await bernd.close();
	await expect(here.filter({ hasText: 'Bernd' })).toHaveCount(0, { timeout: 5_000 });
	await expect(here.filter({ hasText: 'Anna' })).toHaveCount(1);
	expect(await seriousViolations(page), 'card board with presence').toEqual([]);
});

test('a participant who is offline when the cards are revealed gets their hidden card onto the board once back, exactly once; ending the run asks first', async ({
	page,
	appServer
}) => {
	test.setTimeout(90_000);
	const kommune = KOMMUNEN[0]!;
	await new KommuneFormPage(page).create(kommune);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const board = `kommune/${kommune.ars}/workshop/${new URL(page.url()).pathname.split('/').at(-1)}/board`;
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	await page
		.getByRole('button', { name: '„Kartenabfrage: Was hindert uns heute?“ jetzt starten' })
		.click();
	// Ending the run would stop the block on every device: it asks first, and cancelling keeps it.
	await page.getByRole('button', { name: 'Ablauf beenden' }).click();
	await expect(page.getByText(/^Den Ablauf für alle beenden\?/)).toBeVisible();
	await page.getByRole('button', { name: 'Abbrechen', exact: true }).click();
	await expect(page.getByText('Jetzt: Kartenabfrage: Was hindert uns heute?')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Ja, Ablauf beenden' })).toHaveCount(0);
	const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');
	const anna = await joinAs(appServer.port, code, 'Anna');
	await page.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	await page.getByRole('button', { name: 'Private Phase starten' }).click();
	await expect(anna.getByText(/^Private Phase:/)).toBeVisible();

	// Anna's tablet loses the network, and she writes a card: it is only on her device.
	await anna.context().setOffline(true);
	await addCard(anna, 'Offline geschrieben');
	await expect(
		anna.getByRole('list', { name: 'Ihre Karten (noch verdeckt)' }).getByRole('listitem')
	).toHaveText(['Offline geschrieben']);
	await page.getByRole('button', { name: 'Karten aufdecken' }).click();
	await expect(page.getByText('Die Karten sind aufgedeckt.')).toBeVisible();
	await expectSavedOnServer(page);
	expect(storedRecords(appServer, board, 'cards')).toEqual({});

	// Back online, her device sees the block revealed and copies her card to the board itself.
	await anna.context().setOffline(false);
	await expect(cardOn(page, 'Offline geschrieben')).toBeVisible({ timeout: 20_000 });
	await expect(anna.getByRole('list', { name: 'Ihre Karten (noch verdeckt)' })).toHaveCount(0);
	await expect(cardOn(anna, 'Offline geschrieben')).toBeVisible();
	// A second reveal by the facilitator (its button now says what it is for) finds nothing new: the
	// card is on the board once.
	await page.getByRole('button', { name: 'Später geschriebene Karten aufdecken' }).click();
	await expect(page.getByText('Neu aufgedeckte Karten: 0.')).toBeVisible();
	await expectSavedOnServer(page);
	expect(Object.values(storedRecords(appServer, board, 'cards')).map((card) => card.text)).toEqual([
		'Offline geschrieben'
	]);
});

test('on a phone, a participant with a long name adds every card by pressing the button or Enter, and a reload keeps what she typed until it is added', async ({
	page,
	appServer
}) => {
	test.setTimeout(90_000);
	const { code } = await workshopWithRunningCards(page);
	await page.getByRole('button', { name: 'Private Phase starten' }).click();
	// 20 characters: with this name the line saying what she does wrapped on a 390 px screen.
	const phone = await joinWithCode(lanBrowser, appServer.port, code, 'Annegret Hoffmann-Li', PHONE);
	await phone.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	await expect(phone.getByText(/^Private Phase:/)).toBeVisible();
	const field = phone.getByRole('textbox', { name: 'Ihre Karte' });
	const button = phone.getByRole('button', { name: 'Karte hinzufügen' });
	const hidden = phone
		.getByRole('list', { name: 'Ihre Karten (noch verdeckt)' })
		.getByRole('listitem');
	const writing = phone.getByText('schreibt eine Karte');
	// A finger has no Enter, Shift or mouse: the hints say what still holds there.
	await expect(
		phone.getByText(
			'Was Sie tippen, bleibt auf diesem Gerät erhalten, bis die Karte hinzugefügt ist.'
		)
	).toBeVisible();
	await expect(phone.getByText(/Eingabetaste|mit der Maus|Strg\+/)).toHaveCount(0);

	// A finger presses the button, the field loses the focus (presence says she stopped writing),
	// and the finger lifts where it pressed.
	const pressAdd = async () => {
		await expect(writing).toBeVisible();
		const box = (await button.boundingBox())!;
		await phone.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await phone.mouse.down();
		await expect(writing).toHaveCount(0);
		await phone.mouse.up();
	};
	await field.fill('Akten nur auf Papier');
	await pressAdd();
	await expect(hidden).toHaveText(['Akten nur auf Papier']);
	await expect(field).toHaveValue('');
	await field.fill('Kein WLAN im Ratssaal');
	await pressAdd();
	await expect(hidden).toHaveText(['Akten nur auf Papier', 'Kein WLAN im Ratssaal']);
	// Enter adds too; Shift+Enter only breaks the line in the field (a card is one line of text).
	await field.fill('Formulare');
	await field.press('Shift+Enter');
	await expect(field).toHaveValue('Formulare\n');
	await field.pressSequentially('nur als PDF');
	await field.press('Enter');
	await expect(hidden).toHaveText([
		'Akten nur auf Papier',
		'Kein WLAN im Ratssaal',
		'Formulare nur als PDF'
	]);

	// Typed but not added, the text survives a reload, and goes once the card is added.
	await field.fill('Zu wenig Zeit für Schulungen');
	await phone.reload();
	await expect(field).toHaveValue('Zu wenig Zeit für Schulungen');
	await field.focus();
	await pressAdd();
	await expect(hidden).toHaveCount(4);
	await phone.reload();
	await expect(hidden).toHaveCount(4);
	await expect(field).toHaveValue('');

	// Every card is in her private document in the server's database.
	await expectSavedOnServer(phone);
	const own = (await indexedDbNames(phone)).find((n) => n.includes('/private/'))!;
	expect(
		Object.values(storedRecords(appServer, own, 'privateCards'))
			.map((card) => card.text)
			.sort()
	).toEqual([
		'Akten nur auf Papier',
		'Formulare nur als PDF',
		'Kein WLAN im Ratssaal',
		'Zu wenig Zeit für Schulungen'
	]);
});

test('a device joined with the projector code shows the cards but offers nothing to change them', async ({
	page,
	appServer
}) => {
	test.setTimeout(60_000);
	const kommune = KOMMUNEN[0]!;
	await new KommuneFormPage(page).create(kommune);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const cardsPath = `${new URL(page.url()).pathname}/karten`;
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	await page
		.getByRole('button', { name: '„Kartenabfrage: Was hindert uns heute?“ jetzt starten' })
		.click();
	const code = await workshop.createCode('Code für den Beamer', 'Für den Beamer');
	await page.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	await addCard(page, 'Kein WLAN im Ratssaal');

	const viewer = await (await lanBrowser.newContext({ locale: 'de-DE' })).newPage();
	await viewer.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
	await viewer.getByRole('button', { name: 'Beitreten' }).click();
	await expect(viewer.getByRole('link', { name: 'Beamer-Ansicht öffnen' })).toBeVisible();
	await viewer.goto(`http://${LAN_HOST}:${appServer.port}${cardsPath}`);
	await expect(cardOn(viewer, 'Kein WLAN im Ratssaal')).toBeVisible();
	await expect(viewer.getByText('Diese Ansicht zeigt die Karten nur an.')).toBeVisible();
	const cardsSection = viewer.getByRole('region', { name: 'Kartenabfrage' });
	for (const role of ['button', 'textbox'] as const) {
		await expect(cardsSection.getByRole(role)).toHaveCount(0);
	}
	expect(await seriousViolations(viewer), 'read-only card board').toEqual([]);
});

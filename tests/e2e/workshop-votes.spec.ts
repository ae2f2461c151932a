// Dot voting with two participants on their own devices in the room (LAN pages) and the facilitator
// on the laptop: dots stay in each voter's private document until the reveal, concurrent dots all
// count, the budget and the per-item maximum hold, and the result is sorted. Asserted on the documents
// the server and the devices hold, not only on the pages.
import type { Browser, Page } from '@playwright/test';
import { LAN_HOST, joinWithCode, launchLanBrowser } from './support/lan-devices';
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { WorkshopPage } from './pages/workshop-page';
import { seriousViolations } from './support/axe';
import { indexedDbNames } from './support/browser-storage';
import { expectSavedOnServer, storedMap } from './support/server-database';
import { KOMMUNEN } from './support/test-data';

let lanBrowser: Browser;
test.beforeEach(async () => {
	lanBrowser = await launchLanBrowser();
});
test.afterEach(async () => lanBrowser.close());

async function joinAs(port: number, code: string, name: string): Promise<Page> {
	const device = await joinWithCode(lanBrowser, port, code, name);
	await device.getByRole('link', { name: 'Punktabfrage öffnen' }).click();
	await expect(device.getByRole('heading', { name: 'Punktabfrage', level: 1 })).toBeVisible();
	return device;
}

const give = (device: Page, label: string) =>
	device.getByRole('button', { name: `Einen Punkt für „${label}“ vergeben` });
const takeBack = (device: Page, label: string) =>
	device.getByRole('button', { name: `Einen Punkt von „${label}“ zurücknehmen` });

/** The result table's rows as [rank, entry, dots]. */
const table = (device: Page) =>
	device
		.getByRole('table', { name: 'Ergebnis' })
		.getByRole('row')
		.evaluateAll((rows) =>
			rows
				.slice(1)
				.map((row) => [...row.querySelectorAll('td, th')].map((c) => c.textContent?.trim()))
		);

test('dots stay hidden until the reveal, concurrent dots all count within the budget, and the result is sorted by dots', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	const kommune = KOMMUNEN[0]!;
	await new KommuneFormPage(page).create(kommune);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const workshopPath = new URL(page.url()).pathname;
	const wid = workshopPath.split('/').at(-1)!;
	const board = `kommune/${kommune.ars}/workshop/${wid}/board`;
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	await page
		.getByRole('button', { name: '„Kartenabfrage: Was hindert uns heute?“ jetzt starten' })
		.click();
	const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');

	// Three cards on the board, then the vote over the single cards: 3 dots each, at most 2 per card.
	await page.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	for (const text of ['Kein WLAN', 'Akten auf Papier', 'Formulare als PDF']) {
		await page.getByLabel('Ihre Karte').fill(text);
		await page.getByRole('button', { name: 'Karte hinzufügen' }).click();
		await expect(page.getByText(text, { exact: true })).toBeVisible();
	}
	await page.goto(`${workshopPath}/punkte`);
	// A bad number is refused with a German message and starts nothing.
	await page.getByLabel('Punkte pro Person').fill('0');
	await page.getByRole('button', { name: 'Punktabfrage starten' }).click();
	await expect(page.getByText('Bitte eine ganze Zahl von 1 bis 20 eingeben.')).toBeVisible();
	await page.getByLabel('Punkte pro Person').fill('3');
	await page.getByLabel('Höchstens pro Karte oder Gruppe').fill('2');
	await page.getByRole('radio', { name: 'die einzelnen Karten' }).check();
	await expect(page.getByLabel('Karten aus')).toHaveValue(/.+/);
	await page.getByRole('button', { name: 'Punktabfrage starten' }).click();
	await expect(page.getByText('Je Person 3 Punkte, höchstens 2 pro Eintrag.')).toBeVisible();

	const anna = await joinAs(appServer.port, code, 'Anna');
	const bernd = await joinAs(appServer.port, code, 'Bernd');
	await expect(anna.getByText('Sie haben noch 3 von 3 Punkten.')).toBeVisible();

	// Anna votes by keyboard: two dots on "Kein WLAN" (the maximum), the third on "Akten auf Papier".
	await give(anna, 'Kein WLAN').focus();
	await anna.keyboard.press('Enter');
	await expect(anna.getByText('Sie haben noch 2 von 3 Punkten.')).toBeVisible();
	await anna.keyboard.press('Enter');
	await expect(anna.getByText('Sie haben noch 1 von 3 Punkten.')).toBeVisible();
	// The maximum per card is reached: the button says so and a third press gives nothing.
	await expect(give(anna, 'Kein WLAN')).toHaveAttribute('aria-disabled', 'true');
	await expect(give(anna, 'Kein WLAN')).toBeFocused();
	await anna.keyboard.press('Enter');
	await expect(anna.getByText('Sie haben noch 1 von 3 Punkten.')).toBeVisible();
	await give(anna, 'Akten auf Papier').click();
	await expect(anna.getByText('Sie haben noch 0 von 3 Punkten.')).toBeVisible();
	await expect(give(anna, 'Formulare als PDF')).toHaveAttribute('aria-disabled', 'true');

	// Bernd gives a dot to a card at the same moment as Anna takes hers back from it (two devices, one
	// mouse each: two clicks on one page would share Playwright's single mouse); then one more each.
	await Promise.all([
		give(bernd, 'Akten auf Papier').click(),
		takeBack(anna, 'Akten auf Papier').click()
	]);
	await give(bernd, 'Formulare als PDF').click();
	await expect(bernd.getByText('Sie haben noch 1 von 3 Punkten.')).toBeVisible();
	await give(anna, 'Formulare als PDF').click();
	await expect(anna.getByText('Sie haben noch 0 von 3 Punkten.')).toBeVisible();

	// Before the reveal no dot is on the board; Anna's are in her private document on the server, and
	// Bernd's device holds no document with Anna's dots.
	const annaPrivate = (await indexedDbNames(anna)).find((n) => n.includes('/private/'))!;
	// In the server's database: one key per dot, `<participantId>/<itemId>/<dotId>`.
	await expectSavedOnServer(anna);
	const annaDots = Object.keys(storedMap(appServer, annaPrivate, 'privateVotes') ?? {});
	expect(annaDots).toHaveLength(3);
	expect(new Set(annaDots.map((key) => key.split('/')[0])).size).toBe(1);
	await expectSavedOnServer(page);
	expect(storedMap(appServer, board, 'votes') ?? {}).toEqual({});
	const berndDocs = await indexedDbNames(bernd);
	expect(berndDocs).not.toContain(annaPrivate);
	await expect(page.getByRole('table', { name: 'Ergebnis' })).toHaveCount(0);
	expect(await seriousViolations(anna), 'voting page of a participant').toEqual([]);

	await page.getByRole('button', { name: 'Punkte aufdecken' }).click();
	await expect(page.getByText('Neu aufgedeckte Punkte: 5.')).toBeVisible();
	// By hand: Kein WLAN 2 (Anna, Anna), Formulare als PDF 2 (Bernd, Anna), Akten auf Papier 1 (Bernd).
	const expected = [
		['1.', 'Kein WLAN', '2'],
		['1.', 'Formulare als PDF', '2'],
		['3.', 'Akten auf Papier', '1']
	];
	await expect.poll(() => table(page)).toEqual(expected);
	await expect.poll(() => table(bernd)).toEqual(expected);
	await expectSavedOnServer(page);
	expect(Object.keys(storedMap(appServer, board, 'votes') ?? {})).toHaveLength(5);
	expect(await seriousViolations(page), 'voting results of the facilitator').toEqual([]);

	// After the reveal a dot taken back leaves the board's count, for everyone.
	await takeBack(anna, 'Kein WLAN').click();
	await expect
		.poll(() => table(page))
		.toEqual([
			['1.', 'Formulare als PDF', '2'],
			['2.', 'Kein WLAN', '1'],
			['2.', 'Akten auf Papier', '1']
		]);
	// Taken back on the board: the dot's key stays, marked withdrawn, so no reveal brings it back.
	await expectSavedOnServer(page);
	const onBoard = Object.values(storedMap(appServer, board, 'votes') ?? {}) as {
		withdrawn?: boolean;
	}[];
	expect([onBoard.length, onBoard.filter((dot) => dot.withdrawn === true).length]).toEqual([5, 1]);
});

test('a participant voting offline on two linked devices for the same card gets both dots counted after sync', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	const kommune = KOMMUNEN[0]!;
	await new KommuneFormPage(page).create(kommune);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const workshopPath = new URL(page.url()).pathname;
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	await page
		.getByRole('button', { name: '„Kartenabfrage: Was hindert uns heute?“ jetzt starten' })
		.click();
	const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');
	await page.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	for (const text of ['Kein WLAN', 'Akten auf Papier']) {
		await page.getByLabel('Ihre Karte').fill(text);
		await page.getByRole('button', { name: 'Karte hinzufügen' }).click();
		await expect(page.getByText(text, { exact: true })).toBeVisible();
	}
	await page.goto(`${workshopPath}/punkte`);
	await page.getByLabel('Punkte pro Person').fill('3');
	await page.getByLabel('Höchstens pro Karte oder Gruppe').fill('2');
	await page.getByRole('radio', { name: 'die einzelnen Karten' }).check();
	await page.getByRole('button', { name: 'Punktabfrage starten' }).click();

	// Anna's tablet, then her phone linked to her with a one-time code from the tablet.
	const tablet = await joinAs(appServer.port, code, 'Anna');
	await tablet.goBack();
	await tablet.getByRole('button', { name: 'Weiteres Gerät verbinden' }).click();
	const linkCard = tablet
		.getByRole('figure')
		.filter({ hasText: 'Code für Ihr weiteres Gerät (einmal nutzbar)' });
	const linkCode = /Code:\s*([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(
		(await linkCard.textContent()) ?? ''
	)?.[1];
	expect(linkCode).toBeTruthy();
	const phone = await (await lanBrowser.newContext({ locale: 'de-DE' })).newPage();
	await phone.goto(`http://${LAN_HOST}:${appServer.port}/join/${linkCode}`);
	await phone.getByRole('button', { name: 'Beitreten' }).click();
	await phone.getByRole('link', { name: 'Punktabfrage öffnen' }).click();
	await tablet.getByRole('link', { name: 'Punktabfrage öffnen' }).click();
	for (const device of [tablet, phone])
		await expect(device.getByText('Sie haben noch 3 von 3 Punkten.')).toBeVisible();

	// Both offline, each gives a dot to the same card; neither knows of the other's.
	for (const device of [tablet, phone]) await device.context().setOffline(true);
	for (const device of [tablet, phone]) {
		await give(device, 'Kein WLAN').click();
		await expect(device.getByText('Sie haben noch 2 von 3 Punkten.')).toBeVisible();
	}
	for (const device of [tablet, phone]) await device.context().setOffline(false);
	// After sync both devices hold both dots: 2 on the card (its maximum), 1 left.
	for (const device of [tablet, phone]) {
		await expect(device.getByText('Sie haben noch 1 von 3 Punkten.')).toBeVisible({
			timeout: 20_000
		});
		await expect(give(device, 'Kein WLAN')).toHaveAttribute('aria-disabled', 'true');
	}
	await page.getByRole('button', { name: 'Punkte aufdecken' }).click();
	await expect(page.getByText('Neu aufgedeckte Punkte: 2.')).toBeVisible();
	await expect
		.poll(() => table(page))
		.toEqual([
			['1.', 'Kein WLAN', '2'],
			['2.', 'Akten auf Papier', '0']
		]);
});

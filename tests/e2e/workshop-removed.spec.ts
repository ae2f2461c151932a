// Restoring what someone removed (issue 17 point 9, ADR 21): a participant on their own device in the
// room (LAN page) has tools only on their own card, removes it, and the facilitator on the laptop
// finds it on the "Entfernt" page under the participant's name and time and brings it back for
// everyone. Asserted on the server's SQLite file, not only on the pages.
import type { Browser, Locator, Page } from '@playwright/test';
import { joinWithCode, launchLanBrowser } from './support/lan-devices';
import { expect, test } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { expectSavedOnServer, storedMap, storedRecords } from './support/server-database';
import { workshopWithRunningCards } from './support/card-workshop';

const QUESTION = 'Was hindert uns heute daran, digitaler zu arbeiten?';
const ANNAS = 'Akten nur auf Papier';
const FACILITATORS = 'Kein WLAN im Ratssaal';

let lanBrowser: Browser;
test.beforeEach(async () => {
	lanBrowser = await launchLanBrowser();
});
test.afterEach(async () => lanBrowser.close());

const cardOn = (scope: Page | Locator, text: string) =>
	scope.getByRole('paragraph').filter({ hasText: new RegExp(`^${text}$`) });

const toolsOf = (scope: Page | Locator, text: string) =>
	scope.getByRole('button', { name: `„${text}“ einordnen, zusammenführen oder entfernen` });

const addCard = async (page: Page, text: string) => {
	await page.getByLabel('Ihre Karte').fill(text);
	await page.getByRole('button', { name: 'Karte hinzufügen' }).click();
};

test('a participant removes her own card only; the facilitator sees who removed it and when, restores it for everyone, and undo takes the restore back', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	const { board, code } = await workshopWithRunningCards(page);

	const anna = await joinWithCode(lanBrowser, appServer.port, code, 'Anna');
	await anna.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	await expect(anna.getByText(QUESTION)).toBeVisible();
	await addCard(page, FACILITATORS);
	await addCard(anna, ANNAS);
	await expect(cardOn(page, ANNAS)).toBeVisible();
	await expect(cardOn(anna, FACILITATORS)).toBeVisible();

	// The controls follow the write rules (server/SPEC.md W6): Anna has tools for her own card only,
	// the facilitator for every card.
	await expect(toolsOf(anna, ANNAS)).toBeVisible();
	await expect(toolsOf(anna, FACILITATORS)).toHaveCount(0);
	await expect(toolsOf(page, ANNAS)).toBeVisible();
	await expect(toolsOf(page, FACILITATORS)).toBeVisible();

	await toolsOf(anna, ANNAS).click();
	await anna.getByRole('button', { name: `Karte „${ANNAS}“ entfernen` }).click();
	await expect(cardOn(page, ANNAS)).toHaveCount(0);
	await expectSavedOnServer(anna);
	const roster = storedMap(appServer, board, 'participants') ?? {};
	const annaId = Object.keys(roster).find(
		(id) => (roster[id] as { name?: string }).name === 'Anna'
	);
	expect(annaId).toBeDefined();
	const stored = () =>
		Object.values(storedRecords(appServer, board, 'cards')).find((c) => c.text === ANNAS)!;
	expect(stored()).toMatchObject({ removed: true, removedBy: annaId });
	expect(typeof stored().removedAt).toBe('number');

	// The facilitator's "Entfernt" page, from the board's navigation.
	await page
		.getByRole('navigation', { name: 'Workshop-Seiten' })
		.getByRole('link', { name: 'Entfernt' })
		.click();
	await expect(page.getByRole('heading', { name: 'Entfernte Einträge' })).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: ANNAS });
	await expect(row.getByRole('cell')).toHaveText([
		'Karte',
		ANNAS,
		'Anna',
		new Date(stored().removedAt as number).toLocaleString('de-DE', {
			day: '2-digit',
			month: '2-digit',
			year: 'numeric',
			hour: '2-digit',
			minute: '2-digit'
		}),
		'Wiederherstellen'
	]);
	expect(await seriousViolations(page), 'list of removed records').toEqual([]);

	// Restoring by keyboard: the card is back on Anna's device and in the server's database.
	await row.getByRole('button', { name: `„${ANNAS}“ wiederherstellen` }).focus();
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: `„${ANNAS}“ ist wiederhergestellt.` })
	).toHaveCount(1);
	await expect(page.getByText('Bisher wurde nichts entfernt.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Entfernte Einträge' })).toBeFocused();
	await expect(cardOn(anna, ANNAS)).toBeVisible();
	await expectSavedOnServer(page);
	expect(stored()).not.toHaveProperty('removed');
	expect(stored()).not.toHaveProperty('removedBy');
	expect(stored()).not.toHaveProperty('removedAt');

	// The restore is the facilitator's own step: undo removes the card again, still as Anna's removal.
	await page.getByRole('button', { name: 'Rückgängig' }).click();
	await expect(page.getByText(`Wiederherstellen von „${ANNAS}“ rückgängig gemacht.`)).toBeVisible();
	await expect(row.getByRole('cell').nth(2)).toHaveText('Anna');
	await expect(cardOn(anna, ANNAS)).toHaveCount(0);
	await expectSavedOnServer(page);
	expect(stored()).toMatchObject({ removed: true, removedBy: annaId });
});

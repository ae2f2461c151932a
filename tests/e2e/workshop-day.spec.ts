// A whole workshop day: the generated sample day (30 participants, 500 cards in clusters, notes) on every
// page of the workshop without a serious accessibility finding; the card, grouping and agenda flows by
// keyboard alone; two tabs of the laptop writing to the board at once while the server is down; and a
// participant in the room and the facilitator writing while the laptop's server is down, the facilitator
// reloading offline, both converging once it is back. Asserted on the server's documents, not only on
// the pages.
import type { Browser, Locator, Page } from '@playwright/test';
import { readAgenda } from '../../src/lib/crdt/workshop-agenda';
import { readActionFields } from '../../src/lib/crdt/workshop-action-fields';
import { readCards, readClusters } from '../../src/lib/crdt/workshop-cards';
import { readRun } from '../../src/lib/crdt/workshop-run';
import { workshopBoardDocName, workshopControlDocName } from '../../src/lib/domain/document-names';
import { boardView } from '../../src/lib/domain/workshop/cards';
import type * as Y from 'yjs';
import { LAN_HOST, launchLanBrowser } from './support/lan-devices';
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { WorkshopPage } from './pages/workshop-page';
import { seriousViolations } from './support/axe';
import type { AppServer } from './support/app-server';
import { expectSavedOnServer, storedMap, storedRecords } from './support/server-database';
import { readServerDocument } from './support/server-documents';
import { waitForServiceWorkerControl } from './support/service-worker';
import { KOMMUNEN } from './support/test-data';

const HANNOVER = KOMMUNEN[0]!;
const QUESTION = 'Was hindert uns heute daran, digitaler zu arbeiten?';
/** The template's only Kartenabfrage block, and the block a generated day stands in. */
const CARD_BLOCK = 'tpl.digital-check-tag.03';
const CARD_BLOCK_TITLE = 'Kartenabfrage: Was hindert uns heute?';
const FIELDS_BLOCK = 'tpl.digital-check-tag.09';
/** The generator's titles (src/lib/demo/workshop-generator.ts), each with a one-word town. */
const GENERATED_TITLE =
	/^(Digitalstrategie \S+: Workshop-Tag|Digital-Check-Workshop \S+|Workshop Digitale Verwaltung \S+)$/;

/** The board's and the control document's names, from a workshop page's URL (or one below it). */
const docNames = (url: string) => {
	const [, ars, wid] = /\/kommune\/(\d{12})\/workshop\/([^/]+)/.exec(new URL(url).pathname)!;
	return { board: workshopBoardDocName(ars!, wid!), control: workshopControlDocName(ars!, wid!) };
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text of a card as shown on a board (not the same words in a select's options). */
const cardOn = (scope: Page | Locator, text: string) =>
	scope.getByRole('paragraph').filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) });

/** A board's cards and clusters, as a reader for readServerDocument. */
const readBoard = (doc: Y.Doc) => ({ cards: readCards(doc).cards, clusters: readClusters(doc) });

const unsorted = (page: Page) => page.getByRole('region', { name: 'Ohne Gruppe', exact: true });

const addCard = async (page: Page, text: string) => {
	await page.getByLabel('Ihre Karte').fill(text);
	await page.getByRole('button', { name: 'Karte hinzufügen' }).click();
};

/** Texts of the cards the server's board holds, sorted. */
const serverCardTexts = async (server: AppServer, board: string) =>
	(await readServerDocument(server, board, readCards)).cards.map((c) => c.text).sort();

/** A municipality with a workshop whose agenda is the full-day template; on the workshop's page. */
async function workshopWithAgenda(page: Page): Promise<WorkshopPage> {
	await new KommuneFormPage(page).create(HANNOVER);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	await expect(
		page.getByRole('table', { name: /Blöcke der Tagesordnung/ }).getByRole('row')
	).toHaveCount(13);
	return workshop;
}

/**
 * Presses Tab (Shift+Tab backwards) until `target` has the focus: proves it is in the tab order.
 * Fails when it is not reached within `max` presses.
 */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 150 } = {}) {
	await expect(target).toBeVisible();
	for (let pressed = 0; pressed < max; pressed++) {
		await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
		if (await target.evaluate((element) => element === document.activeElement)) return;
	}
	throw new Error(
		`${target} was not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`
	);
}

test('every workshop page of a generated full day has no serious accessibility violation', async ({
	page,
	appServer
}) => {
	test.setTimeout(300_000);
	await new KommuneFormPage(page).create(HANNOVER);
	await page.getByRole('button', { name: 'Beispiel-Workshop erzeugen' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Der Beispiel-Workshop steht in der Liste.' })
	).toBeVisible({ timeout: 60_000 });
	const listed = page
		.getByRole('region', { name: 'Workshops', exact: true })
		.getByRole('list')
		.getByRole('link');
	await expect(listed).toHaveCount(1);
	await expect(listed).toHaveText(GENERATED_TITLE);
	const title = (await listed.textContent())!.trim();
	await listed.click();

	// The workshop page: the template's twelve blocks, the day standing in the Handlungsfelder, its notes.
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const workshopUrl = page.url();
	const { board } = docNames(workshopUrl);
	const rows = page.getByRole('table', { name: /Blöcke der Tagesordnung/ }).getByRole('row');
	await expect(rows).toHaveCount(13, { timeout: 30_000 });
	await expect(rows.filter({ hasText: 'läuft gerade' })).toHaveCount(1);
	await expect(rows.filter({ hasText: 'läuft gerade' })).toContainText('Handlungsfelder festlegen');
	await expect(page.getByText('Jetzt: Handlungsfelder festlegen')).toBeVisible();
	const notes = page.getByRole('region', { name: 'Notizen', exact: true });
	await expect(notes.getByLabel('Block', { exact: true })).toHaveValue(FIELDS_BLOCK, {
		timeout: 30_000
	});
	// The generator keeps 10 to 16 topics for the day and two protocol notes for a 45-minute block.
	await expect(
		notes.getByRole('region', { name: 'Themenspeicher' }).getByRole('listitem').nth(9)
	).toBeVisible({ timeout: 30_000 });
	await expect(notes.getByRole('region', { name: 'Protokoll' }).getByRole('listitem')).toHaveCount(
		2
	);
	expect(await seriousViolations(page), 'workshop page of a generated day').toEqual([]);

	// The whole generated day reaches the server from the facilitator's laptop.
	await expect
		.poll(async () => (await readServerDocument(appServer, board, readCards)).cards.length, {
			timeout: 90_000
		})
		.toBe(500);
	const { cards, clusters } = await readServerDocument(appServer, board, readBoard);
	const expected = boardView(cards, clusters, CARD_BLOCK);
	expect(expected.clusters.length).toBeGreaterThanOrEqual(7);

	// The Kartenabfrage shows its only card block (the day stands in the Handlungsfelder, which is none), each
	// cluster as a region with its cards in order, and the cards still unsorted.
	await page.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	await expect(page.getByLabel('Frage/Block')).toHaveValue(CARD_BLOCK, { timeout: 30_000 });
	await expect(page.getByText(QUESTION)).toBeVisible();
	for (const { cluster, cards: inCluster } of expected.clusters) {
		const region = page.getByRole('region', { name: cluster.name, exact: true });
		await expect(region.getByRole('heading', { name: cluster.name, exact: true })).toBeVisible();
		await expect(region.getByRole('listitem')).toHaveCount(inCluster.length);
		await expect(region.getByRole('listitem').first().getByRole('paragraph').first()).toHaveText(
			inCluster[0]!.text
		);
	}
	await expect(unsorted(page).getByRole('listitem')).toHaveCount(expected.unclustered.length);
	const shown = expected.clusters.reduce((sum, group) => sum + group.cards.length, 0);
	expect(shown + expected.unclustered.length).toBeGreaterThan(400);
	expect(await seriousViolations(page), 'Kartenabfrage of a generated day').toEqual([]);

	// The revealed vote: every surviving card of the Kartenabfrage in the result, most dots first;
	// the matrix with the twelve entries with the most dots; the six Handlungsfelder set so far.
	const pages = page.getByRole('navigation', { name: 'Workshop-Seiten' });
	await pages.getByRole('link', { name: 'Punktabfrage' }).click();
	const result = page.getByRole('table', { name: 'Ergebnis' }).getByRole('row');
	await expect(result).toHaveCount(shown + expected.unclustered.length + 1, { timeout: 30_000 });
	await expect(result.nth(1).getByRole('cell').first()).toHaveText('1.');
	expect(await seriousViolations(page), 'Punktabfrage of a generated day').toEqual([]);
	await pages.getByRole('link', { name: 'Nutzen-Aufwand-Matrix' }).click();
	await expect(page.getByRole('table', { name: 'Bewertungen' }).getByRole('row')).toHaveCount(13, {
		timeout: 30_000
	});
	expect(await seriousViolations(page), 'matrix of a generated day').toEqual([]);
	await pages.getByRole('link', { name: 'Handlungsfelder' }).click();
	await expect(page.getByRole('button', { name: 'Handlungsfeld anlegen' })).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 3, name: '6. Interkommunale Zusammenarbeit' })
	).toBeVisible();
	const stored = await readServerDocument(appServer, board, readActionFields);
	expect(stored.fields).toHaveLength(6);
	expect(await seriousViolations(page), 'Handlungsfelder of a generated day').toEqual([]);

	// The projector follows the current block and has nothing that edits.
	await page.goto(`${workshopUrl}/beamer`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handlungsfelder festlegen', {
		timeout: 30_000
	});
	await expect(page.getByText('Danach: Kaffeepause')).toBeVisible();
	await expect(page.getByRole('button')).toHaveCount(0);
	await expect(page.getByRole('textbox')).toHaveCount(0);
	expect(await seriousViolations(page), 'projector of a generated day').toEqual([]);

	// On a participant's phone no page of the day scrolls sideways: the agenda, the vote's result,
	// the matrix's table and the roadmap scroll in their own box, the matrix keeps its entries inside
	// the grid, and a measure's long German word ("Informationssicherheitsbeauftragte") breaks.
	await page.setViewportSize({ width: 390, height: 844 });
	// …and is touched with a finger (pointer: coarse), where hints about the mouse or Strg+Z mislead.
	const touch = await page.context().newCDPSession(page);
	await touch.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
	const touchHints: string[] = [];
	for (const [path, ready] of [
		['', page.getByRole('table', { name: /Blöcke der Tagesordnung/ })],
		['/punkte', page.getByRole('table', { name: 'Ergebnis' })],
		['/matrix', page.getByRole('table', { name: 'Bewertungen' })],
		['/massnahmen', page.getByRole('list', { name: /^Maßnahmen zu/ })],
		['/massnahmen/roadmap', page.getByRole('table', { name: 'Maßnahmen als Tabelle' })]
	] as const) {
		await page.goto(`${workshopUrl}${path}`);
		await expect(ready.getByRole(path === '/massnahmen' ? 'listitem' : 'row').nth(5)).toBeVisible({
			timeout: 30_000
		});
		const width = await page.evaluate(() => ({
			page: document.documentElement.scrollWidth,
			screen: document.documentElement.clientWidth
		}));
		expect(width.page, `width of ${path || 'the workshop page'} on a phone`).toBe(width.screen);
		await expect(page.getByText(/mit der Maus|Strg\+/)).toHaveCount(0);
		touchHints.push(
			...(await page
				.getByText(/mit dem Finger|Pfeil-Schaltflächen|„Rückgängig“ nimmt/)
				.allTextContents())
		);
	}
	const distinct = [...new Set(touchHints)].join('\n');
	expect(distinct, 'agenda hint for a finger').toMatch(/Pfeil-Schaltflächen/);
	expect(distinct, 'matrix hint for a finger').toMatch(/mit dem Finger/);
	expect(distinct, 'undo hint without a shortcut').toMatch(/„Rückgängig“ nimmt/);
});

test('card, grouping and agenda flows work by keyboard alone', async ({ page, appServer }) => {
	test.setTimeout(120_000);
	await workshopWithAgenda(page);
	const { board, control } = docNames(page.url());
	const card = 'Akten nur auf Papier';

	// From here on only the keyboard: one focus to start at a known control, as a user tabbing there.
	await page.getByRole('button', { name: '„Begrüßung und Ziele“ nach unten' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Position 2 von 12' })).toBeAttached();
	await tabTo(page, page.getByRole('button', { name: `„${CARD_BLOCK_TITLE}“ jetzt starten` }));
	await page.keyboard.press('Enter');
	await expect(page.getByText(`Jetzt: ${CARD_BLOCK_TITLE}`)).toBeVisible();
	await tabTo(page, page.getByRole('link', { name: 'Kartenabfrage öffnen' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Kartenabfrage' })).toBeVisible();
	await expect(page.getByText(QUESTION)).toBeVisible();

	// A card: typed into the field, sent with the button.
	const field = page.getByLabel('Ihre Karte');
	await tabTo(page, field);
	await page.keyboard.type(card);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Karte hinzufügen' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(cardOn(unsorted(page), card)).toBeVisible();
	await expect(field).toHaveValue('');

	// A group: named in its field, created with Enter.
	await tabTo(page, page.getByLabel('Name der neuen Gruppe'));
	await page.keyboard.type('Papier');
	await page.keyboard.press('Enter');
	const group = page.getByRole('region', { name: 'Papier', exact: true });
	await expect(group.getByRole('heading', { name: 'Papier' })).toBeVisible();

	// The card into the group: back to its tools (opened with Enter), the group chosen with an arrow
	// key, then the button.
	await tabTo(
		page,
		page.getByRole('button', { name: `„${card}“ einordnen, zusammenführen oder entfernen` }),
		{ backwards: true }
	);
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel(`Gruppe für „${card}“`)).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: `„${card}“ verschieben` })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(cardOn(group, card)).toBeVisible();
	await expect(unsorted(page).getByRole('listitem')).toHaveCount(0);

	await expect
		.poll(async () => {
			const { cards, clusters } = await readServerDocument(appServer, board, readBoard);
			const papier = clusters.find((c) => c.name === 'Papier');
			return cards.map((c) => [
				c.text,
				c.blockId,
				papier !== undefined && c.clusterId === papier.id
			]);
		})
		.toEqual([[card, CARD_BLOCK, true]]);
	await expect
		.poll(async () => {
			const { blocks, currentBlockId } = await readServerDocument(appServer, control, (doc) => ({
				blocks: readAgenda(doc).blocks,
				currentBlockId: readRun(doc).currentBlockId
			}));
			return [blocks.slice(0, 3).map((b) => b.title), currentBlockId];
		})
		.toEqual([
			['Ergebnisse des Digital-Checks', 'Begrüßung und Ziele', CARD_BLOCK_TITLE],
			CARD_BLOCK
		]);

	// In the server's database once the page says "gesichert": the card in the group "Papier" of the
	// card block, and the day running on that block.
	await expectSavedOnServer(page);
	const clusters = storedRecords(appServer, board, 'clusters');
	const papier = Object.keys(clusters).find((id) => clusters[id]!.name === 'Papier');
	expect(papier).toBeDefined();
	expect(
		Object.values(storedRecords(appServer, board, 'cards')).map((c) => [
			c.text,
			c.blockId,
			c.clusterId
		])
	).toEqual([[card, CARD_BLOCK, papier]]);
	expect(storedMap(appServer, control, 'run')).toMatchObject({ currentBlockId: CARD_BLOCK });
});

test('two tabs of the laptop co-edit the board through the tab relay while the server is down', async ({
	page,
	context,
	appServer
}) => {
	test.setTimeout(120_000);
	await workshopWithAgenda(page);
	const { board } = docNames(page.url());
	await page.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	await expect(page.getByText(QUESTION)).toBeVisible();
	const second = await context.newPage();
	await second.goto(page.url());
	await expect(second.getByText(QUESTION)).toBeVisible();

	await appServer.stop();
	const first = 'Akten nur auf Papier';
	const other = 'Kein WLAN im Ratssaal';
	await page.getByLabel('Ihre Karte').fill(first);
	await second.getByLabel('Ihre Karte').fill(other);
	await Promise.all([
		page.getByRole('button', { name: 'Karte hinzufügen' }).click(),
		second.getByRole('button', { name: 'Karte hinzufügen' }).click()
	]);

	// Only the BroadcastChannel relay can carry the other tab's card: the server is down.
	for (const tab of [page, second]) {
		await expect(cardOn(tab, first)).toBeVisible();
		await expect(cardOn(tab, other)).toBeVisible();
		await expect(unsorted(tab).getByRole('listitem')).toHaveCount(2);
	}

	await appServer.start();
	await expect
		.poll(() => serverCardTexts(appServer, board), { timeout: 60_000 })
		.toEqual([first, other]);
});

test('a participant edits offline, reloads offline and comes back: nothing is lost and both sides converge', async ({
	page,
	appServer
}) => {
	test.setTimeout(180_000);
	const workshop = await workshopWithAgenda(page);
	const { board } = docNames(page.url());
	const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');
	await waitForServiceWorkerControl(page);

	const lanBrowser: Browser = await launchLanBrowser();
	try {
		const participant = await (await lanBrowser.newContext({ locale: 'de-DE' })).newPage();
		await participant.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
		await participant.getByLabel('Ihr Name').fill('Anna');
		await participant.getByRole('button', { name: 'Beitreten' }).click();
		await participant.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
		await expect(participant.getByText(QUESTION)).toBeVisible();
		await page.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
		await expect(page.getByText(QUESTION)).toBeVisible();

		// The laptop's server goes down: the participant's page stays open, the laptop runs on its cache.
		await appServer.stop();
		const annas = 'Akten nur auf Papier';
		const facilitators = 'Kein WLAN im Ratssaal';
		await addCard(participant, annas);
		await expect(cardOn(participant, annas)).toBeVisible();
		await addCard(page, facilitators);
		await expect(cardOn(page, facilitators)).toBeVisible();

		const reloaded = await page.reload();
		expect(reloaded?.fromServiceWorker()).toBe(true);
		await expect(page.getByText(QUESTION)).toBeVisible();
		await expect(cardOn(page, facilitators)).toBeVisible();
		await expect(unsorted(page).getByRole('listitem')).toHaveCount(1);

		// The server is back: both cards reach it, and each side gets the other's.
		await appServer.start();
		await expect
			.poll(() => serverCardTexts(appServer, board), { timeout: 90_000 })
			.toEqual([annas, facilitators]);
		for (const side of [page, participant]) {
			await expect(cardOn(side, annas)).toBeVisible({ timeout: 60_000 });
			await expect(cardOn(side, facilitators)).toBeVisible({ timeout: 60_000 });
			await expect(unsorted(side).getByRole('listitem')).toHaveCount(2);
		}
	} finally {
		await lanBrowser.close();
	}
});

// The impact × effort matrix with the facilitator on the laptop and participants on their own devices
// in the room (LAN page): each scores by keyboard in the table or by dragging on the grid; every device
// shows the averages and the quadrant in words; on a phone the chips stay apart inside their quadrant.
// Asserted on the board document on the server.
import type { Locator, Page } from '@playwright/test';
import { LAN_HOST, joinWithCode, launchLanBrowser } from './support/lan-devices';
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { WorkshopPage } from './pages/workshop-page';
import { seriousViolations } from './support/axe';
import { expectSavedOnServer, storedMap } from './support/server-database';
import { KOMMUNEN } from './support/test-data';

/** A row of the scores table as its cells' texts (averages and quadrant). */
const rowOf = (device: Page, label: string) =>
	device
		.getByRole('table', { name: 'Bewertungen' })
		.getByRole('row')
		.filter({ has: device.getByRole('rowheader', { name: label, exact: true }) });

/** This device's own two scores for `label`, chosen in the table. */
async function scoreByKeyboard(device: Page, label: string, impact: string, effort: string) {
	await device.getByLabel(`Ihr Nutzen für „${label}“`).selectOption(impact);
	await device.getByLabel(`Ihr Aufwand für „${label}“`).selectOption(effort);
}

/** The boxes of the chips drawn on the grid, by label. */
async function chipBoxes(grid: Locator) {
	const chips = grid.locator('.chip');
	await expect(chips.first()).toBeVisible();
	const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
	for (const chip of await chips.all())
		boxes.set((await chip.textContent())!, (await chip.boundingBox())!);
	return boxes;
}

test('scores by keyboard and by drag from two devices are averaged into the quadrant everyone sees', async ({
	page,
	appServer
}) => {
	test.setTimeout(90_000);
	const kommune = KOMMUNEN[0]!;
	await new KommuneFormPage(page).create(kommune);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const workshopPath = new URL(page.url()).pathname;
	const board = `kommune/${kommune.ars}${workshopPath.slice(`/kommune/${kommune.ars}`.length)}/board`;
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	await page
		.getByRole('button', { name: '„Kartenabfrage: Was hindert uns heute?“ jetzt starten' })
		.click();
	const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');
	await page.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	for (const text of ['Kein WLAN', 'Akten auf Papier', 'Alte Fachverfahren', 'Kein Budget']) {
		await page.getByLabel('Ihre Karte').fill(text);
		await page.getByRole('button', { name: 'Karte hinzufügen' }).click();
		await expect(page.getByText(text, { exact: true })).toBeVisible();
	}
	// No vote has started, so the matrix scores the cards of the Kartenabfrage before it.
	await page
		.getByRole('navigation', { name: 'Workshop-Seiten' })
		.getByRole('link', { name: 'Nutzen-Aufwand-Matrix' })
		.click();
	await expect(rowOf(page, 'Kein WLAN')).toBeVisible();

	const lanBrowser = await launchLanBrowser();
	try {
		const anna = await (await lanBrowser.newContext({ locale: 'de-DE' })).newPage();
		await anna.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
		await anna.getByLabel('Ihr Name').fill('Anna');
		await anna.getByRole('button', { name: 'Beitreten' }).click();
		await anna.getByRole('link', { name: 'Matrix öffnen' }).click();
		await expect(rowOf(anna, 'Akten auf Papier')).toBeVisible();

		// By keyboard: the facilitator 5/1, Anna 3/2 for "Kein WLAN".
		for (const [device, impact, effort] of [
			[page, '5', '1'],
			[anna, '3', '2']
		] as const) {
			const impactSelect = device.getByLabel('Ihr Nutzen für „Kein WLAN“');
			await impactSelect.focus();
			await impactSelect.selectOption(impact);
			await device.keyboard.press('Tab');
			await device.getByLabel('Ihr Aufwand für „Kein WLAN“').selectOption(effort);
		}
		// By hand: impact (5 + 3) / 2 = 4, effort (1 + 2) / 2 = 1,5 → Quick Wins.
		for (const device of [page, anna]) {
			await expect(rowOf(device, 'Kein WLAN').getByRole('cell').nth(2)).toHaveText('4');
			await expect(rowOf(device, 'Kein WLAN').getByRole('cell').nth(3)).toHaveText('1,5');
			await expect(rowOf(device, 'Kein WLAN').getByRole('cell').nth(4)).toContainText(
				'Quick Wins (2 Bewertungen)'
			);
		}

		// By drag: Anna puts "Akten auf Papier" low on impact and high on effort: a Zeitfresser.
		// The tray and the whole grid in view: the mouse acts only inside the viewport.
		await anna.setViewportSize({ width: 1280, height: 1100 });
		await anna.locator('.tray').evaluate((tray) => tray.scrollIntoView({ block: 'start' }));
		const grid = anna.locator('.grid');
		const box = (await grid.boundingBox())!;
		const chip = anna.locator('.tray .chip', { hasText: 'Akten auf Papier' });
		const from = (await chip.boundingBox())!;
		await anna.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
		await anna.mouse.down();
		await anna.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.9, { steps: 5 });
		await anna.mouse.up();
		await expect(rowOf(page, 'Akten auf Papier').getByRole('cell').nth(4)).toContainText(
			'Zeitfresser'
		);
		await expect(anna.getByLabel('Ihr Nutzen für „Akten auf Papier“')).toHaveValue('1');
		await expect(anna.getByLabel('Ihr Aufwand für „Akten auf Papier“')).toHaveValue('5');

		// Near the centre: "Alte Fachverfahren" at (3 + 3 + 4) / 3 = 3,3 on both axes, "Kein Budget" at
		// 3/3; both count upward on both axes, as Große Projekte, and want the same spot.
		const bernd = await joinWithCode(lanBrowser, appServer.port, code, 'Bernd');
		await bernd.setViewportSize({ width: 390, height: 844 });
		await bernd.getByRole('link', { name: 'Matrix öffnen' }).click();
		await scoreByKeyboard(bernd, 'Alte Fachverfahren', '4', '4');
		await scoreByKeyboard(anna, 'Alte Fachverfahren', '3', '3');
		await scoreByKeyboard(page, 'Alte Fachverfahren', '3', '3');
		await scoreByKeyboard(page, 'Kein Budget', '3', '3');
		await expect(rowOf(bernd, 'Alte Fachverfahren').getByRole('cell').nth(2)).toHaveText('3,3');
		await expect(rowOf(bernd, 'Alte Fachverfahren').getByRole('cell').nth(3)).toHaveText('3,3');
		await expect(rowOf(bernd, 'Alte Fachverfahren').getByRole('cell').nth(4)).toContainText(
			'Große Projekte (3 Bewertungen)'
		);
		await expect(rowOf(bernd, 'Kein Budget').getByRole('cell').nth(4)).toContainText(
			'Große Projekte (1 Bewertungen)'
		);

		// The same in words on Bernd's phone, per quadrant in the order of the entries.
		const quadrant = (name: string) => bernd.getByRole('region', { name, exact: true });
		await expect(
			quadrant('Quick Wins (hoher Nutzen, geringer Aufwand)').getByRole('listitem')
		).toHaveText(['Kein WLAN']);
		await expect(
			quadrant('Große Projekte (hoher Nutzen, hoher Aufwand)').getByRole('listitem')
		).toHaveText(['Alte Fachverfahren', 'Kein Budget']);
		await expect(
			quadrant('Zeitfresser (geringer Nutzen, hoher Aufwand)').getByRole('listitem')
		).toHaveText(['Akten auf Papier']);
		await expect(quadrant('Lückenfüller (geringer Nutzen, geringer Aufwand)')).toHaveText(
			/Noch keine Einträge\./
		);

		// On the phone every chip lies wholly inside the grid and its own quadrant, none covers another.
		// Chips settle once the browser has measured them: the boxes are read until they hold.
		await expect(async () => {
			const phoneGrid = (await bernd.locator('.grid').boundingBox())!;
			const chips = await chipBoxes(bernd.locator('.grid'));
			expect([...chips.keys()].sort()).toEqual([
				'Akten auf Papier',
				'Alte Fachverfahren',
				'Kein Budget',
				'Kein WLAN'
			]);
			const middle = {
				x: phoneGrid.x + phoneGrid.width / 2,
				y: phoneGrid.y + phoneGrid.height / 2
			};
			for (const [label, chip] of chips) {
				expect(chip.x, `${label} right of the grid's left border`).toBeGreaterThanOrEqual(
					phoneGrid.x
				);
				expect(chip.y, `${label} below the grid's top`).toBeGreaterThanOrEqual(phoneGrid.y);
				expect(chip.x + chip.width, `${label} inside the right border`).toBeLessThanOrEqual(
					phoneGrid.x + phoneGrid.width
				);
				expect(chip.y + chip.height, `${label} above the bottom`).toBeLessThanOrEqual(
					phoneGrid.y + phoneGrid.height
				);
				for (const [other, box] of chips) {
					if (other === label) continue;
					const apart =
						chip.x + chip.width <= box.x ||
						box.x + box.width <= chip.x ||
						chip.y + chip.height <= box.y ||
						box.y + box.height <= chip.y;
					expect(apart, `${label} and ${other} apart`).toBe(true);
				}
			}
			for (const label of ['Alte Fachverfahren', 'Kein Budget']) {
				const chip = chips.get(label)!;
				expect(chip.x, `${label} right of the centre line`).toBeGreaterThanOrEqual(middle.x);
				expect(chip.y + chip.height, `${label} above the centre line`).toBeLessThanOrEqual(
					middle.y
				);
			}
		}).toPass({ timeout: 5_000 });
		// A participant's table fits the phone, its last column included, and the page does not scroll
		// sideways.
		const table = bernd.getByRole('region', { name: 'Bewertungen' });
		await table.evaluate((box) => box.scrollIntoView({ block: 'end' }));
		await expect(bernd.getByRole('columnheader', { name: 'Feld' })).toBeInViewport({ ratio: 1 });
		expect(
			await table.evaluate((box) => box.scrollWidth - box.clientWidth),
			'sideways scroll of the table'
		).toBe(0);
		expect(
			await bernd.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			),
			'sideways scroll of the page'
		).toBe(0);
		expect(await seriousViolations(bernd), 'matrix on a phone').toEqual([]);

		// In the server's database: one key per person, entry and axis, `<participantId>/<itemId>/<axis>`.
		await expectSavedOnServer(page);
		const stored = Object.entries(storedMap(appServer, board, 'matrix') ?? {});
		expect(stored).toHaveLength(14);
		const byPersonAndEntry = new Map<string, Record<string, unknown>>();
		for (const [key, value] of stored) {
			const [participantId, itemId, axis] = key.split('/');
			const scores = byPersonAndEntry.get(`${participantId}/${itemId}`) ?? {};
			scores[axis!] = value;
			byPersonAndEntry.set(`${participantId}/${itemId}`, scores);
		}
		expect(
			[...byPersonAndEntry]
				.map(([who, s]) => [who.startsWith('moderation/'), s.impact, s.effort])
				.sort()
		).toEqual([
			[false, 1, 5],
			[false, 3, 2],
			[false, 3, 3],
			[false, 4, 4],
			[true, 3, 3],
			[true, 3, 3],
			[true, 5, 1]
		]);
		expect(await seriousViolations(anna), 'matrix of a participant').toEqual([]);
		expect(await seriousViolations(page), 'matrix of the facilitator').toEqual([]);
	} finally {
		await lanBrowser.close();
	}
});

// Preparing and running a workshop day: the agenda from a template, reordered by keyboard, start times
// computed from the day's start; the projector window follows the current block and the countdown.
import { readAgenda, updateBlock } from '../../src/lib/crdt/workshop-agenda';
import { readWorkshopPlan, writeWorkshopPlan } from '../../src/lib/crdt/workshop-doc';
import { readBlockTimes, readRun } from '../../src/lib/crdt/workshop-run';
import { connectSyncClient } from '../../server/test/sync-client';
import { SYNC_PATH } from '../../src/lib/contract/protocol';
import { LAN_HOST, launchLanBrowser } from './support/lan-devices';
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { WorkshopPage } from './pages/workshop-page';
import { seriousViolations } from './support/axe';
import { expectSavedOnServer, storedMap, storedRecords } from './support/server-database';
import { readServerDocument, writeServerDocument } from './support/server-documents';
import { KOMMUNEN } from './support/test-data';

const HANNOVER = KOMMUNEN[0]!;

const controlDocName = (url: string) => {
	const [, ars, wid] = /\/kommune\/(\d{12})\/workshop\/([^/]+)$/.exec(new URL(url).pathname)!;
	return `kommune/${ars}/workshop/${wid}/control`;
};

test('the facilitator builds the agenda from a template and reorders it by keyboard and by drag; start times follow the day’s start', async ({
	page,
	appServer
}) => {
	await new KommuneFormPage(page).create(HANNOVER);
	await new WorkshopPage(page).createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const control = controlDocName(page.url());
	await expect(page.getByText('Noch keine Tagesordnung.')).toBeVisible();
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	const agenda = page.getByRole('table', { name: /Blöcke der Tagesordnung/ });
	const rows = agenda.getByRole('row');
	await expect(rows.nth(1)).toContainText('09:00');
	await expect(rows.nth(1)).toContainText('Begrüßung und Ziele');
	await expect
		.poll(async () => (await readServerDocument(appServer, control, readAgenda)).blocks.length)
		.toBe(12);

	// The day starts at 8:30: Begrüßung 8:30–8:50 (20 min), Ergebnisse 8:50 (by hand).
	await page.getByLabel('Beginn des Tages').fill('08:30');
	// Who facilitates is named on the protocol's title page.
	await page.getByLabel('Moderation', { exact: true }).fill('Anna Schmidt, Ben Meier');
	await page.getByRole('button', { name: 'Ort, Beginn und Moderation speichern' }).click();
	await expect(rows.nth(1)).toContainText('08:30');
	await expect
		.poll(async () => (await readServerDocument(appServer, control, readWorkshopPlan)).facilitators)
		.toBe('Anna Schmidt, Ben Meier');
	await expect(rows.nth(2)).toContainText('08:50');
	await expect(rows.nth(2)).toContainText('Ergebnisse des Digital-Checks');

	// By keyboard alone: focus "nach unten" of the first block and press Enter twice.
	await page.getByRole('button', { name: '„Begrüßung und Ziele“ nach unten' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Position 2 von 12' })).toBeAttached();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Position 3 von 12' })).toBeAttached();
	// Up once and down again: the focus stays on the button just used, so Enter repeats the move.
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Position 2 von 12' })).toBeAttached();
	await expect(page.getByRole('button', { name: '„Begrüßung und Ziele“ nach oben' })).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Position 3 von 12' })).toBeAttached();
	// Ergebnisse 45 min from 8:30 → 9:15; Kartenabfrage (30 min per template) 9:15 → 9:45; Begrüßung 9:45.
	await expect(rows.nth(3)).toContainText('Begrüßung und Ziele');
	await expect(rows.nth(3)).toContainText('09:45');
	await expect
		.poll(async () =>
			(await readServerDocument(appServer, control, readAgenda)).blocks
				.slice(0, 3)
				.map((b) => b.title)
		)
		.toEqual([
			'Ergebnisse des Digital-Checks',
			'Kartenabfrage: Was hindert uns heute?',
			'Begrüßung und Ziele'
		]);
	// In the server's database: the day's start (8:30 = 510 minutes) and the twelve blocks, ordered by
	// their stored order keys, the moved one third.
	await expectSavedOnServer(page);
	expect(storedMap(appServer, control, 'workshop')).toMatchObject({ startMinutes: 510 });
	const stored = Object.values(storedRecords(appServer, control, 'agenda'));
	expect(stored).toHaveLength(12);
	expect(
		stored
			.toSorted((a, b) => (String(a.order) < String(b.order) ? -1 : 1))
			.slice(0, 3)
			.map((block) => [block.title, block.durationMinutes])
	).toEqual([
		['Ergebnisse des Digital-Checks', 45],
		['Kartenabfrage: Was hindert uns heute?', 30],
		['Begrüßung und Ziele', 20]
	]);

	// A duration outside 1–480 minutes is refused at the field and nothing changes.
	const editButton = page.getByRole('button', { name: '„Begrüßung und Ziele“ bearbeiten' });
	const edit = page.getByRole('form', { name: '„Begrüßung und Ziele“ bearbeiten' });
	await editButton.click();
	await edit.getByLabel('Dauer in Minuten').fill('0');
	await edit.getByRole('button', { name: 'Speichern' }).click();
	await expect(edit.getByText('Bitte geben Sie eine Dauer in ganzen Minuten')).toBeVisible();
	await edit.getByLabel('Dauer in Minuten').fill('25');
	await edit.getByRole('button', { name: 'Speichern' }).click();
	await expect(rows.nth(3)).toContainText('25 Min.');
	// Saving, cancelling and Escape each close the form and give the focus back to its button, so a
	// keyboard user goes on from the block they edited, not from the top of the page.
	await expect(edit).toHaveCount(0);
	await expect(editButton).toBeFocused();
	await page.keyboard.press('Enter');
	await edit.getByRole('button', { name: 'Abbrechen' }).click();
	await expect(edit).toHaveCount(0);
	await expect(editButton).toBeFocused();
	await page.keyboard.press('Enter');
	await edit.getByLabel('Titel des Blocks').press('Escape');
	await expect(edit).toHaveCount(0);
	await expect(editButton).toBeFocused();

	// Remove with undo. The status region is in the page before its text changes (one inserted with
	// its text is not announced), and the focus goes to the page's "Rückgängig", not to the page.
	// Counted in the page's main part: the app's notices above it (e.g. "now stored on this device"
	// once the service worker is installed) come and go on their own schedule.
	const pageStatus = page.getByRole('main').getByRole('status');
	const statusRegions = await pageStatus.count();
	await page.getByRole('button', { name: '„Begrüßung und Ziele“ entfernen' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: '„Begrüßung und Ziele“ wurde entfernt.' })
	).toBeVisible();
	await expect(pageStatus).toHaveCount(statusRegions);
	await expect(page.getByRole('button', { name: 'Rückgängig', exact: true })).toBeFocused();
	await expect
		.poll(async () =>
			(await readServerDocument(appServer, control, readAgenda)).blocks.map((b) => b.title)
		)
		.not.toContain('Begrüßung und Ziele');
	await page.keyboard.press('Enter');
	await expect(rows.nth(3)).toContainText('Begrüßung und Ziele');
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: 'Entfernen von „Begrüßung und Ziele“ rückgängig gemacht.' })
	).toBeVisible();
	await expect(pageStatus).toHaveCount(statusRegions);
	await expect(page.getByRole('button', { name: '„Begrüßung und Ziele“ entfernen' })).toBeFocused();
	await expect
		.poll(async () => {
			const blocks = (await readServerDocument(appServer, control, readAgenda)).blocks;
			return blocks.find((b) => b.title === 'Begrüßung und Ziele')?.durationMinutes;
		})
		.toBe(25);
	expect(await seriousViolations(page), 'workshop page with an agenda').toEqual([]);

	// By mouse: the first coffee break dragged onto the first row takes its place.
	await rows.filter({ hasText: 'Kaffeepause' }).first().dragTo(rows.nth(1));
	await expect(rows.nth(1)).toContainText('Kaffeepause');
	await expect(rows.nth(1)).toContainText('08:30');
	await expect
		.poll(async () => (await readServerDocument(appServer, control, readAgenda)).blocks[0]?.title)
		.toBe('Kaffeepause');
});

test('a co-facilitator’s change arriving while my forms are open shows in the fields I left alone and is not undone by my save', async ({
	page,
	appServer
}) => {
	await new KommuneFormPage(page).create(HANNOVER);
	await new WorkshopPage(page).createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const control = controlDocName(page.url());
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	await expect
		.poll(async () => (await readServerDocument(appServer, control, readAgenda)).blocks.length)
		.toBe(12);

	// I start typing a new start time and a new title for the first block.
	await page.getByLabel('Beginn des Tages').fill('08:30');
	await page.getByRole('button', { name: '„Begrüßung und Ziele“ bearbeiten' }).click();
	const edit = page.getByRole('form', { name: '„Begrüßung und Ziele“ bearbeiten' });
	await edit.getByLabel('Titel des Blocks').fill('Begrüßung');

	// Meanwhile a co-facilitator on another device changes the place and the block's duration.
	await writeServerDocument(appServer, control, (doc) => {
		writeWorkshopPlan(doc, { place: 'Rathaus, Saal 2' });
		updateBlock(doc, 'tpl.digital-check-tag.01', { durationMinutes: 35 });
	});
	// The fields I left alone show their change; the ones I am typing in keep what I typed.
	await expect(page.getByLabel('Ort', { exact: true })).toHaveValue('Rathaus, Saal 2');
	await expect(edit.getByLabel('Dauer in Minuten')).toHaveValue('35');
	await expect(page.getByLabel('Beginn des Tages')).toHaveValue('08:30');
	await expect(edit.getByLabel('Titel des Blocks')).toHaveValue('Begrüßung');

	await edit.getByRole('button', { name: 'Speichern' }).click();
	await expect(page.getByRole('button', { name: '„Begrüßung“ bearbeiten' })).toBeFocused();
	await page.getByRole('button', { name: 'Ort, Beginn und Moderation speichern' }).click();
	await expect(page.getByText('Gespeichert.', { exact: true })).toBeVisible();
	await expect
		.poll(async () => {
			const stored = await readServerDocument(appServer, control, (doc) => ({
				plan: readWorkshopPlan(doc),
				first: readAgenda(doc).blocks[0]
			}));
			return { ...stored.plan, title: stored.first?.title, minutes: stored.first?.durationMinutes };
		})
		.toEqual({
			place: 'Rathaus, Saal 2',
			startMinutes: 510,
			facilitators: null,
			title: 'Begrüßung',
			minutes: 35
		});
});

test('a projector window on the laptop follows the current block and the countdown, and has no control that edits', async ({
	page,
	appServer
}) => {
	await new KommuneFormPage(page).create(HANNOVER);
	await new WorkshopPage(page).createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const control = controlDocName(page.url());
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	const [projector] = await Promise.all([
		page.waitForEvent('popup'),
		page.getByRole('link', { name: 'Beamer-Ansicht in neuem Fenster öffnen' }).click()
	]);
	await expect(projector.getByText('Gleich geht es los.')).toBeVisible();
	await expect(projector.getByRole('listitem')).toHaveCount(12);

	await page.getByRole('button', { name: 'Ersten Block starten' }).click();
	await expect(projector.getByRole('heading', { level: 1 })).toHaveText('Begrüßung und Ziele');
	// The block has 20 minutes; the countdown started with it.
	await expect(projector.getByRole('timer')).toHaveText(/^(20:00|19:[0-5]\d)$/);
	await expect(projector.getByText('Danach: Ergebnisse des Digital-Checks')).toBeVisible();
	await expect
		.poll(async () => (await readServerDocument(appServer, control, readRun)).currentBlockId)
		.toBe('tpl.digital-check-tag.01');

	await page.getByRole('button', { name: 'Nächsten Block starten' }).click();
	await expect(projector.getByRole('heading', { level: 1 })).toHaveText(
		'Ergebnisse des Digital-Checks'
	);
	// The block left keeps when it ran, for the protocol: ended when the next one started.
	await expect
		.poll(async () => {
			const times = await readServerDocument(appServer, control, readBlockTimes);
			const first = times['tpl.digital-check-tag.01'];
			const second = times['tpl.digital-check-tag.02'];
			return first !== undefined && second !== undefined && first.endedAt === second.startedAt;
		})
		.toBe(true);
	await page.getByRole('button', { name: 'Pausieren' }).click();
	await expect(projector.getByText('pausiert')).toBeVisible();

	// A short countdown is in its last minute at once: said in words and announced, not by colour.
	await page.getByLabel('Minuten', { exact: true }).fill('0,5');
	await page.getByRole('button', { name: 'Timer starten' }).click();
	await expect(projector.getByText('Letzte Minute')).toBeVisible();
	await expect(
		projector.getByRole('status').filter({ hasText: 'Noch eine Minute.' })
	).toBeAttached();
	await expect(page.getByRole('timer')).toHaveText(/^00:(30|2\d)$/);

	await expect(projector.getByRole('button')).toHaveCount(0);
	await expect(projector.getByRole('textbox')).toHaveCount(0);
	await expect(projector.getByRole('combobox')).toHaveCount(0);
	expect(await seriousViolations(projector), 'projector view').toEqual([]);
});

test('the projector link shows the same countdown on a device whose clock is seven minutes off, and cannot write', async ({
	page,
	appServer
}) => {
	test.setTimeout(90_000);
	await new KommuneFormPage(page).create(HANNOVER);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const control = controlDocName(page.url());
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	const code = await workshop.createCode('Code für den Beamer', 'Für den Beamer');

	const lanBrowser = await launchLanBrowser();
	try {
		const context = await lanBrowser.newContext({ locale: 'de-DE' });
		// This device's clock runs seven minutes ahead of the laptop's.
		await context.clock.install({ time: Date.now() + 7 * 60_000 });
		const projector = await context.newPage();
		await projector.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
		await projector.getByRole('button', { name: 'Beitreten' }).click();
		await projector.getByRole('link', { name: 'Beamer-Ansicht öffnen' }).click();
		await expect(projector.getByText('Gleich geht es los.')).toBeVisible();

		await page.getByRole('button', { name: 'Ersten Block starten' }).click();
		await expect(projector.getByRole('heading', { level: 1 })).toHaveText('Begrüßung und Ziele');
		// Running, both show the same remaining time (read within a second of each other); without the
		// offset to the server clock this device would show about 13 minutes, seven less.
		const shown = async (p: typeof page) => {
			const [minutes, seconds] = ((await p.getByRole('timer').textContent()) ?? '')
				.trim()
				.split(':')
				.map(Number);
			return minutes! * 60 + seconds!;
		};
		await expect(projector.getByRole('timer')).toHaveText(/^(20:00|19:[0-5]\d)$/);
		const onLaptop = await shown(page);
		expect(onLaptop).toBeGreaterThan(19 * 60);
		expect(Math.abs((await shown(projector)) - onLaptop)).toBeLessThanOrEqual(2);
		await page.getByRole('button', { name: 'Pausieren' }).click();
		await expect(projector.getByText('pausiert')).toBeVisible();

		// The device's own token cannot change the control document: the server drops the write.
		const token = await projector.evaluate(
			() =>
				new Promise<string>((resolve, reject) => {
					const open = indexedDB.open('kommunalwerkstatt');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const read = open.result.transaction('credentials').objectStore('credentials').getAll();
						read.onsuccess = () => resolve((read.result as { token: string }[])[0]!.token);
						read.onerror = () => reject(read.error);
					};
				})
		);
		const attempt = connectSyncClient({
			url: `ws://localhost:${appServer.port}${SYNC_PATH}`,
			name: control,
			token
		});
		try {
			await expect.poll(() => attempt.state.synced).toBe(true);
			attempt.doc.getMap('agenda').set('hack/title', 'Vom Beamer');
			// A later change by the facilitator reaches the server and comes back to the device.
			await page.getByRole('button', { name: 'Fortsetzen' }).click();
			await expect
				.poll(() => attempt.doc.getMap('timer').get('state'))
				.toMatchObject({ status: 'running' });
			await expect
				.poll(async () => (await readServerDocument(appServer, control, readRun)).timer.status)
				.toBe('running');
			const onServer = await readServerDocument(appServer, control, (doc) =>
				doc.getMap('agenda').get('hack/title')
			);
			expect(onServer).toBeUndefined();
		} finally {
			attempt.destroy();
		}
	} finally {
		await lanBrowser.close();
	}
});

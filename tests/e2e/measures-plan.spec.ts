// The roadmap and the municipality's plan (issue 18 points 4 and 5): the facilitator follows a measure up
// a week after the day and the plan says who set which status when; a participant of another workshop
// has no way into the board; the projector's device shows the roadmap and follows changes, and its
// Beamer-Ansicht follows the facilitator onto the Maßnahmen and back; 200 measures read without a
// serious accessibility finding. Asserted on the documents as the server stores them.
import type { Page } from '@playwright/test';
import { generateNKeysBetween } from 'fractional-indexing';
import type * as Y from 'yjs';
import { addActionField } from '../../src/lib/crdt/workshop-action-fields';
import { addMeasure, type NewMeasure } from '../../src/lib/crdt/workshop-measures';
import { measureFixture } from '../../src/lib/crdt/workshop-measures.fixture';
import { SYNC_PATH } from '../../src/lib/contract/protocol';
import { workshopBoardDocName, workshopControlDocName } from '../../src/lib/domain/document-names';
import { connectSyncClient } from '../../server/test/sync-client';
import { LAN_HOST, joinWithCode, launchLanBrowser } from './support/lan-devices';
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { WorkshopPage } from './pages/workshop-page';
import { seriousViolations } from './support/axe';
import { expectSavedOnServer, storedMap, storedRecords } from './support/server-database';
import { writeServerDocument } from './support/server-documents';
import { KOMMUNEN } from './support/test-data';

const KOMMUNE = KOMMUNEN[0]!;
const WEEK = 7 * 24 * 60 * 60 * 1000;

/** The workshop's id from its page's URL (or a page below it). */
const workshopId = (page: Page) =>
	/\/kommune\/\d{12}\/workshop\/([^/]+)/.exec(new URL(page.url()).pathname)![1]!;

/** A measure as the workshop's measures page would write it, created now. */
const measure = (
	fields: Partial<NewMeasure> & Pick<NewMeasure, 'id' | 'actionFieldId' | 'title' | 'order'>
): NewMeasure => measureFixture({ createdAt: Date.now(), ...fields });

/** A measure with owner and period, of the first Handlungsfeld. */
const portalMeasure = () =>
	measure({
		id: 'm-portal',
		actionFieldId: 'hf-verwaltung',
		title: 'Bürgerportal einführen',
		owner: 'Hauptamt',
		start: '2027-Q2',
		due: '2027-Q3',
		order: 'a0'
	});

/** Two Handlungsfelder with measures, written into the board through the server. */
function writeMeasures(doc: Y.Doc, measures: readonly NewMeasure[]) {
	addActionField(doc, {
		id: 'hf-verwaltung',
		title: 'Digitale Verwaltung',
		dimensions: ['strategie'],
		order: 'a0',
		createdAt: Date.now()
	});
	addActionField(doc, {
		id: 'hf-infrastruktur',
		title: 'Infrastruktur',
		dimensions: ['strategie'],
		order: 'a1',
		createdAt: Date.now()
	});
	for (const item of measures) addMeasure(doc, item);
}

test('the facilitator sets a measure „umgesetzt“ a week later and the plan says who and when; a participant of another workshop cannot', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	// The workshop day was a week ago on this laptop's clock; the test moves it to now below.
	const dayBefore = Date.now();
	await page.clock.install({ time: dayBefore - WEEK });
	await new KommuneFormPage(page).create(KOMMUNE);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const wid = workshopId(page);
	const board = workshopBoardDocName(KOMMUNE.ars, wid);
	await writeServerDocument(appServer, board, (doc) =>
		writeMeasures(doc, [
			portalMeasure(),
			measure({
				id: 'm-glasfaser',
				actionFieldId: 'hf-infrastruktur',
				title: 'Glasfaser für alle Schulen',
				owner: 'Bauamt',
				due: '2027-12-31',
				dependsOn: ['m-portal'],
				order: 'a0'
			})
		])
	);

	// The roadmap: both measures by quarter under their Handlungsfeld, in words, and the table.
	await page.goto(`/kommune/${KOMMUNE.ars}/workshop/${wid}/massnahmen/roadmap`);
	const verwaltung = page.getByRole('list', { name: 'Digitale Verwaltung' });
	await expect(verwaltung.getByRole('listitem')).toHaveText([
		/Bürgerportal einführen\s*Q2 2027 bis Q3 2027\s*Hauptamt\s*geplant/
	]);
	await expect(page.getByRole('list', { name: 'Infrastruktur' }).getByRole('listitem')).toHaveText([
		/Glasfaser für alle Schulen\s*Q4 2027\s*Bauamt\s*geplant\s*nach: „Bürgerportal einführen“/
	]);
	const table = page.getByRole('table', { name: 'Maßnahmen als Tabelle' });
	await expect(table.getByRole('row').nth(2).getByRole('cell')).toHaveText([
		'Infrastruktur',
		'Bauamt',
		'offen',
		'31.12.2027',
		'geplant',
		'„Bürgerportal einführen“'
	]);
	// Filtered by owner, only the Bauamt's measure stays, in the timeline and in the table.
	await page.getByLabel('Verantwortlich').selectOption('Bauamt');
	await expect(page.getByText('1 von 2 Maßnahmen')).toBeVisible();
	await expect(verwaltung).toHaveCount(0);
	await expect(table.getByRole('row')).toHaveCount(2);

	// The municipality's plan, from the municipality's page.
	await page.goto(`/kommune/${KOMMUNE.ars}`);
	await page.getByRole('link', { name: 'Maßnahmenplan öffnen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmenplan' })).toBeVisible();
	const portal = page.getByRole('row').filter({ hasText: 'Bürgerportal einführen' });
	await expect(portal.getByRole('cell').nth(5)).toHaveText('noch nicht geändert');

	// A week later the facilitator records that it is done.
	await page.clock.setSystemTime(Date.now());
	const setAt = Date.now();
	await portal.getByRole('button', { name: '„Bürgerportal einführen“ fortschreiben' }).click();
	await page.getByLabel('Neuer Status').selectOption('umgesetzt');
	await page.getByLabel('Bemerkung zur Änderung (optional)').fill('Seit 1. März online');
	await page.getByRole('button', { name: 'Status speichern' }).click();
	const today = new Date(setAt).toLocaleDateString('de-DE', {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric'
	});
	await expect(portal.getByRole('cell').nth(3)).toHaveText('umgesetzt');
	await expect(portal.getByRole('cell').nth(5)).toContainText(
		new RegExp(`^umgesetzt · Moderation, ${today.replaceAll('.', '\\.')}, \\d\\d:\\d\\d`)
	);
	await expectSavedOnServer(page);
	// Status changes are keyed `<measureId>/<changeId>` (ADR 17): one measure, one change.
	const stored = Object.values(storedRecords(appServer, board, 'measureStatus')).flatMap(
		(changes) => Object.values(changes) as Array<Record<string, unknown>>
	);
	expect(stored).toHaveLength(1);
	expect(stored[0]).toMatchObject({
		status: 'umgesetzt',
		byName: 'Moderation',
		note: 'Seit 1. März online'
	});
	expect(stored[0]!.at).toBeGreaterThanOrEqual(setAt);
	expect(stored[0]!.at).toBeGreaterThanOrEqual(dayBefore);

	// A participant of another workshop of the municipality: their device's token does not open this
	// board, so the server refuses before any write, and the stored board is as it was.
	await page.goto(`/kommune/${KOMMUNE.ars}`);
	await workshop.createWorkshop('Zweiter Workshop', '2027-04-20');
	const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');
	const lanBrowser = await launchLanBrowser();
	try {
		const other = await joinWithCode(lanBrowser, appServer.port, code, 'Petra Schulz');
		await expect(other.getByRole('link', { name: 'Kartenabfrage öffnen' })).toBeVisible();
		const token = await other.evaluate(
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
		const before = storedRecords(appServer, board, 'measureStatus');
		const attempt = connectSyncClient({
			url: `ws://localhost:${appServer.port}${SYNC_PATH}`,
			name: board,
			token
		});
		try {
			// Written at once, so it would go with the connection if the server let the device in.
			attempt.doc.getMap('measureStatus').set('m-portal/forged', {
				status: 'zurueckgestellt',
				by: 'petra',
				byName: 'Petra Schulz',
				at: Date.now()
			});
			await expect.poll(() => attempt.state.failedReason).toBe('forbidden');
			expect(attempt.state.synced).toBe(false);
			expect(storedRecords(appServer, board, 'measureStatus')).toEqual(before);
		} finally {
			attempt.destroy();
		}
	} finally {
		await lanBrowser.close();
	}
});

/** 200 measures over six Handlungsfelder, eight owners and three years, some waiting for another. */
function manyMeasures(doc: Y.Doc) {
	const fields = [
		'Digitale Verwaltung',
		'Infrastruktur',
		'Bildung',
		'Bürgerdienste',
		'Personal',
		'IT-Sicherheit'
	];
	fields.forEach((title, index) =>
		addActionField(doc, {
			id: `hf-${index}`,
			title,
			dimensions: ['strategie'],
			order: `a${index}`,
			createdAt: Date.now()
		})
	);
	const owners = [
		'Hauptamt',
		'Bauamt',
		'Kämmerei',
		'Schulamt',
		'IT',
		'Personalamt',
		'Ordnungsamt',
		''
	];
	const orders = generateNKeysBetween(null, null, 200);
	for (let i = 0; i < 200; i++) {
		const year = 2027 + (i % 3);
		const quarter = (i % 4) + 1;
		addMeasure(
			doc,
			measure({
				id: `m-${String(i).padStart(3, '0')}`,
				actionFieldId: `hf-${i % 6}`,
				title: `Maßnahme ${i + 1}`,
				owner: owners[i % owners.length]!,
				start: i % 5 === 0 ? null : `${year}-Q${quarter}`,
				due: i % 7 === 0 ? null : `${year + 1}-Q${quarter}`,
				dependsOn: i >= 6 && i % 4 === 0 ? [`m-${String(i - 6).padStart(3, '0')}`] : [],
				order: orders[i]!
			})
		);
	}
}

test('the projector’s device shows the roadmap of 200 measures and follows the facilitator’s change; roadmap and plan have no serious accessibility finding', async ({
	page,
	appServer
}) => {
	test.setTimeout(180_000);
	await new KommuneFormPage(page).create(KOMMUNE);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const wid = workshopId(page);
	await writeServerDocument(appServer, workshopBoardDocName(KOMMUNE.ars, wid), manyMeasures);
	const code = await workshop.createCode('Code für den Beamer', 'Für den Beamer');

	const lanBrowser = await launchLanBrowser();
	try {
		const projector = await (await lanBrowser.newContext({ locale: 'de-DE' })).newPage();
		await projector.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
		await projector.getByRole('button', { name: 'Beitreten' }).click();
		await projector.getByRole('link', { name: 'Roadmap öffnen' }).click();
		const rows = projector.getByRole('table', { name: 'Maßnahmen als Tabelle' }).getByRole('row');
		await expect(rows).toHaveCount(201, { timeout: 30_000 });
		await expect(projector.getByText('200 von 200 Maßnahmen')).toBeVisible();
		// Only looks: no button, no text field; the filters are its only controls.
		const board = projector.getByRole('main');
		await expect(board.getByRole('button')).toHaveCount(0);
		await expect(board.getByRole('textbox')).toHaveCount(0);
		expect(await seriousViolations(projector), 'roadmap of 200 measures').toEqual([]);

		// The facilitator follows a measure up in the plan; the projector shows it at once.
		await page.goto(`/kommune/${KOMMUNE.ars}/massnahmen`);
		const first = page
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: 'Maßnahme 1', exact: true }) });
		await expect(page.getByRole('table', { name: 'Maßnahmenplan' }).getByRole('row')).toHaveCount(
			201,
			{ timeout: 30_000 }
		);
		expect(await seriousViolations(page), 'plan of 200 measures').toEqual([]);
		await page.getByRole('button', { name: '„Maßnahme 1“ fortschreiben' }).click();
		await page.getByLabel('Neuer Status').selectOption('in_arbeit');
		await page.getByRole('button', { name: 'Status speichern' }).click();
		await expect(first.getByRole('cell').nth(3)).toHaveText('in Arbeit');
		expect(await seriousViolations(page), 'plan with a measure being updated').toEqual([]);
		await projector.getByLabel('Status', { exact: true }).selectOption('in_arbeit');
		await expect(projector.getByText('1 von 200 Maßnahmen')).toBeVisible();
		await expect(rows.nth(1).getByRole('rowheader')).toHaveText('Maßnahme 1');
	} finally {
		await lanBrowser.close();
	}
});

test('the Beamer-Ansicht shows the roadmap while the facilitator has Maßnahmen or Roadmap open, and the day again once the facilitator leaves them or, after the tab closed on them, opens the workshop again', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	await new KommuneFormPage(page).create(KOMMUNE);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const wid = workshopId(page);
	const control = workshopControlDocName(KOMMUNE.ars, wid);
	await writeServerDocument(appServer, workshopBoardDocName(KOMMUNE.ars, wid), (doc) =>
		writeMeasures(doc, [portalMeasure()])
	);
	const code = await workshop.createCode('Code für den Beamer', 'Für den Beamer');

	const lanBrowser = await launchLanBrowser();
	try {
		const projector = await (await lanBrowser.newContext({ locale: 'de-DE' })).newPage();
		await projector.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
		await projector.getByRole('button', { name: 'Beitreten' }).click();
		await projector.getByRole('link', { name: 'Beamer-Ansicht öffnen' }).click();
		await expect(projector.getByText('Gleich geht es los.')).toBeVisible();

		// The facilitator opens the Maßnahmen: the projector shows the roadmap, each bar in words.
		await page.goto(`/kommune/${KOMMUNE.ars}/workshop/${wid}/massnahmen`);
		await expect(
			page.getByRole('heading', { level: 2, name: '1. Digitale Verwaltung' })
		).toBeVisible();
		await expect(projector.getByRole('heading', { level: 1 })).toHaveText('Roadmap', {
			timeout: 30_000
		});
		const bar = projector.getByRole('list', { name: 'Digitale Verwaltung' }).getByRole('listitem');
		await expect(bar).toHaveText(/Bürgerportal einführen\s*Q2 2027 bis Q3 2027\s*Hauptamt/);
		await expect(projector.getByText('Gleich geht es los.')).toHaveCount(0);
		await expect(projector.getByRole('button')).toHaveCount(0);
		expect(await seriousViolations(projector), 'roadmap on the projector').toEqual([]);
		await expectSavedOnServer(page);
		expect(storedMap(appServer, control, 'run')?.['shownPage']).toEqual({
			page: 'roadmap',
			since: expect.any(Number)
		});

		// On to the roadmap page it stays; back on another board page the projector shows the day.
		await page.getByRole('link', { name: 'Roadmap öffnen' }).click();
		await expect(page.getByRole('table', { name: 'Maßnahmen als Tabelle' })).toBeVisible();
		await expect(projector.getByRole('heading', { level: 1 })).toHaveText('Roadmap');
		await page
			.getByRole('navigation', { name: 'Workshop-Seiten' })
			.getByRole('link', { name: 'Kartenabfrage' })
			.click();
		await expect(projector.getByText('Gleich geht es los.')).toBeVisible({ timeout: 30_000 });
		await expect(projector.getByRole('heading', { level: 1 })).not.toHaveText('Roadmap');
		await expectSavedOnServer(page);
		expect(storedMap(appServer, control, 'run')?.['shownPage']).toBeNull();

		// A tab closed on the Maßnahmen without a word (closed, crashed, the lid shut: Playwright's close
		// runs no unload handler) leaves the roadmap up until the facilitator opens the workshop again.
		await page.goto(`/kommune/${KOMMUNE.ars}/workshop/${wid}/massnahmen`);
		await expect(projector.getByRole('heading', { level: 1 })).toHaveText('Roadmap', {
			timeout: 30_000
		});
		const laptop = page.context();
		await page.close();
		const again = await laptop.newPage();
		await again.goto(`/kommune/${KOMMUNE.ars}/workshop/${wid}`);
		await expect(again.getByRole('heading', { level: 1 })).toHaveText('Digitalstrategie-Workshop');
		await expect(projector.getByText('Gleich geht es los.')).toBeVisible({ timeout: 30_000 });
		await expectSavedOnServer(again);
		expect(storedMap(appServer, control, 'run')?.['shownPage']).toBeNull();
	} finally {
		await lanBrowser.close();
	}
});

// Maßnahmen (ADR 17): the facilitator turns a Quick Win of the matrix into a measure in one step; a
// participant on her own device in the room writes one with an owner and a quarter, and everyone sees
// it with its SMART check in words, on the roadmap and in the plan, and a forged removal with her token
// is refused by the server; measures are written from a Handlungsfeld, ordered and edited by keyboard
// alone, bad input refused at its field. Asserted on the board document on the server.
import type { Page } from '@playwright/test';
import { joinWithCode, launchLanBrowser } from './support/lan-devices';
import { workshopWithRunningCards } from './support/card-workshop';
import { expect, test } from './support/fixtures';
import { seriousViolations } from './support/axe';
import type { AppServer } from './support/app-server';
import { expectSavedOnServer, storedRecords } from './support/server-database';
import { KOMMUNEN } from './support/test-data';
import { ERROR_CODES, SYNC_PATH } from '../../src/lib/contract/protocol';
import { connectSyncClient } from '../../server/test/sync-client';

const FIELD = 'Digitale Verwaltung';

/**
 * A workshop whose Kartenabfrage has the cards `cards` and one Handlungsfeld, FIELD; the page ends on
 * the workshop's Maßnahmen. Returns the board's document name and a participants' join code.
 */
async function workshopWithField(
	page: Page,
	cards: string[]
): Promise<{ board: string; code: string }> {
	const { board, code } = await workshopWithRunningCards(page);
	for (const text of cards) {
		await page.getByLabel('Ihre Karte').fill(text);
		await page.getByRole('button', { name: 'Karte hinzufügen' }).click();
		await expect(page.getByText(text, { exact: true })).toBeVisible();
	}
	await nav(page, 'Handlungsfelder').click();
	await page.getByLabel('Titel', { exact: true }).fill(FIELD);
	await page
		.getByRole('group', { name: 'Dimensionen des Digital-Checks' })
		.getByRole('checkbox', { name: 'Prozesse & Organisation' })
		.check();
	await page.getByRole('button', { name: 'Handlungsfeld anlegen' }).click();
	await expect(page.getByRole('heading', { level: 3, name: `1. ${FIELD}` })).toBeVisible();
	return { board, code };
}

const nav = (device: Page, name: string) =>
	device.getByRole('navigation', { name: 'Workshop-Seiten' }).getByRole('link', { name });

/** The measures of FIELD as their headings read, in order. */
const headings = (device: Page) =>
	device.getByRole('list', { name: `Maßnahmen zu „${FIELD}“` }).getByRole('heading', { level: 3 });

/** The list item of the measure titled `title`. */
const measureItem = (device: Page, title: string) =>
	device
		.getByRole('list', { name: `Maßnahmen zu „${FIELD}“` })
		.getByRole('listitem')
		.filter({ has: device.getByRole('heading', { level: 3, name: title }) });

/** The stored measures that are not removed, in their order (fractional keys compare by code unit). */
async function storedMeasures(
	page: Page,
	server: AppServer,
	board: string
): Promise<Record<string, unknown>[]> {
	await expectSavedOnServer(page);
	return Object.entries(storedRecords(server, board, 'measures'))
		.filter(([, record]) => record.removed !== true)
		.sort(([, a], [, b]) => (String(a.order) < String(b.order) ? -1 : 1))
		.map(([id, record]) => ({ id, ...record }));
}

test('a Quick Win becomes a measure in one step from the matrix, a participant in the room writes one with owner and quarter that both devices show with the SMART check and the facilitator finds on the roadmap and in the plan, too long plan notes are refused, and her forged removal of another’s measure is refused', async ({
	page,
	appServer
}) => {
	test.setTimeout(150_000);
	const { board, code } = await workshopWithField(page, ['Kein WLAN', 'Akten auf Papier']);

	// "Kein WLAN" scored 5 for impact and 1 for effort: a Quick Win.
	await nav(page, 'Nutzen-Aufwand-Matrix').click();
	await page.getByLabel('Ihr Nutzen für „Kein WLAN“').selectOption('5');
	await page.getByLabel('Ihr Aufwand für „Kein WLAN“').selectOption('1');

	// One step from the matrix: its entry's link opens the Maßnahmen with the entry picked and the
	// focus on creating it; the measure is named after the entry, marked quick win, and keeps the
	// link; the focus goes to it, and its SMART check says what is missing.
	await page.getByRole('link', { name: 'Maßnahme anlegen aus „Kein WLAN“' }).click();
	await expect(page.getByRole('heading', { level: 2, name: `1. ${FIELD}` })).toBeVisible();
	await expect(
		page.getByText('Zu diesem Handlungsfeld gibt es noch keine Maßnahme.')
	).toBeVisible();
	await expect(
		page.getByLabel(`Karte, Gruppe oder Matrix-Eintrag als Maßnahme zu „${FIELD}“`)
	).toHaveValue(/^matrix:/);
	const fromEntry = page.getByRole('button', { name: 'Als Maßnahme anlegen' });
	await expect(fromEntry).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(headings(page)).toHaveText(['1. Kein WLAN Quick Win']);
	await expect(page.getByRole('button', { name: '„Kein WLAN“ bearbeiten' })).toBeFocused();
	await expect(
		page.getByRole('status').filter({ hasText: '„Kein WLAN“ wurde angelegt.' })
	).toBeVisible();
	await expect(
		page.getByRole('list', { name: 'SMART-Hinweise zu „Kein WLAN“' }).getByRole('listitem')
	).toHaveText([
		'Niemand ist verantwortlich.',
		'Es fehlt ein Fälligkeitstermin.',
		'Es fehlt ein Erfolgsindikator.'
	]);
	const [fromMatrix] = await storedMeasures(page, appServer, board);
	expect(fromMatrix).toMatchObject({ title: 'Kein WLAN', quickWin: true });
	expect(Object.entries(fromMatrix!).filter(([key]) => key.startsWith('src.'))).toEqual([
		[expect.stringMatching(/^src\./), 'matrix']
	]);

	const lanBrowser = await launchLanBrowser();
	try {
		const anna = await joinWithCode(lanBrowser, appServer.port, code, 'Anna');
		await anna.getByRole('link', { name: 'Maßnahmen öffnen' }).click();
		await expect(headings(anna)).toHaveText(['1. Kein WLAN Quick Win']);

		// A time nobody can place is refused at its field; what was typed stays, nothing is stored.
		await anna.getByRole('button', { name: `Neue Maßnahme zu „${FIELD}“` }).click();
		await expect(anna.getByLabel('Titel')).toBeFocused();
		await anna.getByLabel('Titel').fill('Posteingang digitalisieren');
		// The form's SMART check follows the typing, said politely, before anything is saved.
		const live = anna.getByRole('list', { name: 'SMART-Prüfung dieser Eingabe' });
		await expect(live.getByRole('listitem')).toHaveText([
			'Niemand ist verantwortlich.',
			'Es fehlt ein Fälligkeitstermin.',
			'Es fehlt ein Erfolgsindikator.'
		]);
		await expect(live.locator('xpath=..')).toHaveAttribute('aria-live', 'polite');
		await anna.getByLabel('Verantwortlich (Rolle oder Name)').fill('Hauptamt');
		await anna.getByLabel('Beginn').fill('Q1 2027');
		await anna.getByLabel('Fällig').fill('Sommer 2027');
		await expect(live.getByRole('listitem')).toHaveText(['Es fehlt ein Erfolgsindikator.']);
		await anna.getByRole('button', { name: 'Maßnahme anlegen', exact: true }).click();
		const due = anna.getByLabel('Fällig');
		await expect(due).toBeFocused();
		await expect(due).toHaveAttribute('aria-invalid', 'true');
		await expect(anna.getByLabel('Titel')).toHaveValue('Posteingang digitalisieren');
		expect(await seriousViolations(anna), 'measure form with an error').toEqual([]);

		await due.fill('Q3 2027');
		await anna.getByLabel('Budget in Euro').fill('12.500 €');
		await anna.getByLabel('Personentage').fill('2,5');
		await anna.getByLabel('Erfolgsindikator').fill('Anteil digitaler Eingänge');
		await anna.getByLabel('Zielwert').fill('80 %');
		await expect(live).toHaveCount(0);
		await expect(anna.getByRole('form').getByText('Keine Hinweise.')).toBeVisible();
		await anna.getByRole('button', { name: 'Maßnahme anlegen', exact: true }).click();

		for (const device of [anna, page]) {
			await expect(headings(device)).toHaveText([
				'1. Kein WLAN Quick Win',
				'2. Posteingang digitalisieren'
			]);
			const written = measureItem(device, '2. Posteingang digitalisieren');
			await expect(written).toContainText(/Verantwortlich \(Rolle oder Name\)\s*Hauptamt/);
			await expect(written).toContainText(/Zeitraum\s*Q1 2027 bis Q3 2027/);
			await expect(written).toContainText(/Ressourcen\s*12\.500 €, 2,5 Personentage/);
			await expect(written).toContainText('Anteil digitaler Eingänge (Zielwert: 80 %)');
			await expect(written).toContainText('Keine Hinweise.');
		}

		// In the server's database: one record per measure, times in their canonical form, written
		// under Anna's participant id.
		const stored = await storedMeasures(anna, appServer, board);
		expect(stored.map((measure) => measure.title)).toEqual([
			'Kein WLAN',
			'Posteingang digitalisieren'
		]);
		expect(stored[1]).toMatchObject({
			owner: 'Hauptamt',
			start: '2027-Q1',
			due: '2027-Q3',
			budgetEur: 12_500,
			staffDays: 2.5,
			indicator: 'Anteil digitaler Eingänge',
			target: '80 %'
		});
		expect(String(stored[1]!.authorId)).not.toMatch(/^moderation\//);

		// The facilitator sees Anna's measure on the roadmap and in the municipality's plan.
		const measuresPage = page.url();
		await page.getByRole('link', { name: 'Roadmap öffnen' }).click();
		await expect(
			page
				.getByRole('table', { name: 'Maßnahmen als Tabelle' })
				.getByRole('row')
				.filter({ hasText: 'Posteingang digitalisieren' })
				.getByRole('cell')
		).toHaveText([FIELD, 'Hauptamt', 'Q1 2027', 'Q3 2027', 'geplant', '']);
		await page.goto(`/kommune/${KOMMUNEN[0]!.ars}/massnahmen`);
		const planRow = page
			.getByRole('table', { name: 'Maßnahmenplan' })
			.getByRole('row')
			.filter({ hasText: 'Posteingang digitalisieren' });
		await expect(planRow.getByRole('cell').nth(1)).toHaveText('Hauptamt');
		// Notes beyond their length are refused at the field, and nothing is stored.
		await planRow
			.getByRole('button', { name: '„Posteingang digitalisieren“ fortschreiben' })
			.click();
		await page.getByLabel('Notizen').fill('x'.repeat(4001));
		await page.getByRole('button', { name: 'Notizen speichern' }).click();
		await expect(page.getByLabel('Notizen')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByText('Der Text darf höchstens 4.000 Zeichen lang sein.')).toBeVisible();
		expect((await storedMeasures(page, appServer, board))[1]!.notes ?? '').toBe('');
		await page.goto(measuresPage);
		expect(await seriousViolations(anna), 'measures of a participant').toEqual([]);
		expect(await seriousViolations(page), 'measures of the facilitator').toEqual([]);

		// Anna's device token, used outside the app to remove the facilitator's measure: the server
		// refuses the write (server/SPEC.md W13) and stores nothing of it.
		const token = await anna.evaluate(
			() =>
				new Promise<string>((done, fail) => {
					const open = indexedDB.open('kommunalwerkstatt');
					open.onerror = () => fail(open.error);
					open.onsuccess = () => {
						const rows = open.result.transaction('credentials').objectStore('credentials').getAll();
						rows.onerror = () => fail(rows.error);
						rows.onsuccess = () => done((rows.result as { token: string }[])[0]!.token);
					};
				})
		);
		const forger = connectSyncClient({
			url: `ws://127.0.0.1:${appServer.port}${SYNC_PATH}`,
			name: board,
			token
		});
		// The server closes this document's connection, not the socket, with the reason.
		const reasons: string[] = [];
		forger.provider.on('close', ({ event }: { event: { reason?: string } }) => {
			if (event.reason) reasons.push(event.reason);
		});
		try {
			await expect.poll(() => forger.state.synced).toBe(true);
			forger.doc.getMap('measures').set(`${fromMatrix!.id}/removed`, true);
			await expect.poll(() => reasons).toContain(ERROR_CODES.writeRefused);
		} finally {
			forger.destroy();
		}
		await expect(headings(page)).toHaveText([
			'1. Kein WLAN Quick Win',
			'2. Posteingang digitalisieren'
		]);
		expect((await storedMeasures(page, appServer, board)).map((measure) => measure.title)).toEqual([
			'Kein WLAN',
			'Posteingang digitalisieren'
		]);
	} finally {
		await lanBrowser.close();
	}
});

test('measures are written from the Handlungsfeld in one step and reordered by keyboard alone, the focus staying on the moved measure; bad budget, staff days and partner text are refused at their field, and an edit with a status change is stored', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	const { board } = await workshopWithField(page, []);

	// One step from the Handlungsfeld: its link opens the new measure's form under it.
	await page.getByRole('link', { name: `Maßnahme anlegen zu „${FIELD}“` }).focus();
	await page.keyboard.press('Enter');
	for (const title of ['Ratsinformationssystem einführen', 'WLAN im Rathaus']) {
		if (title !== 'Ratsinformationssystem einführen') {
			await page.getByRole('button', { name: `Neue Maßnahme zu „${FIELD}“` }).focus();
			await page.keyboard.press('Enter');
		}
		await expect(page.getByLabel('Titel')).toBeFocused();
		await page.keyboard.type(title);
		await page.keyboard.press('Enter');
		await expect(page.getByRole('button', { name: `„${title}“ bearbeiten` })).toBeFocused();
	}
	await expect(headings(page)).toHaveText([
		'1. Ratsinformationssystem einführen',
		'2. WLAN im Rathaus'
	]);

	const up = page.getByRole('button', { name: '„WLAN im Rathaus“ eine Stelle nach oben' });
	await up.focus();
	await page.keyboard.press('Enter');
	await expect(headings(page)).toHaveText([
		'1. WLAN im Rathaus',
		'2. Ratsinformationssystem einführen'
	]);
	await expect(up).toBeFocused();
	await expect(page.getByText('„WLAN im Rathaus“ steht jetzt an Stelle 1.')).toBeVisible();
	expect((await storedMeasures(page, appServer, board)).map((measure) => measure.title)).toEqual([
		'WLAN im Rathaus',
		'Ratsinformationssystem einführen'
	]);

	// Escape closes the form without writing; the focus goes back to the button that opened it.
	const open = page.getByRole('button', { name: `Neue Maßnahme zu „${FIELD}“` });
	await open.focus();
	await page.keyboard.press('Enter');
	await page.keyboard.type('Nur angefangen');
	await page.keyboard.press('Escape');
	await expect(open).toBeFocused();
	expect(await storedMeasures(page, appServer, board)).toHaveLength(2);

	// Editing: bad input is refused at its field in German and nothing is stored.
	await page.getByRole('button', { name: '„WLAN im Rathaus“ bearbeiten' }).click();
	const save = page.getByRole('button', { name: 'Speichern', exact: true });
	const refusals: [string, string, string][] = [
		['Budget in Euro', '12,50', 'Bitte geben Sie das Budget in ganzen Euro ein.'],
		['Budget in Euro', '-500', 'Das Budget muss zwischen 0 und 10.000.000.000 Euro liegen.'],
		['Personentage', '-1', 'Die Personentage müssen zwischen 0 und 10.000 liegen.'],
		['Personentage', '20.000', 'Die Personentage müssen zwischen 0 und 10.000 liegen.'],
		[
			'Personentage',
			'1,25',
			'Bitte geben Sie die Personentage in ganzen oder halben Tagen an, z. B. 2,5.'
		],
		[
			'Weitere mögliche Partner',
			'P'.repeat(301),
			'Dieser Text darf höchstens 300 Zeichen lang sein.'
		]
	];
	for (const [label, value, message] of refusals) {
		await page.getByLabel(label).fill(value);
		await save.click();
		await expect(page.getByLabel(label)).toBeFocused();
		await expect(page.getByLabel(label)).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByText(message)).toBeVisible();
		await page.getByLabel(label).fill('');
	}
	const before = await storedMeasures(page, appServer, board);
	expect(before[0]).not.toHaveProperty('budgetEur', expect.any(Number));
	expect(storedRecords(appServer, board, 'measureStatus')).toEqual({});

	// A valid edit and a status change are stored; the focus goes back to the measure.
	await page.getByLabel('Budget in Euro').fill('1.500 €');
	await page.getByLabel('Personentage').fill('3,5');
	await page.getByLabel('Status', { exact: true }).selectOption('in_arbeit');
	await page.getByLabel('Anmerkung zur Statusänderung').fill('Angebot liegt vor');
	await save.click();
	await expect(page.getByRole('button', { name: '„WLAN im Rathaus“ bearbeiten' })).toBeFocused();
	await expect(measureItem(page, '1. WLAN im Rathaus')).toContainText('Status: in Arbeit');
	const [edited] = await storedMeasures(page, appServer, board);
	expect(edited).toMatchObject({ title: 'WLAN im Rathaus', budgetEur: 1500, staffDays: 3.5 });
	const changes = Object.values(storedRecords(appServer, board, 'measureStatus')).flatMap(
		(byMeasure) => Object.values(byMeasure) as Record<string, unknown>[]
	);
	expect(changes).toEqual([
		expect.objectContaining({
			status: 'in_arbeit',
			byName: 'Moderation',
			note: 'Angebot liegt vor'
		})
	]);
});

test('a measure from a matrix entry is offered under the Handlungsfeld the entry is linked to, so Enter files it there', async ({
	page,
	appServer
}) => {
	const { board } = await workshopWithField(page, ['Kein WLAN', 'Akten auf Papier']);
	// A second field, "Netz und WLAN", holds the card "Kein WLAN"; the first field holds nothing.
	await page.getByLabel('Titel', { exact: true }).fill('Netz und WLAN');
	await page
		.getByRole('group', { name: 'Dimensionen des Digital-Checks' })
		.getByRole('checkbox', { name: 'Prozesse & Organisation' })
		.check();
	await page.getByRole('button', { name: 'Handlungsfeld anlegen' }).click();
	await expect(page.getByRole('heading', { level: 3, name: '2. Netz und WLAN' })).toBeVisible();
	await page
		.getByLabel('Karte oder Gruppe für „Netz und WLAN“')
		.selectOption({ label: 'Kein WLAN' });
	await page.getByRole('button', { name: 'Verknüpfen' }).nth(1).click();
	await expect(
		page.getByRole('button', { name: 'Verknüpfung mit „Kein WLAN“ lösen' })
	).toBeVisible();

	await nav(page, 'Nutzen-Aufwand-Matrix').click();
	await page.getByLabel('Ihr Nutzen für „Kein WLAN“').selectOption('5');
	await page.getByLabel('Ihr Aufwand für „Kein WLAN“').selectOption('1');
	await page.getByRole('link', { name: 'Maßnahme anlegen aus „Kein WLAN“' }).click();
	const linkedField = page.getByRole('region', { name: '2. Netz und WLAN' });
	await expect(linkedField.getByRole('button', { name: 'Als Maßnahme anlegen' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('list', { name: 'Maßnahmen zu „Netz und WLAN“' }).getByRole('heading', {
			level: 3
		})
	).toHaveText(['1. Kein WLAN Quick Win']);

	// Stored under the second field, not the first.
	await expectSavedOnServer(page);
	const fields = Object.entries(storedRecords(appServer, board, 'actionFields'));
	const fieldIdOf = (title: string) => fields.find(([, field]) => field.title === title)?.[0];
	const measures = Object.values(storedRecords(appServer, board, 'measures'));
	expect(measures.map((measure) => [measure.title, measure.actionFieldId])).toEqual([
		['Kein WLAN', fieldIdOf('Netz und WLAN')]
	]);
	expect(fieldIdOf('Netz und WLAN')).not.toBe(fieldIdOf(FIELD));
});

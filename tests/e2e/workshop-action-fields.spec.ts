// Handlungsfelder: the facilitator takes over a suggestion of the municipality's Digital-Check, adds a
// field of their own, orders them by priority, links a card, and removes one with undo, all by keyboard;
// a participant sees the fields but not the check. Asserted on the board document on the server.
import { LAN_HOST, launchLanBrowser } from './support/lan-devices';
import { expect, test } from './support/fixtures';
import { CheckRoundPage } from './pages/check-round-page';
import { KommuneFormPage } from './pages/kommune-form';
import { WorkshopPage } from './pages/workshop-page';
import { seriousViolations } from './support/axe';
import { expectSavedOnServer, storedMap, storedRecords } from './support/server-database';
import { KOMMUNEN } from './support/test-data';

test('a Digital-Check suggestion and an own field are ordered by priority, linked to a card, and a removal is undone, by keyboard', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	const kommune = KOMMUNEN[0]!;
	await new KommuneFormPage(page).create(kommune);

	// A check round in which three people (a municipality's score rests on at least three, ADR 7) give
	// one answer, Stufe 1: Strategie & Steuerung scores 25, the only scored dimension, so it is the
	// weakest one and the one suggestion.
	const round = new CheckRoundPage(page);
	await round.createRound('Digital-Check 2026');
	const roundUrl = page.url();
	for (const label of ['Bürgermeisterin', 'Erster Stadtrat', 'Kämmerin']) {
		await round.addRespondent(label, 'Verwaltungsspitze');
		await page.getByRole('link', { name: `Antworten für ${label} eingeben` }).click();
		await page
			.getByRole('group', { name: 'Gibt es eine beschlossene Digitalisierungsstrategie?' })
			.getByRole('radio', { name: /^Stufe 1:/ })
			.check();
		await expect(page.getByText(/^1 von \d+ Fragen beantwortet$/)).toBeVisible();
		await page.goto(roundUrl);
	}
	await page.goto(`/kommune/${kommune.ars}`);

	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const workshopPath = new URL(page.url()).pathname;
	const board = `${workshopPath.slice(1)}/board`;
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	await page
		.getByRole('button', { name: '„Kartenabfrage: Was hindert uns heute?“ jetzt starten' })
		.click();
	const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');
	await page.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	await page.getByLabel('Ihre Karte').fill('Keine Strategie beschlossen');
	await page.getByRole('button', { name: 'Karte hinzufügen' }).click();
	await expect(page.getByText('Keine Strategie beschlossen', { exact: true })).toBeVisible();
	await page
		.getByRole('navigation', { name: 'Workshop-Seiten' })
		.getByRole('link', { name: 'Handlungsfelder' })
		.click();

	// The suggestion, taken over: a field named after the dimension, tagged with it.
	const suggestions = page.getByRole('region', { name: 'Vorschläge aus dem Digital-Check' });
	await expect(suggestions).toContainText('Strategie & Steuerung');
	await suggestions.getByRole('button', { name: '„Strategie & Steuerung“ übernehmen' }).click();
	await expect(suggestions).toContainText('(übernommen)');
	const fields = page.getByRole('list', { name: 'Handlungsfelder nach Priorität' });
	await expect(fields.getByRole('heading', { level: 3 })).toHaveText(['1. Strategie & Steuerung']);

	// An own field: refused without a dimension, then added with one.
	await page.getByLabel('Titel', { exact: true }).fill('E-Akte einführen');
	await page.getByRole('button', { name: 'Handlungsfeld anlegen' }).click();
	await expect(page.getByText('Bitte wählen Sie mindestens eine Dimension.')).toBeVisible();
	const newField = page.getByRole('group', { name: 'Dimensionen des Digital-Checks' });
	await newField.getByRole('checkbox', { name: 'Prozesse & Organisation' }).check();
	await page.getByRole('button', { name: 'Handlungsfeld anlegen' }).click();
	await expect(fields.getByRole('heading', { level: 3 })).toHaveText([
		'1. Strategie & Steuerung',
		'2. E-Akte einführen'
	]);

	// Priority by keyboard: the focus stays on the moved field's button, the status says where it is.
	const up = page.getByRole('button', { name: '„E-Akte einführen“ eine Stelle nach oben' });
	await up.focus();
	await page.keyboard.press('Enter');
	await expect(fields.getByRole('heading', { level: 3 })).toHaveText([
		'1. E-Akte einführen',
		'2. Strategie & Steuerung'
	]);
	await expect(up).toBeFocused();
	await expect(page.getByText('„E-Akte einführen“ steht jetzt an Stelle 1.')).toBeVisible();
	// In the server's database each field is a record with a key per tagged dimension, `dim.<id>`;
	// a removed one keeps its record with `removed`.
	const stored = async () => {
		await expectSavedOnServer(page);
		return (
			Object.values(storedRecords(appServer, board, 'actionFields'))
				.filter((field) => field.removed !== true)
				// Fractional order keys compare by code unit, as the app sorts them.
				.sort((a, b) => (String(a.order) < String(b.order) ? -1 : 1))
				.map((field) => [field.title, Object.keys(field).filter((key) => key.startsWith('dim.'))])
		);
	};
	expect(await stored()).toEqual([
		['E-Akte einführen', ['dim.prozesse']],
		['Strategie & Steuerung', ['dim.strategie']]
	]);

	// A card linked to the suggested field.
	await page
		.getByLabel('Karte oder Gruppe für „Strategie & Steuerung“')
		.selectOption({ label: 'Keine Strategie beschlossen' });
	await page.getByRole('button', { name: 'Verknüpfen' }).nth(1).click();
	await expect(
		page.getByRole('button', { name: 'Verknüpfung mit „Keine Strategie beschlossen“ lösen' })
	).toBeVisible();
	// The link is the key `<fieldId>/<itemId>` in the server's database.
	await expectSavedOnServer(page);
	expect(
		Object.keys(storedMap(appServer, board, 'actionFieldLinks') ?? {}).filter((key) =>
			key.startsWith('hf.strategie/')
		)
	).toHaveLength(1);
	expect(await seriousViolations(page), 'Handlungsfelder of the facilitator').toEqual([]);

	// Removed and brought back: the focus goes to "Rückgängig", then to the field again.
	await page.getByRole('button', { name: '„E-Akte einführen“ entfernen' }).click();
	await expect(page.getByRole('button', { name: 'Rückgängig', exact: true })).toBeFocused();
	await expect(fields.getByRole('heading', { level: 3 })).toHaveText(['1. Strategie & Steuerung']);
	expect(await stored()).toEqual([['Strategie & Steuerung', ['dim.strategie']]]);
	await page.getByRole('button', { name: 'Rückgängig', exact: true }).click();
	await expect(page.getByRole('button', { name: '„E-Akte einführen“ bearbeiten' })).toBeFocused();
	expect((await stored()).map(([title]) => title)).toEqual([
		'E-Akte einführen',
		'Strategie & Steuerung'
	]);

	// A participant sees the fields, and nothing of the municipality's check.
	const lanBrowser = await launchLanBrowser();
	try {
		const anna = await (await lanBrowser.newContext({ locale: 'de-DE' })).newPage();
		await anna.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
		await anna.getByLabel('Ihr Name').fill('Anna');
		await anna.getByRole('button', { name: 'Beitreten' }).click();
		await anna.getByRole('link', { name: 'Handlungsfelder öffnen' }).click();
		await expect(
			anna.getByRole('list', { name: 'Handlungsfelder nach Priorität' }).getByRole('heading')
		).toHaveText(['1. E-Akte einführen', '2. Strategie & Steuerung']);
		await expect(
			anna.getByRole('region', { name: 'Vorschläge aus dem Digital-Check' })
		).toHaveCount(0);
		expect(await seriousViolations(anna), 'Handlungsfelder of a participant').toEqual([]);
	} finally {
		await lanBrowser.close();
	}
});

// Numbers as a German facilitator types them: "38.000" cases in the process table are 38000 on the
// screen, in the server's copy of the round and in the savings the results compute; preset case
// numbers are estimated from the municipality's population and say so; barriers of the round's own
// and a change of rank that says what it moved.
import { readBarriers, readProcesses } from '../../src/lib/crdt/check-shared-doc';
import { expect, test } from './support/fixtures';
import { CheckRoundPage } from './pages/check-round-page';
import { KommuneFormPage } from './pages/kommune-form';
import { seriousViolations } from './support/axe';
import { readServerDocument } from './support/server-documents';
import { expectSavedOnServer, storedMap } from './support/server-database';
import { KOMMUNEN } from './support/test-data';

test('cases typed as "38.000" are 38000 after a reload, on the server and in the savings', async ({
	page,
	appServer
}) => {
	test.setTimeout(90_000);
	// Hannover, 548.000 inhabitants.
	await new KommuneFormPage(page).create(KOMMUNEN[0]!);
	const round = new CheckRoundPage(page);
	await round.createRound('Digital-Check 2027');
	const roundUrl = page.url();
	await round.openSharedDetails();
	await expect(page.getByText('Stufe 0 = 0, Stufe 1 = 25, Stufe 2 = 50')).toBeVisible();

	await expect(
		page.getByText('Die Fallzahlen werden aus der Einwohnerzahl (548.000) geschätzt.')
	).toBeVisible();
	await page.getByRole('button', { name: 'Typische Prozesse übernehmen' }).click();
	const cases = page.getByLabel('Fälle pro Jahr: Rechnungseingang');
	// By hand: 12,000 invoices per 20,000 inhabitants × 548,000 = 328,800, two digits: 330,000.
	await expect(cases).toHaveValue('330.000');
	await expect(cases).toHaveAccessibleDescription('Schätzung, bitte prüfen');
	expect(await seriousViolations(page), 'process table with estimates').toEqual([]);

	await cases.fill('38.000');
	await cases.press('Tab');
	const today = page.getByLabel('Minuten je Fall heute: Rechnungseingang');
	// Minutes end at 10.000: "38.000" is refused with the range, not stored as 38.
	await today.fill('38.000');
	await today.press('Tab');
	await expect(today).toHaveAccessibleDescription(
		'Bitte eine Zahl von 0 bis 10.000 eingeben, höchstens eine Nachkommastelle (zum Beispiel 2,5). Nicht gespeichert.'
	);
	await today.fill('17');
	await today.press('Tab');
	const digital = page.getByLabel('Minuten je Fall voll digital: Rechnungseingang');
	await digital.fill('2');
	await digital.press('Tab');

	// In the server's database the edits are the round's own figures, one `<processId>/<field>` key
	// each, as numbers: 38000, not 38 or "38.000".
	await expect(digital).toHaveValue('2');
	await expectSavedOnServer(page);
	expect(storedMap(appServer, round.sharedDocName(), 'processFields')).toMatchObject({
		'rechnungseingang/casesPerYear': 38_000,
		'rechnungseingang/minutesToday': 17,
		'rechnungseingang/minutesDigital': 2
	});

	await page.reload();
	await expect(cases).toHaveValue('38.000');
	await expect(cases).not.toHaveAccessibleDescription('Schätzung, bitte prüfen');
	await expect(today).toHaveValue('17');

	await page.goto(roundUrl);
	await page.getByRole('link', { name: 'Ergebnisse ansehen' }).click();
	// By hand: 38,000 cases × (17 − 2) min = 570,000 min = 9,500 h a year; the other presets have no
	// minutes and save nothing; 9,500 h / 1,600 h per position ≈ 5,9 positions.
	await expect(page.getByText(/etwa 9\.500 Stunden im Jahr sparen/)).toBeVisible();
	await expect(page.getByRole('row', { name: /^Rechnungseingang/ })).toContainText('9.500');
});

test("a barrier of the round's own is ranked, and a rank change says what it moved", async ({
	page,
	appServer
}) => {
	await new KommuneFormPage(page).create(KOMMUNEN[0]!);
	const round = new CheckRoundPage(page);
	await round.createRound('Digital-Check 2027');
	await round.openSharedDetails();

	const own = page.getByLabel('Weiteres Hemmnis (Sonstiges)');
	await page.getByRole('button', { name: 'Hemmnis hinzufügen' }).click();
	await expect(own).toHaveAccessibleDescription(
		'Bitte beschreiben Sie das Hemmnis in ein paar Worten.'
	);
	await own.fill('Finanzierung');
	await page.getByRole('button', { name: 'Hemmnis hinzufügen' }).click();
	await expect(own).toHaveAccessibleDescription('Dieses Hemmnis steht schon in der Liste.');
	await own.fill('Fehlende Scanner im Bürgerbüro');
	await page.getByRole('button', { name: 'Hemmnis hinzufügen' }).click();
	await expect(
		page.getByRole('checkbox', { name: 'Fehlende Scanner im Bürgerbüro' })
	).toBeChecked();
	await expect(own).toHaveValue('');

	const rank = (n: number) => page.getByLabel(`Wichtigstes Hemmnis Nr. ${n}`);
	await rank(1).selectOption({ label: 'Personalmangel' });
	await rank(3).selectOption({ label: 'Fehlende Scanner im Bürgerbüro' });
	// The rank-1 barrier chosen for rank 3: the two swap, and nothing is lost.
	await rank(3).selectOption({ label: 'Personalmangel' });
	await expect(
		page.getByText(
			'„Personalmangel“ ist jetzt auf Rang 3; „Fehlende Scanner im Bürgerbüro“ ist dafür auf Rang 1 gerückt.'
		)
	).toBeVisible();
	await expect(rank(1).locator('option:checked')).toHaveText('Fehlende Scanner im Bürgerbüro');
	await rank(2).selectOption({ label: 'Personalmangel' });
	await expect(
		page.getByText('„Personalmangel“ ist jetzt auf Rang 2; Rang 3 ist frei.')
	).toBeVisible();
	expect(await seriousViolations(page), 'own barriers and rank note').toEqual([]);

	await expect
		.poll(async () => {
			const read = await readServerDocument(appServer, round.sharedDocName(), readBarriers);
			const labels = new Map((read.custom ?? []).map((b) => [b.id, b.label]));
			return read.top3.map((id) => (id === null ? null : (labels.get(id) ?? id)));
		})
		.toEqual(['Fehlende Scanner im Bürgerbüro', 'personalmangel', null]);
});

test('after the population changes in the profile, only the figures still estimated are recomputed, with undo', async ({
	page,
	appServer
}) => {
	test.setTimeout(90_000);
	const kommune = { ...KOMMUNEN[0]!, population: '20.000' };
	await new KommuneFormPage(page).create(kommune);
	const round = new CheckRoundPage(page);
	await round.createRound('Digital-Check 2027');
	await round.openSharedDetails();
	const sharedUrl = page.url();
	await page.getByRole('button', { name: 'Typische Prozesse übernehmen' }).click();
	const cases = (name: string) => page.getByLabel(`Fälle pro Jahr: ${name}`);
	await expect(cases('Rechnungseingang')).toHaveValue('12.000');
	await cases('Bauantrag').fill('95');
	await cases('Bauantrag').press('Tab');
	await expect(cases('Bauantrag')).not.toHaveAccessibleDescription('Schätzung, bitte prüfen');

	await page.goto(`/kommune/${kommune.ars}`);
	await new KommuneFormPage(page).population.fill('38.000');
	await page.getByRole('button', { name: 'Speichern', exact: true }).click();
	await page.goto(sharedUrl);
	await expect(
		page.getByText(
			'Die Fallzahlen wurden für 20.000 Einwohner geschätzt; im Profil stehen jetzt 38.000.'
		)
	).toBeVisible();
	expect(await seriousViolations(page), 'notice of estimates for another population').toEqual([]);

	await page.getByRole('button', { name: 'Schätzungen neu berechnen' }).click();
	// By hand: 21 presets, Bauantrag written by a person, so 20 recomputed.
	await expect(page.getByRole('status').filter({ hasText: 'neu geschätzt' })).toHaveText(
		'20 Fallzahlen wurden für 38.000 Einwohner neu geschätzt.'
	);
	// By hand: 12,000 / 20,000 × 38,000 = 22,800 → 23,000; 1,800 × 1.9 = 3,420 → 3,400.
	await expect(cases('Rechnungseingang')).toHaveValue('23.000');
	await expect(cases('Rechnungseingang')).toHaveAccessibleDescription('Schätzung, bitte prüfen');
	await expect(cases('Wohnsitzanmeldung')).toHaveValue('3.400');
	await expect(cases('Bauantrag')).toHaveValue('95');
	await expect(page.getByRole('button', { name: 'Schätzungen neu berechnen' })).toHaveCount(0);
	expect(await seriousViolations(page), 'recomputed estimates with undo').toEqual([]);

	const name = round.sharedDocName();
	const serverCases = async () => {
		const { processes } = await readServerDocument(appServer, name, readProcesses);
		const of = (id: string) => processes.find((process) => process.id === id)?.casesPerYear;
		return [of('rechnungseingang'), of('wohnsitzanmeldung'), of('bauantrag')];
	};
	await expect.poll(serverCases).toEqual([23_000, 3_400, 95]);

	await page.getByRole('button', { name: 'Rückgängig' }).click();
	await expect(page.getByText('Die vorherigen Schätzungen sind wiederhergestellt.')).toBeVisible();
	await expect(cases('Rechnungseingang')).toHaveValue('12.000');
	await expect(page.getByRole('button', { name: 'Schätzungen neu berechnen' })).toBeVisible();
	await expect.poll(serverCases).toEqual([12_000, 1_800, 95]);
});

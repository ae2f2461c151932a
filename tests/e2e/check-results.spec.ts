// Two respondents of different perspectives: one answers on their own device in the room (a LAN page),
// the other on the facilitator's laptop while the laptop's server is down. The results combine both,
// with a figure computed by hand here, not by the scoring code.
import { readAnswers } from '../../src/lib/crdt/check-respondent-doc';
import { LAN_HOST, launchLanBrowser } from './support/lan-devices';
import { expect, test } from './support/fixtures';
import { CheckRoundPage } from './pages/check-round-page';
import { KommuneFormPage } from './pages/kommune-form';
import { seriousViolations } from './support/axe';
import { indexedDbNames } from './support/browser-storage';
import { readServerDocument } from './support/server-documents';
import { waitForServiceWorkerControl } from './support/service-worker';
import { KOMMUNEN } from './support/test-data';

test('answers from a device in the room and from the offline laptop both reach the results', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	await new KommuneFormPage(page).create(KOMMUNEN[0]!);
	await waitForServiceWorkerControl(page);
	const round = new CheckRoundPage(page);
	await round.createRound('Digital-Check 2027');
	await round.addRespondent('Bürgermeisterin', 'Verwaltungsspitze');
	await round.addRespondent('Personalrat 1', 'Personalrat');
	const roundUrl = page.url();

	// The staff council member answers on their own device, over the room's network.
	await page.getByRole('button', { name: 'Code für Personalrat 1 erzeugen' }).click();
	const card = page.getByRole('figure').filter({ hasText: 'Für Personalrat 1' });
	const code = /([0-9A-Z]{5}-[0-9A-Z]{5})/.exec((await card.textContent()) ?? '')![1]!;
	const lanBrowser = await launchLanBrowser();
	try {
		const device = await (await lanBrowser.newContext({ locale: 'de-DE' })).newPage();
		await device.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
		await device.getByRole('button', { name: 'Beitreten' }).click();
		await device.getByRole('link', { name: 'Fragebogen öffnen' }).click();
		const goals = device.getByRole('group', {
			name: /^Ich kenne die Ziele, die unsere Kommune mit der Digitalisierung verfolgt/
		});
		await goals.getByRole('radio', { name: '2 – trifft eher nicht zu' }).check();
		await expect(device.getByText(/^1 von \d+ Fragen beantwortet$/)).toBeVisible();
		const ownName = new URL(device.url()).pathname.replace(
			/^\/kommune\/(\d+)\/check\/([^/]+)\/antworten\/([^/]+)$/,
			'kommune/$1/check/$2/respondent/$3'
		);
		await expect
			.poll(async () => (await readServerDocument(appServer, ownName, readAnswers))['strategie.04'])
			.toEqual({ kind: 'likert', value: 2 });
		// The device holds its own respondent document and no other respondent's.
		const held = (await indexedDbNames(device)).filter((n) => n.includes('/respondent/'));
		expect(held).toEqual([ownName]);
	} finally {
		await lanBrowser.close();
	}

	// The mayor answers on the laptop while its server is down.
	await appServer.stop();
	await page.getByRole('link', { name: 'Antworten für Bürgermeisterin eingeben' }).click();
	await page
		.getByRole('group', { name: 'Gibt es eine beschlossene Digitalisierungsstrategie?' })
		.getByRole('radio', { name: /^Stufe 3:/ })
		.check();
	await expect(page.getByText(/^1 von \d+ Fragen beantwortet$/)).toBeVisible();
	await page.reload();
	await expect(
		page
			.getByRole('group', { name: 'Gibt es eine beschlossene Digitalisierungsstrategie?' })
			.getByRole('radio', { name: /^Stufe 3:/ })
	).toBeChecked();
	await appServer.start();

	// By hand: Verwaltungsspitze 3 × 25 = 75; Personalrat (2 − 1) × 25 = 25; each perspective weighs the
	// same, so Strategie & Steuerung = (75 + 25) / 2 = 50, and it is the only dimension with answers.
	await page.goto(roundUrl);
	await page.getByRole('link', { name: 'Ergebnisse ansehen' }).click();
	const strategy = page.getByRole('row', { name: /^Strategie & Steuerung/ });
	await expect(strategy.getByRole('cell').first()).toHaveText('50');
	await expect(page.getByText('Gesamtwert: 50 (Fortgeschritten)')).toBeVisible();
	await expect(page.getByText(/Nicht einzeln gezeigt, weil weniger als 3 Personen/)).toBeVisible();
	expect(await seriousViolations(page), 'results page').toEqual([]);
});

test('the facilitator records processes and barriers, and the results show the parallel share and the time saved', async ({
	page
}) => {
	await new KommuneFormPage(page).create(KOMMUNEN[0]!);
	const round = new CheckRoundPage(page);
	await round.createRound('Digital-Check 2027');
	await page.getByRole('link', { name: 'Soll, Prozesse und Hemmnisse erfassen' }).click();
	await page.getByRole('button', { name: 'Typische Prozesse übernehmen' }).click();
	await page.getByLabel('Stand von Gewerbeanmeldung').selectOption({ label: 'parallel' });
	const cases = page.getByLabel('Fälle pro Jahr: Gewerbeanmeldung');
	await cases.fill('300');
	await cases.press('Tab');
	await page.getByLabel('Minuten je Fall heute: Gewerbeanmeldung').fill('30');
	await page.getByLabel('Minuten je Fall heute: Gewerbeanmeldung').press('Tab');
	await page.getByLabel('Minuten je Fall voll digital: Gewerbeanmeldung').fill('10');
	await page.getByLabel('Minuten je Fall voll digital: Gewerbeanmeldung').press('Tab');
	await page.getByLabel('Stand von Hundesteuer').selectOption({ label: 'analog' });
	// A value the validation refuses is not stored, and the cell says so.
	await page.getByLabel('Belastung 1 bis 5: Hundesteuer').fill('9');
	await page.getByLabel('Belastung 1 bis 5: Hundesteuer').press('Tab');
	await expect(
		page.getByText('Bitte eine ganze Zahl von 1 bis 5 eingeben. Nicht gespeichert.')
	).toBeVisible();
	await page.getByRole('checkbox', { name: 'Finanzierung' }).check();
	await page.getByLabel('Wichtigstes Hemmnis Nr. 1').selectOption({ label: 'Personalmangel' });
	expect(await seriousViolations(page), 'shared details').toEqual([]);

	await page.getByRole('link', { name: 'Zur Check-Runde' }).click();
	await page.getByRole('link', { name: 'Ergebnisse ansehen' }).click();
	// By hand: 300 cases × (30 − 10) min = 6,000 min = 100 h a year; 100 h / 1,600 h ≈ 0,1 positions.
	await expect(
		page.getByText(
			'1 von 2 erfassten Prozessen laufen parallel analog und digital (50 %); 1 nur analog, 0 digital.'
		)
	).toBeVisible();
	await expect(
		page.getByText(/etwa 100 Stunden im Jahr sparen, das entspricht 0,1 Vollzeitstellen/)
	).toBeVisible();
	await expect(page.getByRole('row', { name: /^Personalmangel/ })).toContainText('3');
	await expect(page.getByRole('row', { name: /^Finanzierung/ })).toContainText('0');
});

test('a later round is compared with an earlier one dimension by dimension, and each round records its catalog version', async ({
	page,
	appServer
}) => {
	test.setTimeout(90_000);
	const kommune = KOMMUNEN[0]!;
	await new KommuneFormPage(page).create(kommune);
	const round = new CheckRoundPage(page);
	const strategyQuestion = 'Gibt es eine beschlossene Digitalisierungsstrategie?';
	const answerStrategy = async (title: string, level: number) => {
		await round.createRound(title);
		const roundUrl = page.url();
		await round.addRespondent('Bürgermeisterin', 'Verwaltungsspitze');
		await page.getByRole('link', { name: 'Antworten für Bürgermeisterin eingeben' }).click();
		await page
			.getByRole('group', { name: strategyQuestion })
			.getByRole('radio', { name: new RegExp(`^Stufe ${level}:`) })
			.check();
		await expect(page.getByText(/^1 von \d+ Fragen beantwortet$/)).toBeVisible();
		await page.goto(roundUrl);
		return new URL(roundUrl).pathname.split('/').at(-1)!;
	};
	const earlier = await answerStrategy('Digital-Check 2026', 1);
	await page.getByRole('link', { name: 'Zur Kommune' }).click();
	const later = await answerStrategy('Digital-Check 2027', 3);

	for (const id of [earlier, later]) {
		const name = `kommune/${kommune.ars}/check/${id}/shared`;
		const version = await readServerDocument(appServer, name, (doc) =>
			doc.getMap('round').get('catalogVersion')
		);
		expect(version, `catalog version of ${id}`).toBe('2026.1');
	}

	await page.getByRole('link', { name: 'Ergebnisse ansehen' }).click();
	await page.getByLabel('Runde zum Vergleich').selectOption({ label: 'Digital-Check 2026' });
	await expect(page.getByText('Beide Runden nutzen den Katalog 2026.1')).toBeVisible();
	// By hand: one perspective answered one level item each time: 1 × 25 = 25, then 3 × 25 = 75.
	const comparison = page.getByRole('table', { name: /Wert je Dimension in beiden Runden/ });
	await expect(
		comparison.getByRole('columnheader').filter({ hasText: /^Digital-Check 202[67]$/ })
	).toHaveText(['Digital-Check 2026', 'Digital-Check 2027']);
	await expect(
		comparison.getByRole('row', { name: /^Strategie & Steuerung/ }).getByRole('cell')
	).toHaveText(['25', '75', '+50']);
	await expect(comparison.getByRole('row', { name: /^Gesamtwert/ }).getByRole('cell')).toHaveText([
		'25',
		'75',
		'+50'
	]);
	expect(await seriousViolations(page), 'results with a comparison').toEqual([]);
});

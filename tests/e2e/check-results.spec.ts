// Two respondents of different perspectives: one answers on their own device in the room (a LAN page),
// the other on the facilitator's laptop while the laptop's server is down. The results combine both,
// with a figure computed by hand here, not by the scoring code.
import Papa from 'papaparse';
import {
	readAnswers,
	readComments,
	writeAnswer,
	writeComment
} from '../../src/lib/crdt/check-respondent-doc';
import { readRespondents } from '../../src/lib/crdt/check-round-doc';
import { checkRespondentDocName, checkSharedDocName } from '../../src/lib/domain/document-names';
import { LAN_HOST, launchLanBrowser } from './support/lan-devices';
import { expect, test } from './support/fixtures';
import { CheckRoundPage } from './pages/check-round-page';
import { KommuneFormPage } from './pages/kommune-form';
import { seriousViolations } from './support/axe';
import { indexedDbNames } from './support/browser-storage';
import { expectSavedOnServer, storedMap } from './support/server-database';
import { readServerDocument, writeServerDocument } from './support/server-documents';
import { waitForServiceWorkerControl } from './support/service-worker';
import { KOMMUNEN } from './support/test-data';
import { writeGeneratedRound } from './support/generated-round';

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
		// In the server's database once the device says "gesichert".
		await expectSavedOnServer(device);
		expect(storedMap(appServer, ownName, 'answers')).toMatchObject({
			'strategie.04': { kind: 'likert', value: 2 }
		});
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

	// Both answers arrived. Two people, each alone in their perspective, are too few for any figure:
	// the municipality's score would give each answer away (ADR 7), so there is none.
	await page.goto(roundUrl);
	await page.getByRole('link', { name: 'Ergebnisse ansehen' }).click();
	const strategy = page.getByRole('row', { name: /^Strategie & Steuerung/ });
	await expect(strategy.getByRole('cell').first()).toHaveText('–');
	await expect(page.getByText('Gesamtwert: – (–)')).toBeVisible();
	await expect(
		page.getByText(
			/^Nicht einzeln gezeigt, weil weniger als 3 Personen geantwortet haben, auch zusammengefasst: Verwaltungsspitze, Personalrat\. Ihre Antworten gehen auch nicht in den Wert der Kommune ein/
		)
	).toBeVisible();
	await expect(page.getByText(/^2 von 2 Befragten haben geantwortet/)).toBeVisible();
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
	// Three of the administration's leadership, the fewest a municipality's score rests on (ADR 7).
	const leaders = ['Bürgermeisterin', 'Beigeordneter', 'Kämmerin'];
	const answerStrategy = async (title: string, level: number) => {
		await round.createRound(title);
		const roundUrl = page.url();
		for (const leader of leaders) await round.addRespondent(leader, 'Verwaltungsspitze');
		for (const leader of leaders) {
			await page.getByRole('link', { name: `Antworten für ${leader} eingeben` }).click();
			await page
				.getByRole('group', { name: strategyQuestion })
				.getByRole('radio', { name: new RegExp(`^Stufe ${level}:`) })
				.check();
			await expect(page.getByText(/^1 von \d+ Fragen beantwortet$/)).toBeVisible();
			await page.goto(roundUrl);
		}
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
	// By hand: one perspective answered one level item each time, all three alike: 1 × 25 = 25, then
	// 3 × 25 = 75.
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

test('a round of five shows the merged perspective view, the comments and the true count, and exports them as CSV', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	const kommune = KOMMUNEN[0]!;
	await new KommuneFormPage(page).create(kommune);
	const round = new CheckRoundPage(page);
	await round.createRound('Digital-Check 2027');
	const people = [
		['Bürgermeisterin', 'Verwaltungsspitze'],
		['Amtsleitung 1', 'Fach-/Amtsleitungen'],
		['Amtsleitung 2', 'Fach-/Amtsleitungen'],
		['Beschäftigte 1', 'Beschäftigte'],
		['Personalrat 1', 'Personalrat'],
		['Beschäftigte 2', 'Beschäftigte']
	] as const;
	for (const [label, perspective] of people) await round.addRespondent(label, perspective);
	const roundUrl = page.url();
	const roundId = new URL(roundUrl).pathname.split('/').at(-1)!;
	const shared = checkSharedDocName(kommune.ars, roundId);
	const ids = await expect
		.poll(async () => (await readServerDocument(appServer, shared, readRespondents)).length)
		.toBe(6)
		.then(() => readServerDocument(appServer, shared, readRespondents))
		.then((list) => new Map(list.map((r) => [r.label, r.id])));

	// Levels (× 25 points) for Führung (fuehrung.02), Basisdienste (basisdienste.01) and
	// Infrastruktur (infrastruktur.02), written as the respondents' devices would; Beschäftigte 2 never
	// answers.
	const levels: Record<string, [number, number, number]> = {
		Bürgermeisterin: [3, 2, 4],
		'Amtsleitung 1': [1, 1, 2],
		'Amtsleitung 2': [2, 3, 3],
		'Beschäftigte 1': [4, 0, 1],
		'Personalrat 1': [0, 2, 2]
	};
	for (const [label, [f, b, i]] of Object.entries(levels)) {
		await writeServerDocument(
			appServer,
			checkRespondentDocName(kommune.ars, roundId, ids.get(label)!),
			(doc) => {
				writeAnswer(doc, 'fuehrung.02', { kind: 'level', value: f });
				writeAnswer(doc, 'basisdienste.01', { kind: 'level', value: b });
				writeAnswer(doc, 'infrastruktur.02', { kind: 'level', value: i });
				if (label === 'Amtsleitung 1') writeComment(doc, 'fuehrung.02', 'Schulungen fehlen.');
			}
		);
	}

	// The staff council member types a comment in the questionnaire; it is text, not markup.
	await page.getByRole('link', { name: 'Antworten für Personalrat 1 eingeben' }).click();
	await page.getByRole('button', { name: /^Interne Basisdienste & Fachverfahren/ }).click();
	const eAkte = page.getByRole('group', {
		name: 'Wie weit ist die elektronische Akte (E-Akte) eingeführt?'
	});
	await eAkte.getByRole('button', { name: 'Kommentar hinzufügen' }).click();
	const comment = eAkte.getByLabel('Kommentar (optional)');
	await comment.fill('<b>Scanner</b> fehlen im Bürgerbüro');
	await comment.press('Tab');
	const personalratDoc = round.respondentDocName();
	await expect
		.poll(
			async () =>
				(await readServerDocument(appServer, personalratDoc, readComments))['basisdienste.01']
		)
		.toBe('<b>Scanner</b> fehlen im Bürgerbüro');

	await page.goto(roundUrl);
	await round.openResults();
	await expect(page.getByText(/^5 von 6 Befragten haben geantwortet/)).toBeVisible();
	await expect(page.getByText(`${kommune.name} · Digital-Check 2027 · Stand `)).toBeVisible();
	// By hand: the published group Leitung (H + A, 3 people) alone counts; Beschäftigte 1 and
	// Personalrat 1 are in no published group and, 2 together, too few to count (ADR 7).
	// Führung: 75, 25, 50 → 50. Basisdienste: 50, 25, 75 → 50. Infrastruktur: 100, 50, 75 → 75.
	// Overall: (50 + 50 + 75) / 3 = 58,33.
	const dimensions = page.getByRole('table', { name: /^Wert, Reifestufe/ });
	await expect(
		dimensions
			.getByRole('row', { name: /^Führung, Kultur/ })
			.getByRole('cell')
			.first()
	).toHaveText('50');
	await expect(page.getByText('Gesamtwert: 58,3 (Fortgeschritten)')).toBeVisible();
	await expect(
		page.getByText(/^So lesen Sie die Werte: Jede Dimension hat 0 bis 100 Punkte/)
	).toBeVisible();
	await expect(page.getByText(/^Abdeckung: der Anteil der gestellten Fragen/)).toBeVisible();

	// Leitung = the mayor and the two heads of office (1 + 2 = 3); staff and staff council (1 + 1) are
	// still too few and are named as not shown.
	await expect(
		page.getByText(
			/Perspektiven mit weniger als 3 Befragten innerhalb ihrer Gruppe zusammengefasst/
		)
	).toBeVisible();
	await expect(
		page
			.getByRole('listitem')
			.filter({ hasText: 'Leitung = Verwaltungsspitze, Fach-/Amtsleitungen (3 Befragte)' })
	).toBeVisible();
	await expect(
		page.getByText(
			/auch zusammengefasst: Beschäftigte, Personalrat\. Ihre Antworten gehen auch nicht in den Wert der Kommune ein/
		)
	).toBeVisible();
	const heatmap = page.getByRole('table', {
		name: /^Median je Dimension und Perspektive oder Gruppe/
	});
	await expect(heatmap.getByRole('columnheader')).toHaveText(['Dimension', 'Leitung']);
	// Leitung, Führung: 25, 50, 75 → median 50, quartiles 37,5 and 62,5 → spread 25.
	await expect(heatmap.getByRole('row', { name: /^Führung, Kultur/ }).getByRole('cell')).toHaveText(
		'50 Streuung 25 · 3 Befragte'
	);

	// Comments under their dimension and question, with nothing saying whose: not even "Leitung",
	// which on a question asked only of some perspectives could name one person.
	const fuehrungComments = page.getByRole('region', { name: 'Führung, Kultur & Veränderung' });
	await expect(fuehrungComments.getByRole('listitem')).toHaveText(/\?\s*Schulungen fehlen\.\s*$/);
	const basisComments = page.getByRole('region', { name: 'Interne Basisdienste & Fachverfahren' });
	await expect(basisComments.getByRole('listitem')).toHaveText(
		/^Wie weit ist die elektronische Akte \(E-Akte\) eingeführt\?\s*<b>Scanner<\/b> fehlen im Bürgerbüro\s*$/
	);
	await expect(page.getByText('Personalrat 1')).toHaveCount(0);
	expect(await seriousViolations(page), 'results of a round of five').toEqual([]);
	// The comments are for the facilitator: a printout, which is handed round, leaves them out.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('heading', { name: 'Kommentare aus den Fragebögen' })).toBeHidden();
	await expect(page.getByText('Schulungen fehlen.')).toBeHidden();
	await page.emulateMedia({ media: 'screen' });
	await expect(page.getByText('Schulungen fehlen.')).toBeVisible();

	const csv = await round.downloadResultsCsv();
	expect(csv.name).toBe(`${kommune.ars}_digital-check_${roundId}.csv`);
	expect(csv.text.startsWith('\uFEFFBereich;Dimension;Gruppe;Eintrag;Wert;Befragte;')).toBe(true);
	const rows = Papa.parse<Record<string, string>>(csv.text.slice(1), {
		header: true,
		delimiter: ';',
		skipEmptyLines: true
	}).data;
	const row = (bereich: string, match: (r: Record<string, string>) => boolean) =>
		rows.find((r) => r.Bereich === bereich && match(r));
	expect(row('Kommune', (r) => r.Dimension === 'Führung, Kultur & Veränderung')).toMatchObject({
		Wert: '50',
		Befragte: '5'
	});
	expect(row('Kommune', (r) => r.Dimension === 'IT-Infrastruktur & Betrieb')?.Wert).toBe('75');
	expect(row('Gesamt', () => true)).toMatchObject({ Wert: '58,3', Befragte: '5' });
	expect(row('Perspektive', (r) => r.Dimension === 'IT-Infrastruktur & Betrieb')).toMatchObject({
		Gruppe: 'Leitung (Verwaltungsspitze, Fach-/Amtsleitungen)',
		Wert: '75',
		Befragte: '3'
	});
	// Führung's question: 75 + 25 + 50 + 100 + 0 = 250 / 5 = 50.
	expect(row('Frage', (r) => (r.Eintrag ?? '').startsWith('fuehrung.02 '))).toMatchObject({
		Wert: '50',
		Befragte: '5'
	});
	expect(row('Kommentar', (r) => (r.Eintrag ?? '').startsWith('fuehrung.02 '))).toMatchObject({
		Gruppe: '',
		Text: 'Schulungen fehlen.'
	});
	expect(row('Kommentar', (r) => (r.Eintrag ?? '').startsWith('basisdienste.01 '))).toMatchObject({
		Gruppe: '',
		Text: '<b>Scanner</b> fehlen im Bürgerbüro'
	});
	expect(rows.filter((r) => r.Bereich === 'Hemmnis')).toHaveLength(12);
});

test('the printed results name the municipality, the round and the date, and the radar overlaps neither its legend nor the table caption', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	const kommune = KOMMUNEN[0]!;
	await new KommuneFormPage(page).create(kommune);
	const roundId = 'r2027';
	await writeGeneratedRound(appServer, {
		ars: kommune.ars,
		round: roundId,
		title: 'Digital-Check 2027',
		respondents: 12,
		seed: 7
	});
	await page.goto(`/kommune/${kommune.ars}/check/${roundId}/ergebnisse`);
	const radar = page.getByRole('img', { name: /^Netzdiagramm der zehn Dimensionen/ });
	await expect(radar.locator('svg text').filter({ hasText: /Strategie/ })).toBeVisible();

	/** Every drawn part of the radar must lie clear of the figure's caption and the table's caption. */
	const overlaps = () =>
		page.evaluate(() => {
			const chart = document.querySelector('[role="img"]')!;
			const drawn = [...chart.querySelectorAll('svg text, svg path, svg circle')].map((e) =>
				e.getBoundingClientRect()
			);
			const others = [
				chart.closest('figure')!.querySelector('figcaption')!,
				document.querySelector('table caption')!
			].map((e) => e.getBoundingClientRect());
			const hit = (a: DOMRect, b: DOMRect) =>
				a.width > 0 && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
			return drawn.filter((a) => others.some((b) => hit(a, b))).length;
		});
	/** Dimension labels drawn beyond the chart's box would be cut off or run into the page's edge. */
	const labelsOutside = () =>
		page.evaluate(() => {
			const chart = document.querySelector('[role="img"]')!;
			const box = chart.getBoundingClientRect();
			const page = document.documentElement.clientWidth;
			return [...chart.querySelectorAll('svg text')]
				.map((e) => e.getBoundingClientRect())
				.filter(
					(r) => r.left < Math.max(box.left - 1, 0) || r.right > Math.min(box.right + 1, page)
				).length;
		});
	// The rings carry no numbers, which sat on the points of the axis they were drawn along.
	await expect(radar.locator('svg text').filter({ hasText: /^\d+$/ })).toHaveCount(0);
	await expect(page.getByText(/Die Ringe stehen für 25, 50, 75 und 100 Punkte/)).toBeVisible();
	await expect.poll(overlaps, { message: 'radar parts over a caption on screen' }).toBe(0);
	await expect.poll(labelsOutside, { message: 'dimension labels cut off on screen' }).toBe(0);

	// The chart (layerchart) measures its box and draws again at the paper's size, so the checks below wait
	// for the layout to settle rather than measuring the frame in between.
	await page.setViewportSize({ width: 718, height: 1000 });
	await page.emulateMedia({ media: 'print' });
	await expect(
		page.getByText(
			new RegExp(`^${kommune.name} · Digital-Check 2027 · Stand \\d\\d\\.\\d\\d\\.\\d{4}$`)
		)
	).toBeVisible();
	await expect.poll(overlaps, { message: 'radar parts over a caption on paper' }).toBe(0);
	await expect.poll(labelsOutside, { message: 'dimension labels cut off on paper' }).toBe(0);
});

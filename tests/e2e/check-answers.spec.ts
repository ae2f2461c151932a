import { expect, test } from './support/fixtures';
import { CheckRoundPage } from './pages/check-round-page';
import { KommuneFormPage } from './pages/kommune-form';
import { seriousViolations } from './support/axe';
import { expectSavedOnServer, storedMap } from './support/server-database';
import { KOMMUNEN } from './support/test-data';

test('a respondent answers by keyboard alone, and the answers survive a reload and reach the server', async ({
	page,
	appServer
}) => {
	await new KommuneFormPage(page).create(KOMMUNEN[0]!);
	const round = new CheckRoundPage(page);
	await round.createRound('Digital-Check 2027');
	await round.addRespondent('Bürgermeisterin', 'Verwaltungsspitze');
	await page.getByRole('link', { name: 'Antworten für Bürgermeisterin eingeben' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Digital-Check: Fragebogen' })
	).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Strategie & Steuerung' })
	).toBeVisible();
	expect(await seriousViolations(page), 'questionnaire').toEqual([]);

	// From here on only the keyboard: Tab from the top of the page to the first question's options.
	const first = page.getByRole('group', {
		name: 'Gibt es eine beschlossene Digitalisierungsstrategie?'
	});
	const firstRadio = first.getByRole('radio').first();
	for (let presses = 0; presses < 40; presses++) {
		if (await firstRadio.evaluate((el) => el === document.activeElement)) break;
		await page.keyboard.press('Tab');
	}
	await expect(firstRadio).toBeFocused();
	// Arrow keys move through the levels and choose as they go: three steps down is level 3.
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
	await expect(first.getByRole('radio', { name: /^Stufe 3:/ })).toBeChecked();
	await expect(page.getByText(/^1 von \d+ Fragen beantwortet$/)).toBeVisible();
	// Tab leaves the radio group for the question's "weiß nicht" box.
	await page.keyboard.press('Tab');
	await expect(first.getByRole('checkbox', { name: 'weiß nicht / trifft nicht zu' })).toBeFocused();
	// Shift+Tab back to the top and on to the next dimension: the button moves focus to its heading.
	for (let presses = 0; presses < 40; presses++) {
		const onNext = await page.evaluate(() =>
			(document.activeElement?.textContent ?? '').startsWith('Führung')
		);
		if (onNext) break;
		await page.keyboard.press('Shift+Tab');
	}
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('heading', { level: 2, name: 'Führung, Kultur & Veränderung' })
	).toBeFocused();

	// A fact that is not a number in range is refused at the field and not stored.
	await page.getByRole('button', { name: /^Personal & Kompetenzen/ }).press('Enter');
	const vacancies = page.getByRole('group', {
		name: /^Wie viele Stellen in IT und Digitalisierung/
	});
	await vacancies.getByRole('textbox').fill('viel');
	await vacancies.getByRole('textbox').press('Tab');
	await expect(
		vacancies.getByText(
			'Bitte eine Zahl von 0 bis 500 eingeben, höchstens eine Nachkommastelle (zum Beispiel 2,5). Nicht gespeichert.'
		)
	).toBeVisible();
	await expect(vacancies.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');

	await page.reload();
	await expect(
		page
			.getByRole('group', { name: 'Gibt es eine beschlossene Digitalisierungsstrategie?' })
			.getByRole('radio', { name: /^Stufe 3:/ })
	).toBeChecked();
	const name = round.respondentDocName();
	// The server's database holds the one answer under its item's key; the refused fact is not there.
	await expectSavedOnServer(page);
	expect(storedMap(appServer, name, 'answers')).toEqual({
		'strategie.01': { kind: 'level', value: 3 }
	});
});

test('the paper questionnaire of a perspective holds its questions and no others', async ({
	page
}) => {
	await new KommuneFormPage(page).create(KOMMUNEN[0]!);
	await new CheckRoundPage(page).createRound('Digital-Check 2027');
	await page.getByRole('link', { name: 'Personalrat', exact: true }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Fragebogen zum Digital-Check: Personalrat' })
	).toBeVisible();
	// strategie.07 is asked of the staff council, strategie.06 (about the council) is not.
	await expect(page.getByText(/Beschäftigte und Personalrat werden früh beteiligt/)).toBeVisible();
	await expect(page.getByText(/Der Rat wird regelmäßig und verständlich/)).toHaveCount(0);
	expect(await seriousViolations(page), 'paper questionnaire').toEqual([]);
});

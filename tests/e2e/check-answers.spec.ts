import { readAnswers } from '../../src/lib/crdt/check-respondent-doc';
import { expect, test } from './support/fixtures';
import { CheckRoundPage } from './pages/check-round-page';
import { KommuneFormPage } from './pages/kommune-form';
import { seriousViolations } from './support/axe';
import { readServerDocument } from './support/server-documents';
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

	// From here on only the keyboard: focus the first option of the first question, choose level 3.
	const first = page.getByRole('group', {
		name: 'Gibt es eine beschlossene Digitalisierungsstrategie?'
	});
	await first.getByRole('radio').first().focus();
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
	await expect(first.getByRole('radio', { name: /^Stufe 3:/ })).toBeChecked();
	await expect(page.getByText(/^1 von \d+ Fragen beantwortet$/)).toBeVisible();
	// Tab leaves the radio group for the question's "weiß nicht" box.
	await page.keyboard.press('Tab');
	await expect(first.getByRole('checkbox', { name: 'weiß nicht / trifft nicht zu' })).toBeFocused();

	await page.reload();
	await expect(
		page
			.getByRole('group', { name: 'Gibt es eine beschlossene Digitalisierungsstrategie?' })
			.getByRole('radio', { name: /^Stufe 3:/ })
	).toBeChecked();
	const name = round.respondentDocName();
	await expect
		.poll(async () => (await readServerDocument(appServer, name, readAnswers))['strategie.01'])
		.toEqual({ kind: 'level', value: 3 });
});

// The facilitator's view of a round's respondents: who has answered and how far each has got, live;
// renaming, refusing a label the round already has, removing with undo. The shared document on the
// server holds what the page shows.
import { readAnswers, readRespondentInfo } from '../../src/lib/crdt/check-respondent-doc';
import { expect, test } from './support/fixtures';
import { CheckRoundPage } from './pages/check-round-page';
import { KommuneFormPage } from './pages/kommune-form';
import { seriousViolations } from './support/axe';
import { readServerDocument } from './support/server-documents';
import { expectSavedOnServer, storedMap } from './support/server-database';
import type { AppServer } from './support/app-server';
import { KOMMUNEN } from './support/test-data';

// The 2026.1 catalog asks the Verwaltungsspitze 78 items and the Personalrat 36 (counted in the
// catalog's perspectives lists).
const MAYOR_ITEMS = 78;
const COUNCIL_ITEMS = 36;

/** A stored root map whose values are whole records (id → object), as the server's database holds it. */
const storedRecordsById = (server: AppServer, name: string, root: string) =>
	(storedMap(server, name, root) ?? {}) as Record<string, { label?: unknown }>;

test('the round page counts only respondents who answered, shows each one’s progress live, and renames, refuses duplicates, removes and restores', async ({
	page,
	context,
	appServer
}) => {
	test.setTimeout(90_000);
	await new KommuneFormPage(page).create(KOMMUNEN[0]!);
	const round = new CheckRoundPage(page);
	await round.createRound('Digital-Check 2027');
	await round.addRespondent('Bürgermeisterin', 'Verwaltungsspitze');
	await round.addRespondent('Personalrat 1', 'Personalrat');
	await expect(page.getByText('0 von 2 Befragten haben geantwortet')).toBeVisible();
	await expect(round.respondent('Personalrat 1')).toContainText(
		`0 von ${COUNCIL_ITEMS} Fragen beantwortet`
	);

	// The mayor answers in another tab; the round page follows without a reload. "Weiß nicht" is an
	// answer given: two items answered.
	const questionnaire = await context.newPage();
	await questionnaire.goto(
		(await page
			.getByRole('link', { name: 'Antworten für Bürgermeisterin eingeben' })
			.getAttribute('href'))!
	);
	await questionnaire
		.getByRole('group', { name: 'Gibt es eine beschlossene Digitalisierungsstrategie?' })
		.getByRole('radio', { name: /^Stufe 3:/ })
		.check();
	await questionnaire
		.getByRole('group', { name: 'Wie ist die Steuerung der Digitalisierung organisiert?' })
		.getByRole('checkbox', { name: 'weiß nicht / trifft nicht zu' })
		.check();
	await expect(questionnaire.getByText(`2 von ${MAYOR_ITEMS} Fragen beantwortet`)).toBeVisible();
	await expect(page.getByText('1 von 2 Befragten haben geantwortet')).toBeVisible();
	await expect(round.respondent('Bürgermeisterin')).toContainText(
		`2 von ${MAYOR_ITEMS} Fragen beantwortet`
	);
	await expect(round.respondent('Personalrat 1')).toContainText(
		`0 von ${COUNCIL_ITEMS} Fragen beantwortet`
	);
	await questionnaire.close();
	expect(await seriousViolations(page), 'round page with progress').toEqual([]);

	// Renaming to a label the round has (other case, extra spaces) is refused at the field.
	await round.renameRespondent('Personalrat 1', '  BÜRGERMEISTERIN ');
	const newLabel = page.getByLabel('Neue Bezeichnung für Personalrat 1');
	await expect(
		page.getByText(
			'Diese Bezeichnung trägt in dieser Runde schon eine andere befragte Person. Bitte wählen Sie eine andere, z. B. mit einer Nummer.'
		)
	).toBeVisible();
	await expect(newLabel).toHaveAttribute('aria-invalid', 'true');
	expect(await seriousViolations(page), 'rename refused').toEqual([]);
	await newLabel.fill('Personalrat Nord');
	await page.getByRole('button', { name: 'Speichern', exact: true }).click();
	await expect(page.getByText('Personalrat Nord · Personalrat')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Personalrat Nord umbenennen' })).toBeFocused();

	// Adding a label the round has is refused too, and so is an empty one, each with its own message.
	await round.submitRespondent('personalrat   nord', 'Beschäftigte');
	await expect(
		page.getByText(/Diese Bezeichnung trägt in dieser Runde schon eine andere befragte Person/)
	).toBeVisible();
	await round.submitRespondent('   ', 'Beschäftigte');
	await expect(
		page.getByText(
			'Bitte geben Sie eine Bezeichnung für die befragte Person ein, z. B. „Fachamt 1“.'
		)
	).toBeVisible();
	await expect(page.getByText('Bitte geben Sie einen Titel ein.')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /umbenennen$/ })).toHaveCount(2);

	const shared = round.sharedDocName();
	const mayorDoc = await round.respondentDocNameOf('Bürgermeisterin');
	const councilDoc = await round.respondentDocNameOf('Personalrat Nord');
	// In the server's database the entries stay as created; the new label is the field record
	// `<respondentId>/label`.
	await expectSavedOnServer(page);
	const entries = storedRecordsById(appServer, shared, 'respondents');
	const idOf = (label: string) =>
		Object.entries(entries).find(([, entry]) => entry.label === label)?.[0] ?? label;
	const [mayor, council] = [idOf('Bürgermeisterin'), idOf('Personalrat 1')];
	expect(storedMap(appServer, shared, 'respondentFields')).toMatchObject({
		[`${council}/label`]: 'Personalrat Nord'
	});
	// The respondent's own document carries the new label, for the questionnaire, without a reload:
	// the page follows that document while renaming opens, writes and closes it (SPEC S18).
	await expect
		.poll(async () => (await readServerDocument(appServer, councilDoc, readRespondentInfo))?.label)
		.toBe('Personalrat Nord');

	// Removing the mayor takes her out of the counts; "Rückgängig" is focused and brings her back.
	await round.removeRespondent('Bürgermeisterin');
	await expect(page.getByText(/^„Bürgermeisterin“ wurde entfernt\./)).toBeVisible();
	await expect(page.getByText('0 von 1 Befragten haben geantwortet')).toBeVisible();
	await expect(page.getByText('Bürgermeisterin · Verwaltungsspitze')).toHaveCount(0);
	const undo = page.getByRole('button', { name: 'Rückgängig' });
	await expect(undo).toBeFocused();
	expect(await seriousViolations(page), 'respondent removed').toEqual([]);
	// Removed, not deleted: her entry is still in the server's database, marked `<id>/removedAt`.
	await expectSavedOnServer(page);
	expect(Object.keys(storedRecordsById(appServer, shared, 'respondents')).sort()).toEqual(
		[mayor, council].sort()
	);
	expect(storedMap(appServer, shared, 'respondentFields')?.[`${mayor}/removedAt`]).toEqual(
		expect.any(Number)
	);

	await undo.click();
	await expect(page.getByText('„Bürgermeisterin“ ist wieder dabei.')).toBeVisible();
	await expect(page.getByText('1 von 2 Befragten haben geantwortet')).toBeVisible();
	await expect(round.respondent('Bürgermeisterin')).toContainText(
		`2 von ${MAYOR_ITEMS} Fragen beantwortet`
	);
	await expect(page.getByRole('button', { name: 'Bürgermeisterin entfernen' })).toBeFocused();
	await expectSavedOnServer(page);
	expect(storedMap(appServer, shared, 'respondentFields')?.[`${mayor}/removedAt`] ?? null).toBe(
		null
	);
	expect(Object.keys(await readServerDocument(appServer, mayorDoc, readAnswers)).sort()).toEqual([
		'strategie.01',
		'strategie.02'
	]);

	// After a reload the page shows the same.
	await page.reload();
	await expect(page.getByText('1 von 2 Befragten haben geantwortet')).toBeVisible();
	await expect(page.getByText('Personalrat Nord · Personalrat')).toBeVisible();
});

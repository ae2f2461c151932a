// The facilitator's notes during the day: Themenspeicher (parking lot), decisions and protocol notes,
// each attached to a block of the agenda and kept in the workshop's board document on the server.
import type { Page } from '@playwright/test';
import { workshopBoardDocName } from '../../src/lib/domain/document-names';
import type { AppServer } from './support/app-server';
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { WorkshopPage } from './pages/workshop-page';
import { seriousViolations } from './support/axe';
import { expectSavedOnServer, storedRecords } from './support/server-database';
import { KOMMUNEN } from './support/test-data';

const HANNOVER = KOMMUNEN[0]!;
const FIRST_BLOCK = 'tpl.digital-check-tag.01';
const SECOND_BLOCK = 'tpl.digital-check-tag.02';

const boardDocName = (url: string) => {
	const [, ars, wid] = /\/kommune\/(\d{12})\/workshop\/([^/]+)$/.exec(new URL(url).pathname)!;
	return workshopBoardDocName(ars!, wid!);
};

/** A workshop with the template's agenda; returns the board's document name. */
async function workshopWithAgenda(page: Page): Promise<string> {
	await new KommuneFormPage(page).create(HANNOVER);
	await new WorkshopPage(page).createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	await expect(page.getByRole('table', { name: /Blöcke der Tagesordnung/ })).toBeVisible();
	return boardDocName(page.url());
}

/** The notes in the server's database, oldest first, with the fields named. */
const storedNotes = (server: AppServer, board: string) =>
	Object.values(storedRecords(server, board, 'notes'))
		.sort((a, b) => Number(a.createdAt) - Number(b.createdAt))
		.map(({ kind, text, blockId, authorId }) => ({ kind, text, blockId, authorId }));

const notesRegion = (page: Page) => page.getByRole('region', { name: 'Notizen', exact: true });

test('the facilitator keeps a parking-lot topic, a decision and a protocol note for the running block, edits one and undoes a removal; the notes are on the server and survive a reload', async ({
	page,
	appServer
}) => {
	const board = await workshopWithAgenda(page);
	await page.getByRole('button', { name: 'Ersten Block starten' }).click();
	const notes = notesRegion(page);
	// The block to write about follows the running block.
	await expect(notes.getByLabel('Block', { exact: true })).toHaveValue(FIRST_BLOCK);

	const parking = notes.getByRole('region', { name: 'Themenspeicher' });
	const decisions = notes.getByRole('region', { name: 'Entscheidungen' });
	const protocol = notes.getByRole('region', { name: 'Protokoll' });

	await parking.getByLabel('Neues Thema für den Themenspeicher').fill('Förderprogramme des Landes');
	await parking.getByRole('button', { name: 'Zum Themenspeicher hinzufügen' }).click();
	await expect(parking.getByRole('listitem')).toHaveCount(1);
	await expect(parking.getByRole('listitem')).toContainText('Block: Begrüßung und Ziele');
	await expect(parking.getByRole('listitem')).toContainText('Förderprogramme des Landes');
	// The field is empty again and keeps the focus for the next topic.
	await expect(parking.getByLabel('Neues Thema für den Themenspeicher')).toHaveValue('');
	await expect(parking.getByLabel('Neues Thema für den Themenspeicher')).toBeFocused();

	await decisions.getByLabel('Neue Entscheidung').fill('Wir beginnen mit dem Online-Antrag.');
	await decisions.getByRole('button', { name: 'Entscheidung hinzufügen' }).click();
	await expect(decisions.getByRole('listitem')).toHaveText(/Wir beginnen mit dem Online-Antrag\./);

	await protocol.getByLabel('Neue Protokollnotiz').fill('Frau Meier spricht mit dem Landkreis.');
	await protocol.getByRole('button', { name: 'Protokollnotiz hinzufügen' }).click();
	await expect(protocol.getByRole('listitem')).toHaveText(/Frau Meier spricht mit dem Landkreis\./);

	// Editing in place: Escape cancels and changes nothing, Speichern writes the new text.
	const decision = decisions.getByRole('listitem');
	await decision.getByRole('button', { name: 'Bearbeiten' }).click();
	const edit = decision.getByRole('form', { name: 'Notiz bearbeiten' });
	await expect(edit.getByLabel('Text der Notiz')).toBeFocused();
	await edit.getByLabel('Text der Notiz').fill('Verworfen');
	await page.keyboard.press('Escape');
	await expect(edit).toHaveCount(0);
	await expect(decision).toContainText('Wir beginnen mit dem Online-Antrag.');
	await expect(decision.getByRole('button', { name: 'Bearbeiten' })).toBeFocused();
	await decision.getByRole('button', { name: 'Bearbeiten' }).click();
	await edit.getByLabel('Text der Notiz').fill('Wir beginnen mit dem Online-Antrag für Gewerbe.');
	await edit.getByRole('button', { name: 'Speichern' }).click();
	await expect(decision).toContainText('Wir beginnen mit dem Online-Antrag für Gewerbe.');

	// Removing, then undoing the removal.
	await protocol.getByRole('listitem').getByRole('button', { name: 'Entfernen' }).click();
	await expect(protocol.getByRole('listitem')).toHaveCount(0);
	await expect(protocol.getByText('Noch keine Einträge.')).toBeVisible();
	await expect(notes.getByRole('status').filter({ hasText: 'Notiz entfernt.' })).toBeVisible();
	await notes.getByRole('button', { name: 'Rückgängig' }).click();
	await expect(protocol.getByRole('listitem')).toHaveText(/Frau Meier spricht mit dem Landkreis\./);
	await expect(notes.getByRole('button', { name: 'Rückgängig' })).toHaveCount(0);

	const expected = [
		{ kind: 'parking', text: 'Förderprogramme des Landes' },
		{ kind: 'decision', text: 'Wir beginnen mit dem Online-Antrag für Gewerbe.' },
		{ kind: 'protocol', text: 'Frau Meier spricht mit dem Landkreis.' }
	].map((note) => ({ ...note, blockId: FIRST_BLOCK, authorId: 'moderation' }));
	// The removed and restored note is one record again; the edit replaced the text under its key.
	await expectSavedOnServer(page);
	expect(storedNotes(appServer, board)).toEqual(expected);
	expect(await seriousViolations(page), 'workshop page with notes').toEqual([]);

	await page.reload();
	await expect(notes.getByLabel('Block', { exact: true })).toHaveValue(FIRST_BLOCK);
	await expect(parking.getByRole('listitem')).toContainText('Förderprogramme des Landes');
	await expect(decisions.getByRole('listitem')).toContainText(
		'Wir beginnen mit dem Online-Antrag für Gewerbe.'
	);
	await expect(protocol.getByRole('listitem')).toContainText(
		'Frau Meier spricht mit dem Landkreis.'
	);
});

test('an empty or too long note is refused at the field and nothing is written; the Themenspeicher lists the topics of every block', async ({
	page,
	appServer
}) => {
	const board = await workshopWithAgenda(page);
	const notes = notesRegion(page);
	// Before the day starts, notes go to the first block.
	await expect(notes.getByLabel('Block', { exact: true })).toHaveValue(FIRST_BLOCK);
	const decisions = notes.getByRole('region', { name: 'Entscheidungen' });
	const field = decisions.getByLabel('Neue Entscheidung');

	await field.fill('   ');
	await decisions.getByRole('button', { name: 'Entscheidung hinzufügen' }).click();
	await expect(decisions.getByText('Bitte geben Sie einen Text ein.')).toBeVisible();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(field).toHaveAccessibleDescription('Bitte geben Sie einen Text ein.');
	await field.fill('x'.repeat(2001));
	await decisions.getByRole('button', { name: 'Entscheidung hinzufügen' }).click();
	await expect(decisions.getByText('höchstens 2000 Zeichen')).toBeVisible();
	await expect(decisions.getByRole('listitem')).toHaveCount(0);
	await expect(decisions.getByText('Noch keine Einträge.')).toBeVisible();

	// A topic for the first block, then one for the second: the parking lot shows both with their block.
	const parking = notes.getByRole('region', { name: 'Themenspeicher' });
	await parking.getByLabel('Neues Thema für den Themenspeicher').fill('Breitband im Ortsteil Nord');
	await parking.getByRole('button', { name: 'Zum Themenspeicher hinzufügen' }).click();
	await notes
		.getByLabel('Block', { exact: true })
		.selectOption({ label: 'Ergebnisse des Digital-Checks' });
	await parking
		.getByLabel('Neues Thema für den Themenspeicher')
		.fill('Schulung für das Bürgerbüro');
	await parking.getByRole('button', { name: 'Zum Themenspeicher hinzufügen' }).click();
	const topics = parking.getByRole('listitem');
	await expect(topics).toHaveCount(2);
	await expect(topics.nth(0)).toContainText('Block: Begrüßung und Ziele');
	await expect(topics.nth(1)).toContainText('Block: Ergebnisse des Digital-Checks');
	await expect(decisions.getByText('Zum Block „Ergebnisse des Digital-Checks“')).toBeVisible();

	// Only the two topics reached the server: the refused decisions wrote nothing.
	await expectSavedOnServer(page);
	expect(storedNotes(appServer, board)).toEqual([
		{
			kind: 'parking',
			text: 'Breitband im Ortsteil Nord',
			blockId: FIRST_BLOCK,
			authorId: 'moderation'
		},
		{
			kind: 'parking',
			text: 'Schulung für das Bürgerbüro',
			blockId: SECOND_BLOCK,
			authorId: 'moderation'
		}
	]);
	expect(await seriousViolations(page), 'notes with refused fields').toEqual([]);
});

test('a note being written stays with its block when the facilitator starts the next one meanwhile', async ({
	page,
	appServer
}) => {
	const board = await workshopWithAgenda(page);
	await page.getByRole('button', { name: 'Ersten Block starten' }).click();
	const notes = notesRegion(page);
	await expect(notes.getByLabel('Block', { exact: true })).toHaveValue(FIRST_BLOCK);
	const decisions = notes.getByRole('region', { name: 'Entscheidungen' });
	await decisions.getByLabel('Neue Entscheidung').fill('Die Ziele gelten für alle Ämter.');
	await page.getByRole('button', { name: 'Nächsten Block starten' }).click();
	await expect(page.getByText('Jetzt: Ergebnisse des Digital-Checks')).toBeVisible();
	await decisions.getByRole('button', { name: 'Entscheidung hinzufügen' }).click();
	await expect(decisions.getByRole('listitem')).toHaveText(/Die Ziele gelten für alle Ämter\./);
	await expectSavedOnServer(page);
	expect(
		Object.values(storedRecords(appServer, board, 'notes')).map((n) => [n.blockId, n.text])
	).toEqual([[FIRST_BLOCK, 'Die Ziele gelten für alle Ämter.']]);
});

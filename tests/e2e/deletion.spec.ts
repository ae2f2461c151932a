// Deleting (ADR 11): a workshop for good (gone from the page and the laptop server's database), a
// municipality from this device only (gone from the start page, still in the server's database).
import { expect, test } from './support/fixtures';
import { CheckRoundPage } from './pages/check-round-page';
import { DeleteDialogPage } from './pages/delete-dialog';
import { KommuneFormPage } from './pages/kommune-form';
import { StartPage } from './pages/start-page';
import { WorkshopPage } from './pages/workshop-page';
import { seriousViolations } from './support/axe';
import { indexedDbNames } from './support/browser-storage';
import { storedDocumentNames } from './support/server-documents';
import { KOMMUNEN } from './support/test-data';

const HANNOVER = KOMMUNEN[0]!;
const PREFIX = `kommune/${HANNOVER.ars}/`;

test('a workshop deleted for good is gone from the page and the server; the municipality removed from this device only stays on the server', async ({
	page,
	appServer
}) => {
	await new KommuneFormPage(page).create(HANNOVER);
	const rounds = new CheckRoundPage(page);
	await rounds.createRound('Digital-Check 2026');
	await rounds.addRespondent('Amtsleitung 1', 'Fach-/Amtsleitungen');
	await rounds.addRespondent('Mitarbeiterin 1', 'Beschäftigte');
	await page.getByRole('link', { name: 'Zur Kommune' }).click();
	const workshops = new WorkshopPage(page);
	await workshops.createWorkshop('Auftaktworkshop', '2026-03-12');
	await expect.poll(() => storedDocumentNames(appServer, `${PREFIX}workshop/`)).toHaveLength(1);
	const [control] = storedDocumentNames(appServer, `${PREFIX}workshop/`);
	const workshopScope = control!.replace(/\/control$/, '');

	// The workshop, for good.
	const deleteWorkshop = new DeleteDialogPage(page, 'Workshop löschen …');
	await deleteWorkshop.open();
	await expect(deleteWorkshop.dialog).toHaveAccessibleName('„Auftaktworkshop“ löschen?');
	await expect(deleteWorkshop.dialog).toContainText(
		'Betroffen: Workshop Auftaktworkshop mit Ablauf, Karten, Punkten, Notizen und Teilnehmendenliste.'
	);
	await expect(deleteWorkshop.dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
	expect(await seriousViolations(page)).toEqual([]);
	// Escape closes it and deletes nothing; focus returns to the button.
	await page.keyboard.press('Escape');
	await expect(deleteWorkshop.dialog).toBeHidden();
	await expect(page.getByRole('button', { name: 'Workshop löschen …' })).toBeFocused();

	await deleteWorkshop.open();
	await deleteWorkshop.deleteForGood();
	await expect(page.getByRole('heading', { level: 1, name: 'Hannover' })).toBeVisible();
	await expect(
		page.getByText('„Auftaktworkshop“ wurde endgültig gelöscht, auch auf dem Server.')
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Auftaktworkshop' })).toHaveCount(0);
	expect(storedDocumentNames(appServer, `${workshopScope}/`)).toEqual([]);
	expect((await indexedDbNames(page)).filter((name) => name.startsWith(workshopScope))).toEqual([]);

	// The municipality, from this device only: it names what is lost.
	const roundDocs = storedDocumentNames(appServer, `${PREFIX}check/`);
	expect(roundDocs).toHaveLength(3);
	const deleteKommune = new DeleteDialogPage(page, 'Kommune löschen …');
	await deleteKommune.openWhenSaved();
	await expect(deleteKommune.dialog).toContainText(
		'Betroffen: Kommune Hannover mit 1 Check-Runde (2 Befragte) und 0 Workshops.'
	);
	await deleteKommune.removeFromDevice();
	const start = new StartPage(page);
	await expect(start.heading).toBeVisible();
	await expect(
		page.getByText(
			'„Hannover“ wurde von diesem Gerät entfernt. Auf dem Server bleibt alles gespeichert.'
		)
	).toBeVisible();
	await expect(start.emptyState).toBeVisible();
	expect((await indexedDbNames(page)).filter((name) => name.startsWith(PREFIX))).toEqual([]);
	expect(storedDocumentNames(appServer, PREFIX)).toEqual([`${PREFIX}profile`, ...roundDocs].sort());

	await page.reload();
	await expect(start.emptyState).toBeVisible();
	await expect(start.row('Hannover')).toHaveCount(0);
});

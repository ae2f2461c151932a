// Deleting (ADR 11): a workshop for good (gone from the page and the laptop server's database), a
// municipality from this device only (gone from the start page, still in the server's database), a
// respondent and a check round for good, and a round from this device while a change is unsent.
import { writeAnswer } from '../../src/lib/crdt/check-respondent-doc';
import { readRespondents } from '../../src/lib/crdt/check-round-doc';
import { catalogByVersion } from '../../src/lib/domain/check/catalog';
import { itemsForPerspective } from '../../src/lib/domain/check/catalog-items';
import { CURRENT_CATALOG_VERSION } from '../../src/lib/domain/check/catalog-types';
import { expect, test } from './support/fixtures';
import { CheckRoundPage } from './pages/check-round-page';
import { DeleteDialogPage } from './pages/delete-dialog';
import { KommuneFormPage } from './pages/kommune-form';
import { StartPage } from './pages/start-page';
import { WorkshopPage } from './pages/workshop-page';
import { seriousViolations } from './support/axe';
import { indexedDbNames } from './support/browser-storage';
import {
	deletedScopes,
	readServerDocument,
	storedDocumentNames,
	writeServerDocument
} from './support/server-documents';
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

test('a respondent deleted for good loses their answers on the server and leaves the round, with no undo', async ({
	page,
	appServer
}) => {
	await new KommuneFormPage(page).create(HANNOVER);
	const rounds = new CheckRoundPage(page);
	await rounds.createRound('Digital-Check 2026');
	await rounds.addRespondent('Fachamt 1', 'Beschäftigte');
	await rounds.addRespondent('Kämmerer', 'Fach-/Amtsleitungen');
	const gone = await rounds.respondentDocNameOf('Fachamt 1');
	const kept = await rounds.respondentDocNameOf('Kämmerer');
	const shared = rounds.sharedDocName();
	// The answers come through the server: the tab must be connected (on a loaded machine its socket
	// sometimes drops after the first pages and takes a while to return; this names that failure).
	await expect(new StartPage(page).syncStatus).toHaveText(/mit Server verbunden/, {
		timeout: 30_000
	});
	// 23 answers arrive from the respondent's own device (the first 23 items asked of Beschäftigte).
	const items = itemsForPerspective(catalogByVersion(CURRENT_CATALOG_VERSION)!, 'B').slice(0, 23);
	await writeServerDocument(appServer, gone, (doc) => {
		for (const item of items) {
			writeAnswer(doc, item.id, { kind: item.type === 'R' ? 'level' : 'likert', value: 3 });
		}
	});
	await expect(rounds.respondent('Fachamt 1')).toContainText('23 von 34 Fragen beantwortet', {
		timeout: 30_000
	});

	const dialog = new DeleteDialogPage(page, 'Fachamt 1 löschen …');
	await dialog.openWhenSaved();
	await expect(dialog.dialog).toHaveAccessibleName('„Fachamt 1“ löschen?');
	await expect(dialog.dialog).toContainText(
		'Betroffen: Befragte Person „Fachamt 1“ (Beschäftigte) mit 23 beantworteten Fragen.'
	);
	await expect(dialog.dialog).toContainText(
		'Anders als beim Entfernen gibt es dafür kein „Rückgängig“.'
	);
	await expect(
		dialog.dialog.getByRole('button', { name: 'Nur von diesem Gerät entfernen' })
	).toHaveCount(0);
	expect(await seriousViolations(page)).toEqual([]);

	await dialog.deleteForGood();
	await expect(dialog.dialog).toBeHidden();
	await expect(
		page.getByText('„Fachamt 1“ wurde endgültig gelöscht, auch auf dem Server.')
	).toBeVisible();
	await expect(rounds.respondent('Fachamt 1')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Rückgängig' })).toHaveCount(0);
	expect(storedDocumentNames(appServer, gone)).toEqual([]);
	expect(deletedScopes(appServer, gone)).toEqual([gone]);
	expect(storedDocumentNames(appServer, kept)).toEqual([kept]);
	expect((await indexedDbNames(page)).filter((name) => name.startsWith(gone))).toEqual([]);
	await expect
		.poll(() =>
			readServerDocument(appServer, shared, (doc) => readRespondents(doc).map((r) => r.label))
		)
		.toEqual(['Kämmerer']);

	await page.reload();
	await expect(rounds.respondent('Kämmerer')).toBeVisible();
	await expect(rounds.respondent('Fachamt 1')).toHaveCount(0);
});

test('a check round deleted for good is gone from the municipality page and from the server', async ({
	page,
	appServer
}) => {
	await new KommuneFormPage(page).create(HANNOVER);
	const rounds = new CheckRoundPage(page);
	await rounds.createRound('Digital-Check 2026');
	await rounds.addRespondent('Fachamt 1', 'Beschäftigte');
	const scope = rounds.sharedDocName().replace(/\/shared$/, '');
	await expect.poll(() => storedDocumentNames(appServer, `${scope}/`)).toHaveLength(2);
	await expect(new StartPage(page).syncStatus).toHaveText(/mit Server verbunden/, {
		timeout: 30_000
	});

	const dialog = new DeleteDialogPage(page, 'Check-Runde löschen …');
	await dialog.openWhenSaved();
	await expect(dialog.dialog).toHaveAccessibleName('„Digital-Check 2026“ löschen?');
	await expect(dialog.dialog).toContainText(
		'Betroffen: Check-Runde Digital-Check 2026 mit allen Antworten (1 befragte Person).'
	);
	await dialog.deleteForGood();
	await expect(page.getByRole('heading', { level: 1, name: 'Hannover' })).toBeVisible();
	await expect(
		page.getByText('„Digital-Check 2026“ wurde endgültig gelöscht, auch auf dem Server.')
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Digital-Check 2026' })).toHaveCount(0);
	expect(storedDocumentNames(appServer, `${scope}/`)).toEqual([]);
	expect(deletedScopes(appServer, PREFIX)).toEqual([scope]);
	expect((await indexedDbNames(page)).filter((name) => name.startsWith(scope))).toEqual([]);

	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Hannover' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Digital-Check 2026' })).toHaveCount(0);
});

test('removing from this device warns about a change no server has and removes nothing until the person accepts losing it', async ({
	page,
	appServer
}) => {
	await new KommuneFormPage(page).create(HANNOVER);
	const rounds = new CheckRoundPage(page);
	await rounds.createRound('Digital-Check 2026');
	const shared = rounds.sharedDocName();
	const scope = shared.replace(/\/shared$/, '');
	await expect.poll(() => storedDocumentNames(appServer, `${scope}/`)).toEqual([shared]);

	// The server goes away; the respondent added now is on this device only.
	await appServer.stop();
	await rounds.addRespondent('Fachamt 1', 'Beschäftigte');
	const unsent = await rounds.respondentDocNameOf('Fachamt 1');
	const dialog = new DeleteDialogPage(page, 'Check-Runde löschen …');
	await dialog.open();
	await expect(dialog.unsentWarning).toBeVisible();
	const accept = dialog.dialog.getByLabel('Ungesicherte Änderungen dürfen verloren gehen');
	await expect(accept).not.toBeChecked();
	expect(await seriousViolations(page)).toEqual([]);

	// Refused: the dialog checks again what is unsent (each copy waits up to 5 s for a server).
	await dialog.removeFromDevice();
	await expect(
		dialog.dialog.getByRole('alert').filter({ hasText: 'Es wurde nichts entfernt.' })
	).toBeVisible({ timeout: 30_000 });
	await expect(dialog.dialog).toBeVisible();
	expect(await indexedDbNames(page)).toEqual(expect.arrayContaining([shared, unsent]));
	await dialog.cancel();
	await expect(rounds.respondent('Fachamt 1')).toBeVisible();

	await dialog.open();
	await accept.check();
	await dialog.removeFromDevice();
	await expect(page.getByRole('heading', { level: 1, name: 'Hannover' })).toBeVisible();
	await expect(
		page.getByText(
			'„Digital-Check 2026“ wurde von diesem Gerät entfernt. Auf dem Server bleibt alles gespeichert.'
		)
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Digital-Check 2026' })).toHaveCount(0);
	expect((await indexedDbNames(page)).filter((name) => name.startsWith(scope))).toEqual([]);
	// The server kept what it had; the respondent it never received is lost, as the person accepted.
	expect(storedDocumentNames(appServer, `${scope}/`)).toEqual([shared]);
});

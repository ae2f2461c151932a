// Joining over the room's LAN, played on loopback: a second Chromium resolves kw-lan.test to 127.0.0.1,
// so its page is a plain-http, non-secure context that is not the laptop's owner (ADR 6).
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { readRoster } from '../../src/lib/crdt/workshop-doc';
import { LAN_HOST, launchLanBrowser } from './support/lan-devices';
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { WorkshopPage } from './pages/workshop-page';
import { seriousViolations } from './support/axe';
import { expectSavedOnServer, storedMap } from './support/server-database';
import { readServerDocument } from './support/server-documents';
import { KOMMUNEN } from './support/test-data';

const HANNOVER = KOMMUNEN[0]!;

async function boardDocName(page: Page): Promise<string> {
	const [, ars, wid] = /\/kommune\/(\d{12})\/workshop\/([^/]+)$/.exec(
		new URL(page.url()).pathname
	)!;
	return `kommune/${ars}/workshop/${wid}/board`;
}

test.describe('joining a workshop from a device in the room', () => {
	let lanBrowser: Browser;
	let lan: BrowserContext;

	test.beforeEach(async () => {
		lanBrowser = await launchLanBrowser();
		lan = await lanBrowser.newContext({ locale: 'de-DE' });
	});
	test.afterEach(async () => {
		await lan.close();
		await lanBrowser.close();
	});

	test('a participant joins by code over plain http, and their name reaches the facilitator through the board', async ({
		page,
		appServer
	}) => {
		await new KommuneFormPage(page).create(HANNOVER);
		const workshop = new WorkshopPage(page);
		await workshop.createWorkshop('Workshop Handlungsfelder', '2027-03-15');
		expect(await seriousViolations(page), 'invite page without codes').toEqual([]);
		const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');
		await expect(
			workshop.inviteSection.getByText('Noch ist kein Gerät beigetreten.')
		).toBeVisible();
		expect(await seriousViolations(page), 'invite page with a code').toEqual([]);

		const participant = await lan.newPage();
		// A phone in the room is never the laptop's owner, so it does not ask for the owner's token: the
		// refusal would put a 403 into its console on every page load.
		const ownerTokenRequests: string[] = [];
		participant.on('request', (request) => {
			if (new URL(request.url()).pathname === '/api/owner-token') {
				ownerTokenRequests.push(request.url());
			}
		});
		await participant.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
		expect(await participant.evaluate(() => window.isSecureContext)).toBe(false);
		await expect(participant.getByText('Workshop Handlungsfelder')).toBeVisible();
		await expect(participant.getByRole('note')).toContainText('Über das Raum-Netz geöffnet');
		expect(await seriousViolations(participant), 'join page').toEqual([]);

		// A name is required; the refusal changes nothing.
		await participant.getByRole('button', { name: 'Beitreten' }).click();
		await expect(participant.getByRole('alert')).toContainText('Bitte geben Sie einen Namen ein.');
		await participant.getByLabel('Ihr Name').fill('Anna');
		await participant.getByRole('button', { name: 'Beitreten' }).click();
		await expect(
			participant.getByRole('heading', { level: 1, name: 'Meine Teilnahme' })
		).toBeVisible();
		await expect(participant.getByRole('list', { name: 'Im Workshop' })).toContainText('Anna');
		expect(await seriousViolations(participant), 'participant page').toEqual([]);

		// The participant's check-in is a write to the board document: the server holds it, and the
		// facilitator's page shows it, as does the device list the server keeps.
		const board = await boardDocName(page);
		await expect
			.poll(async () => (await readServerDocument(appServer, board, readRoster)).map((e) => e.name))
			.toEqual(['Anna']);
		await expect(workshop.roster).toContainText('Anna');
		// In the server's database once the participant's page says "gesichert": one roster entry, Anna.
		await expectSavedOnServer(participant);
		const storedNames = () =>
			Object.values(storedMap(appServer, board, 'participants') ?? {}).map(
				(entry) => (entry as { name?: unknown }).name
			);
		expect(storedNames()).toEqual(['Anna']);
		await expect(workshop.deviceRow('Anna')).toContainText('Teilnahme');
		await expect(workshop.deviceRow('Anna')).toContainText('jetzt verbunden');

		// Opening the code again does not make a second participant: the page offers to go on.
		await participant.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
		await expect(
			participant.getByText('Dieses Gerät ist hier schon dabei: als Anna.')
		).toBeVisible();
		await participant.getByRole('link', { name: 'Weiter als Anna' }).click();
		await expect(
			participant.getByRole('heading', { level: 1, name: 'Meine Teilnahme' })
		).toBeVisible();
		expect((await readServerDocument(appServer, board, readRoster)).length).toBe(1);
		await expectSavedOnServer(participant);
		expect(storedNames()).toEqual(['Anna']);
		expect(ownerTokenRequests, 'requests for the owner token from the phone').toEqual([]);

		// The LAN page never gets the owner's token: not directly, and not with its Host header rewritten
		// on the way (as a proxy could); the browser's own Origin, kw-lan.test, still gives it away.
		const direct = await participant.evaluate(
			async () => (await fetch('/api/owner-token', { method: 'POST' })).status
		);
		expect(direct).toBe(403);
		await participant.route('**/api/owner-token', (route) =>
			route.continue({
				headers: { ...route.request().headers(), host: `localhost:${appServer.port}` }
			})
		);
		const spoofed = await participant.evaluate(async () => {
			const response = await fetch('/api/owner-token', { method: 'POST' });
			return { status: response.status, body: await response.text() };
		});
		expect(spoofed.status).toBe(403);
		expect(spoofed.body).not.toContain('token');
	});

	test('a device the facilitator removes loses access at once and says so', async ({
		page,
		appServer
	}) => {
		await new KommuneFormPage(page).create(HANNOVER);
		const workshop = new WorkshopPage(page);
		await workshop.createWorkshop('Workshop Prozesse', '');
		const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');

		const participant = await lan.newPage();
		await participant.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
		await participant.getByLabel('Ihr Name').fill('Bernd');
		await participant.getByRole('button', { name: 'Beitreten' }).click();
		await expect(participant.getByRole('list', { name: 'Im Workshop' })).toContainText('Bernd');
		await expect(workshop.deviceRow('Bernd')).toContainText('jetzt verbunden');

		await workshop.deviceRow('Bernd').getByRole('button', { name: 'Bernd entfernen' }).click();
		await workshop
			.deviceRow('Bernd')
			.getByRole('button', { name: /^Ja, das Gerät von Bernd entfernen/ })
			.click();
		await expect(participant.getByRole('alert')).toContainText(
			'Die Moderation hat dieses Gerät entfernt'
		);
		// The server's list, not only this page's: after a reload the device is still gone.
		await page.reload();
		await expect(
			workshop.inviteSection.getByText('Noch ist kein Gerät beigetreten.')
		).toBeVisible();
	});

	test('a respondent joins a check round with their own link, without giving a name', async ({
		page,
		appServer
	}) => {
		await new KommuneFormPage(page).create(HANNOVER);
		await page.getByLabel('Titel der Check-Runde').fill('Digital-Check 2027');
		await page.getByRole('button', { name: 'Check-Runde anlegen' }).click();
		await page.getByRole('link', { name: 'Digital-Check 2027' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Digital-Check 2027' })).toBeVisible();

		// A respondent needs a perspective; the refusal adds nobody.
		await page.getByLabel('Bezeichnung (pseudonym)').fill('Fachamt Bauen');
		await page.getByRole('button', { name: 'Befragte Person hinzufügen' }).click();
		await expect(page.getByText('Bitte wählen Sie eine Perspektive.')).toBeVisible();
		await page.getByLabel('Perspektive').selectOption({ label: 'Fach-/Amtsleitungen' });
		await page.getByRole('button', { name: 'Befragte Person hinzufügen' }).click();
		await expect(page.getByText('Fachamt Bauen · Fach-/Amtsleitungen')).toBeVisible();
		await page.getByRole('button', { name: 'Code für Fachamt Bauen erzeugen' }).click();
		const card = page.getByRole('figure').filter({ hasText: 'Für Fachamt Bauen' });
		const code = /([0-9A-Z]{5}-[0-9A-Z]{5})/.exec((await card.textContent()) ?? '')![1]!;
		expect(await seriousViolations(page), 'check round page with a respondent code').toEqual([]);

		const respondent = await lan.newPage();
		await respondent.goto(`http://${LAN_HOST}:${appServer.port}/join/${code}`);
		// The join page names the round and the person the link is for.
		await expect(respondent.getByText('Digital-Check 2027')).toBeVisible();
		await expect(
			respondent.getByText(
				/Sie beantworten den Digital-Check auf diesem Gerät\.\s*· als Fachamt Bauen/
			)
		).toBeVisible();
		await expect(respondent.getByLabel('Ihr Name')).toHaveCount(0);
		await respondent.getByRole('button', { name: 'Beitreten' }).click();
		await expect(
			respondent.getByRole('heading', { level: 2, name: 'Digital-Check 2027' })
		).toBeVisible();
		await expect(respondent.getByText('Befragte Person · als Fachamt Bauen')).toBeVisible();
		await expect(page.getByRole('row').filter({ hasText: 'Fachamt Bauen' })).toContainText(
			'Befragte Person'
		);
	});
});

import { randomBytes } from 'node:crypto';
import connectPostgres from 'postgres';
import qrcode from 'qrcode-generator';
import type { Page } from '@playwright/test';
import { createTokenService } from '../../server/tokens';
import { freePort } from '../../server/test/free-port';
import { startPostgresCluster, type PostgresCluster } from '../../server/test/postgres-cluster';
import { readProfile } from '../../src/lib/crdt/profile-doc';
import { setupLinkFor } from '../../src/lib/domain/central-setup-link';
import { profileDocName } from '../../src/lib/domain/document-names';
import { expect, test } from './support/fixtures';
import { AppServer } from './support/app-server';
import { DeleteDialogPage } from './pages/delete-dialog';
import { KommuneFormPage } from './pages/kommune-form';
import { indexedDbNames } from './support/browser-storage';
import { seriousViolations } from './support/axe';
import { storedDocumentNames, withDocumentAt } from './support/server-documents';
import { KOMMUNEN } from './support/test-data';

const HANNOVER = KOMMUNEN[0]!;
const PROFILE = profileDocName(HANNOVER.ars);

let postgres: PostgresCluster;
let central: AppServer;
const secret = randomBytes(48).toString('base64');

test.beforeAll(async () => {
	postgres = await startPostgresCluster();
	central = new AppServer({
		port: await freePort(),
		env: { DATABASE_URL: postgres.url, TOKEN_SECRET: secret }
	});
	await central.start();
});

test.afterAll(async () => {
	await central?.dispose();
	await postgres?.stop();
});

async function tokenFor(role: 'moderation' | 'beratung', docs: string[]) {
	const service = createTokenService(new TextEncoder().encode(secret));
	return (await service.issue({ sub: `e2e-${role}`, role, docs, ttlSeconds: 3_600 })).token;
}

const centralProfile = () =>
	withDocumentAt(
		{ port: central.port, secret },
		PROFILE,
		'beratung',
		async (doc) => readProfile(doc).profile
	);

async function openStorageDetails(page: Page) {
	const details = page.locator('header details');
	if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
	return page
		.getByRole('table', { name: 'Wo die geöffneten Daten gespeichert sind' })
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'Profil der Kommune' }) });
}

test('the facilitator sets up the central server once; the municipality is uploaded in the background, and a consultant reads it but cannot change it', async ({
	page,
	appServer
}) => {
	// The laptop as shipped for the programme: it knows the central server's address.
	await appServer.stop();
	const laptop = new AppServer({
		port: appServer.port,
		env: { CENTRAL_URL: `http://127.0.0.1:${central.port}` }
	});
	await laptop.start();
	try {
		const form = new KommuneFormPage(page);
		await form.create(HANNOVER);

		await page.getByRole('link', { name: 'Zentraler Server' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Zentraler Server' })).toBeVisible();
		const address = page.getByLabel('Adresse des zentralen Servers');
		await expect(address).toHaveValue(`http://127.0.0.1:${central.port}`);
		const key = page.getByLabel('Zugangsschlüssel (Moderation)');

		// A consultant's key cannot upload: refused with a reason, nothing kept.
		await key.fill(await tokenFor('beratung', ['kommune/*/**']));
		await page.getByRole('button', { name: 'Speichern und übertragen' }).click();
		await expect(key).toHaveAccessibleDescription(/erlaubt nur das Lesen/);
		await expect(page.getByRole('heading', { name: 'Übertragung' })).toHaveCount(0);
		expect(await centralProfile()).toBeNull();

		await key.fill(await tokenFor('moderation', [`kommune/${HANNOVER.ars}/**`]));
		await page.getByRole('button', { name: 'Speichern und übertragen' }).click();
		await expect(page.getByRole('heading', { name: 'Übertragung' })).toBeFocused();
		await expect(page.getByText(`Gilt für: Hannover (${HANNOVER.ars})`)).toBeVisible();
		await expect(page.getByText('Datenbestände zentral gesichert: 1 von 1')).toBeVisible({
			timeout: 30_000
		});
		await expect(
			page.getByText(/Alles ist auf dem zentralen Server gesichert \(Stand/)
		).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
		expect((await centralProfile())?.name).toBe('Hannover');

		// An edit on the open municipality page reaches the central server with no further step, and the
		// header says where it is stored.
		await page.goto(`/kommune/${HANNOVER.ars}`);
		await form.population.fill('551.000');
		await page.getByRole('button', { name: 'Speichern', exact: true }).click();
		await expect
			.poll(async () => (await centralProfile())?.population, { timeout: 30_000 })
			.toBe(551_000);
		const row = await openStorageDetails(page);
		await expect(row.getByRole('cell').nth(1)).toHaveText(/^gesichert \d\d:\d\d:\d\d$/);
		await expect(row.getByRole('cell').nth(2)).toHaveText(/^gesichert \d\d:\d\d:\d\d$/, {
			timeout: 30_000
		});

		// The consultant's client writes into its copy; the central server keeps its state.
		await withDocumentAt({ port: central.port, secret }, PROFILE, 'beratung', async (doc) => {
			doc.getMap('profile').set('name', 'Von der Beratung überschrieben');
			await new Promise((resolve) => setTimeout(resolve, 1_000));
		});
		expect((await centralProfile())?.name).toBe('Hannover');
	} finally {
		await laptop.dispose();
		await appServer.start();
	}
});

/** The central database's documents under a prefix and its tombstones (ADR 11), read directly. */
async function centralDatabase(prefix: string) {
	const sql = connectPostgres(postgres.url, { max: 1, onnotice: () => undefined });
	try {
		// A document's state, or only increments appended so far (ADR 18).
		const documents = await sql<{ name: string }[]>`
			SELECT name FROM documents WHERE starts_with(name, ${prefix})
			UNION SELECT name FROM document_updates WHERE starts_with(name, ${prefix}) ORDER BY name`;
		const tombstones = await sql<{ scope: string }[]>`
			SELECT scope FROM deleted_scopes WHERE starts_with(scope, ${prefix}) ORDER BY scope`;
		return {
			documents: documents.map((row) => row.name),
			tombstones: tombstones.map((row) => row.scope)
		};
	} finally {
		await sql.end();
	}
}

test("'Endgültig löschen' deletes on the central server too; while it is out of reach nothing is deleted, and trying again deletes everywhere", async ({
	page,
	appServer
}) => {
	const BRAUNSCHWEIG = KOMMUNEN[1]!;
	const scope = `kommune/${BRAUNSCHWEIG.ars}`;
	await appServer.stop();
	const laptop = new AppServer({
		port: appServer.port,
		// localhost: the server sends a request for 127.0.0.1 on to localhost (host-rules.ts), and a
		// browser follows no redirect of a CORS preflight.
		env: { CENTRAL_URL: `http://localhost:${central.port}` }
	});
	await laptop.start();
	try {
		await new KommuneFormPage(page).create(BRAUNSCHWEIG);
		await page.getByRole('link', { name: 'Zentraler Server' }).click();
		await page
			.getByLabel('Zugangsschlüssel (Moderation)')
			.fill(await tokenFor('moderation', [`${scope}/**`]));
		await page.getByRole('button', { name: 'Speichern und übertragen' }).click();
		await expect(page.getByText('Datenbestände zentral gesichert: 1 von 1')).toBeVisible({
			timeout: 30_000
		});
		expect((await centralDatabase(scope)).documents).toEqual([`${scope}/profile`]);

		await page.goto(`/kommune/${BRAUNSCHWEIG.ars}`);
		const deletion = new DeleteDialogPage(page, 'Kommune löschen …');
		await central.stop();
		await deletion.openWhenSaved();
		await deletion.deleteForGood();
		await expect(
			deletion.dialog.getByText(
				'Der zentrale Server ist nicht erreichbar. Es wurde nichts gelöscht, weder dort noch auf dem Laptop-Server noch auf diesem Gerät. Bitte versuchen Sie es erneut, sobald eine Internetverbindung besteht.'
			)
		).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
		expect(storedDocumentNames(laptop, `${scope}/`)).toEqual([`${scope}/profile`]);
		expect(await indexedDbNames(page)).toContain(`${scope}/profile`);

		// Back online: the same button again deletes on both servers, then here.
		await central.start();
		await deletion.deleteForGood();
		await expect(
			page.getByText('„Braunschweig“ wurde endgültig gelöscht, auch auf dem Server.')
		).toBeVisible();
		expect(storedDocumentNames(laptop, `${scope}/`)).toEqual([]);
		expect(await centralDatabase(scope)).toEqual({ documents: [], tombstones: [scope] });
		expect((await indexedDbNames(page)).filter((name) => name.startsWith(scope))).toEqual([]);
	} finally {
		await laptop.dispose();
		await appServer.start();
	}
});

test('a set-up link fills in address and key, and leaves no key in the address bar', async ({
	page
}) => {
	const key = await tokenFor('moderation', [`kommune/${HANNOVER.ars}/**`]);
	const fragment = new URLSearchParams({
		adresse: `http://127.0.0.1:${central.port}`,
		schluessel: key
	});
	await page.goto(`/zentrale#${fragment.toString()}`);

	await expect(page.getByText('aus dem Einrichtungslink übernommen')).toBeVisible();
	await expect(page.getByLabel('Adresse des zentralen Servers')).toHaveValue(
		`http://127.0.0.1:${central.port}`
	);
	await expect(page.getByLabel('Zugangsschlüssel (Moderation)')).toHaveValue(key);
	expect(new URL(page.url()).hash).toBe('');
	expect(await page.evaluate(() => location.href)).not.toContain(key);

	// This laptop server was started without CENTRAL_URL: its pages may not connect to any central
	// server, so saving is refused with the way out instead of failing silently in the background.
	await page.getByRole('button', { name: 'Speichern und übertragen' }).click();
	await expect(page.getByLabel('Adresse des zentralen Servers')).toHaveAccessibleDescription(
		/für keinen zentralen Server eingerichtet.*CENTRAL_URL=/
	);
	await expect(page.getByRole('heading', { name: 'Übertragung' })).toHaveCount(0);
});

/** A QR code as a GIF file, as a photo or screenshot of the printed set-up code would arrive. */
function qrPicture(text: string): { name: string; mimeType: string; buffer: Buffer } {
	const qr = qrcode(0, 'M');
	qr.addData(text, 'Byte');
	qr.make();
	const dataUrl = qr.createDataURL(6, 24);
	return {
		name: 'einrichtung.gif',
		mimeType: 'image/gif',
		buffer: Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')
	};
}

test('a picture of the set-up QR code fills in address and key; another QR code is refused with a reason', async ({
	page
}) => {
	const key = await tokenFor('moderation', [`kommune/${HANNOVER.ars}/**`]);
	await page.goto('/zentrale');
	const picture = page.getByLabel('Foto des QR-Codes wählen');

	await picture.setInputFiles(qrPicture('https://example.org/irgendwas'));
	await expect(page.getByRole('alert')).toHaveText(
		'Dieser QR-Code enthält keinen Einrichtungslink der Kommunalwerkstatt.'
	);
	await expect(page.getByLabel('Zugangsschlüssel (Moderation)')).toHaveValue('');

	const link = setupLinkFor(
		{ address: `http://127.0.0.1:${central.port}`, token: key },
		'http://localhost:8420'
	);
	await picture.setInputFiles(qrPicture(link));
	await expect(page.getByText('aus dem QR-Code übernommen')).toBeVisible();
	await expect(page.getByLabel('Adresse des zentralen Servers')).toHaveValue(
		`http://127.0.0.1:${central.port}`
	);
	await expect(page.getByLabel('Zugangsschlüssel (Moderation)')).toHaveValue(key);
	await expect(page.getByText('keinen Einrichtungslink')).toBeHidden();
	expect(await seriousViolations(page)).toEqual([]);
});

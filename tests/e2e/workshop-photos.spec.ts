// The photo protocol (issue 19, ADR 20): a participant on her own device in the room (plain http, no
// crypto.subtle) adds a phone photo with location and camera data to a block; the facilitator sees the
// thumbnail with its description, and the server's blob table holds the photo without that data. A
// renamed program and a 40 MB file are refused with their German reasons. A WebP the facilitator adds
// is in the protocol's PDF too, converted to a JPEG in the browser.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { joinWithCode, launchLanBrowser } from './support/lan-devices';
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { WorkshopPage } from './pages/workshop-page';
import { seriousViolations } from './support/axe';
import { expectSavedOnServer, storedBlobs, storedRecords } from './support/server-database';
import { KOMMUNEN } from './support/test-data';

const PHOTO = readFileSync(
	new URL('../../src/lib/domain/photos/fixtures/flipchart.jpg', import.meta.url)
);

/** The photo as a phone saves it: an EXIF block with camera make and GPS position after JFIF. */
function phonePhoto(): Buffer {
	const exif = Buffer.from(
		'Exif\0\0MM\0\x2a\0\0\0\x08\0\0\0\0\0\0PhoneMaker GPS 52.6N 10.08E',
		'latin1'
	);
	const segment = Buffer.concat([Buffer.from([0xff, 0xe1, 0, exif.length + 2]), exif]);
	return Buffer.concat([PHOTO.subarray(0, 20), segment, PHOTO.subarray(20)]);
}

test('a participant in the room adds a photo to a block, the facilitator sees it described, the server holds it without location or camera data, and a renamed program or a 40 MB file is refused with its reason', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	await new KommuneFormPage(page).create(KOMMUNEN[0]!);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const path = new URL(page.url()).pathname;
	const board = `${path.slice(1)}/board`;
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');

	const lanBrowser = await launchLanBrowser();
	try {
		const anna = await joinWithCode(lanBrowser, appServer.port, code, 'Anna');
		await anna.getByRole('link', { name: 'Fotos öffnen' }).click();
		await expect(anna.getByRole('heading', { level: 1, name: 'Fotos' })).toBeVisible();
		expect(await anna.evaluate(() => window.isSecureContext)).toBe(false);

		await anna.getByLabel('Foto hochladen').setInputFiles({
			name: 'IMG_2041.jpg',
			mimeType: 'image/jpeg',
			buffer: phonePhoto()
		});
		await expect(anna.getByRole('status').filter({ hasText: 'Foto hinzugefügt.' })).toBeVisible();
		await expect(anna.getByRole('img', { name: 'Foto ohne Beschreibung' })).toBeVisible();
		await anna
			.getByLabel('Beschreibung des Fotos (für Menschen, die es nicht sehen)')
			.fill('Flipchart: Ideen zur E-Akte');
		await anna.getByRole('button', { name: 'Beschreibung speichern' }).click();

		// Refused before anything is stored, each with its reason.
		await anna.getByLabel('Foto hochladen').setInputFiles({
			name: 'rechnung.jpg',
			mimeType: 'image/jpeg',
			buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4096)])
		});
		await expect(anna.getByRole('alert')).toHaveText(
			'Diese Datei ist kein Foto im Format JPEG, PNG oder WebP. Es wurde nichts gespeichert.'
		);
		const huge = Buffer.alloc(40 * 1024 * 1024);
		PHOTO.copy(huge);
		await anna.getByLabel('Foto hochladen').setInputFiles({
			name: 'riesig.jpg',
			mimeType: 'image/jpeg',
			buffer: huge
		});
		await expect(anna.getByRole('alert')).toHaveText(
			'Das Foto ist zu groß: höchstens 15 MB. Bitte wählen Sie ein kleineres Foto. Es wurde nichts gespeichert.'
		);
		expect(await seriousViolations(anna), 'photos of a participant').toEqual([]);

		// The facilitator's laptop fetches the photo from the server and shows it, decoded.
		await page.getByRole('link', { name: 'Fotos öffnen' }).click();
		const thumbnail = page.getByRole('img', { name: 'Flipchart: Ideen zur E-Akte' });
		await expect(thumbnail).toBeVisible();
		expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(24);
		await expectSavedOnServer(page);

		// On the server: one blob, its hash its address, without the phone's EXIF block; the board's
		// record names it under Anna's id.
		const blobs = storedBlobs(appServer);
		expect(blobs).toHaveLength(1);
		const [blob] = blobs;
		expect(createHash('sha256').update(blob!.bytes).digest('hex')).toBe(blob!.sha256);
		expect(blob!.bytes.includes('Exif')).toBe(false);
		expect(blob!.bytes.includes('PhoneMaker')).toBe(false);
		expect(blob!.bytes.equals(PHOTO)).toBe(true);
		const records = Object.values(storedRecords(appServer, board, 'photos'));
		expect(records).toEqual([
			expect.objectContaining({
				sha256: blob!.sha256,
				mediaType: 'image/jpeg',
				caption: 'Flipchart: Ideen zur E-Akte',
				width: 24,
				height: 16
			})
		]);
		expect(records[0]!.authorId).not.toBe('moderation');
		expect(await seriousViolations(page), 'photos on the laptop').toEqual([]);

		// A WebP, which neither pdfkit nor docx embeds: the protocol shows it too, converted to a JPEG
		// in the browser. The browser draws it, so it needs no fixture file.
		const webp = Buffer.from(
			await page.evaluate(async () => {
				const canvas = document.createElement('canvas');
				canvas.width = 32;
				canvas.height = 20;
				const context = canvas.getContext('2d')!;
				context.fillStyle = '#0b4f6c';
				context.fillRect(0, 0, 32, 20);
				const blob = await new Promise<Blob>((done) =>
					canvas.toBlob((b) => done(b!), 'image/webp')
				);
				return [...new Uint8Array(await blob.arrayBuffer())];
			})
		);
		expect(webp.subarray(8, 12).toString('latin1')).toBe('WEBP');
		await page.getByLabel('Foto hochladen').setInputFiles({
			name: 'pinnwand.webp',
			mimeType: 'image/webp',
			buffer: webp
		});
		await expect(page.getByRole('status').filter({ hasText: 'Foto hinzugefügt.' })).toBeVisible();
		await page.goto(path);
		const handover = page.getByRole('region', { name: 'Ergebnisse mitgeben' });
		await expect(handover.getByRole('button', { name: 'Protokoll als PDF' })).toBeEnabled({
			timeout: 60_000
		});
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 120_000 }),
			handover.getByRole('button', { name: 'Protokoll als PDF' }).click()
		]);
		const pdf = readFileSync((await download.path())!).toString('latin1');
		// Both photos are embedded as JPEG images (pdfkit writes a JPEG's stream with DCTDecode), so
		// neither is described in words as missing instead.
		expect(pdf.match(/\/Subtype \/Image/g) ?? []).toHaveLength(2);
		expect(pdf.match(/\/Filter \/DCTDecode/g) ?? []).toHaveLength(2);
	} finally {
		await lanBrowser.close();
	}
});

// Hand-over at the end of the day (issue 19): with the laptop's server stopped, the facilitator saves the
// generated full day's protocol as PDF, Word and Excel from the workshop page; a check round's results
// page saves its report. The files are read back
// as the programs that open them would (the PDF's text with pdfjs, the DOCX's and XLSX's XML) and must
// hold every Handlungsfeld and measure the board stored, as the server's database has them.
import type { Download, Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readActionFields } from '../../src/lib/crdt/workshop-action-fields';
import { readMeasures } from '../../src/lib/crdt/workshop-measures';
import { readWorkshopInfo } from '../../src/lib/crdt/workshop-doc';
import { workshopBoardDocName, workshopControlDocName } from '../../src/lib/domain/document-names';
import { reportFileName } from '../../src/lib/domain/documents/report-document';
import { part, unescapeXml, unzipOffice } from '../../src/lib/export/office-test-support';
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { seriousViolations } from './support/axe';
import { expectSavedOnServer, storedDocument } from './support/server-database';
import { waitForServiceWorkerControl } from './support/service-worker';
import { KOMMUNEN } from './support/test-data';
import { writeGeneratedRound } from './support/generated-round';
import { CURRENT_CATALOG } from '../../src/lib/domain/check/catalog';

const HANNOVER = KOMMUNEN[0]!;

async function bytesOf(download: Download): Promise<Uint8Array> {
	const stream = await download.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return new Uint8Array(Buffer.concat(chunks));
}

async function save(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 120_000 }),
		page.getByRole('button', { name: button }).click()
	]);
	return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
	const pdf = await getDocument({ data: bytes, isEvalSupported: false }).promise;
	const pages: string[] = [];
	for (let n = 1; n <= pdf.numPages; n++) {
		const content = await (await pdf.getPage(n)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
	}
	return pages.join('\n');
}

/** Every run of text in a part's XML, joined, so a title split into runs still reads whole. */
const xmlText = (xml: string) => unescapeXml(xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));

/** Text with its whitespace collapsed, as pdfjs and the XML give it. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

test('with the server stopped, the facilitator saves the full day’s protocol as PDF, Word and Excel, each holding every Handlungsfeld and measure', async ({
	page,
	appServer
}) => {
	test.setTimeout(420_000);
	await new KommuneFormPage(page).create(HANNOVER);
	await page.getByRole('button', { name: 'Beispiel-Workshop erzeugen' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Der Beispiel-Workshop steht in der Liste.' })
	).toBeVisible({ timeout: 60_000 });
	await page
		.getByRole('region', { name: 'Workshops', exact: true })
		.getByRole('list')
		.getByRole('link')
		.first()
		.click();
	await page.waitForURL(/\/kommune\/\d{12}\/workshop\/[^/]+$/);
	const [, ars, wid] = /\/kommune\/(\d{12})\/workshop\/([^/]+)/.exec(new URL(page.url()).pathname)!;
	await expectSavedOnServer(page, 120_000);
	await waitForServiceWorkerControl(page);

	// What the board holds, from the server's database: the files must hold all of it.
	const board = storedDocument(appServer, workshopBoardDocName(ars!, wid!))!;
	const control = storedDocument(appServer, workshopControlDocName(ars!, wid!))!;
	const workshopDate = readWorkshopInfo(control)?.date;
	expect(workshopDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	const fields = readActionFields(board).fields.map((f) => f.title);
	const measures = readMeasures(board).measures.map((measure) => measure.title);
	expect(fields.length).toBeGreaterThan(0);
	expect(measures.length).toBeGreaterThan(0);

	await appServer.stop();
	const handover = page.getByRole('region', { name: 'Ergebnisse mitgeben' });
	await expect(handover.getByRole('button', { name: 'Protokoll als PDF' })).toBeEnabled({
		timeout: 60_000
	});
	expect(await seriousViolations(page), 'workshop page with the hand-over').toEqual([]);
	// Named after the municipality and the day of the workshop.
	const expectedName = reportFileName('Protokoll', HANNOVER.name, workshopDate!);

	const pdf = await save(page, 'Protokoll als PDF');
	expect(pdf.name).toBe(`${expectedName}.pdf`);
	await expect(handover.getByRole('status')).toContainText(
		`„${expectedName}.pdf“ wurde gespeichert`
	);
	const text = squeeze(await pdfText(pdf.bytes));
	for (const title of [...fields, ...measures]) expect(text).toContain(squeeze(title));

	const docx = await save(page, 'Protokoll als Word (DOCX)');
	expect(docx.name).toBe(`${expectedName}.docx`);
	const word = squeeze(xmlText(part(unzipOffice(docx.bytes), 'word/document.xml')));
	for (const title of [...fields, ...measures]) expect(word).toContain(squeeze(title));

	const xlsx = await save(page, 'Maßnahmen und Ergebnisse als Excel (XLSX)');
	expect(xlsx.name).toBe(`${expectedName}.xlsx`);
	const sheets = unzipOffice(xlsx.bytes);
	const cells = squeeze(
		[...sheets.keys()]
			.filter((path) => path === 'xl/sharedStrings.xml' || path.startsWith('xl/worksheets/'))
			.map((path) => xmlText(part(sheets, path)))
			.join(' ')
	);
	for (const title of measures) expect(cells).toContain(squeeze(title));
});

test('the results page saves the Digital-Check report as PDF and Word, opening with the summary in Einfache Sprache', async ({
	page,
	appServer
}) => {
	test.setTimeout(180_000);
	await new KommuneFormPage(page).create(HANNOVER);
	await writeGeneratedRound(appServer, {
		ars: HANNOVER.ars,
		round: 'r2027',
		title: 'Digital-Check 2027',
		respondents: 12,
		seed: 7
	});
	await page.goto(`/kommune/${HANNOVER.ars}/check/r2027/ergebnisse`);
	const report = page.getByRole('region', { name: 'Bericht zum Digital-Check' });
	await expect(report.getByRole('button', { name: 'Bericht als PDF' })).toBeEnabled({
		timeout: 60_000
	});
	expect(await seriousViolations(page), 'results page with the report').toEqual([]);

	const pdf = await save(page, 'Bericht als PDF');
	expect(pdf.name).toBe(
		`${reportFileName('Digital-Check', HANNOVER.name, 'Digital-Check 2027')}.pdf`
	);
	const text = squeeze(await pdfText(pdf.bytes));
	// The summary comes first, before the figures in detail; every dimension of the catalog is named.
	expect(text.indexOf('Das Wichtigste in Einfacher Sprache')).toBeGreaterThanOrEqual(0);
	expect(text.indexOf('Das Wichtigste in Einfacher Sprache')).toBeLessThan(
		text.indexOf('Ergebnis nach Dimensionen')
	);
	for (const dimension of CURRENT_CATALOG.dimensions) expect(text).toContain(dimension.title);

	const docx = await save(page, 'Bericht als Word (DOCX)');
	const word = squeeze(xmlText(part(unzipOffice(docx.bytes), 'word/document.xml')));
	expect(word).toContain('Das Wichtigste in Einfacher Sprache');
	for (const dimension of CURRENT_CATALOG.dimensions) expect(word).toContain(dimension.title);
});

// The sample report rendered and read back as a reader and a screen reader would: the text with
// pdfjs-dist, the structure tree (which text belongs to which tag) and, where poppler-utils is installed
// (CI installs it), pdfinfo and pdffonts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	GERMAN_SPECIAL_CHARACTERS,
	SAMPLE_MEASURE_ROWS,
	sampleImages,
	sampleMeasureTitle,
	sampleReport
} from '../sample-report.fixture';
import { fitWithin, renderPdf } from './render-pdf';

/** One page as read back: its text, and which text sits in which structure element or artifact. */
interface PageReading {
	/** Text items in content order, no-break spaces as plain spaces. */
	items: string[];
	/** Text of each artifact (page furniture, repeated header rows). */
	artifacts: string[];
	/** Structure elements with content on this page: role, alt text and the text they hold. */
	tagged: { role: string; alt?: string; text: string }[];
}

interface StructNode {
	role?: string;
	alt?: string;
	type?: string;
	id?: string;
	children?: StructNode[];
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

async function readPage(pdf: PDFDocumentProxy, pageNumber: number): Promise<PageReading> {
	const page = await pdf.getPage(pageNumber);
	const content = await page.getTextContent({ includeMarkedContent: true });
	const items: string[] = [];
	const artifacts: string[] = [];
	const textOfContent = new Map<string, string>();
	const open: { tag: string; id: string | null; text: string }[] = [];
	for (const item of content.items) {
		if ('str' in item) {
			const text = item.str.replace(/\u00a0/g, ' ');
			if (text.trim() !== '') items.push(text);
			// Items of one marked content are its lines or runs: joined by a space, spaces collapsed.
			for (const marked of open) marked.text += ` ${text}`;
		} else if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
			// pdfjs sets the tag, but its type for marked content leaves it out.
			const { tag } = item as { tag?: string };
			open.push({ tag: tag ?? '', id: item.id ?? null, text: '' });
		} else if (item.type === 'endMarkedContent') {
			const marked = open.pop()!;
			if (marked.tag === 'Artifact') artifacts.push(collapse(marked.text));
			if (marked.id) textOfContent.set(marked.id, marked.text);
		}
	}
	const tagged: PageReading['tagged'] = [];
	const walk = (node: StructNode): string => {
		if (node.type === 'content') return textOfContent.get(node.id!) ?? '';
		const text = (node.children ?? []).map(walk).join('');
		// pdfjs lists elements of other pages too, without their content: those are left out.
		if (node.role && (text.trim() !== '' || node.alt)) {
			tagged.push({ role: node.role, alt: node.alt, text: collapse(text) });
		}
		return text;
	};
	const tree = (await page.getStructTree()) as StructNode | null;
	if (tree) walk(tree);
	return { items, artifacts, tagged };
}

async function readPdf(bytes: Uint8Array) {
	// pdfjs takes ownership of the buffer it is given.
	const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
	const pages: PageReading[] = [];
	for (let number = 1; number <= pdf.numPages; number++) pages.push(await readPage(pdf, number));
	const markInfo = await pdf.getMarkInfo();
	const metadata = await pdf.getMetadata();
	await pdf.destroy();
	return { pages, markInfo, info: metadata.info as Record<string, unknown> };
}

const COLUMN_HEADERS = [
	'Maßnahme',
	'Verantwortlich',
	'Fällig',
	'Budget',
	'Personentage',
	'Abdeckung'
];

/**
 * The pages the measures table spans, worked out by hand from the layout: page 1 is the title page
 * (the sample ends it with a page break); on page 2 the table follows the agenda and holds 14 rows.
 * A4 is 841.89 pt high, the margins take 72 pt each, leaving 697.89 pt. At 9 pt the font's line is
 * 9 × (984 + 316) / 1000 = 11.7 pt; every row has two lines (the title wraps in its column, the
 * responsible's "Fachbereich Bürgerdienste" too), so a row is 2 × 11.7 + 2 × 4 (padding) = 31.4 pt and
 * the repeated header row 11.7 + 8 = 19.7 pt. A later page holds ⌊(697.89 − 19.7) / 31.4⌋ = 21 rows:
 * rows 15–35 on page 3, 36–56 on page 4, 57–60 on page 5.
 */
const TABLE_PAGES = [2, 3, 4, 5];
const PAGE_COUNT = 7;

describe('the sample report as a PDF', () => {
	let bytes: Uint8Array;
	let reading: Awaited<ReturnType<typeof readPdf>>;
	const progress: [number, number][] = [];

	beforeAll(async () => {
		bytes = await renderPdf(sampleReport(), sampleImages(), (done, total) =>
			progress.push([done, total])
		);
		reading = await readPdf(bytes);
	});

	const allText = () => reading.pages.flatMap((page) => page.items).join('\n');
	const allTagged = () => reading.pages.flatMap((page) => page.tagged);

	it('holds the title of every measure and the German special characters as they were written', () => {
		expect(SAMPLE_MEASURE_ROWS).toBe(60);
		const text = allText().replace(/\n/g, ' ');
		for (let index = 0; index < SAMPLE_MEASURE_ROWS; index++) {
			// A title wraps in its column; the reading joins the lines with a space.
			expect(text.replace(/\s+/g, ' ')).toContain(sampleMeasureTitle(index));
		}
		expect(text).toContain(
			`Sonderzeichen: ${GERMAN_SPECIAL_CHARACTERS}; Kosten 1.250,50 € nach § 3.`
		);
		expect(text).toContain('<b>Kein Markup</b> & keine <script>-Ausführung');
	});

	it('is marked as tagged, in German, with the document title shown and the metadata filled', () => {
		expect(reading.markInfo?.Marked).toBe(true);
		expect(reading.info['Title']).toBe('Protokoll des Workshops „Digitale Verwaltung“ – Celle');
		expect(reading.info['Author']).toBe('Kommunalwerkstatt');
		expect(reading.info['Subject']).toBe('Protokoll des Workshops vom 14.03.2027');
		expect(reading.info['CreationDate']).toBe('D:20270314163000Z');
		expect(reading.info['Language']).toBe('de-DE');
		const catalog = new TextDecoder('latin1').decode(bytes);
		expect(catalog).toContain('/DisplayDocTitle true');
		expect(catalog).toContain('<pdfuaid:part>1</pdfuaid:part>');
	});

	it('tags headings, paragraphs, lists, tables with header cells, figures with alt text and captions', () => {
		const tagged = allTagged();
		const texts = (role: string) =>
			tagged.filter((node) => node.role === role).map((node) => node.text);
		expect(texts('H1')).toEqual(['Protokoll: Digitale Verwaltung in Celle']);
		expect(texts('H2')).toEqual(['Tagesordnung', 'Maßnahmen']);
		expect(texts('H3')).toEqual(['Themenspeicher']);
		expect(texts('LBody')).toEqual([
			'Begrüßung',
			'Kartenabfrage',
			'Priorisierung',
			'WLAN im Ratssaal',
			'E-Akte für das Bauamt'
		]);
		expect(texts('Lbl')).toEqual(['1.', '2.', '3.', '•', '•']);
		// The header row is tagged once, on the page where the table starts; the facts name their rows.
		const headerCells = texts('TH');
		expect(headerCells.slice(0, 4)).toEqual(['Kommune', 'Datum', 'Ort', 'Teilnehmende']);
		expect(headerCells.slice(4, 10)).toEqual(COLUMN_HEADERS);
		expect(headerCells.slice(10).map((text) => text.replace(/\s+/g, ' '))).toEqual(
			Array.from({ length: SAMPLE_MEASURE_ROWS }, (_, index) => sampleMeasureTitle(index))
		);
		expect(texts('Caption')).toEqual([
			'Eckdaten des Workshops',
			'Maßnahmen mit Verantwortlichen und Budget',
			'Nutzen und Aufwand der Themen',
			'Reifegrad je Dimension',
			'Foto: Flipchart Kartenabfrage'
		]);
		expect(tagged.filter((node) => node.role === 'Figure').map((node) => node.alt)).toEqual([
			'Matrix mit drei Themen: „E-Akte“ hat hohen Nutzen und geringen Aufwand.',
			'Netzdiagramm mit drei Dimensionen; Ist-Werte zwischen 30 und 70, Ziel 80.',
			'Flipchart mit den Ergebnissen der Kartenabfrage'
		]);
		expect(texts('Table').length).toBeGreaterThanOrEqual(2);
	});

	it('writes numbers, dates and missing values in table cells the German way', () => {
		const cells = allTagged()
			.filter((node) => node.role === 'TD')
			.map((node) => node.text.trim());
		// Row 2 of the measures (index 1) by hand: due 2027-02-28, 1000 + 250.5 €, 0.5 days, 1 %.
		const second = cells.indexOf('Fachbereich Bürgerdienste');
		expect(cells.slice(second, second + 5)).toEqual([
			'Fachbereich Bürgerdienste',
			'28.02.2027',
			'1.250,50 €',
			'0,5',
			'1 %'
		]);
		// Row 1 has nobody responsible.
		expect(cells.slice(4, 6)).toEqual(['–', '28.01.2027']);
	});

	it('repeats the column headers at the top of every page the measures table runs onto', () => {
		const pagesWithHeader = reading.pages
			.map((page, index) => ({ page: index + 1, items: page.items }))
			.filter(({ items }) => COLUMN_HEADERS.every((header) => items.includes(header)))
			.map(({ page }) => page);
		expect(pagesWithHeader).toEqual(TABLE_PAGES);
		const pagesWithRows = reading.pages
			.map((page, index) => ({ page: index + 1, text: page.items.join(' ') }))
			.filter(({ text }) => /Maßnahme \d+:/.test(text))
			.map(({ page }) => page);
		expect(pagesWithRows).toEqual(TABLE_PAGES);
		// After the break the header is page furniture: an artifact, not a second header row.
		for (const page of TABLE_PAGES.slice(1)) {
			expect(reading.pages[page - 1]!.artifacts).toEqual(expect.arrayContaining(COLUMN_HEADERS));
		}
	});

	it('numbers every page and repeats the title above every page but the first, as artifacts', () => {
		expect(reading.pages).toHaveLength(PAGE_COUNT);
		reading.pages.forEach((page, index) => {
			expect(page.artifacts).toContain(`Seite ${index + 1} von ${PAGE_COUNT}`);
			const runningTitle = page.artifacts.includes(
				'Protokoll des Workshops „Digitale Verwaltung“ – Celle'
			);
			expect(runningTitle, `running title on page ${index + 1}`).toBe(index > 0);
			expect(page.tagged.some((node) => node.text.includes('Seite'))).toBe(false);
		});
	});

	it('reports its progress once per block, up to the number of blocks', () => {
		const total = sampleReport().blocks.length;
		expect(progress).toEqual(Array.from({ length: total }, (_, index) => [index + 1, total]));
	});

	// poppler-utils is a prerequisite (README): without pdfinfo this fails rather than passing unseen.
	it('is "Tagged: yes" for pdfinfo and has every font embedded for pdffonts', () => {
		const dir = mkdtempSync(join(tmpdir(), 'render-pdf-'));
		try {
			const file = join(dir, 'sample.pdf');
			writeFileSync(file, bytes);
			const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
			expect(info.error, 'pdfinfo (poppler-utils) is installed').toBeUndefined();
			expect(info.stdout).toMatch(/^Tagged:\s+yes$/m);
			expect(info.stdout).toMatch(new RegExp(`^Pages:\\s+${PAGE_COUNT}$`, 'm'));
			const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' });
			// Name, type and encoding, then the "emb" column.
			const rows = fonts.stdout.trim().split('\n').slice(2);
			expect(rows.length).toBe(2);
			for (const row of rows) expect(row).toMatch(/Identity-H\s+yes\s+yes\s+yes/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('a report whose photo is missing', () => {
	it('says so with the photo’s alternative text instead of an empty figure', async () => {
		const sample = sampleReport();
		const photoOnly = {
			...sample,
			blocks: sample.blocks.filter((block) => block.kind === 'image')
		};
		const reading = await readPdf(await renderPdf(photoOnly, new Map()));
		const text = reading.pages.flatMap((page) => page.items).join(' ');
		expect(text).toContain('Foto nicht verfügbar: Flipchart mit den Ergebnissen der Kartenabfrage');
		const figures = reading.pages.flatMap((page) => page.tagged).filter((n) => n.role === 'Figure');
		expect(figures.map((figure) => figure.alt)).not.toContain(
			'Flipchart mit den Ergebnissen der Kartenabfrage'
		);
	});
});

describe('a table of many columns', () => {
	it('keeps every word whole where the columns can be sized to fit it', async () => {
		// The full day's agenda: seven narrow columns beside the block's title and its method.
		const report = {
			...sampleReport(),
			blocks: [
				{
					kind: 'table' as const,
					caption: 'Tagesordnung',
					sheetName: 'Tagesordnung',
					columns: [
						{ header: 'Nr.', format: 'integer' as const, width: 0.5 },
						{ header: 'Block', width: 3 },
						{ header: 'Methode', width: 1.5 },
						{ header: 'Beginn (Plan)' },
						{ header: 'Ende (Plan)' },
						{ header: 'Minuten', format: 'integer' as const },
						{ header: 'Beginn (tatsächlich)' },
						{ header: 'Ende (tatsächlich)' }
					],
					rows: [
						[
							5,
							'Priorisierung der Ideen',
							'Nutzen-Aufwand-Matrix',
							'11:00',
							'11:45',
							45,
							null,
							null
						]
					]
				}
			]
		};
		const reading = await readPdf(await renderPdf(report, new Map()));
		const cells = reading.pages[0]!.tagged.filter((node) => node.role === 'TD').map((n) => n.text);
		expect(cells).toContain('Nutzen-Aufwand-Matrix');
		const headers = reading.pages[0]!.tagged.filter((node) => node.role === 'TH').map(
			(n) => n.text
		);
		expect(headers).toContain('Beginn (tatsächlich)');
	});

	it('breaks a word only when the page cannot hold every column’s longest word', async () => {
		const long = 'Digitalisierungsstrategieentwicklung';
		const report = {
			...sampleReport(),
			blocks: [
				{
					kind: 'table' as const,
					caption: 'Zu breit',
					sheetName: 'Zu breit',
					columns: Array.from({ length: 8 }, (_, index) => ({ header: `Spalte ${index + 1}` })),
					rows: [Array.from({ length: 8 }, () => long)]
				}
			]
		};
		const reading = await readPdf(await renderPdf(report, new Map()));
		const items = reading.pages.flatMap((page) => page.items);
		// Eight 36-letter words cannot stand side by side on 481 pt: each is broken, none is lost.
		expect(items).not.toContain(long);
		const cells = reading.pages.flatMap((p) => p.tagged).filter((node) => node.role === 'TD');
		expect(cells).toHaveLength(8);
	});
});

describe('column widths that cannot all fit', () => {
	it('are kept when they fit, else the widest are cut to one width that fills the page', () => {
		expect(fitWithin([10, 50, 30], 100)).toEqual([10, 50, 30]);
		// 10 fits under 100 / 3; the other two share 100 − 10 = 90: 45 each.
		expect(fitWithin([10, 50, 100], 100)).toEqual([10, 45, 45]);
		expect(fitWithin([60, 60], 100)).toEqual([50, 50]);
	});
});

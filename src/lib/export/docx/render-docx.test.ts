import { beforeAll, describe, expect, it } from 'vitest';
import {
	SAMPLE_MEASURE_ROWS,
	SAMPLE_PHOTO_PNG,
	sampleImages,
	sampleMeasureTitle,
	sampleReport
} from '../sample-report.fixture';
import { attributes, elements, part, textOf, unzipOffice } from '../office-test-support';
import { renderDocx } from './render-docx';

let parts: Map<string, Uint8Array>;
let documentXml: string;
let paragraphs: { style: string | undefined; text: string }[];

beforeAll(async () => {
	parts = unzipOffice(await renderDocx(sampleReport(), sampleImages()));
	documentXml = part(parts, 'word/document.xml');
	paragraphs = elements(documentXml, 'w:p').map((p) => ({
		style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1],
		text: textOf(p)
	}));
});

const tableRows = (table: string) =>
	elements(table, 'w:tr').map((row) => elements(row, 'w:tc').map((cell) => textOf(cell)));

describe('the protocol as a Word file', () => {
	it('marks its headings with Word heading styles, so the navigation pane lists them', () => {
		const headings = paragraphs.filter((p) => p.style?.startsWith('Heading'));
		expect(headings).toEqual([
			{ style: 'Heading1', text: 'Protokoll: Digitale Verwaltung in Celle' },
			{ style: 'Heading2', text: 'Tagesordnung' },
			{ style: 'Heading3', text: 'Themenspeicher' },
			{ style: 'Heading2', text: 'Maßnahmen' }
		]);
	});

	it('repeats the measures table’s header row on every page, and marks no other row so', () => {
		const tables = elements(documentXml, 'w:tbl');
		const measures = tables.find((table) => textOf(table).includes(sampleMeasureTitle(0)))!;
		const rows = elements(measures, 'w:tr');
		expect(rows).toHaveLength(SAMPLE_MEASURE_ROWS + 1);
		expect(rows[0]).toContain('<w:tblHeader/>');
		expect(tableRows(measures)[0]).toEqual([
			'Maßnahme',
			'Verantwortlich',
			'Fällig',
			'Budget',
			'Personentage',
			'Abdeckung'
		]);
		expect(documentXml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
	});

	it('holds every measure’s title in order, with its cells written the German way', () => {
		const measures = elements(documentXml, 'w:tbl').find((table) =>
			textOf(table).includes(sampleMeasureTitle(0))
		)!;
		const rows = tableRows(measures).slice(1);
		expect(rows.map((row) => row[0])).toEqual(
			Array.from({ length: SAMPLE_MEASURE_ROWS }, (_, i) => sampleMeasureTitle(i))
		);
		// Row 1 (index 0): nobody responsible; row 2 (index 1): 1000 + 250.5 €, 0.5 days, 1 %.
		expect(rows[0]).toEqual([
			sampleMeasureTitle(0),
			'–',
			'28.01.2027',
			'1.000,00\u00a0€',
			'0,0',
			'0\u00a0%'
		]);
		expect(rows[1]).toEqual([
			sampleMeasureTitle(1),
			'Fachbereich Bürgerdienste',
			'28.02.2027',
			'1.250,50\u00a0€',
			'0,5',
			'1\u00a0%'
		]);
	});

	it('gives the facts as a two-column table, labels in bold', () => {
		const facts = elements(documentXml, 'w:tbl').find((table) =>
			textOf(table).includes('Stadt Celle')
		)!;
		expect(tableRows(facts)).toEqual([
			['Kommune', 'Stadt Celle'],
			['Datum', '14.03.2027'],
			['Ort', 'Rathaus, Großer Sitzungssaal'],
			['Teilnehmende', '12 (Verwaltung 8, Politik 2, Bürgerschaft 2)']
		]);
		const firstLabel = elements(elements(facts, 'w:tc')[0]!, 'w:r')[0]!;
		expect(firstLabel).toContain('<w:b/>');
	});

	it('says every run is German, and so do the styles for text typed later in Word', () => {
		const runs = elements(documentXml, 'w:r').filter((r) => r.includes('<w:t'));
		expect(runs.length).toBeGreaterThan(SAMPLE_MEASURE_ROWS * 6);
		expect(runs.filter((r) => !r.includes('<w:lang w:val="de-DE"/>'))).toEqual([]);
		const defaults = elements(part(parts, 'word/styles.xml'), 'w:docDefaults')[0]!;
		expect(defaults).toContain('<w:lang w:val="de-DE"/>');
	});

	it('describes both charts and the photo for screen readers, and captions them', () => {
		const drawings = elements(documentXml, 'wp:docPr').map((docPr) => {
			const { descr, title } = attributes(docPr);
			return { descr, title };
		});
		expect(drawings).toEqual([
			{
				title: 'Nutzen und Aufwand der Themen',
				descr: 'Matrix mit drei Themen: „E-Akte“ hat hohen Nutzen und geringen Aufwand.'
			},
			{
				title: 'Reifegrad je Dimension',
				descr: 'Netzdiagramm mit drei Dimensionen; Ist-Werte zwischen 30 und 70, Ziel 80.'
			},
			{
				title: 'Foto: Flipchart Kartenabfrage',
				descr: 'Flipchart mit den Ergebnissen der Kartenabfrage'
			}
		]);
		const captions = paragraphs.filter((p) => p.style === 'Caption').map((p) => p.text);
		expect(captions).toEqual([
			'Eckdaten des Workshops',
			'Maßnahmen mit Verantwortlichen und Budget',
			'Nutzen und Aufwand der Themen',
			'Reifegrad je Dimension',
			'Foto: Flipchart Kartenabfrage'
		]);
	});

	it('draws the charts from their figures: the matrix’s items and quadrants, the radar’s axes', () => {
		const matrix = part(parts, 'word/charts/chart1.xml');
		expect(matrix).toContain('<c:scatterChart>');
		const matrixLabels = elements(matrix, 'c:dLbl').map((label) => textOf(label, 'a:t'));
		expect(matrixLabels).toEqual([
			'Quick Win',
			'Großes Projekt',
			'Lückenfüller',
			'Zeitfresser',
			'E-Akte',
			'WLAN',
			'Formulare'
		]);
		const radar = part(parts, 'word/charts/chart2.xml');
		expect(radar).toContain('<c:radarChart>');
		const names = elements(radar, 'c:tx').map((tx) => textOf(tx, 'c:v'));
		expect(names).toEqual(['Ist', 'Ziel']);
		const categories = elements(elements(radar, 'c:cat')[0]!, 'c:v').map((v) => textOf(v, 'c:v'));
		expect(categories).toEqual(['Strategie', 'Prozesse', 'Infrastruktur']);
	});

	it('says the charts’ labels and titles are German too', () => {
		for (const path of ['word/charts/chart1.xml', 'word/charts/chart2.xml']) {
			const chart = part(parts, path);
			expect(chart).toContain('<c:lang val="de-DE"/>');
			expect(chart).toContain('lang="de-DE"');
			expect(chart).not.toContain('en-US');
		}
	});

	it('embeds the photo’s bytes as they were given', () => {
		const media = [...parts.entries()].filter(([path]) => path.startsWith('word/media/'));
		expect(media.map(([, bytes]) => bytes)).toEqual([SAMPLE_PHOTO_PNG]);
	});

	it('writes user text that looks like markup as text, never as XML', () => {
		const note = paragraphs.find((p) => p.text.includes('Kein Markup'))!;
		expect(note.text).toBe('<b>Kein Markup</b> & keine <script>-Ausführung');
		expect(documentXml).toContain('&lt;b&gt;Kein Markup&lt;/b&gt; &amp; keine &lt;script&gt;');
		expect(documentXml).not.toContain('<script');
		expect(documentXml).not.toContain('<b>');
	});

	it('shows the special characters German needs unchanged', () => {
		expect(paragraphs.map((p) => p.text)).toContain(
			'Sonderzeichen: äöüÄÖÜßẞ„“–…€§; Kosten 1.250,50 € nach § 3.'
		);
	});

	it('numbers the ordered list and bullets the other, each in a list of its own', () => {
		const numbering = part(parts, 'word/numbering.xml');
		expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
		expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
		const listItems = elements(documentXml, 'w:p')
			.filter((p) => p.includes('<w:numPr>'))
			.map((p) => ({ numId: /<w:numId w:val="(\d+)"\/>/.exec(p)![1], text: textOf(p) }));
		expect(listItems.map((item) => item.text)).toEqual([
			'Begrüßung',
			'Kartenabfrage',
			'Priorisierung',
			'WLAN im Ratssaal',
			'E-Akte für das Bauamt'
		]);
		expect(new Set(listItems.slice(0, 3).map((item) => item.numId)).size).toBe(1);
		expect(listItems[3]!.numId).not.toBe(listItems[0]!.numId);
	});

	it('starts the agenda on a new page and numbers the pages in the footer', () => {
		const breakAt = elements(documentXml, 'w:p').findIndex((p) => p.includes('w:type="page"'));
		expect(paragraphs[breakAt + 1]!.text).toBe('Tagesordnung');
		const footer = part(parts, 'word/footer1.xml');
		expect(textOf(footer)).toBe('Seite  von ');
		expect(elements(footer, 'w:instrText').map((field) => textOf(field, 'w:instrText'))).toEqual([
			'PAGE',
			'NUMPAGES'
		]);
	});

	it('names title, subject, author and the time the protocol was made in the file’s properties', () => {
		const core = part(parts, 'docProps/core.xml');
		expect(textOf(core, 'dc:title')).toBe('Protokoll des Workshops „Digitale Verwaltung“ – Celle');
		expect(textOf(core, 'dc:subject')).toBe('Protokoll des Workshops vom 14.03.2027');
		expect(textOf(core, 'dc:creator')).toBe('Kommunalwerkstatt');
		expect(textOf(core, 'dcterms:created')).toBe('2027-03-14T16:30:00Z');
	});
});

describe('a photo whose bytes are not on this device', () => {
	it('stands in its alternative text and embeds nothing', async () => {
		const missing = unzipOffice(await renderDocx(sampleReport(), new Map()));
		const text = elements(part(missing, 'word/document.xml'), 'w:p').map((p) => textOf(p));
		expect(text).toContain(
			'[Foto nicht verfügbar: Flipchart mit den Ergebnissen der Kartenabfrage]'
		);
		expect([...missing.keys()].filter((path) => path.startsWith('word/media/'))).toEqual([]);
	});
});

describe('progress while the Word file is made', () => {
	it('counts every block and the packing, and ends at the total', async () => {
		const doc = sampleReport();
		const calls: [number, number][] = [];
		await renderDocx(doc, sampleImages(), (done, total) => calls.push([done, total]));
		const total = doc.blocks.length + 1;
		expect(calls).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
	});
});

// One hand-made document with every kind of block, for the renderers' tests and the benchmark: German
// characters a file must show (ä ö ü Ä Ö Ü ß ẞ „ “ – … € §), user text that looks like markup, a table
// long enough to run onto further pages (its header must repeat there), both chart kinds and a photo.
import type { ReportDocument, ReportImages } from '../domain/documents/report-document';

/** Every character the app can print that a font might lack; the font test checks each. */
export const GERMAN_SPECIAL_CHARACTERS = 'äöüÄÖÜßẞ„“–…€§';

/** A 1 × 1 px red PNG: the smallest real image, for the photo block. */
export const SAMPLE_PHOTO_PNG = Uint8Array.from(
	atob(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='
	),
	(c) => c.charCodeAt(0)
);
export const SAMPLE_PHOTO_SHA256 = 'sample-photo-sha256';

export const SAMPLE_MEASURE_ROWS = 60;

export function sampleMeasureTitle(index: number): string {
	return `Maßnahme ${index + 1}: Bürgerservice „digital“ – Straßenverkehrsamt`;
}

export function sampleReport(): ReportDocument {
	return {
		title: 'Protokoll des Workshops „Digitale Verwaltung“ – Celle',
		subject: 'Protokoll des Workshops vom 14.03.2027',
		language: 'de-DE',
		fileName: 'Protokoll-Celle-2027-03-14',
		author: 'Kommunalwerkstatt',
		createdAt: '2027-03-14T16:30:00.000Z',
		blocks: [
			{ kind: 'heading', level: 1, text: 'Protokoll: Digitale Verwaltung in Celle' },
			{
				kind: 'facts',
				caption: 'Eckdaten des Workshops',
				items: [
					{ label: 'Kommune', value: 'Stadt Celle' },
					{ label: 'Datum', value: '14.03.2027' },
					{ label: 'Ort', value: 'Rathaus, Großer Sitzungssaal' },
					{ label: 'Teilnehmende', value: '12 (Verwaltung 8, Politik 2, Bürgerschaft 2)' }
				]
			},
			{ kind: 'pageBreak' },
			{ kind: 'heading', level: 2, text: 'Tagesordnung' },
			{
				kind: 'paragraph',
				text: `Sonderzeichen: ${GERMAN_SPECIAL_CHARACTERS}; Kosten 1.250,50 € nach § 3.`
			},
			{ kind: 'paragraph', text: '<b>Kein Markup</b> & keine <script>-Ausführung', style: 'note' },
			{ kind: 'list', ordered: true, items: ['Begrüßung', 'Kartenabfrage', 'Priorisierung'] },
			{ kind: 'heading', level: 3, text: 'Themenspeicher' },
			{ kind: 'list', ordered: false, items: ['WLAN im Ratssaal', 'E-Akte für das Bauamt'] },
			{ kind: 'heading', level: 2, text: 'Maßnahmen' },
			{
				kind: 'table',
				caption: 'Maßnahmen mit Verantwortlichen und Budget',
				sheetName: 'Maßnahmen',
				rowHeaders: true,
				columns: [
					{ header: 'Maßnahme', width: 3 },
					{ header: 'Verantwortlich', width: 2 },
					{ header: 'Fällig', format: 'date' },
					{ header: 'Budget', format: 'euro' },
					{ header: 'Personentage', format: 'decimal1' },
					{ header: 'Abdeckung', format: 'percent' }
				],
				rows: Array.from({ length: SAMPLE_MEASURE_ROWS }, (_, i) => [
					sampleMeasureTitle(i),
					i % 3 === 0 ? null : 'Fachbereich Bürgerdienste',
					`2027-${String((i % 12) + 1).padStart(2, '0')}-28`,
					1000 + i * 250.5,
					i / 2,
					(i % 101) / 100
				])
			},
			{
				kind: 'chart',
				caption: 'Nutzen und Aufwand der Themen',
				alt: 'Matrix mit drei Themen: „E-Akte“ hat hohen Nutzen und geringen Aufwand.',
				chart: {
					kind: 'matrix',
					xLabel: 'Aufwand',
					yLabel: 'Nutzen',
					min: 1,
					max: 5,
					centre: 3,
					quadrants: {
						topLeft: 'Quick Win',
						topRight: 'Großes Projekt',
						bottomLeft: 'Lückenfüller',
						bottomRight: 'Zeitfresser'
					},
					points: [
						{ label: 'E-Akte', x: 1.5, y: 4.5 },
						{ label: 'WLAN', x: 4, y: 4 },
						{ label: 'Formulare', x: 2, y: 2 }
					]
				}
			},
			{
				kind: 'chart',
				caption: 'Reifegrad je Dimension',
				alt: 'Netzdiagramm mit drei Dimensionen; Ist-Werte zwischen 30 und 70, Ziel 80.',
				chart: {
					kind: 'radar',
					max: 100,
					axes: ['Strategie', 'Prozesse', 'Infrastruktur'],
					series: [
						{ label: 'Ist', values: [30, 70, null] },
						{ label: 'Ziel', values: [80, 80, 80], dashed: true }
					]
				}
			},
			{
				kind: 'image',
				sha256: SAMPLE_PHOTO_SHA256,
				mediaType: 'image/png',
				alt: 'Flipchart mit den Ergebnissen der Kartenabfrage',
				caption: 'Foto: Flipchart Kartenabfrage',
				width: 1,
				height: 1
			}
		]
	};
}

export function sampleImages(): ReportImages {
	return new Map([[SAMPLE_PHOTO_SHA256, SAMPLE_PHOTO_PNG]]);
}

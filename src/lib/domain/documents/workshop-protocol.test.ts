import { describe, expect, it } from 'vitest';
import type { Measure } from '../measures/measure';
import { measureFixture } from '../measures/measure.fixture';
import type { ReportBlock, ReportChartBlock, ReportDocument, ReportTable } from './report-document';
import {
	buildWorkshopProtocol,
	facilitatorNames,
	type ProtocolBlock,
	type ProtocolInput
} from './workshop-protocol';

function measure(fields: Partial<Measure> & Pick<Measure, 'id' | 'title' | 'order'>): Measure {
	return measureFixture(fields.id, {
		actionFieldId: 'hf.prozesse',
		dimensions: ['prozesse'],
		createdAt: 1,
		...fields
	});
}

const block = (fields: Partial<ProtocolBlock> & Pick<ProtocolBlock, 'id' | 'title'>) => ({
	method: 'diskussion' as const,
	question: null,
	startsAt: 9 * 60,
	endsAt: 9 * 60 + 30,
	durationMinutes: 30,
	actualStart: null,
	actualEnd: null,
	groups: [],
	ungrouped: [],
	notes: [],
	...fields
});

/**
 * A small day by hand: a Kartenabfrage with three cards in two groups (one card with a duplicate
 * merged into it), a Punktabfrage over the groups, a matrix with one Quick Win, one Handlungsfeld with
 * two measures of which the second has no owner.
 */
function smallDay(): ProtocolInput {
	return {
		municipalityName: 'Celle',
		workshop: { title: 'Digitalstrategie 2027', date: '2027-03-14', place: 'Rathaus Celle' },
		facilitators: ['Anna Schmidt', 'Ben Meier'],
		participants: [
			{ role: 'teilnahme', count: 12 },
			{ role: 'moderation', count: 2 }
		],
		blocks: [
			block({
				id: 'k',
				title: 'Was hindert uns?',
				method: 'kartenabfrage',
				question: 'Was hindert uns heute?',
				startsAt: 9 * 60,
				endsAt: 9 * 60 + 30,
				durationMinutes: 30,
				actualStart: 9 * 60 + 7,
				actualEnd: 9 * 60 + 41,
				groups: [
					{
						name: 'Technik',
						cards: [
							{ text: 'Kein WLAN', merged: 1 },
							{ text: 'Alte Rechner', merged: 0 }
						]
					},
					{ name: 'Personal', cards: [{ text: 'Zu wenig Personal', merged: 0 }] }
				],
				notes: [
					{ kind: 'protocol', text: 'Lebhafte Runde.' },
					{ kind: 'parking', text: 'Datenschutz klären' },
					{ kind: 'decision', text: 'WLAN hat Vorrang.' }
				]
			}),
			block({
				id: 'p',
				title: 'Punkte vergeben',
				method: 'punktabfrage',
				startsAt: 9 * 60 + 30,
				endsAt: 9 * 60 + 50,
				durationMinutes: 20,
				// Started when the cards ended, still running when the protocol was made.
				actualStart: 9 * 60 + 41
			}),
			block({
				id: 'm',
				title: 'Nutzen und Aufwand',
				method: 'matrix',
				startsAt: 9 * 60 + 50,
				endsAt: 10 * 60 + 20,
				durationMinutes: 30
			})
		],
		votes: [
			{
				blockId: 'p',
				blockTitle: 'Punkte vergeben',
				revealed: true,
				rules: { dotsPerPerson: 5, maxPerItem: 2 },
				results: [
					{ label: 'Technik', count: 7, rank: 1 },
					{ label: 'Personal', count: 3, rank: 2 },
					{ label: 'Sonstiges', count: 0, rank: 3 }
				]
			}
		],
		matrices: [
			{
				blockId: 'm',
				blockTitle: 'Nutzen und Aufwand',
				items: [{ label: 'Technik', impact: 4, effort: 2, ratings: 3, quadrant: 'quick_win' }]
			}
		],
		actionFields: [
			{
				id: 'hf.prozesse',
				title: 'Digitale Verwaltung',
				dimensions: ['prozesse'],
				order: 'a0',
				createdAt: 1
			}
		],
		measures: [
			measure({
				id: 'm2',
				title: 'WLAN im Rathaus',
				order: 'a1',
				due: '2027-Q2',
				indicator: 'Abdeckung',
				target: 'alle Räume',
				quickWin: true
			}),
			measure({
				id: 'm1',
				title: 'E-Akte einführen',
				description: 'Erst im Bauamt.',
				order: 'a0',
				owner: 'Hauptamt',
				start: '2027-Q1',
				due: '2027-Q4',
				budgetEur: 50_000,
				staffDays: 20.5,
				indicator: 'Anteil digitaler Akten',
				target: '80 %'
			})
		],
		photos: [],
		createdAt: '2027-03-14T16:00:00.000Z'
	};
}

const headings = (doc: ReportDocument) =>
	doc.blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.level} ${b.text}`] : []));
const tables = (doc: ReportDocument) =>
	doc.blocks.filter((b): b is ReportTable => b.kind === 'table');
const table = (doc: ReportDocument, sheet: string) =>
	tables(doc).find((t) => t.sheetName === sheet)!;
/** The blocks between a heading and the next heading of the same or a higher level. */
function section(doc: ReportDocument, text: string): ReportBlock[] {
	const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === text);
	const level = (doc.blocks[start] as { level: number }).level;
	const end = doc.blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= level);
	return doc.blocks.slice(start + 1, end < 0 ? undefined : end);
}
const texts = (blocks: ReportBlock[]) =>
	blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : []));

describe('the workshop protocol of a small day built by hand', () => {
	const doc = buildWorkshopProtocol(smallDay());

	it('has the title page, then the agenda, each block, votes, matrix, fields, SMART, roadmap and next steps in that order', () => {
		expect(headings(doc)).toEqual([
			'1 Protokoll: Digitalstrategie 2027',
			'2 Tagesordnung',
			'2 Ablauf und Ergebnisse der Blöcke',
			'3 1. Was hindert uns?',
			'3 2. Punkte vergeben',
			'3 3. Nutzen und Aufwand',
			'2 Ergebnisse der Punktabfrage',
			'3 Punkte vergeben',
			'2 Nutzen-Aufwand-Matrix',
			'3 Nutzen und Aufwand',
			'2 Handlungsfelder und Maßnahmen',
			'3 Digitale Verwaltung',
			'2 SMART-Prüfung der Maßnahmen',
			'2 Roadmap nach Quartalen',
			'2 Nächste Schritte'
		]);
		expect(doc.blocks[2]).toEqual({ kind: 'paragraph', text: expect.any(String), style: 'note' });
		expect(doc.blocks[3]).toEqual({ kind: 'pageBreak' });
	});

	it('names the file, title and subject after the municipality and the day', () => {
		expect(doc.fileName).toBe('Protokoll-Celle-2027-03-14');
		expect(doc.title).toBe('Protokoll: Digitalstrategie 2027');
		expect(doc.subject).toBe('Protokoll des Workshops der Kommune Celle vom 14.03.2027');
		expect(doc.language).toBe('de-DE');
		expect(doc.createdAt).toBe('2027-03-14T16:00:00.000Z');
	});

	it('gives the title page facts with the facilitators named and the people counted by role', () => {
		const facts = doc.blocks.find((b) => b.kind === 'facts');
		expect(facts).toEqual({
			kind: 'facts',
			caption: 'Angaben zum Workshop',
			items: [
				{ label: 'Kommune', value: 'Celle' },
				{ label: 'Workshop', value: 'Digitalstrategie 2027' },
				{ label: 'Datum', value: '14.03.2027' },
				{ label: 'Ort', value: 'Rathaus Celle' },
				{ label: 'Moderation', value: 'Anna Schmidt, Ben Meier' },
				{ label: 'Teilnehmende', value: '12 Teilnehmende, 2 Personen in der Moderation' }
			]
		});
	});

	it('counts one person of a role in words and leaves a role without anyone out', () => {
		const day = smallDay();
		day.facilitators = ['Anna Schmidt'];
		day.participants = [
			{ role: 'teilnahme', count: 1 },
			{ role: 'moderation', count: 1 }
		];
		const facts = buildWorkshopProtocol(day).blocks.find((b) => b.kind === 'facts');
		expect(facts).toMatchObject({
			items: expect.arrayContaining([
				{ label: 'Teilnehmende', value: 'eine teilnehmende Person, eine Person in der Moderation' }
			])
		});
		day.participants = [
			{ role: 'teilnahme', count: 0 },
			{ role: 'moderation', count: 1 }
		];
		expect(buildWorkshopProtocol(day).blocks.find((b) => b.kind === 'facts')).toMatchObject({
			items: expect.arrayContaining([
				{ label: 'Teilnehmende', value: 'eine Person in der Moderation' }
			])
		});
	});

	it('lists the agenda with planned and actual start and end of every block', () => {
		const agenda = table(doc, 'Tagesordnung');
		expect(agenda.columns.map((column) => column.header)).toEqual([
			'Nr.',
			'Block',
			'Methode',
			'Beginn (Plan)',
			'Ende (Plan)',
			'Minuten',
			'Beginn (tatsächlich)',
			'Ende (tatsächlich)'
		]);
		expect(agenda.rows).toEqual([
			[1, 'Was hindert uns?', 'Kartenabfrage', '09:00', '09:30', 30, '09:07', '09:41'],
			[2, 'Punkte vergeben', 'Punktabfrage', '09:30', '09:50', 20, '09:41', null],
			[3, 'Nutzen und Aufwand', 'Nutzen-Aufwand-Matrix', '09:50', '10:20', 30, null, null]
		]);
	});

	it('shows the cards by group, merged duplicates counted, then decisions, Themenspeicher and notes', () => {
		expect(texts(section(doc, '1. Was hindert uns?'))).toEqual([
			'Geplant 09:00 bis 09:30 Uhr, tatsächlich 09:07 bis 09:41 Uhr.',
			'Frage: Was hindert uns heute?',
			'3 Karten wurden geschrieben.',
			'Gruppe „Technik“ (2)',
			'Kein WLAN (+1 gleiche Karte)',
			'Alte Rechner',
			'Gruppe „Personal“ (1)',
			'Zu wenig Personal',
			'Entscheidungen',
			'WLAN hat Vorrang.',
			'Themenspeicher',
			'Datenschutz klären',
			'Protokollnotizen',
			'Lebhafte Runde.'
		]);
		// Blocks that collect no cards say nothing about cards.
		expect(texts(section(doc, '2. Punkte vergeben'))).toEqual([
			'Geplant 09:30 bis 09:50 Uhr, begonnen um 09:41 Uhr.'
		]);
		expect(texts(section(doc, '3. Nutzen und Aufwand'))[0]).toBe('Geplant 09:50 bis 10:20 Uhr.');
	});

	it('says that there are no photos, and that a Kartenabfrage without cards has none', () => {
		expect(texts(section(doc, 'Ablauf und Ergebnisse der Blöcke'))).toContain(
			'Zu diesem Workshop wurden keine Fotos aufgenommen.'
		);
		const empty = smallDay();
		empty.blocks[0] = { ...empty.blocks[0]!, groups: [], ungrouped: [], notes: [] };
		expect(texts(section(buildWorkshopProtocol(empty), '1. Was hindert uns?'))).toEqual([
			'Geplant 09:00 bis 09:30 Uhr, tatsächlich 09:07 bis 09:41 Uhr.',
			'Frage: Was hindert uns heute?',
			'Zu diesem Block wurden keine Karten geschrieben.'
		]);
	});

	it('puts a photo under its block with its alt text, and one of an unknown block under further photos', () => {
		const day = smallDay();
		day.photos = [
			{
				blockId: 'k',
				sha256: 'a'.repeat(64),
				mediaType: 'image/jpeg',
				alt: '',
				caption: 'Pinnwand'
			},
			{
				blockId: 'gone',
				sha256: 'b'.repeat(64),
				mediaType: 'image/png',
				alt: 'Flipchart',
				caption: ''
			}
		];
		const withPhotos = buildWorkshopProtocol(day);
		expect(section(withPhotos, '1. Was hindert uns?').filter((b) => b.kind === 'image')).toEqual([
			{
				kind: 'image',
				sha256: 'a'.repeat(64),
				mediaType: 'image/jpeg',
				alt: 'Foto aus dem Block „Was hindert uns?“',
				caption: 'Pinnwand'
			}
		]);
		expect(section(withPhotos, 'Weitere Fotos').filter((b) => b.kind === 'image')).toHaveLength(1);
		expect(texts(section(withPhotos, 'Ablauf und Ergebnisse der Blöcke'))).not.toContain(
			'Zu diesem Workshop wurden keine Fotos aufgenommen.'
		);
	});

	it('tabulates the vote by rank for the sheet "Abstimmung", counting entries without a dot', () => {
		const vote = table(doc, 'Abstimmung');
		expect(vote.columns.map((c) => c.header)).toEqual(['Rang', 'Eintrag', 'Punkte']);
		expect(vote.rows).toEqual([
			[1, 'Technik', 7],
			[2, 'Personal', 3]
		]);
		expect(texts(section(doc, 'Punkte vergeben'))).toEqual([
			'Jede Person hatte 5 Punkte, höchstens 2 je Eintrag.',
			'Ein weiterer Eintrag erhielt keinen Punkt.'
		]);
	});

	it('draws the matrix item as a Quick Win (little effort to the left, much impact up) and tabulates it', () => {
		const chart = doc.blocks.find((b): b is ReportChartBlock => b.kind === 'chart')!;
		expect(chart.chart).toMatchObject({
			kind: 'matrix',
			xLabel: 'Aufwand',
			yLabel: 'Nutzen',
			min: 1,
			max: 5,
			centre: 3,
			quadrants: { topLeft: 'Quick Win' },
			points: [{ label: 'Technik', x: 2, y: 4 }]
		});
		expect(chart.alt).toBe(
			'Matrix mit einem bewerteten Eintrag, Nutzen von unten nach oben, Aufwand von links nach rechts: 1 Quick Win.'
		);
		expect(table(doc, 'Matrix').rows).toEqual([['Technik', 4, 2, 'Quick Win', 3]]);
	});

	it('lists the Handlungsfeld with its dimension and its measures in their order', () => {
		expect(texts(section(doc, 'Digitale Verwaltung'))).toEqual([
			'Dimensionen des Digital-Checks: Prozesse & Organisation.',
			'E-Akte einführen: Erst im Bauamt.',
			'WLAN im Rathaus'
		]);
	});

	it('says in words in the SMART table that the second measure has nobody responsible', () => {
		const smart = table(doc, 'Maßnahmen');
		expect(smart.rows).toEqual([
			[
				'E-Akte einführen',
				'Digitale Verwaltung',
				'Hauptamt',
				'Q1 2027',
				'Q4 2027',
				50_000,
				20.5,
				'Anteil digitaler Akten',
				'80 %',
				'geplant',
				'nein',
				'keine'
			],
			[
				'WLAN im Rathaus',
				'Digitale Verwaltung',
				null,
				null,
				'Q2 2027',
				null,
				null,
				'Abdeckung',
				'alle Räume',
				'geplant',
				'ja',
				'Niemand ist verantwortlich.'
			]
		]);
		expect(texts(section(doc, 'SMART-Prüfung der Maßnahmen'))).toEqual([
			'1 von 2 Maßnahmen haben Hinweise der SMART-Prüfung.'
		]);
	});

	it('lays out the roadmap by the quarter each measure starts in', () => {
		expect(table(doc, 'Roadmap').rows).toEqual([
			['Q1 2027', 'Q4 2027', 'Digitale Verwaltung', 'E-Akte einführen'],
			['Q2 2027', 'Q2 2027', 'Digitale Verwaltung', 'WLAN im Rathaus']
		]);
		expect(texts(section(doc, 'Roadmap nach Quartalen'))).toEqual([
			'Die Roadmap reicht von Q1 2027 bis Q4 2027.'
		]);
	});

	it('names as next steps what is still parked and what starts in the first quarter, with who is responsible', () => {
		expect(texts(section(doc, 'Nächste Schritte'))).toEqual([
			'Noch offen im Themenspeicher',
			'Datenschutz klären',
			'Als Erstes, im Q1 2027',
			'E-Akte einführen – verantwortlich: Hauptamt, Beginn Q1 2027'
		]);
	});

	it('gives every sheet a unique name of at most 31 characters', () => {
		const names = tables(doc).flatMap((t) => (t.sheetName ? [t.sheetName] : []));
		expect(names).toEqual(['Tagesordnung', 'Abstimmung', 'Matrix', 'Maßnahmen', 'Roadmap']);
		for (const t of tables(doc))
			for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
	});

	it('says so when nothing was decided yet: no votes, matrix, fields or measures', () => {
		const day = smallDay();
		day.blocks[0] = { ...day.blocks[0]!, notes: [] };
		const bare = { ...day, votes: [], matrices: [], actionFields: [], measures: [] };
		const empty = buildWorkshopProtocol(bare);
		expect(texts(section(empty, 'Ergebnisse der Punktabfrage'))).toEqual([
			'Es gab keine Punktabfrage.'
		]);
		expect(texts(section(empty, 'Nutzen-Aufwand-Matrix'))).toEqual([
			'Es wurde keine Matrix bewertet.'
		]);
		expect(texts(section(empty, 'Handlungsfelder und Maßnahmen'))).toEqual([
			'Es wurden keine Handlungsfelder festgelegt.'
		]);
		expect(texts(section(empty, 'SMART-Prüfung der Maßnahmen'))).toEqual([
			'Es gibt noch keine Maßnahmen.'
		]);
		expect(texts(section(empty, 'Nächste Schritte'))).toEqual([
			'Es sind noch keine nächsten Schritte festgehalten.'
		]);
		expect(tables(empty).map((t) => t.sheetName)).toEqual(['Tagesordnung']);
	});

	it('still has a title when the workshop has none, and names the file by the day it is made', () => {
		const day = smallDay();
		day.workshop = { title: '', date: null, place: null };
		day.facilitators = [];
		day.participants = [
			{ role: 'teilnahme', count: 12 },
			{ role: 'moderation', count: 0 }
		];
		const untitled = buildWorkshopProtocol(day);
		expect(untitled.title).toBe('Protokoll des Workshops');
		expect(untitled.fileName).toBe('Protokoll-Celle-2027-03-14');
		expect(untitled.blocks.find((b) => b.kind === 'facts')).toMatchObject({
			items: [
				{ label: 'Kommune', value: 'Celle' },
				{ label: 'Workshop', value: 'nicht angegeben' },
				{ label: 'Datum', value: 'nicht angegeben' },
				{ label: 'Ort', value: 'nicht angegeben' },
				{ label: 'Moderation', value: 'nicht angegeben' },
				{ label: 'Teilnehmende', value: '12 Teilnehmende' }
			]
		});
	});

	it('leaves an unrevealed vote out, saying why', () => {
		const day = smallDay();
		day.votes[0] = { ...day.votes[0]!, revealed: false, results: [] };
		const hidden = buildWorkshopProtocol(day);
		expect(texts(section(hidden, 'Ergebnisse der Punktabfrage'))).toEqual([
			'Die Punktabfrage „Punkte vergeben“ ist noch nicht aufgedeckt; ihr Ergebnis steht daher nicht im Protokoll.'
		]);
	});
});

describe('the facilitators named in the workshop setup', () => {
	it('are split at commas, semicolons and line breaks, blanks left out', () => {
		expect(facilitatorNames('Anna Schmidt, Ben Meier')).toEqual(['Anna Schmidt', 'Ben Meier']);
		expect(facilitatorNames(' Anna Schmidt;\nDr. Ben Meier-Lüdeke ,, ')).toEqual([
			'Anna Schmidt',
			'Dr. Ben Meier-Lüdeke'
		]);
		expect(facilitatorNames(null)).toEqual([]);
	});
});

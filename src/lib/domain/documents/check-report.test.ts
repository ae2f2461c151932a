import { describe, expect, it } from 'vitest';
import type { Perspective } from '../perspectives';
import { barrierPareto } from '../check/barriers';
import type { Catalog, LevelItem } from '../check/catalog-types';
import { scoreRound } from '../check/check-scoring';
import { groupPerspectives } from '../check/perspective-groups';
import { parallelShareOf, savingsOf, type ProcessEntry } from '../check/processes';
import { suggestHandlungsfelder } from '../check/suggestions';
import { buildCheckReport, type CheckReportInput } from './check-report';
import type { ReportBlock, ReportChartBlock, ReportDocument, ReportTable } from './report-document';

// A catalog of two dimensions with one level question each, asked of the Verwaltungsspitze (H) and
// the Beschäftigte (B).
const item = (id: string, dimension: 'strategie' | 'prozesse'): LevelItem => ({
	id,
	dimension,
	text: `Frage ${id}`,
	perspectives: ['H', 'B'],
	type: 'R',
	levels: [`${id} 0`, `${id} 1`, `${id} 2`, `${id} 3`, `${id} 4`]
});
const CATALOG: Catalog = {
	version: 'test.1',
	dimensions: [
		{ id: 'strategie', title: 'Strategie', description: '' },
		{ id: 'prozesse', title: 'Prozesse', description: '' }
	],
	items: [item('strategie.01', 'strategie'), item('prozesse.01', 'prozesse')]
};

const answer = (id: string, perspective: Perspective, strategie: number, prozesse: number) => ({
	respondentId: id,
	perspective,
	answers: {
		'strategie.01': { kind: 'level', value: strategie },
		'prozesse.01': { kind: 'level', value: prozesse }
	}
});

const process = (
	id: string,
	status: ProcessEntry['status'],
	cases: number | null,
	today: number | null,
	digital: number | null
): ProcessEntry => ({
	id,
	name: `Prozess ${id}`,
	status,
	casesPerYear: cases,
	pain: null,
	ozgService: null,
	minutesToday: today,
	minutesDigital: digital,
	custom: true,
	order: `a${id}`
});

/**
 * Three people of the Verwaltungsspitze (strategie 3, 2, 4 → 75, 50, 100; prozesse 1, 1, 2 → 25, 25,
 * 50) and one Beschäftigte (1, 0), who alone is too few to be shown and is in no published group.
 * Medians of the one published group: strategie 75, prozesse 25; overall 50 (Fortgeschritten).
 * Targets 4 and 2 (100 and 50): both 25 points short.
 */
function round(): CheckReportInput {
	const result = scoreRound(
		CATALOG,
		[
			answer('r1', 'H', 3, 1),
			answer('r2', 'H', 2, 1),
			answer('r3', 'H', 4, 2),
			answer('r4', 'B', 1, 0)
		],
		{ strategie: 4, prozesse: 2 }
	);
	// Hours: A 1000 × (15 − 5) / 60 = 166,7; B 200 × (30 − 10) / 60 = 66,7; together 233,3 = 0,15 posts.
	const processes = [
		process('A', 'analog', 1000, 15, 5),
		process('B', 'parallel', 200, 30, 10),
		process('C', 'digital', null, null, null),
		process('D', 'parallel', null, null, null)
	];
	return {
		municipalityName: 'Celle',
		roundTitle: 'Frühjahr 2027',
		date: '2027-03-01',
		catalog: CATALOG,
		result,
		grouping: groupPerspectives(result.respondents),
		respondents: 5,
		answered: 4,
		suggestions: suggestHandlungsfelder(result, CATALOG),
		parallel: parallelShareOf(processes),
		savings: savingsOf(processes),
		pareto: barrierPareto([{ ticked: ['finanzierung'], top3: ['personalmangel', null, null] }]),
		createdAt: '2027-03-01T10:00:00.000Z'
	};
}

const headings = (doc: ReportDocument) =>
	doc.blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.level} ${b.text}`] : []));
const table = (doc: ReportDocument, sheet: string) =>
	doc.blocks.find((b): b is ReportTable => b.kind === 'table' && b.sheetName === sheet)!;
function section(doc: ReportDocument, text: string): ReportBlock[] {
	const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === text);
	const end = doc.blocks.findIndex((b, i) => i > start && b.kind === 'heading');
	return doc.blocks.slice(start + 1, end < 0 ? undefined : end);
}
const texts = (blocks: ReportBlock[]) =>
	blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : []));

describe('the Digital-Check report of a round built by hand', () => {
	const doc = buildCheckReport(round());

	it('opens with the summary in Einfache Sprache on a page of its own, then the figures', () => {
		expect(headings(doc)).toEqual([
			'1 Digital-Check: Celle',
			'2 Das Wichtigste in Einfacher Sprache',
			'2 Ergebnis nach Dimensionen',
			'2 Sicht der Perspektiven',
			'2 Prozesse und Zeitersparnis',
			'2 Hemmnisse',
			'2 Vorgeschlagene Handlungsfelder'
		]);
		const summaryEnd = doc.blocks.findIndex(
			(b) => b.kind === 'heading' && b.text === 'Ergebnis nach Dimensionen'
		);
		expect(doc.blocks[summaryEnd - 1]).toEqual({ kind: 'pageBreak' });
		expect(doc.fileName).toBe('Digital-Check-Celle-Frühjahr-2027');
	});

	it('explains the figures in short sentences, numbers said with what they mean', () => {
		expect(texts(section(doc, 'Das Wichtigste in Einfacher Sprache'))).toEqual([
			'4 Personen haben beim Digital-Check mitgemacht. Sie haben Fragen zur Digitalisierung der Verwaltung beantwortet.',
			'Die Kommune hat 50 von 100 Punkten. Das heißt: Die Kommune ist schon weit gekommen. Einiges kann noch besser werden. 100 Punkte wären das beste Ergebnis.',
			'Der Digital-Check fragt nach 2 Bereichen. Am besten ist der Bereich „Strategie“ mit 75 Punkten. Am schwächsten ist der Bereich „Prozesse“ mit 25 Punkten.',
			'In allen 2 Bereichen liegt die Kommune unter ihrem Ziel. Am weitesten vom Ziel entfernt ist der Bereich „Strategie“. Dort fehlen noch 25 Punkte.',
			'2 von 4 Abläufen laufen doppelt: auf Papier und digital. Das heißt: Die gleiche Arbeit wird zweimal gemacht.',
			'Digitale Abläufe sparen etwa 233 Arbeitsstunden im Jahr. Das ist so viel Arbeit wie 0,1 volle Stellen.',
			'Das größte Hindernis ist:',
			'Personalmangel',
			'Im Workshop sollte die Kommune mit diesen Bereichen beginnen:',
			'Strategie',
			'Prozesse',
			'Gruppen mit weniger als 3 Personen zeigt der Bericht nicht einzeln. So bleibt geheim, wer was geantwortet hat.'
		]);
	});

	it('draws the radar with current and target per dimension', () => {
		const radar = doc.blocks.find((b): b is ReportChartBlock => b.kind === 'chart')!;
		expect(radar.chart).toEqual({
			kind: 'radar',
			axes: ['Strategie', 'Prozesse'],
			max: 100,
			series: [
				{ label: 'Ist', values: [75, 25] },
				{ label: 'Soll', values: [100, 50], dashed: true }
			]
		});
		expect(radar.alt).toBe(
			'Netzdiagramm der 2 Dimensionen von 0 bis 100 Punkten; am höchsten: Strategie (75); am niedrigsten: Prozesse (25); gestrichelt das Soll in 2 Dimensionen.'
		);
	});

	it('tabulates each dimension with band, coverage, target and gap', () => {
		expect(table(doc, 'Dimensionen').rows).toEqual([
			['Strategie', 75, 'Vorreiter', 1, 100, 25],
			['Prozesse', 25, 'Grundlagen', 1, 50, 25]
		]);
	});

	it('shows only the published group and says which perspective is left out and why', () => {
		const view = table(doc, 'Perspektiven');
		expect(view.columns.map((c) => c.header)).toEqual([
			'Dimension',
			'Verwaltungsspitze (3 Befragte)'
		]);
		expect(view.rows).toEqual([
			['Strategie', 75],
			['Prozesse', 25]
		]);
		expect(texts(section(doc, 'Sicht der Perspektiven'))[0]).toMatch(
			/^Nicht einzeln gezeigt, weil weniger als 3 Personen geantwortet haben, auch zusammengefasst: Beschäftigte\. Ihre Antworten gehen auch nicht in den Wert/
		);
	});

	it('gives the parallel share and the hours to be saved per process', () => {
		expect(texts(section(doc, 'Prozesse und Zeitersparnis'))).toEqual([
			'2 von 4 erfassten Prozessen laufen parallel analog und digital (50 %); 1 nur analog, 1 digital.',
			'Voll digital könnte die Kommune etwa 233 Stunden im Jahr sparen, das entspricht 0,1 Vollzeitstellen (bei 1.600 Arbeitsstunden je Stelle und Jahr, einer Annahme).'
		]);
		const hours = table(doc, 'Prozesse').rows;
		expect(hours.map((r) => r[0])).toEqual(['Prozess A', 'Prozess B']);
		expect(hours[0]![1]).toBeCloseTo(166.667, 2);
		expect(hours[1]![1]).toBeCloseTo(66.667, 2);
	});

	it('lists the barriers named, by points', () => {
		expect(table(doc, 'Hemmnisse').rows).toEqual([
			['Personalmangel', 3, 1],
			['Finanzierung', 0, 1]
		]);
	});

	it('suggests Handlungsfelder with their reasons', () => {
		expect(texts(section(doc, 'Vorgeschlagene Handlungsfelder'))).toEqual([
			'Diese Dimensionen sollte der Workshop zuerst ansehen, jeweils mit dem Grund:',
			'Strategie: großer Abstand zum Soll (25 Punkte)',
			'Prozesse: schwächste Dimension (Wert 25)'
		]);
	});

	it('leaves the questionnaire comments out, as the printed results page does', () => {
		const all = JSON.stringify(doc);
		expect(all).not.toContain('Kommentar');
		expect(all).not.toContain('Frage strategie.01');
	});

	it('says so when nobody has answered yet, and names the file by the date without a title', () => {
		const input = round();
		const empty = scoreRound(CATALOG, [], {});
		const bare = buildCheckReport({
			...input,
			roundTitle: null,
			result: empty,
			grouping: groupPerspectives(empty.respondents),
			answered: 0,
			suggestions: [],
			parallel: parallelShareOf([]),
			savings: savingsOf([]),
			pareto: barrierPareto([{ ticked: [], top3: [null, null, null] }])
		});
		expect(bare.fileName).toBe('Digital-Check-Celle-2027-03-01');
		expect(texts(section(bare, 'Das Wichtigste in Einfacher Sprache'))).toEqual([
			'Beim Digital-Check hat noch niemand mitgemacht. Es gibt deshalb noch kein Ergebnis.'
		]);
		expect(texts(section(bare, 'Sicht der Perspektiven'))).toEqual([
			'Noch hat keine Perspektive mindestens 3 Befragte. Einzelne Perspektiven werden erst ab 3 Befragten gezeigt, damit niemand erkennbar wird.'
		]);
		expect(texts(section(bare, 'Prozesse und Zeitersparnis'))).toEqual([
			'Noch kein Prozess mit Stand erfasst.'
		]);
		expect(texts(section(bare, 'Hemmnisse'))).toEqual(['Noch keine Hemmnisse erfasst.']);
		expect(texts(section(bare, 'Vorgeschlagene Handlungsfelder'))).toEqual([
			'Noch keine Vorschläge: Es fehlen Antworten.'
		]);
		const radar = bare.blocks.find((b): b is ReportChartBlock => b.kind === 'chart')!;
		expect(radar.chart).toMatchObject({ series: [{ label: 'Ist', values: [null, null] }] });
	});
});

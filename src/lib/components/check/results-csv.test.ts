import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { RespondentAnswers } from '$lib/domain/check/answers';
import type { BarrierAnswer } from '$lib/domain/check/barriers';
import type { Catalog } from '$lib/domain/check/catalog-types';
import { scoreRound } from '$lib/domain/check/check-scoring';
import { commentsByDimension } from '$lib/domain/check/comments';
import { groupPerspectives } from '$lib/domain/check/perspective-groups';
import type { ProcessEntry } from '$lib/domain/check/processes';
import { CSV_COLUMNS, resultsCsv } from './results-csv';

const catalog: Catalog = {
	version: 'test',
	dimensions: [
		{ id: 'strategie', title: 'Strategie & Steuerung', description: '' },
		{ id: 'daten', title: 'Daten', description: '' }
	],
	items: [
		{
			id: 'strategie.01',
			dimension: 'strategie',
			text: 'Strategie?',
			perspectives: ['H', 'A', 'B', 'PR'],
			type: 'R',
			levels: ['0', '1', '2', '3', '4']
		},
		{
			id: 'daten.01',
			dimension: 'daten',
			text: 'Daten gepflegt?',
			perspectives: ['H', 'A', 'B', 'PR'],
			type: 'L',
			reverse: false
		}
	]
};

const level = (value: number) => ({ kind: 'level', value });
const likert = (value: number) => ({ kind: 'likert', value });
const answers: RespondentAnswers[] = [
	{
		respondentId: 'h',
		perspective: 'H',
		answers: { 'strategie.01': level(3), 'daten.01': likert(5) }
	},
	{
		respondentId: 'a1',
		perspective: 'A',
		answers: { 'strategie.01': level(1), 'daten.01': { kind: 'unknown' } }
	},
	{
		respondentId: 'a2',
		perspective: 'A',
		answers: { 'strategie.01': level(2), 'daten.01': likert(3) }
	},
	{
		respondentId: 'b',
		perspective: 'B',
		answers: { 'strategie.01': level(4), 'daten.01': likert(2) }
	},
	{ respondentId: 'pr', perspective: 'PR', answers: { 'strategie.01': level(0) } }
];

const process = (p: Partial<ProcessEntry> & Pick<ProcessEntry, 'id' | 'name'>): ProcessEntry => ({
	status: null,
	casesPerYear: null,
	pain: null,
	ozgService: null,
	minutesToday: null,
	minutesDigital: null,
	custom: false,
	order: 'a',
	...p
});

function csvOfRoundOfFive(
	barriers: BarrierAnswer = {
		ticked: ['finanzierung'],
		top3: ['personalmangel', null, 'finanzierung']
	}
): string {
	const result = scoreRound(catalog, answers, { strategie: 3 });
	const grouping = groupPerspectives(result.respondents);
	const comments = commentsByDimension(catalog, [
		{ comments: { 'strategie.01': '=HYPERLINK("http://x")' } },
		{ comments: { 'daten.01': 'Daten; "verstreut"\nüberall' } }
	]);
	return resultsCsv({
		result,
		catalog,
		grouping,
		answers,
		comments,
		answered: 5,
		processes: [
			process({
				id: 'p1',
				name: 'Rechnungseingang',
				status: 'parallel',
				casesPerYear: 38_000,
				pain: 4,
				minutesToday: 15,
				minutesDigital: 5.1
			}),
			process({ id: 'p2', name: 'Hundesteuer', status: 'analog' })
		],
		barriers
	});
}

/** The rows as a spreadsheet would read them, each as column → text. */
function parse(csv: string): Record<string, string>[] {
	const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
		header: true,
		delimiter: ';',
		skipEmptyLines: true
	});
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

const pick = (row: Record<string, string> | undefined, ...columns: string[]) =>
	columns.map((column) => row?.[column]);

describe('resultsCsv', () => {
	it('starts with a BOM and one header row of semicolon-separated column names', () => {
		const csv = csvOfRoundOfFive();
		expect(csv.startsWith('\uFEFFBereich;Dimension;Gruppe;Eintrag;Wert;Befragte;')).toBe(true);
		expect(csv.split('\r\n')[0]).toBe('\uFEFF' + CSV_COLUMNS.join(';'));
	});

	it('holds the municipality per dimension with a decimal comma, computed by hand', () => {
		const rows = parse(csvOfRoundOfFive());
		const kommune = rows.filter((r) => r.Bereich === 'Kommune');
		// Published: Leitung = H + A (3 people). Beschäftigte and Personalrat (1 + 1) are shown nowhere
		// and, 2 together, too few to count (ADR 7). Strategie: Leitung 75, 25, 50 → median 50; all 5
		// answered it; Soll 3 × 25 = 75, gap 25. Daten: Leitung has 2 scores (100, 50; one "weiß
		// nicht"), B 25 alone: no pool of 3, no score; 3 of 5 asked gave a score: 60 %.
		expect(
			kommune.map((r) =>
				pick(r, 'Dimension', 'Wert', 'Befragte', 'Abdeckung (%)', 'Soll', 'Abstand zum Soll')
			)
		).toEqual([
			['Strategie & Steuerung', '50', '5', '100', '75', '25'],
			['Daten', '', '3', '60', '', '']
		]);
		// Only Strategie has a score: 50
		expect(
			pick(
				rows.find((r) => r.Bereich === 'Gesamt'),
				'Wert',
				'Befragte'
			)
		).toEqual(['50', '5']);
	});

	it('holds every dimension per published group and leaves figures of fewer than 3 empty', () => {
		const rows = parse(csvOfRoundOfFive()).filter((r) => r.Bereich === 'Perspektive');
		// Leitung = H + A (3 people): Strategie 25, 50, 75 → 50; Daten has 2 scores only.
		// Beschäftigte and Personalrat (1 + 1) make no group.
		expect(rows.map((r) => pick(r, 'Dimension', 'Gruppe', 'Wert', 'Befragte', 'Text'))).toEqual([
			['Strategie & Steuerung', 'Leitung (Verwaltungsspitze, Fach-/Amtsleitungen)', '50', '3', ''],
			[
				'Daten',
				'Leitung (Verwaltungsspitze, Fach-/Amtsleitungen)',
				'',
				'',
				'weniger als 3 Befragte'
			]
		]);
	});

	it('holds the mean of each question', () => {
		const rows = parse(csvOfRoundOfFive()).filter((r) => r.Bereich === 'Frage');
		// Strategie: 75 + 25 + 50 + 100 + 0 = 250 / 5 = 50. Daten: 100 + 50 + 25 = 175 / 3.
		expect(rows.map((r) => pick(r, 'Eintrag', 'Wert', 'Befragte', 'Weiß nicht'))).toEqual([
			['strategie.01 Strategie?', '50', '5', '0'],
			['daten.01 Daten gepflegt?', '58,3', '3', '1']
		]);
	});

	it('holds the processes with status, cases, minutes and the hours saved', () => {
		const rows = parse(csvOfRoundOfFive()).filter((r) => r.Bereich === 'Prozess');
		// 38.000 cases × (15 − 5,1) min = 376.200 min = 6.270 h a year.
		const columns = [
			'Eintrag',
			'Stand',
			'Fälle pro Jahr',
			'Belastung',
			'Minuten heute',
			'Minuten digital',
			'Stunden pro Jahr'
		];
		expect(rows.map((r) => pick(r, ...columns))).toEqual([
			['Rechnungseingang', 'parallel', '38000', '4', '15', '5,1', '6270'],
			['Hundesteuer', 'analog', '', '', '', '', '']
		]);
	});

	it('holds every barrier with ticked, rank and points', () => {
		const rows = parse(csvOfRoundOfFive()).filter((r) => r.Bereich === 'Hemmnis');
		expect(rows).toHaveLength(12);
		expect(rows.slice(0, 3).map((r) => pick(r, 'Eintrag', 'Angekreuzt', 'Rang', 'Punkte'))).toEqual(
			[
				['Personalmangel', 'ja', '1', '3'],
				['Finanzierung', 'ja', '3', '1'],
				['Fehlende IT-Fachkräfte', 'nein', '', '0']
			]
		);
	});

	it("holds a round's own barrier by its label, ranked like a listed one", () => {
		const csv = csvOfRoundOfFive({
			ticked: [],
			top3: [null, 'eigen-funkloch', null],
			custom: [{ id: 'eigen-funkloch', label: 'Funkloch im Rathaus' }]
		});
		const rows = parse(csv).filter((r) => r.Bereich === 'Hemmnis');
		expect(rows).toHaveLength(13);
		expect(pick(rows[0]!, 'Eintrag', 'Angekreuzt', 'Rang', 'Punkte')).toEqual([
			'Funkloch im Rathaus',
			'ja',
			'2',
			'2'
		]);
	});

	it('holds the comments pseudonymously, as text a spreadsheet does not run as a formula', () => {
		const rows = parse(csvOfRoundOfFive()).filter((r) => r.Bereich === 'Kommentar');
		// No group either: "Leitung" on the second would name Leitung's members as its authors.
		expect(rows.map((r) => pick(r, 'Dimension', 'Gruppe', 'Eintrag', 'Text'))).toEqual([
			['Strategie & Steuerung', '', 'strategie.01 Strategie?', `'=HYPERLINK("http://x")`],
			['Daten', '', 'daten.01 Daten gepflegt?', 'Daten; "verstreut"\nüberall']
		]);
		expect(csvOfRoundOfFive()).not.toMatch(/\b(h|a1|a2|pr)\b;/);
	});
});

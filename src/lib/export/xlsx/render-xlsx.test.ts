import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument, ReportTable } from '../../domain/documents/report-document';
import { SAMPLE_MEASURE_ROWS, sampleMeasureTitle, sampleReport } from '../sample-report.fixture';
import { attributes, elements, part, textOf, unzipOffice } from '../office-test-support';
import { renderXlsx, sheetNames } from './render-xlsx';

interface Workbook {
	sheets: { name: string; xml: string }[];
	strings: string[];
	/** The number format code of each cell style, by the style's index. */
	formats: (string | undefined)[];
	bold: boolean[];
}

async function openWorkbook(doc: ReportDocument): Promise<Workbook> {
	const parts = unzipOffice(await renderXlsx(doc));
	const names = elements(part(parts, 'xl/workbook.xml'), 'sheet').map((s) => attributes(s).name!);
	const styles = part(parts, 'xl/styles.xml');
	const codes = new Map(
		elements(styles, 'numFmt').map((f) => [attributes(f).numFmtId!, attributes(f).formatCode!])
	);
	const fonts = elements(elements(styles, 'fonts')[0]!, 'font');
	const xfs = elements(elements(styles, 'cellXfs')[0]!, 'xf').map((xf) => attributes(xf));
	return {
		sheets: names.map((name, i) => ({ name, xml: part(parts, `xl/worksheets/sheet${i + 1}.xml`) })),
		strings: parts.has('xl/sharedStrings.xml')
			? elements(part(parts, 'xl/sharedStrings.xml'), 'si').map((si) => textOf(si, 't'))
			: [],
		formats: xfs.map((xf) => codes.get(xf.numFmtId ?? '')),
		bold: xfs.map((xf) => fonts[Number(xf.fontId ?? 0)]!.includes('<b/>'))
	};
}

/** A cell by its reference: its value as read (shared strings resolved), style and type. */
function cellAt(book: Workbook, sheet: string, ref: string) {
	const element = elements(sheet, 'c').find((c) => attributes(c).r === ref);
	if (element === undefined) return undefined;
	const { s, t } = attributes(element);
	const raw = textOf(element, 'v');
	return {
		value: t === 's' ? book.strings[Number(raw)] : raw,
		type: t,
		format: book.formats[Number(s ?? 0)],
		bold: book.bold[Number(s ?? 0)]
	};
}

describe('the measures as an Excel workbook', () => {
	let book: Workbook;
	let sheet: string;
	beforeAll(async () => {
		book = await openWorkbook(sampleReport());
		sheet = book.sheets[0]!.xml;
	});

	it('has one sheet, named as the table asks', () => {
		expect(book.sheets.map((s) => s.name)).toEqual(['Maßnahmen']);
	});

	it('freezes the bold header row, so it stays in view while scrolling', () => {
		const pane = attributes(elements(sheet, 'pane')[0]!);
		expect(pane).toMatchObject({ ySplit: '1', topLeftCell: 'A2', state: 'frozen' });
		expect(['A1', 'B1', 'F1'].map((ref) => cellAt(book, sheet, ref))).toEqual([
			{ value: 'Maßnahme', type: 's', format: undefined, bold: true },
			{ value: 'Verantwortlich', type: 's', format: undefined, bold: true },
			{ value: 'Abdeckung', type: 's', format: undefined, bold: true }
		]);
	});

	it('holds all 60 measure titles in order', () => {
		const titles = Array.from({ length: SAMPLE_MEASURE_ROWS }, (_, i) =>
			cellAt(book, sheet, `A${i + 2}`)
		).map((cell) => cell?.value);
		expect(titles).toEqual(
			Array.from({ length: SAMPLE_MEASURE_ROWS }, (_, i) => sampleMeasureTitle(i))
		);
	});

	it('writes a due date as a date: the day count since 1900 with a German date format', () => {
		// 28.02.2027: 2027-01-01 is day 46388 (2026-01-01 is 46023, plus 365), plus 31 + 27 days.
		expect(cellAt(book, sheet, 'C3')).toEqual({
			value: '46446',
			type: undefined,
			format: 'dd.mm.yyyy',
			bold: false
		});
	});

	it('writes money, days and shares as numbers with German-looking formats', () => {
		expect(['D3', 'E3', 'F3'].map((ref) => cellAt(book, sheet, ref))).toEqual([
			{ value: '1250.5', type: undefined, format: '#,##0.00 "€"', bold: false },
			{ value: '0.5', type: undefined, format: '#,##0.0', bold: false },
			{ value: '0.01', type: undefined, format: '0 %', bold: false }
		]);
	});

	it('leaves a cell without a value empty', () => {
		expect(cellAt(book, sheet, 'B2')).toBeUndefined();
		expect(cellAt(book, sheet, 'B3')?.value).toBe('Fachbereich Bürgerdienste');
	});

	it('makes each column wide enough for its longest entry', () => {
		const widths = elements(sheet, 'col').map((col) => Number(attributes(col).width));
		// The longest title ("Maßnahme 60: …") is 57 characters; "Fachbereich Bürgerdienste" 25; a date 10.
		expect(widths[0]).toBe(58);
		expect(sampleMeasureTitle(59)).toHaveLength(57);
		expect(widths[1]).toBe('Fachbereich Bürgerdienste'.length + 1);
		expect(widths[2]).toBe(11);
	});
});

describe('which tables become sheets', () => {
	const table = (caption: string, sheetName?: string): ReportTable => ({
		kind: 'table',
		caption,
		sheetName,
		columns: [{ header: 'Thema' }],
		rows: [[caption]]
	});

	it('takes the tables that name a sheet, in order, and leaves the others out', async () => {
		const doc: ReportDocument = {
			...sampleReport(),
			blocks: [table('Stimmen', 'Abstimmung'), table('Nur im Text'), table('Matrix', 'Matrix')]
		};
		const book = await openWorkbook(doc);
		expect(book.sheets.map((s) => s.name)).toEqual(['Abstimmung', 'Matrix']);
		expect(book.strings).not.toContain('Nur im Text');
	});

	it('still makes a file that says so when there is no table at all', async () => {
		const book = await openWorkbook({ ...sampleReport(), blocks: [] });
		expect(book.sheets.map((s) => s.name)).toEqual(['Hinweis']);
		expect(book.strings).toEqual([
			'„Protokoll des Workshops „Digitale Verwaltung“ – Celle“ enthält keine Tabellen.'
		]);
	});
});

describe('sheet names Excel accepts', () => {
	it('cuts a name to 31 characters', () => {
		const long = 'Handlungsfelder und ihre Maßnahmen im Überblick';
		expect(sheetNames([long])).toEqual(['Handlungsfelder und ihre Maßnah']);
	});

	it('numbers repeated names, ignoring case as Excel does, within 31 characters', () => {
		expect(sheetNames(['Matrix', 'matrix', 'Matrix'])).toEqual([
			'Matrix',
			'matrix (2)',
			'Matrix (3)'
		]);
		const long = 'Maßnahmen des Handlungsfelds Bürgerservice';
		expect(sheetNames([long, long])).toEqual([
			'Maßnahmen des Handlungsfelds Bü',
			'Maßnahmen des Handlungsfeld (2)'
		]);
	});

	it('replaces each run of characters Excel refuses with one hyphen', () => {
		expect(sheetNames(['Q1/Q2: Stand [neu]?', "'Notizen'", '***'])).toEqual([
			'Q1-Q2- Stand -neu-',
			'Notizen',
			'-'
		]);
	});
});

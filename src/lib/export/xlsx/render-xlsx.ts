// The tables of a ReportDocument that name a sheet, as an Excel workbook (ADR 19): one sheet per
// table, the header row bold and frozen, numbers and dates as values a spreadsheet can compute with,
// shown with German-looking formats ("1.250,50 €", "45 %", "28.03.2027" in a German Excel), empty
// cells empty. Runs in a module worker and in Node alike: write-excel-file's universal build makes a
// Blob and touches no DOM (its browser build adds a download helper that needs `document`).
import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/universal';
import type {
	ReportCell,
	ReportColumn,
	ReportDocument,
	ReportTable
} from '../../domain/documents/report-document';

/**
 * Excel number formats. Separators in them are placeholders that Excel shows as the reader's locale
 * has them, so "#,##0.00" reads "1.250,50" in a German Excel; the date's dots are literal.
 */
const NUMBER_FORMATS: Record<NonNullable<ReportColumn['format']>, string> = {
	integer: '#,##0',
	decimal1: '#,##0.0',
	percent: '0 %',
	euro: '#,##0.00 "€"',
	date: 'dd.mm.yyyy'
};

/** Characters Excel refuses in a sheet's name. */
const NOT_IN_SHEET_NAMES = /[[\]/\\:*?]+/g;
const MAX_SHEET_NAME = 31;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_COLUMN_CHARACTERS = 8;
const MAX_COLUMN_CHARACTERS = 60;

/**
 * A name Excel accepts and no other sheet of the workbook has (Excel compares names ignoring case):
 * refused characters become "-", the name is cut to 31 characters, and a repeated one ends in " (2)",
 * " (3)", … within those 31.
 */
export function sheetNames(wanted: string[]): string[] {
	const taken = new Set<string>();
	return wanted.map((name) => {
		const clean =
			name
				.replace(NOT_IN_SHEET_NAMES, '-')
				.replace(/^'+|'+$/g, '')
				.trim() || 'Tabelle';
		let candidate = clean.slice(0, MAX_SHEET_NAME);
		for (let n = 2; taken.has(candidate.toLocaleLowerCase('de')); n++) {
			const suffix = ` (${n})`;
			candidate = clean.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
		}
		taken.add(candidate.toLocaleLowerCase('de'));
		return candidate;
	});
}

function cell(value: ReportCell, format: ReportColumn['format']): Cell {
	if (value === null) return null;
	if (typeof value === 'number') {
		return format === undefined || format === 'date'
			? { value, type: Number }
			: { value, type: Number, format: NUMBER_FORMATS[format] };
	}
	const date = format === 'date' ? ISO_DATE.exec(value) : null;
	if (date) {
		// Midnight UTC: write-excel-file counts days from the date's UTC time, so no time zone shifts it.
		const day = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
		return { value: day, type: Date, format: NUMBER_FORMATS.date };
	}
	return { value, type: String };
}

/** Characters a column needs, from its header and its longest cell as a person would read it. */
function columnWidth(table: ReportTable, index: number): number {
	const column = table.columns[index]!;
	const shown = table.rows.map((row) => {
		const value = row[index] ?? null;
		if (value === null) return 0;
		if (column.format === 'date') return 10;
		if (typeof value === 'number') return Math.round(value).toString().length + 6;
		return value.length;
	});
	const widest = Math.max(column.header.length + 2, ...shown);
	return Math.min(MAX_COLUMN_CHARACTERS, Math.max(MIN_COLUMN_CHARACTERS, widest + 1));
}

// Sheet<Blob>: the universal build would take a sheet's pictures as Blobs; these sheets have none.
function sheetOf(table: ReportTable, name: string): Sheet<Blob> {
	const header: Row = table.columns.map((column) => ({
		value: column.header,
		type: String,
		fontWeight: 'bold'
	}));
	const rows: Row[] = table.rows.map((row) =>
		table.columns.map((column, i) => cell(row[i] ?? null, column.format))
	);
	return {
		sheet: name,
		data: [header, ...rows],
		columns: table.columns.map((_, i) => ({ width: columnWidth(table, i) })),
		stickyRowsCount: 1
	};
}

/** What a workbook without a single table says, rather than being a file that cannot be made. */
function noTablesSheet(doc: ReportDocument): Sheet<Blob> {
	return {
		sheet: 'Hinweis',
		data: [[{ value: `„${doc.title}“ enthält keine Tabellen.`, type: String }]],
		columns: [{ width: MAX_COLUMN_CHARACTERS }]
	};
}

/**
 * The document's tables with a `sheetName` as XLSX bytes, one sheet each in the document's order.
 * `onProgress` hears (sheets done, sheets + 1) after each sheet and once more when the file is packed.
 */
export async function renderXlsx(
	doc: ReportDocument,
	onProgress?: (done: number, total: number) => void
): Promise<Uint8Array> {
	const tables = doc.blocks.filter(
		(block): block is ReportTable & { sheetName: string } =>
			block.kind === 'table' && block.sheetName !== undefined
	);
	const total = tables.length + 1;
	const names = sheetNames(tables.map((table) => table.sheetName));
	const sheets = tables.map((table, i) => {
		const sheet = sheetOf(table, names[i]!);
		onProgress?.(i + 1, total);
		return sheet;
	});
	const blob = await writeXlsxFile(sheets.length > 0 ? sheets : [noTablesSheet(doc)], {
		fontFamily: 'Calibri',
		fontSize: 11
	}).toBlob();
	const bytes = new Uint8Array(await blob.arrayBuffer());
	onProgress?.(total, total);
	return bytes;
}

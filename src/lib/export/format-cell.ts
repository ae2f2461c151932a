// A table cell as text, the German way, for the renderers that write text (DOCX, PDF): the same cell
// reads the same in every file (ADR 19). The XLSX keeps numbers and dates as values and gives Excel the
// matching number formats instead.
import type { ReportCell, ReportColumn } from '../domain/documents/report-document';
import { formatGermanNumber } from '../domain/german-number';

/** What an empty cell shows, so that it reads as "none" rather than as a gap in the table. */
export const EMPTY_CELL = '–';

/** Between a number and its unit: a no-break space, so "45 %" never wraps between the two. */
const UNIT_SPACE = '\u00a0';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "1.250,5" with `decimals` digits always written: a table's column lines its numbers up. */
function fixedDecimals(value: number, decimals: number): string {
	const text = formatGermanNumber(value, decimals);
	if (decimals === 0) return text;
	const [whole, fraction = ''] = text.split(',');
	return `${whole},${fraction.padEnd(decimals, '0')}`;
}

/**
 * A cell as the column's format shows it: integer "1.250", decimal1 "1,5", percent "45 %" (the cell
 * holds the fraction 0.45), euro "1.250,50 €", date "28.03.2027" (the cell holds "2027-03-28"); a text
 * cell as it is, an empty one as "–". A date cell that is not an ISO date is shown as it is.
 */
export function formatCell(cell: ReportCell, format: ReportColumn['format']): string {
	if (cell === null) return EMPTY_CELL;
	if (typeof cell === 'string') {
		if (format !== 'date') return cell;
		const date = ISO_DATE.exec(cell);
		return date ? `${date[3]}.${date[2]}.${date[1]}` : cell;
	}
	switch (format) {
		case 'integer':
			return formatGermanNumber(cell, 0);
		case 'decimal1':
			return fixedDecimals(cell, 1);
		case 'percent':
			return `${formatGermanNumber(cell * 100, 1)}${UNIT_SPACE}%`;
		case 'euro':
			return `${fixedDecimals(cell, 2)}${UNIT_SPACE}€`;
		default:
			return formatGermanNumber(cell, 10);
	}
}

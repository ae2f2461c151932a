// Numbers and dates in table cells the German way (ADR 19: the structure holds numbers as numbers, the
// renderer formats them). Number and unit are joined by a no-break space, so "45 %" and "1.250,50 €"
// never break across lines.
import type { ReportCell, ReportColumn } from '../../domain/documents/report-document';

/** Shown for a cell without a value: a dash reads as "nothing here", an empty cell as "forgotten". */
export const EMPTY_CELL = '–';

const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const decimal1 = new Intl.NumberFormat('de-DE', {
	minimumFractionDigits: 1,
	maximumFractionDigits: 1
});
const percent = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 });
const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatCell(cell: ReportCell, format: ReportColumn['format']): string {
	if (cell === null) return EMPTY_CELL;
	if (typeof cell === 'string') {
		if (format !== 'date') return cell;
		const date = ISO_DATE.exec(cell);
		return date ? `${date[3]}.${date[2]}.${date[1]}` : cell;
	}
	switch (format) {
		case 'decimal1':
			return decimal1.format(cell);
		case 'percent':
			return percent.format(cell);
		case 'euro':
			return euro.format(cell);
		default:
			return integer.format(cell);
	}
}

// The files as an office suite opens them: LibreOffice headless (Debian's libreoffice-writer-nogui and
// libreoffice-calc-nogui, installed by .ci/run) converts the DOCX to PDF and the XLSX to CSV. One
// conversion per format: each takes several seconds.
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx/render-docx';
import {
	SAMPLE_MEASURE_ROWS,
	sampleImages,
	sampleMeasureTitle,
	sampleReport
} from './sample-report.fixture';
import { convertWithLibreOffice, pdfText } from './office-test-support';
import { renderXlsx } from './xlsx/render-xlsx';

const CONVERSION_MS = 120_000;
const titles = Array.from({ length: SAMPLE_MEASURE_ROWS }, (_, i) => sampleMeasureTitle(i));

/** CSV as LibreOffice writes it: comma-separated, text in double quotes, UTF-8 (76). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1';

function csvRows(csv: string): string[][] {
	return csv
		.trimEnd()
		.split('\n')
		.map((line) =>
			[...line.matchAll(/"((?:[^"]|"")*)"|([^,]*)/g)]
				.filter((match) => match.index === 0 || line[match.index - 1] === ',')
				.map((match) => (match[1] ?? match[2] ?? '').replaceAll('""', '"'))
		);
}

describe('the files opened in LibreOffice', () => {
	it(
		'turns the Word file into a PDF that shows every measure and both charts’ labels',
		async () => {
			const docx = await renderDocx(sampleReport(), sampleImages());
			const text = await pdfText(await convertWithLibreOffice(docx, 'protokoll.docx', 'pdf'));
			// pdftotext breaks a long title across the lines of its table cell; words stay in order.
			const words = text.replace(/\s+/g, ' ');
			for (const title of titles) expect(words).toContain(title);
			expect(words).toContain('Tagesordnung');
			expect(words).toContain('Quick Win');
			expect(words).toContain('Infrastruktur');
			expect(text).toMatch(/Seite 1 von \d+/);
		},
		CONVERSION_MS
	);

	it(
		'turns the workbook into a CSV with every measure and its due date shown as a date',
		async () => {
			const xlsx = await renderXlsx(sampleReport());
			const rows = csvRows(
				strFromU8(await convertWithLibreOffice(xlsx, 'massnahmen.xlsx', CSV_FILTER))
			);
			expect(rows[0]).toEqual([
				'Maßnahme',
				'Verantwortlich',
				'Fällig',
				'Budget',
				'Personentage',
				'Abdeckung'
			]);
			expect(rows.slice(1).map((row) => row[0])).toEqual(titles);
			expect(rows[2]![2]).toBe('28.02.2027');
			expect(rows[1]![1]).toBe('');
		},
		CONVERSION_MS
	);
});

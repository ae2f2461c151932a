// The quarterly extract of the Gemeindeverzeichnis ("Alle politisch selbständigen Gemeinden mit
// ausgewählten Merkmalen", AuszugGV…) saved as CSV. Destatis publishes it as a spreadsheet; saved as CSV
// it keeps the sheet's columns in this order, whatever its heading rows say:
//   Satzart · Textkennzeichen · Land · RB · Kreis · VB · Gem · Gemeindename · Fläche km² ·
//   Bevölkerung insgesamt · (männlich, weiblich, je km², Postleitzahl, … not read)
// Heading rows come before the first record and name the Gebietsstand ("… am 31.12.2020"); footnotes
// may follow the last record. Separator (semicolon, comma, tab), encoding (UTF-8 or Latin-1) and number
// style (53.02 or 53,02; 90 164, 90.164 or 90164) are detected (ADR 23).

import { decodeRegisterText, type RegisterEncoding } from './register-text';
import {
	assembleRegister,
	parseRegisterDate,
	type IsoDate,
	type RegisterProblem,
	type RegisterRecord,
	type RegisterResult
} from './register';

const RECORD_START = /^"?\s*\d+\s*"?([;,\t])/;
const FIRST_CELL_NUMBER = /^"?\s*\d+\s*"?(?:[;,\t]|$)/;
/** More than one filled cell: a record, or what is left of one. A footnote fills only the first. */
const filledCells = (line: string, separator: string): number =>
	(splitCsvLine(line, separator) ?? [line, line]).filter((cell) => cell.trim() !== '').length;
const NAME_COLUMN = 7;
const POPULATION_COLUMN = 9;

/** Splits one line at `separator`, honouring double quotes; null when a quote is left open. */
export function splitCsvLine(line: string, separator: string): string[] | null {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const char = line[i]!;
		if (quoted) {
			if (char !== '"') cell += char;
			else if (line[i + 1] === '"') {
				cell += '"';
				i++;
			} else quoted = false;
		} else if (char === '"') quoted = true;
		else if (char === separator) {
			cells.push(cell);
			cell = '';
		} else cell += char;
	}
	if (quoted) return null;
	cells.push(cell);
	return cells;
}

/** A key cell as Destatis writes it; a spreadsheet may have dropped its leading zeros. */
function key(raw: string | undefined, width: number): string {
	const value = (raw ?? '').trim();
	return /^\d+$/.test(value) && value.length < width ? value.padStart(width, '0') : value;
}

const SPACES = /[\s\u00a0\u202f]/g;

/** Area in km² with up to two decimals → hectares; null when it is no such number. */
export function hectaresOfKm2(raw: string): number | null {
	const value = raw.replace(SPACES, '');
	const german = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d{1,2})$/.exec(value);
	const english = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value);
	const match = german ?? english;
	if (!match) return null;
	const whole = Number(match[1]!.replace(/\./g, ''));
	return whole * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A head count with spaces or dots between thousands; null when it is no whole number. */
export function countOf(raw: string): number | null {
	const value = raw.replace(SPACES, '');
	if (/^\d{1,3}(\.\d{3})+$/.test(value)) return Number(value.replace(/\./g, ''));
	return /^\d+$/.test(value) ? Number(value) : null;
}

/** The Gebietsstand a heading states: the date in a line that names it or the municipalities' day. */
function gebietsstandOf(headings: readonly string[]): IsoDate | null {
	for (const heading of headings) {
		if (!/gebietsstand|gemeinden/i.test(heading)) continue;
		const date = /(\d{2}\.\d{2}\.\d{4})/.exec(heading);
		const parsed = date ? parseRegisterDate(date[1]!) : null;
		if (parsed) return parsed;
	}
	return null;
}

export interface ExtractOptions {
	/** The Gebietsstand for a file whose headings do not state one (e.g. headings replaced by hand). */
	gebietsstand?: IsoDate;
}

export function parseExtractCsv(
	bytes: Uint8Array,
	options: ExtractOptions = {}
): RegisterResult & { encoding?: RegisterEncoding } {
	const text = decodeRegisterText(bytes);
	if (!text) return { ok: false, problems: [{ line: null, code: 'file_not_text' }] };
	const { lines } = text;
	const first = lines.findIndex((line) => RECORD_START.test(line));
	if (first === -1) {
		const empty = lines.every((line) => line.trim() === '');
		return {
			ok: false,
			problems: [{ line: null, code: empty ? 'file_empty' : 'columns_missing' }]
		};
	}
	const separator = RECORD_START.exec(lines[first]!)![1]!;
	let last = first;
	lines.forEach((line, index) => {
		if (filledCells(line, separator) > 1) last = index;
	});

	const stated = gebietsstandOf(lines.slice(0, first));
	const given =
		options.gebietsstand === undefined
			? null
			: /^\d{4}-\d{2}-\d{2}$/.test(options.gebietsstand)
				? parseRegisterDate(options.gebietsstand.replace(/-/g, ''))
				: null;
	if (options.gebietsstand !== undefined && given === null) {
		return { ok: false, problems: [{ line: null, code: 'gebietsstand_invalid' }] };
	}
	// A date given for a file that states its own must agree with it.
	if (stated !== null && given !== null && stated !== given) {
		return { ok: false, problems: [{ line: null, code: 'gebietsstand_differs' }] };
	}
	const records: RegisterRecord[] = [];
	const problems: RegisterProblem[] = [];

	for (let index = first; index <= last; index++) {
		const raw = lines[index]!;
		const line = index + 1;
		const cells = splitCsvLine(raw, separator);
		if (cells === null) {
			problems.push({ line, code: 'columns_missing' });
			continue;
		}
		if (cells.every((cell) => cell.trim() === '')) continue;
		const satzart = cells[0]!.trim();
		if (!FIRST_CELL_NUMBER.test(raw)) {
			problems.push({ line, code: 'record_type_unknown' });
			continue;
		}
		const isGemeinde = satzart === '60';
		if (cells.length <= (isGemeinde ? POPULATION_COLUMN : NAME_COLUMN)) {
			problems.push({ line, code: 'columns_missing' });
			continue;
		}
		records.push({
			line,
			satzart,
			gebietsstand: null,
			textkennzeichen: cells[1]!.trim(),
			land: key(cells[2], 2),
			rb: cells[3]!.trim(),
			kreis: key(cells[4], 2),
			verband: key(cells[5], 4),
			gemeinde: key(cells[6], 3),
			name: cells[NAME_COLUMN]!,
			areaHectares: isGemeinde ? hectaresOfKm2(cells[8]!) : null,
			population: isGemeinde ? countOf(cells[POPULATION_COLUMN]!) : null
		});
	}

	const result = assembleRegister(records, stated ?? given, problems);
	return result.ok ? { ...result, encoding: text.encoding } : result;
}

// The GV100AD file of the Destatis Gemeindeverzeichnis: one fixed-width record per line, positions
// counted in characters (1-based, as Destatis's record description counts them):
//   1–2 Satzart · 3–10 Gebietsstand (YYYYMMDD) · 11–12 Land · 13 Regierungsbezirk · 14–15 Kreis ·
//   16–18 Gemeinde · 19–22 Gemeindeverband · 23–72 Name · 73–122 seat of the administration ·
//   123–124 Textkennzeichen (Satzart 40, 50, 60) · 129–139 area in hectares · 140–150 population
//   (Satzart 60). Satzart 30 (Regionen, Baden-Württemberg only) is read and left out (ADR 23).

import { decodeRegisterText, type RegisterEncoding } from './register-text';
import {
	assembleRegister,
	parseRegisterDate,
	type RegisterProblem,
	type RegisterRecord,
	type RegisterResult
} from './register';

const field = (line: string, from: number, to: number): string => line.slice(from - 1, to);

/** The shortest line each Satzart can be: up to the last field read from it. */
const MIN_LENGTH: Record<string, number> = {
	'10': 23,
	'20': 23,
	'30': 23,
	'40': 124,
	'50': 124,
	'60': 150
};

const count = (raw: string): number | null => {
	const value = raw.trim();
	return /^\d+$/.test(value) ? Number(value) : null;
};

export function parseGv100ad(bytes: Uint8Array): RegisterResult & { encoding?: RegisterEncoding } {
	const text = decodeRegisterText(bytes);
	if (!text) return { ok: false, problems: [{ line: null, code: 'file_not_text' }] };
	const records: RegisterRecord[] = [];
	const problems: RegisterProblem[] = [];

	text.lines.forEach((raw, index) => {
		const line = index + 1;
		if (raw.trim() === '') return;
		const satzart = field(raw, 1, 2);
		const minLength = MIN_LENGTH[satzart];
		if (minLength === undefined) {
			problems.push({ line, code: 'record_type_unknown' });
			return;
		}
		// A shorter line has lost its trailing fields, or its columns have shifted.
		if (raw.length < minLength) {
			problems.push({ line, code: 'line_too_short' });
			return;
		}
		const gebietsstand = parseRegisterDate(field(raw, 3, 10));
		if (!gebietsstand) {
			problems.push({ line, code: 'gebietsstand_invalid' });
			return;
		}
		const isGemeinde = satzart === '60';
		const areaHectares = isGemeinde ? count(field(raw, 129, 139)) : null;
		const population = isGemeinde ? count(field(raw, 140, 150)) : null;
		records.push({
			line,
			satzart,
			gebietsstand,
			land: field(raw, 11, 12),
			rb: field(raw, 13, 13),
			kreis: field(raw, 14, 15),
			gemeinde: field(raw, 16, 18),
			verband: field(raw, 19, 22),
			name: field(raw, 23, 72),
			textkennzeichen: field(raw, 123, 124),
			areaHectares,
			population
		});
	});

	const result = assembleRegister(records, null, problems);
	return result.ok ? { ...result, encoding: text.encoding } : result;
}

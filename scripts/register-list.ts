// `npm run register:list -- <file> [--gebietsstand YYYY-MM-DD] [--land 03] [--source <text>]`
// Makes the register list the municipality form offers (src/lib/domain/register/niedersachsen.json,
// ADR 23) from a Destatis Gemeindeverzeichnis file: GV100AD (fixed width) or the quarterly extract
// saved as CSV, UTF-8 or Latin-1. --gebietsstand is needed only for a file whose headings do not state
// it. A file with a bad line is refused with the line numbers, and the list is left as it was.
//
// The shipped list was made with:
//   npm run register:list -- AuszugGV4QAktuell.csv --gebietsstand 2020-12-31 \
//     --source "<see the list's source field>"
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parseExtractCsv } from '../src/lib/domain/register/extract-csv';
import { parseGv100ad } from '../src/lib/domain/register/gv100ad';
import type { RegisterProblemCode } from '../src/lib/domain/register/register';
import {
	choicesOf,
	encodeChoices,
	type RegisterList
} from '../src/lib/domain/register/register-choices';

const OUT = new URL('../src/lib/domain/register/niedersachsen.json', import.meta.url);

const MESSAGES: Record<RegisterProblemCode, string> = {
	file_empty: 'Die Datei enthält keine Sätze.',
	file_not_text:
		'Die Datei ist keine Textdatei (GV100AD oder CSV); eine XLSX-Datei bitte als CSV speichern.',
	gebietsstand_missing:
		'Die Datei nennt keinen Gebietsstand; bitte mit --gebietsstand JJJJ-MM-TT angeben.',
	gebietsstand_invalid: 'Der Gebietsstand ist kein gültiges Datum.',
	gebietsstand_differs: 'Der Gebietsstand weicht vom Gebietsstand der Datei ab.',
	record_type_unknown: 'Unbekannte Satzart (erwartet 10, 20, 30, 40, 50 oder 60).',
	line_too_short: 'Die Zeile ist kürzer als ihre Satzart verlangt.',
	columns_missing: 'Spalten fehlen oder ein Anführungszeichen ist nicht geschlossen.',
	key_invalid: 'Der Regionalschlüssel ist unvollständig oder enthält andere Zeichen als Ziffern.',
	text_mark_invalid: 'Das Textkennzeichen passt nicht zur Satzart.',
	name_missing: 'Der Name fehlt.',
	number_invalid: 'Fläche oder Bevölkerung ist keine gültige Zahl.',
	duplicate: 'Dieser Schlüssel kommt in der Datei schon vor.',
	parent_missing: 'Kreis oder Gemeindeverband dieses Satzes fehlt in der Datei.'
};

const LAND_NAMES: Record<string, string> = { '03': 'Niedersachsen' };

function main(): number {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			gebietsstand: { type: 'string' },
			land: { type: 'string', default: '03' },
			source: { type: 'string' }
		}
	});
	const [file] = positionals;
	const land = values.land!;
	if (!file || !LAND_NAMES[land]) {
		console.error(
			'Aufruf: npm run register:list -- <Datei> [--gebietsstand JJJJ-MM-TT] [--land 03]'
		);
		return 2;
	}
	const bytes = new Uint8Array(readFileSync(file));
	// A GV100AD record starts with Satzart and an eight-digit date; the extract's first line is text.
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 12));
	const result = /^\d{10}/.test(head)
		? parseGv100ad(bytes)
		: parseExtractCsv(bytes, values.gebietsstand ? { gebietsstand: values.gebietsstand } : {});
	if (!result.ok) {
		for (const { line, code } of result.problems) {
			console.error(`${line === null ? basename(file) : `Zeile ${line}`}: ${MESSAGES[code]}`);
		}
		console.error(`Nichts geändert: ${result.problems.length} Problem(e) in ${basename(file)}.`);
		return 2;
	}
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const choices = choicesOf(result.register, land);
	const list: RegisterList = encodeChoices(choices, LAND_NAMES[land]!, {
		attribution: '© Statistisches Bundesamt (Destatis)',
		licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)',
		licenceUrl: 'https://www.govdata.de/dl-de/by-2-0',
		gebietsstand: result.register.gebietsstand,
		source: `${values.source ?? basename(file)}; SHA-256 ${sha256}; ${result.encoding}`
	});
	writeFileSync(OUT, formatList(list));
	console.error(
		`${choices.length} Einträge (${LAND_NAMES[land]}, Gebietsstand ${list.gebietsstand}) geschrieben.`
	);
	return 0;
}

/** One row per line, so a new Gebietsstand shows as a readable diff. */
function formatList({ rows, ...rest }: RegisterList): string {
	const head = JSON.stringify(rest, null, '\t').replace(/\n}$/, '');
	return `${head},\n\t"rows": [\n${rows.map((row) => `\t\t${JSON.stringify(row)}`).join(',\n')}\n\t]\n}\n`;
}

process.exitCode = main();

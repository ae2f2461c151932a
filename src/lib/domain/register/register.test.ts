import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countOf, hectaresOfKm2, parseExtractCsv } from './extract-csv';
import { parseGv100ad } from './gv100ad';
import type { Register } from './register';

const fixture = (name: string): Uint8Array =>
	new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

// Both fixtures describe the same piece of Niedersachsen (Gebietsstand 31.12.2020), written by hand from
// the Destatis extract: Braunschweig (kreisfreie Stadt), the Landkreis Gifhorn with the verbandsfreie
// Stadt Gifhorn and the Samtgemeinden Boldecker Land (Barwedel, Osloß) and Wesendorf (Schönewörde).
// Areas: the extract's km² times 100 (192,70 km² = 19270 ha), which is what GV100AD states.
const EXPECTED: Register = {
	gebietsstand: '2020-12-31',
	laender: [{ ars: '030000000000', name: 'Niedersachsen' }],
	regierungsbezirke: [{ ars: '031000000000', name: 'Statistische Region Braunschweig' }],
	kreise: [
		{ ars: '031010000000', name: 'Braunschweig, Stadt', type: 'kreisfreie_stadt' },
		{ ars: '031510000000', name: 'Gifhorn', type: 'landkreis' }
	],
	verbaende: [
		{
			ars: '031515401000',
			name: 'Boldecker Land',
			type: 'samtgemeinde',
			members: ['031515401002', '031515401020']
		},
		{ ars: '031515407000', name: 'Wesendorf', type: 'samtgemeinde', members: ['031515407026'] }
	],
	gemeinden: [
		{
			ars: '031010000000',
			ags: '03101000',
			name: 'Braunschweig, Stadt',
			type: 'kreisfreie_stadt',
			kreis: '031010000000',
			verband: null,
			areaHectares: 19270,
			population: 249406
		},
		{
			ars: '031510009009',
			ags: '03151009',
			name: 'Gifhorn, Stadt',
			type: 'stadt',
			kreis: '031510000000',
			verband: null,
			areaHectares: 10540,
			population: 42837
		},
		{
			ars: '031515401002',
			ags: '03151002',
			name: 'Barwedel',
			type: 'gemeinde',
			kreis: '031510000000',
			verband: '031515401000',
			areaHectares: 1980,
			population: 1020
		},
		{
			ars: '031515401020',
			ags: '03151020',
			name: 'Osloß',
			type: 'gemeinde',
			kreis: '031510000000',
			verband: '031515401000',
			areaHectares: 765,
			population: 1909
		},
		{
			ars: '031515407026',
			ags: '03151026',
			name: 'Schönewörde',
			type: 'gemeinde',
			kreis: '031510000000',
			verband: '031515407000',
			areaHectares: 1771,
			population: 917
		}
	]
} as unknown as Register;

describe('the GV100AD file', () => {
	it('reads Länder, Kreise, Samtgemeinden with their members and Gemeinden with ARS, area and population', () => {
		const result = parseGv100ad(fixture('gv100ad-sample.txt'));
		expect(result).toEqual({ ok: true, register: EXPECTED, encoding: 'utf-8' });
	});

	it('reads an older Latin-1 file with its umlauts and ß decoded', () => {
		const result = parseGv100ad(fixture('gv100ad-sample-latin1.txt'));
		expect(result).toEqual({ ok: true, register: EXPECTED, encoding: 'latin-1' });
	});

	it('refuses a file with bad lines, naming each line, and returns no register', () => {
		const lines = new TextDecoder().decode(fixture('gv100ad-sample.txt')).split('\r\n');
		lines[4] = lines[4]!.slice(0, 140); // Braunschweig cut off inside its population
		lines[9] = '70' + lines[9]!.slice(2); // Barwedel with a Satzart that does not exist
		lines[10] = lines[10]!.slice(0, 122) + '99' + lines[10]!.slice(124); // Osloß, unknown mark
		lines[12] = lines[12]!.slice(0, 2) + '20211301' + lines[12]!.slice(10); // month 13
		const result = parseGv100ad(bytes(lines.join('\r\n')));
		expect(result).toEqual({
			ok: false,
			problems: [
				{ line: 5, code: 'line_too_short' },
				{ line: 10, code: 'record_type_unknown' },
				{ line: 11, code: 'text_mark_invalid' },
				{ line: 13, code: 'gebietsstand_invalid' }
			]
		});
	});

	it('refuses records of another Gebietsstand and Gemeinden whose Kreis is missing', () => {
		const lines = new TextDecoder().decode(fixture('gv100ad-sample.txt')).split('\r\n');
		lines[7] = lines[7]!.slice(0, 2) + '20210630' + lines[7]!.slice(10); // Gifhorn, a later date
		lines.splice(5, 1); // the Kreis Gifhorn: every record below it loses its parent
		const result = parseGv100ad(bytes(lines.join('\r\n')));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems).toEqual([
			{ line: 6, code: 'parent_missing' },
			{ line: 7, code: 'gebietsstand_differs' },
			{ line: 8, code: 'parent_missing' },
			{ line: 9, code: 'parent_missing' },
			{ line: 10, code: 'parent_missing' },
			{ line: 11, code: 'parent_missing' },
			{ line: 12, code: 'parent_missing' }
		]);
	});

	it('refuses an empty file and a binary one', () => {
		expect(parseGv100ad(bytes('\r\n'))).toEqual({
			ok: false,
			problems: [{ line: null, code: 'file_empty' }]
		});
		expect(parseGv100ad(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x00))).toEqual({
			ok: false,
			problems: [{ line: null, code: 'file_not_text' }]
		});
	});
});

describe('the quarterly extract as CSV', () => {
	it('reads a Latin-1 semicolon file with German numbers and takes the Gebietsstand from its heading', () => {
		const result = parseExtractCsv(fixture('extract-sample-latin1.csv'));
		expect(result).toEqual({ ok: true, register: EXPECTED, encoding: 'latin-1' });
	});

	it('reads a UTF-8 comma file with one heading row when the Gebietsstand is given', () => {
		const csv = [
			'\ufeffsatzart,textkennzeichen,land,rb,kreis,vb,gemeinde,gemeindename,flaeche,bevoelkerung',
			'10,,03,,,,,Niedersachsen,,',
			'40,41,03,1,01,,,"Braunschweig, Stadt",,',
			'50,50,03,1,01,0000,,"Braunschweig, Stadt",,',
			'60,61,03,1,01,0000,000,"Braunschweig, Stadt", 192.70, 249 406'
		].join('\n');
		expect(parseExtractCsv(bytes(csv))).toEqual({
			ok: false,
			problems: [{ line: null, code: 'gebietsstand_missing' }]
		});
		const result = parseExtractCsv(bytes(csv), { gebietsstand: '2020-12-31' });
		expect(result.ok && result.register.gemeinden).toEqual([EXPECTED.gemeinden[0]]);
		expect(result.ok && result.register.kreise).toEqual([EXPECTED.kreise[0]]);
	});

	it('refuses a Gebietsstand given that contradicts the one the file states', () => {
		const result = parseExtractCsv(fixture('extract-sample-latin1.csv'), {
			gebietsstand: '2021-03-31'
		});
		expect(result).toEqual({ ok: false, problems: [{ line: null, code: 'gebietsstand_differs' }] });
	});

	it('refuses malformed lines with their line numbers and returns no register', () => {
		const lines = new TextDecoder('latin1')
			.decode(fixture('extract-sample-latin1.csv'))
			.split('\r\n');
		lines[9] = '60;61;03;1;01;0000;000;Braunschweig, Stadt;192,70;viele'; // population not a number
		lines[12] = '60;63;03;1;51;0009;009;"Gifhorn, Stadt'; // quote left open
		lines[14] = '60;64;03;1;51;5401;00A;Barwedel;19,80;1.020'; // key with a letter
		lines[15] = '60;64;03;1;51;5401;020;;7,65;1.909'; // no name
		const result = parseExtractCsv(latin1(lines.join('\r\n')));
		expect(result).toEqual({
			ok: false,
			problems: [
				{ line: 10, code: 'number_invalid' },
				{ line: 13, code: 'columns_missing' },
				{ line: 15, code: 'key_invalid' },
				{ line: 16, code: 'name_missing' }
			]
		});
	});

	it('refuses a record after the data that lost its Satzart, and a repeated Gemeinde', () => {
		const text = new TextDecoder('latin1').decode(fixture('extract-sample-latin1.csv'));
		const broken = text.replace(
			'1) Fläche',
			'6O;64;03;1;51;5407;026;Schönewörde;17,71;917\r\n1) Fläche'
		);
		const repeated = broken.replace('60;64;03;1;51;5401;020;Osloß', '60;64;03;1;51;5401;002;Osloß');
		const result = parseExtractCsv(latin1(repeated));
		expect(result).toEqual({
			ok: false,
			problems: [
				{ line: 16, code: 'duplicate' },
				{ line: 20, code: 'record_type_unknown' }
			]
		});
	});
});

describe('numbers in the extract', () => {
	it('read areas in km² as hectares and head counts with any thousands separator', () => {
		expect(hectaresOfKm2(' 53.02')).toBe(5302);
		expect(hectaresOfKm2('7,6')).toBe(760);
		expect(hectaresOfKm2('1.234,5')).toBe(123450);
		expect(hectaresOfKm2('12')).toBe(1200);
		expect(hectaresOfKm2('53.025')).toBeNull();
		expect(hectaresOfKm2('')).toBeNull();
		expect(countOf(' 90 164')).toBe(90164);
		expect(countOf('249.406')).toBe(249406);
		expect(countOf('3\u00a0669\u00a0491')).toBe(3669491);
		expect(countOf('12,5')).toBeNull();
	});
});

describe('areas outside every Kreis', () => {
	it('hang from their Land (the German-Luxembourg condominium)', () => {
		const csv = [
			'Gemeinden am 31.12.2020',
			'10,,07,,,,,Rheinland-Pfalz,,',
			'50,50,07,0,00,9999,,Gemeinsames deutsch-luxemburgisches Hoheitsgebiet,,',
			'60,66,07,0,00,9999,999,Gemeinsames deutsch-luxemburgisches Hoheitsgebiet, 6.20,  0'
		].join('\n');
		const result = parseExtractCsv(bytes(csv));
		expect(result.ok && result.register.gemeinden[0]).toMatchObject({
			ars: '070009999999',
			type: 'gemeindefreies_gebiet_unbewohnt',
			areaHectares: 620,
			population: 0
		});
		const orphan = csv.replace('10,,07,,,,,Rheinland-Pfalz,,\n', '');
		expect(parseExtractCsv(bytes(orphan))).toEqual({
			ok: false,
			problems: [
				{ line: 2, code: 'parent_missing' },
				{ line: 3, code: 'parent_missing' }
			]
		});
	});
});

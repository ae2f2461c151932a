import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGv100ad } from './gv100ad';
import {
	choicesOf,
	decodeChoices,
	encodeChoices,
	searchChoices,
	type RegisterChoice
} from './register-choices';
import shipped from './niedersachsen.json';
import { searchShipped } from './shipped-register';
import type { RegisterList } from './register-choices';

const sample = parseGv100ad(
	new Uint8Array(readFileSync(new URL('./fixtures/gv100ad-sample.txt', import.meta.url)))
);
if (!sample.ok) throw new Error('the fixture must parse');
const choices = choicesOf(sample.register, '03');

// By hand from the fixture: the Landkreis and the Samtgemeinden count the people and hectares of their
// Gemeinden (Gifhorn 42837 + 1020 + 1909 + 917 = 46683; 10540 + 1980 + 765 + 1771 = 15056 ha).
const BY_HAND: RegisterChoice[] = [
	{
		ars: '031010000000',
		officialName: 'Braunschweig, Stadt',
		name: 'Braunschweig',
		type: 'kreisfreie_stadt',
		role: 'kreisfreie_stadt',
		landkreis: null,
		samtgemeinde: null,
		population: 249406,
		areaHectares: 19270
	},
	{
		ars: '031510000000',
		officialName: 'Gifhorn',
		name: 'Landkreis Gifhorn',
		type: 'landkreis',
		role: 'landkreis',
		landkreis: null,
		samtgemeinde: null,
		population: 46683,
		areaHectares: 15056
	},
	{
		ars: '031510009009',
		officialName: 'Gifhorn, Stadt',
		name: 'Gifhorn',
		type: 'stadt',
		role: 'verbandsfreie_gemeinde',
		landkreis: 'Landkreis Gifhorn',
		samtgemeinde: null,
		population: 42837,
		areaHectares: 10540
	},
	{
		ars: '031515401000',
		officialName: 'Boldecker Land',
		name: 'Boldecker Land',
		type: 'samtgemeinde',
		role: 'samtgemeinde',
		landkreis: 'Landkreis Gifhorn',
		samtgemeinde: null,
		population: 2929,
		areaHectares: 2745
	},
	{
		ars: '031515401002',
		officialName: 'Barwedel',
		name: 'Barwedel',
		type: 'einheitsgemeinde',
		role: 'mitgliedsgemeinde',
		landkreis: 'Landkreis Gifhorn',
		samtgemeinde: 'Boldecker Land',
		population: 1020,
		areaHectares: 1980
	},
	{
		ars: '031515401020',
		officialName: 'Osloß',
		name: 'Osloß',
		type: 'einheitsgemeinde',
		role: 'mitgliedsgemeinde',
		landkreis: 'Landkreis Gifhorn',
		samtgemeinde: 'Boldecker Land',
		population: 1909,
		areaHectares: 765
	},
	{
		ars: '031515407000',
		officialName: 'Wesendorf',
		name: 'Wesendorf',
		type: 'samtgemeinde',
		role: 'samtgemeinde',
		landkreis: 'Landkreis Gifhorn',
		samtgemeinde: null,
		population: 917,
		areaHectares: 1771
	},
	{
		ars: '031515407026',
		officialName: 'Schönewörde',
		name: 'Schönewörde',
		type: 'einheitsgemeinde',
		role: 'mitgliedsgemeinde',
		landkreis: 'Landkreis Gifhorn',
		samtgemeinde: 'Wesendorf',
		population: 917,
		areaHectares: 1771
	}
] as unknown as RegisterChoice[];

describe('the choices a facilitator picks from', () => {
	it('offers each kreisfreie Stadt once, Landkreise, Samtgemeinden and Gemeinden with their form values', () => {
		expect(choices).toEqual(BY_HAND);
	});

	it('survive the compact file unchanged', () => {
		const list = encodeChoices(choices, 'Niedersachsen', {
			attribution: '© Statistisches Bundesamt (Destatis)',
			licence: 'dl-de/by-2-0',
			licenceUrl: 'https://www.govdata.de/dl-de/by-2-0',
			gebietsstand: '2020-12-31',
			source: 'fixture'
		});
		expect(list.landkreise).toEqual(['Landkreis Gifhorn']);
		expect(list.samtgemeinden).toEqual(['Boldecker Land', 'Wesendorf']);
		expect(decodeChoices(list)).toEqual(BY_HAND);
	});

	it('are found by the start of the name, a word in it, umlauts typed plainly, and by ARS digits', () => {
		const names = (query: string) => searchChoices(choices, query).map((c) => c.officialName);
		expect(names('gif')).toEqual(['Gifhorn', 'Gifhorn, Stadt']);
		expect(names('stadt')).toEqual(['Braunschweig, Stadt', 'Gifhorn, Stadt']);
		expect(names('schonew')).toEqual(['Schönewörde']);
		expect(names('osloss')).toEqual(['Osloß']);
		expect(names('03151 5401')).toEqual(['Boldecker Land', 'Barwedel', 'Osloß']);
		expect(names('  ')).toEqual([]);
		expect(names('Hamburg')).toEqual([]);
	});
});

describe('the shipped Niedersachsen list', () => {
	const list = shipped as unknown as RegisterList;
	const all = decodeChoices(list);

	it('names its source, licence and Gebietsstand', () => {
		expect(list.attribution).toBe('© Statistisches Bundesamt (Destatis)');
		expect(list.licenceUrl).toBe('https://www.govdata.de/dl-de/by-2-0');
		expect(list.gebietsstand).toBe('2020-12-31');
	});

	it('holds the Land only: 8 kreisfreie Städte, 37 Landkreise with the Region, 116 Samtgemeinden, 934 other Gemeinden', () => {
		expect(all.every((c) => c.ars.startsWith('03'))).toBe(true);
		const count = (role: string) => all.filter((c) => c.role === role).length;
		expect(count('kreisfreie_stadt')).toBe(8);
		expect(count('landkreis')).toBe(37);
		expect(count('samtgemeinde')).toBe(116);
		expect(count('mitgliedsgemeinde') + count('verbandsfreie_gemeinde')).toBe(934);
	});

	it('fills Hannover as a Stadt in the Region Hannover', () => {
		const [hannover] = searchChoices(all, 'Hannover, Landes');
		expect(hannover).toMatchObject({
			ars: '032410001001',
			name: 'Hannover',
			type: 'stadt',
			landkreis: 'Region Hannover',
			population: 536925
		});
		expect(searchChoices(all, '032410000000')[0]).toMatchObject({ type: 'region' });
	});
});

describe('finding a place in the shipped list', () => {
	// Expectations read off niedersachsen.json by hand; the form searches through this module.
	const names = (query: string, limit?: number) =>
		searchShipped(query, limit).map((c) => c.officialName);

	it('puts names that start with the query before names with a word that does, and those before the rest', () => {
		// Osloß starts with "osl"; Goslar only contains it (the Landkreis, 136,292, before the Stadt, 50,554).
		expect(names('osl')).toEqual(['Osloß', 'Goslar', 'Goslar, Stadt']);
		// "Hann. Münden" and "Bad Münder" have a word starting with "münd", Wittmund only contains it.
		expect(names('Münd')).toEqual([
			'Hann. Münden, Stadt',
			'Bad Münder am Deister, Stadt',
			'Wittmund',
			'Wittmund, Stadt'
		]);
	});

	it('ranks larger places first among equally good matches', () => {
		// Landkreis Celle 179,011 before the Stadt Celle 69,540; Hannover 536,925 before Hann. Münden.
		expect(names('celle')).toEqual(['Celle', 'Celle, Stadt']);
		expect(names('hann').slice(0, 2)).toEqual([
			'Hannover, Landeshauptstadt',
			'Hann. Münden, Stadt'
		]);
	});

	it('finds umlauts and ß typed plainly or as they are written', () => {
		expect(names('munden')).toEqual(['Hann. Münden, Stadt']);
		expect(names('osloss')).toEqual(['Osloß']);
		expect(names('OSLOß')).toEqual(['Osloß']);
		expect(names('gross', 3)).toEqual(['Großenkneten', 'Großefehn', 'Großheide']);
		expect(names('groß', 3)).toEqual(['Großenkneten', 'Großefehn', 'Großheide']);
	});

	it('finds a Kreis and a Samtgemeinde by the name people say, with their designation', () => {
		expect(names('Landkreis Gif')).toEqual(['Gifhorn']);
		expect(names('Region Hann')).toEqual(['Region Hannover']);
		expect(names('Samtgemeinde Bold')).toEqual(['Boldecker Land']);
	});

	it('finds places by the start of their ARS, in ARS order, spaces ignored', () => {
		expect(searchShipped('03151 5401').map((c) => c.ars)).toEqual([
			'031515401000',
			'031515401002',
			'031515401004',
			'031515401014',
			'031515401020',
			'031515401030',
			'031515401039'
		]);
		expect(names('031510', 2)).toEqual(['Gifhorn', 'Gifhorn, Stadt']);
		expect(names('04')).toEqual([]);
	});

	it('gives a Samtgemeinde member its Samtgemeinde, Landkreis and population, and tells two places of one name apart', () => {
		expect(searchShipped('osloss')[0]).toMatchObject({
			ars: '031515401020',
			name: 'Osloß',
			type: 'einheitsgemeinde',
			role: 'mitgliedsgemeinde',
			samtgemeinde: 'Boldecker Land',
			landkreis: 'Landkreis Gifhorn',
			population: 1909
		});
		// The Samtgemeinde (its six members: 1919 + 917 + 1545 + 1171 + 3691 + 5378 = 14,621) and its
		// member Gemeinde of the same name, the larger first.
		expect(searchShipped('wesendorf')).toMatchObject([
			{ ars: '031515407000', role: 'samtgemeinde', samtgemeinde: null, population: 14621 },
			{
				ars: '031515407038',
				role: 'mitgliedsgemeinde',
				samtgemeinde: 'Wesendorf',
				population: 5378
			}
		]);
		// Boldecker Land: 1020 + 1298 + 2019 + 1909 + 1420 + 2416 = 10,082.
		expect(searchShipped('Samtgemeinde Bold')[0]).toMatchObject({
			type: 'samtgemeinde',
			landkreis: 'Landkreis Gifhorn',
			population: 10082
		});
	});

	it('finds nothing for a place outside the Land or blank input', () => {
		expect(names('Hamburg')).toEqual([]);
		expect(names('   ')).toEqual([]);
	});
});

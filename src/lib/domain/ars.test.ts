import { describe, expect, it } from 'vitest';
import { agsOfArs, splitArs, validateArs, type Ars } from './ars';
import type { KommuneType } from './kommune-type';

// Real keys from the Destatis municipality directory, except where noted.
const VALID: [string, KommuneType, string][] = [
	['032410000000', 'region', 'Region Hannover'],
	['034590000000', 'landkreis', 'Landkreis Osnabrück'],
	['031010000000', 'kreisfreie_stadt', 'Braunschweig'],
	['110000000000', 'kreisfreie_stadt', 'Berlin (Kreis 00 as the city states are written)'],
	['032410001001', 'stadt', 'Landeshauptstadt Hannover'],
	['032520006006', 'stadt', 'Hameln'],
	['032575403006', 'stadt', 'Bad Nenndorf, member of Samtgemeinde Nenndorf'],
	['032575403000', 'samtgemeinde', 'Samtgemeinde Nenndorf'],
	['034590007007', 'einheitsgemeinde', 'a verbandsfreie Gemeinde (constructed: "0" + number)']
];

describe('validateArs', () => {
	it.each(VALID)('accepts %s as %s (%s)', (raw, type) => {
		expect(validateArs(raw, type)).toEqual({ ok: true, value: raw });
	});

	it('accepts a key grouped with spaces and returns it without them', () => {
		expect(validateArs(' 03 2 41 0001 001 ', 'stadt')).toEqual({ ok: true, value: '032410001001' });
	});

	it.each([
		['', 'ars_required'],
		['   ', 'ars_required'],
		['03241000100', 'ars_too_short'],
		['0324', 'ars_too_short'],
		['0324100010011', 'ars_too_long'],
		['03241001', 'ars_is_ags'],
		['03a410001001', 'ars_not_digits'],
		['03-241-0001-001', 'ars_not_digits'],
		['172410001001', 'ars_land_unknown'],
		['002410001001', 'ars_land_unknown']
	])('refuses %j with %s', (raw, code) => {
		expect(validateArs(raw)).toEqual({ ok: false, error: code });
	});

	it.each([
		['032410001001', 'kreisfreie_stadt', 'a Gemeinde key for a kreisfreie Stadt'],
		['032410001001', 'landkreis', 'a Gemeinde key for a Landkreis'],
		['032410000000', 'stadt', 'a Kreis key for a Stadt'],
		['032575403000', 'einheitsgemeinde', 'a Gemeindeverband key for an Einheitsgemeinde'],
		['032575403006', 'samtgemeinde', 'a Gemeinde key for a Samtgemeinde'],
		['032410000000', 'samtgemeinde', 'a Kreis key for a Samtgemeinde'],
		['110000000000', 'landkreis', 'a city-state key (Kreis 00) for a Landkreis'],
		['034590000007', 'stadt', 'a Gemeinde without Gemeindeverband']
	] as const)('refuses %s as %s (%s)', (raw, type, _why) => {
		expect(validateArs(raw, type)).toEqual({ ok: false, error: 'ars_structure_type' });
	});

	it('checks only the shape when no type is given', () => {
		expect(validateArs('032410000000').ok).toBe(true);
	});
});

describe('agsOfArs', () => {
	it('drops the Gemeindeverband: Hannover 032410001001 → 03241001', () => {
		expect(agsOfArs('032410001001' as Ars)).toBe('03241001');
	});

	it('keeps the zeros of a kreisfreie Stadt: Braunschweig 031010000000 → 03101000', () => {
		expect(agsOfArs('031010000000' as Ars)).toBe('03101000');
	});

	it('splits a key into its five parts', () => {
		expect(splitArs('032575403006' as Ars)).toEqual({
			land: '03',
			regierungsbezirk: '2',
			kreis: '57',
			gemeindeverband: '5403',
			gemeinde: '006'
		});
	});
});

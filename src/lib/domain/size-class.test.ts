import { describe, expect, it } from 'vitest';
import { kgstClass, kgstDistrictClass, kgstMunicipalityClass, smallTownClass } from './size-class';

describe('KGSt classes of municipalities', () => {
	it.each([
		[535_000, 'GK1'], // Hannover
		[400_001, 'GK1'],
		[400_000, 'GK2'],
		[252_811, 'GK2'], // Braunschweig
		[200_000, 'GK2'],
		[199_999, 'GK3'],
		[100_000, 'GK3'],
		[99_999, 'GK4'],
		[50_000, 'GK4'],
		[49_999, 'GK5'],
		[25_000, 'GK5'],
		[24_999, 'GK6'],
		[10_000, 'GK6'],
		[9_999, 'GK7'],
		[1, 'GK7']
	])('puts %d inhabitants into %s', (population, expected) => {
		expect(kgstMunicipalityClass(population)).toBe(expected);
	});
});

describe('KGSt classes of districts', () => {
	it.each([
		[1_170_000, 'GK1'], // Region Hannover
		[250_001, 'GK1'],
		[250_000, 'GK2'],
		[150_000, 'GK2'],
		[149_999, 'GK3'],
		[48_000, 'GK3']
	])('puts %d inhabitants into %s', (population, expected) => {
		expect(kgstDistrictClass(population)).toBe(expected);
	});

	it('chooses the district classes for a Landkreis and a Region, the municipal ones otherwise', () => {
		expect(kgstClass('landkreis', 300_000)).toBe('GK1');
		expect(kgstClass('region', 300_000)).toBe('GK1');
		expect(kgstClass('kreisfreie_stadt', 300_000)).toBe('GK2');
		expect(kgstClass('landkreis', 160_000)).toBe('GK2');
		expect(kgstClass('stadt', 160_000)).toBe('GK3');
		expect(kgstClass('samtgemeinde', 12_000)).toBe('GK6');
		expect(kgstClass('einheitsgemeinde', 12_000)).toBe('GK6');
	});
});

describe('small-town split', () => {
	it.each([
		[1, 'lt5k'],
		[4_999, 'lt5k'],
		[5_000, '5k_10k'],
		[9_999, '5k_10k'],
		[10_000, '10k_20k'],
		[19_999, '10k_20k'],
		[20_000, '20k_50k'],
		[49_999, '20k_50k'],
		[50_000, 'ge50k'],
		[4_000_000, 'ge50k']
	])('puts %d inhabitants into %s', (population, expected) => {
		expect(smallTownClass(population)).toBe(expected);
	});
});

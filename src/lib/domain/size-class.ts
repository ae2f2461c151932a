// Size classes from population. KGSt publishes its classes as ranges
// ("über 400.000", "200.000 bis 400.000", …, "unter 10.000"), which overlap at the shared bounds. We read
// every lower bound as inclusive and the top one as exclusive: GK1 is > 400,000, GK2 is
// 200,000–400,000, GK3 is 100,000–199,999 … GK7 is < 10,000. Districts alike: GK1 > 250,000,
// GK2 150,000–250,000, GK3 < 150,000.

import { isKreisType, type KommuneType } from './kommune-type';

export const KGST_CLASSES = ['GK1', 'GK2', 'GK3', 'GK4', 'GK5', 'GK6', 'GK7'] as const;
export type KgstClass = (typeof KGST_CLASSES)[number];

/** Finer split for small towns, since most Lower Saxon units are below 25,000 inhabitants. */
export const SMALL_TOWN_CLASSES = ['lt5k', '5k_10k', '10k_20k', '20k_50k', 'ge50k'] as const;
export type SmallTownClass = (typeof SMALL_TOWN_CLASSES)[number];

/** Lower bounds (inclusive) of GK2 … GK7 for municipalities; above 400,000 is GK1. */
const MUNICIPALITY_BOUNDS: [number, KgstClass][] = [
	[200_000, 'GK2'],
	[100_000, 'GK3'],
	[50_000, 'GK4'],
	[25_000, 'GK5'],
	[10_000, 'GK6']
];

export function kgstMunicipalityClass(population: number): KgstClass {
	if (population > 400_000) return 'GK1';
	for (const [min, cls] of MUNICIPALITY_BOUNDS) if (population >= min) return cls;
	return 'GK7';
}

export function kgstDistrictClass(population: number): KgstClass {
	if (population > 250_000) return 'GK1';
	if (population >= 150_000) return 'GK2';
	return 'GK3';
}

/** Districts (Landkreis, Region) use the district classes; every other type the municipal ones. */
export const kgstClass = (type: KommuneType, population: number): KgstClass =>
	isKreisType(type) ? kgstDistrictClass(population) : kgstMunicipalityClass(population);

export function smallTownClass(population: number): SmallTownClass {
	if (population < 5_000) return 'lt5k';
	if (population < 10_000) return '5k_10k';
	if (population < 20_000) return '10k_20k';
	if (population < 50_000) return '20k_50k';
	return 'ge50k';
}

// Demo and benchmark data: a made-up Lower Saxony (Land code 03) whose municipalities look like the real
// ones, each with a complete Digital-Check round. Everything comes from a seed: the same seed gives
// deep-equal output on every run, another seed other municipalities. The random numbers come from
// pure-rand's xoroshiro128+ (seeded-random.ts).
//
// What the data looks like:
// - The mix of Lower Saxony: 281 kreisangehörige Einheitsgemeinden (153 Gemeinden, 128 Städte), 8
//   kreisfreie Städte, 114 Samtgemeinden, 36 Landkreise and 1 Region for 440; other counts scale it
//   (largest remainder, see `municipalityMix`). Samtgemeinden are profiled as a whole, their
//   Mitgliedsgemeinden are not generated.
// - ARS that pass `validateArs(ars, type)` and are unique: Regierungsbezirk 1–4 (the former ones), Kreis
//   01–40 for kreisfreie Städte, 41–50 for a Region, 51–99 for Landkreise; a verbandsfreie Gemeinde has
//   Gemeindeverband "0" + its own number, a Samtgemeinde "54" + two digits (as in 032575403006).
//   Gemeinde numbers run in name order within a Kreis, with gaps where Mitgliedsgemeinden would be.
// - Populations: a Landkreis has 50,000–400,000 inhabitants (log-normal around 150,000) and is the sum of
//   its members, so most Gemeinden are below 25,000; a Region about 1.1 million; kreisfreie Städte
//   50,000–260,000. Core staff and IT staff scale with size; IT staff also with the IT operating model
//   and the municipality's maturity.
// - Answers: every respondent answers every item of their perspective. An answer scatters around the
//   municipality's true level in the item's dimension (`trueLevels`), which rises with size (log of the
//   population) and with a hidden per-municipality offset (`maturityOffset`); perspectives see it
//   differently (the Verwaltungsspitze more favourably, Beschäftigte and Personalrat more critically), and
//   about 8 % of answers are "weiß nicht". Targets (Soll) lie above the true level.

import { Random, seededGenerator } from './seeded-random';
import type { Ars } from '../domain/ars';
import type { Answer, RespondentAnswers } from '../domain/check/answers';
import { CURRENT_CATALOG } from '../domain/check/catalog';
import { itemsForPerspective } from '../domain/check/catalog-items';
import {
	DIMENSIONS,
	type Catalog,
	type CatalogItem,
	type DimensionId
} from '../domain/check/catalog-types';
import type { ItOperatingModel } from '../domain/it-operating-model';
import type { KommuneProfileFields } from '../domain/kommune-profile';
import type { KommuneType } from '../domain/kommune-type';
import type { Perspective } from '../domain/perspectives';

// ---------------------------------------------------------------------------------------------------
// Random numbers

/** Largest `count` accepted: beyond it the Kreis numbers of a Regierungsbezirk (51–99) run out. */
export const MAX_MUNICIPALITIES = 1500;

const clamp = (value: number, min: number, max: number): number =>
	Math.min(max, Math.max(min, value));

/** Splits `total` in proportion to `weights`: floors first, then the largest remainders (ties: first). */
function largestRemainder(total: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((s, w) => s + w, 0);
	if (sum <= 0) return weights.map(() => 0);
	const quotas = weights.map((w) => (total * w) / sum);
	const counts = quotas.map(Math.floor);
	const order = quotas
		.map((quota, index) => ({ index, remainder: quota - Math.floor(quota) }))
		.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
	let left = total - counts.reduce((s, c) => s + c, 0);
	for (const { index } of order) {
		if (left <= 0) break;
		counts[index]! += 1;
		left -= 1;
	}
	return counts;
}

// ---------------------------------------------------------------------------------------------------
// The mix of types

/** Lower Saxony's municipalities by type (Einheitsgemeinden split into Gemeinden and Städte). */
export const NIEDERSACHSEN_MIX: Readonly<Record<KommuneType, number>> = Object.freeze({
	einheitsgemeinde: 153,
	stadt: 128,
	kreisfreie_stadt: 8,
	samtgemeinde: 114,
	landkreis: 36,
	region: 1
});

const MIX_ORDER: readonly KommuneType[] = [
	'einheitsgemeinde',
	'stadt',
	'samtgemeinde',
	'landkreis',
	'kreisfreie_stadt',
	'region'
];

/** How many of each type `generateMunicipalities` makes for `count`: Lower Saxony's mix, scaled. */
export function municipalityMix(count: number): Record<KommuneType, number> {
	checkCount(count);
	const counts = largestRemainder(
		count,
		MIX_ORDER.map((type) => NIEDERSACHSEN_MIX[type])
	);
	return Object.fromEntries(MIX_ORDER.map((type, i) => [type, counts[i]!])) as Record<
		KommuneType,
		number
	>;
}

function checkCount(count: number): void {
	if (!Number.isInteger(count) || count < 0 || count > MAX_MUNICIPALITIES)
		throw new RangeError(`count must be a whole number 0–${MAX_MUNICIPALITIES}: ${count}`);
}

// ---------------------------------------------------------------------------------------------------
// Names

// prettier-ignore
const STEMS = [
	'Ahl', 'Alten', 'Asel', 'Barg', 'Bever', 'Birken', 'Bock', 'Bram', 'Brinken', 'Buch', 'Dahl',
	'Dann', 'Delm', 'Diek', 'Dorn', 'Eichen', 'Elm', 'Esch', 'Falken', 'Fehren', 'Gander', 'Gehr',
	'Gold', 'Hage', 'Hasel', 'Heide', 'Helm', 'Hemm', 'Hollen', 'Horn', 'Ilsen', 'Kalk', 'Kirch',
	'Kloster', 'Lang', 'Lauen', 'Lehr', 'Lilien', 'Linden', 'Loh', 'Marien', 'Meller', 'Mittel',
	'Möllen', 'Nien', 'Nord', 'Ost', 'Otter', 'Rasten', 'Rehr', 'Roden', 'Rothen', 'Salz', 'Scharn',
	'Schwanen', 'Sieben', 'Stein', 'Sude', 'Süd', 'Tann', 'Uhlen', 'Vahl', 'Varen', 'Wald', 'Walle',
	'Wester', 'Wiesen', 'Wolfs', 'Wulfs'
] as const;

// prettier-ignore
const SUFFIXES = [
	'hagen', 'hausen', 'büttel', 'stedt', 'sen', 'ingen', 'loh', 'horst', 'moor', 'feld', 'rode',
	'dorf', 'beck', 'burg', 'heide', 'wede', 'fehn', 'siel', 'brück', 'bostel', 'wold', 'holz',
	'bergen', 'born', 'kamp', 'mühlen', 'lage', 'rade', 'leben', 'fleth', 'ohe', 'stade', 'kirchen',
	'lingen', 'berg', 'winkel'
] as const;

const CITY_SUFFIXES = ['burg', 'stadt', 'haven', 'brück', 'hagen', 'heim', 'hausen'] as const;
const PREFIXES = ['Bad', 'Groß', 'Klein', 'Neu', 'Alt'] as const;
// prettier-ignore
const APPENDICES = [
	'an der Aller', 'an der Weser', 'an der Leine', 'an der Hunte', 'an der Ems', 'am Deister',
	'am Harz', '(Oste)', '(Wümme)', 'in Ostfriesland'
] as const;

// prettier-ignore
const LANDSCAPES = [
	'Weser', 'Aller', 'Hunte', 'Ems', 'Leine', 'Oste', 'Elbe', 'Vechte', 'Hase', 'Wümme', 'Ilmenau',
	'Jade', 'Harz', 'Solling', 'Deister', 'Süntel', 'Nord', 'Süd', 'Ost', 'West'
] as const;
// prettier-ignore
const LANDSCAPE_SUFFIXES = ['marsch', 'land', 'geest', 'heide', 'aue', 'gau', 'tal', 'moor', 'börde'];

const startsWithVowel = (s: string): boolean => /^[aeiouäöü]/.test(s);

/** Stem and suffix, smoothed where they meet: "Linden" + "ingen" → "Lindingen", "Ahl" + "loh" → "Ahloh". */
function compound(stem: string, suffix: string): string {
	if (startsWithVowel(suffix) && stem.endsWith('en')) return stem.slice(0, -2) + suffix;
	if (stem.at(-1) === suffix[0]) return stem + suffix.slice(1);
	return stem + suffix;
}

type NameKind = 'gemeinde' | 'city';

function placeName(random: Random, kind: NameKind): string {
	if (kind === 'city') return compound(random.pick(STEMS), random.pick(CITY_SUFFIXES));
	let name = compound(random.pick(STEMS), random.pick(SUFFIXES));
	if (random.chance(0.1)) name = `${random.pick(PREFIXES)} ${name}`;
	if (random.chance(0.07)) name = `${name} ${random.pick(APPENDICES)}`;
	return name;
}

function landscapeName(random: Random): string {
	const stem = random.pick(LANDSCAPES);
	const suffix = random.pick(LANDSCAPE_SUFFIXES.filter((s) => !stem.toLowerCase().endsWith(s)));
	return stem + suffix;
}

/** Draws names until one is in neither set, and adds it to `taken`. */
function uniqueName(
	taken: Set<string>,
	draw: () => string,
	avoid: ReadonlySet<string> = taken
): string {
	for (let attempt = 0; attempt < 10_000; attempt++) {
		const name = draw();
		if (!taken.has(name) && !avoid.has(name)) {
			taken.add(name);
			return name;
		}
	}
	throw new Error('no unused name left');
}

/** Alphabetical order as in the official lists, the same on every machine (no locale). */
const sortKey = (name: string): string =>
	name.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: string, b: string): number =>
	compareStrings(sortKey(a), sortKey(b)) || compareStrings(a, b);

// ---------------------------------------------------------------------------------------------------
// Municipalities

export interface GeneratedMunicipality {
	/** What the profile document stores; passes `parseStoredProfile`. */
	profile: KommuneProfileFields;
	/**
	 * The municipality's own maturity in levels (normal, sd 0.45, within ±1.2), independent of its size:
	 * the hidden truth an analysis may try to find.
	 */
	maturityOffset: number;
	/** The level (0.2–3.8) answers scatter around, per dimension, before a perspective's bias. */
	trueLevels: Record<DimensionId, number>;
}

export interface GenerateMunicipalitiesOptions {
	seed: number;
	/** 0 to MAX_MUNICIPALITIES; 440 is Lower Saxony. */
	count?: number;
}

/** A Kreis-level unit: a Landkreis or Region, or a stand-in for the members of a tiny set. */
interface Kreis {
	type: 'landkreis' | 'region';
	/** Not part of the output: `count` was too small for a Landkreis, but members need one. */
	standIn: boolean;
	bezirk: number;
	code: number;
	targetPopulation: number;
	/** How strongly this Kreis is organised in Samtgemeinden (0 for a Region, as in Hannover). */
	samtgemeindeShare: number;
	members: Member[];
	name: string;
	population: number;
}

interface Member {
	type: 'einheitsgemeinde' | 'stadt' | 'samtgemeinde';
	baseName: string;
	weight: number;
	population: number;
}

/** The former Regierungsbezirke: Braunschweig, Hannover, Lüneburg, Weser-Ems. */
const LANDKREISE_PER_BEZIRK = [7, 6, 11, 12];
const KREISFREIE_PER_BEZIRK = [3, 0, 0, 5];
const REGION_BEZIRKE = [2, 1, 3, 4];

/** Lower bounds of the populations: islands have a few hundred inhabitants, Samtgemeinden thousands. */
const MIN_POPULATION = { einheitsgemeinde: 500, stadt: 500, samtgemeinde: 3_000 } as const;
const LANDKREIS_POPULATION = { min: 50_000, max: 400_000 } as const;

function planKreise(random: Random, landkreise: number, regions: number, members: number): Kreis[] {
	const kreise: Kreis[] = [];
	const make = (type: Kreis['type'], bezirk: number, code: number, standIn = false): Kreis => ({
		type,
		standIn,
		bezirk,
		code,
		targetPopulation:
			type === 'region'
				? random.between(1_050_000, 1_200_000)
				: clamp(random.logNormal(150_000, 0.45), 55_000, 390_000),
		samtgemeindeShare: type === 'region' ? 0 : random.between(0.2, 1.8),
		members: [],
		name: '',
		population: 0
	});
	for (let i = 0; i < regions; i++) {
		kreise.push(make('region', REGION_BEZIRKE[i % 4]!, 41 + Math.floor(i / 4)));
	}
	largestRemainder(landkreise, LANDKREISE_PER_BEZIRK).forEach((n, b) => {
		for (let j = 0; j < n; j++) kreise.push(make('landkreis', b + 1, 51 + j));
	});
	if (kreise.length === 0 && members > 0) kreise.push(make('landkreis', 1, 51, true));
	return kreise;
}

/**
 * Members go to Kreise in proportion to √population, Samtgemeinden more to some Kreise than to others
 * and never to a Region. Each Kreis first gets one Einheitsgemeinde, while there are enough.
 */
function assignMembers(random: Random, kreise: Kreis[], members: Member[]): void {
	const order = random.shuffle([...members]);
	const weight = (kreis: Kreis, member: Member) => {
		const base = Math.sqrt(kreis.targetPopulation);
		if (member.type === 'samtgemeinde') return base * kreis.samtgemeindeShare;
		return kreis.type === 'region' ? base : base * (2 - kreis.samtgemeindeShare);
	};
	const einheitsgemeinden = order.filter((m) => m.type !== 'samtgemeinde');
	const first =
		einheitsgemeinden.length >= kreise.length ? einheitsgemeinden.slice(0, kreise.length) : [];
	first.forEach((member, i) => kreise[i]!.members.push(member));
	for (const member of order) {
		if (first.includes(member)) continue;
		kreise[random.weightedIndex(kreise.map((k) => weight(k, member)))]!.members.push(member);
	}
}

/** Shares of the Kreis's population; the Kreis is then exactly the sum of its members. */
function populateKreis(random: Random, kreis: Kreis): void {
	const { members } = kreis;
	if (members.length === 0) {
		kreis.population = Math.round(kreis.targetPopulation);
		return;
	}
	const floor = members.reduce((sum, m) => sum + MIN_POPULATION[m.type], 0);
	const target =
		kreis.type === 'region'
			? kreis.targetPopulation
			: clamp(
					kreis.targetPopulation,
					LANDKREIS_POPULATION.min + members.length,
					LANDKREIS_POPULATION.max - floor - members.length
				);
	// A Region has one big city at its centre (as Hannover is in the Region Hannover).
	if (kreis.type === 'region') members[0]!.weight *= 10;
	const total = members.reduce((sum, m) => sum + m.weight, 0);
	for (const member of members) {
		member.population = Math.max(
			MIN_POPULATION[member.type],
			Math.round((target * member.weight) / total)
		);
	}
	kreis.population = members.reduce((sum, m) => sum + m.population, 0);
}

/** Some of the larger Einheitsgemeinden are Städte (by population, with some luck). */
function chooseStaedte(random: Random, members: Member[], staedte: number): void {
	const ranked = members
		.filter((m) => m.type !== 'samtgemeinde')
		.map((member) => ({ member, key: member.population * random.logNormal(1, 0.6) }))
		.sort((a, b) => b.key - a.key);
	ranked.forEach(({ member }, i) => (member.type = i < staedte ? 'stadt' : 'einheitsgemeinde'));
}

// prettier-ignore
const IT_MODELS_BY_SIZE: Record<'small' | 'medium' | 'large' | 'kreis' | 'city', Record<ItOperatingModel, number>> = {
	small: { eigene_it: 0.05, kommunaler_it_dienstleister: 0.55, landkreis: 0.25, gemischt: 0.1, extern_privat: 0.05 },
	medium: { eigene_it: 0.15, kommunaler_it_dienstleister: 0.5, landkreis: 0.1, gemischt: 0.2, extern_privat: 0.05 },
	large: { eigene_it: 0.3, kommunaler_it_dienstleister: 0.35, landkreis: 0, gemischt: 0.3, extern_privat: 0.05 },
	kreis: { eigene_it: 0.35, kommunaler_it_dienstleister: 0.4, landkreis: 0, gemischt: 0.25, extern_privat: 0 },
	city: { eigene_it: 0.5, kommunaler_it_dienstleister: 0.15, landkreis: 0, gemischt: 0.35, extern_privat: 0 }
};

function itOperatingModel(random: Random, type: KommuneType, population: number): ItOperatingModel {
	if (type === 'landkreis') return random.weighted(IT_MODELS_BY_SIZE.kreis);
	if (type === 'region' || type === 'kreisfreie_stadt')
		return random.weighted(IT_MODELS_BY_SIZE.city);
	if (population < 10_000) return random.weighted(IT_MODELS_BY_SIZE.small);
	if (population < 30_000) return random.weighted(IT_MODELS_BY_SIZE.medium);
	return random.weighted(IT_MODELS_BY_SIZE.large);
}

/** Staff of the core administration per 1,000 inhabitants. */
const STAFF_PER_1000: Record<KommuneType, number> = {
	einheitsgemeinde: 6,
	stadt: 6.5,
	samtgemeinde: 5.5,
	landkreis: 5,
	kreisfreie_stadt: 13,
	region: 3
};

/** IT staff as a share of core staff, by who runs the IT. */
const IT_SHARE: Record<ItOperatingModel, number> = {
	eigene_it: 0.035,
	gemischt: 0.025,
	kommunaler_it_dienstleister: 0.014,
	landkreis: 0.01,
	extern_privat: 0.012
};

/** Higher maturity with size: +0.5 levels per tenfold population, from −0.6 to +0.8 around 15,000. */
export const sizeEffect = (population: number): number =>
	clamp(0.5 * Math.log10(population / 15_000), -0.6, 0.8);

/** Where the dimensions stand on average, relative to one another (data and processes lag). */
const DIMENSION_MEAN: Record<DimensionId, number> = {
	strategie: -0.1,
	fuehrung: 0,
	prozesse: -0.3,
	ozg: -0.2,
	basisdienste: 0.2,
	infrastruktur: 0.5,
	sicherheit: 0.1,
	daten: -0.5,
	personal: -0.2,
	kooperation: 0.3
};
const BASE_LEVEL = 1.7;

/** A professional IT service provider lifts infrastructure and security a little. */
const IT_MODEL_EFFECT: Record<ItOperatingModel, Partial<Record<DimensionId, number>>> = {
	eigene_it: { infrastruktur: 0.1 },
	kommunaler_it_dienstleister: { infrastruktur: 0.2, sicherheit: 0.2, basisdienste: 0.1 },
	landkreis: { infrastruktur: 0.1 },
	gemischt: {},
	extern_privat: { sicherheit: -0.1 }
};

function finishMunicipality(
	random: Random,
	fields: Pick<KommuneProfileFields, 'ars' | 'name' | 'type' | 'landkreis' | 'population'>
): GeneratedMunicipality {
	const { type, population } = fields;
	const maturityOffset = clamp(random.normal(0, 0.45), -1.2, 1.2);
	const model = itOperatingModel(random, type, population);
	const coreStaff = Math.max(
		12,
		Math.round(
			(population / 1000) *
				STAFF_PER_1000[type] *
				(population / 15_000) ** 0.05 *
				random.logNormal(1, 0.15)
		)
	);
	const itStaff =
		coreStaff * IT_SHARE[model] * Math.exp(0.25 * maturityOffset) * random.logNormal(1, 0.25);
	const itStaffFte = Math.max(0.2, Math.round(itStaff * 10) / 10);
	const size = sizeEffect(population);
	const trueLevels = Object.fromEntries(
		DIMENSIONS.map((d) => [
			d,
			clamp(
				BASE_LEVEL +
					DIMENSION_MEAN[d] +
					(IT_MODEL_EFFECT[model][d] ?? 0) +
					size +
					maturityOffset +
					random.normal(0, 0.3),
				0.2,
				3.8
			)
		])
	) as Record<DimensionId, number>;
	return {
		profile: { ...fields, coreStaff, itStaffFte, itOperatingModel: model },
		maturityOffset,
		trueLevels
	};
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const arsOf = (bezirk: number, kreis: number, verband: string, gemeinde: number): Ars =>
	`03${bezirk}${pad(kreis, 2)}${verband}${pad(gemeinde, 3)}` as Ars;

/**
 * `count` made-up municipalities of Lower Saxony (440 by default), sorted by ARS. See the header of this
 * file for what they look like. The same seed gives deep-equal output.
 */
export function generateMunicipalities(
	options: GenerateMunicipalitiesOptions
): GeneratedMunicipality[] {
	const { seed, count = 440 } = options;
	checkCount(count);
	const random = new Random(seededGenerator(seed));
	const mix = municipalityMix(count);
	const eg = mix.einheitsgemeinde + mix.stadt;

	const members: Member[] = [
		...Array.from({ length: eg }, (): Member => ({
			type: 'einheitsgemeinde',
			baseName: '',
			weight: random.logNormal(1, 0.85),
			population: 0
		})),
		...Array.from({ length: mix.samtgemeinde }, (): Member => ({
			type: 'samtgemeinde',
			baseName: '',
			weight: random.logNormal(0.9, 0.4),
			population: 0
		}))
	];
	const kreise = planKreise(random, mix.landkreis, mix.region, members.length);
	assignMembers(random, kreise, members);
	for (const kreis of kreise) populateKreis(random, kreis);
	chooseStaedte(random, members, mix.stadt);

	const taken = new Set<string>();
	for (const member of members)
		member.baseName = uniqueName(taken, () => placeName(random, 'gemeinde'));
	const kreisfreie = Array.from({ length: mix.kreisfreie_stadt }, () => ({
		name: uniqueName(taken, () => placeName(random, 'city')),
		population: Math.round(random.logUniform(50_000, 260_000))
	}));

	const kreisNames = new Set<string>();
	for (const kreis of kreise) {
		const largest = [...kreis.members].sort((a, b) => b.population - a.population)[0];
		// Many Landkreise carry the name of their Kreisstadt (Celle, Gifhorn); a Region always does.
		const useTown =
			largest !== undefined &&
			largest.type !== 'samtgemeinde' &&
			!kreisNames.has(largest.baseName) &&
			(kreis.type === 'region' || random.chance(0.55));
		const name = useTown
			? largest.baseName
			: uniqueName(kreisNames, () => landscapeName(random), taken);
		kreisNames.add(name);
		kreis.name = `${kreis.type === 'region' ? 'Region' : 'Landkreis'} ${name}`;
	}

	const result: GeneratedMunicipality[] = [];
	for (const kreis of kreise) {
		if (!kreis.standIn) {
			result.push(
				finishMunicipality(random, {
					ars: arsOf(kreis.bezirk, kreis.code, '0000', 0),
					name: kreis.name,
					type: kreis.type,
					landkreis: null,
					population: kreis.population
				})
			);
		}
		const inOrder = [...kreis.members].sort((a, b) => byName(a.baseName, b.baseName));
		let gemeinde = 0;
		let verband = 0;
		for (const member of inOrder) {
			// Numbers in name order, with gaps for the Mitgliedsgemeinden of Samtgemeinden.
			gemeinde += random.int(1, 3);
			const samtgemeinde = member.type === 'samtgemeinde';
			if (samtgemeinde) verband += 1;
			result.push(
				finishMunicipality(random, {
					ars: samtgemeinde
						? arsOf(kreis.bezirk, kreis.code, `54${pad(verband, 2)}`, 0)
						: arsOf(kreis.bezirk, kreis.code, `0${pad(gemeinde, 3)}`, gemeinde),
					name: samtgemeinde ? `Samtgemeinde ${member.baseName}` : member.baseName,
					type: member.type,
					landkreis: kreis.name,
					population: member.population
				})
			);
		}
	}
	largestRemainder(kreisfreie.length, KREISFREIE_PER_BEZIRK).forEach((n, b) => {
		for (let j = 0; j < n; j++) {
			const city = kreisfreie.pop()!;
			result.push(
				finishMunicipality(random, {
					ars: arsOf(b + 1, 1 + j, '0000', 0),
					name: city.name,
					type: 'kreisfreie_stadt',
					landkreis: null,
					population: city.population
				})
			);
		}
	});
	return result.sort((a, b) => (a.profile.ars < b.profile.ars ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------------
// Check rounds

/** The perspectives a generated round uses (not E, Bürger:innen/Unternehmen). */
export const ROUND_PERSPECTIVES = [
	'H',
	'D',
	'A',
	'B',
	'PR',
	'P'
] as const satisfies readonly Perspective[];
type RoundPerspective = (typeof ROUND_PERSPECTIVES)[number];

/** Each perspective gets this many once there are enough respondents (3 × 6 = 18). */
const MIN_PER_PERSPECTIVE = 3;
/** How respondents beyond the minimum spread: mostly staff and heads of department. */
const EXTRA_WEIGHTS: Record<RoundPerspective, number> = { H: 4, D: 8, A: 25, B: 43, PR: 5, P: 15 };
/** Below 18 respondents, the first n of these. */
// prettier-ignore
const SMALL_ROUND_ORDER: readonly RoundPerspective[] = [
	'B', 'A', 'H', 'D', 'P', 'PR', 'B', 'A', 'P', 'D', 'H', 'PR', 'B', 'A', 'P', 'D', 'H', 'PR'
];

/** How many respondents of each perspective a round with `respondents` has. */
export function perspectiveCounts(respondents: number): Record<RoundPerspective, number> {
	const counts = Object.fromEntries(ROUND_PERSPECTIVES.map((p) => [p, 0])) as Record<
		RoundPerspective,
		number
	>;
	const minimum = MIN_PER_PERSPECTIVE * ROUND_PERSPECTIVES.length;
	if (respondents < minimum) {
		for (const p of SMALL_ROUND_ORDER.slice(0, respondents)) counts[p] += 1;
		return counts;
	}
	const extra = largestRemainder(
		respondents - minimum,
		ROUND_PERSPECTIVES.map((p) => EXTRA_WEIGHTS[p])
	);
	ROUND_PERSPECTIVES.forEach((p, i) => (counts[p] = MIN_PER_PERSPECTIVE + extra[i]!));
	return counts;
}

/** How each perspective sees the municipality, in levels: overall, and in some dimensions more so. */
// prettier-ignore
const PERSPECTIVE_BIAS: Record<RoundPerspective, { all: number } & Partial<Record<DimensionId, number>>> = {
	H: { all: 0.35, strategie: 0.2, fuehrung: 0.25 },
	D: { all: -0.1, sicherheit: -0.25, infrastruktur: 0.2 },
	A: { all: 0 },
	B: { all: -0.2, basisdienste: -0.3, personal: -0.3 },
	PR: { all: -0.3, personal: -0.35, fuehrung: -0.3 },
	P: { all: 0.1, strategie: 0.3, ozg: -0.2 }
};

/** Share of answers that are "weiß nicht / trifft nicht zu". */
export const UNKNOWN_SHARE = 0.08;

export interface GeneratedRespondent extends RespondentAnswers {
	/** Every item of the perspective, in catalog order; each valid for its item. */
	answers: Readonly<Record<string, Answer>>;
}

export interface GeneratedCheckRound {
	catalogVersion: string;
	/** Sorted by id (which sorts by the time they joined). */
	respondents: GeneratedRespondent[];
	/** Soll levels 0–4 for every dimension, above the municipality's true level (or 4). */
	targets: Record<DimensionId, number>;
}

export interface GenerateCheckRoundOptions {
	seed: number;
	/** How many respondents answer (0–1000); 18 or more gives every perspective at least 3. */
	respondents: number;
	/** CURRENT_CATALOG unless given. */
	catalog?: Catalog;
}

// Respondent ids look like the app's (ids.ts: ULID layout in Crockford base32), so demo rounds can be
// written to documents; the time part is made up, the rest comes from the seed.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 2026-03-02 08:00 UTC: the first day a generated round may start on. */
const ROUND_EPOCH = Date.UTC(2026, 2, 2, 8);

function respondentId(random: Random, time: number): string {
	let timePart = '';
	for (let i = 0, ms = time; i < 10; i++, ms = Math.floor(ms / 32)) {
		timePart = CROCKFORD[ms % 32]! + timePart;
	}
	let randomPart = '';
	for (let i = 0; i < 16; i++) randomPart += CROCKFORD[random.int(0, 31)]!;
	return timePart + randomPart;
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** An answer to one item from a respondent whose view of the item's dimension is `level` (0–4 scale). */
function answerItem(
	random: Random,
	item: CatalogItem,
	level: number,
	profile: KommuneProfileFields
): Answer {
	if (random.chance(UNKNOWN_SHARE)) return { kind: 'unknown' };
	const view = level + random.normal(0, 0.6);
	switch (item.type) {
		case 'R':
			return { kind: 'level', value: clamp(Math.round(view), 0, 4) };
		case 'L': {
			const agreement = clamp(Math.round(1 + view), 1, 5);
			return { kind: 'likert', value: item.reverse ? 6 - agreement : agreement };
		}
		case 'C': {
			// The earlier options are the common ones; the share ticked follows the level.
			const n = item.options.length;
			const ticked = item.options
				.filter((_, i) => {
					const commonness = n === 1 ? 0 : 1.2 - (2.4 * i) / (n - 1);
					return random.chance(logistic(1.5 * (view - 2) + commonness));
				})
				.map((option) => option.id);
			return { kind: 'checklist', ticked };
		}
		case 'F':
			return { kind: 'fact', value: factValue(random, item.fact, view, profile) };
	}
}

type Fact = Extract<CatalogItem, { type: 'F' }>['fact'];

/** A fact: bands follow the level (they are ordered low to high); numbers follow the size. */
function factValue(
	random: Random,
	fact: Fact,
	view: number,
	profile: KommuneProfileFields
): number | string {
	if (fact.kind === 'band') {
		const last = fact.bands.length - 1;
		return fact.bands[clamp(Math.round((view / 4) * last), 0, last)]!;
	}
	const staff = profile.coreStaff ?? profile.population / 150;
	const it = profile.itStaffFte ?? staff * 0.02;
	const noise = random.logNormal(1, 0.25);
	let value: number;
	switch (fact.unit) {
		case 'VZÄ': // organisation and process management
			value = Math.round(staff * 0.004 * (0.5 + view / 4) * noise * 2) / 2;
			break;
		case 'Verfahren': // specialist applications in use
			value = Math.round((25 + 5 * Math.sqrt(staff)) * noise);
			break;
		case 'Stellen': // vacant IT posts
			value = Math.max(0, Math.round(it * 0.1 * noise + random.normal(0, 0.5)));
			break;
		default:
			value = Math.round(fact.min + (fact.max - fact.min) * 0.05 * random.float());
	}
	return clamp(value, fact.min, fact.max);
}

/**
 * A complete round for `municipality`: `respondents` respondents over the perspectives H, D, A, B, PR
 * and P (see `perspectiveCounts`), each answering every item their perspective is asked with a valid
 * answer, and a Soll level per dimension. The same seed gives deep-equal output.
 */
export function generateCheckRound(
	municipality: GeneratedMunicipality,
	options: GenerateCheckRoundOptions
): GeneratedCheckRound {
	const { seed, respondents: total, catalog = CURRENT_CATALOG } = options;
	if (!Number.isInteger(total) || total < 0 || total > 1000)
		throw new RangeError(`respondents must be a whole number 0–1000: ${total}`);
	const random = new Random(seededGenerator(seed));
	const { profile, trueLevels } = municipality;
	const items = Object.fromEntries(
		ROUND_PERSPECTIVES.map((p) => [p, itemsForPerspective(catalog, p)])
	) as Record<RoundPerspective, CatalogItem[]>;

	const counts = perspectiveCounts(total);
	const sequence = random.shuffle(
		ROUND_PERSPECTIVES.flatMap((p) => Array<RoundPerspective>(counts[p]).fill(p))
	);
	let time = ROUND_EPOCH + random.int(0, 60) * 86_400_000;
	const respondents = sequence.map((perspective): GeneratedRespondent => {
		time += random.int(1, 900) * 1000;
		const respondentIdValue = respondentId(random, time);
		const bias = PERSPECTIVE_BIAS[perspective];
		const personal = random.normal(0, 0.3);
		const answers: Record<string, Answer> = {};
		for (const item of items[perspective]) {
			const level = trueLevels[item.dimension] + bias.all + (bias[item.dimension] ?? 0) + personal;
			answers[item.id] = answerItem(random, item, level, profile);
		}
		return { respondentId: respondentIdValue, perspective, answers };
	});

	const targets = Object.fromEntries(
		DIMENSIONS.map((d) => [
			d,
			Math.min(4, Math.floor(trueLevels[d] + 1.5 + (random.chance(0.25) ? 1 : 0)))
		])
	) as Record<DimensionId, number>;
	return { catalogVersion: catalog.version, respondents, targets };
}

// ---------------------------------------------------------------------------------------------------
// The full set

/** Respondents of a round by population: 8 for 2,000 inhabitants or fewer, 40 from 400,000. */
export function respondentsForPopulation(population: number): number {
	const t = clamp(Math.log10(population / 2_000) / Math.log10(400_000 / 2_000), 0, 1);
	return Math.round(8 + 32 * t);
}

export interface MunicipalityWithRound {
	municipality: GeneratedMunicipality;
	round: GeneratedCheckRound;
}

/** Lower Saxony's 440 municipalities, each with a round of `respondentsForPopulation` respondents. */
export function generateFullSet(seed: number): MunicipalityWithRound[] {
	const municipalities = generateMunicipalities({ seed, count: 440 });
	// The round seeds come from a stream 2^64 steps away from the municipalities' one.
	const seeds = seededGenerator(seed);
	seeds.jump();
	const roundSeeds = new Random(seeds);
	return municipalities.map((municipality) => ({
		municipality,
		round: generateCheckRound(municipality, {
			seed: roundSeeds.int32(),
			respondents: respondentsForPopulation(municipality.profile.population)
		})
	}));
}

// What a facilitator picks from when creating a municipality: the register's Gemeinden, Samtgemeinden,
// Landkreise (and the Region Hannover) and kreisfreie Städte of one Land, each with the values the
// profile form takes (ADR 23). The shipped list (`niedersachsen.json`, made by
// scripts/register-list.ts) stores these choices compactly; `searchChoices` finds them by name or ARS.

import type { Ars } from '../ars';
import type { KommuneType } from '../kommune-type';
import type { IsoDate, Register, RegisterGemeinde, RegisterKreis } from './register';

/** The official context of a choice, shown next to it so two places of one name can be told apart. */
export type ChoiceRole =
	| 'kreisfreie_stadt'
	| 'landkreis'
	| 'samtgemeinde'
	| 'mitgliedsgemeinde'
	| 'verbandsfreie_gemeinde';

export interface RegisterChoice {
	ars: Ars;
	/** The register's name ("Gifhorn, Stadt"). */
	officialName: string;
	/** The name the profile takes: the official one without its designation ("Gifhorn"). */
	name: string;
	type: KommuneType;
	role: ChoiceRole;
	/** The Landkreis or Region a kreisangehörige choice belongs to; null otherwise. */
	landkreis: string | null;
	/** The Samtgemeinde a Mitgliedsgemeinde belongs to; null otherwise. */
	samtgemeinde: string | null;
	population: number;
	areaHectares: number;
}

/** Where the list comes from, stored with it and shown wherever it is shown. */
export interface RegisterSource {
	attribution: string;
	licence: string;
	licenceUrl: string;
	gebietsstand: IsoDate;
	/** The file it was made from, for the record (not shown). */
	source: string;
}

const COLUMNS = [
	'ars',
	'officialName',
	'name',
	'type',
	'role',
	'landkreis',
	'samtgemeinde',
	'population',
	'areaHectares'
] as const;

type Row = [string, string, string, string, string, number, number, number, number];

/** The shipped file: names of Landkreise and Samtgemeinden once, each choice as one row. */
export interface RegisterList extends RegisterSource {
	land: string;
	columns: typeof COLUMNS;
	landkreise: string[];
	samtgemeinden: string[];
	rows: Row[];
}

/** "Gifhorn, Stadt" → "Gifhorn"; "Hannover, Landeshauptstadt" → "Hannover". */
export const commonName = (official: string): string => official.split(', ')[0]!.trim();

/** How the Landkreis field names a Kreis: "Landkreis Gifhorn", but "Region Hannover" as it stands. */
export function kreisLabel(kreis: RegisterKreis): string {
	if (/^Region(alverband)? /.test(kreis.name)) return kreis.name;
	if (kreis.type === 'landkreis') return `Landkreis ${kreis.name}`;
	if (kreis.type === 'kreis') return `Kreis ${kreis.name}`;
	return kreis.name;
}

/**
 * The Region Hannover is filed as a Landkreis (Textkennzeichen 44), Saarbrücken's as a Regionalverband;
 * the profile knows both as a Region.
 */
const kreisProfileType = (kreis: RegisterKreis): KommuneType | null => {
	if (kreis.type === 'regionalverband' || kreis.name.startsWith('Region ')) return 'region';
	if (kreis.type === 'landkreis' || kreis.type === 'kreis') return 'landkreis';
	// A kreisfreie Stadt is offered once, through its Gemeinde record (same ARS, with population).
	return null;
};

const gemeindeProfileType = (gemeinde: RegisterGemeinde): KommuneType | null => {
	switch (gemeinde.type) {
		case 'kreisfreie_stadt':
		case 'stadtkreis':
			return 'kreisfreie_stadt';
		case 'stadt':
		case 'grosse_kreisstadt':
			return 'stadt';
		case 'gemeinde':
		case 'markt':
			return 'einheitsgemeinde';
		default:
			// Gemeindefreie Gebiete (forests, lakes) have no administration to profile.
			return null;
	}
};

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/** The choices of one Land (`land`: its two-digit key), in the register's order. */
export function choicesOf(register: Register, land: string): RegisterChoice[] {
	const inLand = (ars: string) => ars.startsWith(land);
	const kreise = new Map<string, RegisterKreis>(register.kreise.map((kreis) => [kreis.ars, kreis]));
	const samtgemeinden = new Map(
		register.verbaende.filter((v) => v.type === 'samtgemeinde').map((v) => [v.ars, v])
	);
	const gemeinden = register.gemeinden.filter((gemeinde) => inLand(gemeinde.ars));
	const choices: RegisterChoice[] = [];

	for (const kreis of register.kreise.filter((k) => inLand(k.ars))) {
		const type = kreisProfileType(kreis);
		if (!type) continue;
		const members = gemeinden.filter((gemeinde) => gemeinde.kreis === kreis.ars);
		const label = kreisLabel(kreis);
		choices.push({
			ars: kreis.ars,
			officialName: kreis.name,
			name: label,
			type,
			role: 'landkreis',
			landkreis: null,
			samtgemeinde: null,
			// The extract counts people per Gemeinde only; a Kreis has the sum of its Gemeinden.
			population: sum(members.map((m) => m.population)),
			areaHectares: sum(members.map((m) => m.areaHectares))
		});
	}
	for (const verband of samtgemeinden.values()) {
		if (!inLand(verband.ars)) continue;
		const members = gemeinden.filter((gemeinde) => gemeinde.verband === verband.ars);
		const kreis = kreise.get(`${verband.ars.slice(0, 5)}0000000`);
		choices.push({
			ars: verband.ars,
			officialName: verband.name,
			name: commonName(verband.name),
			type: 'samtgemeinde',
			role: 'samtgemeinde',
			landkreis: kreis ? kreisLabel(kreis) : null,
			samtgemeinde: null,
			population: sum(members.map((m) => m.population)),
			areaHectares: sum(members.map((m) => m.areaHectares))
		});
	}
	for (const gemeinde of gemeinden) {
		const type = gemeindeProfileType(gemeinde);
		if (!type) continue;
		const kreis = kreise.get(gemeinde.kreis);
		const samtgemeinde = gemeinde.verband ? samtgemeinden.get(gemeinde.verband) : undefined;
		const kreisfrei = type === 'kreisfreie_stadt';
		choices.push({
			ars: gemeinde.ars,
			officialName: gemeinde.name,
			name: commonName(gemeinde.name),
			type,
			role: kreisfrei
				? 'kreisfreie_stadt'
				: samtgemeinde
					? 'mitgliedsgemeinde'
					: 'verbandsfreie_gemeinde',
			landkreis: !kreisfrei && kreis ? kreisLabel(kreis) : null,
			samtgemeinde: samtgemeinde ? commonName(samtgemeinde.name) : null,
			population: gemeinde.population,
			areaHectares: gemeinde.areaHectares
		});
	}
	return choices.sort((a, b) => a.ars.localeCompare(b.ars));
}

/** The compact file: repeated names as indexes, -1 for none. */
export function encodeChoices(
	choices: readonly RegisterChoice[],
	land: string,
	source: RegisterSource
): RegisterList {
	const landkreise = [...new Set(choices.flatMap((c) => (c.landkreis ? [c.landkreis] : [])))];
	const samtgemeinden = [
		...new Set(choices.flatMap((c) => (c.samtgemeinde ? [c.samtgemeinde] : [])))
	];
	return {
		...source,
		land,
		columns: COLUMNS,
		landkreise,
		samtgemeinden,
		rows: choices.map((c) => [
			c.ars,
			c.officialName,
			c.name,
			c.type,
			c.role,
			c.landkreis === null ? -1 : landkreise.indexOf(c.landkreis),
			c.samtgemeinde === null ? -1 : samtgemeinden.indexOf(c.samtgemeinde),
			c.population,
			c.areaHectares
		])
	};
}

export function decodeChoices(list: RegisterList): RegisterChoice[] {
	return list.rows.map(
		([ars, officialName, name, type, role, kreis, samtgemeinde, population, area]) => ({
			ars: ars as Ars,
			officialName,
			name,
			type: type as KommuneType,
			role: role as ChoiceRole,
			landkreis: list.landkreise[kreis] ?? null,
			samtgemeinde: list.samtgemeinden[samtgemeinde] ?? null,
			population,
			areaHectares: area
		})
	);
}

/** Lower case, umlauts and ß folded, so "osloss" and "Osloß", "munden" and "Münden" meet. */
export const foldForSearch = (text: string): string =>
	text
		.toLowerCase()
		.replace(/ß/g, 'ss')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '');

/**
 * The names a choice is looked for by: the official one ("Gifhorn, Stadt") and the one the form takes,
 * which for a Kreis says what it is ("Landkreis Gifhorn"); a Samtgemeinde is also found with its
 * designation ("Samtgemeinde Boldecker Land"), as people often say it.
 */
const searchNames = (choice: RegisterChoice): string[] =>
	choice.role === 'samtgemeinde'
		? [choice.officialName, choice.name, `Samtgemeinde ${choice.name}`]
		: [choice.officialName, choice.name];

/**
 * Choices matching `query`: digits (spaces allowed) match the start of the ARS; words match names,
 * those starting with the query first, then those with a word starting with it, then the rest; larger
 * places first within each group, since they are asked for more often.
 */
export function searchChoices(
	choices: readonly RegisterChoice[],
	query: string,
	limit = 8
): RegisterChoice[] {
	const digits = query.replace(/\s+/g, '');
	if (/^\d+$/.test(digits)) {
		return choices.filter((c) => c.ars.startsWith(digits)).slice(0, limit);
	}
	const folded = foldForSearch(query.trim());
	if (folded === '') return [];
	const rankOf = (name: string): number => {
		if (name.startsWith(folded)) return 0;
		if (name.split(/[\s,()/-]+/).some((word) => word.startsWith(folded))) return 1;
		return name.includes(folded) ? 2 : 3;
	};
	const rank = (choice: RegisterChoice): number => {
		const best = Math.min(...searchNames(choice).map((name) => rankOf(foldForSearch(name))));
		return best < 3 ? best : -1;
	};
	return choices
		.map((choice) => ({ choice, rank: rank(choice) }))
		.filter(({ rank }) => rank >= 0)
		.sort((a, b) => a.rank - b.rank || b.choice.population - a.choice.population)
		.slice(0, limit)
		.map(({ choice }) => choice);
}

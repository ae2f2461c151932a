// The official register of German municipalities (Destatis Gemeindeverzeichnis, GV-ISys) as this app
// reads it: Länder, Regierungsbezirke, Kreise, Gemeindeverbände with their members and Gemeinden, each
// with its 12-digit Amtlicher Regionalschlüssel (ADR 23). Both file formats (GV100AD and the quarterly
// extract) are read into the same `RegisterRecord`s, and `assembleRegister` checks them once, so a bad
// file is refused with the same line numbers whichever format it came in.

import type { Ags, Ars } from '../ars';

/** The Textkennzeichen of a Kreis record (Satzart 40). */
export const KREIS_TYPES = {
	41: 'kreisfreie_stadt',
	42: 'stadtkreis',
	43: 'kreis',
	44: 'landkreis',
	45: 'regionalverband'
} as const;

/** The Textkennzeichen of a Gemeindeverband record (Satzart 50). */
export const VERBAND_TYPES = {
	50: 'verbandsfrei',
	51: 'amt',
	52: 'samtgemeinde',
	53: 'verbandsgemeinde',
	54: 'verwaltungsgemeinschaft',
	55: 'kirchspielslandgemeinde',
	56: 'verwaltungsverband',
	57: 'verwaltungsgemeinschaft_traegermodell',
	58: 'erfuellende_gemeinde'
} as const;

/** The Textkennzeichen of a Gemeinde record (Satzart 60). */
export const GEMEINDE_TYPES = {
	60: 'markt',
	61: 'kreisfreie_stadt',
	62: 'stadtkreis',
	63: 'stadt',
	64: 'gemeinde',
	65: 'gemeindefreies_gebiet_bewohnt',
	66: 'gemeindefreies_gebiet_unbewohnt',
	67: 'grosse_kreisstadt'
} as const;

export type KreisType = (typeof KREIS_TYPES)[keyof typeof KREIS_TYPES];
export type VerbandType = (typeof VERBAND_TYPES)[keyof typeof VERBAND_TYPES];
export type GemeindeType = (typeof GEMEINDE_TYPES)[keyof typeof GEMEINDE_TYPES];

/** A day as `YYYY-MM-DD`. */
export type IsoDate = string;

export interface RegisterLand {
	ars: Ars;
	name: string;
}

export interface RegisterRegierungsbezirk {
	ars: Ars;
	name: string;
}

export interface RegisterKreis {
	ars: Ars;
	name: string;
	type: KreisType;
}

/** A Gemeindeverband with members (a Samtgemeinde, Amt, Verbandsgemeinde …), never a verbandsfreie. */
export interface RegisterVerband {
	ars: Ars;
	name: string;
	type: Exclude<VerbandType, 'verbandsfrei'>;
	/** The ARS of its member Gemeinden, in the file's order. */
	members: Ars[];
}

export interface RegisterGemeinde {
	ars: Ars;
	ags: Ags;
	name: string;
	type: GemeindeType;
	/** The ARS of its Kreis (for a kreisfreie Stadt its own). */
	kreis: Ars;
	/** The ARS of its Gemeindeverband; null when it belongs to none. */
	verband: Ars | null;
	/** Area in hectares: GV100AD gives hectares, the extract km² with two decimals (= hectares / 100). */
	areaHectares: number;
	population: number;
}

export interface Register {
	/** The day the territorial status refers to (Gebietsstand). */
	gebietsstand: IsoDate;
	laender: RegisterLand[];
	regierungsbezirke: RegisterRegierungsbezirk[];
	kreise: RegisterKreis[];
	verbaende: RegisterVerband[];
	gemeinden: RegisterGemeinde[];
}

/** One record of either file format, its keys still as the file wrote them. */
export interface RegisterRecord {
	line: number;
	satzart: string;
	textkennzeichen: string;
	land: string;
	rb: string;
	kreis: string;
	verband: string;
	gemeinde: string;
	name: string;
	/** Only Gemeinden (Satzart 60) carry area and population. */
	areaHectares: number | null;
	population: number | null;
	/** The record's own Gebietsstand (GV100AD has one per line), or null. */
	gebietsstand: IsoDate | null;
}

/** Every reason a line or a file is refused; the importer maps each to a German message. */
export const REGISTER_PROBLEM_CODES = [
	'file_empty',
	'file_not_text',
	'gebietsstand_missing',
	'gebietsstand_invalid',
	'gebietsstand_differs',
	'record_type_unknown',
	'line_too_short',
	'columns_missing',
	'key_invalid',
	'text_mark_invalid',
	'name_missing',
	'number_invalid',
	'duplicate',
	'parent_missing'
] as const;

export type RegisterProblemCode = (typeof REGISTER_PROBLEM_CODES)[number];

/** `line` is 1-based as an editor counts; null for a problem of the whole file. */
export interface RegisterProblem {
	line: number | null;
	code: RegisterProblemCode;
}

export type RegisterResult =
	{ ok: true; register: Register } | { ok: false; problems: RegisterProblem[] };

const SATZARTEN = new Set(['10', '20', '30', '40', '50', '60']);

const DIGITS = (length: number) => new RegExp(`^\\d{${length}}$`);
const LAND = DIGITS(2);
const RB = DIGITS(1);
const KREIS = DIGITS(2);
const VERBAND = DIGITS(4);
const GEMEINDE = DIGITS(3);

/** Checks `YYYYMMDD` or `DD.MM.YYYY` and returns the day as `YYYY-MM-DD`, or null. */
export function parseRegisterDate(raw: string): IsoDate | null {
	const value = raw.trim();
	const match =
		/^(\d{4})(\d{2})(\d{2})$/.exec(value) ?? swap(/^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value));
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
	if (date.getUTCDate() !== day) return null;
	return `${match[1]}-${match[2]}-${match[3]}`;
}

/** `DD.MM.YYYY` matched → the same groups in year, month, day order. */
function swap(match: RegExpExecArray | null): string[] | null {
	return match ? [match[0], match[3]!, match[2]!, match[1]!] : null;
}

const pad = (ars: string): Ars => ars.padEnd(12, '0') as Ars;

function lookupType<T extends Record<number, string>>(table: T, mark: string): T[keyof T] | null {
	if (!/^\d{2}$/.test(mark)) return null;
	return (table as Record<number, T[keyof T]>)[Number(mark)] ?? null;
}

/** Which keys a record of each Satzart must carry; the others are empty or zero in the files. */
function keysProblem(record: RegisterRecord): boolean {
	const { satzart, land, rb, kreis, verband, gemeinde } = record;
	if (!LAND.test(land)) return true;
	if (satzart === '10') return false;
	if (!RB.test(rb)) return true;
	if (satzart === '20' || satzart === '30') return false;
	if (!KREIS.test(kreis)) return true;
	if (satzart === '40') return false;
	if (!VERBAND.test(verband)) return true;
	if (satzart === '50') return false;
	return !GEMEINDE.test(gemeinde);
}

/**
 * Checks the records and builds the register. Every line with a problem is named; with any problem the
 * result holds no register, so an importer changes nothing. `gebietsstand` is the file's own, or the
 * one given for a file that does not state it.
 */
export function assembleRegister(
	records: readonly RegisterRecord[],
	gebietsstand: IsoDate | null,
	earlier: readonly RegisterProblem[] = []
): RegisterResult {
	const problems: RegisterProblem[] = [...earlier];
	const flag = (line: number, code: RegisterProblemCode) => problems.push({ line, code });
	const stand = gebietsstand ?? records.find((r) => r.gebietsstand)?.gebietsstand ?? null;

	const register: Register = {
		gebietsstand: stand ?? '',
		laender: [],
		regierungsbezirke: [],
		kreise: [],
		verbaende: [],
		gemeinden: []
	};
	const seen = new Set<string>();
	const kreise = new Set<string>();
	const verbaende = new Map<string, RegisterVerband | null>();
	// Parents are checked once every record is read, so the check does not depend on the file's order.
	const verbandLines: { line: number; kreis: Ars }[] = [];
	const gemeindeLines: { line: number; verband: Ars; gemeinde: RegisterGemeinde }[] = [];

	for (const record of records) {
		const { line, satzart } = record;
		if (!SATZARTEN.has(satzart)) {
			flag(line, 'record_type_unknown');
			continue;
		}
		if (record.gebietsstand !== null && stand !== null && record.gebietsstand !== stand) {
			flag(line, 'gebietsstand_differs');
			continue;
		}
		if (keysProblem(record)) {
			flag(line, 'key_invalid');
			continue;
		}
		const name = record.name.trim();
		if (name === '') {
			flag(line, 'name_missing');
			continue;
		}
		// Baden-Württemberg's Regionen (Satzart 30) are planning regions, not part of the ARS.
		if (satzart === '30') continue;

		const { land, rb, kreis, verband, gemeinde } = record;
		const kreisArs = pad(land + rb + kreis);
		const identity = `${satzart}:${land}${rb}${kreis}${verband}${gemeinde}`;
		if (seen.has(identity)) {
			flag(line, 'duplicate');
			continue;
		}

		if (satzart === '10') {
			register.laender.push({ ars: pad(land), name });
		} else if (satzart === '20') {
			register.regierungsbezirke.push({ ars: pad(land + rb), name });
		} else if (satzart === '40') {
			const type = lookupType(KREIS_TYPES, record.textkennzeichen);
			if (!type) {
				flag(line, 'text_mark_invalid');
				continue;
			}
			register.kreise.push({ ars: kreisArs, name, type });
			kreise.add(kreisArs);
		} else if (satzart === '50') {
			const type = lookupType(VERBAND_TYPES, record.textkennzeichen);
			if (!type) {
				flag(line, 'text_mark_invalid');
				continue;
			}
			const ars = pad(land + rb + kreis + verband);
			const entry = type === 'verbandsfrei' ? null : { ars, name, type, members: [] };
			if (entry) register.verbaende.push(entry);
			verbaende.set(ars, entry);
			verbandLines.push({ line, kreis: kreisArs });
		} else {
			const type = lookupType(GEMEINDE_TYPES, record.textkennzeichen);
			if (!type) {
				flag(line, 'text_mark_invalid');
				continue;
			}
			if (record.areaHectares === null || record.population === null) {
				flag(line, 'number_invalid');
				continue;
			}
			gemeindeLines.push({
				line,
				verband: pad(land + rb + kreis + verband),
				gemeinde: {
					ars: (land + rb + kreis + verband + gemeinde) as Ars,
					ags: (land + rb + kreis + gemeinde) as Ags,
					name,
					type,
					kreis: kreisArs,
					verband: null,
					areaHectares: record.areaHectares,
					population: record.population
				}
			});
		}
		seen.add(identity);
	}

	// Areas outside every Kreis (coastal waters, the German-Luxembourg condominium) carry Kreis 00
	// and hang from their Land.
	const laender = new Set(register.laender.map((land) => land.ars));
	const hasKreis = (kreis: Ars): boolean =>
		kreise.has(kreis) || (kreis.slice(3, 5) === '00' && laender.has(pad(kreis.slice(0, 2))));
	for (const { line, kreis } of verbandLines) {
		if (!hasKreis(kreis)) flag(line, 'parent_missing');
	}
	for (const { line, verband, gemeinde } of gemeindeLines) {
		if (!hasKreis(gemeinde.kreis) || !verbaende.has(verband)) {
			flag(line, 'parent_missing');
			continue;
		}
		const owner = verbaende.get(verband) ?? null;
		owner?.members.push(gemeinde.ars);
		register.gemeinden.push({ ...gemeinde, verband: owner ? owner.ars : null });
	}

	if (records.length === 0 && problems.length === 0)
		problems.push({ line: null, code: 'file_empty' });
	if (stand === null && records.length > 0) {
		problems.push({ line: null, code: 'gebietsstand_missing' });
	}
	if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
	return { ok: true, register };
}

const sortProblems = (problems: RegisterProblem[]): RegisterProblem[] =>
	problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

// The Amtlicher Regionalschlüssel (ARS) identifies a municipality in every document name
// (`kommune/<ARS>/…`). 12 digits: Land (2) · Regierungsbezirk (1) · Kreis (2) · Gemeindeverband (4) ·
// Gemeinde (3). The 8-digit Amtlicher Gemeindeschlüssel (AGS) is the ARS without the Gemeindeverband.
//
// Structure rule per municipality type (checked against Destatis GV-ISys keys):
// - Landkreis / Region: Kreis ≠ 00, Gemeindeverband 0000, Gemeinde 000
//   (Region Hannover 032410000000, Landkreis Osnabrück 034590000000).
// - kreisfreie Stadt: Gemeindeverband 0000, Gemeinde 000; Kreis may be 00 because the city states are
//   written that way (Braunschweig 031010000000, Berlin 110000000000, Hamburg 020000000000).
// - Einheitsgemeinde / Stadt (kreisangehörig): Kreis ≠ 00, Gemeindeverband ≠ 0000, Gemeinde ≠ 000.
//   Destatis gives every kreisangehörige Gemeinde a Gemeindeverband; a verbandsfreie one gets "0" plus
//   its own number (Hannover 032410001001, Hameln 032520006006), a member of a Samtgemeinde the
//   Samtgemeinde's (Bad Nenndorf 032575403006). We do not require the "0"+number pattern, because a
//   Mitgliedsgemeinde may legitimately be profiled as a Stadt or Einheitsgemeinde.
// - Samtgemeinde: Kreis ≠ 00, Gemeindeverband ≠ 0000, Gemeinde 000. GV-ISys lists Gemeindeverbände
//   under their 9-digit key; the 12-digit form pads it with 000, as the Regionalschlüssel does for
//   every level above the Gemeinde.
// The rule cannot tell a Landkreis from a kreisfreie Stadt (both end in 0000000): only the official
// list could, and it is an optional import.

import type { Brand } from '../util/brand';
import type { KommuneType } from './kommune-type';

export type Ars = Brand<string, 'Ars'>;
export type Ags = Brand<string, 'Ags'>;

/** Every code `validateArs` can return; the UI maps each to a German message. */
export const ARS_ERROR_CODES = [
	'ars_required',
	'ars_not_digits',
	'ars_too_short',
	'ars_too_long',
	// Eight digits: the user typed the AGS, which lacks the Gemeindeverband and cannot be completed.
	'ars_is_ags',
	'ars_land_unknown',
	'ars_structure_type'
] as const;

export type ArsErrorCode = (typeof ARS_ERROR_CODES)[number];

export type ArsResult = { ok: true; value: Ars } | { ok: false; error: ArsErrorCode };

export const ARS_LENGTH = 12;

/** Land codes 01 (Schleswig-Holstein) … 16 (Thüringen). */
const LAND_MIN = 1;
const LAND_MAX = 16;

export interface ArsParts {
	land: string;
	regierungsbezirk: string;
	kreis: string;
	gemeindeverband: string;
	gemeinde: string;
}

export const splitArs = (ars: Ars): ArsParts => ({
	land: ars.slice(0, 2),
	regierungsbezirk: ars.slice(2, 3),
	kreis: ars.slice(3, 5),
	gemeindeverband: ars.slice(5, 9),
	gemeinde: ars.slice(9, 12)
});

/** The AGS: Land, Regierungsbezirk, Kreis and Gemeinde (digits 1–5 and 10–12 of the ARS). */
export const agsOfArs = (ars: Ars): Ags => (ars.slice(0, 5) + ars.slice(9, 12)) as Ags;

/** Users copy keys from documents that group them with spaces ("03 2 41 0001 001"). */
const normalize = (raw: string): string => raw.replace(/\s+/g, '');

/**
 * Checks shape and Land code, and when `type` is given also the structure that type requires.
 * Accepts whitespace between digit groups.
 */
export function validateArs(raw: string, type?: KommuneType): ArsResult {
	const value = normalize(raw);
	if (value === '') return { ok: false, error: 'ars_required' };
	if (!/^\d+$/.test(value)) return { ok: false, error: 'ars_not_digits' };
	if (value.length === 8) return { ok: false, error: 'ars_is_ags' };
	if (value.length < ARS_LENGTH) return { ok: false, error: 'ars_too_short' };
	if (value.length > ARS_LENGTH) return { ok: false, error: 'ars_too_long' };
	const ars = value as Ars;
	const land = Number(ars.slice(0, 2));
	if (land < LAND_MIN || land > LAND_MAX) return { ok: false, error: 'ars_land_unknown' };
	if (type !== undefined && !fitsType(splitArs(ars), type)) {
		return { ok: false, error: 'ars_structure_type' };
	}
	return { ok: true, value: ars };
}

export const isArs = (value: unknown): value is Ars =>
	typeof value === 'string' && value.length === ARS_LENGTH && validateArs(value).ok;

function fitsType(parts: ArsParts, type: KommuneType): boolean {
	const hasKreis = parts.kreis !== '00';
	const hasVerband = parts.gemeindeverband !== '0000';
	const hasGemeinde = parts.gemeinde !== '000';
	switch (type) {
		case 'landkreis':
		case 'region':
			return hasKreis && !hasVerband && !hasGemeinde;
		case 'kreisfreie_stadt':
			return !hasVerband && !hasGemeinde;
		case 'samtgemeinde':
			return hasKreis && hasVerband && !hasGemeinde;
		case 'einheitsgemeinde':
		case 'stadt':
			return hasKreis && hasVerband && hasGemeinde;
	}
}

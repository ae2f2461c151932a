// The kinds of municipality a profile can describe. Ids are stable persisted values; the UI maps them
// to German labels.

export const KOMMUNE_TYPES = [
	'einheitsgemeinde',
	'stadt',
	'samtgemeinde',
	'landkreis',
	'region',
	'kreisfreie_stadt'
] as const;

export type KommuneType = (typeof KOMMUNE_TYPES)[number];

export const isKommuneType = (value: unknown): value is KommuneType =>
	(KOMMUNE_TYPES as readonly unknown[]).includes(value);

/** Districts (Kreisebene): sized by the KGSt district classes and never part of a Landkreis. */
export const isKreisType = (type: KommuneType): boolean =>
	type === 'landkreis' || type === 'region';

/** Types that belong to a Landkreis (or Region), so the profile names it. */
export const isKreisangehoerig = (type: KommuneType): boolean =>
	type === 'einheitsgemeinde' || type === 'stadt' || type === 'samtgemeinde';

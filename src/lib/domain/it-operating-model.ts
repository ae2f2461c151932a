// How a municipality runs its IT. Ids are stable persisted values; the UI maps them to German labels.
// A module of its own (like kommune-type.ts), so the form's option labels do not pull in the profile
// schema and its validation library.

export const IT_OPERATING_MODELS = [
	'eigene_it',
	'kommunaler_it_dienstleister',
	'landkreis',
	'gemischt',
	'extern_privat'
] as const;

export type ItOperatingModel = (typeof IT_OPERATING_MODELS)[number];

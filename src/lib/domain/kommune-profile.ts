// The municipality profile: what the form accepts, what the profile document stores,
// and the error codes the UI turns into German messages. One valibot schema checks both a form's
// parsed input and a document read back from Yjs, so both obey the same limits.

import * as v from 'valibot';
import { agsOfArs, ARS_ERROR_CODES, validateArs, type Ags, type Ars } from './ars';
import { checkGermanNumber, type NumberInputError, type NumberRange } from './german-number';
import { IT_OPERATING_MODELS, type ItOperatingModel } from './it-operating-model';
import { isKommuneType, isKreisangehoerig, KOMMUNE_TYPES, type KommuneType } from './kommune-type';

export const PROFILE_LIMITS = {
	textMaxLength: 200,
	populationMin: 1,
	// Berlin, the largest German municipality, has about 3.9 million inhabitants.
	populationMax: 4_000_000,
	staffMax: 500_000,
	itStaffFteMax: 50_000
} as const;

/** The numeric fields as a form reads them; their messages name these ranges. */
export const PROFILE_NUMBER_RANGES = {
	population: {
		min: PROFILE_LIMITS.populationMin,
		max: PROFILE_LIMITS.populationMax,
		decimals: 0
	},
	coreStaff: { min: 0, max: PROFILE_LIMITS.staffMax, decimals: 0 },
	itStaffFte: { min: 0, max: PROFILE_LIMITS.itStaffFteMax, decimals: 1 }
} as const satisfies Record<string, NumberRange>;

/** Every code a profile field can carry. `ars_duplicate` comes from creating, not from validation. */
export const PROFILE_ERROR_CODES = [
	...ARS_ERROR_CODES,
	'ars_duplicate',
	'required',
	'text_too_long',
	'option_unknown',
	'number_invalid',
	'number_not_integer',
	'number_too_small',
	'number_too_large',
	'number_too_precise'
] as const;

export type ProfileErrorCode = (typeof PROFILE_ERROR_CODES)[number];

export const PROFILE_FIELDS = [
	'ars',
	'name',
	'type',
	'landkreis',
	'population',
	'coreStaff',
	'itStaffFte',
	'itOperatingModel'
] as const;

export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** What the profile document stores; the AGS is derived, never stored. */
export interface KommuneProfileFields {
	ars: Ars;
	name: string;
	type: KommuneType;
	/** Name of the Landkreis or Region; required for kreisangehörige types. */
	landkreis: string | null;
	population: number;
	/** Staff of the core administration (heads), unknown → null. */
	coreStaff: number | null;
	/** IT staff in full-time equivalents, one decimal. */
	itStaffFte: number | null;
	itOperatingModel: ItOperatingModel | null;
}

export interface KommuneProfile extends KommuneProfileFields {
	ags: Ags;
}

/** The raw strings of the profile form. */
export type ProfileFormInput = Record<ProfileField, string>;

export type ProfileFieldErrors = Partial<Record<ProfileField, ProfileErrorCode>>;

export type ProfileValidation =
	{ ok: true; value: KommuneProfile } | { ok: false; errors: ProfileFieldErrors };

const hasOneDecimal = (n: number): boolean => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9;

const text = (required: boolean) =>
	v.pipe(
		v.string(),
		v.check((s) => !required || s.length > 0, 'required'),
		v.maxLength(PROFILE_LIMITS.textMaxLength, 'text_too_long')
	);

const count = (min: number, max: number) =>
	v.pipe(
		v.number('required'),
		v.integer('number_not_integer'),
		v.minValue(min, 'number_too_small'),
		v.maxValue(max, 'number_too_large')
	);

const arsSchema = v.pipe(
	v.string('ars_required'),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const result = validateArs(dataset.value);
		if (!result.ok || result.value !== dataset.value) {
			addIssue({ message: result.ok ? 'ars_not_digits' : result.error });
		}
	})
);

/**
 * Whether a profile of this type must name its Landkreis: the rule the schema checks, for the form to
 * mark the field as required exactly when it is. No type chosen yet (or an unknown one) requires none.
 */
export const requiresLandkreis = (type: string): boolean =>
	isKommuneType(type) && isKreisangehoerig(type);

export const KommuneProfileSchema = v.pipe(
	v.object({
		ars: arsSchema,
		name: text(true),
		type: v.picklist(KOMMUNE_TYPES, 'option_unknown'),
		landkreis: v.nullable(text(false)),
		population: count(PROFILE_LIMITS.populationMin, PROFILE_LIMITS.populationMax),
		coreStaff: v.nullable(count(0, PROFILE_LIMITS.staffMax)),
		itStaffFte: v.nullable(
			v.pipe(
				v.number('number_invalid'),
				v.minValue(0, 'number_too_small'),
				v.maxValue(PROFILE_LIMITS.itStaffFteMax, 'number_too_large'),
				v.check(hasOneDecimal, 'number_too_precise')
			)
		),
		itOperatingModel: v.nullable(v.picklist(IT_OPERATING_MODELS, 'option_unknown'))
	}),
	v.forward(
		v.partialCheck(
			[['ars'], ['type']],
			({ ars, type }) => validateArs(ars, type).ok,
			'ars_structure_type'
		),
		['ars']
	),
	v.forward(
		v.partialCheck(
			[['type'], ['landkreis']],
			({ type, landkreis }) => !requiresLandkreis(type) || (landkreis ?? '') !== '',
			'required'
		),
		['landkreis']
	)
);

/** Checks a profile read from storage or the network; null when it does not hold. */
export function parseStoredProfile(data: unknown): KommuneProfile | null {
	const result = v.safeParse(KommuneProfileSchema, data);
	if (!result.success) return null;
	const fields = result.output as KommuneProfileFields;
	return { ...fields, ags: agsOfArs(fields.ars) };
}

const TYPED_NUMBER_ERRORS: Record<NumberInputError, ProfileErrorCode> = {
	not_a_number: 'number_invalid',
	not_an_integer: 'number_not_integer',
	too_many_decimals: 'number_too_precise',
	// Not reached with an unbounded range; the schema reports the range.
	out_of_range: 'number_too_large'
};

/**
 * Validates the raw strings of the profile form. Numbers are read as German input ("12.500", "1,5").
 * Blank optional fields become null. Returns one error code per failing field.
 */
export function validateProfileInput(form: ProfileFormInput): ProfileValidation {
	return mergeProfileInput(null, form, PROFILE_FIELDS);
}

/**
 * The stored profile `current` with the `changed` fields taken from the form, validated as a whole.
 * Fields the user did not change keep their stored value, so a form opened before someone else's edit
 * does not revert that edit. Without a stored profile every field comes from the form. Parse errors are
 * reported only for changed fields; a rule across fields (the Landkreis a type requires, the structure
 * of the ARS) is reported where the schema puts it.
 */
export function mergeProfileInput(
	current: KommuneProfileFields | null,
	form: ProfileFormInput,
	changed: readonly ProfileField[]
): ProfileValidation {
	const fromForm = current === null ? PROFILE_FIELDS : changed;
	const errors: ProfileFieldErrors = {};
	const number = (field: 'population' | 'coreStaff' | 'itStaffFte'): number | null => {
		// The form's rule for typed decimals ("38,000" is no whole number); the schema checks the range,
		// as it does for a stored profile, and says whether the value is too small or too large.
		const typed = {
			min: -Infinity,
			max: Infinity,
			decimals: PROFILE_NUMBER_RANGES[field].decimals
		};
		const checked = checkGermanNumber(form[field], typed);
		if (checked.kind === 'error' && fromForm.includes(field)) {
			errors[field] = TYPED_NUMBER_ERRORS[checked.error];
		}
		return checked.kind === 'number' ? checked.value : null;
	};
	const optional = (s: string): string | null => (s.trim() === '' ? null : s.trim());
	const parsed: Record<ProfileField, unknown> = {
		ars: form.ars.replace(/\s+/g, ''),
		name: form.name.trim(),
		type: form.type === '' ? undefined : form.type,
		landkreis: optional(form.landkreis),
		// undefined, not null: the population is required and the schema says so.
		population: number('population') ?? undefined,
		coreStaff: number('coreStaff'),
		itStaffFte: number('itStaffFte'),
		itOperatingModel: optional(form.itOperatingModel)
	};
	const candidate: Record<ProfileField, unknown> = { ...parsed };
	if (current !== null) {
		for (const field of PROFILE_FIELDS) {
			if (!fromForm.includes(field)) candidate[field] = current[field];
		}
	}
	const result = v.safeParse(KommuneProfileSchema, candidate);
	if (!result.success) {
		const nested = v.flatten<typeof KommuneProfileSchema>(result.issues).nested ?? {};
		for (const field of PROFILE_FIELDS) {
			const code = nested[field]?.[0];
			// A parse error says more than the schema's complaint about the missing value.
			if (code !== undefined && errors[field] === undefined) {
				errors[field] = toCode(field, code, candidate.type);
			}
		}
	}
	if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
	const fields = result.output as KommuneProfileFields;
	return { ok: true, value: { ...fields, ags: agsOfArs(fields.ars) } };
}

function toCode(field: ProfileField, message: string, type: unknown): ProfileErrorCode {
	// valibot's own messages (an object field of the wrong type) never reach here for form input;
	// a missing type is "required" rather than an unknown option.
	if (field === 'type' && type === undefined) return 'required';
	return (PROFILE_ERROR_CODES as readonly string[]).includes(message)
		? (message as ProfileErrorCode)
		: 'option_unknown';
}

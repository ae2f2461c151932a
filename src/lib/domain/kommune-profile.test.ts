import { describe, expect, it } from 'vitest';
import type { Ars } from './ars';
import { KOMMUNE_TYPES } from './kommune-type';
import {
	mergeProfileInput,
	parseStoredProfile,
	requiresLandkreis,
	validateProfileInput,
	type KommuneProfileFields,
	type ProfileFormInput
} from './kommune-profile';

const form = (overrides: Partial<ProfileFormInput> = {}): ProfileFormInput => ({
	ars: '032410001001',
	name: 'Landeshauptstadt Hannover',
	type: 'stadt',
	landkreis: 'Region Hannover',
	population: '545.045',
	coreStaff: '11.000',
	itStaffFte: '120,5',
	itOperatingModel: 'eigene_it',
	...overrides
});

describe('validateProfileInput', () => {
	it('accepts a complete profile written the German way and derives the AGS', () => {
		expect(validateProfileInput(form())).toEqual({
			ok: true,
			value: {
				ars: '032410001001',
				ags: '03241001',
				name: 'Landeshauptstadt Hannover',
				type: 'stadt',
				landkreis: 'Region Hannover',
				population: 545045,
				coreStaff: 11000,
				itStaffFte: 120.5,
				itOperatingModel: 'eigene_it'
			}
		});
	});

	it('stores blank optional fields as null', () => {
		const result = validateProfileInput(
			form({ coreStaff: '', itStaffFte: ' ', itOperatingModel: '' })
		);
		expect(result.ok && result.value).toMatchObject({
			coreStaff: null,
			itStaffFte: null,
			itOperatingModel: null
		});
	});

	it('does not require a Landkreis for a Landkreis, a Region or a kreisfreie Stadt', () => {
		for (const [ars, type] of [
			['034590000000', 'landkreis'],
			['032410000000', 'region'],
			['031010000000', 'kreisfreie_stadt']
		]) {
			const result = validateProfileInput(form({ ars, type, landkreis: '' }));
			expect(result.ok && result.value.landkreis).toBeNull();
		}
	});

	it('requires ARS, name, type and population, and a Landkreis for a kreisangehörige Stadt', () => {
		const result = validateProfileInput(
			form({ ars: '', name: '  ', type: 'stadt', landkreis: '', population: '' })
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				ars: 'ars_required',
				name: 'required',
				landkreis: 'required',
				population: 'required'
			}
		});
	});

	it('requires a type', () => {
		expect(validateProfileInput(form({ type: '' }))).toEqual({
			ok: false,
			errors: { type: 'required' }
		});
	});

	it('refuses an unknown type or operating model', () => {
		expect(validateProfileInput(form({ type: 'dorf', itOperatingModel: 'cloud' }))).toEqual({
			ok: false,
			errors: { type: 'option_unknown', itOperatingModel: 'option_unknown' }
		});
	});

	it.each([
		['0', 'number_too_small'],
		['-5', 'number_too_small'],
		['4.000.001', 'number_too_large'],
		['12,5', 'number_not_integer'],
		['zwölf', 'number_invalid']
	])('refuses the population %j with %s', (population, code) => {
		expect(validateProfileInput(form({ population }))).toEqual({
			ok: false,
			errors: { population: code }
		});
	});

	it('accepts the population bounds 1 and 4.000.000', () => {
		expect(validateProfileInput(form({ population: '1' })).ok).toBe(true);
		expect(validateProfileInput(form({ population: '4.000.000' })).ok).toBe(true);
	});

	it('allows no staff but not negative or fractional staff', () => {
		expect(validateProfileInput(form({ coreStaff: '0' })).ok).toBe(true);
		expect(validateProfileInput(form({ coreStaff: '-1', itStaffFte: '-0,5' }))).toEqual({
			ok: false,
			errors: { coreStaff: 'number_too_small', itStaffFte: 'number_too_small' }
		});
		expect(validateProfileInput(form({ coreStaff: '10,5' }))).toEqual({
			ok: false,
			errors: { coreStaff: 'number_not_integer' }
		});
	});

	it('allows IT staff with one decimal, not two', () => {
		expect(validateProfileInput(form({ itStaffFte: '0,3' })).ok).toBe(true);
		expect(validateProfileInput(form({ itStaffFte: '1,25' }))).toEqual({
			ok: false,
			errors: { itStaffFte: 'number_too_precise' }
		});
	});

	it('reports the specific ARS problem', () => {
		expect(validateProfileInput(form({ ars: '0324100010' }))).toEqual({
			ok: false,
			errors: { ars: 'ars_too_short' }
		});
		expect(validateProfileInput(form({ ars: '992410001001' }))).toEqual({
			ok: false,
			errors: { ars: 'ars_land_unknown' }
		});
	});

	it('refuses an ARS whose structure does not fit the type', () => {
		expect(validateProfileInput(form({ type: 'kreisfreie_stadt' }))).toEqual({
			ok: false,
			errors: { ars: 'ars_structure_type' }
		});
	});

	it('refuses a name longer than 200 characters', () => {
		expect(validateProfileInput(form({ name: 'x'.repeat(201) }))).toEqual({
			ok: false,
			errors: { name: 'text_too_long' }
		});
	});
});

describe('mergeProfileInput', () => {
	const stored: KommuneProfileFields = {
		ars: '032410001001' as Ars,
		name: 'Stadt Hannover',
		type: 'stadt',
		landkreis: 'Region Hannover',
		population: 545_045,
		coreStaff: 11_000,
		itStaffFte: 120.5,
		itOperatingModel: 'eigene_it'
	};

	it('takes only the changed fields from a stale form and keeps the stored rest', () => {
		const stale = form({ name: 'Alter Name', population: '550.000', coreStaff: 'kaputt' });
		expect(mergeProfileInput(stored, stale, ['population'])).toEqual({
			ok: true,
			value: { ...stored, population: 550_000, ags: '03241001' }
		});
	});

	it('returns the stored profile unchanged when no field changed', () => {
		expect(mergeProfileInput(stored, form({ name: 'Anders' }), [])).toEqual({
			ok: true,
			value: { ...stored, ags: '03241001' }
		});
	});

	it('reports errors of changed fields and of rules that the change breaks', () => {
		expect(mergeProfileInput(stored, form({ itStaffFte: '1,25' }), ['itStaffFte'])).toEqual({
			ok: false,
			errors: { itStaffFte: 'number_too_precise' }
		});
		// The type now needs no Landkreis but does not fit the ARS.
		expect(mergeProfileInput(stored, form({ type: 'landkreis' }), ['type'])).toEqual({
			ok: false,
			errors: { ars: 'ars_structure_type' }
		});
	});

	it('takes every field from the form when nothing valid is stored', () => {
		expect(mergeProfileInput(null, form({ population: '' }), [])).toEqual({
			ok: false,
			errors: { population: 'required' }
		});
	});
});

describe('parseStoredProfile', () => {
	const stored = {
		ars: '032575403000',
		name: 'Samtgemeinde Nenndorf',
		type: 'samtgemeinde',
		landkreis: 'Landkreis Schaumburg',
		population: 17000,
		coreStaff: null,
		itStaffFte: 2.5,
		itOperatingModel: 'landkreis'
	};

	it('accepts a well-formed stored profile and adds the AGS', () => {
		expect(parseStoredProfile(stored)).toEqual({ ...stored, ags: '03257000' });
	});

	it.each([
		['a population written as text', { ...stored, population: '17000' }],
		['a missing name', { ...stored, name: undefined }],
		['an unknown type', { ...stored, type: 'dorf' }],
		['an ARS with spaces', { ...stored, ars: '03257 5403000' }],
		['not an object', 'profile']
	])('returns null for %s', (_, data) => {
		expect(parseStoredProfile(data)).toBeNull();
	});
});

describe('requiresLandkreis', () => {
	it('says the Landkreis is required exactly for the types whose profile is refused without one', () => {
		const refusedWithout = KOMMUNE_TYPES.filter((type) => {
			const result = validateProfileInput(form({ type, landkreis: '' }));
			return !result.ok && result.errors.landkreis === 'required';
		});
		expect(KOMMUNE_TYPES.filter(requiresLandkreis)).toEqual(refusedWithout);
		// By hand: a Stadt, an Einheitsgemeinde and a Samtgemeinde belong to a Landkreis.
		expect(refusedWithout).toEqual(['einheitsgemeinde', 'stadt', 'samtgemeinde']);
		expect(requiresLandkreis('')).toBe(false);
	});
});

// Every field of the app where a person types a number, read through its own validator: "38.000" is
// 38000 in German, so it is either stored as 38000 or refused because 38000 is out of the field's
// range, and never read as 38 (the process table once stored 38 without a word).
import { describe, expect, it } from 'vitest';
import { CURRENT_CATALOG } from './check/catalog';
import { checkProcessField, PROCESS_NUMBER_RANGES } from './check/processes';
import { factInputRange, validateAnswer } from './check/answer-validation';
import { checkGermanNumber, exactDecimals, formatGermanNumber } from './german-number';
import { PROFILE_NUMBER_RANGES, validateProfileInput } from './kommune-profile';
import { validateDuration } from './workshop/agenda';
import { parseTimerInput } from './workshop/timer';
import { parseVotingRules } from './workshop/votes';

const TYPED = '38.000';

const numberFacts = () =>
	CURRENT_CATALOG.items.flatMap((item) =>
		item.type === 'F' && item.fact.kind === 'number' ? [{ id: item.id, fact: item.fact }] : []
	);

describe('"38.000" typed into a numeric field', () => {
	it.each(['casesPerYear'] as const)(
		'is 38000 cases per year in the process table (%s)',
		(field) => {
			expect(checkProcessField(field, TYPED)).toEqual({ value: 38_000 });
			expect(checkProcessField(field, '1.200')).toEqual({ value: 1_200 });
		}
	);

	it.each(['pain', 'minutesToday', 'minutesDigital'] as const)(
		'is refused as out of range in the process table, whose %s end below 38000',
		(field) => {
			expect(PROCESS_NUMBER_RANGES[field].max).toBeLessThan(38_000);
			expect(checkProcessField(field, TYPED)).toEqual({ error: 'out_of_range' });
		}
	);

	it('differs from "38", which is out of the pain scale (1 to 5) but 38 minutes per case', () => {
		expect(checkProcessField('pain', '38')).toEqual({ error: 'out_of_range' });
		expect(checkProcessField('minutesToday', '38')).toEqual({ value: 38 });
		expect(checkProcessField('minutesDigital', '38')).toEqual({ value: 38 });
	});

	it.each(['population', 'coreStaff', 'itStaffFte'] as const)(
		'is 38000 in the municipality profile (%s)',
		(field) => {
			expect(PROFILE_NUMBER_RANGES[field].max).toBeGreaterThanOrEqual(38_000);
			const result = validateProfileInput({
				ars: '032410001001',
				name: 'Landeshauptstadt Hannover',
				type: 'stadt',
				landkreis: 'Region Hannover',
				population: '545.045',
				coreStaff: '',
				itStaffFte: '',
				itOperatingModel: '',
				[field]: TYPED
			});
			expect(result.ok && result.value[field]).toBe(38_000);
		}
	);

	it('is refused as an agenda block duration (1 to 480 minutes), while "38" is 38 minutes', () => {
		expect(validateDuration(TYPED)).toEqual({ ok: false, error: 'duration_invalid' });
		expect(validateDuration('38')).toEqual({ ok: true, value: 38 });
	});

	it('is refused as countdown minutes (up to 8 hours), while "38" is 38 minutes', () => {
		expect(parseTimerInput(TYPED)).toEqual({ ok: false, error: 'duration_invalid' });
		expect(parseTimerInput('38')).toEqual({ ok: true, value: 38 * 60_000 });
	});

	it('is refused as dots per person (1 to 20) and as dots per entry', () => {
		expect(parseVotingRules({ dotsPerPerson: TYPED, maxPerItem: '2' })).toEqual({
			ok: false,
			error: 'dots_invalid'
		});
		expect(parseVotingRules({ dotsPerPerson: '20', maxPerItem: TYPED })).toEqual({
			ok: false,
			error: 'max_per_item_invalid'
		});
		expect(parseVotingRules({ dotsPerPerson: '5', maxPerItem: '2' })).toEqual({
			ok: true,
			value: { dotsPerPerson: 5, maxPerItem: 2 }
		});
	});

	it.each(numberFacts())('is refused or 38000 for the questionnaire fact $id', ({ fact }) => {
		const checked = checkGermanNumber(TYPED, factInputRange(fact));
		expect(checked).toEqual(
			fact.max >= 38_000
				? { kind: 'number', value: 38_000 }
				: { kind: 'error', error: 'out_of_range' }
		);
	});

	it('covers the questionnaire facts there are', () => {
		expect(numberFacts().length).toBeGreaterThanOrEqual(3);
	});
});

// "38,000" from an English spreadsheet and "38.00" from an English keyboard both mean 38 with decimal
// zeros a field does not take. Neither is ever read as 38: a whole-number field refuses them as no
// whole number, a one-decimal field as too precise, and the field's message names what it takes.
describe.each(['38,000', '38.00'])('%j typed into a numeric field', (typed) => {
	it.each(['casesPerYear', 'pain'] as const)('is no whole number of %s', (field) => {
		expect(checkProcessField(field, typed)).toEqual({ error: 'not_an_integer' });
	});

	it.each(['minutesToday', 'minutesDigital'] as const)('has too many decimals for %s', (field) => {
		expect(checkProcessField(field, typed)).toEqual({ error: 'too_many_decimals' });
	});

	it.each([
		['population', 'number_not_integer'],
		['coreStaff', 'number_not_integer'],
		['itStaffFte', 'number_too_precise']
	] as const)('is refused in the municipality profile as %s: %s', (field, error) => {
		const result = validateProfileInput({
			ars: '032410001001',
			name: 'Landeshauptstadt Hannover',
			type: 'stadt',
			landkreis: 'Region Hannover',
			population: '545.045',
			coreStaff: '',
			itStaffFte: '',
			itOperatingModel: '',
			[field]: typed
		});
		expect(result).toEqual({ ok: false, errors: { [field]: error } });
	});

	it('is refused as an agenda block duration and as countdown minutes', () => {
		expect(validateDuration(typed)).toEqual({ ok: false, error: 'duration_invalid' });
		expect(parseTimerInput(typed)).toEqual({ ok: false, error: 'duration_invalid' });
	});

	it('is refused as dots per person and as dots per entry', () => {
		expect(parseVotingRules({ dotsPerPerson: typed, maxPerItem: '2' })).toEqual({
			ok: false,
			error: 'dots_invalid'
		});
		expect(parseVotingRules({ dotsPerPerson: '20', maxPerItem: typed })).toEqual({
			ok: false,
			error: 'max_per_item_invalid'
		});
	});

	it.each(numberFacts())('has too many decimals for the questionnaire fact $id', ({ fact }) => {
		expect(checkGermanNumber(typed, factInputRange(fact))).toEqual({
			kind: 'error',
			error: 'too_many_decimals'
		});
	});
});

describe('"2,50" typed into a field with one decimal', () => {
	it('is refused like every decimal the field does not take, while "2,5" is 2.5', () => {
		expect(checkProcessField('minutesToday', '2,50')).toEqual({ error: 'too_many_decimals' });
		expect(checkProcessField('minutesToday', '2,5')).toEqual({ value: 2.5 });
		expect(parseTimerInput('2,50')).toEqual({ ok: false, error: 'duration_invalid' });
		// 2.5 × 60 s = 150 s
		expect(parseTimerInput('2,5')).toEqual({ ok: true, value: 150_000 });
	});
});

describe('a number fact stored with two decimals by an earlier version', () => {
	const item = CURRENT_CATALOG.items.find(
		(candidate) =>
			candidate.type === 'F' && candidate.fact.kind === 'number' && candidate.fact.unit === 'VZÄ'
	)!;
	const fact = numberFacts().find(({ id }) => id === item.id)!.fact;

	it('stays a valid answer and is shown as stored, not rounded', () => {
		expect(validateAnswer(item, { kind: 'fact', value: 2.25 })).toEqual({
			ok: true,
			answer: { kind: 'fact', value: 2.25 }
		});
		expect(formatGermanNumber(2.25, exactDecimals(2.25))).toBe('2,25');
		expect(formatGermanNumber(2.5, exactDecimals(2.5))).toBe('2,5');
	});

	it('cannot be typed anew: new entries take one decimal', () => {
		expect(checkGermanNumber('2,25', factInputRange(fact))).toEqual({
			kind: 'error',
			error: 'too_many_decimals'
		});
	});
});

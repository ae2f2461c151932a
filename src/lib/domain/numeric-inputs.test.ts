// Every field of the app where a person types a number, read through its own validator: "38.000" is
// 38000 in German, so it is either stored as 38000 or refused because 38000 is out of the field's
// range, and never read as 38 (the process table once stored 38 without a word).
import { describe, expect, it } from 'vitest';
import { factInputRange } from './check/answer-validation';
import { CURRENT_CATALOG } from './check/catalog';
import { checkProcessField, PROCESS_NUMBER_RANGES } from './check/processes';
import { checkGermanNumber } from './german-number';
import { PROFILE_NUMBER_RANGES, validateProfileInput } from './kommune-profile';
import { validateDuration } from './workshop/agenda';
import { parseTimerInput } from './workshop/timer';
import { parseVotingRules } from './workshop/votes';

const TYPED = '38.000';

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
			// The same digits without the thousands dot are no smaller number sneaking in either.
			expect(checkProcessField(field, '38')).not.toEqual({ value: 38_000 });
		}
	);

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

	const numberFacts = CURRENT_CATALOG.items.flatMap((item) =>
		item.type === 'F' && item.fact.kind === 'number' ? [{ id: item.id, fact: item.fact }] : []
	);

	it.each(numberFacts)('is refused or 38000 for the questionnaire fact $id', ({ fact }) => {
		const checked = checkGermanNumber(TYPED, factInputRange(fact));
		expect(checked).toEqual(
			fact.max >= 38_000
				? { kind: 'number', value: 38_000 }
				: { kind: 'error', error: 'out_of_range' }
		);
	});

	it('covers the questionnaire facts there are', () => {
		expect(numberFacts.length).toBeGreaterThanOrEqual(3);
	});
});

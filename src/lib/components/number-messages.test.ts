import { describe, expect, it } from 'vitest';
import { PROCESS_NUMBER_RANGES } from '$lib/domain/check/processes';
import { PROFILE_NUMBER_RANGES } from '$lib/domain/kommune-profile';
import { numberRangeMessage } from './number-messages';

describe('the message for a refused number', () => {
	it('names the range of cases per year in German notation', () => {
		expect(numberRangeMessage(PROCESS_NUMBER_RANGES.casesPerYear)).toBe(
			'Bitte eine ganze Zahl von 0 bis 10.000.000 eingeben.'
		);
	});

	it('names the range of minutes per case and that one decimal is allowed', () => {
		expect(numberRangeMessage(PROCESS_NUMBER_RANGES.minutesToday)).toBe(
			'Bitte eine Zahl von 0 bis 10.000 eingeben, höchstens eine Nachkommastelle (zum Beispiel 2,5).'
		);
	});

	it('names the population range of the profile', () => {
		expect(numberRangeMessage(PROFILE_NUMBER_RANGES.population)).toBe(
			'Bitte eine ganze Zahl von 1 bis 4.000.000 eingeben.'
		);
	});
});

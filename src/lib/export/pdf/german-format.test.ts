import { describe, expect, it } from 'vitest';
import { formatCell } from './german-format';

// Number and unit are joined by a no-break space (U+00A0).
const NBSP = '\u00a0';

describe('table cells in German', () => {
	it('writes integers with a dot between thousands', () => {
		expect(formatCell(1250, 'integer')).toBe('1.250');
		expect(formatCell(12, undefined)).toBe('12');
	});

	it('writes one decimal with a comma', () => {
		expect(formatCell(1.5, 'decimal1')).toBe('1,5');
		expect(formatCell(2, 'decimal1')).toBe('2,0');
	});

	it('writes a share as whole percent with a space before the sign', () => {
		expect(formatCell(0.45, 'percent')).toBe(`45${NBSP}%`);
	});

	it('writes euros with two decimals and the sign after the amount', () => {
		expect(formatCell(1250.5, 'euro')).toBe(`1.250,50${NBSP}€`);
	});

	it('writes an ISO date as day.month.year', () => {
		expect(formatCell('2027-03-28', 'date')).toBe('28.03.2027');
	});

	it('writes a missing value as a dash and text as it is', () => {
		expect(formatCell(null, 'euro')).toBe('–');
		expect(formatCell('<b>Text</b>', undefined)).toBe('<b>Text</b>');
	});
});

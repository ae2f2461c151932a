import { describe, expect, it } from 'vitest';
import { formatCell } from './format-cell';

describe('table cells written the German way', () => {
	it('groups thousands with dots and writes euros with two decimals and a no-break space', () => {
		expect(formatCell(1250.5, 'euro')).toBe('1.250,50\u00a0€');
		expect(formatCell(15779.5, 'euro')).toBe('15.779,50\u00a0€');
		expect(formatCell(0, 'euro')).toBe('0,00\u00a0€');
	});

	it('writes a decimal1 column with exactly one decimal, and integers rounded', () => {
		expect(formatCell(1.5, 'decimal1')).toBe('1,5');
		expect(formatCell(2, 'decimal1')).toBe('2,0');
		expect(formatCell(12500.4, 'integer')).toBe('12.500');
	});

	it('shows a fraction as percent: 0.45 as "45 %", 0.455 as "45,5 %"', () => {
		expect(formatCell(0.45, 'percent')).toBe('45\u00a0%');
		expect(formatCell(0.455, 'percent')).toBe('45,5\u00a0%');
	});

	it('turns an ISO date into day.month.year, without a time zone to shift it', () => {
		expect(formatCell('2027-03-28', 'date')).toBe('28.03.2027');
		expect(formatCell('im Frühjahr', 'date')).toBe('im Frühjahr');
	});

	it('shows an empty cell as a dash and text as typed', () => {
		expect(formatCell(null, 'euro')).toBe('–');
		expect(formatCell(null, undefined)).toBe('–');
		expect(formatCell('<b>fett</b>', undefined)).toBe('<b>fett</b>');
	});
});

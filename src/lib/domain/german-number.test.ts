import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	checkGermanNumber,
	exactDecimals,
	formatGermanNumber,
	parseGermanNumber
} from './german-number';

describe('parseGermanNumber', () => {
	it.each([
		['12500', 12500],
		['12.500', 12500],
		['1.234.567', 1234567],
		['12 500', 12500],
		['12\u202f500', 12500],
		['1,5', 1.5],
		['0,25', 0.25],
		[',5', 0.5],
		['1.234,5', 1234.5],
		['1.5', 1.5],
		['1.500', 1500],
		['-3', -3],
		[' 7 ', 7]
	])('reads %j as %d', (raw, value) => {
		expect(parseGermanNumber(raw)).toEqual({ kind: 'number', value });
	});

	it.each(['abc', '12a', '1,2,3', '1.23.4', '12.50,5', '1,5.0', '--1', '1e5', '.'])(
		'refuses %j',
		(raw) => {
			expect(parseGermanNumber(raw)).toEqual({ kind: 'invalid' });
		}
	);

	it('reports an empty or blank field as empty, not as zero', () => {
		expect(parseGermanNumber('')).toEqual({ kind: 'empty' });
		expect(parseGermanNumber('   ')).toEqual({ kind: 'empty' });
	});
});

describe('formatGermanNumber', () => {
	it.each([
		[38000, '38.000'],
		[2.5, '2,5'],
		[0, '0'],
		[999, '999'],
		[1000, '1.000'],
		[1234567, '1.234.567'],
		[10_000_000, '10.000.000'],
		[1234.5, '1.234,5'],
		[2.46, '2,5'],
		[-1234, '-1.234'],
		[-0.01, '0']
	])('shows %d as %j', (value, text) => {
		expect(formatGermanNumber(value)).toBe(text);
	});

	it('shows no more decimals than asked for', () => {
		expect(formatGermanNumber(2.5, 0)).toBe('3');
		expect(formatGermanNumber(0.25, 2)).toBe('0,25');
	});
});

describe('what a field shows parses back to the number stored', () => {
	it('for whole numbers from 0 to 10.000.000 (cases per year, population)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
				expect(parseGermanNumber(formatGermanNumber(n))).toEqual({ kind: 'number', value: n });
			})
		);
	});

	it('for values with one decimal from 0 to 10.000 (minutes per case, IT staff)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 100_000 }), (tenths) => {
				const value = tenths / 10;
				expect(parseGermanNumber(formatGermanNumber(value))).toEqual({ kind: 'number', value });
				expect(checkGermanNumber(formatGermanNumber(value), MINUTES)).toEqual({
					kind: 'number',
					value
				});
			})
		);
	});
});

const MINUTES = { min: 0, max: 10_000, decimals: 1 } as const;
const CASES = { min: 0, max: 10_000_000, decimals: 0 } as const;

describe('checkGermanNumber', () => {
	it('reads thousands dots as thousands, never as a decimal point', () => {
		expect(checkGermanNumber('38.000', CASES)).toEqual({ kind: 'number', value: 38000 });
		expect(checkGermanNumber('1.200', CASES)).toEqual({ kind: 'number', value: 1200 });
	});

	it('refuses a value out of range instead of reading it as a smaller one', () => {
		expect(checkGermanNumber('38.000', MINUTES)).toEqual({ kind: 'error', error: 'out_of_range' });
	});

	it.each([
		['abc', 'not_a_number'],
		['2,5', 'not_an_integer'],
		['-1', 'out_of_range'],
		['10.000.001', 'out_of_range']
	] as const)('refuses %j for whole numbers as %s', (raw, error) => {
		expect(checkGermanNumber(raw, CASES)).toEqual({ kind: 'error', error });
	});

	it('takes one decimal for minutes and refuses a second', () => {
		expect(checkGermanNumber('2,5', MINUTES)).toEqual({ kind: 'number', value: 2.5 });
		expect(checkGermanNumber('2,55', MINUTES)).toEqual({
			kind: 'error',
			error: 'too_many_decimals'
		});
	});

	it.each([
		['38,000', CASES, 'not_an_integer'],
		['38.00', CASES, 'not_an_integer'],
		['1.234,0', CASES, 'not_an_integer'],
		['38,000', MINUTES, 'too_many_decimals'],
		['2,50', MINUTES, 'too_many_decimals']
	] as const)(
		'refuses typed decimal zeros %j beyond what the field takes, never reading them as fewer',
		(raw, range, error) => {
			expect(checkGermanNumber(raw, range)).toEqual({ kind: 'error', error });
		}
	);

	it('treats a blank field as empty and checks stored numbers by the same rules', () => {
		expect(checkGermanNumber('  ', CASES)).toEqual({ kind: 'empty' });
		expect(checkGermanNumber(12.5, CASES)).toEqual({ kind: 'error', error: 'not_an_integer' });
		expect(checkGermanNumber(Number.NaN, CASES)).toEqual({ kind: 'error', error: 'not_a_number' });
	});
});

describe('exactDecimals', () => {
	it.each([
		[38000, 0],
		[2.5, 1],
		[2.25, 2],
		[0.125, 3],
		[-1.05, 2]
	])('shows %d with %d decimals, as stored', (value, decimals) => {
		expect(exactDecimals(value)).toBe(decimals);
	});

	it('stops at 10 decimals for a value no short decimal says exactly', () => {
		expect(exactDecimals(1 / 3)).toBe(10);
	});
});

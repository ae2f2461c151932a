import { describe, expect, it } from 'vitest';
import { parseGermanNumber } from './german-number';

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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spearman } from './rank-correlation';

// Few distinct values make ties common; doubles cover the rest (NaN is refused by design).
const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true }));
const pairs = fc.array(fc.tuple(value, value), { maxLength: 40 });
const column = fc.array(value, { minLength: 3, maxLength: 40 });

/**
 * A strictly increasing, non-linear map of the given values: each one's place among the distinct
 * values, shifted and cubed. Built from the data because no formula on doubles stays strictly
 * increasing after rounding (x / 2 merges the smallest values, 2·x the largest).
 */
function increasingOn(values: readonly number[]): (v: number) => number {
	const distinct = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	return (v) => (distinct.indexOf(v) - 7) ** 3;
}

describe('spearman (properties)', () => {
	it('lies between −1 and 1 whenever it is computable', () => {
		fc.assert(
			fc.property(pairs, (ps) => {
				const { rho } = spearman(ps);
				return rho === null || (rho >= -1 && rho <= 1);
			}),
			{ numRuns: 500 }
		);
	});

	it('is exactly 1 against a strictly increasing transform and −1 against a decreasing one', () => {
		fc.assert(
			fc.property(column, (xs) => {
				const increasing = increasingOn(xs);
				const up = spearman(xs.map((x) => [x, increasing(x)] as const));
				const down = spearman(xs.map((x) => [x, -increasing(x)] as const));
				if (up.rho === null) return down.rho === null && up.reason === 'no-variation';
				return up.rho === 1 && down.rho === -1;
			}),
			{ numRuns: 500 }
		);
	});

	it('gives the same bits with x and y swapped and with the pairs in another order', () => {
		fc.assert(
			fc.property(pairs, fc.infiniteStream(fc.nat()), (ps, keys) => {
				const expected = spearman(ps);
				const swapped = spearman(ps.map(([x, y]) => [y, x] as const));
				const order = ps.map((p, i) => ({ p, key: keys.next().value as number, i }));
				order.sort((a, b) => a.key - b.key || a.i - b.i);
				const shuffled = spearman(order.map(({ p }) => p));
				expect(swapped).toEqual(expected);
				expect(shuffled).toEqual(expected);
			}),
			{ numRuns: 500 }
		);
	});

	it('depends only on the ranks: an increasing transform of y changes nothing', () => {
		fc.assert(
			fc.property(pairs, (ps) => {
				const increasing = increasingOn(ps.map(([, y]) => y));
				expect(spearman(ps.map(([x, y]) => [x, increasing(y)] as const))).toEqual(spearman(ps));
			}),
			{ numRuns: 500 }
		);
	});
});

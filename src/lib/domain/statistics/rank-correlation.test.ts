import { describe, expect, it } from 'vitest';
import { averageRanks, spearman } from './rank-correlation';

describe('averageRanks', () => {
	it('ranks from 1 for the smallest, in the order the values came', () => {
		expect(averageRanks([30, 10, 20])).toEqual([3, 1, 2]);
	});

	it('gives tied values the mean of the ranks they take up together', () => {
		// sorted 10 (rank 1), 20 (rank 2), 30 and 30 (ranks 3 and 4 → 3.5 each)
		expect(averageRanks([10, 30, 20, 30])).toEqual([1, 3.5, 2, 3.5]);
		// three equal values share ranks 1, 2, 3 → 2 each
		expect(averageRanks([7, 7, 7])).toEqual([2, 2, 2]);
	});

	it('orders infinities at the ends and ties them with each other', () => {
		// −∞ rank 1; 0 rank 2; the two +∞ share ranks 3 and 4 → 3.5
		expect(averageRanks([Infinity, 0, -Infinity, Infinity])).toEqual([3.5, 2, 1, 3.5]);
	});

	it('refuses NaN, which has no place in an order', () => {
		expect(() => averageRanks([1, Number.NaN, 2])).toThrow(RangeError);
	});
});

describe('spearman', () => {
	it('correlates five municipalities without ties', () => {
		// x ranks 1 … 5, y ranks 2, 1, 4, 3, 5; mean rank 3.
		// x deviations −2, −1, 0, 1, 2; y deviations −1, −2, 1, 0, 2
		// Σdx·dy = 2 + 2 + 0 + 0 + 4 = 8; Σdx² = 10; Σdy² = 1 + 4 + 1 + 0 + 4 = 10 → ρ = 8 / 10 = 0.8
		// (the shortcut agrees without ties: Σd² = 1 + 1 + 1 + 1 + 0 = 4, 1 − 6·4 / (5·24) = 0.8)
		expect(
			spearman([
				[1_200, 20],
				[3_400, 10],
				[5_600, 40],
				[7_800, 30],
				[9_000, 50]
			])
		).toEqual({ rho: 0.8, n: 5 });
	});

	it('counts ties exactly where the textbook shortcut would not', () => {
		// x 1, 2, 2, 3 → ranks 1, 2.5, 2.5, 4; y 1 … 4 → ranks 1 … 4; mean rank 2.5
		// dx −1.5, 0, 0, 1.5; dy −1.5, −0.5, 0.5, 1.5
		// Σdx·dy = 2.25 + 0 + 0 + 2.25 = 4.5; Σdx² = 4.5; Σdy² = 2.25 + 0.25 + 0.25 + 2.25 = 5
		// ρ = 4.5 / √(4.5·5) = 4.5 / √22.5 = √0.9 ≈ 0.9486832980505138
		// (the shortcut: Σd² = 0 + 0.25 + 0.25 + 0 = 0.5, 1 − 6·0.5 / (4·15) = 0.95, too high)
		const result = spearman([
			[1, 1],
			[2, 2],
			[2, 3],
			[3, 4]
		]);
		expect(result.rho).toBe(Math.sqrt(0.9));
		expect(result.n).toBe(4);
	});

	it('handles ties on both sides', () => {
		// x 1, 1, 2, 3, 3 → ranks 1.5, 1.5, 3, 4.5, 4.5; y 2, 1, 1, 3, 3 → ranks 3, 1.5, 1.5, 4.5, 4.5
		// mean rank 3: dx −1.5, −1.5, 0, 1.5, 1.5; dy 0, −1.5, −1.5, 1.5, 1.5
		// Σdx·dy = 0 + 2.25 + 0 + 2.25 + 2.25 = 6.75; Σdx² = Σdy² = 4 · 2.25 = 9 → ρ = 6.75 / 9 = 0.75
		expect(
			spearman([
				[1, 2],
				[1, 1],
				[2, 1],
				[3, 3],
				[3, 3]
			])
		).toEqual({ rho: 0.75, n: 5 });
	});

	it('is exactly −1 when the order is reversed', () => {
		// ranks 1 … 4 against 4 … 1: Σdx·dy = −(2.25 + 0.25 + 0.25 + 2.25) = −5 = −Σdx² → ρ = −1
		expect(
			spearman([
				[1, 40],
				[2, 30],
				[3, 20],
				[4, 10]
			])
		).toEqual({ rho: -1, n: 4 });
	});

	it('is exactly 1 over 11,000 municipalities in the same order of size and score', () => {
		// Σdx² = n(n² − 1) / 12 ≈ 1.1·10¹¹: the sums stay exact, and √(s·s) = s.
		const pairs = Array.from(
			{ length: 11_000 },
			(_, i) => [100 + i * 37, Math.log(100 + i * 37)] as const
		);
		expect(spearman(pairs)).toEqual({ rho: 1, n: 11_000 });
	});

	it('is not computable for fewer than three pairs, which always lie on a monotone line', () => {
		expect(spearman([])).toEqual({ rho: null, n: 0, reason: 'too-few-pairs' });
		expect(spearman([[5_000, 40]])).toEqual({ rho: null, n: 1, reason: 'too-few-pairs' });
		expect(
			spearman([
				[5_000, 40],
				[9_000, 30]
			])
		).toEqual({ rho: null, n: 2, reason: 'too-few-pairs' });
	});

	it('is not computable when every municipality has the same size or the same score', () => {
		// all y equal → every y rank is 2 = the mean rank, Σdy² = 0
		expect(
			spearman([
				[1_000, 50],
				[2_000, 50],
				[3_000, 50]
			])
		).toEqual({ rho: null, n: 3, reason: 'no-variation' });
		expect(
			spearman([
				[4_000, 10],
				[4_000, 20],
				[4_000, 30]
			])
		).toEqual({ rho: null, n: 3, reason: 'no-variation' });
	});
});

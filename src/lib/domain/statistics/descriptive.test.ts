import { describe, expect, it } from 'vitest';
import { iqr, mean, median, quartiles } from './descriptive';

describe('mean', () => {
	it('is the sum divided by the count', () => {
		expect(mean([1, 2, 3, 4])).toBe(2.5);
		expect(mean([0, 25, 100])).toBe(125 / 3);
		expect(mean([42])).toBe(42);
	});

	it('is null for no values', () => {
		expect(mean([])).toBeNull();
	});

	it('comes out the same to the last bit whatever the order of the values', () => {
		// Summed left to right, 0.1 + 0.2 + 0.3 is 0.6000000000000001 but 0.3 + 0.2 + 0.1 is 0.6.
		expect(mean([0.3, 0.2, 0.1])).toBe(0.6000000000000001 / 3);
		expect(mean([0.1, 0.2, 0.3])).toBe(0.6000000000000001 / 3);
		expect(mean([0.2, 0.3, 0.1])).toBe(0.6000000000000001 / 3);
	});
});

describe('median', () => {
	it('is the middle value of an odd count, in any input order', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([100, 0, 25, 75, 50])).toBe(50);
		expect(median([7])).toBe(7);
	});

	it('is the mean of the two middle values of an even count', () => {
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([0, 100])).toBe(50);
		expect(median([25, 25, 75, 100])).toBe(50);
	});

	it('lands halfway between the two middle values exactly as PostgreSQL’s percentile_cont rounds', () => {
		// 25 / 3 is stored as 8.333333333333334. percentile_cont(0.5) computes lo + 0.5 · (hi − lo):
		// 25 − 8.333333333333334 = 16.666666666666664, · 0.5 = 8.333333333333332,
		// + 8.333333333333334 = 16.666666666666664 (psql 15 prints the same for
		// `percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM unnest(ARRAY[25::float8 / 3, 25]) v`).
		// The mean of the two, (8.333333333333334 + 25) / 2, would round to 16.666666666666668.
		expect(median([25, 25 / 3])).toBe(16.666666666666664);
	});

	it('is null for no values', () => {
		expect(median([])).toBeNull();
	});

	it('leaves its input unsorted', () => {
		const values = [3, 1, 2];
		median(values);
		expect(values).toEqual([3, 1, 2]);
	});
});

describe('quartiles and IQR (type 7, linear interpolation)', () => {
	it('interpolates between order statistics as R’s quantile() does', () => {
		// R: quantile(1:4) → 1.75, 2.5, 3.25
		expect(quartiles([4, 2, 1, 3])).toEqual({ q1: 1.75, q2: 2.5, q3: 3.25 });
		expect(iqr([4, 2, 1, 3])).toBe(1.5);
	});

	it('lands on order statistics when (n − 1)·p is a whole number', () => {
		// n = 5: q1 at h = 1 (25), q3 at h = 3 (100)
		expect(quartiles([100, 0, 50, 25, 100])).toEqual({ q1: 25, q2: 50, q3: 100 });
		expect(iqr([100, 0, 50, 25, 100])).toBe(75);
	});

	it('interpolates halfway for seven values', () => {
		// n = 7: q1 at h = 1.5 → 20 + 0.5 · 10 = 25; q3 at h = 4.5 → 50 + 0.5 · 10 = 55
		expect(quartiles([70, 10, 60, 20, 50, 30, 40])).toEqual({ q1: 25, q2: 40, q3: 55 });
		expect(iqr([70, 10, 60, 20, 50, 30, 40])).toBe(30);
	});

	it('gives a spread of 0 for one value', () => {
		expect(quartiles([42])).toEqual({ q1: 42, q2: 42, q3: 42 });
		expect(iqr([42])).toBe(0);
	});

	it('gives for three values the midpoints between neighbours', () => {
		// n = 3: q1 at h = 0.5 → 62.5, q3 at h = 1.5 → 87.5
		expect(quartiles([100, 50, 75])).toEqual({ q1: 62.5, q2: 75, q3: 87.5 });
		expect(iqr([100, 50, 75])).toBe(25);
	});

	it('interpolates within a run of equal values and across its end', () => {
		// n = 6, sorted 10, 20, 20, 20, 90, 100: q1 at h = 0.25 · 5 = 1.25 → 20 + 0.25 · (20 − 20) = 20;
		// q2 at h = 2.5 → 20 + 0.5 · (20 − 20) = 20; q3 at h = 3.75 → 20 + 0.75 · (90 − 20) = 72.5
		expect(quartiles([100, 20, 90, 20, 10, 20])).toEqual({ q1: 20, q2: 20, q3: 72.5 });
		expect(iqr([100, 20, 90, 20, 10, 20])).toBe(52.5);
	});

	it('is null for no values', () => {
		expect(quartiles([])).toBeNull();
		expect(iqr([])).toBeNull();
	});
});

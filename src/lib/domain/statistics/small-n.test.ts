import { describe, expect, it } from 'vitest';
import { quartiles } from './descriptive';
import { MIN_MUNICIPALITIES_PER_FIGURE, publishFigure } from './small-n';

describe('publishFigure', () => {
	it('publishes a figure over five municipalities, naming n', () => {
		expect(publishFigure(62.5, 5)).toEqual({ value: 62.5, n: 5 });
		expect(publishFigure({ q1: 55, q2: 70, q3: 90 }, 11_000)).toEqual({
			value: { q1: 55, q2: 70, q3: 90 },
			n: 11_000
		});
	});

	it('withholds a figure over four municipalities or fewer', () => {
		expect(MIN_MUNICIPALITIES_PER_FIGURE).toBe(5);
		for (const n of [4, 3, 2, 1, 0]) expect(publishFigure(62.5, n)).toBeNull();
	});

	it('withholds four municipalities, whose quartiles and one member’s own score give the others away', () => {
		// Sorted scores 40, 55, 70, 90 (n = 4): q1 at h = 0.75 → 40 + 0.75 · 15 = 51.25;
		// q2 at h = 1.5 → 55 + 0.5 · 15 = 62.5; q3 at h = 2.25 → 70 + 0.25 · 20 = 75.
		const scores = [70, 40, 90, 55];
		const q = quartiles(scores);
		expect(q).toEqual({ q1: 51.25, q2: 62.5, q3: 75 });
		// The member scoring 40 solves q1 = 0.25·x₁ + 0.75·x₂, q2 = (x₂ + x₃) / 2, q3 = 0.75·x₃ + 0.25·x₄:
		// x₂ = (51.25 − 10) / 0.75 = 55, x₃ = 2 · 62.5 − 55 = 70, x₄ = (75 − 0.75 · 70) / 0.25 = 90.
		const x2 = (51.25 - 0.25 * 40) / 0.75;
		const x3 = 2 * 62.5 - x2;
		const x4 = (75 - 0.75 * x3) / 0.25;
		expect([x2, x3, x4]).toEqual([55, 70, 90]);
		expect(publishFigure(q, scores.length)).toBeNull();
	});

	it('publishes five municipalities, whose quartiles leave the smallest and largest score open', () => {
		// n = 5: q1, q2, q3 at h = 1, 2, 3 are the 2nd, 3rd and 4th scores, 55, 70 and 90, whether the
		// other two are 10 and 95 or 50 and 100: the member scoring 55 cannot tell.
		const oneWay = [10, 55, 70, 90, 95];
		const another = [50, 55, 70, 90, 100];
		expect(quartiles(oneWay)).toEqual({ q1: 55, q2: 70, q3: 90 });
		expect(quartiles(another)).toEqual(quartiles(oneWay));
		expect(publishFigure(quartiles(oneWay), oneWay.length)).toEqual({
			value: { q1: 55, q2: 70, q3: 90 },
			n: 5
		});
	});

	it('refuses a count that is not a whole number of municipalities', () => {
		expect(() => publishFigure(1, -1)).toThrow(RangeError);
		expect(() => publishFigure(1, 4.5)).toThrow(RangeError);
		expect(() => publishFigure(1, Number.NaN)).toThrow(RangeError);
	});
});

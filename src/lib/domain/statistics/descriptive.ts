// Descriptive statistics, shared by the laptop's Digital-Check results (ADR 7) and the central
// dashboard. Every function takes finite numbers in any order, works on a sorted copy and returns null
// for an empty input. Because the sum is taken over the sorted copy, the result is bit-for-bit the same
// whatever the input order: results must not change when respondents come in a different order.
//
// Quantiles (median, quartiles) follow PostgreSQL's `percentile_cont` to the last bit, because the
// central dashboard computes the same figures in SQL and a median must not differ between the two.

const sortedCopy = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

const sumOfSorted = (sorted: readonly number[]): number =>
	sorted.reduce((sum, value) => sum + value, 0);

export function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	return sumOfSorted(sortedCopy(values)) / values.length;
}

/**
 * The value at quantile p (0–1) of a sorted, non-empty list, by linear interpolation between the order
 * statistics (Hyndman & Fan type 7: R's `quantile()` default, spreadsheet QUARTILE.INKL, PostgreSQL's
 * `percentile_cont`). For x[0] … x[n−1], h = (n − 1)·p; a whole h gives x[h] itself, otherwise
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌈h⌉] − x[⌊h⌋]). The steps and the order of the floating-point operations are
 * those of PostgreSQL's percentile_cont_final_common and float8_lerp, so both round alike: the mean
 * of the two middle values, (a + b) / 2, would differ from a + 0.5·(b − a) in the last bit for about
 * one pair in ten.
 */
function quantileOfSorted(sorted: readonly number[], p: number): number {
	const h = p * (sorted.length - 1);
	const lower = Math.floor(h);
	const upper = Math.ceil(h);
	const low = sorted[lower] as number;
	if (lower === upper) return low;
	return low + (h - lower) * ((sorted[upper] as number) - low);
}

/** The middle value; for an even count, halfway between the two middle values (see `quantileOfSorted`). */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	return quantileOfSorted(sortedCopy(values), 0.5);
}

export interface Quartiles {
	q1: number;
	q2: number;
	q3: number;
}

/**
 * First, second and third quartile, type 7 (see `quantileOfSorted`): the SQL
 * `percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY value)` gives the same three numbers.
 * q2 is the median.
 */
export function quartiles(values: readonly number[]): Quartiles | null {
	if (values.length === 0) return null;
	const sorted = sortedCopy(values);
	return {
		q1: quantileOfSorted(sorted, 0.25),
		q2: quantileOfSorted(sorted, 0.5),
		q3: quantileOfSorted(sorted, 0.75)
	};
}

/** Interquartile range q3 − q1 (type 7 quartiles, see `quartiles`). */
export function iqr(values: readonly number[]): number | null {
	const q = quartiles(values);
	return q === null ? null : q.q3 - q.q1;
}

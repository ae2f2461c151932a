// Descriptive statistics for the Digital-Check results (ADR 7). Every function takes the
// values in any order, works on a sorted copy and returns null for an empty input. Because the sum is
// taken over the sorted copy, the result is bit-for-bit the same whatever the input order: results must
// not change when respondents come in a different order.

const sortedCopy = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

const sumOfSorted = (sorted: readonly number[]): number =>
	sorted.reduce((sum, value) => sum + value, 0);

export function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	return sumOfSorted(sortedCopy(values)) / values.length;
}

/** The value at quantile p (0–1) of a sorted, non-empty list: see `quartiles` for the method. */
function quantileOfSorted(sorted: readonly number[], p: number): number {
	const h = (sorted.length - 1) * p;
	const lower = Math.floor(h);
	const upper = Math.min(lower + 1, sorted.length - 1);
	const low = sorted[lower] as number;
	const high = sorted[upper] as number;
	return low + (h - lower) * (high - low);
}

function medianOfSorted(sorted: readonly number[]): number {
	const middle = Math.floor(sorted.length / 2);
	if (sorted.length % 2 === 1) return sorted[middle] as number;
	return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The middle value; for an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	return medianOfSorted(sortedCopy(values));
}

export interface Quartiles {
	q1: number;
	q2: number;
	q3: number;
}

/**
 * First, second and third quartile by linear interpolation between the order statistics: Hyndman &
 * Fan type 7, the default of R's `quantile()` and of spreadsheet QUARTILE.INKL. For the sorted values
 * x[0] … x[n−1], quantile p lies at h = (n − 1)·p and is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * q2 is the median, computed as `median` does so that the two agree to the last bit.
 */
export function quartiles(values: readonly number[]): Quartiles | null {
	if (values.length === 0) return null;
	const sorted = sortedCopy(values);
	return {
		q1: quantileOfSorted(sorted, 0.25),
		q2: medianOfSorted(sorted),
		q3: quantileOfSorted(sorted, 0.75)
	};
}

/** Interquartile range q3 − q1 (type 7 quartiles, see `quartiles`). */
export function iqr(values: readonly number[]): number | null {
	const q = quartiles(values);
	return q === null ? null : q.q3 - q.q1;
}

// Spearman's rank correlation, for "size against maturity" on the consultants' dashboard and in its API
// (issue 22), computed alike on the central server and the laptop. Not taken from a library: the ones at
// hand rank tied values by their position in the sort (simple-statistics' sampleRankCorrelation), and
// population classes and maturity scores tie often.

/**
 * The rank of each value among all of them (1 = smallest), in input order. Equal values share the mean
 * of the ranks they take up together: 10, 30, 20, 30 → 1, 3.5, 2, 3.5. NaN has no place in an order
 * and is refused.
 */
export function averageRanks(values: readonly number[]): number[] {
	if (values.some(Number.isNaN)) throw new RangeError('averageRanks: NaN cannot be ranked');
	// Compared with < and > rather than a − b, which is NaN for two equal infinities.
	const sorted = values
		.map((value, index) => ({ value, index }))
		.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
	const ranks = new Array<number>(values.length);
	let first = 0;
	while (first < sorted.length) {
		const value = sorted[first]?.value;
		let last = first;
		while (sorted[last + 1]?.value === value) last += 1;
		// Sorted positions first … last hold ranks first + 1 … last + 1; their mean:
		const rank = (first + last) / 2 + 1;
		for (const { index } of sorted.slice(first, last + 1)) ranks[index] = rank;
		first = last + 1;
	}
	return ranks;
}

/** Two pairs always lie on a monotone line (ρ = ±1), so a correlation needs at least three. */
export const MIN_PAIRS_FOR_CORRELATION = 3;

export type RankCorrelation =
	| { rho: number; n: number }
	| {
			rho: null;
			n: number;
			/** `too-few-pairs`: n < MIN_PAIRS_FOR_CORRELATION; `no-variation`: all x or all y are equal. */
			reason: 'too-few-pairs' | 'no-variation';
	  };

/**
 * Spearman's ρ of (x, y) pairs: Pearson's correlation of their average ranks, so ties count exactly
 * (the shortcut 1 − 6·Σd² / (n·(n² − 1)) holds only without ties). `n` is the number of pairs.
 *
 * Ranks are whole or half numbers and their mean is (n + 1) / 2 whatever the ties, so every deviation
 * is a multiple of 0.5 and every product a multiple of 0.25: the three sums are exact up to about
 * 300,000 pairs (n³ / 12 below 2⁵¹), far above Germany's roughly 10,800 municipalities. Hence the
 * result does not depend on the order of the pairs, swapping x and y gives the same bits, and identical
 * ranks give exactly 1 (√(s·s) is s in IEEE arithmetic), reversed ranks exactly −1.
 */
export function spearman(pairs: readonly (readonly [x: number, y: number])[]): RankCorrelation {
	const n = pairs.length;
	if (n < MIN_PAIRS_FOR_CORRELATION) return { rho: null, n, reason: 'too-few-pairs' };
	const xRanks = averageRanks(pairs.map(([x]) => x));
	const yRanks = averageRanks(pairs.map(([, y]) => y));
	const meanRank = (n + 1) / 2;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i += 1) {
		const dx = (xRanks[i] as number) - meanRank;
		const dy = (yRanks[i] as number) - meanRank;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	if (sxx === 0 || syy === 0) return { rho: null, n, reason: 'no-variation' };
	return { rho: sxy / Math.sqrt(sxx * syy), n };
}

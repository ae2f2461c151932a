/** The middle value (the upper of the two middle ones for an even count). */
export const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
};

/** Keeps results alive, so the engine cannot drop a call whose result nobody reads. */
export const sink = { value: 0 };

/** Milliseconds per call of each function: medians of samples taken alternately. */
export function alternateMedians(fns: (() => number)[], samples: number, calls: number): number[] {
	const times = fns.map(() => [] as number[]);
	for (let i = 0; i < samples; i++) {
		fns.forEach((fn, f) => {
			const start = performance.now();
			for (let c = 0; c < calls; c++) sink.value += fn();
			times[f]!.push((performance.now() - start) / calls);
		});
	}
	return times.map(median);
}

/** The nearest-rank percentile (0 < p ≤ 1) of values sorted ascending; NaN when there are none. */
export const percentile = (sorted: ArrayLike<number>, p: number): number =>
	sorted.length === 0 ? NaN : sorted[Math.min(sorted.length, Math.ceil(p * sorted.length)) - 1]!;

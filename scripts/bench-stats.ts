/** The middle value (the upper of the two middle ones for an even count). */
export const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
};

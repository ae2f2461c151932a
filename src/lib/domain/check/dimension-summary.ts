// The figures of a group of respondents in one dimension, and how many it takes to show them (ADR 7).

import type { DimensionId } from './catalog-types';
import type { PerspectiveDimensionResult, RespondentResult } from './check-scoring';
import { iqr, median } from '../statistics/descriptive';

/** A group needs this many respondents (with a score in the dimension) to be shown separately. */
export const MIN_RESPONDENTS_SHOWN = 3;

/** Median, spread and range of the dimension scores of some respondents (a perspective or a group). */
export function summariseDimension(
	members: readonly RespondentResult[],
	dimension: DimensionId
): PerspectiveDimensionResult {
	const scores = members
		.map((member) => member.dimensions[dimension].score)
		.filter((score): score is number => score !== null);
	return {
		respondents: scores.length,
		median: median(scores),
		iqr: iqr(scores),
		min: scores.length === 0 ? null : Math.min(...scores),
		max: scores.length === 0 ? null : Math.max(...scores),
		shownSeparately: scores.length >= MIN_RESPONDENTS_SHOWN
	};
}

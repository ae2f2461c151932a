// Suggested Handlungsfelder from a scored round (ADR 7): the dimensions the workshop should
// look at first, each with the reason it is suggested.
//
// Three ranked lists, each with ties in DIMENSIONS order:
//   target_gap       dimensions whose target gap is > 0, largest gap first (value: the gap in points);
//   weakest          dimensions with a score, lowest score first (value: the score);
//   perspective_gap  dimensions whose gap between published perspective groups is ≥ 15 points,
//                    largest first (value: the gap). The groups are those the results page shows
//                    (groupPerspectives, ADR 7): a perspective by itself where it has 3 respondents,
//                    else its merge group where that reaches 3, so a round of 4–6 people gets this
//                    reason too, and no gap ever rests on fewer than 3 people.
// They are merged rank by rank: the first of each list in the order target_gap, weakest,
// perspective_gap, then the second of each, and so on, so every kind of reason gets a place among the
// first suggestions. A dimension already suggested is skipped when it comes up again: it keeps the
// first reason it was reached with, and within one rank the order target_gap, weakest,
// perspective_gap decides. The merged list is cut at `limit` (default 5).

import { DIMENSIONS, type Catalog, type DimensionId } from './catalog-types';
import type { RoundResult } from './check-scoring';
import { groupPerspectives, largestGroupGap } from './perspective-groups';

export const SUGGESTION_REASONS = ['target_gap', 'weakest', 'perspective_gap'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

export interface FigureSuggestion {
	dimension: DimensionId;
	reason: 'target_gap' | 'weakest';
	/** target_gap: the gap in points; weakest: the score. */
	value: number;
}

export interface PerspectiveGapSuggestion {
	dimension: DimensionId;
	reason: 'perspective_gap';
	/** The gap between the two groups' medians. */
	value: number;
	/** The keys of the published groups it lies between (groupLabel names them). */
	between: { high: string; low: string };
}

export type Suggestion = FigureSuggestion | PerspectiveGapSuggestion;

export interface SuggestionOptions {
	/** At most this many suggestions; default 5. */
	limit?: number;
	/** The smallest perspective gap (points) that is suggested; default 15. */
	minPerspectiveGap?: number;
}

export const DEFAULT_SUGGESTION_LIMIT = 5;
export const DEFAULT_MIN_PERSPECTIVE_GAP = 15;

interface Candidate {
	dimension: DimensionId;
	value: number;
	between?: { high: string; low: string };
}

/** Sorts by value (ascending or descending), ties in DIMENSIONS order. */
const ranked = (candidates: Candidate[], direction: 'ascending' | 'descending'): Candidate[] =>
	candidates.sort(
		(a, b) =>
			(direction === 'ascending' ? a.value - b.value : b.value - a.value) ||
			DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension)
	);

/**
 * Up to `limit` suggestions for the round's result (see the rule above). Only the catalog's dimensions
 * are suggested; the result must have been scored with this catalog.
 */
export function suggestHandlungsfelder(
	result: RoundResult,
	catalog: Catalog,
	options: SuggestionOptions = {}
): Suggestion[] {
	if (result.catalogVersion !== catalog.version)
		throw new Error(
			`result of catalog ${result.catalogVersion} cannot be read with catalog ${catalog.version}`
		);
	const requested = options.limit ?? DEFAULT_SUGGESTION_LIMIT;
	const limit = Number.isNaN(requested)
		? DEFAULT_SUGGESTION_LIMIT
		: Math.max(0, Math.floor(requested));
	const minPerspectiveGap = options.minPerspectiveGap ?? DEFAULT_MIN_PERSPECTIVE_GAP;
	const inCatalog = new Set(catalog.dimensions.map((dimension) => dimension.id));
	const dimensions = DIMENSIONS.filter((dimension) => inCatalog.has(dimension));
	const grouping = groupPerspectives(result.respondents);

	const candidates = (value: (dimension: DimensionId) => number | null): Candidate[] =>
		dimensions.flatMap((dimension) => {
			const v = value(dimension);
			return v === null ? [] : [{ dimension, value: v }];
		});

	const lists: Record<SuggestionReason, Candidate[]> = {
		target_gap: ranked(
			candidates((d) => {
				const gap = result.dimensions[d].gap;
				return gap !== null && gap > 0 ? gap : null;
			}),
			'descending'
		),
		weakest: ranked(
			candidates((d) => result.dimensions[d].score),
			'ascending'
		),
		perspective_gap: ranked(
			dimensions.flatMap((dimension) => {
				const gap = largestGroupGap(grouping, dimension);
				if (gap === null || gap.size < minPerspectiveGap) return [];
				return [{ dimension, value: gap.size, between: { high: gap.high, low: gap.low } }];
			}),
			'descending'
		)
	};

	const suggestions: Suggestion[] = [];
	const suggested = new Set<DimensionId>();
	const longest = Math.max(...SUGGESTION_REASONS.map((reason) => lists[reason].length));
	for (let rank = 0; rank < longest; rank++) {
		for (const reason of SUGGESTION_REASONS) {
			const candidate = lists[reason][rank];
			if (candidate === undefined || suggested.has(candidate.dimension)) continue;
			if (suggestions.length >= limit) return suggestions;
			suggested.add(candidate.dimension);
			suggestions.push({ ...candidate, reason } as Suggestion);
		}
	}
	return suggestions;
}

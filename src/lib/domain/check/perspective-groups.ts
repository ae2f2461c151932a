// The 360° view of a round (ADR 7): which perspectives the results show, and which are merged so that a
// round of 4–6 people, the usual size, still gets one. A figure is only ever shown for 3 or more people,
// so that no one can be recognised from it.
//
// The rule, applied once per round:
//   1. A perspective with at least 3 respondents who gave a scored answer is shown by itself.
//   2. The other perspectives are pooled within their merge group (PERSPECTIVE_GROUPS); a pool of at
//      least 3 such respondents is shown under the group's name, saying which perspectives it holds.
//   3. What stays below 3 is not shown. Together it counts as one more group in the municipality's
//      score where it has at least 3 scores in a dimension, and not at all where it has fewer
//      (scoreRound), so the municipality's score never rests on a figure of fewer than 3 people.
// Published groups never overlap: a perspective shown by itself is in no pool, so no figure can be
// subtracted from another to recover a smaller group. Within a published group, a dimension in which
// fewer than 3 of its members have a score is not shown either, and carries no figure at all.

import { PERSPECTIVES, type Perspective } from '../perspectives';
import { DIMENSIONS, type DimensionId } from './catalog-types';
import type { PerspectiveDimensionResult, RespondentResult } from './check-scoring';
import { MIN_RESPONDENTS_SHOWN, summariseDimension } from './dimension-summary';

/**
 * Perspectives that may be merged, by who they speak for: the administration's leadership; the
 * working level (in a small municipality Digitalisierung/IT is one or two staff members); and those
 * outside the administration. Every perspective is in exactly one group.
 */
export const PERSPECTIVE_GROUPS = [
	{ id: 'leitung', perspectives: ['H', 'A'] },
	{ id: 'mitarbeitende', perspectives: ['D', 'B', 'PR'] },
	{ id: 'aussen', perspectives: ['P', 'E'] }
] as const satisfies readonly { id: string; perspectives: readonly Perspective[] }[];
export type PerspectiveGroupId = (typeof PERSPECTIVE_GROUPS)[number]['id'];

export interface PublishedGroup {
	/** The perspective's code when shown by itself, the group's id when merged; unique in a grouping. */
	key: string;
	/** 'perspective': one perspective by itself; 'merged': a pool of perspectives of one group. */
	kind: 'perspective' | 'merged';
	group: PerspectiveGroupId;
	/** The perspectives it holds, in PERSPECTIVES order. */
	perspectives: Perspective[];
	/** Respondents with a score in at least one dimension: 3 or more. */
	respondents: number;
	/** A dimension with fewer than 3 scores has `shownSeparately` false and every figure null. */
	dimensions: Record<DimensionId, PerspectiveDimensionResult>;
}

export interface PerspectiveGrouping {
	/** In PERSPECTIVE_GROUPS order; within a group, perspectives by themselves first, then the pool. */
	groups: PublishedGroup[];
	/** Perspectives with scored respondents that are in no published group, in PERSPECTIVES order. */
	unpublished: Perspective[];
	/** Scored respondents of the `unpublished` perspectives. */
	unpublishedRespondents: number;
}

const hasScore = (respondent: RespondentResult): boolean =>
	DIMENSIONS.some((dimension) => respondent.dimensions[dimension].score !== null);

function publish(
	key: string,
	kind: PublishedGroup['kind'],
	group: PerspectiveGroupId,
	perspectives: Perspective[],
	members: readonly RespondentResult[]
): PublishedGroup {
	const dimensions = Object.fromEntries(
		DIMENSIONS.map((dimension) => {
			const summary = summariseDimension(members, dimension);
			return [
				dimension,
				summary.shownSeparately
					? summary
					: { ...summary, median: null, iqr: null, min: null, max: null }
			];
		})
	) as Record<DimensionId, PerspectiveDimensionResult>;
	return { key, kind, group, perspectives, respondents: members.length, dimensions };
}

/** The published groups of a round's respondents (see the rule at the top of this file). */
export function groupPerspectives(respondents: readonly RespondentResult[]): PerspectiveGrouping {
	const scored = respondents.filter(hasScore);
	const membersOf = (perspective: Perspective) =>
		scored.filter((respondent) => respondent.perspective === perspective);
	const groups: PublishedGroup[] = [];
	const unpublished: Perspective[] = [];

	for (const { id, perspectives } of PERSPECTIVE_GROUPS) {
		const pool: Perspective[] = [];
		for (const perspective of PERSPECTIVES.filter((p) =>
			(perspectives as readonly string[]).includes(p)
		)) {
			const members = membersOf(perspective);
			if (members.length >= MIN_RESPONDENTS_SHOWN)
				groups.push(publish(perspective, 'perspective', id, [perspective], members));
			else if (members.length > 0) pool.push(perspective);
		}
		const pooled = pool.flatMap(membersOf);
		if (pooled.length >= MIN_RESPONDENTS_SHOWN)
			groups.push(publish(id, 'merged', id, pool, pooled));
		else unpublished.push(...pool);
	}
	unpublished.sort((a, b) => PERSPECTIVES.indexOf(a) - PERSPECTIVES.indexOf(b));
	return { groups, unpublished, unpublishedRespondents: unpublished.flatMap(membersOf).length };
}

/** The widest difference between two published groups in one dimension. */
export interface GroupGap {
	/** The key of the group with the highest median (the first in grouping order on a tie). */
	high: string;
	/** The key of another with the lowest median (the first in grouping order on a tie). */
	low: string;
	/** Median of `high` − median of `low`, 0–100. */
	size: number;
}

/**
 * The largest gap between the published groups that show a figure in `dimension`, or null when
 * fewer than two do. Only published groups count, so the gap never rests on fewer than 3 people.
 */
export function largestGroupGap(
	grouping: PerspectiveGrouping,
	dimension: DimensionId
): GroupGap | null {
	const shown = grouping.groups.flatMap(({ key, dimensions }) => {
		const { median: value, shownSeparately } = dimensions[dimension];
		return shownSeparately && value !== null ? [{ key, value }] : [];
	});
	// Strict comparisons keep the first in grouping order on a tie; low is another than high.
	let high: { key: string; value: number } | null = null;
	for (const entry of shown) if (high === null || entry.value > high.value) high = entry;
	let low: { key: string; value: number } | null = null;
	for (const entry of shown)
		if (entry !== high && (low === null || entry.value < low.value)) low = entry;
	if (high === null || low === null) return null;
	return { high: high.key, low: low.key, size: high.value - low.value };
}

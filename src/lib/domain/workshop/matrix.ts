// The impact × effort matrix (ADR 9). Each participant scores an item's impact (Nutzen) and
// effort (Aufwand) from 1 to 5, by number or by dragging it on the 2×2 grid; each score is its own
// record (`<participantId>/<itemId>`), so people scoring at the same time never overwrite each other.
// The matrix shows each item at the average of the scores given (impact and effort averaged
// separately, over the participants who gave that score).
//
// Quadrants: the centre line 3 belongs to the upper half on both axes ("in doubt, count the benefit
// and count the effort"), so an item scored 3/3 is a Großes Projekt, not a Quick Win:
//   impact ≥ 3, effort < 3  Quick Win        impact ≥ 3, effort ≥ 3  Großes Projekt
//   impact < 3, effort < 3  Lückenfüller     impact < 3, effort ≥ 3  Zeitfresser

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
const CENTRE = 3;

export const QUADRANTS = ['quick_win', 'big_project', 'filler', 'time_sink'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const isScore = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= SCORE_MIN && value <= SCORE_MAX;

export interface MatrixScore {
	participantId: string;
	itemId: string;
	/** Either may be missing: a participant may have scored only one of them so far. */
	impact: number | null;
	effort: number | null;
}

export interface MatrixPlacement {
	itemId: string;
	/** Averages over the participants who gave that score; null when nobody has. */
	impact: number | null;
	effort: number | null;
	impactCount: number;
	effortCount: number;
	/** Null until both averages exist. */
	quadrant: Quadrant | null;
}

export function quadrantOf(impact: number, effort: number): Quadrant {
	if (impact >= CENTRE) return effort >= CENTRE ? 'big_project' : 'quick_win';
	return effort >= CENTRE ? 'time_sink' : 'filler';
}

/**
 * Where each item of `itemIds` sits: averages over the scores given for it (after resolving merged
 * items to their survivor; `resolve` returns null for an item that is gone). One participant counts
 * once per item: if they scored two cards that were merged, the later-listed score of each axis wins
 * (scores are read in document order, which is the same on every device).
 */
export function matrixPlacements(
	itemIds: readonly string[],
	scores: Iterable<MatrixScore>,
	resolve: (itemId: string) => string | null = (itemId) => itemId
): MatrixPlacement[] {
	const perItem = new Map<string, Map<string, { impact: number | null; effort: number | null }>>(
		itemIds.map((id) => [id, new Map()])
	);
	for (const score of scores) {
		const itemId = resolve(score.itemId);
		const byParticipant = itemId === null ? undefined : perItem.get(itemId);
		if (!byParticipant) continue;
		const before = byParticipant.get(score.participantId);
		byParticipant.set(score.participantId, {
			impact: isScore(score.impact) ? score.impact : (before?.impact ?? null),
			effort: isScore(score.effort) ? score.effort : (before?.effort ?? null)
		});
	}
	return itemIds.map((itemId) => {
		const given = [...perItem.get(itemId)!.values()];
		const impacts = given.flatMap((s) => (s.impact === null ? [] : [s.impact]));
		const efforts = given.flatMap((s) => (s.effort === null ? [] : [s.effort]));
		const impact = mean(impacts);
		const effort = mean(efforts);
		return {
			itemId,
			impact,
			effort,
			impactCount: impacts.length,
			effortCount: efforts.length,
			quadrant: impact === null || effort === null ? null : quadrantOf(impact, effort)
		};
	});
}

function mean(values: number[]): number | null {
	return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * The score a drop on the grid means: `fraction` is the position along the axis from its low end
 * (0) to its high end (1); the axis is cut into five equal bands, one per score.
 */
export function scoreAt(fraction: number): number {
	const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
	return Math.min(SCORE_MAX, SCORE_MIN + Math.floor(clamped * SCORE_MAX));
}

// Scoring of a Digital-Check round (ADR 7): item scores 0–100, a score per respondent and
// dimension, per perspective the median and spread, per dimension the municipality score (each
// published group weighs the same, ADR 7), coverage, target gap and band, the overall score and the gaps between
// perspectives. Pure and deterministic: the result depends neither on the order of the respondents nor
// on the order of the keys of their answers (lists are built in catalog, DIMENSIONS or PERSPECTIVES
// order, or sorted; means sum a sorted copy). Respondent ids are assumed unique (they are document keys).

import { isPerspective, PERSPECTIVES, type Perspective } from '../perspectives';
import type { Answer, RespondentAnswers } from './answers';
import { validateAnswer, type InvalidAnswerReason } from './answer-validation';
import { DIMENSIONS, type Catalog, type CatalogItem, type DimensionId } from './catalog-types';
import { summariseDimension } from './dimension-summary';
import { groupPerspectives } from './perspective-groups';
import { mean } from '../statistics/descriptive';

// ---------------------------------------------------------------------------------------------------
// Bands

export const BANDS = ['einstieg', 'grundlagen', 'fortgeschritten', 'vorreiter'] as const;
export type Band = (typeof BANDS)[number];

/**
 * The band of a score 0–100: below 25 Einstieg, below 50 Grundlagen, below 75 Fortgeschritten, from 75
 * Vorreiter. Scores are not rounded first: 24.999 is still Einstieg.
 */
export function bandOf(score: number): Band {
	if (score < 25) return 'einstieg';
	if (score < 50) return 'grundlagen';
	if (score < 75) return 'fortgeschritten';
	return 'vorreiter';
}

// ---------------------------------------------------------------------------------------------------
// Items

/** Points per maturity level: level 4 (and a Soll level of 4) is 100. */
export const POINTS_PER_LEVEL = 25;

/** The items that carry a score; facts (F) do not, and do not count for coverage either. */
export const isScoredItem = (item: CatalogItem): boolean => item.type !== 'F';

/**
 * The score 0–100 of a valid answer (see `validateAnswer`): R = level × 25; L = (x − 1) × 25, a
 * reverse item (5 − x) × 25; C = share of the options ticked × 100. Facts, "weiß nicht" and an answer
 * of another kind have no score (null).
 */
export function scoreItem(item: CatalogItem, answer: Answer): number | null {
	switch (item.type) {
		case 'R':
			return answer.kind === 'level' ? answer.value * POINTS_PER_LEVEL : null;
		case 'L':
			if (answer.kind !== 'likert') return null;
			return (item.reverse ? 5 - answer.value : answer.value - 1) * POINTS_PER_LEVEL;
		case 'C': {
			if (answer.kind !== 'checklist' || item.options.length === 0) return null;
			const ticked = item.options.filter((option) => answer.ticked.includes(option.id)).length;
			return (ticked / item.options.length) * 100;
		}
		case 'F':
			return null;
	}
}

// ---------------------------------------------------------------------------------------------------
// Result types

export type ScoringFlagReason =
	| InvalidAnswerReason
	/** An answer to an item id the catalog does not have. */
	| 'unknown_item'
	/** An answer to an item the respondent's perspective is not asked. */
	| 'not_asked';

/** A value that scoring ignored. */
export interface ScoringFlag {
	respondentId: string;
	itemId: string;
	reason: ScoringFlagReason;
}

export interface RespondentDimensionResult {
	/** Mean of the scores of the items answered, or null if none. */
	score: number | null;
	/** Scored items of the dimension answered validly and not with "weiß nicht". */
	answered: number;
	/** Scored items of the dimension the respondent's perspective is asked. */
	asked: number;
	/** answered / asked (0–1), or null when the perspective is asked no item of the dimension. */
	coverage: number | null;
}

export interface RespondentResult {
	respondentId: string;
	perspective: Perspective;
	dimensions: Record<DimensionId, RespondentDimensionResult>;
}

export interface PerspectiveDimensionResult {
	/** Respondents of the perspective with a score in this dimension. */
	respondents: number;
	/** Median of their dimension scores; null when `respondents` is 0. */
	median: number | null;
	/** Interquartile range of their dimension scores (type 7 quartiles, see statistics/descriptive.ts). */
	iqr: number | null;
	min: number | null;
	max: number | null;
	/**
	 * Fewer than 3 respondents are not shown separately (they could be recognised); nor does their
	 * median count by itself in the municipality score (see DimensionResult.score).
	 */
	shownSeparately: boolean;
}

export interface PerspectiveResult {
	perspective: Perspective;
	/** All respondents of the perspective in the round, whether they answered or not. */
	respondents: number;
	dimensions: Record<DimensionId, PerspectiveDimensionResult>;
}

export interface DimensionResult {
	/**
	 * Mean of the medians of the published groups (perspective-groups.ts) and of the respondents of the
	 * perspectives not shown, pooled as one more group; each weighs the same, and one with fewer than 3
	 * scores in the dimension does not count. With 3 or more scores in every perspective: the mean of
	 * the perspective medians. Null if no pool has 3 scores.
	 */
	score: number | null;
	band: Band | null;
	/** Answers to scored items over all respondents, and items asked over all respondents. */
	answered: number;
	asked: number;
	/** answered / asked (0–1), or null when nobody was asked an item of the dimension. */
	coverage: number | null;
	/** The Soll level 0–4 given for the dimension, or null. */
	targetLevel: number | null;
	/** targetLevel × 25, or null. */
	targetScore: number | null;
	/** targetScore − score (negative when the target is exceeded), or null when either is missing. */
	gap: number | null;
}

export interface PerspectiveGap {
	/** The perspective with the highest median (the first in PERSPECTIVES order on a tie). */
	high: Perspective;
	/** Another with the lowest median (the first in PERSPECTIVES order on a tie). */
	low: Perspective;
	/** Median of `high` − median of `low`, 0–100. */
	size: number;
}

export interface RoundResult {
	catalogVersion: string;
	/** Sorted by respondent id. */
	respondents: RespondentResult[];
	/** Perspectives with at least one respondent, in PERSPECTIVES order. */
	perspectives: PerspectiveResult[];
	/** Every dimension of DIMENSIONS; one the catalog has no items for has score null. */
	dimensions: Record<DimensionId, DimensionResult>;
	/** Mean of the dimension scores that are not null; null if there is none. */
	overall: { score: number | null; band: Band | null };
	/** Sorted by respondent id, then item id, then reason. */
	flags: ScoringFlag[];
	/** Per dimension, the largest gap between two perspectives shown separately, or null. */
	perspectiveGaps: Record<DimensionId, PerspectiveGap | null>;
}

/** Soll levels per dimension (0–4). A value that is not a whole number 0–4 is ignored. */
export type DimensionTargets = Partial<Record<DimensionId, number>>;

// The threshold and the summary of a group live apart so that perspective-groups.ts, which scoring
// asks for the published groups, does not import scoring back.
export { MIN_RESPONDENTS_SHOWN, summariseDimension } from './dimension-summary';

// ---------------------------------------------------------------------------------------------------
// Scoring a round

const byDimension = <T>(make: (dimension: DimensionId) => T): Record<DimensionId, T> =>
	Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, make(dimension)])) as Record<
		DimensionId,
		T
	>;

/** Code-unit order: unlike localeCompare, the same on every machine. */
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const withBand = (score: number | null) => ({
	score,
	band: score === null ? null : bandOf(score)
});

function scoreRespondent(
	catalog: Catalog,
	itemsById: ReadonlyMap<string, CatalogItem>,
	respondent: RespondentAnswers,
	flags: ScoringFlag[]
): RespondentResult {
	const { respondentId, perspective, answers } = respondent;
	const itemScores = byDimension<number[]>(() => []);
	const asked = byDimension(() => 0);
	const flag = (itemId: string, reason: ScoringFlagReason) =>
		flags.push({ respondentId, itemId, reason });

	for (const item of catalog.items) {
		const isAsked = item.perspectives.includes(perspective);
		if (isAsked && isScoredItem(item)) asked[item.dimension] += 1;
		if (!Object.hasOwn(answers, item.id) || answers[item.id] === undefined) continue;
		const validation = validateAnswer(item, answers[item.id]);
		if (!validation.ok) flag(item.id, validation.reason);
		else if (!isAsked) flag(item.id, 'not_asked');
		else {
			const score = scoreItem(item, validation.answer);
			if (score !== null) itemScores[item.dimension].push(score);
		}
	}
	for (const itemId of Object.keys(answers)) {
		if (!itemsById.has(itemId) && answers[itemId] !== undefined) flag(itemId, 'unknown_item');
	}

	const dimensions = byDimension((dimension) => {
		const answered = itemScores[dimension].length;
		return {
			score: mean(itemScores[dimension]),
			answered,
			asked: asked[dimension],
			coverage: ratio(answered, asked[dimension])
		};
	});
	return { respondentId, perspective, dimensions };
}

function summarisePerspective(
	perspective: Perspective,
	members: readonly RespondentResult[]
): PerspectiveResult {
	const dimensions = byDimension((dimension) => summariseDimension(members, dimension));
	return { perspective, respondents: members.length, dimensions };
}

function largestPerspectiveGap(
	perspectives: readonly PerspectiveResult[],
	dimension: DimensionId
): PerspectiveGap | null {
	const shown = perspectives.flatMap(({ perspective, dimensions }) => {
		const { median: value, shownSeparately } = dimensions[dimension];
		return shownSeparately && value !== null ? [{ perspective, value }] : [];
	});
	// `shown` is in PERSPECTIVES order; strict comparisons keep the first on a tie.
	const first = <T extends { value: number }>(list: T[], better: (a: T, b: T) => boolean) =>
		list.reduce<T | null>(
			(best, entry) => (best === null || better(entry, best) ? entry : best),
			null
		);
	const high = first(shown, (a, b) => a.value > b.value);
	// Low is chosen among the others, so the two always differ (all medians equal: size 0).
	const low = first(
		shown.filter((entry) => entry !== high),
		(a, b) => a.value < b.value
	);
	if (high === null || low === null) return null;
	return { high: high.perspective, low: low.perspective, size: high.value - low.value };
}

/** A whole number 0–4 (−0 counts as 0), else null. */
const validTargetLevel = (level: unknown): number | null =>
	typeof level === 'number' && Number.isInteger(level) && level >= 0 && level <= 4
		? level + 0
		: null;

/**
 * Scores a round. `respondents` carry raw answers as read from their documents: invalid values,
 * answers to items not in the catalog and answers to items the perspective is not asked are ignored
 * and listed in `flags`. `targets` are the Soll levels (0–4) per dimension.
 */
export function scoreRound(
	catalog: Catalog,
	respondents: readonly RespondentAnswers[],
	targets: DimensionTargets = {}
): RoundResult {
	const itemsById = new Map<string, CatalogItem>();
	for (const item of catalog.items) if (!itemsById.has(item.id)) itemsById.set(item.id, item);

	const flags: ScoringFlag[] = [];
	const respondentResults = respondents
		// The crdt layer only passes valid perspectives; a value outside the type is left out.
		.filter((respondent) => isPerspective(respondent.perspective))
		.map((respondent) => scoreRespondent(catalog, itemsById, respondent, flags))
		.sort(
			(a, b) =>
				compareStrings(a.respondentId, b.respondentId) ||
				PERSPECTIVES.indexOf(a.perspective) - PERSPECTIVES.indexOf(b.perspective)
		);

	const perspectives = PERSPECTIVES.flatMap((perspective) => {
		const members = respondentResults.filter((r) => r.perspective === perspective);
		return members.length === 0 ? [] : [summarisePerspective(perspective, members)];
	});

	// The municipality's score rests only on figures of 3 or more people (ADR 7): the published groups,
	// and the respondents of the perspectives not shown pooled as one more group. A pool with fewer than
	// 3 scores in a dimension does not count there, for its figure could be recovered from the
	// municipality's score and the published ones.
	const grouping = groupPerspectives(respondentResults);
	const membersOf = (among: readonly Perspective[]) =>
		respondentResults.filter((respondent) => among.includes(respondent.perspective));
	const pools = [
		...grouping.groups.map((group) => membersOf(group.perspectives)),
		membersOf(grouping.unpublished)
	];

	const dimensions = byDimension((dimension): DimensionResult => {
		const medians = pools
			.map((pool) => summariseDimension(pool, dimension))
			.flatMap(({ median, shownSeparately }) =>
				shownSeparately && median !== null ? [median] : []
			);
		const score = mean(medians);
		let answered = 0;
		let asked = 0;
		for (const respondent of respondentResults) {
			answered += respondent.dimensions[dimension].answered;
			asked += respondent.dimensions[dimension].asked;
		}
		const targetLevel = validTargetLevel(targets[dimension]);
		const targetScore = targetLevel === null ? null : targetLevel * POINTS_PER_LEVEL;
		return {
			...withBand(score),
			answered,
			asked,
			coverage: ratio(answered, asked),
			targetLevel,
			targetScore,
			gap: targetScore === null || score === null ? null : targetScore - score
		};
	});

	const dimensionScores = DIMENSIONS.map((d) => dimensions[d].score).filter(
		(score): score is number => score !== null
	);

	flags.sort(
		(a, b) =>
			compareStrings(a.respondentId, b.respondentId) ||
			compareStrings(a.itemId, b.itemId) ||
			compareStrings(a.reason, b.reason)
	);

	return {
		catalogVersion: catalog.version,
		respondents: respondentResults,
		perspectives,
		dimensions,
		overall: withBand(mean(dimensionScores)),
		flags,
		perspectiveGaps: byDimension((dimension) => largestPerspectiveGap(perspectives, dimension))
	};
}

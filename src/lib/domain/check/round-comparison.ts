// Comparing two check rounds of a municipality, e.g. before and after a year of work on its strategy.
// Rounds taken with different catalog versions are compared on the items both versions share (same id,
// same type: an item that changed its meaning got a new id), so a new or dropped question never looks
// like progress. Both rounds are scored again on exactly those items.

import type { RespondentAnswers } from './answers';
import type { Catalog, DimensionId } from './catalog-types';
import { DIMENSIONS } from './catalog-types';
import { scoreRound, type RoundResult } from './check-scoring';

export interface ComparedRound {
	catalog: Catalog;
	respondents: readonly RespondentAnswers[];
}

export interface ScoreChange {
	earlier: number | null;
	later: number | null;
	/** later − earlier, or null when either is missing. */
	change: number | null;
}

export interface RoundComparison {
	/** Both rounds were taken with the same catalog version (then every item is compared). */
	sameCatalog: boolean;
	earlierVersion: string;
	laterVersion: string;
	/** Items compared, and items left out because only one version has them. */
	sharedItems: number;
	onlyEarlier: number;
	onlyLater: number;
	dimensions: Record<DimensionId, ScoreChange>;
	overall: ScoreChange;
}

const change = (earlier: number | null, later: number | null): ScoreChange => ({
	earlier,
	later,
	change: earlier === null || later === null ? null : later - earlier
});

function restrictTo(catalog: Catalog, ids: ReadonlySet<string>): Catalog {
	return { ...catalog, items: catalog.items.filter((item) => ids.has(item.id)) };
}

export function compareRounds(earlier: ComparedRound, later: ComparedRound): RoundComparison {
	const laterTypes = new Map(later.catalog.items.map((item) => [item.id, item.type]));
	const shared = new Set(
		earlier.catalog.items
			.filter((item) => laterTypes.get(item.id) === item.type)
			.map((item) => item.id)
	);
	const score = (round: ComparedRound): RoundResult =>
		scoreRound(restrictTo(round.catalog, shared), round.respondents);
	const before = score(earlier);
	const after = score(later);
	return {
		sameCatalog: earlier.catalog.version === later.catalog.version,
		earlierVersion: earlier.catalog.version,
		laterVersion: later.catalog.version,
		sharedItems: shared.size,
		onlyEarlier: earlier.catalog.items.length - shared.size,
		onlyLater: later.catalog.items.length - shared.size,
		dimensions: Object.fromEntries(
			DIMENSIONS.map((d) => [d, change(before.dimensions[d].score, after.dimensions[d].score)])
		) as Record<DimensionId, ScoreChange>,
		overall: change(before.overall.score, after.overall.score)
	};
}

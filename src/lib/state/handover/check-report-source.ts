// The Digital-Check report's input (domain/documents/check-report.ts), read from what the results page
// already holds: CheckRoundResults, which follows every document of the round and derives the
// published perspective groups, suggestions, process figures and barriers. Nothing is recomputed or
// opened here (ADR 19).

import type { BarrierPareto } from '../../domain/check/barriers';
import type { Catalog } from '../../domain/check/catalog-types';
import type { RoundResult } from '../../domain/check/check-scoring';
import type { PerspectiveGrouping } from '../../domain/check/perspective-groups';
import type { ParallelShare, Savings } from '../../domain/check/processes';
import type { Suggestion } from '../../domain/check/suggestions';
import type { CheckReportInput } from '../../domain/documents/check-report';

/** What the report reads of a round's results; CheckRoundResults is one. */
export interface CheckReportRound {
	readonly result: RoundResult | null;
	readonly catalog: Catalog | null;
	readonly grouping: PerspectiveGrouping | null;
	readonly respondents: readonly unknown[];
	readonly answered: number;
	readonly suggestions: Suggestion[];
	readonly parallel: ParallelShare;
	readonly savings: Savings;
	readonly pareto: BarrierPareto;
	readonly title: string | null;
	readonly municipalityName: string | null;
}

export interface CheckReportExtras {
	/** Names the municipality when its profile has no name yet, as the results page does. */
	ars: string;
	/** When the report is made: its date (this device's calendar) and metadata. */
	now?: Date;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const localIsoDate = (at: Date): string =>
	`${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;

/** The report's input, or null while the round has not been read (or its catalog is unknown). */
export function checkReportInput(
	round: CheckReportRound,
	extras: CheckReportExtras
): CheckReportInput | null {
	const { result, catalog, grouping } = round;
	if (result === null || catalog === null || grouping === null) return null;
	const now = extras.now ?? new Date();
	return {
		municipalityName: round.municipalityName ?? extras.ars,
		roundTitle: round.title,
		date: localIsoDate(now),
		catalog,
		result,
		grouping,
		respondents: round.respondents.length,
		answered: round.answered,
		suggestions: round.suggestions,
		parallel: round.parallel,
		savings: round.savings,
		pareto: round.pareto,
		createdAt: now.toISOString()
	};
}

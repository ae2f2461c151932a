// Comparing a round with another of the same municipality on this device (e.g. a year later). Rounds
// of different catalog versions are compared on their shared items only (round-comparison.ts); the
// earlier round comes first, whichever of the two is shown.

import type { RespondentAnswers } from '../../domain/check/answers';
import type { Catalog } from '../../domain/check/catalog-types';
import { compareRounds, type RoundComparison } from '../../domain/check/round-comparison';
import type { SessionRow } from '../../storage/db';
import type { SessionsList } from '../municipality/sessions-list.svelte';
import type { RoundResults, RoundResultsError } from './round-results.svelte';

export interface ComparedRounds {
	earlierTitle: string;
	laterTitle: string;
	values: RoundComparison;
}

export interface CheckRoundComparisonOptions {
	round: string;
	/** The municipality's rounds on this device. */
	sessions: SessionsList;
	/** The results of another round, followed live while compared. */
	resultsOf: (round: string) => RoundResults;
	/** This round's catalog and answers; null until they are read. */
	mine: () => { catalog: Catalog; answers: RespondentAnswers[] } | null;
}

export class CheckRoundComparison {
	#options: CheckRoundComparisonOptions;
	#otherId = $state('');
	// By id: the list's rows are new objects on every change, which must not reload the results.
	#otherResults = $derived.by(() =>
		this.#otherId === '' ? null : this.#options.resultsOf(this.#otherId)
	);

	constructor(options: CheckRoundComparisonOptions) {
		this.#options = options;
	}

	/** The municipality's other rounds on this device. */
	get others(): SessionRow[] {
		return this.#options.sessions.checkRounds.filter((row) => row.id !== this.#options.round);
	}

	/** True once the list is read and has no other round to compare with. */
	get nothingToCompare(): boolean {
		return this.#options.sessions.loaded && this.others.length === 0;
	}

	/** The id of the round chosen to compare with; '' for none. */
	get otherId(): string {
		return this.#otherId;
	}

	choose(round: string): void {
		this.#otherId = round;
	}

	get other(): SessionRow | null {
		return this.others.find((row) => row.id === this.#otherId) ?? null;
	}

	get error(): RoundResultsError | null {
		return this.other ? (this.#otherResults?.error ?? null) : null;
	}

	/** Null while nothing is chosen or either round is still being read. */
	get comparison(): ComparedRounds | null {
		const other = this.other;
		const theirs = this.#otherResults;
		const mine = this.#options.mine();
		if (!other || !theirs?.catalog || theirs.loading || !mine) return null;
		const thisRound = this.#options.sessions.checkRounds.find(
			(row) => row.id === this.#options.round
		);
		const mineRound = { catalog: mine.catalog, respondents: mine.answers };
		const theirRound = { catalog: theirs.catalog, respondents: theirs.answers };
		const otherIsEarlier = other.createdAt <= (thisRound?.createdAt ?? Infinity);
		return {
			earlierTitle: otherIsEarlier ? other.title : (thisRound?.title ?? ''),
			laterTitle: otherIsEarlier ? (thisRound?.title ?? '') : other.title,
			values: otherIsEarlier
				? compareRounds(theirRound, mineRound)
				: compareRounds(mineRound, theirRound)
		};
	}
}

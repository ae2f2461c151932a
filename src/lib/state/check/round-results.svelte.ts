// The results of one check round, live while shown: every document of the round is followed (see
// followRoundDocuments), and any change from any of them (this tab, another tab, a respondent's device
// through the server) scores the round again.

import { createSubscriber } from 'svelte/reactivity';
import type { Catalog } from '../../domain/check/catalog-types';
import { scoreRound, type RoundResult } from '../../domain/check/check-scoring';
import type { RespondentAnswers } from '../../domain/check/answers';
import type { RespondentComments } from '../../domain/check/comments';
import { readRoundCatalogVersion, type Respondent } from '../../crdt/check-round-doc';
import { readTargets } from '../../crdt/check-shared-doc';
import { isDocumentError, type DocumentErrorCode } from '../../sync/document-status';
import type { DocumentHandle } from '../../sync/open-document';
import { followRoundDocuments } from './round-documents';

export interface RoundResultsOptions {
	open: (name: string) => Promise<DocumentHandle>;
	ars: string;
	round: string;
	/** The catalog of a version, or null for a version this build does not know. */
	catalogOf: (version: string) => Catalog | null;
}

export type RoundResultsError = DocumentErrorCode | 'code_load_failed' | 'catalog_unknown';

export class RoundResults {
	#result = $state<RoundResult | null>(null);
	#catalog = $state<Catalog | null>(null);
	#answers = $state<RespondentAnswers[]>([]);
	#respondents = $state<Respondent[]>([]);
	#comments = $state<RespondentComments[]>([]);
	#loading = $state(true);
	#error = $state<RoundResultsError | null>(null);
	#subscribe: () => void;

	constructor(options: RoundResultsOptions) {
		const { catalogOf } = options;
		this.#subscribe = createSubscriber(() =>
			followRoundDocuments({
				...options,
				onChange: ({ shared, respondents, answers, comments }) => {
					const catalog = catalogOf(readRoundCatalogVersion(shared));
					this.#respondents = respondents;
					this.#answers = answers;
					this.#comments = comments;
					this.#catalog = catalog;
					this.#result = catalog ? scoreRound(catalog, answers, readTargets(shared)) : null;
					this.#error = catalog ? null : 'catalog_unknown';
					this.#loading = false;
				},
				onError: (error) => {
					this.#error = isDocumentError(error) ? error.code : 'code_load_failed';
					this.#loading = false;
				}
			})
		);
	}

	get loading(): boolean {
		this.#subscribe();
		return this.#loading;
	}

	get error(): RoundResultsError | null {
		this.#subscribe();
		return this.#error;
	}

	/** Null until the round has been read once. */
	get result(): RoundResult | null {
		this.#subscribe();
		return this.#result;
	}

	/** The catalog the round is taken with; null until read, or when this build does not know it. */
	get catalog(): Catalog | null {
		this.#subscribe();
		return this.#catalog;
	}

	/** Every respondent's raw answers, as scored (for comparing rounds). */
	get answers(): RespondentAnswers[] {
		this.#subscribe();
		return this.#answers;
	}

	/** Every respondent's comments with their perspective, without who wrote them. */
	get comments(): RespondentComments[] {
		this.#subscribe();
		return this.#comments;
	}

	get respondents(): Respondent[] {
		this.#subscribe();
		return this.#respondents;
	}
}

// The results of one check round, live while shown: every document of the round is followed (see
// followRoundDocuments), and any change from any of them (this tab, another tab, a respondent's device
// through the server) scores the round again.

import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import type { Catalog } from '../domain/check/catalog-types';
import { scoreRound, type DimensionTargets, type RoundResult } from '../domain/check/check-scoring';
import type { Respondent } from '../crdt/check-round-doc';
import { isDocumentError, type DocumentErrorCode } from '../sync/document-status';
import type { DocumentHandle } from '../sync/open-document';
import { followRoundDocuments } from '../sync/round-documents';

export interface RoundResultsOptions {
	open: (name: string) => Promise<DocumentHandle>;
	ars: string;
	round: string;
	catalog: Catalog;
	/** Reads the Soll levels from the shared document. */
	readTargets: (doc: Y.Doc) => DimensionTargets;
}

export class RoundResults {
	#result = $state<RoundResult | null>(null);
	#respondents = $state<Respondent[]>([]);
	#loading = $state(true);
	#error = $state<DocumentErrorCode | 'code_load_failed' | null>(null);
	#subscribe: () => void;

	constructor(options: RoundResultsOptions) {
		const { catalog, readTargets } = options;
		this.#subscribe = createSubscriber(() =>
			followRoundDocuments({
				...options,
				onChange: ({ shared, respondents, answers }) => {
					this.#respondents = respondents;
					this.#result = scoreRound(catalog, answers, readTargets(shared));
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

	get error(): DocumentErrorCode | 'code_load_failed' | null {
		this.#subscribe();
		return this.#error;
	}

	/** Null until the round has been read once. */
	get result(): RoundResult | null {
		this.#subscribe();
		return this.#result;
	}

	get respondents(): Respondent[] {
		this.#subscribe();
		return this.#respondents;
	}
}

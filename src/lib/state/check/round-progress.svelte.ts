// The round page's view of its respondents: who is in the round and how far each has got, live as
// answers arrive from this laptop, another tab or a respondent's own device (every document of the
// round is followed, as for the results).

import { createSubscriber } from 'svelte/reactivity';
import type { Catalog } from '../../domain/check/catalog-types';
import {
	answeredRespondents,
	respondentProgress,
	type RespondentProgress
} from '../../domain/check/respondent-progress';
import { readRoundCatalogVersion, type Respondent } from '../../crdt/check-round-doc';
import { isDocumentError, type DocumentErrorCode } from '../../sync/document-status';
import type { DocumentHandle } from '../../sync/open-document';
import { followRoundDocuments } from './round-documents';

export interface RoundProgressOptions {
	open: (name: string) => Promise<DocumentHandle>;
	ars: string;
	round: string;
	/** The catalog of a version, or null for a version this build does not know. */
	catalogOf: (version: string) => Catalog | null;
}

export interface RespondentWithProgress extends Respondent {
	/** Null when this build does not know the round's catalog. */
	progress: RespondentProgress | null;
}

export class RoundProgress {
	#respondents = $state<RespondentWithProgress[]>([]);
	#answered = $state(0);
	#loading = $state(true);
	#error = $state<DocumentErrorCode | 'code_load_failed' | null>(null);
	#subscribe: () => void;

	constructor(options: RoundProgressOptions) {
		this.#subscribe = createSubscriber(() =>
			followRoundDocuments({
				...options,
				onChange: ({ shared, respondents, answers }) => {
					const catalog = options.catalogOf(readRoundCatalogVersion(shared));
					// followRoundDocuments lists answers in the order of respondents, one each.
					this.#respondents = respondents.map((respondent, index) => ({
						...respondent,
						progress: catalog && answers[index] ? respondentProgress(catalog, answers[index]) : null
					}));
					this.#answered = catalog ? answeredRespondents(catalog, answers).length : 0;
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

	/** The round's current respondents (removed ones left out), in the order they were added. */
	get respondents(): RespondentWithProgress[] {
		this.#subscribe();
		return this.#respondents;
	}

	/** How many of them have answered at least one item (see respondent-progress). */
	get answered(): number {
		this.#subscribe();
		return this.#answered;
	}
}

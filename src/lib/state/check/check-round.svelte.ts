// One Digital-Check round as its pages ask for it: the title, the respondents and how far each has got
// (with adding, renaming, removing and restoring one), the shared parts the facilitator fills in
// (setup) and the results. Each part opens its documents only while something reads it, so a page pays
// only for what it shows.

import { readRoundTitle } from '../../crdt/check-round-doc';
import type { Catalog } from '../../domain/check/catalog-types';
import {
	validateRespondentLabel,
	type RespondentLabelError
} from '../../domain/check/respondent-label';
import { checkSharedDocName } from '../../domain/document-names';
import { validatePerspective } from '../../domain/session-input';
import type { KommunalwerkstattDb } from '../../storage/db';
import type { AppErrorCode } from '../app-error';
import { DocumentAccess } from '../document-access';
import type { DocumentServices } from '../document-services';
import type { LiveDocument } from '../live-document.svelte';
import type { RespondentRepository } from './respondent-repository';
import { SessionsList } from '../municipality/sessions-list.svelte';
import { CheckRoundComparison } from './check-round-comparison.svelte';
import { CheckRoundResults } from './check-round-results.svelte';
import { CheckRoundSetup } from './check-round-setup.svelte';
import { RoundProgress } from './round-progress.svelte';
import { RoundResults } from './round-results.svelte';

export interface CheckRoundContext {
	db: KommunalwerkstattDb;
	/** The document stack, loaded on first use. */
	services: () => Promise<DocumentServices>;
}

export type RespondentError =
	RespondentLabelError | 'perspective_required' | 'restore_label_taken' | AppErrorCode;

/** A respondent's form could not be taken: which field it is about and why. */
export type RespondentFormError = {
	ok: false;
	field: 'label' | 'perspective' | 'form';
	error: RespondentError;
};

export type RespondentChange<T> = { ok: true; value: T } | RespondentFormError;

const LABEL_ERRORS: readonly string[] = [
	'label_required',
	'label_too_long',
	'label_invalid',
	'label_taken'
];

export class CheckRound {
	readonly ars: string;
	readonly round: string;
	#context: CheckRoundContext;
	#access: DocumentAccess;
	#catalogOf: (version: string) => Catalog | null;
	#title: LiveDocument<string | null>;
	#progress: RoundProgress | null = null;
	#setup: CheckRoundSetup | null = null;
	#results: CheckRoundResults | null = null;
	#comparison: CheckRoundComparison | null = null;

	/** `catalogOf`: the catalog of a version, or null for one this build does not know (the page loads them). */
	constructor(
		context: CheckRoundContext,
		ars: string,
		round: string,
		catalogOf: (version: string) => Catalog | null
	) {
		this.#context = context;
		this.#access = new DocumentAccess(context.services);
		this.#catalogOf = catalogOf;
		this.ars = ars;
		this.round = round;
		this.#title = this.#access.live(checkSharedDocName(ars, round), readRoundTitle, null);
	}

	/** Null while loading and when the round is not on this device. */
	get title(): string | null {
		return this.#title.value;
	}

	get loading(): boolean {
		return this.#title.loading;
	}

	/** The respondents and how far each has got, live as answers arrive. */
	get progress(): RoundProgress {
		return (this.#progress ??= this.#roundProgress());
	}

	/** Targets, processes and barriers, which the facilitator fills in. */
	get setup(): CheckRoundSetup {
		return (this.#setup ??= new CheckRoundSetup(this.#access, this.ars, this.round));
	}

	get results(): CheckRoundResults {
		return (this.#results ??= new CheckRoundResults({
			access: this.#access,
			ars: this.ars,
			round: this.round,
			scores: this.#scoresOf(this.round),
			comparison: () => this.#comparisonOf()
		}));
	}

	/** Adds a respondent with a label the round has not given yet; resolves to their id. */
	async addRespondent(label: string, perspective: string): Promise<RespondentChange<string>> {
		const checkedLabel = validateRespondentLabel(label, this.progress.respondents);
		if (!checkedLabel.ok) return { ok: false, field: 'label', error: checkedLabel.error };
		const checkedPerspective = validatePerspective(perspective);
		if (!checkedPerspective.ok) {
			return { ok: false, field: 'perspective', error: checkedPerspective.error };
		}
		return this.#respondents((respondents) =>
			respondents.addRespondent(this.ars, this.round, checkedLabel.value, checkedPerspective.value)
		);
	}

	/** A new label, checked like a new one, in the round's list and the respondent's own document. */
	async renameRespondent(id: string, label: string): Promise<RespondentChange<void>> {
		const checked = validateRespondentLabel(label, this.progress.respondents, id);
		if (!checked.ok) return { ok: false, field: 'label', error: checked.error };
		return this.#respondents((respondents) =>
			respondents.renameRespondent(this.ars, this.round, id, checked.value)
		);
	}

	/** Takes a respondent off the round's list; their answers stay until restored or deleted. */
	removeRespondent(id: string): Promise<RespondentChange<void>> {
		return this.#respondents((respondents) =>
			respondents.removeRespondent(this.ars, this.round, id)
		);
	}

	/** Undoes removeRespondent; refused while another respondent has since been given their label. */
	restoreRespondent(id: string): Promise<RespondentChange<void>> {
		return this.#respondents((respondents) =>
			respondents.restoreRespondent(this.ars, this.round, id)
		);
	}

	async #respondents<T>(
		change: (
			respondents: RespondentRepository
		) => Promise<{ ok: true; value: T } | { ok: false; error: RespondentError }>
	): Promise<RespondentChange<T>> {
		const services = await this.#context.services().catch(() => null);
		if (services === null) return { ok: false, field: 'form', error: 'code_load_failed' };
		const result = await change(services.respondents);
		if (result.ok) return result;
		const field = LABEL_ERRORS.includes(result.error) ? 'label' : 'form';
		return { ok: false, field, error: result.error };
	}

	#roundProgress(): RoundProgress {
		const { ars, round } = this;
		return new RoundProgress({ open: this.#access.open, ars, round, catalogOf: this.#catalogOf });
	}

	#scoresOf(round: string): RoundResults {
		return new RoundResults({
			open: this.#access.open,
			ars: this.ars,
			round,
			catalogOf: this.#catalogOf
		});
	}

	#comparisonOf(): CheckRoundComparison {
		return (this.#comparison ??= new CheckRoundComparison({
			round: this.round,
			sessions: new SessionsList(this.#context.db, this.ars),
			resultsOf: (round) => this.#scoresOf(round),
			mine: () => {
				const { catalog, answers } = this.results;
				return catalog ? { catalog, answers } : null;
			}
		}));
	}
}

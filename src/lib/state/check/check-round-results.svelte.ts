// What the results page of a check round shows, live while shown: the scores (RoundResults, which
// follows every document of the round), the perspectives merged into published groups, comments per
// dimension, the process inventory's parallel share and savings, the barriers' Pareto, the suggested
// Handlungsfelder and the comparison with another round.

import type * as Y from 'yjs';
import { readBarriers, readProcesses } from '../../crdt/check-shared-doc';
import { readRoundTitle } from '../../crdt/check-round-doc';
import { readProfile } from '../../crdt/profile-doc';
import type { RespondentAnswers } from '../../domain/check/answers';
import { barrierPareto, type BarrierAnswer, type BarrierPareto } from '../../domain/check/barriers';
import type { Catalog } from '../../domain/check/catalog-types';
import type { RoundResult } from '../../domain/check/check-scoring';
import { commentsByDimension, type ResultComment } from '../../domain/check/comments';
import { groupPerspectives, type PerspectiveGrouping } from '../../domain/check/perspective-groups';
import {
	DEFAULT_HOURS_PER_FTE,
	parallelShareOf,
	savingsOf,
	type ParallelShare,
	type ProcessEntry,
	type Savings
} from '../../domain/check/processes';
import { answeredRespondents } from '../../domain/check/respondent-progress';
import { suggestHandlungsfelder, type Suggestion } from '../../domain/check/suggestions';
import type { DimensionId } from '../../domain/check/catalog-types';
import { checkSharedDocName, profileDocName } from '../../domain/document-names';
import type { Respondent } from '../../crdt/check-round-doc';
import type { DocumentAccess } from '../document-access';
import type { LiveDocument } from '../live-document.svelte';
import type { CheckRoundComparison } from './check-round-comparison.svelte';
import type { RoundResults, RoundResultsError } from './round-results.svelte';
import { CheckReportFile } from '../handover/check-report-file.svelte';
import { saveFile } from '../../util/save-file';

interface SharedParts {
	title: string | null;
	processes: ProcessEntry[];
	barriers: BarrierAnswer;
}

const EMPTY_SHARED: SharedParts = {
	title: null,
	processes: [],
	barriers: { ticked: [], top3: [null, null, null] }
};

const readShared = (doc: Y.Doc): SharedParts => ({
	title: readRoundTitle(doc),
	processes: readProcesses(doc).processes,
	barriers: readBarriers(doc)
});

export class CheckRoundResults {
	#scores: RoundResults;
	#shared: LiveDocument<SharedParts>;
	#municipality: LiveDocument<string | null>;
	#comparison: () => CheckRoundComparison;
	#ars: string;
	#report: CheckReportFile | null = null;
	#grouping = $derived.by(() => {
		const result = this.#scores.result;
		return result ? groupPerspectives(result.respondents) : null;
	});
	#comments = $derived.by(() => {
		const catalog = this.#scores.catalog;
		return catalog ? commentsByDimension(catalog, this.#scores.comments) : null;
	});

	constructor(options: {
		access: DocumentAccess;
		ars: string;
		round: string;
		scores: RoundResults;
		comparison: () => CheckRoundComparison;
	}) {
		const { access, ars, round } = options;
		this.#scores = options.scores;
		this.#comparison = options.comparison;
		this.#ars = ars;
		this.#shared = access.live(checkSharedDocName(ars, round), readShared, EMPTY_SHARED);
		this.#municipality = access.live(
			profileDocName(ars),
			(doc) => readProfile(doc).profile?.name ?? null,
			null
		);
	}

	get loading(): boolean {
		return this.#scores.loading;
	}

	get error(): RoundResultsError | null {
		return this.#scores.error;
	}

	/** Null until the round has been read once, or when this build does not know its catalog. */
	get result(): RoundResult | null {
		return this.#scores.result;
	}

	/** The catalog the round was taken with (set whenever result is). */
	get catalog(): Catalog | null {
		return this.#scores.catalog;
	}

	get respondents(): Respondent[] {
		return this.#scores.respondents;
	}

	/** Every respondent's raw answers, as scored. */
	get answers(): RespondentAnswers[] {
		return this.#scores.answers;
	}

	/** The round's title; null until read. */
	get title(): string | null {
		return this.#shared.value.title;
	}

	/** The municipality's name from its profile; null until read or when it has none. */
	get municipalityName(): string | null {
		return this.#municipality.value;
	}

	/** Only people who answered something count (a code handed out is not an answer). */
	get answered(): number {
		const catalog = this.catalog;
		return catalog ? answeredRespondents(catalog, this.answers).length : 0;
	}

	/** Perspectives with fewer than three people merged into published groups (ADR 7). */
	get grouping(): PerspectiveGrouping | null {
		return this.#grouping;
	}

	/** The comments per dimension, without who wrote them. */
	get comments(): Record<DimensionId, ResultComment[]> | null {
		return this.#comments;
	}

	get suggestions(): Suggestion[] {
		const result = this.result;
		const catalog = this.catalog;
		return result && catalog ? suggestHandlungsfelder(result, catalog) : [];
	}

	get processes(): ProcessEntry[] {
		return this.#shared.value.processes;
	}

	get barriers(): BarrierAnswer {
		return this.#shared.value.barriers;
	}

	/** How many processes run on paper and digitally at once. */
	get parallel(): ParallelShare {
		return parallelShareOf(this.processes);
	}

	/** The hours a year digitising the processes would save, at the default hours per full-time post. */
	get savings(): Savings {
		return savingsOf(this.processes, { hoursPerFte: DEFAULT_HOURS_PER_FTE });
	}

	/** The barriers by points (rank 1: 3, rank 2: 2, rank 3: 1) and how often they were ticked. */
	get pareto(): BarrierPareto {
		return barrierPareto([this.barriers]);
	}

	/** Comparing this round with another of the municipality. */
	get comparison(): CheckRoundComparison {
		return this.#comparison();
	}

	/** The report as PDF and DOCX (ADR 19); its renderers load when a file is asked for. */
	get report(): CheckReportFile {
		return (this.#report ??= new CheckReportFile(this, { ars: this.#ars, save: saveFile }));
	}
}

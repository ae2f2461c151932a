// The shared parts of a check round that the facilitator fills in ("Angaben"): the target level (Soll)
// per dimension, the process inventory with case numbers estimated from the profile's population
// (recomputed on request when the population changes, with undo), and the barriers, listed or the
// round's own, with their top 3. Every read and write of the round's shared document for these parts
// goes through here; the page only shows and asks.

import type * as Y from 'yjs';
import {
	addCustomBarrier,
	addCustomProcess,
	rankBarrier,
	readBarriers,
	readProcesses,
	readTargets,
	recomputeEstimates,
	removeCustomBarrier,
	removeProcess,
	seedPresetProcesses,
	tickBarrier,
	undoRecompute,
	writeProcess,
	writeTarget,
	type CaseEstimate,
	type EstimateRecompute
} from '../../crdt/check-shared-doc';
import { readProfile } from '../../crdt/profile-doc';
import {
	BARRIERS,
	customBarrierId,
	validateCustomBarrier,
	type Barrier,
	type BarrierRank,
	type CustomBarrierError,
	type RankChange
} from '../../domain/check/barriers';
import type { DimensionId } from '../../domain/check/catalog-types';
import type { ProcessEntry, ProcessPatch } from '../../domain/check/processes';
import { checkSharedDocName, profileDocName } from '../../domain/document-names';
import { newId } from '../../domain/ids';
import { validateTitle, type TitleError } from '../../domain/session-input';
import type { DocumentAccess, WriteError } from '../document-access';
import type { LiveDocument } from '../live-document.svelte';

export type { BarrierRank, CaseEstimate, EstimateRecompute, RankChange };

interface SetupParts {
	targets: Partial<Record<DimensionId, number>>;
	processes: ProcessEntry[];
	estimates: Record<string, CaseEstimate>;
	barriers: { ticked: string[]; top3: (string | null)[]; custom: Barrier[] };
}

const EMPTY_PARTS: SetupParts = {
	targets: {},
	processes: [],
	estimates: {},
	barriers: { ticked: [], top3: [null, null, null], custom: [] }
};

function readParts(doc: Y.Doc): SetupParts {
	const { processes, estimates } = readProcesses(doc);
	const barriers = readBarriers(doc);
	return {
		targets: readTargets(doc),
		processes,
		estimates,
		barriers: { ...barriers, custom: barriers.custom ?? [] }
	};
}

export class CheckRoundSetup {
	#access: DocumentAccess;
	#name: string;
	#parts: LiveDocument<SetupParts>;
	#population: LiveDocument<number | null>;
	#saveError = $state<WriteError | null>(null);

	constructor(access: DocumentAccess, ars: string, round: string) {
		this.#access = access;
		this.#name = checkSharedDocName(ars, round);
		this.#parts = access.live(this.#name, readParts, EMPTY_PARTS);
		this.#population = access.live(
			profileDocName(ars),
			(doc) => readProfile(doc).profile?.population ?? null,
			null
		);
	}

	/** While the round's shared document has not been read once. */
	get loading(): boolean {
		return this.#parts.loading;
	}

	/** Why the last change could not be stored on this device; null after one that was. */
	get saveError(): WriteError | null {
		return this.#saveError;
	}

	get targets(): Partial<Record<DimensionId, number>> {
		return this.#parts.value.targets;
	}

	/** By order; a preset's case number may still be an estimate (see estimates). */
	get processes(): ProcessEntry[] {
		return this.#parts.value.processes;
	}

	/** By process id: the cases per year that are still the preset's estimate. */
	get estimates(): Record<string, CaseEstimate> {
		return this.#parts.value.estimates;
	}

	get barriers(): SetupParts['barriers'] {
		return this.#parts.value.barriers;
	}

	/** The listed barriers, then the round's own. */
	get allBarriers(): Barrier[] {
		return [...BARRIERS, ...this.barriers.custom];
	}

	barrierLabel(id: string): string {
		return this.allBarriers.find((barrier) => barrier.id === id)?.label ?? id;
	}

	/** The municipality's population, which the preset case numbers are estimated from; null if unknown. */
	get population(): number | null {
		return this.#population.value;
	}

	/** While the profile has not been read: seeding waits for the population. */
	get populationLoading(): boolean {
		return this.#population.loading;
	}

	/** The population of each estimate still shown (null: the reference town's). */
	get estimateBases(): (number | null)[] {
		return Object.values(this.estimates).map((estimate) => estimate.population);
	}

	/**
	 * The population some estimates were made for while the profile now says another (null: the
	 * reference town's); undefined when every estimate fits the profile or the profile has none.
	 */
	get staleBasis(): number | null | undefined {
		const population = this.population;
		if (population === null) return undefined;
		return this.estimateBases.find((basis) => basis !== population);
	}

	setTarget(dimension: DimensionId, level: number | null): Promise<WriteError | null> {
		return this.#write((doc) => writeTarget(doc, dimension, level));
	}

	/** The preset processes, their case numbers estimated from the population known now. */
	seedPresetProcesses(): Promise<WriteError | null> {
		const population = this.population;
		return this.#write((doc) => void seedPresetProcesses(doc, { population }));
	}

	/** Recomputes the estimates for `population`; what changed (for undo), or null when not stored. */
	async recomputeEstimates(population: number): Promise<EstimateRecompute | null> {
		let done: EstimateRecompute | null = null;
		const error = await this.#write((doc) => (done = recomputeEstimates(doc, population)));
		return error ? null : done;
	}

	/** Puts back what a recompute replaced; how many figures came back, or null when not stored. */
	async undoRecompute(recompute: EstimateRecompute): Promise<number | null> {
		let restored = 0;
		const error = await this.#write((doc) => (restored = undoRecompute(doc, recompute)));
		return error ? null : restored;
	}

	changeProcess(id: string, patch: ProcessPatch): Promise<WriteError | null> {
		return this.#write((doc) => void writeProcess(doc, id, patch));
	}

	removeProcess(id: string): Promise<WriteError | null> {
		return this.#write((doc) => removeProcess(doc, id));
	}

	/** A process of the round's own; a name the form cannot take is refused before anything is written. */
	async addCustomProcess(rawName: string): Promise<TitleError | WriteError | null> {
		const name = validateTitle(rawName);
		if (!name.ok) return name.error;
		return this.#write((doc) =>
			addCustomProcess(doc, newId<'process'>().toLowerCase(), name.value)
		);
	}

	tickBarrier(id: string, ticked: boolean): Promise<WriteError | null> {
		return this.#write((doc) => tickBarrier(doc, id, ticked));
	}

	/** A barrier of the round's own, checked against the round's others before anything is written. */
	async addCustomBarrier(text: string): Promise<CustomBarrierError | WriteError | null> {
		const checked = validateCustomBarrier(text, this.barriers.custom);
		if (!checked.ok) return checked.error;
		const id = customBarrierId(newId<'barrier'>());
		return this.#write((doc) => addCustomBarrier(doc, id, checked.value));
	}

	removeCustomBarrier(id: string): Promise<WriteError | null> {
		return this.#write((doc) => removeCustomBarrier(doc, id));
	}

	/** Puts a barrier on a rank (null empties it); what happened to the other ranks, or null if not stored. */
	async rankBarrier(rank: BarrierRank, id: string | null): Promise<RankChange | null> {
		let change: RankChange | null = null;
		const error = await this.#write((doc) => (change = rankBarrier(doc, rank, id)));
		return error ? null : change;
	}

	async #write(change: (doc: Y.Doc) => void): Promise<WriteError | null> {
		const written = await this.#access.write(this.#name, change);
		this.#saveError = written.ok ? null : written.error;
		return this.#saveError;
	}
}

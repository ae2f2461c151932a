// The confirmation of a deletion (ADR 11): what would be lost, whether changes are unsent, and the two
// ways to delete. The page renders it in DeleteDialog and goes elsewhere once it succeeded.
import type { DeletionTarget } from '../../domain/deletion';
import type {
	DeletionError,
	DeletionPlace,
	DeletionPlan,
	DeletionResult,
	ScopeDeletion
} from './scope-deletion';

export type { DeletionError, DeletionPlace, DeletionPlan };

export type DeletionMode = 'device' | 'everywhere';

export class ScopeDeletionFlow {
	plan = $state.raw<DeletionPlan | null>(null);
	loading = $state(false);
	busy = $state(false);
	error = $state<DeletionError | 'code_load_failed' | null>(null);
	/** With `error`: the server that failed (null: this device), and where the scope is deleted already. */
	failedOn = $state<DeletionPlace | null>(null);
	deletedOn = $state.raw<DeletionPlace[]>([]);

	#load: () => Promise<ScopeDeletion>;
	readonly target: DeletionTarget;

	constructor(load: () => Promise<ScopeDeletion>, target: DeletionTarget) {
		this.#load = load;
		this.target = target;
	}

	/** Finds out what would be lost; called when the confirmation opens. */
	async prepare(): Promise<void> {
		this.loading = true;
		this.error = null;
		try {
			this.plan = await (await this.#load()).plan(this.target);
		} catch {
			this.error = 'storage_failed';
		} finally {
			this.loading = false;
		}
	}

	/** Deletes; resolves with the plan of what went, or null (then `error` says why). */
	async run(mode: DeletionMode, discardUnsent = false): Promise<DeletionPlan | null> {
		this.busy = true;
		this.error = null;
		this.failedOn = null;
		this.deletedOn = [];
		let result: DeletionResult;
		try {
			const deletion = await this.#load();
			result =
				mode === 'device'
					? await deletion.removeFromDevice(this.target, { discardUnsent })
					: await deletion.deleteForGood(this.target);
		} catch {
			result = { ok: false, error: 'storage_failed', place: null, deletedOn: [] };
		} finally {
			this.busy = false;
		}
		if (result.ok) return result.plan;
		this.error = result.error;
		this.failedOn = result.place;
		this.deletedOn = result.deletedOn;
		// Changes may have arrived unsent since the confirmation opened: show them.
		if (result.error === 'unsent_changes')
			await this.prepare().then(() => (this.error = 'unsent_changes'));
		return null;
	}
}

import { createSubscriber } from 'svelte/reactivity';
import type { KommuneRow, KommunalwerkstattDb } from '../storage/db';
import { watchKommunen } from '../storage/kommunen';

/** The municipalities on this device, for the start page; live while something renders it. */
export class KommunenList {
	#items = $state<KommuneRow[]>([]);
	#loaded = $state(false);
	#failed = $state(false);
	#subscribe: () => void;

	constructor(db: KommunalwerkstattDb) {
		this.#subscribe = createSubscriber(() =>
			watchKommunen(
				db,
				(rows) => {
					this.#items = rows;
					this.#loaded = true;
					this.#failed = false;
				},
				() => {
					this.#failed = true;
					this.#loaded = true;
				}
			)
		);
	}

	/** Sorted by name (German collation). */
	get items(): readonly KommuneRow[] {
		this.#subscribe();
		return this.#items;
	}

	/** False until the first read from IndexedDB has answered: show no empty state before. */
	get loaded(): boolean {
		this.#subscribe();
		return this.#loaded;
	}

	/** True until the first read from IndexedDB has answered. */
	get loading(): boolean {
		this.#subscribe();
		return !this.#loaded;
	}

	get isEmpty(): boolean {
		this.#subscribe();
		return this.#loaded && this.#items.length === 0;
	}

	/** Reading the local database failed (e.g. storage blocked). */
	get failed(): boolean {
		this.#subscribe();
		return this.#failed;
	}
}

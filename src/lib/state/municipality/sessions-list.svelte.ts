import { createSubscriber } from 'svelte/reactivity';
import type { KommunalwerkstattDb, SessionRow } from '../../storage/db';
import { watchSessions } from '../../storage/sessions';

/** The workshops and check rounds of one municipality on this device; live while rendered. */
export class SessionsList {
	#items = $state<SessionRow[]>([]);
	#loaded = $state(false);
	#failed = $state(false);
	#subscribe: () => void;

	constructor(db: KommunalwerkstattDb, ars: string) {
		this.#subscribe = createSubscriber(() =>
			watchSessions(
				db,
				ars,
				(rows) => {
					this.#items = rows;
					this.#loaded = true;
				},
				() => {
					this.#failed = true;
					this.#loaded = true;
				}
			)
		);
	}

	get workshops(): SessionRow[] {
		this.#subscribe();
		return this.#items.filter((row) => row.kind === 'workshop');
	}

	get checkRounds(): SessionRow[] {
		this.#subscribe();
		return this.#items.filter((row) => row.kind === 'checkRound');
	}

	get loaded(): boolean {
		this.#subscribe();
		return this.#loaded;
	}

	get failed(): boolean {
		this.#subscribe();
		return this.#failed;
	}
}

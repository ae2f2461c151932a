import { createSubscriber } from 'svelte/reactivity';
import type { DocumentRegistry } from '../sync/document-registry';
import type { DocumentStatus } from '../sync/document-status';

/**
 * The always-visible indicator: 'local' ("nur auf diesem Gerät") or 'connected' ("mit Server
 * verbunden"), never "gesichert" until durable acknowledgements exist.
 */
export class SyncStatus {
	#status = $state<DocumentStatus>('local');
	#openDocuments = $state(0);
	#subscribe: () => void;

	/**
	 * False on the plain-http LAN page: no service worker, so no offline start; the UI says so in one
	 * line (DESIGN.md §5).
	 */
	readonly isSecureContext: boolean = globalThis.isSecureContext ?? false;

	constructor(registry: DocumentRegistry) {
		this.#subscribe = createSubscriber(() => {
			const read = () => {
				this.#status = registry.status;
				this.#openDocuments = registry.openNames.length;
			};
			read();
			return registry.subscribe(read);
		});
	}

	/** 'connected' when at least one document is open and all open documents are synced. */
	get status(): DocumentStatus {
		this.#subscribe();
		return this.#status;
	}

	get openDocuments(): number {
		this.#subscribe();
		return this.#openDocuments;
	}
}

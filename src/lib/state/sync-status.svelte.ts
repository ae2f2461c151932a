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
	#registry: DocumentRegistry | null;
	/** While something renders the indicator: moves its subscription to a registry handed over later. */
	#reattach: (() => void) | null = null;
	#subscribe: () => void;

	/**
	 * False on the plain-http LAN page: no service worker, so no offline start; the UI says so in one
	 * line (DESIGN.md §5).
	 */
	readonly isSecureContext: boolean = globalThis.isSecureContext ?? false;

	/** Without a registry no document is open: 'local', until `follow` hands one over. */
	constructor(registry: DocumentRegistry | null = null) {
		this.#registry = registry;
		this.#subscribe = createSubscriber(() => {
			let unsubscribe = () => {};
			const attach = () => {
				unsubscribe();
				const registry = this.#registry;
				const read = () => {
					this.#status = registry?.status ?? 'local';
					this.#openDocuments = registry?.openNames.length ?? 0;
				};
				read();
				unsubscribe = registry ? registry.subscribe(read) : () => {};
			};
			attach();
			this.#reattach = attach;
			return () => {
				this.#reattach = null;
				unsubscribe();
			};
		});
	}

	/** Reports on `registry` from now on; the app context calls it once the document stack is loaded. */
	follow(registry: DocumentRegistry): void {
		this.#registry = registry;
		this.#reattach?.();
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

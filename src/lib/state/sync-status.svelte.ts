import { createSubscriber } from 'svelte/reactivity';
import type { DocumentRegistry } from '../sync/document-registry';
import type { DocumentStatus, TooLarge } from '../sync/document-status';
import { takeRefusedNotice } from '../sync/refused-notice';
import type { WriteRefusal } from '../contract/protocol';
import {
	hasUnsavedOwnChanges,
	summarizeDurability,
	type DurabilityEntry,
	type SaveSummary
} from '../sync/durability-summary';

/**
 * The always-visible indicator: the connection ('local' / 'connected') and, for the open documents,
 * whether a server durably stored them ("gesichert", ADR 10), per document and place on demand.
 */
/** How often a "wird gesichert" is looked at again (the grace period is 15 s). */
const SAVE_RECHECK_MS = 1_000;

export class SyncStatus {
	#status = $state<DocumentStatus>('local');
	#openDocuments = $state(0);
	#documents = $state.raw<readonly DurabilityEntry[]>([]);
	#summary = $state.raw<SaveSummary>({ state: 'none', storedAt: null, place: null });
	#unsavedOwnChanges = $state(false);
	#tooLarge = $state<TooLarge | null>(null);
	#graceTimer: ReturnType<typeof setTimeout> | undefined;
	#registry: DocumentRegistry | null;
	/** While something renders the indicator: moves its subscription to a registry handed over later. */
	#reattach: (() => void) | null = null;
	#subscribe: () => void;

	/**
	 * False on the plain-http LAN page: no service worker, so no offline start; the UI says so in one
	 * line.
	 */
	readonly isSecureContext: boolean = globalThis.isSecureContext ?? false;

	/**
	 * This page was loaded again because the server refused an update of a document by its write rules
	 * (ADR 15) or the writer's byte budget (ADR 18), or null; the page says so once.
	 */
	readonly writeRefused: WriteRefusal | null = takeRefusedNotice();

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
					this.#tooLarge = registry?.tooLarge[0]?.reason ?? null;
					this.#readDurability(registry?.durability ?? [], read);
				};
				read();
				unsubscribe = registry ? registry.subscribe(read) : () => {};
			};
			attach();
			this.#reattach = attach;
			return () => {
				this.#reattach = null;
				clearTimeout(this.#graceTimer);
				unsubscribe();
			};
		});
	}

	#readDurability(entries: readonly DurabilityEntry[], reread: () => void): void {
		const summary = summarizeDurability(entries, Date.now());
		clearTimeout(this.#graceTimer);
		// "Wird gesichert" turns into "nicht gesichert" when the grace period ends without a write, so it
		// is looked at again while it lasts.
		if (summary.state === 'saving') this.#graceTimer = setTimeout(reread, SAVE_RECHECK_MS);
		this.#documents = entries;
		this.#summary = summary;
		this.#unsavedOwnChanges = hasUnsavedOwnChanges(entries);
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

	/** Whether the open documents are durably stored on a server, in one word. */
	get summary(): SaveSummary {
		this.#subscribe();
		return this.#summary;
	}

	/** Per open document: this device, the laptop and the central server. */
	get documents(): readonly DurabilityEntry[] {
		this.#subscribe();
		return this.#documents;
	}

	/** A change made here is not yet durably stored on any server: warn before the page closes. */
	get unsavedOwnChanges(): boolean {
		this.#subscribe();
		return this.#unsavedOwnChanges;
	}

	/**
	 * Why a document this page shows cannot reach the server for its size (S20), or null: it stays on
	 * this device, and the page says so.
	 */
	get tooLarge(): TooLarge | null {
		this.#subscribe();
		return this.#tooLarge;
	}
}

// Where Yjs documents rest between loads. One small interface, two backends (SQLite on the laptop,
// PostgreSQL centrally), one contract test suite for both (document-store.contract.ts).
//
// A stored document is its full state as a Yjs V2 update plus the state vector of exactly that state:
// the pair is written together, so "stored up to state vector X" is a fact the server can report
// (durable acknowledgements, ADR 10). The server appends increments (ADR 18); `load` returns them merged.

export interface StoredDocument {
	/** Y.encodeStateAsUpdateV2 of the whole document. */
	state: Uint8Array;
	/** Y.encodeStateVector of the same state. */
	stateVector: Uint8Array;
	updatedAt: Date;
}

/**
 * Thrown by `store` for a document under a deleted scope (ADR 11): the deletion is final, so a write
 * that arrives after it (a client that still holds the document, a debounced write in flight) must not
 * bring the document back.
 */
export class DocumentDeletedError extends Error {
	constructor(readonly scope: string) {
		super(`the document lies under the deleted scope ${scope}`);
		this.name = 'DocumentDeletedError';
	}
}

export interface DocumentStore {
	readonly kind: 'sqlite' | 'postgres';
	/** The stored document, or null if none was ever stored under this name. Throws if storage fails. */
	load(name: string): Promise<StoredDocument | null>;
	/**
	 * Replaces the stored state and state vector in one transaction. Throws DocumentDeletedError for a
	 * document under a deleted scope (checked in the same transaction), and if storage fails.
	 */
	store(name: string, state: Uint8Array, stateVector: Uint8Array): Promise<void>;
	/**
	 * Adds an increment (a Yjs V2 update) to the stored document in one transaction: what `load` returns
	 * is then the stored state with every increment applied, in order. The store merges increments into
	 * the state in the background, off the event loop (ADR 18, H7); a crash at any point loads the same
	 * document. Throws DocumentDeletedError for a document under a deleted scope, and if storage fails.
	 */
	append(name: string, update: Uint8Array): Promise<void>;
	/**
	 * Deletes every document under `scope` (the name itself or names starting with it plus '/') and keeps
	 * the scope as a tombstone, in one transaction; resolves once that is durable, with the names it
	 * deleted, sorted. Deleting a scope again deletes what was stored since (nothing) and keeps the first
	 * time. Throws if storage fails; then nothing changed.
	 */
	deleteScope(scope: string): Promise<string[]>;
	/** The deleted scope a document lies under, or null. Throws if storage fails. */
	deletedScopeOf(name: string): Promise<string | null>;
	close(): Promise<void>;
}

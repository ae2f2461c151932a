// Where Yjs documents rest between loads. One small interface, two backends (SQLite on the laptop,
// PostgreSQL centrally), one contract test suite for both (document-store.contract.ts).
//
// A stored document is its full state as a Yjs V2 update plus the state vector of exactly that state:
// the pair is written together, so "stored up to state vector X" is a fact the server can report
// (durable acknowledgements, DESIGN.md §5).

export interface StoredDocument {
	/** Y.encodeStateAsUpdateV2 of the whole document. */
	state: Uint8Array;
	/** Y.encodeStateVector of the same state. */
	stateVector: Uint8Array;
	updatedAt: Date;
}

export interface DocumentStore {
	readonly kind: 'sqlite' | 'postgres';
	/** The stored document, or null if none was ever stored under this name. Throws if storage fails. */
	load(name: string): Promise<StoredDocument | null>;
	/** Replaces the stored state and state vector in one transaction. Throws if storage fails. */
	store(name: string, state: Uint8Array, stateVector: Uint8Array): Promise<void>;
	close(): Promise<void>;
}

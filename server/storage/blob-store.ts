// Where photos and other binaries rest on a server (ADR 20): content-addressed by the SHA-256 of their
// bytes, kept per workshop scope (`kommune/<ARS>/workshop/<wid>`), so a deletion of the workshop or the
// municipality (ADR 11) can take them along and a token of another municipality finds nothing. Two
// backends (SQLite on the laptop, PostgreSQL centrally), one contract suite (blob-store.contract.ts).

export interface StoredBlob {
	mediaType: string;
	bytes: Uint8Array;
}

export interface BlobStore {
	/**
	 * Keeps the blob under the scope; storing the same hash in the same scope again changes nothing.
	 * Resolves once it is durable, with whether it was new. Throws if storage fails.
	 */
	put(scope: string, sha256: string, mediaType: string, bytes: Uint8Array): Promise<boolean>;
	/** Whether the scope holds the blob. */
	has(scope: string, sha256: string): Promise<boolean>;
	/** The bytes of every blob under the municipality `ars`, all its scopes together (its quota). */
	bytesOf(ars: string): Promise<number>;
	/** The blob under any scope of the municipality `ars`, or null. */
	get(ars: string, sha256: string): Promise<StoredBlob | null>;
	/** Deletes the blobs of a scope (the name itself or names under it); resolves with how many. */
	deleteScope(scope: string): Promise<number>;
	close(): Promise<void>;
}

/** `kommune/<ARS>/…` for the scope of a municipality's workshop: what `get` looks under. */
export const municipalityPrefix = (ars: string) => `kommune/${ars}/`;

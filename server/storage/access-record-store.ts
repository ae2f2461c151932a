// Join codes and joined devices outlive a restart of the laptop's server: a QR code on the projector keeps
// working, and a removed device stays removed. They live in the same database as the documents, in their
// own table, behind their own small interface (the document store stays about documents).

// `budget`: the bytes a writer was charged on a board (ADR 18), so a restart grants no fresh budget.
export const ACCESS_RECORD_KINDS = ['invitation', 'device', 'budget'] as const;
export type AccessRecordKind = (typeof ACCESS_RECORD_KINDS)[number];

export interface AccessRecord {
	kind: AccessRecordKind;
	/** For invitations the SHA-256 of the code (the code itself is a bearer secret); for devices the id. */
	id: string;
	/** The document-name prefix the record belongs to (`kommune/<ARS>/workshop/<wid>`, …). */
	scope: string;
	/** The record's fields as JSON; the registry validates them on read. */
	data: string;
	/** Milliseconds since the epoch; after it the record is ignored and eventually deleted. */
	expiresAt: number;
}

export interface AccessRecordStore {
	put(record: AccessRecord): Promise<void>;
	/**
	 * Replaces the data of an existing record, never creating one: a write that races the record's
	 * deletion (a device removed while its "last seen" time is saved) must not bring it back. True if a
	 * record was there.
	 */
	update(kind: AccessRecordKind, id: string, data: string): Promise<boolean>;
	/** The record, or null if there is none or it has expired. */
	get(kind: AccessRecordKind, id: string, now: number): Promise<AccessRecord | null>;
	/** Unexpired records of one kind and scope, oldest first (by insertion). */
	list(kind: AccessRecordKind, scope: string, now: number): Promise<AccessRecord[]>;
	/** True if a record was deleted. */
	delete(kind: AccessRecordKind, id: string): Promise<boolean>;
	deleteExpired(now: number): Promise<void>;
	close(): Promise<void>;
}

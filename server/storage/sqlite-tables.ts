// The SQLite store's tables and the messages between its main thread and its writer thread
// (sqlite-store.ts, sqlite-writer.mjs; ADR 18).
import type Database from 'better-sqlite3';

/** When a document's increments are merged into its state (the writer checks after each append). */
export interface Compaction {
	/** This many increments… */
	maxUpdates: number;
	/** …or this many bytes of them, and at least `stateShare` of the state's bytes. */
	minBytes: number;
	stateShare: number;
}

/** `scopes`: the name's enclosing scopes, for the tombstone check (src/lib/domain/deletion.ts). */
export type WriteRequest = { id: number } & (
	| { op: 'store'; name: string; scopes: string[]; state: Uint8Array; stateVector: Uint8Array }
	| { op: 'append'; name: string; scopes: string[]; update: Uint8Array }
	| { op: 'compact'; name: string; scopes: string[] }
	| { op: 'merge'; name: string; scopes: string[] }
	| { op: 'deleteScope'; scope: string }
	| { op: 'close' }
);

export type WriteResponse =
	| { id: number; ok: true; result: unknown }
	| { id: number; ok: false; error: { message: string; scope?: string } };

export function openSqliteTables(db: Database.Database): void {
	// WAL: readers never block the writer; FULL: a committed store survives a power cut, which the
	// durable acknowledgements promise to the client.
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	// A document's state: Y.encodeStateAsUpdateV2 and the state vector of exactly that state.
	db.exec(`CREATE TABLE IF NOT EXISTS documents (
		name TEXT PRIMARY KEY,
		state BLOB NOT NULL,
		state_vector BLOB NOT NULL,
		updated_at INTEGER NOT NULL
	)`);
	// Increments (V2 updates) written after the state, in order; the document is the state plus all of
	// them, until the writer merges them into the state.
	db.exec(`CREATE TABLE IF NOT EXISTS document_updates (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		name TEXT NOT NULL,
		data BLOB NOT NULL,
		created_at INTEGER NOT NULL
	)`);
	db.exec('CREATE INDEX IF NOT EXISTS document_updates_name ON document_updates (name, seq)');
	// Tombstones of deleted scopes (ADR 11); a scope is a document-name prefix.
	db.exec(`CREATE TABLE IF NOT EXISTS deleted_scopes (
		scope TEXT PRIMARY KEY,
		deleted_at INTEGER NOT NULL
	)`);
}

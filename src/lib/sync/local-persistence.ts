// The device's own copy of a document (rule zero of RELIABILITY.md: an edit is safe only once it is in
// IndexedDB). y-indexeddb keeps one IndexedDB database per document and appends one row per update and
// one per open (y-indexeddb#31); it merges rows only at 500 while a document is open. We also merge
// on open once a document has `compactAtRows` rows, so a document opened every day stays small
// (RELIABILITY.md checklist 6). Merging is allowed; deleting is not.

import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import type * as Y from 'yjs';
import { TimeoutError, withTimeout } from '../util/with-timeout';
import { DocumentError } from './document-status';

export const DEFAULT_STORAGE_TIMEOUT_MS = 10_000;
export const COMPACT_ON_OPEN_ROWS = 40;

const UPDATES_STORE = 'updates';

export interface LocalPersistence {
	/** The origin y-indexeddb applies stored updates with. */
	readonly origin: unknown;
	/** Resolves once every update made so far is committed to IndexedDB. */
	whenStored(): Promise<void>;
	/** Number of update rows (tests and diagnostics). */
	rowCount(): Promise<number>;
	destroy(): Promise<void>;
}

export interface LocalPersistenceOptions {
	timeoutMs?: number;
	compactAtRows?: number;
}

/** The IndexedDB database holding a document's updates. */
export const localDatabaseName = (documentName: string): string => documentName;

function awaitTransaction(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error);
	});
}

/**
 * Loads the stored updates into `doc` and keeps storing new ones. Rejects with DocumentError
 * 'storage_timeout' when IndexedDB does not answer in time: a failed open (private mode, a blocked
 * upgrade) never settles `whenSynced` (RELIABILITY.md checklist 7).
 */
export async function attachLocalPersistence(
	name: string,
	doc: Y.Doc,
	options: LocalPersistenceOptions = {}
): Promise<LocalPersistence> {
	const timeoutMs = options.timeoutMs ?? DEFAULT_STORAGE_TIMEOUT_MS;
	const compactAt = options.compactAtRows ?? COMPACT_ON_OPEN_ROWS;
	const persistence = new IndexeddbPersistence(localDatabaseName(name), doc);

	const guard = async <T>(promise: Promise<T>): Promise<T> => {
		try {
			return await withTimeout(promise, timeoutMs, 'storage_timeout');
		} catch (error) {
			if (error instanceof TimeoutError) throw new DocumentError('storage_timeout', name);
			throw error;
		}
	};

	// Readwrite transactions on one store run in the order they were created, so a transaction
	// created now completes only after every update y-indexeddb has queued before it.
	const barrier = () => {
		const db = persistence.db;
		if (db === null) return Promise.resolve();
		return awaitTransaction(db.transaction([UPDATES_STORE], 'readwrite'));
	};

	try {
		await guard(persistence.whenSynced);
		// y-indexeddb counts its rows only after announcing 'synced'; wait until it has.
		await guard(barrier());
		if (persistence._dbsize >= compactAt) {
			await guard(storeState(persistence, true).then(barrier));
		}
	} catch (error) {
		// Not awaited: when the open never settled, neither would this.
		void persistence.destroy();
		throw error;
	}

	return {
		origin: persistence,
		whenStored: () => guard(barrier()),
		rowCount: async () => {
			const db = persistence.db;
			if (db === null) return 0;
			const request = db
				.transaction([UPDATES_STORE], 'readonly')
				.objectStore(UPDATES_STORE)
				.count();
			return guard(
				new Promise<number>((resolve, reject) => {
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				})
			);
		},
		destroy: () => persistence.destroy()
	};
}

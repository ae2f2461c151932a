// The device's own copy of a document (ARCHITECTURE.md, invariants: an edit is safe only once it is in
// IndexedDB). y-indexeddb keeps one IndexedDB database per document and appends one row per open
// (y-indexeddb#31); we use it to load. We store the updates ourselves, one row per update as
// y-indexeddb does, because y-indexeddb drops the outcome of its writes: a write that fails
// (QuotaExceededError, an aborted transaction) surfaces only as an unhandled rejection, and the edit
// would look stored. We merge rows on open once a document has `compactAtRows` rows, and while open at
// 500 rows as y-indexeddb does, so a document opened every day stays small (SPEC
// S3). Merging is allowed; deleting is not.
//
// The guarantee: a change is on this device once `whenStored()` has resolved, because its transaction
// has committed. A tab that is killed before that may lose the changes of its last moments (the browser
// aborts an unfinished transaction), never a change whose `whenStored()` resolved.

import { IndexeddbPersistence, PREFERRED_TRIM_SIZE } from 'y-indexeddb';
import * as Y from 'yjs';
import { TimeoutError, withTimeout } from '../util/with-timeout';
import { DocumentError } from './document-status';

export const DEFAULT_STORAGE_TIMEOUT_MS = 10_000;
export const COMPACT_ON_OPEN_ROWS = 40;
/** While a document is open, its rows are merged once this many have accumulated (y-indexeddb's). */
export const COMPACT_WHILE_OPEN_ROWS = PREFERRED_TRIM_SIZE;
const COMPACT_DEBOUNCE_MS = 1_000;

const UPDATES_STORE = 'updates';

export interface LocalPersistence {
	/**
	 * Resolves once every change made so far is committed to IndexedDB. Rejects with DocumentError
	 * 'storage_write_failed' when a change could not be written (and writing the whole document again
	 * failed too), 'storage_timeout' when IndexedDB does not answer.
	 */
	whenStored(): Promise<void>;
	destroy(): Promise<void>;
}

export interface LocalPersistenceOptions {
	timeoutMs?: number;
	compactAtRows?: number;
}

/** The IndexedDB database holding a document's updates. */
export const localDatabaseName = (documentName: string): string => documentName;

/**
 * Whether this device may hold a local copy of the document. True when `indexedDB.databases()` lists
 * its database, and when the browser cannot tell (no `databases()`, or it failed): then only opening
 * finds out. Never creates a database.
 */
export async function mayHaveLocalCopy(documentName: string): Promise<boolean> {
	if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
	try {
		const databases = await indexedDB.databases();
		return databases.some((d) => d.name === localDatabaseName(documentName));
	} catch {
		return true;
	}
}

/** Runs `work` in a readwrite transaction on the updates store; settles when the transaction does. */
function writeTransaction(
	db: IDBDatabase,
	work: (store: IDBObjectStore) => void = () => {}
): Promise<void> {
	return new Promise((resolve, reject) => {
		let tx: IDBTransaction;
		try {
			tx = db.transaction([UPDATES_STORE], 'readwrite');
			work(tx.objectStore(UPDATES_STORE));
		} catch (error) {
			// The connection is closing (e.g. another tab deletes the database) or the store is gone.
			reject(error);
			return;
		}
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
	});
}

/**
 * Loads the stored updates into `doc` and keeps storing new ones. `doc` must not change until this
 * resolves: changes are stored from then on (openDocument starts the tab relay and the server only
 * afterwards). Rejects with DocumentError 'storage_timeout' when IndexedDB does not answer in time (a
 * failed open, such as private mode or a blocked upgrade, never settles `whenSynced`: SPEC
 * S2) or fails to load. A failed merge of the stored rows does not fail the open.
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

	/** Rows in the store, as far as this tab knows (other tabs add rows too). */
	let rows = 0;
	/** Writes are numbered; a failed one is remembered until a full write of the document covers it. */
	let issued = 0;
	let lostUpTo = 0;
	let coveredUpTo = 0;
	/** Writes not settled yet; each resolves (a failure is recorded in `lostUpTo`). */
	const pending = new Set<Promise<void>>();
	let compactTimer: ReturnType<typeof setTimeout> | undefined;

	const database = (): IDBDatabase => {
		if (persistence.db === null) throw new Error('IndexedDB not open');
		return persistence.db;
	};

	/**
	 * Merges every row into one, in one transaction when the store holds at least `threshold` rows.
	 * The rows are read in the transaction that replaces them, and applied to the document first, so
	 * rows other tabs wrote are merged too and nothing is dropped. Resolves with the row count.
	 */
	const compact = (threshold: number): Promise<number> => {
		let count = 0;
		return writeTransaction(database(), (store) => {
			const counting = store.count();
			counting.onsuccess = () => {
				count = counting.result;
				if (count < threshold) return;
				const reading = store.getAll();
				reading.onsuccess = () => {
					const stored = reading.result as Uint8Array[];
					Y.transact(doc, () => stored.forEach((u) => Y.applyUpdate(doc, u)), persistence, false);
					store.clear();
					store.add(Y.encodeStateAsUpdate(doc));
					count = 1;
				};
			};
		}).then(() => (rows = count));
	};

	const scheduleCompaction = () => {
		clearTimeout(compactTimer);
		compactTimer = setTimeout(() => {
			compactTimer = undefined;
			// Merging is an optimisation: when it fails, the rows stay as they are.
			compact(COMPACT_WHILE_OPEN_ROWS).catch(() => undefined);
		}, COMPACT_DEBOUNCE_MS);
	};

	const storeUpdate = (update: Uint8Array, origin: unknown) => {
		// What y-indexeddb or a merge loads is stored already.
		if (persistence.db === null || origin === persistence) return;
		const write = ++issued;
		const settled = writeTransaction(persistence.db, (store) => store.add(update)).then(
			() => undefined,
			() => {
				lostUpTo = Math.max(lostUpTo, write);
			}
		);
		pending.add(settled);
		void settled.then(() => pending.delete(settled));
		if (++rows >= COMPACT_WHILE_OPEN_ROWS) scheduleCompaction();
	};

	// We store updates ourselves (see the top of this file), in y-indexeddb's place, from the end of
	// the load on (below). Its destroy() unregisters whatever `_storeUpdate` holds, so it unregisters
	// ours.
	doc.off('update', persistence._storeUpdate);
	persistence._storeUpdate = storeUpdate;

	/** Waits for every write issued so far; if one failed, writes the whole document, which covers it. */
	const flush = async (): Promise<void> => {
		await Promise.all(pending);
		if (lostUpTo <= coveredUpTo) return;
		const write = ++issued;
		try {
			await writeTransaction(database(), (store) => store.add(Y.encodeStateAsUpdate(doc)));
		} catch {
			throw new DocumentError('storage_write_failed', name);
		}
		rows += 1;
		coveredUpTo = Math.max(coveredUpTo, write);
	};

	try {
		await guard(persistence.whenSynced);
		// A readwrite transaction: it also waits until y-indexeddb's loading transaction has finished.
		// Merging is an optimisation: when it fails (a full disk aborts it), the rows stay as they are
		// and the document opens with what it loaded. Only a storage that does not answer fails the open.
		await guard(compact(compactAt).catch(() => rows));
		// Only now: while a document has an 'update' listener, Yjs encodes every transaction as an
		// update, and the load's is the whole document (for a full workshop board 40 % on top of
		// applying it), which storeUpdate would only drop.
		doc.on('update', storeUpdate);
	} catch (error) {
		// Not awaited: when the open never settled, neither would this.
		void persistence.destroy();
		// Whatever failed, the caller learns a storage failure, never a raw DOMException.
		throw error instanceof DocumentError ? error : new DocumentError('storage_timeout', name);
	}

	return {
		whenStored: () => guard(flush()),
		destroy: () => {
			clearTimeout(compactTimer);
			return persistence.destroy();
		}
	};
}

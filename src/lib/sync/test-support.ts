// Helpers for the document-layer tests (not imported by app code).

import { vi } from 'vitest';
import { localDatabaseName } from './local-persistence';

let counter = 0;

/** A document name no other test uses, so tests share no IndexedDB state. */
export const uniqueDocName = (label: string): string =>
	`kommune/032410001001/test-${label}-${Date.now()}-${counter++}`;

/** Number of y-indexeddb update rows stored for a document. */
export function countStoredRows(documentName: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open(localDatabaseName(documentName));
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const db = open.result;
			const request = db.transaction(['updates'], 'readonly').objectStore('updates').count();
			request.onsuccess = () => {
				db.close();
				resolve(request.result);
			};
			request.onerror = () => reject(request.error);
		};
	});
}

/**
 * Makes every write to the IndexedDB database `databaseName` fail as a full disk does: the add is
 * accepted, then its transaction aborts (QuotaExceededError aborts the transaction). Returns the undo.
 */
export function failWritesTo(databaseName: string): () => void {
	const realAdd = IDBObjectStore.prototype.add;
	const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
		this: IDBObjectStore,
		value: unknown,
		key?: IDBValidKey
	) {
		const request = realAdd.call(this, value, key);
		if (this.transaction.db.name === databaseName) this.transaction.abort();
		return request;
	});
	return () => spy.mockRestore();
}

/**
 * Prepares to kill a tab the way a browser does: returns `kill`, which aborts every transaction on
 * `databaseName` created since this call that has not committed yet, and closes their connections.
 * Nothing of the tab's own cleanup runs.
 */
export function prepareKill(databaseName: string): () => void {
	const realTransaction = IDBDatabase.prototype.transaction;
	const created: IDBTransaction[] = [];
	const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
		this: IDBDatabase,
		...args: Parameters<IDBDatabase['transaction']>
	) {
		const tx = realTransaction.apply(this, args);
		if (this.name === databaseName) created.push(tx);
		return tx;
	});
	return () => {
		spy.mockRestore();
		for (const tx of created) {
			try {
				tx.abort();
			} catch {
				// Finished already: committed, or failed on its own.
			}
		}
		for (const db of new Set(created.map((tx) => tx.db))) db.close();
	};
}

/** The durability part of a DocumentHandle for hand-made handles in tests: nothing stored anywhere. */
export const NO_DURABILITY = {
	durability: {
		localStoredAt: null,
		ownChangesPending: false,
		uncoveredSince: null,
		acknowledgedAt: null,
		places: []
	},
	onDurability: () => () => {},
	connect: () => () => {}
} as const;

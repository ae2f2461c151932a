// The device's copies of the documents of a scope (ADR 11): which exist, whether a server's durable
// acknowledgement covers each, and removing them. Read straight from IndexedDB, never through a
// document session, so planning a removal opens no connection and creates no database.
import * as Y from 'yjs';
import { snapshotCovers } from '../crdt/durable-snapshot';
import { isUnderScope } from '../domain/deletion';
import type { KommunalwerkstattDb } from '../storage/db';
import { findDurableStates } from '../storage/durable-states';
import { knownDocumentsUnder } from '../storage/forget-scope';
import { localDatabaseName } from './local-persistence';

const UPDATES_STORE = 'updates';

/** The documents under `scope` this device may hold: its IndexedDB databases and Dexie's bookkeeping. */
export async function localDocumentsUnder(
	db: KommunalwerkstattDb,
	scope: string
): Promise<string[]> {
	const known = await knownDocumentsUnder(db, scope);
	let databases: string[] = [];
	if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
		databases = (await indexedDB.databases().catch(() => []))
			.map((d) => d.name ?? '')
			.filter((name) => isUnderScope(name, scope));
	}
	return [...new Set([...known, ...databases])].sort();
}

/** The document as this device stored it, or null when it has no copy (none is created). */
export function readLocalCopy(name: string): Promise<Y.Doc | null> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(localDatabaseName(name));
		let missing = false;
		request.onupgradeneeded = () => {
			// No such database: abort, so asking leaves none behind.
			missing = true;
			request.transaction?.abort();
		};
		request.onerror = () => (missing ? resolve(null) : reject(request.error));
		request.onsuccess = () => {
			const database = request.result;
			if (!database.objectStoreNames.contains(UPDATES_STORE)) {
				database.close();
				return resolve(null);
			}
			const reading = database.transaction(UPDATES_STORE).objectStore(UPDATES_STORE).getAll();
			reading.onsuccess = () => {
				const doc = new Y.Doc();
				Y.transact(doc, () => {
					for (const update of reading.result as Uint8Array[]) Y.applyUpdate(doc, update);
				});
				database.close();
				resolve(doc);
			};
			reading.onerror = () => {
				database.close();
				reject(reading.error);
			};
		};
	});
}

/**
 * The documents among `names` whose local copy holds something no server's acknowledgement (remembered
 * in Dexie, ADR 10) covers. An empty or missing copy has nothing to lose.
 */
export async function uncoveredDocuments(
	db: KommunalwerkstattDb,
	names: readonly string[]
): Promise<string[]> {
	const uncovered: string[] = [];
	for (const name of names) {
		const doc = await readLocalCopy(name);
		if (doc === null) continue;
		try {
			if (doc.store.clients.size === 0) continue;
			const rows = await findDurableStates(db, name);
			if (!rows.some((row) => safeCovers(row.snapshot, doc))) uncovered.push(name);
		} finally {
			doc.destroy();
		}
	}
	return uncovered;
}

function safeCovers(snapshot: Uint8Array, doc: Y.Doc): boolean {
	try {
		return snapshotCovers(snapshot, doc);
	} catch {
		return false;
	}
}

/**
 * Deletes the local database of a document. Resolves when it is gone, or when another tab still holds
 * it open (the browser deletes it once that tab lets go, and opens nothing new meanwhile).
 */
export function deleteLocalCopy(name: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.deleteDatabase(localDatabaseName(name));
		request.onsuccess = () => resolve();
		request.onblocked = () => resolve();
		request.onerror = () => reject(request.error);
	});
}

// Helpers for the document-layer tests (not imported by app code).

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

// Bookkeeping per Yjs document. Best effort: a failed write here must never break editing, so callers
// may ignore the returned promise's rejection.

import type { DocumentRow, KommunalwerkstattDb } from './db';

type Stamp = 'lastOpenedAt' | 'lastLocalChangeAt' | 'lastConnectedAt';

function stamp(db: KommunalwerkstattDb, name: string, field: Stamp, at: number): Promise<void> {
	return db.transaction('rw', db.documents, async () => {
		const row: DocumentRow = (await db.documents.get(name)) ?? {
			name,
			lastOpenedAt: null,
			lastLocalChangeAt: null,
			lastConnectedAt: null
		};
		await db.documents.put({ ...row, [field]: at });
	});
}

export const recordDocumentOpened = (db: KommunalwerkstattDb, name: string, at: number) =>
	stamp(db, name, 'lastOpenedAt', at);

export const recordLocalChange = (db: KommunalwerkstattDb, name: string, at: number) =>
	stamp(db, name, 'lastLocalChangeAt', at);

export const recordConnected = (db: KommunalwerkstattDb, name: string, at: number) =>
	stamp(db, name, 'lastConnectedAt', at);

export const findDocumentRecord = (db: KommunalwerkstattDb, name: string) => db.documents.get(name);

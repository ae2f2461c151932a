// The durable acknowledgements a device has received, per document and place. Best effort like the
// other bookkeeping: a failed write costs only the "gesichert" display after a reload, never an edit.

import type { DurableStateRow, KommunalwerkstattDb, SyncPlace } from './db';

export const recordDurableState = (db: KommunalwerkstattDb, row: DurableStateRow) =>
	db.durableStates.put(row);

export const findDurableStates = (db: KommunalwerkstattDb, name: string) =>
	db.durableStates.where('name').equals(name).toArray();

export const findDurableState = (db: KommunalwerkstattDb, name: string, place: SyncPlace) =>
	db.durableStates.get([name, place]);

// The durable acknowledgements a device has received, per document and place. Best effort like the
// other bookkeeping: a failed write costs only the "gesichert" display after a reload, never an edit.

import type { DurableStateRow, KommunalwerkstattDb, SyncPlace } from './db';

export const recordDurableState = (db: KommunalwerkstattDb, row: DurableStateRow) =>
	db.durableStates.put(row);

export const findDurableStates = (db: KommunalwerkstattDb, name: string) =>
	db.durableStates.where('name').equals(name).toArray();

export const findDurableState = (db: KommunalwerkstattDb, name: string, place: SyncPlace) =>
	db.durableStates.get([name, place]);

/**
 * Forgets what a central server acknowledged: another central server (or none) has none of it, so
 * nothing may count as stored there, and the next upload must send everything.
 */
export const forgetCentralAcknowledgements = (db: KommunalwerkstattDb) =>
	db.durableStates.filter((row) => row.place === 'central').delete();

/** The document changed after the place's last covering acknowledgement (best effort, like the rest). */
export const forgetCoverage = (db: KommunalwerkstattDb, name: string, place: SyncPlace) =>
	db.durableStates.update([name, place], { coveredAt: null });

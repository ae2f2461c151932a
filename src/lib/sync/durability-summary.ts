// The one word the always-visible indicator shows for all open documents together, from what each
// place has durably stored (durability.ts). "Gesichert" only when every open document is covered by a
// server's durable write. A connected document that is not covered is "wird gesichert" while the server
// is evidently writing it: it became uncovered less than a grace period ago (the server writes within
// its debounce, 2 s and at most 10 s), or an acknowledgement arrived within one (someone keeps typing, so
// every write is overtaken by the next edit). Otherwise it is honestly "nicht gesichert", for example
// while the server's database fails and no acknowledgement comes.

import type { SyncPlace } from '../storage/db';
import type { DocumentDurability } from './durability';

/** A connected document may take this long to be written before it counts as "nicht gesichert". */
export const SAVE_GRACE_MS = 15_000;

export type SaveState =
	/** No document open: the indicator shows the connection only. */
	| 'none'
	/** Every open document is covered by a durable write on a server. */
	| 'saved'
	/** Something is not covered yet, and the server is evidently writing every such document. */
	| 'saving'
	/** Something is not covered: not connected, or not written within the grace period. */
	| 'unsaved'
	/** No open document has a server to sync with: everything is on this device only. */
	| 'local';

export interface SaveSummary {
	state: SaveState;
	/** 'saved': the oldest of the documents' latest durable writes, and where it is. */
	storedAt: number | null;
	place: SyncPlace | null;
}

export interface DurabilityEntry {
	name: string;
	durability: DocumentDurability;
}

/** Whether a connected server is evidently writing an uncovered document (see the header). */
function beingSaved({ durability }: DurabilityEntry, now: number): boolean {
	if (!durability.places.some((place) => place.connected)) return false;
	const recently = (at: number | null) => at !== null && now - at < SAVE_GRACE_MS;
	return recently(durability.uncoveredSince) || recently(durability.acknowledgedAt);
}

export function summarizeDurability(entries: readonly DurabilityEntry[], now: number): SaveSummary {
	if (entries.length === 0) return { state: 'none', storedAt: null, place: null };
	const withServer = entries.filter((entry) => entry.durability.places.length > 0);
	if (withServer.length === 0) return { state: 'local', storedAt: null, place: null };

	const uncovered = entries.filter(
		(entry) => !entry.durability.places.some((place) => place.covered)
	);
	if (uncovered.length === 0) {
		let oldest: { storedAt: number; place: SyncPlace } | null = null;
		for (const { durability } of entries) {
			const latest = durability.places
				.filter((place) => place.covered && place.storedAt !== null)
				.sort((a, b) => (b.storedAt ?? 0) - (a.storedAt ?? 0))[0];
			if (latest && (oldest === null || latest.storedAt! < oldest.storedAt)) {
				oldest = { storedAt: latest.storedAt!, place: latest.place };
			}
		}
		return { state: 'saved', storedAt: oldest?.storedAt ?? null, place: oldest?.place ?? null };
	}
	const saving = uncovered.every((entry) => beingSaved(entry, now));
	return { state: saving ? 'saving' : 'unsaved', storedAt: null, place: null };
}

/**
 * True while a change made on this device is not covered by any durable write on a server: closing the
 * page then deserves a warning (ADR 10). A device without any server says so in
 * its indicator instead.
 */
export const hasUnsavedOwnChanges = (entries: readonly DurabilityEntry[]): boolean =>
	entries.some(({ durability }) => durability.ownChangesPending && durability.places.length > 0);

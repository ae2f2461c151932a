// Where a document's state is durably stored, per place (ARCHITECTURE.md, invariants; ADR 10):
// on this device once IndexedDB committed it; on the laptop or central server only once that server
// acknowledged a write whose snapshot covers everything this device has. A connection, an in-memory
// sync or an old acknowledgement never counts: every change this device learns of (its own, another
// tab's, another device's) makes a place "not covered" until a newer acknowledgement covers it.

import * as Y from 'yjs';
import { snapshotCovers, snapshotCoversUpdate, type PersistedAck } from '../crdt/durable-snapshot';
import type { KommunalwerkstattDb, SyncPlace } from '../storage/db';
import { findDocumentRecord } from '../storage/documents';
import { findDurableStates, forgetCoverage, recordDurableState } from '../storage/durable-states';

export interface PlaceDurability {
	place: SyncPlace;
	/** Connected to that server and synced with it right now. */
	connected: boolean;
	/** When that server last wrote this document (its clock); null: no write acknowledged yet. */
	storedAt: number | null;
	/** The state that server wrote contains everything this device has of the document. */
	covered: boolean;
}

export interface DocumentDurability {
	/** When a change was last committed to this device's IndexedDB in this session; null: none yet. */
	localStoredAt: number | null;
	/**
	 * A change made on this device is not yet covered by any place's durable write: made in this tab, or
	 * before a reload and not acknowledged since.
	 */
	ownChangesPending: boolean;
	/** Since when (this device's clock) no place covers the document; null while one does. */
	uncoveredSince: number | null;
	/** When (this device's clock) a server last acknowledged a write of it in this session. */
	acknowledgedAt: number | null;
	/** The places this document syncs with, or was acknowledged by earlier. */
	places: readonly PlaceDurability[];
}

export interface DurabilityTracker {
	readonly state: DocumentDurability;
	/** The document syncs with `place` (listed even before its first acknowledgement). */
	setConnected(place: SyncPlace, connected: boolean): void;
	/** A server acknowledged a durable write. */
	acknowledge(place: SyncPlace, ack: PersistedAck): void;
	subscribe(listener: () => void): () => void;
	stop(): void;
}

export interface DurabilityOptions {
	/** Where acknowledgements are remembered across reloads (best effort). */
	db?: KommunalwerkstattDb;
	/** Resolves once every change so far is in IndexedDB (absent: the document is not kept locally). */
	whenStored?: () => Promise<void>;
	now?: () => number;
}

interface Place {
	connected: boolean;
	snapshot: Y.Snapshot | null;
	storedAt: number | null;
	covered: boolean;
	/** A live acknowledgement arrived, so the remembered one loaded at open no longer applies. */
	live: boolean;
}

const PLACE_ORDER: readonly SyncPlace[] = ['laptop', 'central'];

export function trackDurability(
	name: string,
	doc: Y.Doc,
	options: DurabilityOptions = {}
): DurabilityTracker {
	const { db, whenStored } = options;
	const now = options.now ?? Date.now;
	const places = new Map<SyncPlace, Place>();
	const listeners = new Set<() => void>();
	let localStoredAt: number | null = null;
	let stopped = false;
	let ownChangesPending = false;
	let uncoveredSince: number | null = null;
	let acknowledgedAt: number | null = null;
	let state: DocumentDurability = {
		localStoredAt,
		ownChangesPending,
		uncoveredSince,
		acknowledgedAt,
		places: []
	};
	const anyCovered = () => [...places.values()].some((entry) => entry.covered);

	const publish = () => {
		if (anyCovered()) {
			ownChangesPending = false;
			uncoveredSince = null;
		} else {
			uncoveredSince ??= now();
		}
		state = {
			localStoredAt,
			ownChangesPending,
			uncoveredSince,
			acknowledgedAt,
			places: PLACE_ORDER.flatMap((place) => {
				const entry = places.get(place);
				if (!entry) return [];
				const { connected, storedAt, covered } = entry;
				return [{ place, connected, storedAt, covered }];
			})
		};
		for (const listener of listeners) listener();
	};

	const placeOf = (place: SyncPlace): Place => {
		let entry = places.get(place);
		if (!entry) {
			// An empty document has nothing to lose: any place covers it, and a server acknowledges no
			// write for a document nobody changed.
			const covered = doc.store.clients.size === 0;
			entry = { connected: false, snapshot: null, storedAt: null, covered, live: false };
			places.set(place, entry);
		}
		return entry;
	};

	let localWrite = 0;
	const onUpdate = (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tx: Y.Transaction) => {
		let changed = false;
		for (const [place, entry] of places) {
			if (
				entry.covered &&
				(entry.snapshot === null || !snapshotCoversUpdate(entry.snapshot, update))
			) {
				entry.covered = false;
				changed = true;
				// A document changed since its last covering write needs uploading again, even one this
				// device never changed itself (central-sync.ts reads this).
				if (db) forgetCoverage(db, name, place).catch(() => undefined);
			}
		}
		if (whenStored) {
			const write = ++localWrite;
			whenStored().then(
				() => {
					if (stopped || write !== localWrite) return;
					localStoredAt = now();
					publish();
				},
				() => undefined
			);
		}
		if (tx.local && ![...places.values()].some((entry) => entry.covered)) {
			changed ||= !ownChangesPending;
			ownChangesPending = true;
		}
		if (changed) publish();
	};
	doc.on('update', onUpdate);

	// What this device was told before: "gesichert" survives a reload as long as nothing changed since.
	if (db) {
		Promise.all([findDurableStates(db, name), findDocumentRecord(db, name)]).then(
			([rows, record]) => {
				if (stopped) return;
				for (const row of rows) {
					const entry = placeOf(row.place);
					if (entry.live) continue;
					try {
						entry.snapshot = Y.decodeSnapshotV2(row.snapshot);
					} catch {
						continue;
					}
					entry.storedAt = row.storedAt > 0 ? row.storedAt : null;
					entry.covered = snapshotCovers(entry.snapshot, doc);
				}
				// Changed here (before a reload) after the last time a server covered it: still own work
				// that no server has, which closing the page should ask about.
				const changedAt = record?.lastLocalChangeAt ?? null;
				const coveredAt = Math.max(0, ...rows.map((row) => row.coveredAt ?? 0));
				if (changedAt !== null && changedAt > coveredAt && !anyCovered()) ownChangesPending = true;
				publish();
			},
			() => undefined
		);
	}

	return {
		get state() {
			return state;
		},
		setConnected(place, connected) {
			const entry = placeOf(place);
			if (entry.connected === connected && state.places.some((p) => p.place === place)) return;
			entry.connected = connected;
			publish();
		},
		acknowledge(place, ack) {
			if (stopped) return;
			const entry = placeOf(place);
			entry.live = true;
			entry.snapshot = Y.decodeSnapshotV2(ack.snapshot);
			// A server that has stored nothing of the document says so with time 0.
			entry.storedAt = ack.storedAt > 0 ? ack.storedAt : null;
			acknowledgedAt = now();
			entry.covered = snapshotCovers(entry.snapshot, doc);
			if (db) {
				const coveredAt = entry.covered ? now() : null;
				recordDurableState(db, { name, place, ...ack, coveredAt }).catch(() => undefined);
			}
			publish();
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		stop() {
			stopped = true;
			doc.off('update', onUpdate);
			listeners.clear();
		}
	};
}

// The durable acknowledgement (ADR 10): after the server has written a
// document to its database, it tells the clients the snapshot (state vector and delete set) of exactly
// the state it wrote. A device's copy is "gesichert" there when that snapshot covers it: every item the
// device has and every deletion it knows of. The state vector alone would not do, because a deletion
// does not advance it: a removed card would count as stored before the removal was written.
//
// Shared by the server (which sends it) and the client (which checks coverage); parsing never throws,
// because the payload arrives over the network.
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/** The `type` of the stateless message a server sends after a durable write. */
export const PERSISTED_MESSAGE_TYPE = 'kw.persisted';

/** A snapshot larger than this is not accepted from the network (base64 characters). */
const MAX_SNAPSHOT_CHARS = 4 * 1024 * 1024;

export interface PersistedAck {
	/** Y.encodeSnapshotV2 of the state the server wrote. */
	snapshot: Uint8Array;
	/** When the server finished the write (its clock, ms since the epoch). */
	storedAt: number;
}

/** The snapshot of the document's current state, for a write that encodes the same state. */
export const encodeDocumentSnapshot = (doc: Y.Doc): Uint8Array =>
	Y.encodeSnapshotV2(Y.snapshot(doc));

export function encodePersistedMessage(ack: PersistedAck): string {
	return JSON.stringify({
		type: PERSISTED_MESSAGE_TYPE,
		snapshot: toBase64(ack.snapshot),
		storedAt: ack.storedAt
	});
}

/** The acknowledgement in a stateless payload, or null if the payload is anything else or malformed. */
export function parsePersistedMessage(payload: string): PersistedAck | null {
	if (payload.length > MAX_SNAPSHOT_CHARS + 200) return null;
	let value: unknown;
	try {
		value = JSON.parse(payload);
	} catch {
		return null;
	}
	if (typeof value !== 'object' || value === null) return null;
	const { type, snapshot, storedAt } = value as Record<string, unknown>;
	if (type !== PERSISTED_MESSAGE_TYPE || typeof snapshot !== 'string') return null;
	if (typeof storedAt !== 'number' || !Number.isFinite(storedAt) || storedAt < 0) return null;
	try {
		const bytes = fromBase64(snapshot);
		// Decoding checks that the bytes are a snapshot before anyone relies on them.
		Y.decodeSnapshotV2(bytes);
		return { snapshot: bytes, storedAt };
	} catch {
		return null;
	}
}

interface Range {
	clock: number;
	len: number;
}

/** Sorted, with touching or overlapping ranges joined, so one range answers each question. */
function joined(ranges: readonly Range[]): Range[] {
	const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
	const out: Range[] = [];
	for (const { clock, len } of sorted) {
		const last = out.at(-1);
		if (last && clock <= last.clock + last.len) {
			last.len = Math.max(last.len, clock + len - last.clock);
		} else {
			out.push({ clock, len });
		}
	}
	return out;
}

function rangesCover(stored: readonly Range[], local: readonly Range[]): boolean {
	const have = joined(stored);
	let i = 0;
	for (const { clock, len } of joined(local)) {
		let range = have[i];
		while (range !== undefined && range.clock + range.len <= clock) range = have[++i];
		if (range === undefined || range.clock > clock || range.clock + range.len < clock + len) {
			return false;
		}
	}
	return true;
}

/**
 * True when the stored snapshot (Y.encodeSnapshotV2) covers the document's whole current state: the
 * stored state contains every item of `doc` and every deletion `doc` knows of. False for bytes that are
 * not a snapshot.
 */
export function snapshotCovers(stored: Uint8Array | Y.Snapshot, doc: Y.Doc): boolean {
	const have = stored instanceof Uint8Array ? decodeSnapshot(stored) : stored;
	return have !== null && contains(have, Y.snapshot(doc));
}

/**
 * True when the state snapshot `outer` describes contains the state `inner` describes: its state
 * vector is at least as far along for every client and its delete set includes every deletion of
 * `inner` (both Y.encodeSnapshotV2). So a database holding `outer` holds everything a client was told
 * was stored with `inner`. False when either is not a snapshot.
 */
export function snapshotContains(outer: Uint8Array, inner: Uint8Array): boolean {
	const have = decodeSnapshot(outer);
	const mine = decodeSnapshot(inner);
	return have !== null && mine !== null && contains(have, mine);
}

function decodeSnapshot(bytes: Uint8Array): Y.Snapshot | null {
	try {
		return Y.decodeSnapshotV2(bytes);
	} catch {
		return null;
	}
}

function contains(have: Y.Snapshot, mine: Y.Snapshot): boolean {
	for (const [client, clock] of mine.sv) {
		if ((have.sv.get(client) ?? 0) < clock) return false;
	}
	for (const [client, deleted] of mine.ds.clients) {
		if (!rangesCover(have.ds.clients.get(client) ?? [], deleted)) return false;
	}
	return true;
}

/**
 * True when the stored snapshot (decoded) contains everything the update adds: the incremental form of
 * `snapshotCovers` for a document that was covered before the update was applied.
 */
export function snapshotCoversUpdate(stored: Y.Snapshot, update: Uint8Array): boolean {
	const { structs, ds } = Y.decodeUpdate(update);
	for (const struct of structs) {
		if ((stored.sv.get(struct.id.client) ?? 0) < struct.id.clock + struct.length) return false;
	}
	for (const [client, deleted] of ds.clients) {
		if (!rangesCover(stored.ds.clients.get(client) ?? [], deleted)) return false;
	}
	return true;
}

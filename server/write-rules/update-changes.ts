// What a Yjs update would change in a document, read before it is applied (ADR 15): each new entry
// with its root map and key, and each entry the server holds that the update would delete. A map
// entry's parent is written into the update only when it has no neighbour; an entry that overwrites a
// key names the previous value of that key as its origin, so its root and key are those of the origin,
// found in the update itself or in the server's document. Whatever cannot be placed that way (an
// origin the server does not have, a nested type, a range deleted that nobody knows) is reported as
// unplaceable, and the rules refuse it (server/SPEC.md W2, W3).

import * as Y from 'yjs';
import { decodeUpdateOnce, type DecodedUpdate } from './decoded-update';

/** Content kinds of Yjs (`content.getRef()`): a plain value, and a value already deleted. */
const CONTENT_DELETED = 1;
const CONTENT_ANY = 8;

export interface EntryWrite {
	root: string;
	key: string;
	/** The value written; `deleted` when the update carries it already deleted (no value any more). */
	value: { deleted: true } | { deleted: false; value: unknown };
}

export interface EntryDelete {
	root: string;
	key: string;
}

export type UpdateChanges =
	| { placeable: true; writes: EntryWrite[]; deletes: EntryDelete[] }
	| { placeable: false; why: string };

type Place = { root: string; key: string } | null;

const idKey = (client: number, clock: number) => `${client}:${clock}`;

/** Root and key of an item the server holds; null for a nested type's child or a list entry. */
function placeOfStored(item: Y.Item): Place {
	const parent = item.parent as Y.AbstractType<unknown> | null;
	if (parent === null || parent._item !== null || item.parentSub === null) return null;
	return { root: Y.findRootTypeKey(parent), key: item.parentSub };
}

/** The item (not GC) the server holds at `id`, or null. */
function storedItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
	if (Y.getState(doc.store, id.client) <= id.clock) return null;
	const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC;
	return struct instanceof Y.Item ? struct : null;
}

/**
 * The changes of a V1 update (what the provider sends) against `doc`, the server's current state.
 * Parts of the update the server holds already change nothing and are left out.
 */
export function updateChanges(doc: Y.Doc, update: Uint8Array): UpdateChanges {
	let decoded: DecodedUpdate;
	try {
		decoded = decodeUpdateOnce(update);
	} catch {
		return { placeable: false, why: 'undecodable' };
	}
	const { structs, ds } = decoded;
	// Items of the update by every clock they cover, so an origin inside the update is found.
	const inUpdate = new Map<string, Y.Item>();
	const fresh: Y.Item[] = [];
	for (const struct of structs) {
		if (struct instanceof Y.Skip) continue;
		const { client, clock } = struct.id;
		const known = Y.getState(doc.store, client);
		if (clock + struct.length <= known) continue;
		if (!(struct instanceof Y.Item)) return { placeable: false, why: 'gc range' };
		if (struct.length !== 1) return { placeable: false, why: 'not a map value' };
		inUpdate.set(idKey(client, clock), struct);
		fresh.push(struct);
	}

	const places = new Map<Y.Item, Place>();
	const placeOf = (item: Y.Item, depth = 0): Place => {
		if (places.has(item)) return places.get(item)!;
		let place: Place = null;
		if (item.parent !== null) {
			place =
				typeof item.parent === 'string' && item.parentSub !== null
					? { root: item.parent, key: item.parentSub }
					: null;
		} else if (depth < 10_000) {
			// A map entry has a left origin (the previous value of its key) and no right one.
			const origin = item.origin ?? item.rightOrigin;
			const local = origin && inUpdate.get(idKey(origin.client, origin.clock));
			if (local) place = placeOf(local, depth + 1);
			else if (origin) {
				const stored = storedItem(doc, origin);
				place = stored ? placeOfStored(stored) : null;
			}
		}
		places.set(item, place);
		return place;
	};

	const writes: EntryWrite[] = [];
	for (const item of fresh) {
		const place = placeOf(item);
		if (place === null) return { placeable: false, why: 'entry without a root map key' };
		const ref = item.content.getRef();
		if (ref === CONTENT_DELETED) writes.push({ ...place, value: { deleted: true } });
		else if (ref === CONTENT_ANY) {
			const [value] = item.content.getContent();
			writes.push({ ...place, value: { deleted: false, value } });
		} else return { placeable: false, why: 'not a plain value' };
	}

	const deletes: EntryDelete[] = [];
	for (const [client, ranges] of ds.clients) {
		const known = Y.getState(doc.store, client);
		const stored = doc.store.clients.get(client) ?? [];
		for (const { clock, end } of disjointRanges(ranges)) {
			// Beyond what the server holds, only this update's own entries may be deleted (each is one
			// clock long, so a range longer than the update has entries cannot be covered).
			const unknownFrom = Math.max(clock, known);
			if (end - unknownFrom > fresh.length) return { placeable: false, why: 'unknown deletion' };
			for (let c = unknownFrom; c < end; c++) {
				if (!inUpdate.has(idKey(client, c))) return { placeable: false, why: 'unknown deletion' };
			}
			if (clock >= known) continue;
			for (let i = Y.findIndexSS(stored, clock); i < stored.length; i++) {
				const struct = stored[i]!;
				if (struct.id.clock >= end) break;
				if (!(struct instanceof Y.Item) || struct.deleted) continue;
				const place = placeOfStored(struct);
				if (place === null) return { placeable: false, why: 'deletion outside a root map' };
				deletes.push(place);
			}
		}
	}
	return { placeable: true, writes, deletes };
}

/**
 * A client's deletion ranges sorted and joined where they overlap or touch. Yjs writes them so, but a
 * crafted update may repeat a range many times; resolving each copy would cost the ranges times the
 * entries they cover.
 */
function disjointRanges(ranges: readonly { clock: number; len: number }[]) {
	const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
	const joined: { clock: number; end: number }[] = [];
	for (const { clock, len } of sorted) {
		const last = joined.at(-1);
		if (last !== undefined && clock <= last.end) last.end = Math.max(last.end, clock + len);
		else joined.push({ clock, end: clock + len });
	}
	return joined;
}

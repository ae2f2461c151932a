// Cards and clusters of the Kartenabfrage. Open cards and revealed ones are on the board (written by
// participants and moderation); in a private phase a participant's cards are in their own private
// document, which nobody else receives, until the facilitator's app copies them to the board (reveal).
// A card keeps its id when revealed, so revealing twice (or from two devices) writes the same keys.
// Merging a duplicate only sets its `mergedInto`: both texts stay and undo clears it (domain/cards.ts).
// Removing a card or a group only sets its `removed` flag, with who and when (ADR 21): its record stays,
// so undo or the facilitator's restore clears the flag, and a later reveal, which copies only ids the
// board has no record of, does not bring it back.

import type * as Y from 'yjs';
import {
	validateCardText,
	validateClusterName,
	type Card,
	type Cluster
} from '../domain/workshop/cards';
import { isRecordId, readFieldRecords, writeFields } from './field-records';
import { isOrderKey } from '../domain/workshop/ordering';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';
import { parseRecord } from './schemas/document-schema';
import { CARD_RECORD, CLUSTER_RECORD } from './schemas/workshop';
import { removalFields } from './workshop-removed';

/** Where cards live: the board, or a participant's private document. */
export type CardRoot = (typeof ROOT_KEYS)['cards' | 'privateCards'];

function writable(doc: Y.Doc, key: CardRoot | (typeof ROOT_KEYS)['clusters']): Y.Map<unknown> {
	const map = rootMap(doc, key);
	if (map === null) throw new Error(`${key} root has the wrong type`);
	return map;
}

const isOptionalId = (value: unknown): value is string | null =>
	value === null || value === undefined || isRecordId(value);

function readCard(id: string, fields: Map<string, unknown>): Card | null {
	const record = parseRecord(CARD_RECORD, Object.fromEntries(fields));
	if (record === null || !validateCardText(record.text).ok) return null;
	const { blockId, authorId, text, order, clusterId, mergedInto, createdAt } = record;
	return {
		id,
		blockId,
		authorId,
		text,
		order,
		clusterId: clusterId ?? null,
		mergedInto: mergedInto === id ? null : (mergedInto ?? null),
		createdAt
	};
}

export interface CardsRead {
	cards: Card[];
	/** Ids of removed cards: their records stay on the board (see above). */
	removedIds: string[];
	/** Records that are not a valid card (a buggy or malicious peer): left out. */
	malformed: number;
}

export function readCards(doc: Y.Doc, root: CardRoot = ROOT_KEYS.cards): CardsRead {
	const cards: Card[] = [];
	const removedIds: string[] = [];
	let malformed = 0;
	for (const [id, fields] of readFieldRecords(rootMap(doc, root))) {
		// Checked before the shape: a removed card stays removed even if a peer broke its other fields.
		if (fields.get('removed') === true) {
			removedIds.push(id);
			continue;
		}
		const card = readCard(id, fields);
		if (card) cards.push(card);
		else malformed += 1;
	}
	return { cards, removedIds, malformed };
}

function cardFields(card: Card): Record<string, unknown> {
	const { id: _id, ...fields } = card;
	return fields;
}

function checkCard(card: Card): void {
	if (!isRecordId(card.id) || !isRecordId(card.blockId) || !isRecordId(card.authorId))
		throw new RangeError('invalid card ids');
	if (!validateCardText(card.text).ok) throw new RangeError('invalid card text');
	if (!isOrderKey(card.order)) throw new RangeError('invalid card order');
}

export function addCard(
	doc: Y.Doc,
	card: Card,
	root: CardRoot = ROOT_KEYS.cards,
	now = Date.now()
) {
	checkCard(card);
	const map = writable(doc, root);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, card.id, cardFields(card));
	});
}

export function editCardText(
	doc: Y.Doc,
	id: string,
	text: string,
	root: CardRoot = ROOT_KEYS.cards,
	now = Date.now()
): void {
	if (!validateCardText(text).ok) throw new RangeError('invalid card text');
	const map = writable(doc, root);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, { text });
	});
}

/**
 * Removes cards (a card with the duplicates merged into it) in one step, or restores them; `by` is
 * the remover's author id, written with the time (ADR 21).
 */
export function setCardsRemoved(
	doc: Y.Doc,
	ids: readonly string[],
	removed: boolean,
	root: CardRoot = ROOT_KEYS.cards,
	now = Date.now(),
	by: string | null = null
): void {
	if (!ids.every(isRecordId)) throw new RangeError('invalid card id');
	const map = writable(doc, root);
	const fields = removalFields(removed, by, now);
	doc.transact(() => {
		ensureMeta(doc, now);
		for (const id of ids) writeFields(map, id, fields);
	});
}

/**
 * Puts a card into a cluster (null: none) at an order position; `rekey` moves neighbours whose keys
 * were equal (domain/workshop/ordering.ts).
 */
export function moveCard(
	doc: Y.Doc,
	id: string,
	target: { clusterId: string | null; order: string },
	rekey: ReadonlyArray<{ id: string; order: string }> = [],
	now = Date.now()
): void {
	if (!isOptionalId(target.clusterId) || !isOrderKey(target.order))
		throw new RangeError('invalid move');
	const map = writable(doc, ROOT_KEYS.cards);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, { clusterId: target.clusterId, order: target.order });
		for (const entry of rekey)
			if (isOrderKey(entry.order)) writeFields(map, entry.id, { order: entry.order });
	});
}

/** Merges a duplicate into the surviving card; null undoes the merge. */
export function setMergedInto(doc: Y.Doc, id: string, survivorId: string | null, now = Date.now()) {
	if (survivorId === id || !isOptionalId(survivorId)) throw new RangeError('invalid merge');
	const map = writable(doc, ROOT_KEYS.cards);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, { mergedInto: survivorId });
	});
}

/**
 * Copies private cards to the board, keeping their ids. A card the board has a record of (on it, or
 * removed from it) is left as it is, so a second reveal changes nothing. Returns how many were copied.
 */
export function copyCardsToBoard(board: Y.Doc, cards: readonly Card[], now = Date.now()): number {
	const map = writable(board, ROOT_KEYS.cards);
	const known = new Set(readFieldRecords(map).keys());
	let copied = 0;
	board.transact(() => {
		ensureMeta(board, now);
		for (const card of cards) {
			checkCard(card);
			if (known.has(card.id)) continue;
			known.add(card.id);
			// Clustering and merges are board matters: a revealed card arrives unclustered.
			writeFields(map, card.id, cardFields({ ...card, clusterId: null, mergedInto: null }));
			copied += 1;
		}
	});
	return copied;
}

/**
 * Copies the private cards of one block in `privateDoc` to the board (see copyCardsToBoard). Only
 * cards by the document's owner are copied: the facilitator's reveal is not judged by the board's
 * write rules (server/SPEC.md W1), so a card written there under someone else's id must stop here.
 */
export function revealCards(
	board: Y.Doc,
	privateDoc: Y.Doc,
	owner: { participantId: string; blockId: string },
	now = Date.now()
): number {
	const own = readCards(privateDoc, ROOT_KEYS.privateCards).cards;
	return copyCardsToBoard(
		board,
		own.filter((c) => c.blockId === owner.blockId && c.authorId === owner.participantId),
		now
	);
}

// --- clusters --------------------------------------------------------------------------------------

function readCluster(id: string, fields: Map<string, unknown>): Cluster | null {
	const record = parseRecord(CLUSTER_RECORD, Object.fromEntries(fields));
	if (record === null || !validateClusterName(record.name).ok) return null;
	const { blockId, name, order } = record;
	return { id, blockId, name, order };
}

export function readClusters(doc: Y.Doc): Cluster[] {
	const clusters: Cluster[] = [];
	for (const [id, fields] of readFieldRecords(rootMap(doc, ROOT_KEYS.clusters))) {
		if (fields.get('removed') === true) continue;
		const cluster = readCluster(id, fields);
		if (cluster) clusters.push(cluster);
	}
	return clusters;
}

export function addCluster(doc: Y.Doc, cluster: Cluster, now = Date.now()): void {
	if (!isRecordId(cluster.id) || !isRecordId(cluster.blockId) || !isOrderKey(cluster.order))
		throw new RangeError('invalid cluster');
	if (!validateClusterName(cluster.name).ok) throw new RangeError('invalid cluster name');
	const map = writable(doc, ROOT_KEYS.clusters);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, cluster.id, {
			blockId: cluster.blockId,
			name: cluster.name,
			order: cluster.order
		});
	});
}

export function renameCluster(doc: Y.Doc, id: string, name: string, now = Date.now()): void {
	if (!validateClusterName(name).ok) throw new RangeError('invalid cluster name');
	const map = writable(doc, ROOT_KEYS.clusters);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, { name });
	});
}

/**
 * Removes a cluster; its cards stay on the board, unclustered (in the same step, so undo restores
 * both). The group keeps its record with who removed it and when, so the facilitator can restore it
 * (ADR 21); it comes back empty, as its cards may have been grouped anew meanwhile.
 */
export function removeCluster(
	doc: Y.Doc,
	id: string,
	now = Date.now(),
	by: string | null = null
): void {
	if (!isRecordId(id)) throw new RangeError('invalid cluster id');
	const clusters = writable(doc, ROOT_KEYS.clusters);
	const cards = writable(doc, ROOT_KEYS.cards);
	doc.transact(() => {
		ensureMeta(doc, now);
		for (const card of readCards(doc).cards) {
			if (card.clusterId === id) writeFields(cards, card.id, { clusterId: null });
		}
		writeFields(clusters, id, removalFields(true, by, now));
	});
}

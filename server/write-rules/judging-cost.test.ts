// What judging a participant's update costs (ADR 18): a chunked-sync piece carries hundreds of cards,
// and the judge runs on the event loop, so its work must grow with the update, not with its square.
// Counted in reads of the update's entries and in entries reported, never in time.
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../../src/lib/crdt/workshop-cards';
import { ROOT_KEYS } from '../../src/lib/crdt/schema';
import { orderAtEnd } from '../../src/lib/domain/workshop/ordering';
import { judgeBoardUpdate } from './board-rules';
import { updateChanges, type EntryWrite } from './update-changes';

const ANNA = 'p-anna-0001';

/** A participant's device that added `count` cards of their own to an empty board. */
function deviceWithCards(count: number): Y.Doc {
	const device = new Y.Doc();
	let order: string | null = null;
	for (let i = 0; i < count; i++) {
		order = orderAtEnd(order === null ? [] : [{ id: `card-${i - 1}`, order }]).order;
		addCard(device, {
			id: `card-${i}`,
			blockId: 'block-1',
			authorId: ANNA,
			text: `Karte ${i}`,
			order,
			clusterId: null,
			mergedInto: null,
			createdAt: 1_000
		});
	}
	return device;
}

const cardsUpdate = (count: number) => Y.encodeStateAsUpdate(deviceWithCards(count));

describe('judging a participant update', () => {
	it('reads each entry of a piece of 200 new cards a few times, not once per other entry', () => {
		const board = new Y.Doc();
		const changes = updateChanges(board, cardsUpdate(200));
		if (!changes.placeable) throw new Error('the cards should be placeable');
		let reads = 0;
		const counted = new Proxy(changes.writes, {
			get(target, property, receiver) {
				if (typeof property === 'string' && /^\d+$/.test(property)) reads++;
				return Reflect.get(target, property, receiver) as unknown;
			}
		}) as EntryWrite[];

		const verdict = judgeBoardUpdate(board, ANNA, { ...changes, writes: counted });

		expect(verdict).toEqual({ ok: true });
		// 200 cards of 7 fields each (blockId, authorId, text, order, clusterId, mergedInto, createdAt)
		// plus the two meta entries: 1,402 writes. Looking up each card's author among all writes
		// read about 1,400 × 1,400 of them.
		expect(changes.writes).toHaveLength(1_402);
		expect(reads).toBeLessThan(10 * 1_402);
	});

	it('reports an entry once however often a crafted delete set repeats its range', () => {
		const board = new Y.Doc();
		const device = deviceWithCards(1);
		Y.applyUpdate(board, Y.encodeStateAsUpdate(device));
		const client = device.clientID;
		// The card's 7 fields and the 2 meta entries are clocks 0–8 of one client.
		expect(Y.getState(board.store, client)).toBe(9);
		const update = encoding.createEncoder();
		encoding.writeVarUint(update, 0); // no structs
		encoding.writeVarUint(update, 1); // one client in the delete set
		encoding.writeVarUint(update, client);
		encoding.writeVarUint(update, 1_000);
		for (let i = 0; i < 1_000; i++) {
			encoding.writeVarUint(update, 2); // clock 2, the card's text and everything after it
			encoding.writeVarUint(update, 7);
		}

		const changes = updateChanges(board, encoding.toUint8Array(update));

		if (!changes.placeable) throw new Error('a deletion of stored entries should be placeable');
		expect(changes.deletes).toHaveLength(7);
		expect(new Set(changes.deletes.map((d) => `${d.root}:${d.key}`)).size).toBe(7);
		expect(changes.deletes.every((d) => d.root === ROOT_KEYS.cards)).toBe(true);
	});
});

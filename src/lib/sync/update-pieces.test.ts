// The splitter behind chunked sending (S19), on documents written by several devices: maps, lists and
// long texts (one item per typed run, so a split falls inside an item), with deletions.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { splitUpdate } from './update-pieces';

/** One edit of a device: a map entry set or removed, a text typed or cut, a list grown or shortened. */
const editArb = fc.oneof(
	fc.record({
		kind: fc.constant('set' as const),
		key: fc.nat(20),
		value: fc.string({ maxLength: 40 })
	}),
	fc.record({ kind: fc.constant('remove' as const), key: fc.nat(20) }),
	fc.record({
		kind: fc.constant('type' as const),
		at: fc.nat(),
		text: fc.string({ minLength: 1, maxLength: 300, unit: 'binary' })
	}),
	fc.record({
		kind: fc.constant('cut' as const),
		at: fc.nat(),
		length: fc.integer({ min: 1, max: 50 })
	}),
	fc.record({
		kind: fc.constant('push' as const),
		values: fc.array(fc.integer(), { minLength: 1, maxLength: 30 })
	}),
	fc.record({ kind: fc.constant('drop' as const), at: fc.nat() })
);
type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function edit(doc: Y.Doc, e: Edit): void {
	const text = doc.getText('text');
	const list = doc.getArray<number>('list');
	const map = doc.getMap<string>('map');
	if (e.kind === 'set') map.set(`k${e.key}`, e.value);
	if (e.kind === 'remove') map.delete(`k${e.key}`);
	if (e.kind === 'type') text.insert(e.at % (text.length + 1), e.text);
	if (e.kind === 'cut' && text.length > 0) {
		const at = e.at % text.length;
		text.delete(at, Math.min(e.length, text.length - at));
	}
	if (e.kind === 'push') list.push(e.values);
	if (e.kind === 'drop' && list.length > 0) list.delete(e.at % list.length, 1);
}

/** Devices edit, syncing with each other now and then; the server holds what was synced up to `known`. */
const historyArb = fc.record({
	rounds: fc.array(fc.array(fc.tuple(fc.nat(2), editArb), { maxLength: 12 }), {
		minLength: 1,
		maxLength: 6
	}),
	known: fc.nat(6),
	maxBytes: fc.integer({ min: 120, max: 3_000 })
});

function play(rounds: [number, Edit][][], known: number) {
	const devices = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
	const server = new Y.Doc();
	rounds.forEach((round, i) => {
		for (const [device, e] of round) edit(devices[device]!, e);
		// Everyone syncs after each round, so later edits refer to other devices' entries.
		const merged = Y.mergeUpdates(devices.map((d) => Y.encodeStateAsUpdate(d)));
		for (const d of devices) Y.applyUpdate(d, merged);
		if (i < known) Y.applyUpdate(server, merged);
	});
	return { device: devices[0]!, server };
}

const contentOf = (doc: Y.Doc) => ({
	text: doc.getText('text').toString(),
	list: doc.getArray('list').toJSON(),
	map: doc.getMap('map').toJSON()
});

describe('splitting what the server lacks into pieces', () => {
	it('keeps every piece within the limit and gives the same document whatever order the pieces arrive in', () => {
		fc.assert(
			fc.property(historyArb, fc.infiniteStream(fc.nat()), ({ rounds, known, maxBytes }, order) => {
				const { device, server } = play(rounds, known);
				const missing = Y.encodeStateAsUpdate(device, Y.encodeStateVector(server));
				const pieces = splitUpdate(missing, maxBytes);
				for (const piece of pieces) expect(piece.byteLength).toBeLessThanOrEqual(maxBytes);

				// In order: each piece integrates on arrival, nothing waits (the write rules need that).
				const inOrder = new Y.Doc();
				Y.applyUpdate(inOrder, Y.encodeStateAsUpdate(server));
				for (const piece of pieces) {
					Y.applyUpdate(inOrder, piece);
					expect(inOrder.store.pendingStructs).toBeNull();
				}
				expect(Y.equalSnapshots(Y.snapshot(inOrder), Y.snapshot(device))).toBe(true);
				expect(contentOf(inOrder)).toEqual(contentOf(device));

				// Shuffled: Yjs holds what arrives early and integrates it once its dependencies arrive.
				const shuffled = pieces.map((piece, i) => ({ piece, key: order.next().value + i / 1e6 }));
				shuffled.sort((a, b) => a.key - b.key);
				const anyOrder = new Y.Doc();
				Y.applyUpdate(anyOrder, Y.encodeStateAsUpdate(server));
				for (const { piece } of shuffled) Y.applyUpdate(anyOrder, piece);
				expect(anyOrder.store.pendingStructs).toBeNull();
				expect(anyOrder.store.pendingDs).toBeNull();
				expect(Y.equalSnapshots(Y.snapshot(anyOrder), Y.snapshot(device))).toBe(true);
				expect(contentOf(anyOrder)).toEqual(contentOf(device));
			}),
			{ numRuns: 60 }
		);
	});

	it('splits one long typed text into pieces below the limit', () => {
		const doc = new Y.Doc();
		// 'ä' takes two bytes, '😀' two UTF-16 units and four bytes: no split may fall inside it.
		doc.getText('text').insert(0, 'Bürgerbeteiligung 😀 '.repeat(2_000));
		const update = Y.encodeStateAsUpdate(doc);
		expect(Y.decodeUpdate(update).structs).toHaveLength(1);

		const pieces = splitUpdate(update, 4_096);
		// 2,000 × 24 bytes (ü and 😀 take 2 and 4) = 48,000 bytes in pieces of at most 4 KiB: at least 12.
		expect(pieces.length).toBeGreaterThanOrEqual(12);
		for (const piece of pieces) expect(piece.byteLength).toBeLessThanOrEqual(4_096);
		const copy = new Y.Doc();
		for (const piece of pieces.reverse()) Y.applyUpdate(copy, piece);
		expect(copy.getText('text').toString()).toBe(doc.getText('text').toString());
	});
});

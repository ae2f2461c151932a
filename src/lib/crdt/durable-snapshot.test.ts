import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	encodeDocumentSnapshot,
	encodePersistedMessage,
	parsePersistedMessage,
	snapshotContains,
	snapshotCovers,
	snapshotCoversUpdate
} from './durable-snapshot';

function docWith(clientID: number, texts: string[]): Y.Doc {
	const doc = new Y.Doc();
	doc.clientID = clientID;
	const list = doc.getArray<string>('cards');
	for (const text of texts) list.push([text]);
	return doc;
}

/** What a server holds after receiving `doc`'s whole state. */
function serverCopyOf(...docs: Y.Doc[]): Y.Doc {
	const server = new Y.Doc();
	for (const doc of docs) Y.applyUpdateV2(server, Y.encodeStateAsUpdateV2(doc));
	return server;
}

describe('whether a stored snapshot covers a device’s state', () => {
	it('covers the state that was written, and not a card added after the write', () => {
		const device = docWith(1, ['Akte digital', 'E-Rechnung']);
		const stored = encodeDocumentSnapshot(serverCopyOf(device));
		expect(snapshotCovers(stored, device)).toBe(true);

		device.getArray<string>('cards').push(['Ratsinfo']);
		expect(snapshotCovers(stored, device)).toBe(false);
	});

	it('does not count a removal as stored before it was written, although the state vector is unchanged', () => {
		const device = docWith(1, ['Akte digital', 'E-Rechnung']);
		const stored = encodeDocumentSnapshot(serverCopyOf(device));
		const before = Y.encodeStateVector(device);

		device.getArray<string>('cards').delete(0, 1);

		expect(Y.encodeStateVector(device)).toEqual(before);
		expect(snapshotCovers(stored, device)).toBe(false);
		expect(snapshotCovers(encodeDocumentSnapshot(serverCopyOf(device)), device)).toBe(true);
	});

	it('covers a device whose state the server holds together with other devices’ newer changes', () => {
		const mine = docWith(1, ['Akte digital']);
		const theirs = docWith(2, ['Onlinedienste']);
		const server = serverCopyOf(mine, theirs);
		server.getArray<string>('cards').delete(1, 1);

		expect(snapshotCovers(encodeDocumentSnapshot(server), mine)).toBe(true);
	});

	it('does not cover a device that has another device’s change the server has not written', () => {
		const mine = docWith(1, ['Akte digital']);
		const stored = encodeDocumentSnapshot(serverCopyOf(mine));
		const theirs = docWith(2, ['Onlinedienste']);
		Y.applyUpdateV2(mine, Y.encodeStateAsUpdateV2(theirs));

		expect(snapshotCovers(stored, mine)).toBe(false);
	});

	it('checks deletions of several ranges against the ranges the server wrote', () => {
		const device = docWith(1, ['a', 'b', 'c', 'd', 'e', 'f']);
		const cards = device.getArray<string>('cards');
		cards.delete(4, 1); // e
		cards.delete(1, 1); // b
		const stored = encodeDocumentSnapshot(serverCopyOf(device));
		expect(snapshotCovers(stored, device)).toBe(true);

		cards.delete(1, 1); // c: a third range the server does not have
		expect(cards.toArray()).toEqual(['a', 'd', 'f']);
		expect(snapshotCovers(stored, device)).toBe(false);
	});

	it('covers an empty device, and refuses bytes that are not a snapshot', () => {
		const stored = encodeDocumentSnapshot(serverCopyOf(docWith(1, ['a'])));
		expect(snapshotCovers(stored, new Y.Doc())).toBe(true);
		expect(snapshotCovers(new Uint8Array([255, 255, 255]), docWith(1, ['a']))).toBe(false);
	});
});

describe('whether one stored snapshot contains another', () => {
	it('contains every earlier state of the same document, and no later one', () => {
		const device = docWith(1, ['Akte digital']);
		const earlier = encodeDocumentSnapshot(device);
		device.getArray<string>('cards').push(['E-Rechnung']);
		const later = encodeDocumentSnapshot(device);

		expect(snapshotContains(later, earlier)).toBe(true);
		expect(snapshotContains(later, later)).toBe(true);
		expect(snapshotContains(earlier, later)).toBe(false);
	});

	it('does not contain a state with a removal it lacks, although the state vectors are equal', () => {
		const device = docWith(1, ['Akte digital', 'E-Rechnung', 'Ratsinfo']);
		const before = encodeDocumentSnapshot(device);
		device.getArray<string>('cards').delete(1, 1);
		const after = encodeDocumentSnapshot(device);

		expect(Y.decodeSnapshotV2(after).sv).toEqual(Y.decodeSnapshotV2(before).sv);
		expect(snapshotContains(before, after)).toBe(false);
		expect(snapshotContains(after, before)).toBe(true);
	});

	it('contains another device’s state once the server merged it, with everyone’s later changes', () => {
		const mine = docWith(1, ['Akte digital']);
		const theirs = docWith(2, ['Onlinedienste']);
		const acknowledged = encodeDocumentSnapshot(serverCopyOf(mine));
		const server = serverCopyOf(mine, theirs);
		server.getArray<string>('cards').delete(0, 1);

		expect(snapshotContains(encodeDocumentSnapshot(server), acknowledged)).toBe(true);
		expect(snapshotContains(acknowledged, encodeDocumentSnapshot(server))).toBe(false);
	});

	it('does not contain a state from a client it has never seen', () => {
		const stored = encodeDocumentSnapshot(serverCopyOf(docWith(1, ['Akte digital'])));
		const foreign = encodeDocumentSnapshot(docWith(2, ['Onlinedienste']));
		expect(snapshotContains(stored, foreign)).toBe(false);
	});

	it('is false for bytes that are not a snapshot, on either side', () => {
		const stored = encodeDocumentSnapshot(docWith(1, ['a']));
		const garbage = new Uint8Array([255, 255, 255]);
		expect(snapshotContains(garbage, stored)).toBe(false);
		expect(snapshotContains(stored, garbage)).toBe(false);
	});
});

describe('the persisted message', () => {
	it('carries the snapshot and the time of the write unchanged', () => {
		const snapshot = encodeDocumentSnapshot(docWith(7, ['Akte digital']));
		const parsed = parsePersistedMessage(
			encodePersistedMessage({ snapshot, storedAt: 1_764_000_000_000 })
		);
		expect(parsed).toEqual({ snapshot, storedAt: 1_764_000_000_000 });
	});

	it.each([
		['not JSON', '{'],
		['another message', JSON.stringify({ type: 'presence', snapshot: 'AA==', storedAt: 1 })],
		['no snapshot', JSON.stringify({ type: 'kw.persisted', storedAt: 1 })],
		['a negative time', JSON.stringify({ type: 'kw.persisted', snapshot: 'AAA=', storedAt: -1 })],
		[
			'bytes that are no snapshot',
			JSON.stringify({ type: 'kw.persisted', snapshot: '////', storedAt: 1 })
		],
		['null', 'null']
	])('is ignored when it is %s', (_what, payload) => {
		expect(parsePersistedMessage(payload)).toBeNull();
	});
});

describe('whether a stored snapshot covers one more update', () => {
	it('is true for an update the server wrote, false for a later insert or removal', () => {
		const device = docWith(1, ['a', 'b']);
		const updates: Uint8Array[] = [];
		device.on('update', (update: Uint8Array) => updates.push(update));
		device.getArray<string>('cards').push(['c']);
		const stored = Y.decodeSnapshotV2(encodeDocumentSnapshot(serverCopyOf(device)));
		expect(snapshotCoversUpdate(stored, updates[0]!)).toBe(true);

		device.getArray<string>('cards').push(['d']);
		expect(snapshotCoversUpdate(stored, updates[1]!)).toBe(false);
		device.getArray<string>('cards').delete(0, 1);
		expect(snapshotCoversUpdate(stored, updates[2]!)).toBe(false);
	});
});

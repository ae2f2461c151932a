// The facilitator's list of removed records (ADR 21) over two devices' copies of the board: what a
// participant removed shows with her roster name and the time, and restoring it is the facilitator's
// own undoable step.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCards } from '../../crdt/workshop-cards';
import { checkInParticipant, readRoster } from '../../crdt/workshop-doc';
import { readRemoved } from '../../crdt/workshop-removed';
import { CardBoard, EMPTY_BOARD, readBoard, readPrivateCards } from '../card-board.svelte';
import {
	controlOn,
	exchange,
	handleOn,
	liveOn,
	loaded,
	render,
	unrender,
	writeTo
} from '../test-documents.svelte';
import { WorkshopUndo } from '../workshop-undo.svelte';
import { RemovedRecords } from './removed-records.svelte';

afterEach(unrender);

const BLOCK = 'block-1';

async function annasCards(board: Y.Doc) {
	const cards = new CardBoard({
		control: controlOn(new Y.Doc()),
		board: liveOn(board, readBoard, EMPTY_BOARD),
		writeBoard: writeTo(board),
		own: { cards: liveOn(new Y.Doc(), readPrivateCards, []), write: writeTo(new Y.Doc()) },
		authorId: 'p-anna',
		moderation: null,
		now: () => Date.UTC(2027, 2, 15, 10, 42)
	});
	await loaded(cards);
	render(() => cards.view(BLOCK));
	return cards;
}

async function facilitatorList(board: Y.Doc) {
	const removed = new RemovedRecords(
		liveOn(board, readRemoved, []),
		liveOn(board, readRoster, []),
		writeTo(board)
	);
	await loaded(removed);
	render(() => removed.entries);
	const handle = handleOn(board);
	const undo = new WorkshopUndo({
		control: async () => handleOn(new Y.Doc()),
		board: async () => handle
	});
	render(() => undo.canUndo);
	return { removed, undo };
}

describe('RemovedRecords', () => {
	it('a card a participant removed is listed with her name and time; the facilitator restores it, and undo takes the restore back', async () => {
		const tablet = new Y.Doc();
		const laptop = new Y.Doc();
		checkInParticipant(tablet, 'p-anna', 'Anna');
		const anna = await annasCards(tablet);
		expect(await anna.addCard(BLOCK, 'Akten nur auf Papier')).toBeNull();
		const [card] = anna.view(BLOCK).unclustered;
		expect(await anna.removeCard(BLOCK, card!.id)).toBe(true);
		exchange(tablet, laptop);

		const { removed, undo } = await facilitatorList(laptop);
		await expect.poll(() => removed.entries.length).toBe(1);
		expect(removed.entries[0]).toMatchObject({
			kind: 'card',
			id: card!.id,
			label: 'Akten nur auf Papier',
			remover: { kind: 'participant', name: 'Anna' },
			removedAt: Date.UTC(2027, 2, 15, 10, 42)
		});

		expect(await removed.restore('card', card!.id)).toBe(true);
		exchange(tablet, laptop);
		expect(readCards(tablet).cards.map((c) => c.text)).toEqual(['Akten nur auf Papier']);
		await expect.poll(() => removed.entries).toEqual([]);

		await expect.poll(() => undo.canUndo).toBe(true);
		expect((await undo.undo())?.kind).toBe('restore');
		expect(readCards(laptop).cards).toEqual([]);
		expect(readRemoved(laptop)[0]?.removedBy).toBe('p-anna');
	});

	it('a removal without who, or by someone not in the roster, says so; the facilitator’s own says Moderation', async () => {
		const board = new Y.Doc();
		const cards = board.getMap('cards');
		for (const [id, fields] of [
			['c-old', {}],
			['c-gone', { removedBy: 'p-left', removedAt: 2 }],
			['c-mod', { removedBy: 'moderation', removedAt: 3 }]
		] as const) {
			cards.set(`${id}/text`, id);
			cards.set(`${id}/removed`, true);
			for (const [field, value] of Object.entries(fields)) cards.set(`${id}/${field}`, value);
		}
		const { removed } = await facilitatorList(board);
		await expect.poll(() => removed.entries.length).toBe(3);
		expect(removed.entries.map((e) => [e.id, e.remover])).toEqual([
			['c-mod', { kind: 'moderation' }],
			['c-gone', { kind: 'unknown' }],
			['c-old', { kind: 'unknown' }]
		]);
	});
});

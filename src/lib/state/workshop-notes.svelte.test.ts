import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readNotes } from '../crdt/workshop-notes';
import type { Note } from '../domain/workshop/notes';
import { exchange, liveOn, loaded, render, unrender, writeTo } from './test-documents.svelte';
import { MODERATION_AUTHOR_ID, WorkshopNotes } from './workshop-notes.svelte';

afterEach(unrender);

/** The facilitator's notes on a device holding `board`. */
async function notesOn(board: Y.Doc, authorId = MODERATION_AUTHOR_ID): Promise<WorkshopNotes> {
	const notes = new WorkshopNotes(liveOn(board, readNotes, [] as Note[]), writeTo(board), authorId);
	await loaded(notes);
	render(() => notes.byBlock);
	return notes;
}

const texts = (notes: readonly Note[]) => notes.map((note) => note.text);

describe('WorkshopNotes', () => {
	it('a note added to a block shows under that block and kind, with its author, on every device holding the board', async () => {
		const laptop = new Y.Doc();
		const tablet = new Y.Doc();
		const here = await notesOn(laptop);
		const there = await notesOn(tablet, 'anna');

		expect(await here.add('welcome', 'decision', 'Wir starten mit dem Online-Antrag.')).toBe(true);
		expect(await here.add('cards', 'parking', 'Breitband im Ortsteil Nord')).toBe(true);
		exchange(laptop, tablet);

		for (const notes of [here, there]) {
			expect(texts(notes.ofBlock('welcome').decision)).toEqual([
				'Wir starten mit dem Online-Antrag.'
			]);
			expect(notes.ofBlock('welcome').parking).toEqual([]);
			expect(texts(notes.ofKind('parking'))).toEqual(['Breitband im Ortsteil Nord']);
			expect(notes.all.map((note) => note.authorId)).toEqual([
				MODERATION_AUTHOR_ID,
				MODERATION_AUTHOR_ID
			]);
		}
		expect(texts(readNotes(tablet))).toEqual([
			'Wir starten mit dem Online-Antrag.',
			'Breitband im Ortsteil Nord'
		]);
	});

	it('an empty, blank or too long note is refused and writes nothing to the board', async () => {
		const board = new Y.Doc();
		const notes = await notesOn(board);

		expect(await notes.add('welcome', 'protocol', '')).toBe(false);
		expect(await notes.add('welcome', 'protocol', '   ')).toBe(false);
		expect(await notes.add('welcome', 'protocol', 'x'.repeat(2001))).toBe(false);
		expect(await notes.add('not a block id!', 'protocol', 'Text')).toBe(false);

		expect(notes.all).toEqual([]);
		expect(board.getMap('notes').size).toBe(0);
	});

	it('an edit replaces the text on every device, and a refused edit keeps the old one', async () => {
		const laptop = new Y.Doc();
		const tablet = new Y.Doc();
		const here = await notesOn(laptop);
		const there = await notesOn(tablet);
		await here.add('welcome', 'protocol', 'Frau Meier ruft an.');
		exchange(laptop, tablet);
		const id = there.all[0]!.id;

		expect(await there.edit(id, 'Frau Meier ruft den Landkreis an.')).toBe(true);
		expect(await there.edit(id, ' ')).toBe(false);
		exchange(laptop, tablet);

		expect(texts(here.all)).toEqual(['Frau Meier ruft den Landkreis an.']);
		expect(here.all[0]!.id).toBe(id);
	});

	it('editing a note another device removed meanwhile does not bring it back', async () => {
		const laptop = new Y.Doc();
		const tablet = new Y.Doc();
		const here = await notesOn(laptop);
		const there = await notesOn(tablet);
		await here.add('welcome', 'decision', 'Wir prüfen die E-Akte.');
		exchange(laptop, tablet);
		const id = here.all[0]!.id;

		expect(await there.remove(id)).toBe(true);
		exchange(laptop, tablet);
		expect(await here.edit(id, 'Wir führen die E-Akte ein.')).toBe(false);
		exchange(laptop, tablet);

		expect(here.all).toEqual([]);
		expect(there.all).toEqual([]);
		expect(laptop.getMap('notes').size).toBe(0);
	});

	it('a note that cannot be stored on this device is not shown as added, and the page learns why', async () => {
		const board = new Y.Doc();
		const notes = new WorkshopNotes(
			liveOn(board, readNotes, [] as Note[]),
			async () => 'storage_write_failed',
			MODERATION_AUTHOR_ID
		);
		await loaded(notes);

		expect(await notes.add('welcome', 'decision', 'Geht verloren?')).toBe(false);
		expect(notes.writeError).toBe('storage_write_failed');
	});
});

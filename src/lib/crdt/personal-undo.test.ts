// SPEC.md S16: undo and redo per person, on two documents that exchange their updates as the server
// relays them.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Card } from '../domain/workshop/cards';
import { personalUndo, redoLast, undoLast, writeOwn } from './personal-undo';
import { ROOT_KEYS } from './schema';
import { addCard, editCardText, readCards } from './workshop-cards';

/** Two devices whose updates reach each other at once, applied with a remote origin as the provider does. */
function pair() {
	const a = new Y.Doc();
	const b = new Y.Doc();
	const remote = Symbol('provider');
	a.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== remote) Y.applyUpdate(b, update, remote);
	});
	b.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== remote) Y.applyUpdate(a, update, remote);
	});
	return { a, b };
}

const card = (id: string, text: string): Card => ({
	id,
	blockId: 'block-1',
	authorId: 'p-anna',
	text,
	order: 'a0',
	clusterId: null,
	mergedInto: null,
	createdAt: 1_000
});

const textOf = (doc: Y.Doc, id: string) => readCards(doc).cards.find((c) => c.id === id)?.text;

/** A change of this person, named by the step the undo stack keeps. */
const mine = (doc: Y.Doc, step: string, change: (doc: Y.Doc) => void) =>
	writeOwn(doc, step, change);

describe('undo per person (S16)', () => {
	it('undo reverts my last change and keeps the other person’s; redo restores mine', () => {
		const { a, b } = pair();
		addCard(a, card('C1', 'Anna alt'));
		addCard(a, card('C2', 'Bernd alt'));
		const undoA = personalUndo(a, [ROOT_KEYS.cards]);
		mine(a, 'edit C1', (doc) => editCardText(doc, 'C1', 'Anna neu'));
		mine(b, 'edit C2', (doc) => editCardText(doc, 'C2', 'Bernd neu'));

		expect(undoLast(undoA)).toBe('edit C1');
		expect([textOf(a, 'C1'), textOf(a, 'C2')]).toEqual(['Anna alt', 'Bernd neu']);
		expect([textOf(b, 'C1'), textOf(b, 'C2')]).toEqual(['Anna alt', 'Bernd neu']);
		expect(redoLast(undoA)).toBe('edit C1');
		expect([textOf(b, 'C1'), textOf(b, 'C2')]).toEqual(['Anna neu', 'Bernd neu']);
	});

	it('when someone changed the same card after me, undo of my change leaves their text in place', () => {
		const { a, b } = pair();
		addCard(a, card('C1', 'Ursprung'));
		const undoA = personalUndo(a, [ROOT_KEYS.cards]);
		mine(a, 'edit', (doc) => editCardText(doc, 'C1', 'Von Anna'));
		mine(b, 'edit', (doc) => editCardText(doc, 'C1', 'Von Bernd'));

		expect(undoLast(undoA)).toBeNull();
		expect(textOf(a, 'C1')).toBe('Von Bernd');
		expect(textOf(b, 'C1')).toBe('Von Bernd');
	});

	it('changes that arrive from another device, tab or storage, and my own writes that are no step of mine, never enter my undo stack', () => {
		const { a, b } = pair();
		const undoA = personalUndo(a, [ROOT_KEYS.cards]);
		mine(b, 'Bernd adds', (doc) => addCard(doc, card('C1', 'Von Bernd')));
		// As the tab relay and local persistence apply theirs: an update with their own origin.
		const other = new Y.Doc();
		addCard(other, card('C2', 'Aus dem anderen Tab'));
		Y.applyUpdate(a, Y.encodeStateAsUpdate(other), Symbol('tab relay'));
		Y.applyUpdate(a, Y.encodeStateAsUpdate(other), 'local persistence');
		// A write of this device without a step (a reveal's copies): not an undoable change of mine.
		addCard(a, card('C3', 'Aufgedeckt'));
		expect(undoA.canUndo()).toBe(false);
		expect(undoLast(undoA)).toBeNull();
		expect([textOf(a, 'C1'), textOf(a, 'C2'), textOf(a, 'C3')]).toEqual([
			'Von Bernd',
			'Aus dem anderen Tab',
			'Aufgedeckt'
		]);
	});

	it('each step is its own entry, and its undo and redo carry the step it records', () => {
		const { a } = pair();
		const undoA = personalUndo(a, [ROOT_KEYS.cards]);
		mine(a, 'add', (doc) => addCard(doc, card('C1', 'Eins')));
		mine(a, 'edit', (doc) => editCardText(doc, 'C1', 'Zwei'));
		expect(undoA.undoStack).toHaveLength(2);
		expect(undoLast(undoA)).toBe('edit');
		expect(undoA.redoStack.at(-1)?.meta.get('step')).toBe('edit');
		expect(redoLast(undoA)).toBe('edit');
		expect(undoA.undoStack.at(-1)?.meta.get('step')).toBe('edit');
	});

	it('undo of a change someone has replaced changes nothing, and does not go on to my earlier change', () => {
		const { a, b } = pair();
		const undoA = personalUndo(a, [ROOT_KEYS.cards]);
		mine(a, 'add', (doc) => addCard(doc, card('C1', 'Meine Karte')));
		mine(a, 'edit', (doc) => editCardText(doc, 'C1', 'Von Anna'));
		editCardText(b, 'C1', 'Von Bernd');

		expect(undoLast(undoA)).toBeNull();
		// The card I added earlier is still there, with Bernd's text.
		expect(textOf(a, 'C1')).toBe('Von Bernd');
		expect(textOf(b, 'C1')).toBe('Von Bernd');
		// The next undo takes back that earlier step: the card I added.
		expect(undoLast(undoA)).toBe('add');
		expect(textOf(a, 'C1')).toBeUndefined();
		expect(redoLast(undoA)).toBe('add');
		expect(textOf(b, 'C1')).toBe('Von Bernd');
	});
});

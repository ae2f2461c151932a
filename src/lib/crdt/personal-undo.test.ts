// SPEC.md S16: undo and redo per person.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Card } from '../domain/workshop/cards';
import { personalUndo, redoLast, undoLast } from './personal-undo';
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

describe('undo per person (S16)', () => {
	it('undo reverts my last change and keeps the other person’s; redo restores mine', () => {
		const { a, b } = pair();
		addCard(a, card('C1', 'Anna alt'));
		addCard(a, card('C2', 'Bernd alt'));
		const undoA = personalUndo(a, [ROOT_KEYS.cards]);
		undoA.stopCapturing();
		editCardText(a, 'C1', 'Anna neu');
		editCardText(b, 'C2', 'Bernd neu');

		undoA.undo();
		expect([textOf(a, 'C1'), textOf(a, 'C2')]).toEqual(['Anna alt', 'Bernd neu']);
		expect([textOf(b, 'C1'), textOf(b, 'C2')]).toEqual(['Anna alt', 'Bernd neu']);
		undoA.redo();
		expect([textOf(b, 'C1'), textOf(b, 'C2')]).toEqual(['Anna neu', 'Bernd neu']);
	});

	it('when someone changed the same card after me, undo of my change leaves their text in place', () => {
		const { a, b } = pair();
		addCard(a, card('C1', 'Ursprung'));
		const undoA = personalUndo(a, [ROOT_KEYS.cards]);
		undoA.stopCapturing();
		editCardText(a, 'C1', 'Von Anna');
		editCardText(b, 'C1', 'Von Bernd');

		undoA.undo();
		expect(textOf(a, 'C1')).toBe('Von Bernd');
		expect(textOf(b, 'C1')).toBe('Von Bernd');
	});

	it('changes that arrive from another device never enter my undo stack', () => {
		const { a, b } = pair();
		const undoA = personalUndo(a, [ROOT_KEYS.cards]);
		addCard(b, card('C1', 'Von Bernd'));
		expect(undoA.canUndo()).toBe(false);
		undoA.undo();
		expect(textOf(a, 'C1')).toBe('Von Bernd');
	});

	it('undo of a change someone has replaced changes nothing, and does not go on to my earlier change', () => {
		const { a, b } = pair();
		const undoA = personalUndo(a, [ROOT_KEYS.cards]);
		addCard(a, card('C1', 'Meine Karte'));
		undoA.stopCapturing();
		editCardText(a, 'C1', 'Von Anna');
		editCardText(b, 'C1', 'Von Bernd');

		expect(undoLast(undoA)).toBe(false);
		// The card I added earlier is still there, with Bernd's text.
		expect(textOf(a, 'C1')).toBe('Von Bernd');
		expect(textOf(b, 'C1')).toBe('Von Bernd');
		// The next undo takes back that earlier step: the card I added.
		expect(undoLast(undoA)).toBe(true);
		expect(textOf(a, 'C1')).toBeUndefined();
		expect(redoLast(undoA)).toBe(true);
		expect(textOf(b, 'C1')).toBe('Von Bernd');
	});
});

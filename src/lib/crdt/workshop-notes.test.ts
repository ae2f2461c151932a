import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_KEYS } from './schema';
import { addNote, editNote, readNotes, removeNote } from './workshop-notes';

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe('parking lot, decisions and protocol notes', () => {
	it('notes written on two devices at once are all kept, by creation time, each with its block and kind', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addNote(a, {
			id: 'N2',
			blockId: 'b1',
			kind: 'decision',
			text: 'Wir führen die E-Akte ein.',
			authorId: 'mod',
			createdAt: 2_000
		});
		addNote(b, {
			id: 'N1',
			blockId: 'b1',
			kind: 'parking',
			text: 'Glasfaser im Bauhof klären',
			authorId: 'p-anna',
			createdAt: 1_000
		});
		sync(a, b);
		expect(readNotes(a).map((n) => [n.kind, n.text])).toEqual([
			['parking', 'Glasfaser im Bauhof klären'],
			['decision', 'Wir führen die E-Akte ein.']
		]);
		editNote(b, 'N1', 'Glasfaser im Bauhof: Kosten klären');
		removeNote(a, 'N2');
		sync(a, b);
		expect(readNotes(a).map((n) => n.text)).toEqual(['Glasfaser im Bauhof: Kosten klären']);
	});

	it('a note a peer wrote with an unknown kind or an empty text is left out, and writing one is refused', () => {
		const doc = new Y.Doc();
		const map = doc.getMap(ROOT_KEYS.notes);
		for (const [field, value] of Object.entries({
			blockId: 'b1',
			kind: 'gossip',
			text: 'x',
			authorId: 'p',
			createdAt: 1
		}))
			map.set(`bad/${field}`, value);
		expect(readNotes(doc)).toEqual([]);
		expect(() =>
			addNote(doc, {
				id: 'N',
				blockId: 'b1',
				kind: 'protocol',
				text: '  ',
				authorId: 'p',
				createdAt: 1
			})
		).toThrow(RangeError);
	});
});

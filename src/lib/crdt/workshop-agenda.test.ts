import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blocksFromTemplate } from '../domain/workshop/agenda';
import { ROOT_KEYS } from './schema';
import { readAgenda, removeBlock, updateBlock, writeBlocks } from './workshop-agenda';

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

const block = (id: string, order: string, title = `Block ${id}`) => ({
	id,
	title,
	method: 'diskussion' as const,
	durationMinutes: 30,
	order
});

describe('the agenda in the control document', () => {
	it('two moderators applying the same template offline end with one set of blocks, not two', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const template = blocksFromTemplate('digital-check-tag');
		writeBlocks(a, template);
		writeBlocks(b, template);
		sync(a, b);
		expect(readAgenda(a).blocks).toHaveLength(template.length);
		expect(readAgenda(a).blocks.map((x) => x.id)).toEqual(readAgenda(b).blocks.map((x) => x.id));
		expect(readAgenda(a).malformed).toBe(0);
	});

	it('two moderators adding a block offline each keep theirs after syncing', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		writeBlocks(a, [block('A1', 'a0', 'Begrüßung')]);
		writeBlocks(b, [block('B1', 'a0', 'Pause')]);
		sync(a, b);
		// Equal order keys: the tie is broken by id, the same on both devices.
		expect(readAgenda(a).blocks.map((x) => x.title)).toEqual(['Begrüßung', 'Pause']);
		expect(readAgenda(b).blocks.map((x) => x.title)).toEqual(['Begrüßung', 'Pause']);
	});

	it('concurrent edits to different fields of one block both stay', () => {
		const a = new Y.Doc();
		writeBlocks(a, [block('X', 'a0')]);
		const b = new Y.Doc();
		sync(a, b);
		updateBlock(a, 'X', { title: 'Kartenabfrage Hemmnisse' });
		updateBlock(b, 'X', { durationMinutes: 45, question: 'Was hindert uns?' });
		sync(a, b);
		expect(readAgenda(b).blocks[0]).toEqual({
			id: 'X',
			title: 'Kartenabfrage Hemmnisse',
			method: 'diskussion',
			durationMinutes: 45,
			order: 'a0',
			question: 'Was hindert uns?'
		});
		updateBlock(a, 'X', { question: '' });
		expect(readAgenda(a).blocks[0]).not.toHaveProperty('question');
	});

	it('a block a peer wrote with an unknown method, a zero duration or a broken order is left out and counted', () => {
		const doc = new Y.Doc();
		writeBlocks(doc, [block('ok', 'a0')]);
		const map = doc.getMap(ROOT_KEYS.agenda);
		map.set('bad1/title', 'Quiz');
		map.set('bad1/method', 'quiz');
		map.set('bad1/durationMinutes', 10);
		map.set('bad1/order', 'a1');
		map.set('bad2/title', 'Null');
		map.set('bad2/method', 'input');
		map.set('bad2/durationMinutes', 0);
		map.set('bad2/order', 'a2');
		map.set('bad3/title', 'Kaputt');
		map.set('bad3/method', 'input');
		map.set('bad3/durationMinutes', 5);
		map.set('bad3/order', '!!');
		expect(readAgenda(doc).blocks.map((x) => x.id)).toEqual(['ok']);
		expect(readAgenda(doc).malformed).toBe(3);
	});

	it('a removed block is gone, and writing refuses a duration outside 1–480 minutes', () => {
		const doc = new Y.Doc();
		writeBlocks(doc, [block('A', 'a0'), block('B', 'a1')]);
		removeBlock(doc, 'A');
		expect(readAgenda(doc).blocks.map((x) => x.id)).toEqual(['B']);
		expect(() => updateBlock(doc, 'B', { durationMinutes: 481 })).toThrow(RangeError);
		expect(readAgenda(doc).blocks[0]?.durationMinutes).toBe(30);
	});
});

// SPEC.md S16 at the state layer: the board page's undo takes back this device's own change, never
// one that arrived from another device, and is available only while something uses it.
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Card } from '../domain/workshop/cards';
import { addCard, editCardText, readCards } from '../crdt/workshop-cards';
import type { DocumentHandle } from '../sync/open-document';
import { BoardUndo } from './board-undo.svelte';
import { NO_DURABILITY } from '../sync/test-support';

const card = (id: string, text: string): Card => ({
	id,
	blockId: 'block-1',
	authorId: 'p1',
	text,
	order: 'a0',
	clusterId: null,
	mergedInto: null,
	createdAt: 1
});

function undoFor(doc: Y.Doc): { undo: BoardUndo; closed: () => boolean } {
	let closed = false;
	const handle: DocumentHandle = {
		name: 'board',
		doc,
		awareness: {} as Awareness,
		status: 'local',
		onStatus: () => () => {},
		...NO_DURABILITY,
		whenStored: async () => {},
		close: async () => {
			closed = true;
		}
	};
	const undo = new BoardUndo(async () => handle);
	return { undo, closed: () => closed };
}

const textOf = (doc: Y.Doc, id: string) => readCards(doc).cards.find((c) => c.id === id)?.text;

describe('BoardUndo', () => {
	it('takes back my change and restores it; a change from another device is not mine to undo', async () => {
		const doc = new Y.Doc();
		const remote = new Y.Doc();
		addCard(doc, card('C1', 'Alt'));
		Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
		const { undo, closed } = undoFor(doc);
		const stop = $effect.root(() => {
			$effect(() => {
				void undo.canUndo;
			});
		});
		flushSync();
		// The undo code loads with the document (ADR 14); the stack starts once both are there.
		await vi.dynamicImportSettled();
		await expect.poll(() => undo.canUndo).toBe(false);

		// Another device's edit arrives with the provider's origin: nothing to undo.
		addCard(remote, card('C2', 'Von Bernd'));
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'provider');
		expect(undo.canUndo).toBe(false);
		expect(undo.undo()).toBe(false);
		expect(textOf(doc, 'C2')).toBe('Von Bernd');

		editCardText(doc, 'C1', 'Neu');
		await expect.poll(() => undo.canUndo).toBe(true);
		expect(undo.undo()).toBe(true);
		expect([textOf(doc, 'C1'), textOf(doc, 'C2')]).toEqual(['Alt', 'Von Bernd']);
		await expect.poll(() => undo.canRedo).toBe(true);
		expect(undo.redo()).toBe(true);
		expect(textOf(doc, 'C1')).toBe('Neu');

		// Once no page uses it, the document is let go and there is nothing to undo.
		stop();
		await expect.poll(closed).toBe(true);
		expect(undo.undo()).toBe(false);
	});
});

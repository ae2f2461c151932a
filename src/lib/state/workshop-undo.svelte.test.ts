// SPEC.md S16 through the state classes a workshop page uses: two devices, each with its own copy of
// the control and the board document, exchanging every update as the server relays it. My undo
// takes back my own last change of each kind, never one that arrived from the other device, and the
// agenda (control document) and the board share one history.
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readActionFieldLinks, readActionFields } from '../crdt/workshop-action-fields';
import { readAgenda, writeBlocks } from '../crdt/workshop-agenda';
import { addCard, readCards, readClusters } from '../crdt/workshop-cards';
import { readMatrix } from '../crdt/workshop-matrix';
import { addNote, readNotes } from '../crdt/workshop-notes';
import type { Card } from '../domain/workshop/cards';
import type { DocumentHandle } from '../sync/open-document';
import { NO_DURABILITY } from '../sync/test-support';
import {
	ActionFieldsBoard,
	EMPTY_ACTION_FIELDS,
	readActionFieldsBoard
} from './action-fields-board.svelte';
import { CardBoard, EMPTY_BOARD, readBoard, readPrivateCards } from './card-board.svelte';
import { Clock } from './clock.svelte';
import { EMPTY_MATRIX_BOARD, ImpactMatrix, readMatrixBoard } from './impact-matrix.svelte';
import { LiveDocument } from './live-document.svelte';
import { EMPTY_CONTROL, readControl, WorkshopControl } from './workshop-control.svelte';
import { WorkshopDay } from './workshop-day.svelte';
import { WorkshopNotes } from './workshop-notes.svelte';
import { WorkshopUndo } from './workshop-undo.svelte';

let stops: Array<() => void> = [];
afterEach(() => {
	for (const stop of stops) stop();
	stops = [];
});

const BLOCK = 'block-1';
const card = (id: string, text: string): Card => ({
	id,
	blockId: BLOCK,
	authorId: 'p-anna',
	text,
	order: `a${id}`,
	clusterId: null,
	mergedInto: null,
	createdAt: 1_000
});

/** Two copies of a document whose updates reach each other at once, with the provider's origin. */
function linked(a: Y.Doc, b: Y.Doc): void {
	const provider = Symbol('provider');
	a.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== provider) Y.applyUpdate(b, update, provider);
	});
	b.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== provider) Y.applyUpdate(a, update, provider);
	});
}

/** One device on a workshop page: its copies of the documents and the state classes of the pages. */
async function deviceOn(control: Y.Doc, board: Y.Doc, who: string) {
	const handleOf = (name: string, doc: Y.Doc): DocumentHandle => ({
		name,
		doc,
		awareness: {} as Awareness, // not used by these pages' writes
		status: 'local',
		onStatus: () => () => {},
		...NO_DURABILITY,
		whenStored: async () => {},
		close: async () => {}
	});
	const handles: Record<string, DocumentHandle> = {
		control: handleOf('control', control),
		board: handleOf('board', board),
		// A participant's own private document; the facilitator writes to the board directly.
		own: handleOf('own', new Y.Doc())
	};
	const live = <T>(name: string, read: (doc: Y.Doc) => T, initial: T) =>
		new LiveDocument(async () => handles[name]!, read, initial);
	const writeTo = (doc: Y.Doc) => async (change: (doc: Y.Doc) => void) => {
		change(doc);
		return null;
	};
	const clock = new Clock(async () => null);
	const shownControl = new WorkshopControl(live('control', readControl, EMPTY_CONTROL), clock);
	const device = {
		undo: new WorkshopUndo({
			control: async () => handles['control']!,
			board: async () => handles['board']!
		}),
		cards: new CardBoard({
			control: shownControl,
			board: live('board', readBoard, EMPTY_BOARD),
			writeBoard: writeTo(board),
			// Who may change which card follows the server's write rules (W6): the facilitator any card,
			// a participant her own.
			own:
				who === 'moderation'
					? null
					: { cards: live('own', readPrivateCards, []), write: writeTo(handles['own']!.doc) },
			authorId: who,
			moderation:
				who === 'moderation'
					? {
							setPhase: async () => null,
							reveal: async () => ({ ok: true, value: { revealed: 0, unsynced: [] } })
						}
					: null
		}),
		day: new WorkshopDay(live('control', readControl, EMPTY_CONTROL), clock, writeTo(control)),
		notes: new WorkshopNotes(live('board', readNotes, []), writeTo(board), who),
		fields: new ActionFieldsBoard({
			control: shownControl,
			board: live('board', readActionFieldsBoard, EMPTY_ACTION_FIELDS),
			writeBoard: writeTo(board),
			canWrite: true
		}),
		matrix: new ImpactMatrix({
			control: shownControl,
			board: live('board', readMatrixBoard, EMPTY_MATRIX_BOARD),
			writeBoard: writeTo(board),
			scorerId: who
		})
	};
	stops.push(
		$effect.root(() => {
			$effect(() => {
				void device.undo.canUndo;
				void device.cards.view(BLOCK);
				void device.day.schedule;
				void device.notes.all;
				void device.fields.fields;
				void device.matrix.loading;
			});
		})
	);
	flushSync();
	await expect.poll(() => device.cards.loading || device.day.loading).toBe(false);
	await expect.poll(() => device.notes.loading || device.fields.loading).toBe(false);
	// The undo stacks are set up once the page's documents are open (a task later).
	await new Promise((resolve) => setTimeout(resolve, 0));
	return device;
}

/** The laptop (the facilitator) and Anna's device, on a workshop with a block and two cards. */
async function laptopAndAnna() {
	const control = [new Y.Doc(), new Y.Doc()] as const;
	const board = [new Y.Doc(), new Y.Doc()] as const;
	linked(...control);
	linked(...board);
	writeBlocks(control[0], [
		{
			id: BLOCK,
			title: 'Kartenabfrage',
			method: 'kartenabfrage',
			durationMinutes: 30,
			order: 'a0'
		},
		{ id: 'block-2', title: 'Pause', method: 'pause', durationMinutes: 15, order: 'a1' }
	]);
	addCard(board[0], card('1', 'Akten nur auf Papier'));
	addCard(board[0], card('2', 'Papierakten im Bauamt'));
	const laptop = await deviceOn(control[0], board[0], 'moderation');
	const anna = await deviceOn(control[1], board[1], 'p-anna');
	return { laptop, anna, control, board };
}

const groupOf = (doc: Y.Doc, cardId: string) => {
	const clusterId = readCards(doc).cards.find((c) => c.id === cardId)?.clusterId;
	return readClusters(doc).find((c) => c.id === clusterId)?.name ?? null;
};

describe('one undo per person on a workshop page (S16)', () => {
	it('after I moved a card to a group and Anna moved it to another, my undo leaves it in hers', async () => {
		const { laptop, anna, board } = await laptopAndAnna();
		await laptop.cards.createCluster(BLOCK, 'Technik');
		await laptop.cards.createCluster(BLOCK, 'Organisation');
		const [technik, organisation] = readClusters(board[0]).map((c) => c.id);
		await laptop.cards.moveToCluster(BLOCK, '1', technik!);
		expect(groupOf(board[1], '1')).toBe('Technik');
		await anna.cards.moveToCluster(BLOCK, '1', organisation!);

		// My undo reverts only what of my move nobody replaced (the card's place in a list, if Anna's
		// move left it as mine), never her group.
		expect(laptop.undo.canUndo).toBe(true);
		await laptop.undo.undo();
		expect([groupOf(board[0], '1'), groupOf(board[1], '1')]).toEqual([
			'Organisation',
			'Organisation'
		]);
		// Anna's own undo takes back her move: the card goes back to where it was before it.
		expect(await anna.undo.undo()).toMatchObject({ kind: 'move', to: 'Organisation' });
		expect([groupOf(board[0], '1'), groupOf(board[1], '1')]).toEqual(['Technik', 'Technik']);
	});

	it('when Anna corrected the card I corrected, my undo changes nothing and says so', async () => {
		const { laptop, anna, board } = await laptopAndAnna();
		await laptop.cards.editCard('1', 'Akten nur auf Papier (Moderation)');
		await anna.cards.editCard('1', 'Akten nur auf Papier (Anna)');
		expect(await laptop.undo.undo()).toBeNull();
		expect(laptop.undo.canUndo).toBe(false);
		expect(readCards(board[1]).cards[0]?.text).toBe('Akten nur auf Papier (Anna)');
	});

	it('my move is undone and redone with the step that names it and the card to focus', async () => {
		const { laptop, board } = await laptopAndAnna();
		await laptop.cards.createCluster(BLOCK, 'Technik');
		await laptop.cards.moveToCluster(BLOCK, '1', readClusters(board[0])[0]!.id);
		const step = { kind: 'move', label: 'Akten nur auf Papier', to: 'Technik', focus: '1' };
		expect(laptop.undo.last).toEqual({ how: 'done', step });
		expect(await laptop.undo.undo()).toEqual(step);
		expect(groupOf(board[1], '1')).toBeNull();
		expect(laptop.undo.last).toEqual({ how: 'undone', step });
		expect(await laptop.undo.redo()).toEqual(step);
		expect(groupOf(board[1], '1')).toBe('Technik');
	});

	it('undoing a merge brings both cards back; undoing a removal brings the card back for everyone', async () => {
		const { laptop, board } = await laptopAndAnna();
		const merged = () => readCards(board[1]).cards.find((c) => c.id === '2')?.mergedInto;
		await laptop.cards.merge(BLOCK, '2', '1');
		expect(merged()).toBe('1');
		expect(await laptop.undo.undo()).toMatchObject({ kind: 'merge', focus: '2' });
		expect(merged()).toBeNull();

		await laptop.cards.removeCard(BLOCK, '1');
		expect(readCards(board[1]).removedIds).toEqual(['1']);
		expect(await laptop.undo.undo()).toMatchObject({ kind: 'remove', focus: '1' });
		expect(readCards(board[1]).cards.map((c) => c.id)).toEqual(['1', '2']);
	});

	it('undoing a dissolved group brings it back with its cards, but not a card Anna removed meanwhile', async () => {
		const { laptop, anna, board } = await laptopAndAnna();
		await laptop.cards.createCluster(BLOCK, 'Papier');
		const papier = readClusters(board[0])[0]!.id;
		await laptop.cards.moveToCluster(BLOCK, '1', papier);
		await laptop.cards.moveToCluster(BLOCK, '2', papier);
		await laptop.cards.removeCluster(BLOCK, papier);
		await anna.cards.removeCard(BLOCK, '2');

		expect(await laptop.undo.undo()).toMatchObject({ kind: 'dissolve', label: 'Papier' });
		expect(readClusters(board[1]).map((c) => c.name)).toEqual(['Papier']);
		expect(groupOf(board[1], '1')).toBe('Papier');
		expect(readCards(board[1]).removedIds).toEqual(['2']);
	});

	it('the agenda and the board share one history: my newest change is undone first, in either document', async () => {
		const { laptop, control, board } = await laptopAndAnna();
		const titles = () => readAgenda(control[1]).blocks.map((b) => b.title);
		await laptop.day.removeBlock('block-2');
		await laptop.notes.add(BLOCK, 'decision', 'Wir starten mit der E-Akte.');
		expect(titles()).toEqual(['Kartenabfrage']);

		expect(await laptop.undo.undo()).toMatchObject({ kind: 'add' });
		expect(readNotes(board[1])).toEqual([]);
		expect(await laptop.undo.undo()).toMatchObject({ kind: 'remove', label: 'Pause' });
		expect(titles()).toEqual(['Kartenabfrage', 'Pause']);
		expect(laptop.undo.canUndo).toBe(false);
		// Redo goes the other way: the block is removed again, then the note is back.
		expect(await laptop.undo.redo()).toMatchObject({ label: 'Pause' });
		expect(await laptop.undo.redo()).toMatchObject({ label: 'Wir starten mit der E-Akte.' });
		expect(titles()).toEqual(['Kartenabfrage']);
		expect(readNotes(board[1]).map((n) => n.text)).toEqual(['Wir starten mit der E-Akte.']);
	});

	it('a new change of mine in one document ends what I could redo in the other', async () => {
		const { laptop } = await laptopAndAnna();
		await laptop.day.removeBlock('block-2');
		await laptop.undo.undo();
		expect(laptop.undo.canRedo).toBe(true);
		await laptop.cards.createCluster(BLOCK, 'Technik');
		expect(laptop.undo.canRedo).toBe(false);
		expect(await laptop.undo.redo()).toBeNull();
	});

	it('an agenda block I edited and moved is undone step by step', async () => {
		const { laptop, control } = await laptopAndAnna();
		const block = () => readAgenda(control[1]).blocks.find((b) => b.id === BLOCK)!;
		const shown = { title: 'Kartenabfrage', method: 'kartenabfrage', durationMinutes: 30 } as const;
		await laptop.day.editBlock(
			BLOCK,
			{ ...shown, question: '' },
			{ ...shown, question: '', durationMinutes: 45 }
		);
		await laptop.day.moveBlock(BLOCK, 1);
		expect(readAgenda(control[1]).blocks.map((b) => b.id)).toEqual(['block-2', BLOCK]);
		expect(await laptop.undo.undo()).toMatchObject({ kind: 'move', focus: BLOCK });
		expect(readAgenda(control[1]).blocks.map((b) => b.id)).toEqual([BLOCK, 'block-2']);
		expect(await laptop.undo.undo()).toMatchObject({ kind: 'edit', label: 'Kartenabfrage' });
		expect(block().durationMinutes).toBe(30);
	});

	it('my note edit is undone; the note Anna changed meanwhile keeps her text', async () => {
		const { laptop, anna, board } = await laptopAndAnna();
		const note = (id: string, text: string) => ({
			id,
			blockId: BLOCK,
			kind: 'protocol' as const,
			text,
			authorId: 'moderation',
			createdAt: 1
		});
		addNote(board[0], note('n1', 'Frau Meier ruft an.'));
		addNote(board[0], note('n2', 'Herr Kaya schreibt.'));
		await laptop.notes.edit('n1', 'Frau Meier ruft den Landkreis an.');
		await anna.notes.edit('n2', 'Herr Kaya schreibt das Protokoll.');
		expect(await laptop.undo.undo()).toMatchObject({ kind: 'edit', focus: 'n1' });
		expect(readNotes(board[1]).map((n) => n.text)).toEqual([
			'Frau Meier ruft an.',
			'Herr Kaya schreibt das Protokoll.'
		]);
		await laptop.notes.remove('n1');
		expect(await laptop.undo.undo()).toMatchObject({ kind: 'remove' });
		expect(readNotes(board[1]).map((n) => n.id)).toEqual(['n1', 'n2']);
	});

	it('a Handlungsfeld I removed or linked is undone; the field Anna added stays', async () => {
		const { laptop, anna, board } = await laptopAndAnna();
		await laptop.fields.add('E-Akte einführen', ['strategie']);
		const id = readActionFields(board[0]).fields[0]!.id;
		await anna.fields.add('WLAN im Rathaus', ['infrastruktur']);
		await laptop.fields.setLink(id, '1', true);
		await laptop.fields.remove(id);
		expect(readActionFields(board[1]).removedIds).toEqual([id]);

		expect(await laptop.undo.undo()).toMatchObject({ kind: 'remove', focus: id });
		expect(readActionFields(board[1]).removedIds).toEqual([]);
		expect(await laptop.undo.undo()).toMatchObject({ kind: 'link', label: 'E-Akte einführen' });
		expect(readActionFieldLinks(board[1]).get(id) ?? []).toEqual([]);
		expect(await laptop.undo.undo()).toMatchObject({ kind: 'add' });
		expect(readActionFields(board[1]).fields.map((f) => f.title)).toEqual(['WLAN im Rathaus']);
		expect(laptop.undo.canUndo).toBe(false);
	});

	it('my matrix scores of a drop are one step; Anna’s scores stay', async () => {
		const { laptop, anna, board } = await laptopAndAnna();
		await anna.matrix.setScores('1', { impact: 2 });
		await laptop.matrix.setScores('1', { impact: 5, effort: 1 });
		const scores = () =>
			readMatrix(board[1]).scores.map((s) => [s.participantId, s.impact, s.effort]);
		expect(scores()).toContainEqual(['moderation', 5, 1]);
		expect(await laptop.undo.undo()).toMatchObject({
			kind: 'score',
			label: 'Akten nur auf Papier'
		});
		expect(scores()).toEqual([['p-anna', 2, null]]);
		expect(laptop.undo.canUndo).toBe(false);
	});

	it('what arrives from Anna never enters my history', async () => {
		const { laptop, anna, board } = await laptopAndAnna();
		await anna.cards.addCard(BLOCK, 'Von Anna');
		await anna.day.removeBlock('block-2');
		expect(laptop.undo.canUndo).toBe(false);
		expect(await laptop.undo.undo()).toBeNull();
		expect(readCards(board[0]).cards.map((c) => c.text)).toContain('Von Anna');
	});
});

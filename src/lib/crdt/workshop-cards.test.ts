import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Card } from '../domain/workshop/cards';
import { boardView } from '../domain/workshop/cards';
import { ROOT_KEYS } from './schema';
import {
	addCard,
	addCluster,
	editCardText,
	moveCard,
	readCards,
	readClusters,
	removeCluster,
	restoreCluster,
	copyCardsToBoard,
	revealCards,
	setCardsRemoved,
	setMergedInto
} from './workshop-cards';

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

const card = (id: string, text: string, overrides: Partial<Card> = {}): Card => ({
	id,
	blockId: 'block-1',
	authorId: 'p-anna',
	text,
	order: 'a0',
	clusterId: null,
	mergedInto: null,
	createdAt: 1_000,
	...overrides
});

const texts = (doc: Y.Doc) =>
	readCards(doc)
		.cards.map((c) => c.text)
		.sort();

describe('cards on the board', () => {
	it('two offline participants each adding the first card to the same new block both keep theirs', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addCard(a, card('C-anna', 'Papierakten'));
		addCard(b, card('C-bernd', 'Kein WLAN', { authorId: 'p-bernd' }));
		sync(a, b);
		expect(texts(a)).toEqual(['Kein WLAN', 'Papierakten']);
		expect(texts(b)).toEqual(['Kein WLAN', 'Papierakten']);
	});

	it('an edit of a card text and a move into a cluster made at the same time both stay', () => {
		const a = new Y.Doc();
		addCard(a, card('C1', 'Fachverfahren'));
		addCluster(a, { id: 'K1', blockId: 'block-1', name: 'Technik', order: 'a0' });
		const b = new Y.Doc();
		sync(a, b);
		editCardText(a, 'C1', 'Fachverfahren ohne Schnittstelle');
		moveCard(b, 'C1', { clusterId: 'K1', order: 'a5' });
		sync(a, b);
		expect(readCards(b).cards[0]).toMatchObject({
			text: 'Fachverfahren ohne Schnittstelle',
			clusterId: 'K1',
			order: 'a5'
		});
	});

	it('removing a cluster keeps its cards on the board, unclustered', () => {
		const doc = new Y.Doc();
		addCluster(doc, { id: 'K1', blockId: 'block-1', name: 'Technik', order: 'a0' });
		addCard(doc, card('C1', 'Server alt', { clusterId: 'K1' }));
		removeCluster(doc, 'K1');
		expect(readClusters(doc)).toEqual([]);
		expect(readCards(doc).cards).toEqual([card('C1', 'Server alt')]);
	});

	it('undoing the removal of a cluster brings it back with its cards, but not a card removed meanwhile', () => {
		const doc = new Y.Doc();
		const technik = { id: 'K1', blockId: 'block-1', name: 'Technik', order: 'a0' };
		addCluster(doc, technik);
		addCard(doc, card('C1', 'Server alt', { clusterId: 'K1' }));
		addCard(doc, card('C2', 'WLAN', { clusterId: 'K1' }));
		removeCluster(doc, 'K1');
		setCardsRemoved(doc, ['C2'], true);
		restoreCluster(doc, technik, ['C1', 'C2']);
		expect(readClusters(doc)).toEqual([technik]);
		expect(readCards(doc).cards).toEqual([card('C1', 'Server alt', { clusterId: 'K1' })]);
		expect(readCards(doc).removedIds).toEqual(['C2']);
	});

	it('merging a duplicate keeps both texts on the surviving card, and undoing the merge restores both cards', () => {
		const doc = new Y.Doc();
		addCard(doc, card('C1', 'Kein WLAN im Rathaus', { order: 'a0' }));
		addCard(doc, card('C2', 'WLAN fehlt', { order: 'a1', createdAt: 2_000 }));
		setMergedInto(doc, 'C2', 'C1');
		const merged = boardView(readCards(doc).cards, [], 'block-1');
		expect(merged.unclustered.map((c) => [c.id, c.text, c.mergedTexts])).toEqual([
			['C1', 'Kein WLAN im Rathaus', ['WLAN fehlt']]
		]);
		setMergedInto(doc, 'C2', null);
		const undone = boardView(readCards(doc).cards, [], 'block-1');
		expect(undone.unclustered.map((c) => [c.id, c.mergedTexts])).toEqual([
			['C1', []],
			['C2', []]
		]);
	});

	it('a card a peer wrote without text, with a text over 280 characters or a broken order is left out and counted', () => {
		const doc = new Y.Doc();
		addCard(doc, card('ok', 'Gut'));
		const map = doc.getMap(ROOT_KEYS.cards);
		const fields = { blockId: 'block-1', authorId: 'p-x', order: 'a1', createdAt: 5 };
		for (const [id, text, order] of [
			['t1', '', 'a1'],
			['t2', 'x'.repeat(281), 'a1'],
			['t3', 'Text', '??']
		] as const) {
			for (const [field, value] of Object.entries({ ...fields, text, order })) {
				map.set(`${id}/${field}`, value);
			}
		}
		expect(readCards(doc).cards.map((c) => c.id)).toEqual(['ok']);
		expect(readCards(doc).malformed).toBe(3);
	});
});

describe('private cards and reveal', () => {
	/** Anna's private document, block 1. */
	const ANNAS = { participantId: 'p-anna', blockId: 'block-1' };

	it('a card in a private document under someone else’s id is not revealed', () => {
		const privateDoc = new Y.Doc();
		const board = new Y.Doc();
		addCard(privateDoc, card('P1', 'Von Anna'), ROOT_KEYS.privateCards);
		addCard(
			privateDoc,
			card('P2', 'Angeblich von Bernd', { authorId: 'p-bernd' }),
			ROOT_KEYS.privateCards
		);
		expect(revealCards(board, privateDoc, ANNAS)).toBe(1);
		expect(texts(board)).toEqual(['Von Anna']);
	});

	it('a private card is only in its author’s document until reveal, which copies it to the board once', () => {
		const privateDoc = new Y.Doc();
		const board = new Y.Doc();
		addCard(privateDoc, card('P1', 'Mein Vorschlag'), ROOT_KEYS.privateCards);
		addCard(
			privateDoc,
			card('P2', 'Anderer Block', { blockId: 'block-9' }),
			ROOT_KEYS.privateCards
		);
		expect(readCards(board).cards).toEqual([]);

		expect(revealCards(board, privateDoc, ANNAS)).toBe(1);
		expect(readCards(board).cards.map((c) => c.text)).toEqual(['Mein Vorschlag']);
		// Revealing again, or from a second facilitator device, writes the same card once.
		const second = new Y.Doc();
		expect(revealCards(second, privateDoc, ANNAS)).toBe(1);
		sync(board, second);
		expect(revealCards(board, privateDoc, ANNAS)).toBe(0);
		expect(readCards(board).cards).toHaveLength(1);
	});

	it('a card removed after a reveal stays removed when the phase is revealed again', () => {
		const privateDoc = new Y.Doc();
		const board = new Y.Doc();
		addCard(privateDoc, card('P1', 'Zu entfernen'), ROOT_KEYS.privateCards);
		addCard(privateDoc, card('P2', 'Bleibt'), ROOT_KEYS.privateCards);
		expect(revealCards(board, privateDoc, ANNAS)).toBe(2);

		setCardsRemoved(board, ['P1'], true);
		expect(revealCards(board, privateDoc, ANNAS)).toBe(0);
		expect(texts(board)).toEqual(['Bleibt']);
		expect(readCards(board).removedIds).toEqual(['P1']);
	});

	it('a participant’s device copying its own cards and the facilitator’s reveal write each card once', () => {
		const privateDoc = new Y.Doc();
		addCard(privateDoc, card('P1', 'Offline geschrieben'), ROOT_KEYS.privateCards);
		const own = readCards(privateDoc, ROOT_KEYS.privateCards).cards;
		const facilitator = new Y.Doc();
		const participant = new Y.Doc();
		expect(revealCards(facilitator, privateDoc, ANNAS)).toBe(1);
		expect(copyCardsToBoard(participant, own)).toBe(1);
		sync(facilitator, participant);
		expect(readCards(facilitator).cards).toEqual([card('P1', 'Offline geschrieben')]);
		expect(readCards(participant).cards).toEqual(readCards(facilitator).cards);
	});
});

describe('removing cards', () => {
	it('removing a card and its merged duplicate takes both off the board and undo brings both back', () => {
		const doc = new Y.Doc();
		addCard(doc, card('C1', 'Akten digital', { clusterId: 'K1' }));
		addCard(doc, card('C2', 'E-Akte', { mergedInto: 'C1' }));
		addCard(doc, card('C3', 'WLAN'));

		setCardsRemoved(doc, ['C1', 'C2'], true);
		expect(texts(doc)).toEqual(['WLAN']);
		expect(readCards(doc).removedIds.sort()).toEqual(['C1', 'C2']);

		setCardsRemoved(doc, ['C1', 'C2'], false);
		expect(texts(doc)).toEqual(['Akten digital', 'E-Akte', 'WLAN']);
		expect(readCards(doc).cards.find((c) => c.id === 'C1')?.clusterId).toBe('K1');
		expect(readCards(doc).removedIds).toEqual([]);
	});

	it('a removal made on one device and a text edit made on another at the same time leave the card removed', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addCard(a, card('C1', 'Alt'));
		sync(a, b);
		setCardsRemoved(a, ['C1'], true);
		editCardText(b, 'C1', 'Neu');
		sync(a, b);
		expect(readCards(a).cards).toEqual([]);
		// Undo of the removal shows the other device's text: nothing typed is lost.
		setCardsRemoved(a, ['C1'], false);
		expect(texts(a)).toEqual(['Neu']);
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Card } from '../domain/workshop/cards';
import { ROOT_KEYS } from './schema';
import { addActionField, readActionFields, setActionFieldRemoved } from './workshop-action-fields';
import {
	addCard,
	addCluster,
	editCardText,
	moveCard,
	readCards,
	readClusters,
	removeCluster,
	setCardsRemoved
} from './workshop-cards';
import { measureFixture } from './workshop-measures.fixture';
import { addMeasure, readMeasures, setMeasureRemoved } from './workshop-measures';
import { addPhoto, readPhotos, removePhoto } from './workshop-photos';
import { readRemoved, restoreRemoved } from './workshop-removed';

const card = (id: string, text: string, authorId = 'p-anna'): Card => ({
	id,
	blockId: 'block-1',
	authorId,
	text,
	order: 'a0',
	clusterId: null,
	mergedInto: null,
	createdAt: 1_000
});

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

const cardsMap = (doc: Y.Doc) => doc.getMap(ROOT_KEYS.cards).toJSON();

describe('removed records (ADR 21)', () => {
	it('a card a participant removed is listed with who and when, and restoring it brings it back with an edit made meanwhile', () => {
		const tablet = new Y.Doc();
		const laptop = new Y.Doc();
		addCard(tablet, card('c1', 'Akten nur auf Papier'));
		sync(tablet, laptop);
		setCardsRemoved(tablet, ['c1'], true, ROOT_KEYS.cards, 5_000, 'p-anna');
		expect(cardsMap(tablet)).toMatchObject({
			'c1/removed': true,
			'c1/removedBy': 'p-anna',
			'c1/removedAt': 5_000
		});
		// Meanwhile the facilitator's copy, which does not know of the removal yet, edits the text.
		editCardText(laptop, 'c1', 'Akten nur auf Papier im Bauamt');
		sync(tablet, laptop);
		expect(readRemoved(laptop)).toEqual([
			{
				kind: 'card',
				id: 'c1',
				label: 'Akten nur auf Papier im Bauamt',
				blockId: 'block-1',
				removedBy: 'p-anna',
				removedAt: 5_000
			}
		]);
		expect(readCards(laptop).cards).toEqual([]);

		restoreRemoved(laptop, 'card', 'c1', 6_000);
		sync(tablet, laptop);
		expect(readCards(tablet).cards.map((c) => c.text)).toEqual(['Akten nur auf Papier im Bauamt']);
		expect(readRemoved(tablet)).toEqual([]);
		expect(Object.keys(cardsMap(tablet)).filter((key) => key.includes('/removed'))).toEqual([]);
	});

	it('a card removed by an older app, without who or when, is listed with both unknown', () => {
		const board = new Y.Doc();
		addCard(board, card('c1', 'Alte Karte'));
		board.getMap(ROOT_KEYS.cards).set('c1/removed', true);
		expect(readRemoved(board)).toMatchObject([{ id: 'c1', removedBy: null, removedAt: null }]);
		restoreRemoved(board, 'card', 'c1');
		expect(readCards(board).cards.map((c) => c.id)).toEqual(['c1']);
	});

	it('a removed group leaves the board, unclusters its cards, stays listed, and comes back empty', () => {
		const board = new Y.Doc();
		addCluster(board, { id: 'g1', blockId: 'block-1', name: 'Papier', order: 'a0' });
		addCard(board, card('c1', 'Akten'));
		moveCard(board, 'c1', { clusterId: 'g1', order: 'a0' });
		removeCluster(board, 'g1', 7_000, 'moderation');
		expect(readClusters(board)).toEqual([]);
		expect(readCards(board).cards[0]?.clusterId).toBeNull();
		expect(readRemoved(board)).toEqual([
			{
				kind: 'cluster',
				id: 'g1',
				label: 'Papier',
				blockId: 'block-1',
				removedBy: 'moderation',
				removedAt: 7_000
			}
		]);
		restoreRemoved(board, 'cluster', 'g1');
		expect(readClusters(board)).toEqual([
			{ id: 'g1', blockId: 'block-1', name: 'Papier', order: 'a0' }
		]);
		expect(readCards(board).cards[0]?.clusterId).toBeNull();
	});

	it('Handlungsfelder, measures and photos removed are listed newest removal first, and each is restored', () => {
		const board = new Y.Doc();
		addActionField(board, {
			id: 'hf1',
			title: 'Digitale Verwaltung',
			dimensions: ['prozesse'],
			order: 'a0',
			createdAt: 1
		});
		addMeasure(
			board,
			measureFixture({ id: 'm1', actionFieldId: 'hf1', title: 'E-Akte', order: 'a0' })
		);
		addPhoto(board, {
			id: 'ph1',
			blockId: 'block-1',
			sha256: 'a'.repeat(64),
			mediaType: 'image/jpeg',
			width: 10,
			height: 10,
			caption: '',
			authorId: 'p-bernd',
			createdAt: 1
		});
		setMeasureRemoved(board, 'm1', true, 2_000, 'p-anna');
		removePhoto(board, 'ph1', 3_000, 'p-bernd');
		setActionFieldRemoved(board, 'hf1', true, 1_000, 'moderation');
		expect(readRemoved(board).map((r) => [r.kind, r.label, r.removedBy, r.removedAt])).toEqual([
			['photo', '', 'p-bernd', 3_000],
			['measure', 'E-Akte', 'p-anna', 2_000],
			['actionField', 'Digitale Verwaltung', 'moderation', 1_000]
		]);

		restoreRemoved(board, 'photo', 'ph1');
		restoreRemoved(board, 'measure', 'm1');
		restoreRemoved(board, 'actionField', 'hf1');
		expect(readRemoved(board)).toEqual([]);
		expect(readPhotos(board).map((p) => p.id)).toEqual(['ph1']);
		expect(readMeasures(board).measures.map((m) => m.id)).toEqual(['m1']);
		expect(readActionFields(board).fields.map((f) => f.id)).toEqual(['hf1']);
	});

	it('a remover id that is no record id is refused and writes nothing', () => {
		const board = new Y.Doc();
		addCard(board, card('c1', 'Akten'));
		expect(() => setCardsRemoved(board, ['c1'], true, ROOT_KEYS.cards, 1, 'a/b')).toThrow(
			RangeError
		);
		expect(readRemoved(board)).toEqual([]);
	});
});

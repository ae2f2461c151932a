import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../workshop-cards';
import { ensureMeta, ROOT_KEYS } from '../schema';
import { schemaForDocument } from './all';
import { readSchemaStatus } from './document-schema';
import { CHECK_SHARED_SCHEMA } from './check-shared';
import { WORKSHOP_BOARD_SCHEMA } from './workshop';

const T = 1_780_000_000_000;

function board(): Y.Doc {
	const doc = new Y.Doc();
	const card = { blockId: 'b1', authorId: 'p1', order: 'a0', clusterId: null, mergedInto: null };
	addCard(doc, { ...card, id: 'c1', text: 'Papier', createdAt: T }, ROOT_KEYS.cards, T);
	return doc;
}

/** A peer's update, as a newer app would send it. */
function fromNewerApp(doc: Y.Doc, write: (peer: Y.Doc) => void): void {
	const peer = new Y.Doc();
	Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
	write(peer);
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)));
}

describe('data from a newer app', () => {
	it('is not reported for a document this version wrote', () => {
		expect(readSchemaStatus(board(), WORKSHOP_BOARD_SCHEMA)).toEqual({ newerData: false });
	});

	it('is reported for a higher schema version, and the content is still there', () => {
		const doc = board();
		fromNewerApp(doc, (peer) => peer.transact(() => ensureMeta(peer, T, 7)));
		expect(readSchemaStatus(doc, WORKSHOP_BOARD_SCHEMA)).toEqual({ newerData: true });
		expect(doc.getMap(ROOT_KEYS.cards).get('c1/text')).toBe('Papier');
	});

	it('is reported for a field this version does not know, which stays in the document', () => {
		const doc = board();
		fromNewerApp(doc, (peer) => peer.getMap(ROOT_KEYS.cards).set('c1/colour', 'gelb'));
		expect(readSchemaStatus(doc, WORKSHOP_BOARD_SCHEMA)).toEqual({ newerData: true });
		expect(doc.getMap(ROOT_KEYS.cards).get('c1/colour')).toBe('gelb');
	});

	it('is reported for a root this version does not know', () => {
		const doc = board();
		fromNewerApp(doc, (peer) => peer.getMap('stickers').set('s1/x', 1));
		expect(readSchemaStatus(doc, WORKSHOP_BOARD_SCHEMA)).toEqual({ newerData: true });
	});

	it('is not reported for a version 1 round shared document', () => {
		const doc = new Y.Doc();
		doc.getMap(ROOT_KEYS.round).set('title', 'Runde');
		doc.transact(() => ensureMeta(doc, T));
		expect(readSchemaStatus(doc, CHECK_SHARED_SCHEMA)).toEqual({ newerData: false });
	});
});

describe('document kinds by name', () => {
	it.each([
		['kommune/032520006006/profile', 'profile'],
		['kommune/032520006006/check/r1/shared', 'check-shared'],
		['kommune/032520006006/check/r1/respondent/x', 'check-respondent'],
		['kommune/032520006006/workshop/w1/control', 'workshop-control'],
		['kommune/032520006006/workshop/w1/board', 'workshop-board'],
		['kommune/032520006006/workshop/w1/private/p1', 'workshop-private']
	])('%s is a %s document', (name, kind) => {
		expect(schemaForDocument(name)?.kind).toBe(kind);
	});

	it('knows no kind for another name', () => {
		expect(schemaForDocument('kommune/032520006006/other')).toBeNull();
		expect(schemaForDocument('elsewhere/profile')).toBeNull();
	});
});

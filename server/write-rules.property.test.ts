// Property test of the board's write rules (server/SPEC.md W1–W14) against a real server: random
// sequences of what a participant may do are never refused and all reach the server; random forged
// operations are always refused and leave the server's document, in memory and as stored,
// byte-identical.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshotCovers } from '../src/lib/crdt/durable-snapshot';
import { deleteRecord } from '../src/lib/crdt/field-records';
import { ROOT_KEYS } from '../src/lib/crdt/schema';
import {
	addCard,
	addCluster,
	editCardText,
	moveCard,
	readCards,
	setCardsRemoved,
	setMergedInto
} from '../src/lib/crdt/workshop-cards';
import { checkInParticipant } from '../src/lib/crdt/workshop-doc';
import { writeScore } from '../src/lib/crdt/workshop-matrix';
import { addNote, editNote, readNotes, removeNote } from '../src/lib/crdt/workshop-notes';
import type { NoteKind } from '../src/lib/domain/workshop/notes';
import { giveDot, readVotes, withdrawDot } from '../src/lib/crdt/workshop-votes';
import { addActionField } from '../src/lib/crdt/workshop-action-fields';
import {
	addMeasure,
	addStatusChange,
	editMeasure,
	readMeasures,
	setMeasureRemoved,
	type NewMeasure
} from '../src/lib/crdt/workshop-measures';
import { measureFixture } from '../src/lib/crdt/workshop-measures.fixture';
import { MEASURE_STATUSES } from '../src/lib/domain/measures/measure';
import type { Card } from '../src/lib/domain/workshop/cards';
import { orderAtEnd } from '../src/lib/domain/workshop/ordering';
import { ERROR_CODES } from '../src/lib/contract/protocol';
import { startTestServer, type TestServer } from './test/test-server';
import {
	openRoom,
	ROOM_BOARD,
	storedBoardBytes,
	writeStored,
	type Room,
	type RoomClient,
	until
} from './test/workshop-room';
import { connectSyncClient } from './test/sync-client';

const BLOCK = 'block-1';
const TEXTS = ['Akten auf Papier', 'Kein WLAN', 'Formulare als PDF', 'Ämter weit weg'];

let test: TestServer;
let room: Room;
let anna: RoomClient;
let bernd: RoomClient;
let annaToken: string;
const cleanups: Array<() => unknown> = [];
let serial = 0;
const fresh = (prefix: string) => `${prefix}-${++serial}`;

const newCard = (authorId: string, text: string, doc: Y.Doc): Card => ({
	id: fresh('card'),
	blockId: BLOCK,
	authorId,
	text,
	order: orderAtEnd(readCards(doc).cards).order,
	clusterId: null,
	mergedInto: null,
	createdAt: Date.now()
});

const newMeasure = (authorId: string, title: string, doc: Y.Doc): NewMeasure =>
	measureFixture({
		id: fresh('measure'),
		actionFieldId: 'hf-1',
		title,
		dimensions: ['prozesse'],
		order: orderAtEnd(readMeasures(doc).measures).order,
		authorId,
		createdAt: Date.now()
	});

const note = (authorId: string, kind: NoteKind, text: string) => ({
	id: fresh('note'),
	blockId: BLOCK,
	kind,
	text,
	authorId,
	createdAt: Date.now()
});

beforeAll(async () => {
	test = await startTestServer();
	cleanups.push(() => test.close());
	room = await openRoom(test, ['Anna', 'Bernd'], (cleanup) => cleanups.push(cleanup));
	[anna, bernd] = room.participants as [RoomClient, RoomClient];
	annaToken = (anna.provider.configuration as { token: string }).token;
	// What others wrote: the facilitator's card, group, Handlungsfeld and decision; Bernd's entry,
	// card, dot, score, parking note, measure and its status.
	await writeStored(room.facilitator, (doc) => {
		addCard(doc, newCard('moderation', 'Von der Moderation', doc));
		addCluster(doc, { id: 'cl-1', blockId: BLOCK, name: 'Technik', order: 'a0' });
		addActionField(doc, {
			id: 'hf-1',
			title: 'Digitale Akte',
			dimensions: ['prozesse'],
			order: 'a0',
			createdAt: 1
		});
		addNote(doc, note('moderation', 'decision', 'Beschlossen'));
	});
	await writeStored(bernd, (doc) => {
		checkInParticipant(doc, bernd.sub, 'Bernd');
		addCard(doc, newCard(bernd.sub, 'Von Bernd', doc));
		giveDot(doc, {
			participantId: bernd.sub,
			itemId: 'card-1',
			dotId: 'bd-1',
			blockId: BLOCK,
			createdAt: 5
		});
		writeScore(doc, { participantId: bernd.sub, itemId: 'card-1', axis: 'impact' }, 3);
		addNote(doc, note(bernd.sub, 'parking', 'Später'));
		const measure = { ...newMeasure(bernd.sub, 'Von Bernd', doc), id: 'bm-1' };
		addMeasure(doc, measure);
		addStatusChange(doc, {
			id: 'bs-1',
			measureId: measure.id,
			status: 'in_arbeit',
			by: bernd.sub,
			byName: 'Bernd',
			at: 5
		});
	});
	await until(() => readCards(anna.doc).cards.length === 2, 'Anna to see both cards');
});

afterAll(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup();
});

type Operation = (doc: Y.Doc, me: string) => void;

const pick = <T>(items: readonly T[], index: number): T | undefined =>
	items.length === 0 ? undefined : items[index % items.length];

const ownCards = (doc: Y.Doc, me: string) =>
	readFieldIds(doc, ROOT_KEYS.cards).filter(
		(id) => doc.getMap(ROOT_KEYS.cards).get(`${id}/authorId`) === me
	);
const readFieldIds = (doc: Y.Doc, root: string) =>
	[...new Set([...doc.getMap(root).keys()].map((key) => key.split('/')[0]!))].sort();

/** Everything a participant's app may do on the board (W4–W10, W13, W14). */
const legitimate: fc.Arbitrary<Operation> = fc.oneof(
	fc.constantFrom(...TEXTS).map(
		(name): Operation =>
			(doc, me) =>
				checkInParticipant(doc, me, name)
	),
	fc.constantFrom(...TEXTS).map(
		(text): Operation =>
			(doc, me) =>
				addCard(doc, newCard(me, text, doc))
	),
	fc.tuple(fc.nat(), fc.constantFrom(...TEXTS)).map(([i, text]): Operation => (doc, me) => {
		const id = pick(ownCards(doc, me), i);
		if (id) editCardText(doc, id, text);
	}),
	fc.tuple(fc.nat(), fc.boolean()).map(([i, removed]): Operation => (doc, me) => {
		const id = pick(ownCards(doc, me), i);
		if (id) setCardsRemoved(doc, [id], removed);
	}),
	fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Operation => (doc, me) => {
		const own = ownCards(doc, me);
		const id = pick(own, i);
		const into = pick(readCards(doc).cards, j);
		if (id && into && into.id !== id) setMergedInto(doc, id, into.id);
	}),
	// Any card is moved within its group (W7).
	fc
		.tuple(fc.nat(), fc.constantFrom('a1', 'a2', 'a3', 'Zz'))
		.map(([i, order]): Operation => (doc) => {
			const card = pick(readCards(doc).cards, i);
			if (card) moveCard(doc, card.id, { clusterId: card.clusterId, order });
		}),
	fc.tuple(fc.nat(), fc.nat({ max: 1_000 })).map(([i, at]): Operation => (doc, me) => {
		const item = pick(readCards(doc).cards, i);
		if (item)
			giveDot(doc, {
				participantId: me,
				itemId: item.id,
				dotId: fresh('dot'),
				blockId: BLOCK,
				createdAt: at
			});
	}),
	fc.nat().map((i): Operation => (doc, me) => {
		const dot = pick(
			readVotes(doc).votes.filter((v) => v.participantId === me),
			i
		);
		if (dot) withdrawDot(doc, dot);
	}),
	fc
		.tuple(
			fc.nat(),
			fc.constantFrom('impact' as const, 'effort' as const),
			fc.constantFrom(1, 2, 3, 4, 5, null)
		)
		.map(([i, axis, value]): Operation => (doc, me) => {
			const item = pick(readCards(doc).cards, i);
			if (item) writeScore(doc, { participantId: me, itemId: item.id, axis }, value);
		}),
	fc.constantFrom(...TEXTS).map(
		(text): Operation =>
			(doc, me) =>
				addNote(doc, note(me, 'parking', text))
	),
	fc
		.tuple(fc.nat(), fc.constantFrom(...TEXTS), fc.boolean())
		.map(([i, text, remove]): Operation => (doc, me) => {
			const own = pick(
				readNotes(doc).filter((n) => n.authorId === me),
				i
			);
			if (own && remove) removeNote(doc, own.id);
			else if (own) editNote(doc, own.id, text);
		}),
	fc.constantFrom(...TEXTS).map(
		(title): Operation =>
			(doc, me) =>
				addMeasure(doc, newMeasure(me, title, doc))
	),
	// Any measure's fields, whoever wrote it (W13).
	fc
		.tuple(fc.nat(), fc.constantFrom(...TEXTS), fc.constantFrom('2027-Q3', '2028-01-31', null))
		.map(([i, owner, due]): Operation => (doc) => {
			const measure = pick(readMeasures(doc).measures, i);
			if (measure)
				editMeasure(doc, measure.id, { owner, due, dependsOn: { 'bm-1': measure.id !== 'bm-1' } });
		}),
	fc.tuple(fc.nat(), fc.boolean()).map(([i, removed]): Operation => (doc, me) => {
		const { measures, removed: gone } = readMeasures(doc);
		const own = pick(
			[...measures, ...gone].filter((m) => m.authorId === me),
			i
		);
		if (own) setMeasureRemoved(doc, own.id, removed);
	}),
	// Undoing one's own creation deletes every key of the measure.
	fc.nat().map((i): Operation => (doc, me) => {
		const own = pick(
			readMeasures(doc).measures.filter((m) => m.authorId === me),
			i
		);
		if (own) doc.transact(() => deleteRecord(doc.getMap(ROOT_KEYS.measures), own.id));
	}),
	fc
		.tuple(fc.nat(), fc.constantFrom(...MEASURE_STATUSES))
		.map(([i, status]): Operation => (doc, me) => {
			const measure = pick(readMeasures(doc).measures, i);
			if (measure)
				addStatusChange(doc, {
					id: fresh('status'),
					measureId: measure.id,
					status,
					by: me,
					byName: 'Anna',
					at: Date.now()
				});
		})
);

const BERND = () => bernd.sub;
const berndsCard = (doc: Y.Doc) => readCards(doc).cards.find((c) => c.authorId === BERND())!;

/** One forged operation per rule it breaks (W2–W12), each with a few variants. */
const forged: fc.Arbitrary<Operation> = fc.oneof(
	fc.constantFrom<Operation>(
		(doc) =>
			giveDot(doc, {
				participantId: BERND(),
				itemId: 'x',
				dotId: fresh('dot'),
				blockId: BLOCK,
				createdAt: 0
			}),
		(doc) =>
			withdrawDot(doc, {
				participantId: BERND(),
				itemId: 'card-1',
				dotId: 'bd-1',
				blockId: BLOCK,
				createdAt: 5
			}),
		(doc, me) =>
			doc
				.getMap(ROOT_KEYS.votes)
				.set(`${me}/x/${fresh('d')}`, { blockId: BLOCK, createdAt: 1, weight: 9 }),
		(doc) => writeScore(doc, { participantId: BERND(), itemId: 'card-1', axis: 'impact' }, 5),
		(doc) => writeScore(doc, { participantId: BERND(), itemId: 'card-1', axis: 'impact' }, null),
		(doc, me) => doc.getMap(ROOT_KEYS.matrix).set(`${me}/card-1/impact`, 6),
		(doc) => addCard(doc, newCard(BERND(), 'Gefälscht', doc)),
		(doc) => editCardText(doc, berndsCard(doc).id, 'Umgeschrieben'),
		(doc) => setCardsRemoved(doc, [berndsCard(doc).id], true),
		(doc) => setMergedInto(doc, berndsCard(doc).id, 'card-1'),
		(doc) => moveCard(doc, berndsCard(doc).id, { clusterId: 'cl-1', order: 'a5' }),
		(doc) => doc.transact(() => deleteRecord(doc.getMap(ROOT_KEYS.cards), berndsCard(doc).id)),
		(doc, me) => doc.getMap(ROOT_KEYS.cards).set(`${berndsCard(doc).id}/authorId`, me),
		(doc, me) => doc.getMap(ROOT_KEYS.cards).set(`${fresh('c')}/text`, `von ${me}`),
		(doc) => addNote(doc, note('moderation', 'decision', 'Gefälscht')),
		(doc, me) => addNote(doc, note(me, 'decision', 'Eigener Beschluss')),
		(doc, me) => addNote(doc, note(me, 'protocol', 'Protokoll')),
		(doc) => removeNote(doc, readNotes(doc).find((n) => n.authorId === BERND())!.id),
		(doc) => checkInParticipant(doc, BERND(), 'Bernd ist raus'),
		(doc) => doc.getMap(ROOT_KEYS.participants).delete(BERND()),
		(doc) => checkInParticipant(doc, fresh('fake'), 'Niemand', 0),
		(doc, me) => doc.getMap(ROOT_KEYS.participants).set(me, { name: '', joinedAt: 1 }),
		(doc, me) => doc.getMap(ROOT_KEYS.participants).set(me, { name: 'A'.repeat(81), joinedAt: 1 }),
		(doc, me) => doc.getMap(ROOT_KEYS.participants).set(me, { name: 'Anna\u0007', joinedAt: 1 }),
		(doc, me) =>
			doc.getMap(ROOT_KEYS.participants).set(me, { name: 'Anna', joinedAt: 1, role: 'moderation' }),
		(doc) => addCluster(doc, { id: fresh('cl'), blockId: BLOCK, name: 'Meine', order: 'a1' }),
		(doc) => doc.getMap(ROOT_KEYS.clusters).set('cl-1/name', 'Umbenannt'),
		(doc) => doc.getMap(ROOT_KEYS.actionFields).set('hf-1/removed', true),
		(doc) => doc.getMap(ROOT_KEYS.actionFieldLinks).set('hf-1/card-1', true),
		(doc) => doc.getMap(ROOT_KEYS.cardPhases).set(BLOCK, 'revealed'),
		(doc) => doc.getMap(ROOT_KEYS.meta).set('owner', 'anna'),
		(doc) => doc.getMap(ROOT_KEYS.cards).set(`${fresh('c')}/text`, new Y.Map()),
		(doc) => addMeasure(doc, newMeasure(BERND(), 'Gefälscht', doc)),
		(doc) => setMeasureRemoved(doc, 'bm-1', true),
		(doc) => doc.transact(() => deleteRecord(doc.getMap(ROOT_KEYS.measures), 'bm-1')),
		(doc, me) => doc.getMap(ROOT_KEYS.measures).set('bm-1/authorId', me),
		(doc) => doc.getMap(ROOT_KEYS.measures).set('bm-1/due', '2027-Q5'),
		(doc) => doc.getMap(ROOT_KEYS.measures).set('bm-1/rating', 5),
		(doc, me) =>
			addStatusChange(doc, {
				id: fresh('status'),
				measureId: 'bm-1',
				status: 'umgesetzt',
				by: me === BERND() ? 'moderation' : BERND(),
				byName: 'Bernd',
				at: 1
			}),
		(doc) => doc.getMap(ROOT_KEYS.measureStatus).delete('bm-1/bs-1'),
		(doc, me) =>
			doc
				.getMap(ROOT_KEYS.measureStatus)
				.set('bm-1/bs-1', { status: 'geplant', by: me, byName: 'Anna', at: 1 }),
		(doc) => doc.getText('t').insert(0, 'frei'),
		(doc) => doc.getArray(ROOT_KEYS.cards + 'List').push(['x'])
	),
	// A forgery hidden among legitimate changes in the same update is refused with them.
	fc
		.tuple(
			legitimate,
			fc.constantFrom<Operation>(
				(doc) =>
					giveDot(doc, {
						participantId: BERND(),
						itemId: 'y',
						dotId: fresh('dot'),
						blockId: BLOCK,
						createdAt: 0
					}),
				(doc) => editCardText(doc, berndsCard(doc).id, 'Mitgeschmuggelt')
			)
		)
		.map(
			([ok, bad]): Operation =>
				(doc, me) =>
					doc.transact(() => {
						ok(doc, me);
						bad(doc, me);
					})
		)
);

const serverBytes = () =>
	Y.encodeStateAsUpdateV2(test.server.hocuspocus.documents.get(ROOM_BOARD)!);

describe('the board’s write rules, property-based, on a real server', () => {
	it('random sequences of a participant’s legitimate operations are never refused and all reach the server', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(legitimate, { minLength: 1, maxLength: 8 }), async (operations) => {
				await writeStored(anna, (doc) => {
					for (const operation of operations) operation(doc, anna.sub);
				});
				expect(anna.closeReasons).toEqual([]);
				const server = test.server.hocuspocus.documents.get(ROOM_BOARD)!;
				expect(snapshotCovers(Y.encodeSnapshotV2(Y.snapshot(server)), anna.doc)).toBe(true);
			}),
			{ numRuns: 40 }
		);
	}, 120_000);

	it('random forged operations are always refused and leave the document byte-identical, in memory and stored', async () => {
		await fc.assert(
			fc.asyncProperty(forged, async (operation) => {
				// A fresh connection of Anna's device each time: a refusal closes the document's connection.
				const attacker = connectSyncClient({
					url: test.syncUrl,
					name: ROOM_BOARD,
					token: annaToken
				});
				const reasons: string[] = [];
				attacker.provider.on('close', ({ event }: { event: { reason?: string } }) => {
					if (event.reason) reasons.push(event.reason);
				});
				try {
					await expect.poll(() => attacker.state.synced).toBe(true);
					const memory = serverBytes();
					const stored = await storedBoardBytes(test);
					operation(attacker.doc, anna.sub);
					await expect.poll(() => reasons).toContain(ERROR_CODES.writeRefused);
					expect(serverBytes()).toEqual(memory);
					expect(await storedBoardBytes(test)).toEqual(stored);
				} finally {
					attacker.destroy();
				}
			}),
			{ numRuns: 40 }
		);
	}, 120_000);
});

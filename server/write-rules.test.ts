// The forgery suite (server/SPEC.md W1–W15, ADR 15, ADR 17, ADR 20): participants who joined with a real join code
// attack a real server's workshop board the way issue 17 found possible, each attack its own test,
// asserted on the SQLite file after the store acknowledgement of a later legitimate write.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_VOTING_RULES, countedVotes } from '../src/lib/domain/workshop/votes';
import { orderAtEnd } from '../src/lib/domain/workshop/ordering';
import type { Card } from '../src/lib/domain/workshop/cards';
import { deleteRecord } from '../src/lib/crdt/field-records';
import { personalUndo, undoLast, writeOwn } from '../src/lib/crdt/personal-undo';
import { ROOT_KEYS } from '../src/lib/crdt/schema';
import {
	addCard,
	addCluster,
	editCardText,
	moveCard,
	readCards,
	readClusters,
	setCardsRemoved
} from '../src/lib/crdt/workshop-cards';
import { checkInParticipant, readRoster } from '../src/lib/crdt/workshop-doc';
import { readMatrix, writeScore } from '../src/lib/crdt/workshop-matrix';
import { addNote, readNotes } from '../src/lib/crdt/workshop-notes';
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
import {
	addPhoto,
	readPhotos,
	removePhoto,
	setPhotoCaption
} from '../src/lib/crdt/workshop-photos';
import type { Photo } from '../src/lib/domain/photos/photo';
import { measureFixture } from '../src/lib/crdt/workshop-measures.fixture';
import { readRemoved, restoreRemoved } from '../src/lib/crdt/workshop-removed';
import { useCleanup } from './test/cleanup';
import { startTestServer, type TestServer } from './test/test-server';
import {
	openRoom,
	ROOM_BOARD,
	storedBoard,
	storedBoardBytes,
	writeRefused,
	writeStored,
	type Room,
	type RoomClient
} from './test/workshop-room';

const defer = useCleanup();
const BLOCK = 'block-1';

/** A server with a workshop room: the facilitator, Anna and Bernd, joined by code. */
async function workshop(): Promise<{
	test: TestServer;
	room: Room;
	anna: RoomClient;
	bernd: RoomClient;
}> {
	const test = await startTestServer();
	defer(() => test.close());
	const room = await openRoom(test, ['Anna', 'Bernd'], defer);
	const [anna, bernd] = room.participants as [RoomClient, RoomClient];
	return { test, room, anna, bernd };
}

let cardCount = 0;
const card = (authorId: string, text: string): Card => ({
	id: `card-${++cardCount}`,
	blockId: BLOCK,
	authorId,
	text,
	order: orderAtEnd([]).order,
	clusterId: null,
	mergedInto: null,
	createdAt: 1_000
});

const dot = (participantId: string, itemId: string, dotId: string, createdAt: number) => ({
	participantId,
	itemId,
	dotId,
	blockId: BLOCK,
	createdAt
});

describe('a participant cannot forge, rewrite or erase what others wrote on the board', () => {
	it('a dot under another participant’s id is refused, and the victim’s own dot still counts (W9)', async () => {
		const { test, anna, bernd } = await workshop();
		await writeStored(bernd, (doc) => giveDot(doc, dot(bernd.sub, 'item-b', 'd-1', 5_000)));

		// An earlier dot under Bernd's id would use up his one dot: the count would drop his real one.
		await writeRefused(anna, (doc) => giveDot(doc, dot(bernd.sub, 'item-a', 'forged', 0)));
		await writeStored(bernd, (doc) => checkInParticipant(doc, bernd.sub, 'Bernd'));

		const stored = await storedBoard(test);
		expect([...readVotes(stored).keys]).toEqual([`${bernd.sub}/item-b/d-1`]);
		const rules = { ...DEFAULT_VOTING_RULES, dotsPerPerson: 1 };
		expect(countedVotes(readVotes(stored).votes, rules).map((v) => v.itemId)).toEqual(['item-b']);
	});

	it('a matrix score under another participant’s id is refused (W10)', async () => {
		const { test, anna, bernd } = await workshop();
		await writeStored(bernd, (doc) =>
			writeScore(doc, { participantId: bernd.sub, itemId: 'item-b', axis: 'impact' }, 2)
		);
		await writeRefused(anna, (doc) =>
			writeScore(doc, { participantId: bernd.sub, itemId: 'item-b', axis: 'impact' }, 5)
		);
		await writeStored(bernd, (doc) => checkInParticipant(doc, bernd.sub, 'Bernd'));
		expect(readMatrix(await storedBoard(test)).scores).toEqual([
			{ participantId: bernd.sub, itemId: 'item-b', impact: 2, effort: null }
		]);
	});

	it('a card under another author is refused (W6)', async () => {
		const { test, anna, bernd } = await workshop();
		await writeRefused(anna, (doc) => addCard(doc, card(bernd.sub, 'Bernd findet alles gut')));
		await writeStored(bernd, (doc) => addCard(doc, card(bernd.sub, 'Papierakten')));
		expect(readCards(await storedBoard(test)).cards.map((c) => [c.authorId, c.text])).toEqual([
			[bernd.sub, 'Papierakten']
		]);
	});

	it('rewriting the text of another participant’s card is refused (W6)', async () => {
		const { test, anna, bernd } = await workshop();
		const bernds = card(bernd.sub, 'Kein WLAN im Ratssaal');
		await writeStored(bernd, (doc) => addCard(doc, bernds));
		await expect.poll(() => readCards(anna.doc).cards.length).toBe(1);
		await writeRefused(anna, (doc) => editCardText(doc, bernds.id, 'WLAN ist super'));
		await writeStored(bernd, (doc) => checkInParticipant(doc, bernd.sub, 'Bernd'));
		expect(readCards(await storedBoard(test)).cards.map((c) => c.text)).toEqual([
			'Kein WLAN im Ratssaal'
		]);
	});

	it('removing another participant’s card, by its flag or by deleting its record, is refused (W6, W3)', async () => {
		const { test, room, anna, bernd } = await workshop();
		const bernds = card(bernd.sub, 'Formulare nur als PDF');
		await writeStored(bernd, (doc) => addCard(doc, bernds));
		await expect.poll(() => readCards(anna.doc).cards.length).toBe(1);
		await writeRefused(anna, (doc) => setCardsRemoved(doc, [bernds.id], true));

		const carla = await room.join('Carla');
		await writeRefused(carla, (doc) =>
			doc.transact(() => deleteRecord(doc.getMap(ROOT_KEYS.cards), bernds.id))
		);
		await writeStored(bernd, (doc) => checkInParticipant(doc, bernd.sub, 'Bernd'));
		const stored = readCards(await storedBoard(test));
		expect(stored.cards.map((c) => c.text)).toEqual(['Formulare nur als PDF']);
		expect(stored.removedIds).toEqual([]);
	});

	it('a decision under the facilitator’s id is refused, and so is one under the participant’s own (W8)', async () => {
		const { test, room, anna, bernd } = await workshop();
		const note = {
			id: 'note-1',
			blockId: BLOCK,
			kind: 'decision' as const,
			text: 'Beschlossen: alles bleibt',
			authorId: 'moderation',
			createdAt: 1_000
		};
		await writeRefused(anna, (doc) => addNote(doc, note));
		await writeRefused(bernd, (doc) =>
			addNote(doc, { ...note, id: 'note-2', authorId: bernd.sub })
		);
		await writeStored(room.facilitator, (doc) =>
			checkInParticipant(doc, 'moderation', 'Moderation')
		);
		expect(readNotes(await storedBoard(test))).toEqual([]);
	});

	it('renaming another participant in the roster is refused (W5)', async () => {
		const { test, anna, bernd } = await workshop();
		await writeStored(bernd, (doc) => checkInParticipant(doc, bernd.sub, 'Bernd', 2_000));
		await expect.poll(() => readRoster(anna.doc).length).toBe(1);
		await writeRefused(anna, (doc) => checkInParticipant(doc, bernd.sub, 'Bernd ist raus'));
		await writeStored(bernd, (doc) =>
			writeScore(doc, { participantId: bernd.sub, itemId: 'i', axis: 'effort' }, 3)
		);
		expect(readRoster(await storedBoard(test))).toEqual([
			{ participantId: bernd.sub, name: 'Bernd', joinedAt: 2_000 }
		]);
	});

	it('5,000 fake roster ids with joinedAt 0 are refused, so real participants stay first in the roster (W5)', async () => {
		const { test, anna, bernd } = await workshop();
		await writeStored(bernd, (doc) => checkInParticipant(doc, bernd.sub, 'Bernd', 2_000));
		await writeRefused(anna, (doc) =>
			doc.transact(() => {
				const roster = doc.getMap(ROOT_KEYS.participants);
				for (let i = 0; i < 5_000; i++) roster.set(`fake-${i}`, { name: `Fake ${i}`, joinedAt: 0 });
			})
		);
		await writeStored(bernd, (doc) =>
			writeScore(doc, { participantId: bernd.sub, itemId: 'i', axis: 'effort' }, 3)
		);
		expect(readRoster(await storedBoard(test)).map((e) => e.participantId)).toEqual([bernd.sub]);
	});

	it('groups, Handlungsfelder, roots that are no part of a board and nested types are the facilitator’s or nobody’s (W11, W12, W2)', async () => {
		const { test, room } = await workshop();
		const attacks: Array<(doc: Y.Doc) => void> = [
			(doc) => addCluster(doc, { id: 'cl-1', blockId: BLOCK, name: 'Meine Gruppe', order: 'a0' }),
			(doc) =>
				addActionField(doc, {
					id: 'hf-1',
					title: 'Digitale Akte',
					dimensions: ['prozesse'],
					order: 'a0',
					createdAt: 1
				}),
			(doc) => doc.getMap('cardPhases').set(BLOCK, 'revealed'),
			(doc) => doc.getMap(ROOT_KEYS.cards).set('card-x/text', new Y.Map())
		];
		for (const attack of attacks) {
			const attacker = await room.join('Angreifer');
			await writeRefused(attacker, attack);
		}
		await writeStored(room.facilitator, (doc) =>
			checkInParticipant(doc, 'moderation', 'Moderation')
		);
		const stored = await storedBoard(test);
		expect(readClusters(stored)).toEqual([]);
		expect([...stored.getMap('cardPhases').keys()]).toEqual([]);
		expect(stored.getMap(ROOT_KEYS.actionFields).size).toBe(0);
		expect(stored.getMap(ROOT_KEYS.cards).size).toBe(0);
	});
});

let measureCount = 0;
const measure = (authorId: string, title: string): NewMeasure =>
	measureFixture({
		id: `measure-${++measureCount}`,
		actionFieldId: 'hf-1',
		title,
		order: `a${measureCount}`,
		authorId,
		createdAt: 1_000
	});

const status = (measureId: string, id: string, by: string, byName: string) => ({
	id,
	measureId,
	status: 'in_arbeit' as const,
	by,
	byName,
	at: 2_000
});

describe('measures: participants write them together, but only as themselves (W13, W14)', () => {
	it('a measure under another participant’s id, removing another’s measure or rewriting its author is refused, and the stored board stays byte-identical (W13, W3)', async () => {
		const { test, room, anna, bernd } = await workshop();
		const bernds = measure(bernd.sub, 'E-Akte einführen');
		await writeStored(bernd, (doc) => addMeasure(doc, bernds));
		await expect.poll(() => readMeasures(anna.doc).measures.length).toBe(1);
		const memory = Y.encodeStateAsUpdateV2(test.server.hocuspocus.documents.get(ROOM_BOARD)!);
		const stored = await storedBoardBytes(test);

		await writeRefused(anna, (doc) => addMeasure(doc, measure(bernd.sub, 'Untergeschoben')));
		const attacks: Array<(doc: Y.Doc) => void> = [
			(doc) => setMeasureRemoved(doc, bernds.id, true),
			(doc) => doc.getMap(ROOT_KEYS.measures).set(`${bernds.id}/authorId`, 'anna'),
			(doc) => doc.getMap(ROOT_KEYS.measures).delete(`${bernds.id}/authorId`)
		];
		for (const attack of attacks) await writeRefused(await room.join('Angreifer'), attack);

		expect(Y.encodeStateAsUpdateV2(test.server.hocuspocus.documents.get(ROOM_BOARD)!)).toEqual(
			memory
		);
		expect(await storedBoardBytes(test)).toEqual(stored);
		expect(
			readMeasures(await storedBoard(test)).measures.map((m) => [m.authorId, m.title])
		).toEqual([[bernd.sub, 'E-Akte einführen']]);
	});

	it('a status change under another id, or one that overwrites or deletes an entry, is refused; the history stays (W14, W3)', async () => {
		const { test, room, anna, bernd } = await workshop();
		const bernds = measure(bernd.sub, 'WLAN im Rathaus');
		await writeStored(bernd, (doc) => {
			addMeasure(doc, bernds);
			addStatusChange(doc, status(bernds.id, 's-1', bernd.sub, 'Bernd'));
		});
		await expect.poll(() => readMeasures(anna.doc).changes.length).toBe(1);
		const key = `${bernds.id}/s-1`;

		await writeRefused(anna, (doc) =>
			addStatusChange(doc, status(bernds.id, 's-2', bernd.sub, 'Bernd'))
		);
		const attacks: Array<(doc: Y.Doc) => void> = [
			(doc) => addStatusChange(doc, status(bernds.id, 's-3', 'moderation', 'Moderation')),
			(doc) =>
				doc.getMap(ROOT_KEYS.measureStatus).set(key, {
					status: 'umgesetzt',
					by: bernd.sub,
					byName: 'Bernd',
					at: 2_000
				}),
			(doc) => doc.getMap(ROOT_KEYS.measureStatus).delete(key)
		];
		for (const attack of attacks) await writeRefused(await room.join('Angreifer'), attack);
		await writeStored(bernd, (doc) => checkInParticipant(doc, bernd.sub, 'Bernd'));

		const { changes, measures } = readMeasures(await storedBoard(test));
		expect(changes.map((c) => [c.id, c.by, c.status])).toEqual([['s-1', bernd.sub, 'in_arbeit']]);
		expect(measures[0]!.status).toBe('in_arbeit');
	});

	it('a measure field in a shape the app never writes is refused (W13)', async () => {
		const { test, room, anna } = await workshop();
		const annas = measure(anna.sub, 'Bürgerportal');
		await writeStored(anna, (doc) => addMeasure(doc, annas));
		const attacks: Array<(doc: Y.Doc) => void> = [
			(doc) => doc.getMap(ROOT_KEYS.measures).set(`${annas.id}/title`, ''),
			(doc) => doc.getMap(ROOT_KEYS.measures).set(`${annas.id}/due`, '2027-Q5'),
			(doc) => doc.getMap(ROOT_KEYS.measures).set(`${annas.id}/owner`, 'x'.repeat(81)),
			(doc) => doc.getMap(ROOT_KEYS.measures).set(`${annas.id}/budgetEur`, 12.5),
			(doc) => doc.getMap(ROOT_KEYS.measures).set(`${annas.id}/dep.other`, 'yes'),
			(doc) => doc.getMap(ROOT_KEYS.measures).set(`${annas.id}/ikz.123`, true),
			(doc) => doc.getMap(ROOT_KEYS.measures).set(`${annas.id}/priority`, 1)
		];
		for (const attack of attacks) await writeRefused(await room.join('Angreifer'), attack);
		await writeStored(anna, (doc) => checkInParticipant(doc, anna.sub, 'Anna'));

		expect(readMeasures(await storedBoard(test)).measures).toEqual([
			{ ...annas, status: 'geplant' }
		]);
	});

	it('a field named like a built-in of every object (constructor, toString, valueOf) is no field: refused on one’s own card, measure and photo, the board byte-identical (W6, W13, W15)', async () => {
		const { test, room } = await workshop();
		const attacks: Array<(doc: Y.Doc, sub: string) => void> = [
			(doc, sub) => {
				const own = card(sub, 'Eigene Karte');
				addCard(doc, own);
				doc.getMap(ROOT_KEYS.cards).set(`${own.id}/constructor`, 'x');
			},
			(doc, sub) => {
				const own = measureFixture({
					id: 'measure-own',
					actionFieldId: 'hf-1',
					title: 'Eigene Maßnahme',
					order: 'a0',
					authorId: sub
				});
				addMeasure(doc, own);
				doc.getMap(ROOT_KEYS.measures).set(`${own.id}/toString`, 'x');
			},
			(doc, sub) => {
				addPhoto(doc, photo(`ph-${sub.slice(0, 8)}`, sub));
				doc.getMap(ROOT_KEYS.photos).set(`ph-${sub.slice(0, 8)}/valueOf`, 'x');
			}
		];
		const stored = await storedBoardBytes(test);
		for (const attack of attacks) {
			const attacker = await room.join('Angreifer');
			await writeRefused(attacker, (doc) => doc.transact(() => attack(doc, attacker.sub)));
		}
		expect(await storedBoardBytes(test)).toEqual(stored);
	});

	it('adding, editing anyone’s measure, moving, removing and restoring one’s own, undoing its creation and setting a status are stored (W13, W14)', async () => {
		const { test, room, anna, bernd } = await workshop();
		const facilitators = measure('moderation', 'Netz ausbauen');
		await writeStored(room.facilitator, (doc) => addMeasure(doc, facilitators));
		await expect.poll(() => readMeasures(anna.doc).measures.length).toBe(1);
		const annas = {
			...measure(anna.sub, 'E-Akte einführen'),
			owner: 'Hauptamt',
			start: '2027-Q1',
			due: '2027-09-30',
			budgetEur: 12_500,
			staffDays: 2.5,
			dimensions: ['prozesse' as const],
			ikzPartners: ['091620000000'],
			dependsOn: [facilitators.id],
			sources: [{ kind: 'matrix' as const, itemId: 'card-1' }],
			quickWin: true
		};

		await writeStored(anna, (doc) => addMeasure(doc, annas));
		await writeStored(anna, (doc) =>
			editMeasure(doc, facilitators.id, { owner: 'Bauamt', due: '2027-Q4', dependsOn: {} })
		);
		await writeStored(anna, (doc) =>
			editMeasure(doc, annas.id, { order: 'a0', dependsOn: { [facilitators.id]: false } }, [
				{ id: facilitators.id, order: 'a1' }
			])
		);
		await writeStored(anna, (doc) => setMeasureRemoved(doc, annas.id, true));
		await writeStored(anna, (doc) => setMeasureRemoved(doc, annas.id, false));
		// Undoing one's own creation deletes every key of it, the author's too.
		const undo = personalUndo(anna.doc, [ROOT_KEYS.measures]);
		const undone = measure(anna.sub, 'Doch nicht');
		await writeStored(anna, (doc) => writeOwn(doc, 'add', (d) => addMeasure(d, undone)));
		await writeStored(anna, () => void undoLast(undo));
		await writeStored(anna, (doc) =>
			addStatusChange(doc, status(facilitators.id, 's-1', anna.sub, 'Anna'))
		);
		await expect.poll(() => readMeasures(bernd.doc).changes.length).toBe(1);
		await writeStored(bernd, (doc) =>
			editMeasure(doc, annas.id, { title: 'E-Akte im Bauamt', due: null })
		);

		expect([anna.closeReasons, bernd.closeReasons]).toEqual([[], []]);
		const stored = readMeasures(await storedBoard(test));
		const byTitle = stored.measures.map((m) => [m.title, m.owner, m.due, m.order, m.status]).sort();
		expect(byTitle).toEqual([
			['E-Akte im Bauamt', 'Hauptamt', null, 'a0', 'geplant'],
			['Netz ausbauen', 'Bauamt', '2027-Q4', 'a1', 'in_arbeit']
		]);
	});
});

describe('everything a participant does on the board still passes', () => {
	it('check-in, own cards (add, edit, remove, restore), dots given and taken back, scores set and cleared, a parking note and moving any card are stored (W4–W10)', async () => {
		const { test, room, anna, bernd } = await workshop();
		const facilitators = card('moderation', 'Von der Moderation');
		await writeStored(room.facilitator, (doc) => addCard(doc, facilitators));
		const annas = card(anna.sub, 'Akten nur auf Papier');
		await expect.poll(() => readCards(anna.doc).cards.length).toBe(1);

		await writeStored(anna, (doc) => checkInParticipant(doc, anna.sub, 'Anna'));
		await writeStored(anna, (doc) => checkInParticipant(doc, anna.sub, 'Anna B.'));
		await writeStored(anna, (doc) => addCard(doc, annas));
		await writeStored(anna, (doc) => editCardText(doc, annas.id, 'Akten auf Papier'));
		await writeStored(anna, (doc) => setCardsRemoved(doc, [annas.id], true));
		await writeStored(anna, (doc) => setCardsRemoved(doc, [annas.id], false));
		await writeStored(anna, (doc) => giveDot(doc, dot(anna.sub, facilitators.id, 'd-1', 10)));
		await writeStored(anna, (doc) => withdrawDot(doc, dot(anna.sub, facilitators.id, 'd-1', 10)));
		await writeStored(anna, (doc) => giveDot(doc, dot(anna.sub, annas.id, 'd-2', 11)));
		const score = { participantId: anna.sub, itemId: annas.id, axis: 'impact' as const };
		await writeStored(anna, (doc) => writeScore(doc, score, 4));
		await writeStored(anna, (doc) => writeScore(doc, score, null));
		await writeStored(anna, (doc) => writeScore(doc, score, 5));
		await writeStored(anna, (doc) =>
			addNote(doc, {
				id: 'parking-1',
				blockId: BLOCK,
				kind: 'parking',
				text: 'Später: Datenschutz',
				authorId: anna.sub,
				createdAt: 12
			})
		);
		// Arranging is shared: a move re-keys neighbours whose order keys collide, whoever wrote them.
		await writeStored(anna, (doc) =>
			moveCard(doc, annas.id, { clusterId: null, order: 'a2' }, [
				{ id: facilitators.id, order: 'a1' }
			])
		);
		await writeStored(bernd, (doc) => checkInParticipant(doc, bernd.sub, 'Bernd'));

		expect(anna.closeReasons).toEqual([]);
		const stored = await storedBoard(test);
		expect(
			readRoster(stored)
				.map((e) => e.name)
				.sort()
		).toEqual(['Anna B.', 'Bernd']);
		expect(
			readCards(stored)
				.cards.map((c) => [c.text, c.order])
				.sort()
		).toEqual([
			['Akten auf Papier', 'a2'],
			['Von der Moderation', 'a1']
		]);
		expect(readVotes(stored).votes.map((v) => v.dotId)).toEqual(['d-2']);
		expect(readMatrix(stored).scores).toEqual([
			{ participantId: anna.sub, itemId: annas.id, impact: 5, effort: null }
		]);
		expect(readNotes(stored).map((n) => n.text)).toEqual(['Später: Datenschutz']);
	});
});

const photo = (id: string, authorId: string): Photo => ({
	id,
	blockId: BLOCK,
	sha256: 'c'.repeat(64),
	mediaType: 'image/jpeg',
	width: 1200,
	height: 900,
	caption: '',
	authorId,
	createdAt: 3_000
});

describe('photos: a participant adds and removes only their own (W15)', () => {
	it('a photo under another id, or removing, describing or re-addressing another’s photo, is refused; the board stays byte-identical (W15, W3)', async () => {
		const { test, room, anna, bernd } = await workshop();
		await writeStored(bernd, (doc) => addPhoto(doc, photo('ph-b', bernd.sub)));
		await expect.poll(() => readPhotos(anna.doc).length).toBe(1);
		const stored = await storedBoardBytes(test);

		await writeRefused(anna, (doc) => addPhoto(doc, photo('ph-forged', bernd.sub)));
		const attacks: Array<(doc: Y.Doc) => void> = [
			(doc) => removePhoto(doc, 'ph-b'),
			(doc) => setPhotoCaption(doc, 'ph-b', 'Bernds schlechtes Foto'),
			(doc) => doc.getMap(ROOT_KEYS.photos).set('ph-b/sha256', 'd'.repeat(64)),
			(doc) => doc.getMap(ROOT_KEYS.photos).set('ph-b/authorId', 'angreifer'),
			(doc) => deleteRecord(doc.getMap(ROOT_KEYS.photos), 'ph-b')
		];
		for (const attack of attacks) await writeRefused(await room.join('Angreifer'), attack);

		expect(await storedBoardBytes(test)).toEqual(stored);
		expect(readPhotos(await storedBoard(test))).toEqual([photo('ph-b', bernd.sub)]);
	});

	it('a photo record in a shape the app never writes is refused (W15)', async () => {
		const { test, room, anna } = await workshop();
		await writeStored(anna, (doc) => addPhoto(doc, photo('ph-a', anna.sub)));
		const attacks: Array<(doc: Y.Doc) => void> = [
			(doc) => doc.getMap(ROOT_KEYS.photos).set('ph-x/sha256', 'C'.repeat(64)),
			(doc) => doc.getMap(ROOT_KEYS.photos).set('ph-x/mediaType', 'application/x-msdownload'),
			(doc) => doc.getMap(ROOT_KEYS.photos).set('ph-x/width', -1),
			(doc) => doc.getMap(ROOT_KEYS.photos).set('ph-x/bytes', 'ffd8ff'),
			(doc) => doc.getMap(ROOT_KEYS.photos).set('ph-x/caption', 'x'.repeat(301))
		];
		for (const attack of attacks) await writeRefused(await room.join('Angreifer'), attack);
		await writeStored(anna, (doc) => checkInParticipant(doc, anna.sub, 'Anna'));
		expect(readPhotos(await storedBoard(test))).toEqual([photo('ph-a', anna.sub)]);
	});

	it('a participant adds, describes, removes and restores their own photo; the facilitator removes anyone’s (W15)', async () => {
		const { test, room, anna, bernd } = await workshop();
		await writeStored(anna, (doc) => addPhoto(doc, photo('ph-a', anna.sub)));
		await writeStored(bernd, (doc) => addPhoto(doc, photo('ph-b', bernd.sub)));
		await writeStored(anna, (doc) => setPhotoCaption(doc, 'ph-a', 'Pinnwand Gruppe Schule'));
		await writeStored(anna, (doc) => removePhoto(doc, 'ph-a'));
		await writeStored(anna, (doc) => doc.getMap(ROOT_KEYS.photos).delete('ph-a/removed'));
		await expect.poll(() => readPhotos(room.facilitator.doc).length).toBe(2);
		await writeStored(room.facilitator, (doc) => removePhoto(doc, 'ph-b'));

		expect(readPhotos(await storedBoard(test))).toEqual([
			{ ...photo('ph-a', anna.sub), caption: 'Pinnwand Gruppe Schule' }
		]);
	});
});

describe('who removed a record and when: written only as oneself, on one’s own records (W6, W13, W15, ADR 21)', () => {
	it('a participant removes their own card, measure and photo under their own id and time; the facilitator sees who and restores them (W6, W13, W15, W1)', async () => {
		const { test, room, anna } = await workshop();
		const annas = card(anna.sub, 'Akten nur auf Papier');
		await writeStored(anna, (doc) => addCard(doc, annas));
		await writeStored(anna, (doc) => addMeasure(doc, measure(anna.sub, 'E-Akte einführen')));
		await writeStored(anna, (doc) => addPhoto(doc, photo('ph-a', anna.sub)));
		const [annasMeasure] = readMeasures(anna.doc).measures;
		await writeStored(anna, (doc) => {
			setCardsRemoved(doc, [annas.id], true, ROOT_KEYS.cards, 5_000, anna.sub);
			setMeasureRemoved(doc, annasMeasure!.id, true, 5_001, anna.sub);
			removePhoto(doc, 'ph-a', 5_002, anna.sub);
		});
		expect(
			readRemoved(await storedBoard(test)).map((r) => [r.kind, r.removedBy, r.removedAt])
		).toEqual([
			['photo', anna.sub, 5_002],
			['measure', anna.sub, 5_001],
			['card', anna.sub, 5_000]
		]);

		// Restoring is the facilitator's (moderation is not judged, W1).
		await expect.poll(() => readRemoved(room.facilitator.doc).length).toBe(3);
		await writeStored(room.facilitator, (doc) => {
			restoreRemoved(doc, 'card', annas.id);
			restoreRemoved(doc, 'measure', annasMeasure!.id);
			restoreRemoved(doc, 'photo', 'ph-a');
		});
		const stored = await storedBoard(test);
		expect(readRemoved(stored)).toEqual([]);
		expect(readCards(stored).cards.map((c) => c.text)).toEqual(['Akten nur auf Papier']);
		expect(readMeasures(stored).measures.map((m) => m.title)).toEqual(['E-Akte einführen']);
		expect(readPhotos(stored).map((p) => p.id)).toEqual(['ph-a']);
	});

	it('a removal recorded under someone else’s id, on one’s own or another’s record, is refused and the stored board stays byte-identical (W6, W13, W15)', async () => {
		const { test, room, anna, bernd } = await workshop();
		const annas = card(anna.sub, 'Kein WLAN');
		const bernds = card(bernd.sub, 'Formulare nur als PDF');
		await writeStored(anna, (doc) => addCard(doc, annas));
		await writeStored(anna, (doc) => addMeasure(doc, measure(anna.sub, 'WLAN im Rathaus')));
		await writeStored(anna, (doc) => addPhoto(doc, photo('ph-a', anna.sub)));
		await writeStored(bernd, (doc) => addCard(doc, bernds));
		await writeStored(bernd, (doc) => addPhoto(doc, photo('ph-b', bernd.sub)));
		await expect.poll(() => readCards(anna.doc).cards.length).toBe(2);
		const annasMeasure = readMeasures(anna.doc).measures[0]!.id;
		const stored = await storedBoardBytes(test);

		// Anna removes her own records, but blames Bernd.
		await writeRefused(anna, (doc) =>
			setCardsRemoved(doc, [annas.id], true, ROOT_KEYS.cards, 1, bernd.sub)
		);
		const attacks: Array<(doc: Y.Doc) => void> = [
			(doc) => setMeasureRemoved(doc, annasMeasure, true, 1, bernd.sub),
			(doc) => removePhoto(doc, 'ph-a', 1, bernd.sub),
			// Bernd's records, even under her own id.
			(doc) => setCardsRemoved(doc, [bernds.id], true, ROOT_KEYS.cards, 1, anna.sub),
			(doc) => removePhoto(doc, 'ph-b', 1, anna.sub),
			// A removal's fields alone, on another's record: a false "who" or "when" for the list.
			(doc) => doc.getMap(ROOT_KEYS.cards).set(`${bernds.id}/removedAt`, 1),
			(doc) => doc.getMap(ROOT_KEYS.photos).set('ph-b/removedBy', anna.sub),
			// Not a time.
			(doc) => doc.getMap(ROOT_KEYS.cards).set(`${annas.id}/removedAt`, -1)
		];
		for (const attack of attacks) await writeRefused(await room.join('Angreifer'), attack);

		expect(await storedBoardBytes(test)).toEqual(stored);
		const after = await storedBoard(test);
		expect(readRemoved(after)).toEqual([]);
		expect(
			readCards(after)
				.cards.map((c) => c.text)
				.sort()
		).toEqual(['Formulare nur als PDF', 'Kein WLAN']);
	});
});

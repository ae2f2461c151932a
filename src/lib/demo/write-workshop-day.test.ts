import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateWorkshopDay, type WorkshopDayPlan } from './workshop-generator';
import { writeWorkshopDay } from './write-workshop-day';
import { isRecordId } from '../crdt/field-records';
import { readAgenda } from '../crdt/workshop-agenda';
import { readActionFields } from '../crdt/workshop-action-fields';
import { readMeasures } from '../crdt/workshop-measures';
import { smartWarnings } from '../domain/measures/smart-check';
import { readCards, readClusters } from '../crdt/workshop-cards';
import { readRoster, readWorkshopInfo, readWorkshopPlan } from '../crdt/workshop-doc';
import { readNotes } from '../crdt/workshop-notes';
import { readBlockTimes, readRun } from '../crdt/workshop-run';
import { readMatrix } from '../crdt/workshop-matrix';
import { readVotes, readVoting } from '../crdt/workshop-votes';
import { countedVotes } from '../domain/workshop/votes';
import { isValidRecord, readSchemaStatus, recordsOf } from '../crdt/schemas/document-schema';
import { WORKSHOP_BOARD_SCHEMA, WORKSHOP_CONTROL_SCHEMA } from '../crdt/schemas/workshop';

/** A smaller day for most tests: the writer does the same for each card, note and edit. */
const SMALL = generateWorkshopDay({ seed: 11, participants: 12, cards: 80, textEdits: 2_000 });

function written(plan: WorkshopDayPlan) {
	const docs = { control: new Y.Doc(), board: new Y.Doc() };
	return { ...docs, counts: writeWorkshopDay(plan, docs) };
}

/** The text each card and note should end with: the plan's last edit of it, or its first text. */
function expectedTexts(plan: WorkshopDayPlan): Map<string, string> {
	const texts = new Map<string, string>();
	for (const { id, text } of [...plan.cards, ...plan.notes]) texts.set(id, text);
	for (const { id, text } of plan.edits) texts.set(id, text);
	return texts;
}

/** Reads a board back and lists every card or note whose text is not the expected one. */
function wrongTexts(board: Y.Doc, plan: WorkshopDayPlan): string[] {
	const expected = expectedTexts(plan);
	const actual = [...readCards(board).cards, ...readNotes(board)];
	return actual.filter((t) => t.text !== expected.get(t.id)).map((t) => t.id);
}

/** How many items the document has deleted (overwritten map values among them). */
function deletedItems(doc: Y.Doc): number {
	const { ds } = Y.decodeUpdateV2(Y.encodeStateAsUpdateV2(doc));
	let count = 0;
	for (const ranges of ds.clients.values()) for (const { len } of ranges) count += len;
	return count;
}

describe('writeWorkshopDay', () => {
	it("reads back with the plan's numbers and nothing malformed", () => {
		const { control, board, counts } = written(SMALL);
		expect(counts).toMatchObject({
			participants: 12,
			blocks: 12,
			clusters: SMALL.clusters.length,
			cards: 80,
			notes: SMALL.notes.length,
			edits: 2_000
		});

		expect(readWorkshopInfo(control)).toEqual({
			title: SMALL.workshop.title,
			date: SMALL.workshop.date
		});
		expect(readWorkshopPlan(control)).toEqual({
			place: SMALL.workshop.place,
			startMinutes: SMALL.workshop.startMinutes,
			facilitators: SMALL.workshop.facilitators
		});
		expect(readAgenda(control)).toEqual({ blocks: SMALL.blocks, malformed: 0 });
		expect(readRun(control)).toMatchObject({
			currentBlockId: SMALL.run.currentBlockId,
			currentSince: SMALL.run.currentSince
		});
		// Every begun block keeps its actual span: it ends when the next one starts, the current runs on.
		const expectedTimes = Object.fromEntries(
			SMALL.run.started.map(({ blockId, at }, index) => [
				blockId,
				{ startedAt: at, endedAt: SMALL.run.started[index + 1]?.at ?? null }
			])
		);
		expect(readBlockTimes(control)).toEqual(expectedTimes);

		const cards = readCards(board);
		expect(cards.malformed).toBe(0);
		expect(cards.cards).toHaveLength(80);
		expect(readClusters(board)).toHaveLength(SMALL.clusters.length);
		expect(readNotes(board)).toHaveLength(SMALL.notes.length);
		expect(readRoster(board).map((p) => p.name)).toEqual(SMALL.participants.map((p) => p.name));
	});

	it('writes the six Handlungsfelder, the 25 measures and their status changes as the plan has them', () => {
		const { board, counts } = written(SMALL);
		expect(counts).toMatchObject({ actionFields: 6, measures: 25, statusChanges: 4 });
		expect(readActionFields(board)).toEqual({
			fields: SMALL.actionFields,
			removedIds: [],
			malformed: 0
		});
		const read = readMeasures(board);
		expect(read.malformed).toBe(0);
		expect(read.removedIds).toEqual([]);
		const byId = new Map(read.measures.map((m) => [m.id, m]));
		expect(SMALL.measures.map((m) => byId.get(m.id))).toEqual(SMALL.measures);
		expect(new Set(read.changes)).toEqual(new Set(SMALL.statusChanges));
		// What the SMART check shows on the board: the drafts' gaps of the plan.
		const codes = [...smartWarnings(read.measures).values()].flat().map((w) => w.code);
		expect(codes.filter((c) => c === 'owner_missing')).toHaveLength(3);
		expect(codes.filter((c) => c === 'due_missing')).toHaveLength(3);
	});

	it('writes each measure and status change from its author’s device', () => {
		const { board } = written(SMALL);
		const clientOf = (key: string, root: 'measures' | 'measureStatus') => {
			const item = (board.getMap(root) as Y.Map<unknown>)._map.get(key)!;
			return item.id.client;
		};
		const measure = SMALL.measures[0]!;
		const change = SMALL.statusChanges[0]!;
		const otherAuthor = SMALL.measures.find((m) => m.authorId !== measure.authorId)!;
		expect(clientOf(`${measure.id}/title`, 'measures')).not.toBe(board.clientID);
		expect(clientOf(`${measure.id}/title`, 'measures')).not.toBe(
			clientOf(`${otherAuthor.id}/title`, 'measures')
		);
		expect(clientOf(`${change.measureId}/${change.id}`, 'measureStatus')).not.toBe(board.clientID);
	});

	it('leaves each card and note with the text of its last edit in the plan', () => {
		const { board } = written(SMALL);
		expect(wrongTexts(board, SMALL)).toEqual([]);
		// The expectation is not trivially the first text: most targets were edited.
		const edited = new Set(SMALL.edits.map((e) => e.id));
		expect(edited.size).toBeGreaterThan(SMALL.cards.length / 2);
	});

	it('puts the cards into their clusters in plan order and merges the duplicates', () => {
		const { board } = written(SMALL);
		const cards = new Map(readCards(board).cards.map((c) => [c.id, c]));
		for (const card of SMALL.cards) {
			expect(cards.get(card.id)).toMatchObject({
				blockId: card.blockId,
				authorId: card.authorId,
				order: card.order,
				clusterId: card.clusterId,
				mergedInto: card.mergedInto,
				createdAt: card.createdAt
			});
		}
		expect(readClusters(board)).toEqual(expect.arrayContaining(SMALL.clusters));
	});

	it('writes as one device per participant besides the facilitator, whose client id the board keeps', () => {
		const control = new Y.Doc();
		const board = new Y.Doc();
		const facilitator = board.clientID;
		writeWorkshopDay(SMALL, { control, board });
		expect(board.clientID).toBe(facilitator);
		const clients = Y.decodeStateVector(Y.encodeStateVector(board));
		expect(clients.size).toBe(12 + 1);
		expect(clients.has(facilitator)).toBe(true);
		for (const { id } of SMALL.participants) expect(isRecordId(id)).toBe(true);
	});

	it('keeps a tombstone for every overwritten value: each edit, each card sorted into a cluster, each merge, each dot taken back', () => {
		const { board } = written(SMALL);
		const sorted = SMALL.cards.filter((c) => c.clusterId !== null).length;
		const merged = SMALL.cards.filter((c) => c.mergedInto !== null).length;
		const withdrawn = SMALL.votes.filter((v) => v.withdrawn).length;
		expect(deletedItems(board)).toBe(SMALL.edits.length + sorted + merged + withdrawn);
	});

	it('gives documents another device loads to the same day', () => {
		const { control, board } = written(SMALL);
		const copy = new Y.Doc();
		Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(board));
		// Map order follows how the document was built, so compare by id.
		const byId = (doc: Y.Doc) => readCards(doc).cards.sort((a, b) => (a.id < b.id ? -1 : 1));
		expect(byId(copy)).toEqual(byId(board));
		expect(readNotes(copy)).toEqual(readNotes(board));
		const controlCopy = new Y.Doc();
		Y.applyUpdateV2(controlCopy, Y.encodeStateAsUpdateV2(control));
		expect(readAgenda(controlCopy)).toEqual(readAgenda(control));
	});

	it('refuses a plan whose edit names someone not taking part', () => {
		const stranger = {
			...SMALL,
			edits: [{ ...SMALL.edits[0]!, authorId: 'nobody' }]
		};
		expect(() => written(stranger)).toThrow(RangeError);
	});

	it('writes a full day: 30 participants, 500 cards, 20,000 edits, every text as planned', () => {
		const day = generateWorkshopDay({ seed: 20260302 });
		const { board, counts } = written(day);
		expect(counts).toMatchObject({ participants: 30, cards: 500, edits: 20_000 });
		expect(counts.bytes.control).toBeGreaterThan(0);
		expect(counts.bytes.board).toBeGreaterThan(counts.bytes.control);
		const cards = readCards(board);
		expect(cards.malformed).toBe(0);
		expect(cards.cards).toHaveLength(500);
		expect(readClusters(board)).toHaveLength(day.clusters.length);
		expect(readNotes(board)).toHaveLength(day.notes.length);
		expect(readRoster(board)).toHaveLength(30);
		expect(wrongTexts(board, day)).toEqual([]);
	});

	it('writes the revealed vote and the matrix: every dot record, the taken-back ones marked, every score', () => {
		const day = generateWorkshopDay({ seed: 20260302 });
		const { control, board, counts } = written(day);
		expect(counts).toMatchObject({ votes: 3_000, scores: day.scores.length });
		const voting = readVoting(control)[day.voting!.blockId];
		expect(voting).toEqual({
			rules: { dotsPerPerson: 20, maxPerItem: 3 },
			target: 'cards',
			sourceBlockId: day.voting!.sourceBlockId,
			phase: 'revealed'
		});
		const read = readVotes(board);
		expect(read.malformed).toBe(0);
		expect(read.keys.size).toBe(3_000);
		const given = day.votes.filter((v) => !v.withdrawn);
		expect(read.votes).toHaveLength(given.length);
		// The generator keeps to 3 per card; only dots beyond 20 per person (a second device) are ignored.
		const kept = new Map<string, number>();
		for (const v of given) kept.set(v.participantId, (kept.get(v.participantId) ?? 0) + 1);
		const beyond = [...kept.values()].reduce((sum, n) => sum + Math.max(0, n - 20), 0);
		expect(beyond).toBeGreaterThan(0);
		expect(countedVotes(read.votes, voting!.rules)).toHaveLength(given.length - beyond);
		const scores = readMatrix(board);
		expect(scores.malformed).toBe(0);
		expect(scores.scores).toHaveLength(day.scores.length);
		expect(day.scores.length).toBe(30 * 12);
	});

	it('writes a day every record of which fits its document schema, with nothing taken for newer data (ADR 13)', () => {
		const plan = generateWorkshopDay({ seed: 5, participants: 8, cards: 40, textEdits: 200 });
		const docs = { control: new Y.Doc(), board: new Y.Doc() };
		writeWorkshopDay(plan, docs);
		for (const [doc, schema] of [
			[docs.control, WORKSHOP_CONTROL_SCHEMA],
			[docs.board, WORKSHOP_BOARD_SCHEMA]
		] as const) {
			expect(readSchemaStatus(doc, schema)).toEqual({ newerData: false });
			for (const kind of Object.values(schema.records))
				for (const record of recordsOf(doc, kind).values())
					expect(isValidRecord(kind, record)).toBe(true);
		}
	});
});

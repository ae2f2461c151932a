// Writes a generated workshop day (workshop-generator.ts) into a workshop's control and
// board documents through the ordinary writers, so demos, tests and benchmarks get documents shaped
// like a real day's, history included.
//
// Who writes what, as in the room:
// - The facilitator's device writes the control document (workshop, agenda, current block) and, on the
//   board, the clusters, which card goes into which cluster, and merges.
// - Each participant writes from a device of their own, with its own Yjs client id: their check-in,
//   their cards and notes, and their text edits, one transaction per edit, in the plan's order. Every
//   edit overwrites the latest text (the plan never has two people in one text at once), so the board
//   ends with one client id per person and a tombstone for every overwritten text.
// - A card arrives unclustered, as written; the facilitator then moves it into its cluster, so its
//   clusterId is overwritten once, as on a real board.
// - The facilitator starts and reveals the vote (control document); each participant's dots are on
//   the board as after the reveal, each taken-back dot marked by its voter; then each participant
//   scores the matrix.
// - The facilitator sets the Handlungsfelder; each measure is written by its author's device, each
//   status change by the device of the person who set it.
//
// The participants' client ids are lent to the board in turn, between transactions, rather than
// writing through a replica document per participant. Yjs itself changes `doc.clientID` between
// transactions when it detects a clash, and the structs are the ones separate devices would send (the
// encoded board came out the same size both ways). Replicas merged into the board in rounds were tried
// first: a replica must catch up with the board before its owner edits a text someone else wrote last,
// so each replica ends up receiving nearly the whole day, about 30 times its content for 30 people:
// 9–10 s for the full day against under half a second this way.

import * as Y from 'yjs';
import type { WorkshopDayPlan } from './workshop-generator';
import { ensureMeta } from '../crdt/schema';
import { writeBlocks } from '../crdt/workshop-agenda';
import { addCard, addCluster, editCardText, moveCard, setMergedInto } from '../crdt/workshop-cards';
import { checkInParticipant, writeWorkshopInfo, writeWorkshopPlan } from '../crdt/workshop-doc';
import { addActionField } from '../crdt/workshop-action-fields';
import { addMeasure, addStatusChange } from '../crdt/workshop-measures';
import { addNote, editNote } from '../crdt/workshop-notes';
import { setCurrentBlock } from '../crdt/workshop-run';
import { writeScore } from '../crdt/workshop-matrix';
import { giveDot, withdrawDot, writeVoting } from '../crdt/workshop-votes';

export interface WorkshopDocs {
	control: Y.Doc;
	board: Y.Doc;
}

export interface WrittenWorkshopDay {
	participants: number;
	blocks: number;
	clusters: number;
	cards: number;
	notes: number;
	edits: number;
	votes: number;
	scores: number;
	actionFields: number;
	measures: number;
	statusChanges: number;
	/** Length of `Y.encodeStateAsUpdateV2` of each document after writing. */
	bytes: { control: number; board: number };
}

/**
 * `count` distinct random client ids (32 bits, as Yjs draws them), none of them in `taken`. Not from
 * the seed: two devices loading different days under the same ids would corrupt each other's copy.
 */
function freshClientIds(count: number, taken: readonly number[]): number[] {
	const ids = new Set<number>();
	while (ids.size < count) {
		const [id] = crypto.getRandomValues(new Uint32Array(1));
		if (!taken.includes(id!)) ids.add(id!);
	}
	return [...ids];
}

/**
 * Writes `plan` into fresh (or empty) control and board documents, as described at the top of this
 * file. Throws if the plan holds something the writers refuse, or names an unknown participant.
 */
export function writeWorkshopDay(plan: WorkshopDayPlan, docs: WorkshopDocs): WrittenWorkshopDay {
	const { control, board } = docs;
	const { workshop, run } = plan;
	const start = plan.dayStartMs;

	writeWorkshopInfo(control, { title: workshop.title, date: workshop.date }, start);
	const { place, startMinutes, facilitators } = workshop;
	writeWorkshopPlan(control, { place, startMinutes, facilitators }, start);
	writeBlocks(control, plan.blocks, start);
	// Block by block as the facilitator moved through the day, so each keeps its actual times.
	for (const { blockId, at } of run.started) setCurrentBlock(control, blockId, at, at);

	// The facilitator opens the board before anyone joins, so no participant writes its meta.
	board.transact(() => ensureMeta(board, start));
	const facilitator = board.clientID;
	const clientIds = freshClientIds(plan.participants.length, [facilitator, control.clientID]);
	const clientOf = new Map(plan.participants.map((p, i) => [p.id, clientIds[i]!]));
	/** Runs `write` (one writer call, so one transaction) as the participant's device. */
	const asParticipant = (participantId: string, write: () => void) => {
		const clientId = clientOf.get(participantId);
		if (clientId === undefined) throw new RangeError(`unknown participant ${participantId}`);
		board.clientID = clientId;
		try {
			write();
		} finally {
			board.clientID = facilitator;
		}
	};

	for (const { id, name, joinedAt } of plan.participants) {
		asParticipant(id, () => checkInParticipant(board, id, name, joinedAt));
	}
	for (const card of plan.cards) {
		const written = { ...card, clusterId: null, mergedInto: null };
		asParticipant(card.authorId, () => addCard(board, written, undefined, card.createdAt));
	}
	for (const note of plan.notes)
		asParticipant(note.authorId, () => addNote(board, note, note.createdAt));

	// The facilitator sorts the cards once they are on the board.
	for (const cluster of plan.clusters) addCluster(board, cluster, run.currentSince);
	for (const { id, clusterId, order, mergedInto } of plan.cards) {
		if (clusterId !== null) moveCard(board, id, { clusterId, order }, [], run.currentSince);
		if (mergedInto !== null) setMergedInto(board, id, mergedInto, run.currentSince);
	}

	for (const edit of plan.edits) {
		asParticipant(edit.authorId, () =>
			edit.target === 'card'
				? editCardText(board, edit.id, edit.text, undefined, edit.at)
				: editNote(board, edit.id, edit.text, edit.at)
		);
	}

	if (plan.voting) {
		const { blockId, sourceBlockId, rules } = plan.voting;
		writeVoting(control, blockId, { rules, target: 'cards', sourceBlockId, phase: 'revealed' });
	}
	for (const vote of plan.votes) {
		asParticipant(vote.participantId, () => giveDot(board, vote, undefined, vote.createdAt));
		if (vote.withdrawn)
			asParticipant(vote.participantId, () => withdrawDot(board, vote, undefined, vote.createdAt));
	}
	for (const score of plan.scores) {
		for (const axis of ['impact', 'effort'] as const) {
			const target = { participantId: score.participantId, itemId: score.itemId, axis };
			asParticipant(score.participantId, () => writeScore(board, target, score[axis], plan.nowMs));
		}
	}

	for (const field of plan.actionFields) addActionField(board, field, field.createdAt);
	for (const measure of plan.measures)
		asParticipant(measure.authorId, () => addMeasure(board, measure, measure.createdAt));
	for (const change of plan.statusChanges)
		asParticipant(change.by, () => addStatusChange(board, change, change.at));

	return {
		participants: plan.participants.length,
		blocks: plan.blocks.length,
		clusters: plan.clusters.length,
		cards: plan.cards.length,
		notes: plan.notes.length,
		edits: plan.edits.length,
		votes: plan.votes.length,
		scores: plan.scores.length,
		actionFields: plan.actionFields.length,
		measures: plan.measures.length,
		statusChanges: plan.statusChanges.length,
		bytes: {
			control: Y.encodeStateAsUpdateV2(control).length,
			board: Y.encodeStateAsUpdateV2(board).length
		}
	};
}

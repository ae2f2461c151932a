// The impact × effort matrix of a workshop as one person sees it (ADR 9). What it scores
// comes from the day's flow (domain/workshop/voting-items.ts, matrixSource): the entries of the last
// dot vote before it (once revealed, the twelve with the most dots), else the groups of the last
// Kartenabfrage. Each
// person (participants, and the facilitator as "Moderation") scores impact and effort from 1 to 5, by
// number or by dragging an entry on the grid; every device shows the averages and the quadrants.

import type * as Y from 'yjs';
import { boardView } from '../domain/workshop/cards';
import { matrixPlacements, type MatrixPlacement } from '../domain/workshop/matrix';
import { voteResults } from '../domain/workshop/votes';
import {
	defaultSourceBlock,
	itemResolver,
	matrixEntries,
	matrixSource,
	votingItems,
	type VotingItem
} from '../domain/workshop/voting-items';
import { readMatrix, writeScore, type MatrixAxis } from '../crdt/workshop-matrix';
import type { MatrixScore } from '../domain/workshop/matrix';
import type { AppErrorCode, WriteChange } from './app-error';
import { EMPTY_VOTING_BOARD, readVotingBoard, type VotingBoard } from './dot-voting.svelte';
import type { LiveDocument } from './live-document.svelte';
import { undoable, type UndoStep } from './workshop-undo.svelte';
import type { WorkshopControl } from './workshop-control.svelte';

// What the components need of the document's shapes, so they never import the crdt layer (ADR 12).
export type { MatrixAxis } from '../crdt/workshop-matrix';

export interface MatrixBoard extends VotingBoard {
	scores: MatrixScore[];
}

export const readMatrixBoard = (doc: Y.Doc): MatrixBoard => ({
	...readVotingBoard(doc),
	scores: readMatrix(doc).scores
});

export const EMPTY_MATRIX_BOARD: MatrixBoard = { ...EMPTY_VOTING_BOARD, scores: [] };

export interface ImpactMatrixOptions {
	control: WorkshopControl;
	board: LiveDocument<MatrixBoard>;
	writeBoard: WriteChange;
	/** Whose scores this device writes: the participant, or the facilitator; null only looks. */
	scorerId: string | null;
}

interface Subject {
	items: VotingItem[];
	resolve: (itemId: string) => string | null;
}

export class ImpactMatrix {
	readonly control: WorkshopControl;
	#options: ImpactMatrixOptions;
	#error = $state<AppErrorCode | null>(null);

	constructor(options: ImpactMatrixOptions) {
		this.#options = options;
		this.control = options.control;
	}

	get loading(): boolean {
		// Both read, not `||`: reading a document opens it (see CardBoard.loading).
		const control = this.control.loading;
		const board = this.#options.board.loading;
		return control || board;
	}

	get writeError(): AppErrorCode | null {
		return this.#error;
	}

	get canScore(): boolean {
		return this.#options.scorerId !== null;
	}

	#subject(blockId: string): Subject | null {
		const board = this.#options.board.value;
		const voting = this.control.voting;
		const schedule = this.control.schedule;
		const source = matrixSource(schedule, blockId, Object.keys(voting));
		if (source === null) return null;
		if (source.kind === 'vote') {
			const setup = voting[source.blockId]!;
			const cardBlock = setup.sourceBlockId ?? defaultSourceBlock(schedule, source.blockId);
			if (cardBlock === null) return null;
			const view = boardView(board.cards, board.clusters, cardBlock);
			const items = votingItems(view, setup.target);
			const resolve = itemResolver(board, setup.target, cardBlock);
			if (setup.phase !== 'revealed') return { items, resolve };
			const votes = board.votes.filter((vote) => vote.blockId === source.blockId);
			const ranked = voteResults(
				items.map((item) => item.id),
				votes,
				setup.rules,
				resolve
			);
			return { items: matrixEntries(items, ranked), resolve };
		}
		const view = boardView(board.cards, board.clusters, source.blockId);
		const kind = view.clusters.length > 0 ? 'clusters' : 'cards';
		return {
			items: votingItems(view, kind),
			resolve: itemResolver(board, kind, source.blockId)
		};
	}

	/** The entries to score, in the order the day produced them (most dots first once revealed). */
	items(blockId: string): VotingItem[] {
		return this.#subject(blockId)?.items ?? [];
	}

	/** Each entry's averages and quadrant, in the order of `items`. */
	placements(blockId: string): MatrixPlacement[] {
		const subject = this.#subject(blockId);
		if (!subject) return [];
		return matrixPlacements(
			subject.items.map((item) => item.id),
			this.#options.board.value.scores,
			subject.resolve
		);
	}

	/** This device's own scores of an entry. */
	myScore(itemId: string): { impact: number | null; effort: number | null } {
		const me = this.#options.scorerId;
		const own = this.#options.board.value.scores.find(
			(score) => score.participantId === me && score.itemId === itemId
		);
		return { impact: own?.impact ?? null, effort: own?.effort ?? null };
	}

	/**
	 * Sets this device's scores of an entry (null: takes one back), in one undoable step of this person
	 * (WorkshopUndo): a drop on the matrix sets both axes.
	 */
	async setScores(
		itemId: string,
		scores: Partial<Record<MatrixAxis, number | null>>
	): Promise<boolean> {
		const me = this.#options.scorerId;
		if (me === null) return false;
		const { cards, clusters } = this.#options.board.value;
		const label =
			cards.find((card) => card.id === itemId)?.text ??
			clusters.find((cluster) => cluster.id === itemId)?.name ??
			'';
		const step: UndoStep = { kind: 'score', label, focus: null };
		this.#error = await this.#options.writeBoard(
			undoable(step, (doc) => {
				for (const [axis, value] of Object.entries(scores) as [MatrixAxis, number | null][])
					writeScore(doc, { participantId: me, itemId, axis }, value);
			})
		);
		return this.#error === null;
	}
}

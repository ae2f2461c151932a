// The Kartenabfrage of a workshop as one person sees it: the board's cards and clusters of a block, and,
// in a private phase, their own unrevealed cards (in their private document, which nobody else
// receives). Participants and the facilitator add, edit and cluster cards; the facilitator also starts a
// private phase, reveals it and merges duplicates; merges and removals can be undone. A participant's
// device copies its own cards of a revealed block to the board when the facilitator's reveal could
// not reach them (the device was offline then).

import type * as Y from 'yjs';
import { newId } from '../domain/ids';
import {
	boardView,
	notOnBoard,
	validateCardText,
	type BoardCard,
	validateClusterName,
	type BoardView,
	type Card,
	type CardTextError,
	type Cluster,
	type ClusterNameError
} from '../domain/workshop/cards';
import { orderAtEnd } from '../domain/workshop/ordering';
import {
	addCard,
	addCluster,
	copyCardsToBoard,
	editCardText,
	moveCard,
	readCards,
	readClusters,
	removeCluster,
	renameCluster,
	restoreCluster,
	setCardsRemoved,
	setMergedInto
} from '../crdt/workshop-cards';
import { ROOT_KEYS } from '../crdt/schema';
import { readRoster } from '../crdt/workshop-doc';
import type { CardPhase } from '../crdt/workshop-run';
import type { DocumentErrorCode } from '../sync/document-status';
import type { RevealResult } from './workshop/reveal-private';
import type { WriteResult } from '../sync/write-document';
import type { LiveDocument } from './live-document.svelte';
import type { WorkshopControl } from './workshop-control.svelte';

type WriteError = DocumentErrorCode | 'code_load_failed';
type Write = (change: (doc: Y.Doc) => void) => Promise<WriteError | null>;

/**
 * What the board shows, read again on every change of the board document. The roster is not in it:
 * only a reveal needs it (and reads it then), and its sort's first localeCompare in a page sets up a
 * collator, tens of milliseconds while the board loads.
 */
export interface BoardSnapshot {
	cards: Card[];
	/** Cards removed from the board: a reveal must not bring them back. */
	removedCardIds: string[];
	clusters: Cluster[];
}

export function readBoard(doc: Y.Doc): BoardSnapshot {
	const { cards, removedIds } = readCards(doc);
	return { cards, removedCardIds: removedIds, clusters: readClusters(doc) };
}

export const EMPTY_BOARD: BoardSnapshot = { cards: [], removedCardIds: [], clusters: [] };

/**
 * How many private documents one reveal opens at most. The roster is written by participants, so a
 * broken or malicious device could list thousands of ids; a workshop has a few dozen people.
 */
export const MAX_REVEAL_PARTICIPANTS = 200;

/**
 * The last change to the board made here, which "Rückgängig" reverts: what it was (for the notice),
 * the text of the card or the name of the group, where a moved card went (null: no group), and the
 * card to put the focus on afterwards.
 */
export interface UndoableCardChange {
	kind: 'move' | 'merge' | 'remove' | 'dissolve';
	text: string;
	to?: string | null;
	focusCardId: string | null;
	revert: (doc: Y.Doc) => void;
}

export const readPrivateCards = (doc: Y.Doc): Card[] =>
	readCards(doc, ROOT_KEYS.privateCards).cards;

/** What the facilitator's app can do beyond a participant's. */
export interface Moderation {
	setPhase(blockId: string, phase: CardPhase | null): Promise<WriteError | null>;
	reveal(blockId: string, participantIds: string[]): Promise<WriteResult<RevealResult>>;
}

export interface CardBoardOptions {
	control: WorkshopControl;
	board: LiveDocument<BoardSnapshot>;
	writeBoard: Write;
	/** The participant's private document; null for the facilitator, who adds to the board. */
	own: { cards: LiveDocument<Card[]>; write: Write } | null;
	authorId: string;
	moderation: Moderation | null;
	now?: () => number;
}

export type Phase = 'open' | CardPhase;

export class CardBoard {
	readonly control: WorkshopControl;
	#options: CardBoardOptions;
	#error = $state<WriteError | null>(null);
	#lastChange = $state.raw<UndoableCardChange | null>(null);
	#undone = $state(false);
	#lastReveal = $state<RevealResult | null>(null);
	#copyingOwn = false;

	constructor(options: CardBoardOptions) {
		this.#options = options;
		this.control = options.control;
	}

	get isModeration(): boolean {
		return this.#options.moderation !== null;
	}

	get loading(): boolean {
		// Both read, not `||`: reading a document opens it, and the board (large) must not wait for the
		// control document to load first.
		const control = this.control.loading;
		const board = this.#options.board.loading;
		return control || board;
	}

	get writeError(): WriteError | null {
		return this.#error;
	}

	/** Whether this device may change the board: a projector or a viewer only looks. */
	get canWrite(): boolean {
		return this.#options.own !== null || this.#options.moderation !== null;
	}

	/** The move, merge, removal or dissolved group `undo` reverts. */
	get lastChange(): UndoableCardChange | null {
		return this.#lastChange;
	}

	/** Whether the last thing done here was an undo. */
	get undone(): boolean {
		return this.#undone;
	}

	get lastReveal(): RevealResult | null {
		return this.#lastReveal;
	}

	phaseOf(blockId: string): Phase {
		return this.control.run.cardPhases[blockId] ?? 'open';
	}

	view(blockId: string): BoardView {
		const { cards, clusters } = this.#options.board.value;
		return boardView(cards, clusters, blockId);
	}

	/** This participant's private cards the board has no record of (not revealed yet). */
	#unrevealed(): Card[] {
		const own = this.#options.own?.cards.value ?? [];
		if (own.length === 0) return [];
		const { cards, removedCardIds } = this.#options.board.value;
		return notOnBoard(own, [...cards.map((card) => card.id), ...removedCardIds]);
	}

	/** This participant's cards of a block that are not on the board yet (private phase). */
	ownPrivate(blockId: string): Card[] {
		return this.#unrevealed().filter((card) => card.blockId === blockId);
	}

	/**
	 * This participant's cards of revealed blocks that are still only in their private document: the
	 * device was offline (or its document had not reached the server) when the facilitator revealed.
	 */
	get ownToReveal(): Card[] {
		const phases = this.control.run.cardPhases;
		return this.#unrevealed().filter((card) => phases[card.blockId] === 'revealed');
	}

	/**
	 * Copies `ownToReveal` to the board, once the board is synced with the server: a stale copy of the
	 * board could not see that the facilitator's reveal already wrote (and maybe grouped) the card.
	 * Returns how many cards were copied.
	 */
	async revealOwn(): Promise<number> {
		const cards = this.ownToReveal;
		if (cards.length === 0 || this.#copyingOwn || !this.#options.board.connected) return 0;
		this.#copyingOwn = true;
		let copied = 0;
		try {
			await this.#apply(this.#options.writeBoard, (doc) => (copied = copyCardsToBoard(doc, cards)));
		} finally {
			this.#copyingOwn = false;
		}
		return copied;
	}

	async #apply(write: Write, change: (doc: Y.Doc) => void): Promise<boolean> {
		this.#error = await write(change);
		return this.#error === null;
	}

	/** Adds a card: to the private document in a private phase, else to the board. */
	async addCard(blockId: string, raw: string): Promise<CardTextError | WriteError | null> {
		const text = validateCardText(raw);
		if (!text.ok) return text.error;
		const own = this.#options.own;
		const toPrivate = own !== null && this.phaseOf(blockId) === 'private';
		const existing = toPrivate ? this.ownPrivate(blockId) : this.view(blockId).unclustered;
		const { order } = orderAtEnd(existing);
		const card: Card = {
			id: newId<'card'>(),
			blockId,
			authorId: this.#options.authorId,
			text: text.value,
			order,
			clusterId: null,
			mergedInto: null,
			createdAt: (this.#options.now ?? Date.now)()
		};
		const done = toPrivate
			? await this.#apply(own.write, (doc) => addCard(doc, card, ROOT_KEYS.privateCards))
			: await this.#apply(this.#options.writeBoard, (doc) => addCard(doc, card));
		return done ? null : this.#error;
	}

	async editCard(cardId: string, raw: string): Promise<CardTextError | WriteError | null> {
		const text = validateCardText(raw);
		if (!text.ok) return text.error;
		const done = await this.#apply(this.#options.writeBoard, (doc) =>
			editCardText(doc, cardId, text.value)
		);
		return done ? null : this.#error;
	}

	/** Writes an undoable change; `undo` then reverts it. */
	async #change(change: (doc: Y.Doc) => void, undo: UndoableCardChange): Promise<boolean> {
		const done = await this.#apply(this.#options.writeBoard, change);
		if (done) {
			this.#lastChange = undo;
			this.#undone = false;
		}
		return done;
	}

	#shownCard(blockId: string, cardId: string): BoardCard | null {
		const view = this.view(blockId);
		const all = [...view.unclustered, ...view.clusters.flatMap((group) => group.cards)];
		return all.find((card) => card.id === cardId) ?? null;
	}

	/** Removes a card with the duplicates merged into it (they are shown on it); undoable. */
	async removeCard(blockId: string, cardId: string): Promise<boolean> {
		const card = this.#shownCard(blockId, cardId);
		if (!card) return false;
		const cardIds = [card.id, ...card.mergedIds];
		return this.#change((doc) => setCardsRemoved(doc, cardIds, true), {
			kind: 'remove',
			text: card.text,
			focusCardId: card.id,
			revert: (doc) => setCardsRemoved(doc, cardIds, false)
		});
	}

	async createCluster(blockId: string, raw: string): Promise<ClusterNameError | WriteError | null> {
		const name = validateClusterName(raw);
		if (!name.ok) return name.error;
		const { order } = orderAtEnd(this.view(blockId).clusters.map((group) => group.cluster));
		const cluster: Cluster = { id: newId<'cluster'>(), blockId, name: name.value, order };
		const done = await this.#apply(this.#options.writeBoard, (doc) => addCluster(doc, cluster));
		return done ? null : this.#error;
	}

	async renameCluster(
		clusterId: string,
		raw: string
	): Promise<ClusterNameError | WriteError | null> {
		const name = validateClusterName(raw);
		if (!name.ok) return name.error;
		const done = await this.#apply(this.#options.writeBoard, (doc) =>
			renameCluster(doc, clusterId, name.value)
		);
		return done ? null : this.#error;
	}

	/** Dissolves a group; its cards stay, without a group. Undoable. */
	async removeCluster(blockId: string, clusterId: string): Promise<boolean> {
		const group = this.view(blockId).clusters.find((g) => g.cluster.id === clusterId);
		if (!group) return false;
		const { cluster } = group;
		const cardIds = group.cards.map((card) => card.id);
		return this.#change((doc) => removeCluster(doc, clusterId), {
			kind: 'dissolve',
			text: cluster.name,
			focusCardId: null,
			revert: (doc) => restoreCluster(doc, cluster, cardIds)
		});
	}

	/** Puts a card at the end of a cluster (null: back among the unclustered cards). Undoable. */
	async moveToCluster(blockId: string, cardId: string, clusterId: string | null): Promise<boolean> {
		const card = this.#shownCard(blockId, cardId);
		if (!card) return false;
		const view = this.view(blockId);
		const group = view.clusters.find((g) => g.cluster.id === clusterId) ?? null;
		const target = group?.cards ?? view.unclustered;
		const { order, rekey } = orderAtEnd(target.filter((other) => other.id !== cardId));
		// A group that is gone (dissolved by someone else meanwhile) counts as none.
		const to = group?.cluster.id ?? null;
		const from = { clusterId: card.clusterId, order: card.order };
		return this.#change((doc) => moveCard(doc, cardId, { clusterId: to, order }, rekey), {
			kind: 'move',
			text: card.text,
			to: group?.cluster.name ?? null,
			focusCardId: cardId,
			revert: (doc) => moveCard(doc, cardId, from)
		});
	}

	/** Merges a duplicate into another card: both texts stay on the survivor; undoable. */
	async merge(blockId: string, cardId: string, intoId: string): Promise<boolean> {
		const card = this.#shownCard(blockId, cardId);
		if (!card) return false;
		return this.#change((doc) => setMergedInto(doc, cardId, intoId), {
			kind: 'merge',
			text: card.text,
			focusCardId: cardId,
			revert: (doc) => setMergedInto(doc, cardId, null)
		});
	}

	/** Reverts the last change made here (see UndoableCardChange); other people's changes stay. */
	async undo(): Promise<boolean> {
		const last = this.#lastChange;
		if (!last) return false;
		const done = await this.#apply(this.#options.writeBoard, last.revert);
		if (done) {
			this.#lastChange = null;
			this.#undone = true;
		}
		return done;
	}

	async startPrivatePhase(blockId: string): Promise<boolean> {
		const moderation = this.#options.moderation;
		if (!moderation) return false;
		this.#error = await moderation.setPhase(blockId, 'private');
		return this.#error === null;
	}

	/** Copies every participant's private cards of the block to the board, then marks it revealed. */
	async reveal(blockId: string): Promise<boolean> {
		const moderation = this.#options.moderation;
		if (!moderation) return false;
		const roster = this.#options.board.readNow(readRoster) ?? [];
		const ids = roster.map((entry) => entry.participantId).slice(0, MAX_REVEAL_PARTICIPANTS);
		const result = await moderation.reveal(blockId, ids);
		if (!result.ok) {
			this.#error = result.error;
			return false;
		}
		this.#lastReveal = result.value;
		this.#error = await moderation.setPhase(blockId, 'revealed');
		return this.#error === null;
	}
}

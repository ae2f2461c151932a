// The Kartenabfrage of a workshop as one person sees it: the board's cards and clusters of a block, and,
// in a private phase, their own unrevealed cards (in their private document, which nobody else
// receives). Participants and the facilitator add, edit and cluster cards; the facilitator also starts a
// private phase, reveals it and merges duplicates. Every change to the board is one undoable step of
// this person (WorkshopUndo; a private card is taken back by removing it). A participant's
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
	setCardsRemoved,
	setMergedInto
} from '../crdt/workshop-cards';
import { ROOT_KEYS } from '../crdt/schema';
import type { CardPhase } from '../crdt/workshop-run';
import type { AppErrorCode, WriteChange } from './app-error';
import type { RevealResult } from './workshop/reveal-private';
import type { WriteResult } from '../sync/write-document';
import type { LiveDocument } from './live-document.svelte';
import type { WorkshopControl } from './workshop-control.svelte';
import { undoable, type UndoStep } from './workshop-undo.svelte';

/**
 * What the board shows, read again on every change of the board document. The roster is not in it:
 * a reveal opens the participants the laptop admitted (ADR 15), and the roster's sort's first
 * localeCompare in a page sets up a collator, tens of milliseconds while the board loads.
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

export const readPrivateCards = (doc: Y.Doc): Card[] =>
	readCards(doc, ROOT_KEYS.privateCards).cards;

/** What the facilitator's app can do beyond a participant's. */
export interface Moderation {
	setPhase(blockId: string, phase: CardPhase | null): Promise<AppErrorCode | null>;
	/** Copies the admitted participants' private cards of the block to the board (ADR 15). */
	reveal(blockId: string): Promise<WriteResult<RevealResult>>;
}

export interface CardBoardOptions {
	control: WorkshopControl;
	board: LiveDocument<BoardSnapshot>;
	writeBoard: WriteChange;
	/** The participant's private document; null for the facilitator, who adds to the board. */
	own: { cards: LiveDocument<Card[]>; write: WriteChange } | null;
	authorId: string;
	moderation: Moderation | null;
	now?: () => number;
}

export type Phase = 'open' | CardPhase;

export class CardBoard {
	readonly control: WorkshopControl;
	#options: CardBoardOptions;
	#error = $state<AppErrorCode | null>(null);
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

	get writeError(): AppErrorCode | null {
		return this.#error;
	}

	/** Whether this device may change the board: a projector or a viewer only looks. */
	get canWrite(): boolean {
		return this.#options.own !== null || this.#options.moderation !== null;
	}

	/**
	 * Whether this device may change the card (its text, group, merge, removal): the facilitator any
	 * card, a participant their own (server/SPEC.md W6; the server refuses the rest).
	 */
	mayChange(card: Pick<Card, 'authorId'>): boolean {
		if (this.#options.moderation !== null) return true;
		return this.#options.own !== null && card.authorId === this.#options.authorId;
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

	async #apply(write: WriteChange, change: (doc: Y.Doc) => void): Promise<boolean> {
		this.#error = await write(change);
		return this.#error === null;
	}

	/** Adds a card: to the private document in a private phase, else to the board. */
	async addCard(blockId: string, raw: string): Promise<CardTextError | AppErrorCode | null> {
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
			: await this.#change({ kind: 'add', label: card.text, focus: card.id }, (doc) =>
					addCard(doc, card)
				);
		return done ? null : this.#error;
	}

	async editCard(cardId: string, raw: string): Promise<CardTextError | AppErrorCode | null> {
		const text = validateCardText(raw);
		if (!text.ok) return text.error;
		const shown = this.#options.board.value.cards.find((card) => card.id === cardId);
		const step: UndoStep = { kind: 'edit', label: shown?.text ?? text.value, focus: cardId };
		const done = await this.#change(step, (doc) => editCardText(doc, cardId, text.value));
		return done ? null : this.#error;
	}

	/** Writes a change to the board as one undoable step of this person. */
	#change(step: UndoStep, change: (doc: Y.Doc) => void): Promise<boolean> {
		return this.#apply(this.#options.writeBoard, undoable(step, change));
	}

	#shownCard(blockId: string, cardId: string): BoardCard | null {
		const view = this.view(blockId);
		const all = [...view.unclustered, ...view.clusters.flatMap((group) => group.cards)];
		return all.find((card) => card.id === cardId) ?? null;
	}

	/** Removes a card with the duplicates merged into it (they are shown on it). */
	async removeCard(blockId: string, cardId: string): Promise<boolean> {
		const card = this.#shownCard(blockId, cardId);
		if (!card) return false;
		// The duplicates merged into it go with it, as far as this device may remove them (W6).
		const cards = this.#options.board.value.cards;
		const cardIds = [card.id, ...card.mergedIds].filter((id) => {
			const merged = cards.find((c) => c.id === id);
			return merged !== undefined && this.mayChange(merged);
		});
		const { authorId, now = Date.now } = this.#options;
		return this.#change({ kind: 'remove', label: card.text, focus: card.id }, (doc) =>
			setCardsRemoved(doc, cardIds, true, ROOT_KEYS.cards, now(), authorId)
		);
	}

	async createCluster(
		blockId: string,
		raw: string
	): Promise<ClusterNameError | AppErrorCode | null> {
		const name = validateClusterName(raw);
		if (!name.ok) return name.error;
		const { order } = orderAtEnd(this.view(blockId).clusters.map((group) => group.cluster));
		const cluster: Cluster = { id: newId<'cluster'>(), blockId, name: name.value, order };
		const done = await this.#change({ kind: 'add', label: cluster.name, focus: null }, (doc) =>
			addCluster(doc, cluster)
		);
		return done ? null : this.#error;
	}

	async renameCluster(
		clusterId: string,
		raw: string
	): Promise<ClusterNameError | AppErrorCode | null> {
		const name = validateClusterName(raw);
		if (!name.ok) return name.error;
		const shown = this.#options.board.value.clusters.find((cluster) => cluster.id === clusterId);
		const step: UndoStep = { kind: 'edit', label: shown?.name ?? name.value, focus: null };
		const done = await this.#change(step, (doc) => renameCluster(doc, clusterId, name.value));
		return done ? null : this.#error;
	}

	/** Dissolves a group; its cards stay, without a group. */
	async removeCluster(blockId: string, clusterId: string): Promise<boolean> {
		const group = this.view(blockId).clusters.find((g) => g.cluster.id === clusterId);
		if (!group) return false;
		const { authorId, now = Date.now } = this.#options;
		return this.#change({ kind: 'dissolve', label: group.cluster.name, focus: null }, (doc) =>
			removeCluster(doc, clusterId, now(), authorId)
		);
	}

	/** Puts a card at the end of a cluster (null: back among the unclustered cards). */
	async moveToCluster(blockId: string, cardId: string, clusterId: string | null): Promise<boolean> {
		const card = this.#shownCard(blockId, cardId);
		if (!card) return false;
		const view = this.view(blockId);
		const group = view.clusters.find((g) => g.cluster.id === clusterId) ?? null;
		const target = group?.cards ?? view.unclustered;
		const { order, rekey } = orderAtEnd(target.filter((other) => other.id !== cardId));
		// A group that is gone (dissolved by someone else meanwhile) counts as none.
		const to = group?.cluster.id ?? null;
		const step: UndoStep = {
			kind: 'move',
			label: card.text,
			to: group?.cluster.name ?? null,
			focus: cardId
		};
		return this.#change(step, (doc) => moveCard(doc, cardId, { clusterId: to, order }, rekey));
	}

	/** Merges a duplicate into another card: both texts stay on the survivor. */
	async merge(blockId: string, cardId: string, intoId: string): Promise<boolean> {
		const card = this.#shownCard(blockId, cardId);
		if (!card) return false;
		return this.#change({ kind: 'merge', label: card.text, focus: cardId }, (doc) =>
			setMergedInto(doc, cardId, intoId)
		);
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
		const result = await moderation.reveal(blockId);
		if (!result.ok) {
			this.#error = result.error;
			return false;
		}
		this.#lastReveal = result.value;
		this.#error = await moderation.setPhase(blockId, 'revealed');
		return this.#error === null;
	}
}

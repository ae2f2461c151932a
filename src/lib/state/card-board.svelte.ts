// The Kartenabfrage of a workshop as one person sees it: the board's cards and clusters of a block, and,
// in a private phase, their own unrevealed cards (in their private document, which nobody else
// receives). Participants and the facilitator add, edit and cluster cards; the facilitator also starts a
// private phase, reveals it and merges duplicates (undoable).

import type * as Y from 'yjs';
import { newId } from '../domain/ids';
import {
	boardView,
	validateCardText,
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
	editCardText,
	moveCard,
	readCards,
	readClusters,
	removeCard,
	removeCluster,
	renameCluster,
	setMergedInto
} from '../crdt/workshop-cards';
import { ROOT_KEYS } from '../crdt/schema';
import { readRoster, type RosterEntry } from '../crdt/workshop-doc';
import type { CardPhase } from '../crdt/workshop-run';
import type { DocumentErrorCode } from '../sync/document-status';
import type { RevealResult } from '../sync/reveal-cards';
import type { WriteResult } from '../sync/write-document';
import type { LiveDocument } from './live-document.svelte';
import type { WorkshopControl } from './workshop-control.svelte';

type WriteError = DocumentErrorCode | 'code_load_failed';
type Write = (change: (doc: Y.Doc) => void) => Promise<WriteError | null>;

export interface BoardSnapshot {
	cards: Card[];
	clusters: Cluster[];
	roster: RosterEntry[];
}

export const readBoard = (doc: Y.Doc): BoardSnapshot => ({
	cards: readCards(doc).cards,
	clusters: readClusters(doc),
	roster: readRoster(doc)
});

export const EMPTY_BOARD: BoardSnapshot = { cards: [], clusters: [], roster: [] };

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
	#lastMerge = $state<{ cardId: string; text: string } | null>(null);
	#lastReveal = $state<RevealResult | null>(null);

	constructor(options: CardBoardOptions) {
		this.#options = options;
		this.control = options.control;
	}

	get isModeration(): boolean {
		return this.#options.moderation !== null;
	}

	get loading(): boolean {
		return this.control.loading || this.#options.board.loading;
	}

	get writeError(): WriteError | null {
		return this.#error;
	}

	/** The merge `undoMerge` reverts, with the merged card's text. */
	get lastMerge(): { cardId: string; text: string } | null {
		return this.#lastMerge;
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

	/** This participant's cards of a block that are not on the board yet (private phase). */
	ownPrivate(blockId: string): Card[] {
		const onBoard = this.#options.board.value.cards;
		return (this.#options.own?.cards.value ?? []).filter(
			(card) => card.blockId === blockId && !onBoard.some((other) => other.id === card.id)
		);
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

	removeCard(cardId: string): Promise<boolean> {
		return this.#apply(this.#options.writeBoard, (doc) => removeCard(doc, cardId));
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

	removeCluster(clusterId: string): Promise<boolean> {
		return this.#apply(this.#options.writeBoard, (doc) => removeCluster(doc, clusterId));
	}

	/** Puts a card at the end of a cluster (null: back among the unclustered cards). */
	moveToCluster(blockId: string, cardId: string, clusterId: string | null): Promise<boolean> {
		const view = this.view(blockId);
		const target =
			clusterId === null
				? view.unclustered
				: (view.clusters.find((group) => group.cluster.id === clusterId)?.cards ?? []);
		const { order, rekey } = orderAtEnd(target.filter((card) => card.id !== cardId));
		return this.#apply(this.#options.writeBoard, (doc) =>
			moveCard(doc, cardId, { clusterId, order }, rekey)
		);
	}

	/** Merges a duplicate into another card: both texts stay on the survivor; undoable. */
	async merge(cardId: string, intoId: string): Promise<boolean> {
		const card = this.#options.board.value.cards.find((c) => c.id === cardId);
		const done = await this.#apply(this.#options.writeBoard, (doc) =>
			setMergedInto(doc, cardId, intoId)
		);
		if (done && card) this.#lastMerge = { cardId, text: card.text };
		return done;
	}

	async undoMerge(): Promise<boolean> {
		const last = this.#lastMerge;
		if (!last) return false;
		const done = await this.#apply(this.#options.writeBoard, (doc) =>
			setMergedInto(doc, last.cardId, null)
		);
		if (done) this.#lastMerge = null;
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
		const ids = this.#options.board.value.roster.map((entry) => entry.participantId);
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

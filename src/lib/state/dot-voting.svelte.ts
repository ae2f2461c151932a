// The dot vote of a workshop as one person sees it (ADR 9). The facilitator starts a
// block's vote (dots per person, maximum per item, cards or clusters of a Kartenabfrage), reveals it
// and sees the results; participants give and take back dots. Until the reveal a participant's dots
// are in their private document, which nobody else receives; after it they go to the board. A
// participant's device copies its own dots of a revealed vote to the board when the facilitator's
// reveal could not reach them (the device was offline then), as the card board does with cards.

import type * as Y from 'yjs';
import { boardView, type Card, type Cluster } from '../domain/workshop/cards';
import { newId } from '../domain/ids';
import {
	countedVotes,
	countsByItem,
	dotsOf,
	voteResults,
	type VoteResult,
	type VotingRules
} from '../domain/workshop/votes';
import {
	defaultSourceBlock,
	itemResolver,
	votingItems,
	type VotingItem
} from '../domain/workshop/voting-items';
import { readCards, readClusters } from '../crdt/workshop-cards';
import { ROOT_KEYS } from '../crdt/schema';
import {
	copyVotesToBoard,
	giveDot,
	NO_VOTE_KEYS,
	readVotes,
	voteKey,
	withdrawDot,
	type BlockVote,
	type VoteTarget,
	type VotingSetup
} from '../crdt/workshop-votes';
import type { AppErrorCode, WriteChange } from './app-error';
import type { RevealResult } from './workshop/reveal-private';
import type { WriteResult } from '../sync/write-document';
import type { Clock } from './clock.svelte';
import type { LiveDocument } from './live-document.svelte';
import type { WorkshopControl } from './workshop-control.svelte';

// What the components need of the document's shapes, so they never import the crdt layer (ADR 12).
export type { VoteTarget } from '../crdt/workshop-votes';

export interface VotingBoard {
	cards: Card[];
	clusters: Cluster[];
	votes: BlockVote[];
	/** Every dot key the board has a record of (also taken back): a reveal copies only new ones. */
	voteKeys: ReadonlySet<string>;
}

export function readVotingBoard(doc: Y.Doc): VotingBoard {
	const { votes, keys } = readVotes(doc);
	return {
		cards: readCards(doc).cards,
		clusters: readClusters(doc),
		votes,
		voteKeys: keys
	};
}

export const EMPTY_VOTING_BOARD: VotingBoard = {
	cards: [],
	clusters: [],
	votes: [],
	voteKeys: NO_VOTE_KEYS
};

export const readPrivateVotes = (doc: Y.Doc): BlockVote[] =>
	readVotes(doc, ROOT_KEYS.privateVotes).votes;

export interface VotingModeration {
	setVoting(blockId: string, setup: Partial<VotingSetup>): Promise<AppErrorCode | null>;
	/** Copies the admitted participants' private dots of the block to the board (ADR 15). */
	reveal(blockId: string): Promise<WriteResult<RevealResult>>;
}

export interface DotVotingOptions {
	control: WorkshopControl;
	clock: Clock;
	board: LiveDocument<VotingBoard>;
	writeBoard: WriteChange;
	/** The participant's private document; null for the facilitator and viewers, who do not vote. */
	own: { votes: LiveDocument<BlockVote[]>; write: WriteChange } | null;
	participantId: string | null;
	moderation: VotingModeration | null;
}

export interface StartVoting {
	rules: VotingRules;
	target: VoteTarget;
	sourceBlockId: string;
}

export class DotVoting {
	readonly control: WorkshopControl;
	#options: DotVotingOptions;
	#error = $state<AppErrorCode | null>(null);
	#lastReveal = $state<RevealResult | null>(null);
	#copyingOwn = false;

	constructor(options: DotVotingOptions) {
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

	get isModeration(): boolean {
		return this.#options.moderation !== null;
	}

	get canVote(): boolean {
		return this.#options.own !== null && this.#options.participantId !== null;
	}

	get lastReveal(): RevealResult | null {
		return this.#lastReveal;
	}

	setupOf(blockId: string): VotingSetup | null {
		return this.control.voting[blockId] ?? null;
	}

	/** The Kartenabfrage the vote is about: the one set when it started, else the default. */
	sourceOf(blockId: string): string | null {
		return (
			this.setupOf(blockId)?.sourceBlockId ?? defaultSourceBlock(this.control.schedule, blockId)
		);
	}

	#resolver(blockId: string, setup: VotingSetup, source: string) {
		return itemResolver(this.#options.board.value, setup.target, source);
	}

	/** What is voted on, in the board's order; empty until the vote has started. */
	items(blockId: string): VotingItem[] {
		const setup = this.setupOf(blockId);
		const source = this.sourceOf(blockId);
		if (!setup || !source) return [];
		const { cards, clusters } = this.#options.board.value;
		return votingItems(boardView(cards, clusters, source), setup.target);
	}

	/** This participant's dots of the block: in their private document and, once revealed, the board. */
	#myDots(blockId: string): BlockVote[] {
		const me = this.#options.participantId;
		if (me === null) return [];
		const all = [...(this.#options.own?.votes.value ?? []), ...this.#options.board.value.votes];
		return dotsOf(all, me, blockId);
	}

	/** My dots that count (budget and per-item maximum applied), by item. */
	myCounts(blockId: string): Map<string, number> {
		const setup = this.setupOf(blockId);
		const source = this.sourceOf(blockId);
		if (!setup || !source) return countsByItem([]);
		return countsByItem(
			countedVotes(this.#myDots(blockId), setup.rules, this.#resolver(blockId, setup, source))
		);
	}

	dotsLeft(blockId: string): number {
		const setup = this.setupOf(blockId);
		if (!setup) return 0;
		const used = [...this.myCounts(blockId).values()].reduce((sum, n) => sum + n, 0);
		return setup.rules.dotsPerPerson - used;
	}

	async #apply(write: WriteChange, change: (doc: Y.Doc) => void): Promise<boolean> {
		this.#error = await write(change);
		return this.#error === null;
	}

	/** Gives one dot to an item, if the budget and the item's maximum allow it. */
	async give(blockId: string, itemId: string): Promise<boolean> {
		const setup = this.setupOf(blockId);
		const own = this.#options.own;
		const me = this.#options.participantId;
		if (!setup || !own || me === null || this.dotsLeft(blockId) <= 0) return false;
		if ((this.myCounts(blockId).get(itemId) ?? 0) >= setup.rules.maxPerItem) return false;
		const vote: BlockVote = {
			participantId: me,
			itemId,
			dotId: newId<'dot'>(),
			blockId,
			createdAt: Math.round(this.#options.clock.serverNow)
		};
		return setup.phase === 'voting'
			? this.#apply(own.write, (doc) => giveDot(doc, vote, ROOT_KEYS.privateVotes))
			: this.#apply(this.#options.writeBoard, (doc) => giveDot(doc, vote));
	}

	/** Takes back my latest counted dot on an item, wherever it is (private document or board). */
	async takeBack(blockId: string, itemId: string): Promise<boolean> {
		const setup = this.setupOf(blockId);
		const source = this.sourceOf(blockId);
		const own = this.#options.own;
		if (!setup || !source || !own) return false;
		const counted = countedVotes(
			this.#myDots(blockId),
			setup.rules,
			this.#resolver(blockId, setup, source)
		).filter((vote) => vote.itemId === itemId);
		const last = counted.at(-1);
		if (!last) return false;
		// The stored dot: countedVotes reports the resolved item id, the key holds the original one.
		const stored = this.#myDots(blockId).find((vote) => vote.dotId === last.dotId)!;
		const privately = (own.votes.value ?? []).some((vote) => vote.dotId === stored.dotId);
		if (
			privately &&
			!(await this.#apply(own.write, (doc) => withdrawDot(doc, stored, ROOT_KEYS.privateVotes)))
		)
			return false;
		if (!this.#options.board.value.voteKeys.has(voteKey(stored))) return true;
		return this.#apply(this.#options.writeBoard, (doc) => withdrawDot(doc, stored));
	}

	/** Results once revealed: every item with its counted dots, most first. */
	results(blockId: string): VoteResult[] {
		const setup = this.setupOf(blockId);
		const source = this.sourceOf(blockId);
		if (!setup || !source || setup.phase !== 'revealed') return [];
		const votes = this.#options.board.value.votes.filter((vote) => vote.blockId === blockId);
		const ids = this.items(blockId).map((item) => item.id);
		return voteResults(ids, votes, setup.rules, this.#resolver(blockId, setup, source));
	}

	/** My private dots of revealed votes that the board has no record of (I was offline at the reveal). */
	get ownToReveal(): BlockVote[] {
		const known = this.#options.board.value.voteKeys;
		const voting = this.control.voting;
		return (this.#options.own?.votes.value ?? []).filter(
			(vote) => voting[vote.blockId]?.phase === 'revealed' && !known.has(voteKey(vote))
		);
	}

	/** Copies `ownToReveal` to the board once the board is synced (see CardBoard.revealOwn). */
	async revealOwn(): Promise<number> {
		const votes = this.ownToReveal;
		if (votes.length === 0 || this.#copyingOwn || !this.#options.board.connected) return 0;
		this.#copyingOwn = true;
		let copied = 0;
		try {
			await this.#apply(this.#options.writeBoard, (doc) => (copied = copyVotesToBoard(doc, votes)));
		} finally {
			this.#copyingOwn = false;
		}
		return copied;
	}

	async start(blockId: string, setup: StartVoting): Promise<boolean> {
		const moderation = this.#options.moderation;
		if (!moderation) return false;
		this.#error = await moderation.setVoting(blockId, { ...setup, phase: 'voting' });
		return this.#error === null;
	}

	/** Copies every participant's private dots of the block to the board, then marks it revealed. */
	async reveal(blockId: string): Promise<boolean> {
		const moderation = this.#options.moderation;
		if (!moderation) return false;
		const result = await moderation.reveal(blockId);
		if (!result.ok) {
			this.#error = result.error;
			return false;
		}
		this.#lastReveal = result.value;
		this.#error = await moderation.setVoting(blockId, { phase: 'revealed' });
		return this.#error === null;
	}
}

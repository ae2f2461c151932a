// What a dot vote (or the matrix) is about: the cards or the clusters of a Kartenabfrage block, as
// the board shows them. A dot given to a card counts for the card it was merged into (cards.ts); a
// dot for a card or cluster that is gone counts for nothing (votes.ts).

import { survivorOf, type BoardView, type Card, type Cluster } from './cards';

export type ItemKind = 'cards' | 'clusters';

export interface VotingItem {
	id: string;
	/** The card's text or the cluster's name. */
	label: string;
	/** The cluster's cards' texts (empty for a card). */
	cards: string[];
}

/** The items in the board's order: clusters by order, or every shown card (clustered ones first). */
export function votingItems(view: BoardView, kind: ItemKind): VotingItem[] {
	if (kind === 'clusters')
		return view.clusters.map(({ cluster, cards }) => ({
			id: cluster.id,
			label: cluster.name,
			cards: cards.map((card) => card.text)
		}));
	return [...view.clusters.flatMap((group) => group.cards), ...view.unclustered].map((card) => ({
		id: card.id,
		label: card.text,
		cards: []
	}));
}

/** Maps an item id a dot was given to onto the item it counts for now, or null when it is gone. */
export function itemResolver(
	board: { cards: readonly Card[]; clusters: readonly Cluster[] },
	kind: ItemKind,
	sourceBlockId: string
): (itemId: string) => string | null {
	if (kind === 'clusters') {
		const ids = new Set(
			board.clusters.filter((c) => c.blockId === sourceBlockId).map((cluster) => cluster.id)
		);
		return (itemId) => (ids.has(itemId) ? itemId : null);
	}
	const byId = new Map(board.cards.map((card) => [card.id, card]));
	return (itemId) => {
		const survivor = survivorOf(byId, itemId);
		return survivor !== null && survivor.blockId === sourceBlockId ? survivor.id : null;
	};
}

/** The Kartenabfrage a vote is about by default: the last one before it, else the first one at all. */
export function defaultSourceBlock(
	schedule: readonly { id: string; method: string }[],
	blockId: string
): string | null {
	const cardBlocks = schedule.filter((block) => block.method === 'kartenabfrage');
	const index = schedule.findIndex((block) => block.id === blockId);
	const before = cardBlocks.filter((block) => schedule.indexOf(block) < index);
	return (before.at(-1) ?? cardBlocks[0])?.id ?? null;
}

/**
 * What the matrix of a block scores: the entries of the last dot vote before it that has started,
 * else the clusters (or, without clusters, the cards) of the last Kartenabfrage before it.
 */
export type MatrixSource = { kind: 'vote'; blockId: string } | { kind: 'cards'; blockId: string };

export function matrixSource(
	schedule: readonly { id: string; method: string }[],
	blockId: string,
	startedVotes: Iterable<string>
): MatrixSource | null {
	const started = new Set(startedVotes);
	const before = schedule.slice(
		0,
		Math.max(
			0,
			schedule.findIndex((block) => block.id === blockId)
		)
	);
	const vote = before.filter((b) => b.method === 'punktabfrage' && started.has(b.id)).at(-1);
	if (vote) return { kind: 'vote', blockId: vote.id };
	const cards = before.filter((b) => b.method === 'kartenabfrage').at(-1);
	return cards ? { kind: 'cards', blockId: cards.id } : null;
}

/** The items in the order of a vote's results (most dots first). */
export function inResultOrder(
	items: readonly VotingItem[],
	results: readonly { itemId: string }[]
): VotingItem[] {
	const byId = new Map(items.map((item) => [item.id, item]));
	return results.flatMap((result) => byId.get(result.itemId) ?? []);
}

/** At most this many entries go from a revealed vote into the matrix: more would not be readable. */
export const MATRIX_MAX_ENTRIES = 12;

/** The matrix's entries from a revealed vote: those with dots, most first, at most 12. */
export function matrixEntries(
	items: readonly VotingItem[],
	results: readonly { itemId: string; count: number }[]
): VotingItem[] {
	const voted = results.filter((result) => result.count > 0).slice(0, MATRIX_MAX_ENTRIES);
	return inResultOrder(items, voted);
}

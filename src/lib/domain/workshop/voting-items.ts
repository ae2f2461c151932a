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

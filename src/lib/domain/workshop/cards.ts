// Cards of a Kartenabfrage, the clusters they are sorted into, and merged duplicates.
//
// Merging card B into card A sets B.mergedInto = A.id; nothing is deleted, so undo clears it again.
// Links and votes keep pointing at the card they were made for and count for its survivor: they follow
// a merge and come back on undo without being rewritten. The survivor of a card follows mergedInto
// within the card's block:
// - to a card that is not merged itself;
// - or, when the next card is missing or in another block, to the last card reached;
// - or, around a cycle (two devices merged A into B and B into A at the same time), to the card on the
//   cycle with the smallest id.
// The rule reads only the cards, so every device that holds the same cards finds the same survivor.

import { hasForbiddenCharacters } from '../display-name';
import type { Checked } from '../session-input';
import { compareByOrder } from './ordering';

export interface Card {
	id: string;
	blockId: string;
	authorId: string;
	text: string;
	/** Fractional index (ordering.ts), within the cluster or the unclustered cards. */
	order: string;
	clusterId: string | null;
	mergedInto: string | null;
	/** Server time (ms) of writing. */
	createdAt: number;
}

export interface Cluster {
	id: string;
	blockId: string;
	name: string;
	order: string;
}

const CARD_MAX_LENGTH = 280;
const CLUSTER_NAME_MAX_LENGTH = 80;

type TextProblem = 'empty' | 'too_long' | 'invalid';

/** Trimmed, inner whitespace collapsed (a card is one paragraph), no control characters. */
function plainText(raw: string, maxLength: number): Checked<string, TextProblem> {
	const value = raw.trim().replace(/\s+/g, ' ');
	if (value === '') return { ok: false, error: 'empty' };
	if (hasForbiddenCharacters(value)) return { ok: false, error: 'invalid' };
	if ([...value].length > maxLength) return { ok: false, error: 'too_long' };
	return { ok: true, value };
}

export type CardTextError = 'card_empty' | 'card_too_long' | 'card_invalid';

export function validateCardText(raw: string): Checked<string, CardTextError> {
	const checked = plainText(raw, CARD_MAX_LENGTH);
	return checked.ok ? checked : { ok: false, error: `card_${checked.error}` };
}

export type ClusterNameError =
	'cluster_name_empty' | 'cluster_name_too_long' | 'cluster_name_invalid';

export function validateClusterName(raw: string): Checked<string, ClusterNameError> {
	const checked = plainText(raw, CLUSTER_NAME_MAX_LENGTH);
	return checked.ok ? checked : { ok: false, error: `cluster_name_${checked.error}` };
}

/** The card that `id` counts as after merges (see the rule above); null when there is no such card. */
export function survivorOf(cards: ReadonlyMap<string, Card>, id: string): Card | null {
	const start = cards.get(id);
	if (start === undefined) return null;
	const path: Card[] = [];
	const positions = new Map<string, number>();
	let card = start;
	for (;;) {
		positions.set(card.id, path.length);
		path.push(card);
		const next = card.mergedInto === null ? undefined : cards.get(card.mergedInto);
		if (next === undefined || next.blockId !== card.blockId) return card;
		const seen = positions.get(next.id);
		if (seen !== undefined) {
			return path.slice(seen).reduce((smallest, c) => (c.id < smallest.id ? c : smallest));
		}
		card = next;
	}
}

/** The card a link or vote made for `cardId` counts for: its survivor's id, or null if it is gone. */
export const resolveLink = (cards: ReadonlyMap<string, Card>, cardId: string): string | null =>
	survivorOf(cards, cardId)?.id ?? null;

/** The private cards whose ids the board has no record of: not revealed yet. */
export function notOnBoard(privateCards: readonly Card[], boardIds: Iterable<string>): Card[] {
	const known = new Set(boardIds);
	return privateCards.filter((card) => !known.has(card.id));
}

export interface BoardCard extends Card {
	/** Texts of the cards merged into this one, by createdAt, then id. */
	mergedTexts: string[];
	/** Their ids, in the same order: undo clears their mergedInto. */
	mergedIds: string[];
}

export interface BoardView {
	/** The block's clusters by order, each with its cards by order. */
	clusters: Array<{ cluster: Cluster; cards: BoardCard[] }>;
	/** Cards in no cluster of the block, by order. */
	unclustered: BoardCard[];
}

/**
 * The surviving cards of a block as the board shows them. A merged card follows its survivor, so
 * its own clusterId does not count; a clusterId naming no cluster of this block counts as none.
 */
export function boardView(
	cards: Iterable<Card>,
	clusters: Iterable<Cluster>,
	blockId: string
): BoardView {
	const byId = new Map<string, Card>();
	for (const card of cards) byId.set(card.id, card);
	const mergedInto = new Map<string, Card[]>();
	const survivors: Card[] = [];
	for (const card of byId.values()) {
		if (card.blockId !== blockId) continue;
		const survivor = survivorOf(byId, card.id)!;
		if (survivor.id === card.id) survivors.push(card);
		else mergedInto.set(survivor.id, [...(mergedInto.get(survivor.id) ?? []), card]);
	}

	const blockClusters = [...clusters]
		.filter((cluster) => cluster.blockId === blockId)
		.sort(compareByOrder);
	const cardsOf = new Map<string, BoardCard[]>(blockClusters.map((c) => [c.id, []]));
	const unclustered: BoardCard[] = [];
	for (const card of survivors.sort(compareByOrder)) {
		const merged = (mergedInto.get(card.id) ?? []).sort(
			(a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
		);
		const shown: BoardCard = {
			...card,
			mergedTexts: merged.map((m) => m.text),
			mergedIds: merged.map((m) => m.id)
		};
		const clusterCards = card.clusterId === null ? undefined : cardsOf.get(card.clusterId);
		(clusterCards ?? unclustered).push(shown);
	}
	return {
		clusters: blockClusters.map((cluster) => ({ cluster, cards: cardsOf.get(cluster.id)! })),
		unclustered
	};
}

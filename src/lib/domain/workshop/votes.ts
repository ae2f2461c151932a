// Dot voting (ADR 9). Each dot is its own record, keyed `<participantId>/<itemId>/<dotId>`,
// so concurrent votes never overwrite each other, also from one participant's two
// devices. The server cannot enforce a budget inside a document, so the rules are applied when
// counting, the same way on every device:
//
// - A dot counts for the item it was given to, or for that item's survivor after merges (cards.ts);
//   a dot for an item that is gone (removed, or never on the board) counts for nothing and uses none
//   of the budget, so the participant may give it again.
// - Each participant's dots are taken in a fixed order: by `createdAt`, then by dot id. A dot is
//   ignored when the participant already has `maxPerItem` counted dots on its item, or once they have
//   `dotsPerPerson` counted dots in all.
//
// Results are sorted by count, most first; items with the same count share a rank ("1., 1., 3.") and
// keep the order they were given in (the board's order).

import { checkGermanNumber } from '../german-number';
import type { Checked } from '../session-input';

export interface Vote {
	participantId: string;
	itemId: string;
	dotId: string;
	/** Server time (ms) the dot was given at: the order in which a budget is spent. */
	createdAt: number;
}

export interface VotingRules {
	dotsPerPerson: number;
	maxPerItem: number;
}

export const DEFAULT_VOTING_RULES: VotingRules = { dotsPerPerson: 5, maxPerItem: 2 };
export const MAX_DOTS_PER_PERSON = 20;

export type VotingRulesError = 'dots_invalid' | 'max_per_item_invalid';

/** Whole numbers: 1–20 dots per person, 1 up to that many per item. */
export function validateVotingRules(rules: {
	dotsPerPerson: number;
	maxPerItem: number;
}): Checked<VotingRules, VotingRulesError> {
	const { dotsPerPerson, maxPerItem } = rules;
	if (!Number.isInteger(dotsPerPerson) || dotsPerPerson < 1 || dotsPerPerson > MAX_DOTS_PER_PERSON)
		return { ok: false, error: 'dots_invalid' };
	if (!Number.isInteger(maxPerItem) || maxPerItem < 1 || maxPerItem > dotsPerPerson)
		return { ok: false, error: 'max_per_item_invalid' };
	return { ok: true, value: { dotsPerPerson, maxPerItem } };
}

/** The setup form's fields as typed, read as German whole numbers ("5"), then checked as above. */
export function parseVotingRules(raw: {
	dotsPerPerson: string;
	maxPerItem: string;
}): Checked<VotingRules, VotingRulesError> {
	const dots = checkGermanNumber(raw.dotsPerPerson, {
		min: 1,
		max: MAX_DOTS_PER_PERSON,
		decimals: 0
	});
	if (dots.kind !== 'number') return { ok: false, error: 'dots_invalid' };
	const max = checkGermanNumber(raw.maxPerItem, { min: 1, max: dots.value, decimals: 0 });
	if (max.kind !== 'number') return { ok: false, error: 'max_per_item_invalid' };
	return validateVotingRules({ dotsPerPerson: dots.value, maxPerItem: max.value });
}

const byBudgetOrder = (a: Vote, b: Vote): number =>
	a.createdAt - b.createdAt || (a.dotId < b.dotId ? -1 : a.dotId > b.dotId ? 1 : 0);

/**
 * The dots that count, after resolving each to its item's survivor (`resolve` returns null for an
 * item that is gone) and applying the rules above. Each returned vote carries the resolved item id.
 */
export function countedVotes(
	votes: Iterable<Vote>,
	rules: VotingRules,
	resolve: (itemId: string) => string | null = (itemId) => itemId
): Vote[] {
	const byParticipant = new Map<string, Vote[]>();
	for (const vote of votes) {
		const itemId = resolve(vote.itemId);
		if (itemId === null) continue;
		const own = byParticipant.get(vote.participantId) ?? [];
		own.push({ ...vote, itemId });
		byParticipant.set(vote.participantId, own);
	}
	const counted: Vote[] = [];
	for (const own of byParticipant.values()) {
		const perItem = new Map<string, number>();
		let spent = 0;
		for (const vote of own.sort(byBudgetOrder)) {
			if (spent === rules.dotsPerPerson) break;
			const onItem = perItem.get(vote.itemId) ?? 0;
			if (onItem === rules.maxPerItem) continue;
			perItem.set(vote.itemId, onItem + 1);
			spent += 1;
			counted.push(vote);
		}
	}
	return counted;
}

export interface VoteResult {
	itemId: string;
	count: number;
	/** 1 for the most dots; items with equal counts share the rank of the first of them. */
	rank: number;
}

/**
 * Every item of `itemIds` (in the board's order) with its counted dots, most first; an item without
 * dots is listed with 0.
 */
export function voteResults(
	itemIds: readonly string[],
	votes: Iterable<Vote>,
	rules: VotingRules,
	resolve?: (itemId: string) => string | null
): VoteResult[] {
	const counts = new Map<string, number>(itemIds.map((id) => [id, 0]));
	for (const vote of countedVotes(votes, rules, resolve)) {
		const count = counts.get(vote.itemId);
		if (count !== undefined) counts.set(vote.itemId, count + 1);
	}
	// Array.prototype.sort is stable: equal counts keep the board's order.
	const sorted = itemIds
		.map((itemId) => ({ itemId, count: counts.get(itemId)! }))
		.sort((a, b) => b.count - a.count);
	let rank = 0;
	return sorted.map((entry, index) => {
		if (index === 0 || sorted[index - 1]!.count !== entry.count) rank = index + 1;
		return { ...entry, rank };
	});
}

/** How many dots a participant has left to give (counted dots only, see above). */
export function dotsLeft(
	participantId: string,
	votes: Iterable<Vote>,
	rules: VotingRules,
	resolve?: (itemId: string) => string | null
): number {
	const own = [...votes].filter((vote) => vote.participantId === participantId);
	return rules.dotsPerPerson - countedVotes(own, rules, resolve).length;
}

/** One participant's dots of one block, each once (a dot can be both private and on the board). */
export function dotsOf<V extends Vote & { blockId: string }>(
	votes: Iterable<V>,
	participantId: string,
	blockId: string
): V[] {
	const byKey = new Map<string, V>();
	for (const vote of votes)
		if (vote.participantId === participantId && vote.blockId === blockId)
			byKey.set(`${vote.itemId}/${vote.dotId}`, vote);
	return [...byKey.values()];
}

/** How many of the given dots each item has. */
export function countsByItem(votes: Iterable<Vote>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const vote of votes) counts.set(vote.itemId, (counts.get(vote.itemId) ?? 0) + 1);
	return counts;
}

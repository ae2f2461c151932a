import { describe, expect, it } from 'vitest';
import {
	countedVotes,
	dotsLeft,
	validateVotingRules,
	voteResults,
	type Vote,
	type VotingRules
} from './votes';

let next = 0;
const dot = (
	participantId: string,
	itemId: string,
	createdAt = next++,
	dotId = `d${next}`
): Vote => ({
	participantId,
	itemId,
	dotId,
	createdAt
});

const rules: VotingRules = { dotsPerPerson: 3, maxPerItem: 2 };

describe('dot budget', () => {
	it('a participant’s dots beyond their budget are ignored, the latest first', () => {
		const votes = [
			dot('anna', 'A', 10),
			dot('anna', 'B', 20),
			dot('anna', 'C', 30),
			dot('anna', 'D', 40) // the fourth of three
		];
		expect(countedVotes(votes, rules).map((v) => v.itemId)).toEqual(['A', 'B', 'C']);
		// The same votes in any order count the same: the rule reads createdAt, not arrival.
		expect(countedVotes([...votes].reverse(), rules).map((v) => v.itemId)).toEqual(['A', 'B', 'C']);
	});

	it('more dots on one item than allowed are ignored, and the budget goes to the next item', () => {
		const votes = [
			dot('anna', 'A', 1),
			dot('anna', 'A', 2),
			dot('anna', 'A', 3),
			dot('anna', 'B', 4)
		];
		// A gets 2 (the maximum), the third dot on A is ignored and uses no budget, B gets 1: 3 in all.
		expect(countedVotes(votes, rules).map((v) => v.itemId)).toEqual(['A', 'A', 'B']);
	});

	it('two devices of one participant giving dots at the same time both count within the budget', () => {
		const phone = dot('anna', 'A', 100, 'phone-1');
		const tablet = dot('anna', 'B', 100, 'tablet-1');
		expect(countedVotes([tablet, phone], rules)).toHaveLength(2);
		// Equal times are ordered by dot id, so every device drops the same dot when over budget.
		const tight = { dotsPerPerson: 1, maxPerItem: 1 };
		expect(countedVotes([tablet, phone], tight).map((v) => v.dotId)).toEqual(['phone-1']);
		expect(countedVotes([phone, tablet], tight).map((v) => v.dotId)).toEqual(['phone-1']);
	});

	it('a dot on a merged card counts for the surviving card; a dot on a removed card uses no budget', () => {
		const survivor = (id: string) => (id === 'gone' ? null : id === 'dup' ? 'A' : id);
		const votes = [
			dot('anna', 'A', 1),
			dot('anna', 'dup', 2),
			dot('anna', 'gone', 3),
			dot('anna', 'B', 4)
		];
		// A and its duplicate make 2 dots on A (the maximum), the removed card none, B one.
		expect(countedVotes(votes, rules, survivor).map((v) => v.itemId)).toEqual(['A', 'A', 'B']);
		expect(dotsLeft('anna', votes, rules, survivor)).toBe(0);
		expect(dotsLeft('bernd', votes, rules, survivor)).toBe(3);
	});
});

describe('vote results', () => {
	it('items are sorted by dots, ties share a rank and keep the board’s order, items without dots are listed', () => {
		const votes = [
			dot('anna', 'B'),
			dot('anna', 'C'),
			dot('bernd', 'C'),
			dot('bernd', 'B'),
			dot('carla', 'D'),
			dot('carla', 'B')
		];
		// By hand: B 3, C 2, D 1, A 0.
		expect(voteResults(['A', 'B', 'C', 'D'], votes, rules)).toEqual([
			{ itemId: 'B', count: 3, rank: 1 },
			{ itemId: 'C', count: 2, rank: 2 },
			{ itemId: 'D', count: 1, rank: 3 },
			{ itemId: 'A', count: 0, rank: 4 }
		]);
		const tie = [dot('anna', 'C'), dot('bernd', 'A'), dot('carla', 'B')];
		expect(voteResults(['A', 'B', 'C', 'D'], tie, rules)).toEqual([
			{ itemId: 'A', count: 1, rank: 1 },
			{ itemId: 'B', count: 1, rank: 1 },
			{ itemId: 'C', count: 1, rank: 1 },
			{ itemId: 'D', count: 0, rank: 4 }
		]);
	});
});

describe('voting rules', () => {
	it('dots per person and per item must be whole numbers, per item at most the dots per person', () => {
		expect(validateVotingRules({ dotsPerPerson: 5, maxPerItem: 2 })).toEqual({
			ok: true,
			value: { dotsPerPerson: 5, maxPerItem: 2 }
		});
		expect(validateVotingRules({ dotsPerPerson: 0, maxPerItem: 1 })).toEqual({
			ok: false,
			error: 'dots_invalid'
		});
		expect(validateVotingRules({ dotsPerPerson: 2.5, maxPerItem: 1 }).ok).toBe(false);
		expect(validateVotingRules({ dotsPerPerson: 21, maxPerItem: 1 }).ok).toBe(false);
		expect(validateVotingRules({ dotsPerPerson: 3, maxPerItem: 4 })).toEqual({
			ok: false,
			error: 'max_per_item_invalid'
		});
	});
});

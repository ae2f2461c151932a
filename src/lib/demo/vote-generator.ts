// Votes and matrix scores of the generated workshop day (workshop-generator.ts): the day's Punktabfrage
// over the surviving cards of its Kartenabfrage, revealed, then the matrix of the entries with the most
// dots (matrixEntries in ../workshop/voting-items.ts), scored by everyone.
//
// - The vote: 20 dots per person, at most 3 per card. Every participant gives dots one at a time
//   during the voting block and changes their mind often: a dot taken back keeps its record (marked
//   withdrawn), which is what makes a full day hold thousands of dot records (default 3,000) for a few
//   hundred that count. Some participants vote from a second device as well and overshoot their
//   budget; counting ignores those dots (votes.ts). Cards are chosen by their theme's popularity, so
//   a few themes collect most dots.
// - The matrix: each participant scores impact and effort 1–5 for every entry, around a tendency per
//   entry, so the averages spread over all four quadrants.

import type { Card } from '../domain/workshop/cards';
import { SCORE_MAX, SCORE_MIN, type MatrixScore } from '../domain/workshop/matrix';
import type { Vote, VotingRules } from '../domain/workshop/votes';
import type { Random } from './seeded-random';

export interface GeneratedVote extends Vote {
	blockId: string;
	withdrawn: boolean;
}

export interface GeneratedVoting {
	blockId: string;
	sourceBlockId: string;
	rules: VotingRules;
}

export const GENERATED_RULES: VotingRules = { dotsPerPerson: 20, maxPerItem: 3 };
/** Share of participants who also vote from a second device, beyond their budget. */
const SECOND_DEVICE_SHARE = 0.1;
/** Chance that a participant with dots left takes one back instead of giving the next. */
const CHANGE_OF_MIND = 0.45;

export interface VoteInput {
	participants: readonly { id: string }[];
	/** The surviving cards of the voted Kartenabfrage. */
	cards: readonly Card[];
	/** A popularity per card (its theme's), > 0. */
	weightOf: (card: Card) => number;
	voting: GeneratedVoting;
	/** The voting block's span, server time. */
	from: number;
	to: number;
	/** Dot records in all (withdrawn ones included). */
	total: number;
	makeId: (time: number) => string;
}

function weightedPick<T>(random: Random, items: readonly T[], weight: (item: T) => number): T {
	const sum = items.reduce((s, item) => s + weight(item), 0);
	let at = random.float() * sum;
	for (const item of items) {
		at -= weight(item);
		if (at < 0) return item;
	}
	return items[items.length - 1]!;
}

export function planVotes(random: Random, input: VoteInput): GeneratedVote[] {
	const { participants, cards, voting, from, to, total } = input;
	if (cards.length === 0 || participants.length === 0) return [];
	const votes: GeneratedVote[] = [];
	const { dotsPerPerson, maxPerItem } = voting.rules;
	participants.forEach((participant, index) => {
		const records =
			Math.floor(total / participants.length) + (index < total % participants.length ? 1 : 0);
		const kept: GeneratedVote[] = [];
		const mine: GeneratedVote[] = [];
		const overshoot = random.chance(SECOND_DEVICE_SHARE);
		const budget = overshoot ? dotsPerPerson + random.int(1, 4) : dotsPerPerson;
		for (let n = 0; n < records; n++) {
			const time = from + Math.floor(((to - from) * (n + random.float())) / records);
			if (kept.length > 0 && (kept.length >= budget || random.chance(CHANGE_OF_MIND))) {
				const back = kept.splice(random.int(0, kept.length - 1), 1)[0]!;
				back.withdrawn = true;
			}
			const open = cards.filter(
				(card) => kept.filter((vote) => vote.itemId === card.id).length < maxPerItem
			);
			const card = weightedPick(random, open, input.weightOf);
			const vote: GeneratedVote = {
				participantId: participant.id,
				itemId: card.id,
				dotId: input.makeId(time),
				blockId: voting.blockId,
				createdAt: time,
				withdrawn: false
			};
			kept.push(vote);
			mine.push(vote);
		}
		votes.push(...mine);
	});
	return votes.sort((a, b) => a.createdAt - b.createdAt);
}

export function planScores(
	random: Random,
	participants: readonly { id: string }[],
	itemIds: readonly string[]
): MatrixScore[] {
	const clamp = (value: number) => Math.min(SCORE_MAX, Math.max(SCORE_MIN, Math.round(value)));
	const tendencies = itemIds.map(() => ({
		impact: random.between(1.5, 4.5),
		effort: random.between(1.5, 4.5)
	}));
	return participants.flatMap((participant) =>
		itemIds.map((itemId, i) => ({
			participantId: participant.id,
			itemId,
			impact: clamp(random.normal(tendencies[i]!.impact, 0.8)),
			effort: clamp(random.normal(tendencies[i]!.effort, 0.8))
		}))
	);
}

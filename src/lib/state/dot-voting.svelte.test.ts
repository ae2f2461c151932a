import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_KEYS } from '../crdt/schema';
import { writeBlocks } from '../crdt/workshop-agenda';
import { addCard } from '../crdt/workshop-cards';
import { checkInParticipant } from '../crdt/workshop-doc';
import { revealVotes, writeVoting, type BlockVote } from '../crdt/workshop-votes';
import { Clock } from './clock.svelte';
import {
	DotVoting,
	EMPTY_VOTING_BOARD,
	readPrivateVotes,
	readVotingBoard,
	type VotingModeration
} from './dot-voting.svelte';
import {
	controlOn,
	exchange,
	liveOn,
	loaded,
	render,
	unrender,
	writeTo
} from './test-documents.svelte';

afterEach(unrender);

const CARDS = 'cards';
const VOTE = 'vote';
const RULES = { dotsPerPerson: 3, maxPerItem: 2 };

/**
 * The facilitator's laptop and two participants' tablets, each with a copy of control and board and a
 * private document of its own; `sync` passes control and board on, as the server does. The board holds
 * two cards of the Kartenabfrage.
 */
function room() {
	const laptop = { control: new Y.Doc(), board: new Y.Doc() };
	const tablets = ['anna', 'bernd'].map((id) => ({
		id,
		control: new Y.Doc(),
		board: new Y.Doc(),
		own: new Y.Doc()
	}));
	writeBlocks(laptop.control, [
		{
			id: CARDS,
			title: 'Kartenabfrage',
			method: 'kartenabfrage',
			durationMinutes: 30,
			order: 'a0'
		},
		{ id: VOTE, title: 'Punktabfrage', method: 'punktabfrage', durationMinutes: 20, order: 'a1' }
	]);
	for (const [i, text] of ['Akten nur auf Papier', 'Kein WLAN'].entries()) {
		addCard(laptop.board, {
			id: `card${i}`,
			blockId: CARDS,
			authorId: 'moderation',
			text,
			order: `a${i}`,
			clusterId: null,
			mergedInto: null,
			createdAt: i
		});
	}
	for (const tablet of tablets) checkInParticipant(laptop.board, tablet.id, tablet.id);
	const sync = () => {
		for (const tablet of tablets) {
			exchange(laptop.control, tablet.control);
			exchange(laptop.board, tablet.board);
		}
	};
	sync();
	const moderation: VotingModeration = {
		setVoting: async (blockId, setup) => {
			writeVoting(laptop.control, blockId, setup);
			return null;
		},
		reveal: async (blockId) => {
			let revealed = 0;
			for (const tablet of tablets) {
				revealed += revealVotes(laptop.board, tablet.own, { participantId: tablet.id, blockId });
			}
			return { ok: true, value: { revealed, unsynced: [] } };
		}
	};
	return { laptop, tablets, sync, moderation };
}

const clock = () => new Clock(async () => null);

async function facilitatorOf({ laptop, moderation }: ReturnType<typeof room>) {
	const voting = new DotVoting({
		control: controlOn(laptop.control),
		clock: clock(),
		board: liveOn(laptop.board, readVotingBoard, EMPTY_VOTING_BOARD),
		writeBoard: writeTo(laptop.board),
		own: null,
		participantId: null,
		moderation
	});
	await show(voting);
	return voting;
}

async function participant(tablet: ReturnType<typeof room>['tablets'][number]) {
	const voting = new DotVoting({
		control: controlOn(tablet.control),
		clock: clock(),
		board: liveOn(tablet.board, readVotingBoard, EMPTY_VOTING_BOARD),
		writeBoard: writeTo(tablet.board),
		own: {
			votes: liveOn(tablet.own, readPrivateVotes, [] as BlockVote[]),
			write: writeTo(tablet.own)
		},
		participantId: tablet.id,
		moderation: null
	});
	await show(voting);
	return voting;
}

async function show(voting: DotVoting): Promise<void> {
	await loaded(voting);
	render(() => [voting.items(VOTE), voting.myCounts(VOTE), voting.results(VOTE)]);
}

const start = (facilitator: DotVoting) =>
	facilitator.start(VOTE, { rules: RULES, target: 'cards', sourceBlockId: CARDS });

describe('DotVoting', () => {
	it('dots stay in each participant’s private document until the reveal; then everyone sees the same counts, most dots first', async () => {
		const workshop = room();
		const facilitator = await facilitatorOf(workshop);
		const [anna, bernd] = await Promise.all(workshop.tablets.map(participant));
		expect(await start(facilitator)).toBe(true);
		workshop.sync();
		expect(anna!.items(VOTE).map((item) => item.label)).toEqual([
			'Akten nur auf Papier',
			'Kein WLAN'
		]);

		expect(await anna!.give(VOTE, 'card1')).toBe(true);
		expect(await anna!.give(VOTE, 'card1')).toBe(true);
		expect(await bernd!.give(VOTE, 'card1')).toBe(true);
		expect(await bernd!.give(VOTE, 'card0')).toBe(true);
		workshop.sync();

		expect(anna!.myCounts(VOTE).get('card1')).toBe(2);
		expect(anna!.dotsLeft(VOTE)).toBe(1);
		expect(workshop.laptop.board.getMap(ROOT_KEYS.votes).size).toBe(0);
		expect(facilitator.results(VOTE)).toEqual([]);

		expect(await facilitator.reveal(VOTE)).toBe(true);
		workshop.sync();
		const expected = [
			{ itemId: 'card1', count: 3, rank: 1 },
			{ itemId: 'card0', count: 1, rank: 2 }
		];
		expect(facilitator.results(VOTE)).toEqual(expected);
		expect(bernd!.results(VOTE)).toEqual(expected);
		expect(facilitator.lastReveal).toEqual({ revealed: 4, unsynced: [] });
	});

	it('a dot beyond the budget or the per-item maximum is refused and written nowhere', async () => {
		const workshop = room();
		const facilitator = await facilitatorOf(workshop);
		const anna = await participant(workshop.tablets[0]!);
		await start(facilitator);
		workshop.sync();

		await anna.give(VOTE, 'card0');
		await anna.give(VOTE, 'card0');
		expect(await anna.give(VOTE, 'card0')).toBe(false);
		await anna.give(VOTE, 'card1');
		expect(await anna.give(VOTE, 'card1')).toBe(false);

		expect(anna.dotsLeft(VOTE)).toBe(0);
		expect(workshop.tablets[0]!.own.getMap(ROOT_KEYS.privateVotes).size).toBe(3);
	});

	it('a dot taken back before the reveal is not counted, and one taken back after it leaves the results', async () => {
		const workshop = room();
		const facilitator = await facilitatorOf(workshop);
		const anna = await participant(workshop.tablets[0]!);
		await start(facilitator);
		workshop.sync();
		await anna.give(VOTE, 'card0');
		await anna.give(VOTE, 'card1');
		expect(await anna.takeBack(VOTE, 'card0')).toBe(true);
		await facilitator.reveal(VOTE);
		workshop.sync();
		expect(facilitator.results(VOTE).map((result) => [result.itemId, result.count])).toEqual([
			['card1', 1],
			['card0', 0]
		]);

		expect(await anna.takeBack(VOTE, 'card1')).toBe(true);
		workshop.sync();
		expect(facilitator.results(VOTE).map((result) => result.count)).toEqual([0, 0]);
		expect(anna.dotsLeft(VOTE)).toBe(RULES.dotsPerPerson);
	});

	it('a device without a private document, such as the projector, gives no dot', async () => {
		const workshop = room();
		const facilitator = await facilitatorOf(workshop);
		await start(facilitator);
		workshop.sync();

		expect(facilitator.canVote).toBe(false);
		expect(await facilitator.give(VOTE, 'card0')).toBe(false);
		expect(workshop.laptop.board.getMap(ROOT_KEYS.votes).size).toBe(0);
	});
});

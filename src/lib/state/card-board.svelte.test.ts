import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_KEYS } from '../crdt/schema';
import { revealCards } from '../crdt/workshop-cards';
import { checkInParticipant } from '../crdt/workshop-doc';
import { setCardPhase } from '../crdt/workshop-run';
import type { Card } from '../domain/workshop/cards';
import {
	CardBoard,
	EMPTY_BOARD,
	readBoard,
	readPrivateCards,
	type Moderation
} from './card-board.svelte';
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

const BLOCK = 'cards';

/**
 * A workshop room: the facilitator's laptop and Anna's tablet, each with its own copy of the control
 * document and the board; Anna's private document is on her tablet only, and the server gives the
 * facilitator's reveal a copy of it (`sync`: what the server would pass on, both ways).
 */
function room() {
	const laptop = { control: new Y.Doc(), board: new Y.Doc() };
	const tablet = { control: new Y.Doc(), board: new Y.Doc(), own: new Y.Doc() };
	checkInParticipant(tablet.board, 'anna', 'Anna');
	const sync = () => {
		exchange(laptop.control, tablet.control);
		exchange(laptop.board, tablet.board);
	};
	sync();
	const moderation: Moderation = {
		setPhase: async (blockId, phase) => {
			setCardPhase(laptop.control, blockId, phase);
			return null;
		},
		reveal: async (blockId) => {
			const revealed = revealCards(laptop.board, tablet.own, { participantId: 'anna', blockId });
			return { ok: true, value: { revealed, unsynced: [] } };
		}
	};
	return { laptop, tablet, sync, moderation };
}

async function facilitatorBoard(
	{ laptop, moderation }: ReturnType<typeof room>,
	connected = true
): Promise<CardBoard> {
	const board = new CardBoard({
		control: controlOn(laptop.control),
		board: liveOn(laptop.board, readBoard, EMPTY_BOARD, connected),
		writeBoard: writeTo(laptop.board),
		own: null,
		authorId: 'moderation',
		moderation
	});
	await show(board);
	return board;
}

async function annasBoard(
	{ tablet }: ReturnType<typeof room>,
	connected = true
): Promise<CardBoard> {
	const board = new CardBoard({
		control: controlOn(tablet.control),
		board: liveOn(tablet.board, readBoard, EMPTY_BOARD, connected),
		writeBoard: writeTo(tablet.board),
		own: { cards: liveOn(tablet.own, readPrivateCards, [] as Card[]), write: writeTo(tablet.own) },
		authorId: 'anna',
		moderation: null
	});
	await show(board);
	return board;
}

/** What a board page reads while it shows the block. */
async function show(board: CardBoard): Promise<void> {
	await loaded(board);
	render(() => [board.view(BLOCK), board.ownPrivate(BLOCK), board.phaseOf(BLOCK)]);
}

const unclusteredTexts = (board: CardBoard) => board.view(BLOCK).unclustered.map((c) => c.text);
const boardTexts = (doc: Y.Doc) => readBoard(doc).cards.map((c) => c.text);

describe('CardBoard', () => {
	it('a card written in the private phase stays in its author’s private document until the reveal, then every device shows it on the board', async () => {
		const workshop = room();
		const facilitator = await facilitatorBoard(workshop);
		const anna = await annasBoard(workshop);

		expect(await facilitator.startPrivatePhase(BLOCK)).toBe(true);
		workshop.sync();
		expect(anna.phaseOf(BLOCK)).toBe('private');
		expect(await anna.addCard(BLOCK, 'Akten nur auf Papier')).toBeNull();
		workshop.sync();

		expect(anna.ownPrivate(BLOCK).map((card) => card.text)).toEqual(['Akten nur auf Papier']);
		expect(unclusteredTexts(facilitator)).toEqual([]);
		expect(boardTexts(workshop.tablet.board)).toEqual([]);
		expect(workshop.tablet.own.getMap(ROOT_KEYS.privateCards).size).toBeGreaterThan(0);

		expect(await facilitator.reveal(BLOCK)).toBe(true);
		workshop.sync();

		expect(facilitator.phaseOf(BLOCK)).toBe('revealed');
		expect(facilitator.lastReveal).toEqual({ revealed: 1, unsynced: [] });
		expect(unclusteredTexts(facilitator)).toEqual(['Akten nur auf Papier']);
		expect(unclusteredTexts(anna)).toEqual(['Akten nur auf Papier']);
		expect(anna.ownPrivate(BLOCK)).toEqual([]);
	});

	it('an empty or too long card is refused with its reason and nothing is written', async () => {
		const workshop = room();
		const anna = await annasBoard(workshop);

		expect(await anna.addCard(BLOCK, '   ')).toBe('card_empty');
		expect(await anna.addCard(BLOCK, 'x'.repeat(5000))).toBe('card_too_long');

		expect(workshop.tablet.board.getMap(ROOT_KEYS.cards).size).toBe(0);
		expect(workshop.tablet.own.getMap(ROOT_KEYS.privateCards).size).toBe(0);
	});

	it('a card moved into a group shows in that group on every device, and dissolving the group keeps the card', async () => {
		const workshop = room();
		const facilitator = await facilitatorBoard(workshop);
		const anna = await annasBoard(workshop);
		await anna.addCard(BLOCK, 'Kein WLAN im Ratssaal');
		await anna.addCard(BLOCK, 'Formulare nur als PDF');
		workshop.sync();
		expect(await facilitator.createCluster(BLOCK, 'Technik')).toBeNull();
		const technik = facilitator.view(BLOCK).clusters[0]!.cluster;
		const wlan = facilitator.view(BLOCK).unclustered.find((c) => c.text.startsWith('Kein'))!;

		expect(await facilitator.moveToCluster(BLOCK, wlan.id, technik.id)).toBe(true);
		workshop.sync();

		const groups = anna.view(BLOCK).clusters;
		expect(groups.map(({ cluster, cards }) => [cluster.name, cards.map((c) => c.text)])).toEqual([
			['Technik', ['Kein WLAN im Ratssaal']]
		]);
		expect(unclusteredTexts(anna)).toEqual(['Formulare nur als PDF']);

		expect(await anna.removeCluster(BLOCK, technik.id)).toBe(true);
		workshop.sync();
		expect(facilitator.view(BLOCK).clusters).toEqual([]);
		expect(unclusteredTexts(facilitator).sort()).toEqual([
			'Formulare nur als PDF',
			'Kein WLAN im Ratssaal'
		]);
	});

	it('a merged duplicate shows its text on the surviving card, and a removed card does not come back with the next reveal', async () => {
		const workshop = room();
		const facilitator = await facilitatorBoard(workshop);
		const anna = await annasBoard(workshop);
		await facilitator.startPrivatePhase(BLOCK);
		workshop.sync();
		await anna.addCard(BLOCK, 'Akten nur auf Papier');
		await anna.addCard(BLOCK, 'Papierakten im Bauamt');
		await facilitator.reveal(BLOCK);
		workshop.sync();
		const [paper, duplicate] = facilitator.view(BLOCK).unclustered;

		expect(await facilitator.merge(BLOCK, duplicate!.id, paper!.id)).toBe(true);
		workshop.sync();
		expect(anna.view(BLOCK).unclustered.map((c) => [c.text, c.mergedTexts])).toEqual([
			['Akten nur auf Papier', ['Papierakten im Bauamt']]
		]);

		expect(await facilitator.removeCard(BLOCK, paper!.id)).toBe(true);
		await facilitator.reveal(BLOCK);
		workshop.sync();
		expect(facilitator.lastReveal?.revealed).toBe(0);
		expect(unclusteredTexts(facilitator)).toEqual([]);
		expect(unclusteredTexts(anna)).toEqual([]);
	});

	it('a participant who was offline at the reveal copies her own card to the board once her board is synced, exactly once', async () => {
		const workshop = room();
		const facilitator = await facilitatorBoard(workshop);
		await facilitator.startPrivatePhase(BLOCK);
		workshop.sync();
		const offline = await annasBoard(workshop, false);
		await offline.addCard(BLOCK, 'Offline geschrieben');
		// The reveal happens while her private document has not reached the server.
		const away = workshop.tablet.own;
		workshop.tablet.own = new Y.Doc();
		await facilitator.reveal(BLOCK);
		workshop.tablet.own = away;
		workshop.sync();

		expect(offline.ownToReveal.map((card) => card.text)).toEqual(['Offline geschrieben']);
		expect(await offline.revealOwn()).toBe(0);

		const back = await annasBoard(workshop, true);
		expect(await back.revealOwn()).toBe(1);
		expect(await back.revealOwn()).toBe(0);
		workshop.sync();
		expect(unclusteredTexts(facilitator)).toEqual(['Offline geschrieben']);
		expect(boardTexts(workshop.laptop.board)).toEqual(['Offline geschrieben']);
	});
});

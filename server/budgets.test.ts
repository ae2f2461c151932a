// Byte budgets per participant and board (src/lib/sync/SPEC.md H6, ADR 18): participants who joined
// with a real join code write cards on a real server's board, and the SQLite file is checked after the
// store acknowledgement of a later write or after the server stopped.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ERROR_CODES } from '../src/lib/contract/protocol';
import { readCards } from '../src/lib/crdt/workshop-cards';
import { addedBytes } from './extensions/budget-extension';
import type { BoardBudget, ServerConfig } from './config';
import { useCleanup } from './test/cleanup';
import { rmSync } from 'node:fs';
import { createTempDir, startTestServer, type TestServer } from './test/test-server';
import {
	addOwnCard,
	boardClient,
	openRoom,
	storedBoard,
	storedBoardBytes,
	writeRefused,
	writeStored,
	type Room,
	type RoomClient,
	until
} from './test/workshop-room';

const defer = useCleanup();
const HOUR_MS = 60 * 60 * 1000;

/** A server whose board budget is `budget`, with the facilitator, Anna and Bernd on the board. */
async function workshop(
	budget: BoardBudget,
	clock?: () => number
): Promise<{
	test: TestServer;
	room: Room;
	anna: RoomClient;
	bernd: RoomClient;
}> {
	const test = await startTestServer({
		configure: (config) => ({ ...config, limits: { ...config.limits, boardBudget: budget } }),
		...(clock ? { budgetClock: clock } : {})
	});
	defer(() => test.close());
	const room = await openRoom(test, ['Anna', 'Bernd'], defer);
	const [anna, bernd] = room.participants as [RoomClient, RoomClient];
	return { test, room, anna, bernd };
}

/**
 * `count` cards of the longest text a card may have (280 characters), in one transaction: about 570
 * bytes each as the server charges them (4 cards are 2,251–2,302 bytes).
 */
const cards =
	(client: RoomClient, label: string, count: number) =>
	(doc: Y.Doc): void =>
		doc.transact(() => {
			for (let i = 0; i < count; i++)
				addOwnCard(doc, client.sub, `${label} ${i} `.padEnd(280, 'x'));
		});

/** How many of the stored board's cards each author wrote, by the texts' labels. */
const labelsOf = (doc: Y.Doc): string[] =>
	[...new Set(readCards(doc).cards.map((card) => card.text.split(' ')[0]!))].sort();

describe('a participant adds only a bounded number of bytes to a board (H6)', () => {
	it('an update beyond the window is refused whole with its own reason, and the stored board stays byte-identical', async () => {
		const { test, anna } = await workshop({
			windowBytes: 6_000,
			windowMs: HOUR_MS,
			totalBytes: 100_000
		});
		await writeStored(anna, cards(anna, 'A1', 1));
		const before = await storedBoardBytes(test);

		// 12 cards are about 6,900 bytes: over the 6,000 the window holds.
		await writeRefused(anna, cards(anna, 'A2', 12), ERROR_CODES.writeBudgetExceeded);
		// Stopping stores every document still loaded: the server's copy never took the refused update.
		await test.server.close();
		expect(Buffer.from((await storedBoardBytes(test))!).equals(Buffer.from(before!))).toBe(true);
		expect(labelsOf(await storedBoard(test))).toEqual(['A1']);
	});

	it('small updates add up; the window refills, the total does not, not even for another connection of the same person; others have their own budget', async () => {
		let now = 0;
		const { test, room, anna, bernd } = await workshop(
			{ windowBytes: 6_000, windowMs: 60_000, totalBytes: 10_000 },
			() => now
		);
		// About 4,600 bytes, then 2,300 more within the window: 6,900 > 6,000.
		await writeStored(anna, cards(anna, 'A1', 8));
		await writeRefused(anna, cards(anna, 'A2', 4), ERROR_CODES.writeBudgetExceeded);

		// Once the window has refilled, the same 2,300 bytes pass: 6,900 of the 10,000 in total.
		now += 60_000;
		const annaAgain = await room.reconnect(anna);
		await writeStored(annaAgain, cards(annaAgain, 'A3', 4));

		// A full window later, 4,600 bytes more would make 11,500 of 10,000: refused for good.
		now += 60_000;
		const annaOnceMore = await room.reconnect(anna);
		await writeRefused(annaOnceMore, cards(annaOnceMore, 'A4', 8), ERROR_CODES.writeBudgetExceeded);

		// Bernd's budget is his own.
		await writeStored(bernd, cards(bernd, 'B1', 8));
		const stored = await storedBoard(test);
		expect(labelsOf(stored)).toEqual(['A1', 'A3', 'B1']);
		expect(readCards(stored).cards).toHaveLength(8 + 4 + 8);
	}, 20_000);

	it('a restart of the server grants no fresh budget: what a participant spent before still counts', async () => {
		const dataDir = createTempDir('kw-data-');
		defer(() => rmSync(dataDir, { recursive: true, force: true }));
		const budget = { windowBytes: 100_000, windowMs: HOUR_MS, totalBytes: 6_000 };
		const options = {
			dataDir,
			configure: (config: ServerConfig) => ({
				...config,
				limits: { ...config.limits, boardBudget: budget }
			})
		};
		const first = await startTestServer(options);
		defer(() => first.close());
		const [anna, bernd] = (await openRoom(first, ['Anna', 'Bernd'], defer)).participants as [
			RoomClient,
			RoomClient
		];
		// About 4,600 of Anna's 6,000 bytes.
		await writeStored(anna, cards(anna, 'A1', 8));
		anna.destroy();
		bernd.destroy();
		await first.close();

		const second = await startTestServer(options);
		defer(() => second.close());
		const annaAgain = boardClient(second, anna.token, anna.sub);
		const berndAgain = boardClient(second, bernd.token, bernd.sub);
		defer(() => annaAgain.destroy());
		defer(() => berndAgain.destroy());
		await until(() => annaAgain.state.synced && berndAgain.state.synced, 'the board to sync');
		// 2,300 bytes more would make 6,900 of 6,000: refused, as before the restart.
		await writeRefused(annaAgain, cards(annaAgain, 'A2', 4), ERROR_CODES.writeBudgetExceeded);
		// Bernd spent nothing before the restart: his 4,600 bytes pass.
		await writeStored(berndAgain, cards(berndAgain, 'B1', 8));
		expect(labelsOf(await storedBoard(second))).toEqual(['A1', 'B1']);
	}, 30_000);

	it('the facilitator is not limited', async () => {
		const { test, room } = await workshop({
			windowBytes: 6_000,
			windowMs: HOUR_MS,
			totalBytes: 10_000
		});
		const facilitator = room.facilitator;
		for (const label of ['M1', 'M2', 'M3']) {
			await writeStored(facilitator, cards(facilitator, label, 12));
		}
		expect(facilitator.closeReasons).toEqual([]);
		expect(readCards(await storedBoard(test)).cards).toHaveLength(36);
	});
});

describe('what an update is charged (H6)', () => {
	const board = () => {
		const doc = new Y.Doc();
		const map = doc.getMap('cards');
		for (let i = 0; i < 50; i++) map.set(`card-${i}/text`, 'Erste Fassung'.padEnd(200, '.'));
		// Every second text rewritten: the device's delete set has 25 ranges.
		for (let i = 0; i < 50; i += 2) map.set(`card-${i}/text`, 'Zweite Fassung'.padEnd(200, '.'));
		return doc;
	};

	it('re-sending what the server holds, with the whole delete set, as a reconnecting device does, costs nothing', () => {
		const device = board();
		const server = new Y.Doc();
		Y.applyUpdate(server, Y.encodeStateAsUpdate(device));
		expect(addedBytes(server, Y.encodeStateAsUpdate(device))).toBe(0);
		// A sync step 2 against the server's state vector: no entry, but the whole delete set.
		const step2 = Y.encodeStateAsUpdate(device, Y.encodeStateVector(server));
		expect(step2.byteLength).toBeGreaterThan(25);
		expect(addedBytes(server, step2)).toBe(0);
	});

	it('a new entry costs its encoded bytes, however much the device re-sends with it', () => {
		const device = board();
		const server = new Y.Doc();
		Y.applyUpdate(server, Y.encodeStateAsUpdate(device));
		device.getMap('cards').set('card-new/text', 'x'.repeat(1_000));
		const added = addedBytes(server, Y.encodeStateAsUpdate(device, Y.encodeStateVector(server)));
		// 1,000 bytes of text, the key 'card-new/text' (13) and the entry's head (a few bytes).
		expect(added).toBeGreaterThanOrEqual(1_013);
		expect(added).toBeLessThan(1_013 + 32);
		expect(addedBytes(server, Y.encodeStateAsUpdate(device))).toBe(added);
	});
});

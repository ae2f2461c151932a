// A workshop room on a real test server: the facilitator (the laptop owner's moderation token) and
// participants who joined with a real join code, each with a real provider on the board. Used by the
// write-rules tests (server/SPEC.md W1–W15) and the byte-budget tests (src/lib/sync/SPEC.md H6), which
// assert on the SQLite file after the store acknowledgement.
import * as Y from 'yjs';
import { snapshotCovers } from '../../src/lib/crdt/durable-snapshot';
import { addCard, readCards } from '../../src/lib/crdt/workshop-cards';
import { orderAtEnd } from '../../src/lib/domain/workshop/ordering';
import { workshopBoardDocName } from '../../src/lib/domain/document-names';
import { ERROR_CODES, type WriteRefusal } from '../../src/lib/contract/protocol';
import { invite, join, ownerToken } from './join-api';
import { storedDocuments } from './seed';
import { connectSyncClient, type SyncClient } from './sync-client';
import type { TestServer } from './test-server';

export const ROOM_ARS = '032410001001';
export const ROOM_WORKSHOP = 'w-rules';
export const ROOM_BOARD = workshopBoardDocName(ROOM_ARS, ROOM_WORKSHOP);

export interface RoomClient extends SyncClient {
	/** The token's subject: the participant id (for the facilitator, the owner's subject). */
	sub: string;
	token: string;
	/** Close reasons of this document's connection, in order (`write_refused`, …). */
	closeReasons: string[];
}

export interface Room {
	facilitator: RoomClient;
	participants: RoomClient[];
	/** A further device joining with the room's code. */
	join(name: string): Promise<RoomClient>;
	/** Another connection of the same person (a second tab or device with the same credential). */
	reconnect(client: RoomClient): Promise<RoomClient>;
}

/** A connection to the room's board with a token the room issued (also on a restarted server). */
export function boardClient(test: TestServer, token: string, sub: string): RoomClient {
	const client = connectSyncClient({ url: test.syncUrl, name: ROOM_BOARD, token });
	const closeReasons: string[] = [];
	client.provider.on('close', ({ event }: { event: { reason?: string } }) => {
		if (event.reason) closeReasons.push(event.reason);
	});
	return { ...client, sub, token, closeReasons };
}

/** Waits until `condition` holds (also outside a test, where expect.poll cannot run). */
export const until = async (condition: () => boolean, what: string, timeoutMs = 10_000) => {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
};

/** Opens the room: the facilitator on the board and `names.length` participants joined by code. */
export async function openRoom(
	test: TestServer,
	names: readonly string[],
	defer: (cleanup: () => unknown) => void
): Promise<Room> {
	const owner = await ownerToken(test.port);
	const { code } = await invite(test.port, owner, {
		kind: 'teilnahme',
		ars: ROOM_ARS,
		workshop: ROOM_WORKSHOP,
		label: 'Werkstatt'
	});
	const connect = async (token: string, sub: string) => {
		const client = boardClient(test, token, sub);
		defer(() => client.destroy());
		await until(() => client.state.synced, 'the board to sync');
		return client;
	};
	const joinAs = async (name: string) => {
		const joined = await join(test.port, code, name);
		return connect(joined.token, joined.sub);
	};
	const facilitator = await connect(owner, 'owner');
	const participants: RoomClient[] = [];
	for (const name of names) participants.push(await joinAs(name));
	return {
		facilitator,
		participants,
		join: joinAs,
		reconnect: (client) => connect(client.token, client.sub)
	};
}

/** Writes on the client's board and waits until the server's durable acknowledgement covers it. */
export async function writeStored(client: RoomClient, change: (doc: Y.Doc) => void): Promise<void> {
	change(client.doc);
	await until(
		() => client.acks.some((ack) => ack.storedAt > 0 && snapshotCovers(ack.snapshot, client.doc)),
		'the store acknowledgement'
	);
}

/**
 * Writes on the client's board and waits until the server refuses it (the document's close reason:
 * the write rules' unless another is named).
 */
export async function writeRefused(
	client: RoomClient,
	change: (doc: Y.Doc) => void,
	reason: WriteRefusal = ERROR_CODES.writeRefused
): Promise<void> {
	const before = client.closeReasons.length;
	change(client.doc);
	await until(() => client.closeReasons.slice(before).includes(reason), 'the refusal');
}

/** The board as the SQLite file holds it now. */
export async function storedBoard(test: TestServer): Promise<Y.Doc> {
	const stored = (await storedDocuments(test.dataDir, [ROOM_BOARD])).get(ROOM_BOARD);
	const doc = new Y.Doc();
	if (stored) Y.applyUpdateV2(doc, stored.state);
	return doc;
}

/** The stored bytes of the board (to show a refusal left them as they were). */
export async function storedBoardBytes(test: TestServer): Promise<Uint8Array | null> {
	return (await storedDocuments(test.dataDir, [ROOM_BOARD])).get(ROOM_BOARD)?.state ?? null;
}

let ownCards = 0;

/**
 * Adds a card by `authorId` to a board: what a participant may write there (W6), for tests that need
 * any legitimate participant edit.
 */
export function addOwnCard(doc: Y.Doc, authorId: string, text: string): void {
	ownCards += 1;
	addCard(doc, {
		id: `own-${ownCards}-${doc.clientID}`,
		blockId: 'block-1',
		authorId,
		text,
		order: orderAtEnd(readCards(doc).cards).order,
		clusterId: null,
		mergedInto: null,
		createdAt: ownCards
	});
}

/** The texts of the board's cards, sorted. */
export const cardTexts = (doc: Y.Doc): string[] =>
	readCards(doc)
		.cards.map((card) => card.text)
		.sort();

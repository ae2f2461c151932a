// Whose cards a reveal copies (ADR 15, server/SPEC.md W5): the facilitator's app on the laptop, as
// buildAppContext makes it, against the real server, with participants who joined by a real code.
// Asserted on the board as the server's SQLite file holds it after the reveal.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshotCovers } from '../../crdt/durable-snapshot';
import { addCard, readCards } from '../../crdt/workshop-cards';
import { checkInParticipant, readRoster } from '../../crdt/workshop-doc';
import { ROOT_KEYS } from '../../crdt/schema';
import { workshopBoardDocName, workshopPrivateDocName } from '../../domain/document-names';
import { buildAppContext, type AppContext } from '../app-context.svelte';
import type { TokenSource } from '../../sync/token-source';
import { readStoredDocument } from '../../../../server/test/stored-file';
import { invite, join } from '../../../../server/test/join-api';
import { connectSyncClient, type SyncClient } from '../../../../server/test/sync-client';
import { rendered } from '../test-device.svelte';
import { startTestLaptop, type TestLaptop } from '../test-laptop';

const ARS = '032520006007';
const BLOCK = 'block-ideen';
let laptop: TestLaptop;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
	laptop = await startTestLaptop();
}, 60_000);
afterAll(() => laptop.close());
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A document client on the laptop with `token`, closed when the test ends. */
function clientOn(name: string, token: string): SyncClient {
	const client = connectSyncClient({
		url: `ws://localhost:${laptop.port}/sync`,
		name,
		token,
		// Node's own: under the client project's browser condition `ws` is a stub.
		webSocket: globalThis.WebSocket as unknown as typeof import('ws').WebSocket
	});
	cleanups.push(() => client.destroy());
	return client;
}

/** Writes on the client's document and waits until the server's durable acknowledgement covers it. */
async function writeStored(client: SyncClient, change: (doc: Y.Doc) => void): Promise<void> {
	await expect.poll(() => client.state.synced, { timeout: 10_000 }).toBe(true);
	change(client.doc);
	await expect
		.poll(() => client.acks.some((a) => a.storedAt > 0 && snapshotCovers(a.snapshot, client.doc)), {
			timeout: 10_000
		})
		.toBe(true);
}

/** The facilitator's page on the laptop: the whole app, with the token the laptop gives its owner. */
function facilitatorApp(owner: string): AppContext {
	const tokenSource: TokenSource = {
		state: 'available',
		getToken: async () => owner,
		invalidate: () => {}
	};
	const app = buildAppContext({ dbName: `reveal-${Math.random()}`, tokenSource });
	cleanups.push(() => app.dispose());
	return app;
}

describe('the reveal', () => {
	it('copies the private cards of every participant the laptop admitted, even when fake entries fill the roster and hers is missing', async () => {
		const workshop = `w-${Date.now()}`;
		const board = workshopBoardDocName(ARS, workshop);
		const owner = await laptop.ownerToken();
		const { code } = await invite(laptop.port, owner, {
			kind: 'teilnahme',
			ars: ARS,
			workshop,
			label: 'Werkstatt'
		});

		// The roster holds 5,000 made-up participants who "joined" at time 0, before anyone real: what a
		// flood left on a board before W5 bound the roster to credentials. A real participant's entry is
		// then refused (W5 takes no new entry once 200 are there), so the roster never names her.
		await writeStored(clientOn(board, owner), (doc) =>
			doc.transact(() => {
				for (let i = 0; i < 5_000; i++) {
					checkInParticipant(doc, `fake-${String(i).padStart(4, '0')}`, `Fake ${i}`, 0);
				}
			})
		);

		const anna = await join(laptop.port, code, 'Anna');
		await writeStored(
			clientOn(workshopPrivateDocName(ARS, workshop, anna.sub), anna.token),
			(doc) =>
				addCard(
					doc,
					{
						id: 'card-anna-1',
						blockId: BLOCK,
						authorId: anna.sub,
						text: 'Bürgerbüro online',
						order: 'a0',
						clusterId: null,
						mergedInto: null,
						createdAt: 1
					},
					ROOT_KEYS.privateCards
				)
		);

		const app = facilitatorApp(owner);
		const workspace = await app.workshop(ARS, workshop);
		await expect.poll(() => workspace.cards, { timeout: 10_000 }).not.toBeNull();
		const cards = workspace.cards!;
		cleanups.push(rendered(() => [cards.loading, cards.view(BLOCK), workspace.roster.value]));
		// The facilitator's page has the board from the laptop, fake roster and all.
		await expect.poll(() => workspace.roster.value.length, { timeout: 10_000 }).toBe(5_000);

		expect(await cards.reveal(BLOCK)).toBe(true);
		expect(cards.lastReveal).toEqual({ revealed: 1, unsynced: [] });

		await expect
			.poll(() => readCards(readStoredDocument(laptop.dataDir, board) ?? new Y.Doc()).cards, {
				timeout: 15_000
			})
			.toMatchObject([{ id: 'card-anna-1', authorId: anna.sub, text: 'Bürgerbüro online' }]);
		const roster = readRoster(readStoredDocument(laptop.dataDir, board)!);
		expect(roster).toHaveLength(5_000);
		expect(roster.map((entry) => entry.participantId)).not.toContain(anna.sub);
	}, 60_000);
});

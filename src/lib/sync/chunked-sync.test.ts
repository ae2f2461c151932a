// A document larger than one WebSocket message, built on a device offline, reaches the real server on
// 127.0.0.1 in pieces (S19): the server accepts no message above WS_MAX_PAYLOAD_BYTES (8 MiB) and
// closes the socket with 1009 on one, so sent whole it would never be stored.

import { randomBytes } from 'node:crypto';
import { Server } from '@hocuspocus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { BudgetExceeded } from '../../../server/extensions/budget-extension';
import { openRawSyncSocket } from '../../../server/test/raw-sync-socket';
import { readStoredDocument } from '../../../server/test/stored-file';
import { startTestServer, type TestServer } from '../../../server/test/test-server';
import { ERROR_CODES, WS_MAX_PAYLOAD_BYTES, type WriteRefusal } from '../contract/protocol';
import { PIECE_BYTES } from './chunked-provider';
import { createDocumentRegistry } from './document-registry';
import type { DocumentHandle } from './open-document';
import { uniqueDocName } from './test-support';
import { splitUpdate } from './update-pieces';

let server: TestServer;
let token: string;
beforeAll(async () => {
	server = await startTestServer();
	({ token } = await server.server.tokens.issue({
		sub: 'owner',
		role: 'moderation',
		docs: ['kommune/*/**'],
		ttlSeconds: 600
	}));
});
afterAll(() => server.close());

/** What the device's sockets saw: the size of every frame sent, and every close code. */
const socketLog = { sent: [] as number[], closed: [] as number[] };

class LoggingWebSocket extends WebSocket {
	constructor(...args: ConstructorParameters<typeof WebSocket>) {
		super(...args);
		this.on('close', (code: number) => socketLog.closed.push(code));
	}
	override send(data: Uint8Array, ...rest: unknown[]): void {
		socketLog.sent.push(data.byteLength);
		(super.send as (data: unknown, ...rest: unknown[]) => void)(data, ...rest);
	}
}

/**
 * A workshop board of `cards` cards of `textBytes` random characters each, written on a device with no
 * server (only into its IndexedDB copy), as a facilitator's laptop holds it after a long offline day.
 */
async function boardBuiltOffline(name: string, cards: number, textBytes: number) {
	const offline = createDocumentRegistry({ relay: false });
	const handle = await offline.open(name);
	handle.doc.transact(() => {
		const map = handle.doc.getMap('cards');
		for (let i = 0; i < cards; i += 1) {
			// Base64 of random bytes: nothing a compression could shrink.
			map.set(`card-${i}/text`, randomBytes((textBytes * 3) / 4).toString('base64'));
			map.set(`card-${i}/order`, i);
		}
	});
	await handle.whenStored();
	const state = Y.encodeStateAsUpdate(handle.doc);
	await offline.close();
	return state;
}

/** A workshop board's name no other test uses. */
const newBoard = () =>
	`kommune/032410001001/workshop/${uniqueDocName('w').replace(/\W/g, '')}/board`;

const laptopCovers = (handle: DocumentHandle) =>
	handle.durability.places.find((p) => p.place === 'laptop')?.covered ?? false;

describe('a document larger than one message', () => {
	it('reaches the server in pieces, is stored whole, and counts as saved once the server acknowledges all of it', async () => {
		const name = newBoard();
		// 6,000 cards of 2,048 characters: 12,288,000 bytes of text, half again the largest message.
		const local = await boardBuiltOffline(name, 6_000, 2_048);
		expect(local.byteLength).toBeGreaterThan(1.4 * WS_MAX_PAYLOAD_BYTES);

		const online = createDocumentRegistry({
			relay: false,
			tokenSource: { state: 'available', getToken: async () => token, invalidate: () => {} },
			socket: { url: server.syncUrl, WebSocketPolyfill: LoggingWebSocket }
		});
		try {
			const handle = await online.open(name);
			// Written while the pieces go out: it waits for the last piece, then reaches the server too.
			await expect
				.poll(() => socketLog.sent.some((bytes) => bytes > PIECE_BYTES / 2), { timeout: 15_000 })
				.toBe(true);
			handle.doc.getMap('cards').set('card-late/text', 'Während des Hochladens geschrieben');
			await expect.poll(() => laptopCovers(handle), { timeout: 25_000, interval: 200 }).toBe(true);

			const stored = readStoredDocument(server.dataDir, name);
			expect(stored).not.toBeNull();
			expect(Y.equalSnapshots(Y.snapshot(stored!), Y.snapshot(handle.doc))).toBe(true);
			expect(stored!.getMap('cards').toJSON()).toEqual(handle.doc.getMap('cards').toJSON());
			expect(stored!.getMap('cards').get('card-late/text')).toBe(
				'Während des Hochladens geschrieben'
			);
			// Never closed: no 1009 for a message too large, no 4429 for sending too fast.
			expect(socketLog.closed).toEqual([]);
			// In frames of at most a piece and its address; 12,288,000 bytes of text fill at least 11 pieces
			// of 1,048,576 bytes.
			expect(Math.max(...socketLog.sent)).toBeLessThanOrEqual(PIECE_BYTES + 256);
			expect(
				socketLog.sent.filter((bytes) => bytes > PIECE_BYTES / 2).length
			).toBeGreaterThanOrEqual(11);
		} finally {
			await online.close();
		}
	}, 40_000);

	it('stores pieces that reach the server out of order once the piece they wait for arrives', async () => {
		const name = newBoard();
		const doc = new Y.Doc();
		for (let i = 0; i < 40; i += 1) doc.getMap('cards').set(`card-${i}/text`, 'x'.repeat(500));
		// 40 × 500 bytes of text in pieces of at most 4 KiB: at least 5, each continuing the one before.
		const pieces = splitUpdate(Y.encodeStateAsUpdate(doc), 4_096);
		expect(pieces.length).toBeGreaterThanOrEqual(5);
		const raw = await openRawSyncSocket(server.syncUrl);
		try {
			await raw.join(name, token);
			const acksBefore = raw.acks;
			for (const piece of pieces.slice(1).reverse()) raw.sendUpdate(name, piece);
			await expect.poll(() => raw.acks).toBe(acksBefore + pieces.length - 1);
			// Taken, but held by Yjs until the first piece arrives: nothing of it is stored, even after
			// the server's store delay (at most 100 ms here).
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(readStoredDocument(server.dataDir, name)?.getMap('cards').size ?? 0).toBe(0);

			raw.sendUpdate(name, pieces[0]!);
			await expect
				.poll(() => readStoredDocument(server.dataDir, name)?.getMap('cards').toJSON())
				.toEqual(doc.getMap('cards').toJSON());
		} finally {
			raw.socket.close();
		}
	});

	it('ends with the refusal, once, when the server refuses a piece for good, instead of sending it again', async () => {
		// A server that refuses every message above 64 KiB as over the writer's byte budget (H6), as the
		// app server does for a participant's large catch-up on a board, and counts the sync messages.
		let syncMessages = 0;
		const refusing = new Server({
			address: '127.0.0.1',
			port: 0,
			quiet: true,
			stopOnSignals: false,
			extensions: [
				{
					async beforeHandleMessage({ update }) {
						syncMessages += 1;
						if (update.byteLength > 64 * 1024) throw new BudgetExceeded();
					}
				}
			]
		});
		await refusing.listen();
		const name = newBoard();
		// 600 records of 2,048 random characters: 1,228,800 bytes, more than one piece.
		await boardBuiltOffline(name, 600, 2_048);
		const refusals: WriteRefusal[] = [];
		const online = createDocumentRegistry({
			relay: false,
			tokenSource: { state: 'available', getToken: async () => 'any', invalidate: () => {} },
			socket: { url: refusing.webSocketURL, WebSocketPolyfill: WebSocket },
			onRefused: (_name, reason) => refusals.push(reason)
		});
		try {
			const handle = await online.open(name);
			await expect
				.poll(() => refusals, { timeout: 10_000 })
				.toEqual([ERROR_CODES.writeBudgetExceeded]);
			const messagesAtRefusal = syncMessages;
			// Nothing follows: no reconnect, no second attempt (the provider's first retry comes after 1 s).
			await new Promise((resolve) => setTimeout(resolve, 2_500));
			expect(refusals).toEqual([ERROR_CODES.writeBudgetExceeded]);
			expect(syncMessages).toBe(messagesAtRefusal);
			expect(handle.status).toBe('local');
		} finally {
			await online.close();
			await refusing.destroy();
		}
	});

	it('keeps a document with one entry larger than a message on the device instead of sending it again and again', async () => {
		const name = newBoard();
		const offline = createDocumentRegistry({ relay: false });
		const draft = await offline.open(name);
		// One binary entry of 9 MiB: no split can cut it below the 8 MiB a message may hold.
		draft.doc.getMap('cards').set('scan', new Uint8Array(randomBytes(9 * 1024 * 1024)));
		await draft.whenStored();
		await offline.close();
		const framesBefore = socketLog.sent.length;
		const closesBefore = socketLog.closed.length;

		const online = createDocumentRegistry({
			relay: false,
			tokenSource: { state: 'available', getToken: async () => token, invalidate: () => {} },
			socket: { url: server.syncUrl, WebSocketPolyfill: LoggingWebSocket }
		});
		try {
			const handle = await online.open(name);
			// The page learns why (S20), to say so.
			await expect
				.poll(() => online.tooLarge, { timeout: 10_000 })
				.toEqual([{ name, reason: 'entry_too_large' }]);
			// Long enough for the handshake and, were it sent, a 1009 close and the provider's retry.
			await new Promise((resolve) => setTimeout(resolve, 3_000));
			expect(socketLog.sent.slice(framesBefore).filter((bytes) => bytes > PIECE_BYTES)).toEqual([]);
			// Only this device closed its socket, when the connection stopped: never the server with 1009.
			expect(socketLog.closed.slice(closesBefore)).not.toContain(1009);
			expect(handle.status).toBe('local');
			expect(handle.doc.getMap('cards').get('scan')).toHaveLength(9 * 1024 * 1024);
		} finally {
			await online.close();
		}
	});
});

describe('a document over the server’s size limit (S20)', () => {
	it('stops syncing once the server refuses it as too large, keeps everything typed on this device, and says so; the tab’s other document stays connected', async () => {
		const MAX = 256 * 1024;
		const small = await startTestServer({
			configure: (config) => ({ ...config, limits: { ...config.limits, maxDocumentBytes: MAX } })
		});
		const { token: key } = await small.server.tokens.issue({
			sub: 'owner',
			role: 'moderation',
			docs: ['kommune/*/**'],
			ttlSeconds: 600
		});
		const big = newBoard();
		const other = newBoard();
		const framesBefore = socketLog.sent.length;
		const online = createDocumentRegistry({
			relay: false,
			tokenSource: { state: 'available', getToken: async () => key, invalidate: () => {} },
			socket: { url: small.syncUrl, WebSocketPolyfill: LoggingWebSocket }
		});
		try {
			const board = await online.open(big);
			const neighbour = await online.open(other);
			await expect.poll(() => board.status, { timeout: 10_000 }).toBe('connected');
			await expect.poll(() => neighbour.status, { timeout: 10_000 }).toBe('connected');

			// 40 cards of 8,192 random characters: 320 KiB, over the 256 KiB the server keeps.
			board.doc.transact(() => {
				const cards = board.doc.getMap('cards');
				for (let i = 0; i < 40; i += 1) {
					cards.set(`card-${i}/text`, randomBytes(6_144).toString('base64'));
				}
			});
			await expect
				.poll(() => online.tooLarge, { timeout: 10_000 })
				.toEqual([{ name: big, reason: 'document_too_large' }]);
			expect(board.status).toBe('local');
			const framesAtRefusal = socketLog.sent.length;
			// Nothing follows for it: no reconnect, no second attempt (the provider retries after 1 s).
			await new Promise((resolve) => setTimeout(resolve, 2_500));
			expect(socketLog.sent.length).toBe(framesAtRefusal);
			expect(framesAtRefusal).toBeGreaterThan(framesBefore);

			// The socket and the other document carry on.
			neighbour.doc.getMap('cards').set('card-x/text', 'Nachbar');
			await expect
				.poll(() => readStoredDocument(small.dataDir, other)?.getMap('cards').get('card-x/text'), {
					timeout: 10_000
				})
				.toBe('Nachbar');
			expect(neighbour.status).toBe('connected');
			// The server kept nothing of the refused update.
			expect(readStoredDocument(small.dataDir, big)?.getMap('cards').size ?? 0).toBe(0);
			await board.whenStored();
		} finally {
			await online.close();
			await small.close();
		}
		// Everything typed is still on this device, after closing it.
		const offline = createDocumentRegistry({ relay: false });
		const reopened = await offline.open(big);
		expect(reopened.doc.getMap('cards').size).toBe(40);
		await offline.close();
	}, 60_000);
});

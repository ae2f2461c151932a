// A document larger than one WebSocket message, built on a device offline, reaches the real server on
// 127.0.0.1 in pieces (S19): the server accepts no message above WS_MAX_PAYLOAD_BYTES (8 MiB) and
// closes the socket with 1009 on one, so sent whole it would never be stored.

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { readStoredDocument } from '../../../server/test/stored-file';
import { startTestServer, type TestServer } from '../../../server/test/test-server';
import { WS_MAX_PAYLOAD_BYTES } from '../contract/protocol';
import { PIECE_BYTES } from './chunked-provider';
import { createDocumentRegistry } from './document-registry';
import type { DocumentHandle } from './open-document';
import { uniqueDocName } from './test-support';

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

const laptopCovers = (handle: DocumentHandle) =>
	handle.durability.places.find((p) => p.place === 'laptop')?.covered ?? false;

describe('a document larger than one message', () => {
	it('reaches the server in pieces, is stored whole, and counts as saved once the server acknowledges all of it', async () => {
		const name = `kommune/032410001001/workshop/${uniqueDocName('w').replace(/\W/g, '')}/board`;
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
			await expect.poll(() => laptopCovers(handle), { timeout: 25_000, interval: 200 }).toBe(true);

			const stored = readStoredDocument(server.dataDir, name);
			expect(stored).not.toBeNull();
			expect(Y.equalSnapshots(Y.snapshot(stored!), Y.snapshot(handle.doc))).toBe(true);
			expect(stored!.getMap('cards').toJSON()).toEqual(handle.doc.getMap('cards').toJSON());
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
});

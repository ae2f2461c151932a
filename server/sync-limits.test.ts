// The server's sync limits (ADR 6; H4 in src/lib/sync/SPEC.md): per-user message and byte
// rates, the maximum document size, the payload cap and the pre-authentication limits. Each test shrinks
// one limit and asserts on the documents and on the close codes the clients receive.
import { join } from 'node:path';
import type { Extension } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../src/lib/domain/access';
import { API_PATHS, CLOSE_CODES, ERROR_CODES } from '../src/lib/contract/protocol';
import type { ServerConfig, SyncLimits } from './config';
import type { AuthContext } from './extensions/auth-extension';
import { createLogger } from './logger';
import type { DocumentStore } from './storage/document-store';
import { openSqliteStore } from './storage/sqlite-store';
import { useCleanup } from './test/cleanup';
import { rawRequest } from './test/http-request';
import {
	independentEntry,
	openRawSyncSocket,
	frame,
	type RawSyncSocket
} from './test/raw-sync-socket';
import { seedText } from './test/seed';
import { connectSyncClient, textOf, type SyncClient } from './test/sync-client';
import { addOwnCard, cardTexts } from './test/workshop-room';
import { createTempDir, removeDir, startTestServer, type TestServer } from './test/test-server';

const ARS = '032410001001';
const PROFILE = `kommune/${ARS}/profile`;
const BOARD = `kommune/${ARS}/workshop/w1/board`;
const SEED = 'Profil';

const defer = useCleanup();

interface Started {
	test: TestServer;
	store: DocumentStore;
	/** Log lines the server wrote (JSON). */
	logLines: string[];
	/** Subjects whose document connection has been closed and whose messages are all handled. */
	disconnected: string[];
	token(sub: string, role?: Role, docs?: string[]): Promise<string>;
	raw(): Promise<RawSyncSocket>;
	client(name: string, token: string): SyncClient;
}

async function start(
	limits: Partial<SyncLimits>,
	configure: (config: ServerConfig) => ServerConfig = (c) => c
): Promise<Started> {
	const dataDir = createTempDir('kw-data-');
	defer(() => removeDir(dataDir));
	const store = openSqliteStore(join(dataDir, 'limits-test.sqlite'));
	defer(() => store.close());
	await seedText(store, PROFILE, SEED);
	const logLines: string[] = [];
	const test = await startTestServer({
		dataDir,
		store,
		logger: createLogger('info', { write: (line: string) => void logLines.push(line) }),
		configure: (config) => configure({ ...config, limits: { ...config.limits, ...limits } })
	});
	defer(() => test.close());
	// Hocuspocus runs onDisconnect only after the connection's queued messages are handled.
	const disconnected: string[] = [];
	const probe: Extension = {
		onDisconnect: async ({ context }) => void disconnected.push((context as AuthContext).claims.sub)
	};
	test.server.hocuspocus.configuration.extensions.push(probe);
	return {
		test,
		store,
		logLines,
		disconnected,
		async token(sub, role = 'moderation', docs = [`kommune/${ARS}/**`]) {
			return (await test.server.tokens.issue({ sub, role, docs, ttlSeconds: 600 })).token;
		},
		async raw() {
			const socket = await openRawSyncSocket(test.syncUrl);
			defer(() => socket.socket.terminate());
			return socket;
		},
		client(name, token) {
			const client = connectSyncClient({ url: test.syncUrl, name, token });
			defer(() => client.destroy());
			return client;
		}
	};
}

const floodKeys = (doc: Y.Doc) => [...doc.getMap('flood').keys()].sort(byNumber);
const byNumber = (a: string, b: string) => Number(a.slice(1)) - Number(b.slice(1));
const prefix = (count: number) => Array.from({ length: count }, (_, i) => `u${i}`);

async function storedDoc(store: DocumentStore, name: string): Promise<Y.Doc> {
	const stored = await store.load(name);
	if (!stored) throw new Error(`${name} is not stored`);
	const doc = new Y.Doc();
	Y.applyUpdateV2(doc, stored.state);
	return doc;
}

function serverDoc(started: Started, name: string): Y.Doc {
	const doc = started.test.server.hocuspocus.documents.get(name);
	if (!doc) throw new Error(`${name} is not loaded`);
	return doc;
}

describe('sync limits', () => {
	it('a message flood from one user closes that connection with 4429, applies nothing sent after the limit, and the server keeps serving', async () => {
		const BURST = 20;
		const FLOOD = 200;
		const started = await start({ messageBurst: BURST, messagesPerSecond: 0.01 });
		const bystander = started.client(PROFILE, await started.token('bystander'));
		await expect.poll(() => textOf(bystander.doc)).toBe(SEED);

		const flooder = await started.raw();
		await flooder.join(PROFILE, await started.token('flooder'));
		for (let i = 0; i < FLOOD; i++) {
			flooder.sendUpdate(PROFILE, independentEntry(`u${i}`, `Flutinhalt-${i}`));
		}
		expect(await flooder.closed).toEqual({
			code: CLOSE_CODES.rateLimited,
			reason: ERROR_CODES.rateLimited
		});
		await expect.poll(() => started.disconnected).toContain('flooder');

		// What passed is the start of the flood, within the burst; nothing after the limit tripped.
		const applied = floodKeys(serverDoc(started, PROFILE));
		expect(applied.length).toBeGreaterThan(0);
		expect(applied.length).toBeLessThanOrEqual(BURST);
		expect(applied).toEqual(prefix(applied.length));
		expect(applied).not.toContain(`u${FLOOD - 1}`);

		// Another user connects and syncs afterwards; the bystander was never closed.
		const later = started.client(PROFILE, await started.token('later'));
		await expect.poll(() => floodKeys(later.doc)).toEqual(applied);
		expect(textOf(later.doc)).toBe(SEED);
		expect(bystander.closeCodes).toEqual([]);

		const warnings = started.logLines.filter((line) => line.includes('"rate_limited"'));
		expect(warnings).toHaveLength(1);
		expect(started.logLines.join('\n')).not.toContain('Flutinhalt');

		await started.test.close();
		const stored = await storedDoc(started.store, PROFILE);
		expect(floodKeys(stored)).toEqual(applied);
	});

	it('what a socket sends before its authentication completes counts too, and reconnecting buys no fresh budget', async () => {
		// Burst 20 and (almost) no refill: by hand, 20 messages for the user in all.
		const started = await start({ messageBurst: 20, messagesPerSecond: 0.01 });
		const burst = async (token: string, from: number, count: number) => {
			const socket = await started.raw();
			socket.sendAuth(PROFILE, token);
			for (let i = from; i < from + count; i++) {
				socket.sendUpdate(PROFILE, independentEntry(`u${i}`, 'x'));
			}
			return socket;
		};

		// 1 + 200 frames before authentication: over one burst, closed. What the server read before the
		// authentication completed is at most that one burst (1 + 19 updates, in order); on a busy machine
		// the frames arrive in several reads and the authentication may complete between them.
		const flood = await burst(await started.token('flooder'), 0, 200);
		expect((await flood.closed).code).toBe(CLOSE_CODES.rateLimited);

		// 1 + 15 frames fit the burst: applied, and charged (16 of 20) once the user is known.
		const token = await started.token('eager');
		const first = await burst(token, 200, 15);
		await expect.poll(() => first.acks).toBe(15);
		first.socket.close();
		await first.closed;

		// A new socket of the same user owes 16 more than the 4 left: refused, nothing applied.
		const second = await burst(token, 300, 15);
		await expect.poll(() => started.logLines.some((l) => l.includes('"rate_limited"'))).toBe(true);
		const bystander = started.client(PROFILE, await started.token('bystander'));
		await expect.poll(() => textOf(bystander.doc)).toBe(SEED);
		const keys = floodKeys(bystander.doc);
		const flooded = keys.filter((key) => Number(key.slice(1)) < 200);
		expect(flooded.length).toBeLessThanOrEqual(19);
		expect(flooded).toEqual(prefix(flooded.length));
		expect(keys.slice(flooded.length)).toEqual(Array.from({ length: 15 }, (_, i) => `u${200 + i}`));
		second.socket.close();
	});

	it('several sockets of one user share one budget; another user has a budget of its own', async () => {
		const BURST = 20;
		const started = await start({ messageBurst: BURST, messagesPerSecond: 0.01 });
		const token = await started.token('tabs');
		const [tab1, tab2, other] = [
			await started.raw(),
			await started.raw(),
			await started.raw()
		] as const;
		await tab1.join(PROFILE, token);
		await tab2.join(PROFILE, token);
		await other.join(PROFILE, await started.token('other'));
		const send = (socket: RawSyncSocket, from: number, count: number) => {
			for (let i = from; i < from + count; i++) {
				socket.sendUpdate(PROFILE, independentEntry(`u${i}`, 'x'));
			}
		};

		// Each tab alone stays within the burst; together they exceed it.
		send(tab1, 0, 15);
		await expect.poll(() => tab1.acks).toBe(15);
		send(tab2, 15, 15);
		expect((await tab2.closed).code).toBe(CLOSE_CODES.rateLimited);

		send(other, 100, 15);
		await expect.poll(() => other.acks).toBe(15);
		expect(tab1.socket.readyState).toBe(tab1.socket.OPEN);
		expect(other.socket.readyState).toBe(other.socket.OPEN);
		const fromTabs = floodKeys(serverDoc(started, PROFILE)).filter((k) => Number(k.slice(1)) < 100);
		expect(fromTabs.length).toBeLessThanOrEqual(BURST);
		expect(fromTabs).toEqual(prefix(fromTabs.length));
	});

	it('a user who sends more bytes than the byte budget is closed with 4429, however few the messages', async () => {
		const started = await start({ byteBurst: 8 * 1024, bytesPerSecond: 1 });
		// Keeps the document loaded after the writer is gone.
		const bystander = started.client(PROFILE, await started.token('bystander'));
		await expect.poll(() => textOf(bystander.doc)).toBe(SEED);
		const writer = await started.raw();
		await writer.join(PROFILE, await started.token('writer'));
		for (let i = 0; i < 3; i++) {
			writer.sendUpdate(PROFILE, independentEntry(`u${i}`, 'b'.repeat(3 * 1024)));
		}
		expect(await writer.closed).toEqual({
			code: CLOSE_CODES.rateLimited,
			reason: ERROR_CODES.rateLimited
		});
		await expect.poll(() => started.disconnected).toContain('writer');
		expect(floodKeys(serverDoc(started, PROFILE))).toEqual(['u0', 'u1']);
	});

	it('an update that would make the document exceed its maximum size closes that document as too large, leaves the socket open and the stored document byte-identical', async () => {
		const started = await start({ maxDocumentBytes: 4096 });
		const bystander = started.client(PROFILE, await started.token('bystander'));
		await expect.poll(() => textOf(bystander.doc)).toBe(SEED);
		const writer = await started.raw();
		await writer.join(PROFILE, await started.token('writer'));

		// An ordinary edit is applied and stored; its stored bytes are the reference.
		writer.sendUpdate(PROFILE, independentEntry('small', 'klein'));
		await expect.poll(() => writer.acks).toBe(1);
		await expect
			.poll(async () => floodKeys(await storedDoc(started.store, PROFILE)))
			.toEqual(['small']);
		const before = (await started.store.load(PROFILE))!.state;

		writer.sendUpdate(PROFILE, independentEntry('big', 'Großinhalt'.repeat(500)));
		await expect
			.poll(() => writer.documentCloses)
			.toEqual([{ name: PROFILE, reason: ERROR_CODES.documentTooLarge }]);
		// Only this document's connection ends: the tab's other documents share the socket (S20).
		expect(writer.socket.readyState).toBe(writer.socket.OPEN);
		await expect.poll(() => started.disconnected).toContain('writer');
		expect(floodKeys(serverDoc(started, PROFILE))).toEqual(['small']);
		expect(floodKeys(bystander.doc)).toEqual(['small']);
		expect(started.logLines.some((line) => line.includes('"document_too_large"'))).toBe(true);
		expect(started.logLines.join('\n')).not.toContain('Großinhalt');

		// Shutdown stores every loaded document: the refused update is in none of them.
		await started.test.close();
		expect((await started.store.load(PROFILE))!.state).toEqual(before);
	});

	it('the size limit counts the document, not the traffic: overwriting one value many times is never refused', async () => {
		const MAX = 4096;
		const started = await start({ maxDocumentBytes: MAX });
		const bystander = started.client(PROFILE, await started.token('bystander'));
		await expect.poll(() => textOf(bystander.doc)).toBe(SEED);
		const writer = await started.raw();
		await writer.join(PROFILE, await started.token('writer'));
		const local = new Y.Doc();
		const updates: Uint8Array[] = [];
		local.on('update', (update: Uint8Array) => updates.push(update));
		for (let i = 0; i < 40; i++) local.getMap('flood').set('u0', `${i}:${'x'.repeat(500)}`);
		// Far more bytes than the limit, though the document stays small.
		expect(updates.reduce((sum, u) => sum + u.byteLength, 0)).toBeGreaterThan(4 * MAX);

		for (const update of updates) writer.sendUpdate(PROFILE, update);
		await expect.poll(() => writer.acks).toBe(updates.length);
		expect(writer.socket.readyState).toBe(writer.socket.OPEN);
		const doc = serverDoc(started, PROFILE);
		expect(doc.getMap('flood').get('u0')).toBe(`39:${'x'.repeat(500)}`);
		expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThanOrEqual(MAX);

		// Growth is still refused once the document is full, however small each step: each entry is
		// applied while it fits, and the one that would not fit closes the document.
		const closed = () => writer.documentCloses.length > 0;
		let refused = 0;
		for (let i = 1; !closed(); i++) {
			expect(i).toBeLessThan(20);
			const acked = writer.acks + 1;
			writer.sendUpdate(PROFILE, independentEntry(`u${i}`, 'y'.repeat(400)));
			await expect.poll(() => writer.acks === acked || closed()).toBe(true);
			refused = i;
		}
		expect(writer.documentCloses).toEqual([
			{ name: PROFILE, reason: ERROR_CODES.documentTooLarge }
		]);
		expect(refused).toBeGreaterThan(1);
		await expect.poll(() => started.disconnected).toContain('writer');
		expect(floodKeys(serverDoc(started, PROFILE))).toEqual(prefix(refused));
		expect(Y.encodeStateAsUpdate(serverDoc(started, PROFILE)).byteLength).toBeLessThanOrEqual(MAX);
	});

	it('a message above the payload cap from an authenticated writer closes with 1009 and changes nothing', async () => {
		const CAP = 16 * 1024;
		const started = await start({}, (config) => ({
			...config,
			sync: { ...config.sync, maxPayloadBytes: CAP }
		}));
		const writer = await started.raw();
		await writer.join(PROFILE, await started.token('writer'));
		const update = independentEntry('big', 'z'.repeat(CAP));
		expect(update.byteLength).toBeGreaterThan(CAP);

		writer.sendUpdate(PROFILE, update);
		expect((await writer.closed).code).toBe(1009);
		await expect.poll(() => started.disconnected).toContain('writer');
		const reader = started.client(PROFILE, await started.token('reader'));
		await expect.poll(() => textOf(reader.doc)).toBe(SEED);
		expect(floodKeys(reader.doc)).toEqual([]);

		await started.test.close();
		expect(floodKeys(await storedDoc(started.store, PROFILE))).toEqual([]);
	});

	it('before authentication, frames for an address that has sent no token are dropped, not queued, and the server stays healthy (H4)', async () => {
		const started = await start({ maxPendingDocuments: 5, maxUnauthenticatedQueueMessages: 10 });
		const queryAwareness = (name: string) => frame(name, [3]);

		// Beyond Hocuspocus' own limits per socket (5 names, 10 messages), yet nothing reaches its queue.
		const patient = await started.raw();
		for (let i = 0; i < 8; i++) patient.send(queryAwareness(`kommune/${ARS}/workshop/w${i}/board`));
		for (let i = 0; i < 12; i++) patient.send(queryAwareness(PROFILE));
		patient.sendUpdate(PROFILE, independentEntry('before-token', 'x'));

		const { port } = started.test;
		const health = await rawRequest({
			port,
			path: API_PATHS.health,
			headers: { Host: `localhost:${port}` }
		});
		expect(health.status).toBe(200);
		expect(started.test.server.preAuthenticationLoad().queuedBytes).toBe(0);
		await patient.join(PROFILE, await started.token('patient'));
		expect(patient.socket.readyState).toBe(patient.socket.OPEN);
		const client = started.client(PROFILE, await started.token('owner'));
		await expect.poll(() => textOf(client.doc)).toBe(SEED);
		expect(floodKeys(client.doc)).toEqual([]);
	});

	it('30 participants joining at once and each editing within their rates all sync', async () => {
		const PARTICIPANTS = 30;
		const EDITS = 5;
		// Per user this is ample; one budget shared by all (an IP or a global key) would trip at once.
		const started = await start({ messageBurst: 40, messagesPerSecond: 2 });
		const clients = await Promise.all(
			Array.from({ length: PARTICIPANTS }, async (_, i) =>
				started.client(BOARD, await started.token(`p${i}`, 'teilnahme', [BOARD]))
			)
		);
		await expect.poll(() => clients.every((c) => c.state.synced)).toBe(true);
		// Each edit one of the participant's own cards, as the write rules allow (server/SPEC.md W6).
		clients.forEach((client, i) => {
			for (let k = 0; k < EDITS; k++) addOwnCard(client.doc, `p${i}`, `p${i}-${k}`);
		});

		const total = PARTICIPANTS * EDITS;
		await expect.poll(() => cardTexts(serverDoc(started, BOARD)).length).toBe(total);
		for (const client of clients) {
			await expect.poll(() => cardTexts(client.doc).length).toBe(total);
		}
		expect(clients.flatMap((c) => c.closeCodes)).toEqual([]);
		expect(started.logLines.some((line) => line.includes('"rate_limited"'))).toBe(false);
	});
});

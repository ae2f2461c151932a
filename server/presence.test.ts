import type { Extension } from '@hocuspocus/server';
import type { Awareness } from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import type { Role } from '../src/lib/domain/access';
import type { ServerConfig } from './config';
import { MAX_CLIENTS_PER_CONNECTION } from './extensions/awareness-extension';
import { useCleanup } from './test/cleanup';
import { awarenessFrame, watchPresence, type PresenceLog } from './test/presence';
import { openRawSyncSocket, type RawSyncSocket } from './test/raw-sync-socket';
import { connectSyncClient, type SyncClient } from './test/sync-client';
import { startTestServer, type TestServer } from './test/test-server';

const ARS = '032410001001';
const WORKSHOP = 'w1';
const BOARD = `kommune/${ARS}/workshop/${WORKSHOP}/board`;
const ANNA = { user: { name: 'Anna', color: '#1f77b4' } };

const defer = useCleanup();

async function start(configure?: (config: ServerConfig) => ServerConfig): Promise<TestServer> {
	const test = await startTestServer({ configure });
	defer(() => test.close());
	return test;
}

async function tokenFor(test: TestServer, role: Role, sub: string): Promise<string> {
	const docs =
		role === 'moderation' ? [`kommune/${ARS}/**`] : [`kommune/${ARS}/workshop/${WORKSHOP}/**`];
	return (await test.server.tokens.issue({ sub, role, docs, ttlSeconds: 3600 })).token;
}

interface PresenceClient extends SyncClient {
	awareness: Awareness;
	id: number;
	log: PresenceLog;
}

/** A real provider on the board, synced, with a log of the presence it receives. */
async function client(test: TestServer, role: Role, sub: string): Promise<PresenceClient> {
	const sync = connectSyncClient({
		url: test.syncUrl,
		name: BOARD,
		token: await tokenFor(test, role, sub)
	});
	defer(() => sync.destroy());
	const awareness = sync.provider.awareness!;
	const log = watchPresence(awareness);
	await expect.poll(() => sync.state.synced).toBe(true);
	return { ...sync, awareness, id: sync.doc.clientID, log };
}

/** A bare socket on the board, so the test chooses every client id, clock and state it sends. */
async function rawClient(test: TestServer, role: Role, sub: string): Promise<RawSyncSocket> {
	const raw = await openRawSyncSocket(test.syncUrl);
	defer(() => raw.socket.terminate());
	await raw.join(BOARD, await tokenFor(test, role, sub));
	return raw;
}

const publish = (raw: RawSyncSocket, clientId: number, clock: number, state: unknown) =>
	raw.send(awarenessFrame(BOARD, [{ clientId, clock, state }]));

describe('presence is what the token says', () => {
	it('a participant who claims to be the facilitator is shown with the role and participant id of their token', async () => {
		const test = await start();
		const anna = await client(test, 'teilnahme', 'p-anna');
		const mona = await client(test, 'moderation', 'moderatorin');

		anna.awareness.setLocalState({
			user: { name: 'Anna', color: '#1f77b4', role: 'moderation', participantId: 'p-mona' },
			editing: { kind: 'card', id: 'c-1' }
		});
		await expect
			.poll(() => mona.log.stateOf(anna.id))
			.toEqual({
				user: { name: 'Anna', color: '#1f77b4', role: 'teilnahme', participantId: 'p-anna' },
				editing: { kind: 'card', id: 'c-1' }
			});

		// The facilitator's token names no participant: a participant id it sends is removed.
		mona.awareness.setLocalState({
			user: { name: 'Mona', color: '#2ca02c', role: 'teilnahme', participantId: 'p-anna' }
		});
		await expect
			.poll(() => anna.log.stateOf(mona.id))
			.toEqual({
				user: { name: 'Mona', color: '#2ca02c', role: 'moderation' }
			});
	});

	it('names with control characters or over 40 characters, bad colours and malformed fields are not shown, and unknown fields are removed', async () => {
		const test = await start();
		const mona = await client(test, 'moderation', 'moderatorin');
		const anna = await rawClient(test, 'teilnahme', 'p-anna');
		const color = '#1f77b4';
		const refused = [
			{ user: { name: 'Anna\u0007', color } },
			{ user: { name: 'Anna\nBerta', color } },
			{ user: { name: 'A'.repeat(41), color } },
			{ user: { name: '   ', color } },
			{ user: { name: 'Anna\u202eanna', color } },
			{ user: { name: 42, color } },
			{ user: { name: 'Anna', color: 'red' } },
			{ user: { name: 'Anna', color: '#1f77b4;background:url(x)' } },
			{ user: { name: 'Anna' } },
			{ user: { name: 'Anna', color }, editing: { kind: 'k'.repeat(33), id: 'c-1' } },
			{ user: { name: 'Anna', color }, editing: { kind: 'card', id: 'c'.repeat(65) } },
			{ user: { name: 'Anna', color }, editing: 'card' },
			{ name: 'Anna', color },
			'Anna'
		];
		anna.send(
			awarenessFrame(
				BOARD,
				refused.map((state, i) => ({ clientId: 100 + i, clock: 1, state }))
			)
		);
		// Sent after the refused ones on the same socket, so it reaches Mona after them, if they came.
		const longest = 'Ö'.repeat(39) + '🙂';
		anna.send(
			awarenessFrame(BOARD, [
				{
					clientId: 200,
					clock: 1,
					state: {
						user: {
							name: '  Bernd  ',
							color: '#00AA11',
							role: 'moderation',
							avatar: 'https://example.org/x.png'
						},
						editing: { kind: 'card', id: 'c-1', html: '<b>x</b>' },
						cursor: { x: 1, y: 2 }
					}
				},
				{ clientId: 201, clock: 1, state: { user: { name: longest, color }, editing: null } }
			])
		);

		await expect
			.poll(() => mona.log.stateOf(200))
			.toEqual({
				user: { name: 'Bernd', color: '#00AA11', role: 'teilnahme', participantId: 'p-anna' },
				editing: { kind: 'card', id: 'c-1' }
			});
		expect(mona.log.stateOf(201)).toEqual({
			user: { name: longest, color, role: 'teilnahme', participantId: 'p-anna' },
			editing: null
		});
		expect([...mona.log.seen].sort((x, y) => x - y)).toEqual([200, 201]);
	});

	it('a state that turns invalid is removed for the others rather than left outdated', async () => {
		const test = await start();
		const mona = await client(test, 'moderation', 'moderatorin');
		const anna = await rawClient(test, 'teilnahme', 'p-anna');
		publish(anna, 300, 1, ANNA);
		await expect.poll(() => mona.log.stateOf(300)).toBeDefined();

		const removal = mona.log.removal(300, 5_000);
		publish(anna, 300, 2, { user: { name: 'Anna', color: 'blue' } });
		await removal;
		expect(mona.log.stateOf(300)).toBeUndefined();
	}, 15_000);

	it('a read-only connection such as the projector publishes no presence', async () => {
		const test = await start();
		const probes: string[] = [];
		const probe: Extension = { onStateless: async ({ payload }) => void probes.push(payload) };
		test.server.hocuspocus.configuration.extensions.push(probe);
		const mona = await client(test, 'moderation', 'moderatorin');
		const beamer = await client(test, 'ansicht', 'beamer');
		const walter = await client(test, 'teilnahme', 'p-walter');
		expect(beamer.provider.authorizedScope).toBe('readonly');

		beamer.awareness.setLocalState({ user: { name: 'Beamer', color: '#000000' } });
		// Messages of one connection are handled in order: once the probe arrives, the presence before it
		// has been handled. Walter's presence, published after that, reaches Mona after the beamer's would.
		beamer.provider.sendStateless('after-presence');
		await expect.poll(() => probes).toContain('after-presence');
		walter.awareness.setLocalState({ user: { name: 'Walter', color: '#111111' } });
		await expect.poll(() => mona.log.stateOf(walter.id)).toBeDefined();

		expect(mona.log.seen.has(beamer.id)).toBe(false);
		expect(walter.log.seen.has(beamer.id)).toBe(false);
		expect(test.server.hocuspocus.documents.get(BOARD)?.awareness.getStates().has(beamer.id)).toBe(
			false
		);
	});

	it('a participant can neither change nor remove the presence another connection published', async () => {
		const test = await start();
		const mona = await client(test, 'moderation', 'moderatorin');
		const carl = await client(test, 'teilnahme', 'p-carl');
		mona.awareness.setLocalState({ user: { name: 'Mona', color: '#2ca02c' } });
		const original = { user: { name: 'Mona', color: '#2ca02c', role: 'moderation' } };
		await expect.poll(() => carl.log.stateOf(mona.id)).toEqual(original);

		const anna = await rawClient(test, 'teilnahme', 'p-anna');
		const clock = mona.awareness.meta.get(mona.id)!.clock;
		publish(anna, mona.id, clock + 5, { user: { name: 'Gefälscht', color: '#ff0000' } });
		publish(anna, mona.id, clock + 6, null);
		// Anna's own presence, sent last on her socket, reaches Carl after anything before it.
		publish(anna, 400, 1, ANNA);
		await expect.poll(() => carl.log.stateOf(400)).toBeDefined();

		expect(carl.log.stateOf(mona.id)).toEqual(original);
		expect(carl.log.changed.has(mona.id)).toBe(false);
	});

	it('a participant who reconnects before the server noticed the old connection keeps their presence when the old one closes', async () => {
		const test = await start();
		const mona = await client(test, 'moderation', 'moderatorin');
		const before = await rawClient(test, 'teilnahme', 'p-anna');
		publish(before, 500, 1, ANNA);
		await expect.poll(() => mona.log.stateOf(500)).toBeDefined();

		// The same participant on a new socket (same token), with the same client id.
		const after = await rawClient(test, 'teilnahme', 'p-anna');
		publish(after, 500, 2, { user: { name: 'Anna (neu)', color: '#1f77b4' } });
		await expect
			.poll(() => mona.log.stateOf(500))
			.toMatchObject({ user: { name: 'Anna (neu)', participantId: 'p-anna' } });

		const document = test.server.hocuspocus.documents.get(BOARD)!;
		const connections = document.getConnectionsCount();
		before.socket.close();
		await expect.poll(() => document.getConnectionsCount()).toBe(connections - 1);
		publish(after, 501, 1, ANNA);
		await expect.poll(() => mona.log.stateOf(501)).toBeDefined();
		expect(mona.log.stateOf(500)).toMatchObject({ user: { name: 'Anna (neu)' } });
	});

	it(`one connection cannot fill the room with more than ${MAX_CLIENTS_PER_CONNECTION} client ids`, async () => {
		const test = await start();
		const mona = await client(test, 'moderation', 'moderatorin');
		const anna = await rawClient(test, 'teilnahme', 'p-anna');
		const ids = Array.from({ length: MAX_CLIENTS_PER_CONNECTION + 4 }, (_, i) => 600 + i);
		anna.send(
			awarenessFrame(
				BOARD,
				ids.map((clientId) => ({ clientId, clock: 1, state: ANNA }))
			)
		);
		// One message is one broadcast: once the first id arrived, all that passed have.
		await expect.poll(() => mona.log.seen.size).toBeGreaterThan(0);
		expect([...mona.log.seen].sort((x, y) => x - y)).toEqual(
			ids.slice(0, MAX_CLIENTS_PER_CONNECTION)
		);
	});
});

describe('departed participants disappear', () => {
	it('a participant whose socket closes disappears for the others within 5 seconds', async () => {
		const test = await start();
		const mona = await client(test, 'moderation', 'moderatorin');
		const anna = await rawClient(test, 'teilnahme', 'p-anna');
		publish(anna, 700, 1, ANNA);
		await expect.poll(() => mona.log.stateOf(700)).toBeDefined();

		const removal = mona.log.removal(700, 5_000);
		anna.socket.close(1000);
		await removal;
		expect(mona.log.stateOf(700)).toBeUndefined();
	}, 15_000);

	it('a participant who clears their presence disappears at once, and after setting it anew disappears when the socket closes', async () => {
		const test = await start();
		const mona = await client(test, 'moderation', 'moderatorin');
		const anna = await rawClient(test, 'teilnahme', 'p-anna');
		publish(anna, 800, 1, ANNA);
		await expect.poll(() => mona.log.stateOf(800)).toBeDefined();

		// Hocuspocus alone drops a state set to null; the connection that owns it may remove it.
		const cleared = mona.log.removal(800, 5_000);
		publish(anna, 800, 2, null);
		await cleared;

		// Hocuspocus does not track a client id again once it was removed; the socket's close still ends it.
		publish(anna, 800, 3, { user: { name: 'Anna wieder da', color: '#1f77b4' } });
		await expect
			.poll(() => mona.log.stateOf(800))
			.toMatchObject({ user: { name: 'Anna wieder da' } });
		const closed = mona.log.removal(800, 5_000);
		anna.socket.close(1000);
		await closed;
	}, 20_000);

	it('a participant whose connection dies silently disappears for the others once the connection timeout has passed', async () => {
		const timeoutMs = 1_000;
		const test = await start((config) => ({
			...config,
			sync: { ...config.sync, connectionTimeoutMs: timeoutMs }
		}));
		const mona = await client(test, 'moderation', 'moderatorin');
		// A provider says nothing by itself for 15 s; Mona keeps talking, so only Anna falls silent.
		const keepAlive = setInterval(() => mona.provider.sendStateless('still here'), 100);
		defer(() => clearInterval(keepAlive));
		const anna = await rawClient(test, 'teilnahme', 'p-anna');
		publish(anna, 900, 1, ANNA);
		const lastSentAt = Date.now();
		await expect.poll(() => mona.log.stateOf(900)).toBeDefined();

		// The network is gone: Anna's side neither reads nor writes, and no close frame or FIN is sent.
		const removal = mona.log.removal(900, 5 * timeoutMs);
		anna.socket.pause();
		await removal;
		const silentMs = Date.now() - lastSentAt;
		expect(silentMs).toBeGreaterThanOrEqual(timeoutMs);
		// Hocuspocus looks every `timeout`, so a silent socket goes within twice the timeout (config.ts).
		expect(silentMs).toBeLessThan(2 * timeoutMs + 1_000);
		// Mona's own connection stayed up: the removal is Anna's timeout, not a reconnect of Mona's.
		expect(mona.closeCodes).toEqual([]);
	}, 15_000);
});

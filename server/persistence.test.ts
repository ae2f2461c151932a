import { setTimeout as delay } from 'node:timers/promises';
import { Hocuspocus } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ERROR_CODES } from '../src/lib/contract/protocol';
import type { ServerConfig } from './config';
import {
	createPersistenceExtension,
	type PersistedEvent
} from './extensions/persistence-extension';
import { createLogger } from './logger';
import { encodeDocumentSnapshot, snapshotCovers } from '../src/lib/crdt/durable-snapshot';
import type { DocumentStore } from './storage/document-store';
import { openSqliteStore } from './storage/sqlite-store';
import { useCleanup } from './test/cleanup';
import { expectDataSurvivesRestart } from './test/restart-scenario';
import { seedText, storedText } from './test/seed';
import { connectSyncClient, textOf, type SyncClient } from './test/sync-client';
import { createTempDir, removeDir, startTestServer } from './test/test-server';
import type { TokenService } from './tokens';

const PROFILE = 'kommune/032410001001/profile';
const defer = useCleanup();

function tempDir(): string {
	const dir = createTempDir('kw-data-');
	defer(() => removeDir(dir));
	return dir;
}

/** A SQLite store whose load or store can be made to fail or slow, counting the calls. */
function controllableStore(dir: string) {
	const inner = openSqliteStore(`${dir}/test.sqlite`);
	defer(() => inner.close());
	const control = {
		failLoad: false,
		failStore: false,
		storeDelayMs: 0,
		storeCalls: 0,
		storeFailures: 0,
		writesInFlight: 0
	};
	async function write(run: () => Promise<void>): Promise<void> {
		control.storeCalls += 1;
		control.writesInFlight += 1;
		try {
			if (control.storeDelayMs > 0) await delay(control.storeDelayMs);
			if (control.failStore) {
				control.storeFailures += 1;
				throw new Error('disk full');
			}
			return await run();
		} finally {
			control.writesInFlight -= 1;
		}
	}
	const store: DocumentStore = {
		kind: 'sqlite',
		deleteScope: (scope) => inner.deleteScope(scope),
		deletedScopeOf: (name) => inner.deletedScopeOf(name),
		async load(name) {
			if (control.failLoad) throw new Error('disk unreadable');
			return inner.load(name);
		},
		store: (name, state, stateVector) => write(() => inner.store(name, state, stateVector)),
		// What the server writes: the increments since its last write (ADR 18).
		append: (name, update) => write(() => inner.append(name, update)),
		close: async () => {}
	};
	return { store, inner, control };
}

/** Long debounces, as on a real laptop: only the shutdown itself can store in time. */
const slowDebounce = (config: ServerConfig): ServerConfig => ({
	...config,
	sync: { ...config.sync, debounceMs: 5_000, maxDebounceMs: 10_000 }
});

async function moderationToken(server: { tokens: TokenService }): Promise<string> {
	const { token } = await server.tokens.issue({
		sub: 'owner',
		role: 'moderation',
		docs: ['kommune/*/**'],
		ttlSeconds: 600
	});
	return token;
}

/** A moderation client of the test profile, destroyed after the test. */
async function profileClient(
	test: { syncUrl: string; server: { tokens: TokenService } },
	doc?: Y.Doc
): Promise<SyncClient> {
	const client = connectSyncClient({
		url: test.syncUrl,
		name: PROFILE,
		token: await moderationToken(test.server),
		...(doc ? { doc } : {})
	});
	defer(() => client.destroy());
	return client;
}

/** The acknowledgements of writes (time 0 says nothing was stored yet). */
const written = (client: SyncClient) => client.acks.filter((ack) => ack.storedAt > 0);

describe('persistence', () => {
	it('data survives a server restart on SQLite', async () => {
		const dataDir = tempDir();
		await expectDataSurvivesRestart(() => ({ dataDir }), defer);
	});

	it('stopping the server stores the documents of clients that are still connected', async () => {
		const { store, inner } = controllableStore(tempDir());
		const test = await startTestServer({
			store,
			// Without the shutdown flush nothing would be stored for a minute.
			configure: (config) => ({
				...config,
				sync: { ...config.sync, debounceMs: 60_000, maxDebounceMs: 120_000 }
			})
		});
		defer(() => test.close());
		const client = await profileClient(test);
		await expect.poll(() => client.state.synced).toBe(true);
		client.doc.getText('t').insert(0, 'kurz vor Strg+C');
		await expect.poll(() => client.provider.hasUnsyncedChanges).toBe(false);
		expect(await storedText(inner, PROFILE)).toBeNull();

		await test.close();
		expect(await storedText(inner, PROFILE)).toBe('kurz vor Strg+C');
	});

	it('stopping the server waits for a write that outlasts the shutdown wait, so the edit survives a restart', async () => {
		const { store, control } = controllableStore(tempDir());
		// The write started by the shutdown takes longer than the shutdown is willing to wait.
		control.storeDelayMs = 400;
		const first = await startTestServer({
			store,
			configure: (config) => ({ ...slowDebounce(config), shutdownTimeoutMs: 100 })
		});
		defer(() => first.close());
		const writer = await profileClient(first);
		await expect.poll(() => writer.state.synced).toBe(true);
		writer.doc.getText('t').insert(0, 'kurz vor Strg+C');
		await expect.poll(() => writer.provider.hasUnsyncedChanges).toBe(false);

		await first.close();
		// When close() resolves the server may close the database: no write may still be running.
		expect(control.writesInFlight).toBe(0);
		writer.destroy();

		control.storeDelayMs = 0;
		const second = await startTestServer({ store });
		defer(() => second.close());
		const reader = await profileClient(second);
		await expect.poll(() => textOf(reader.doc)).toBe('kurz vor Strg+C');
	});

	it('stopping the server stores an edit made while it waits, in a document it cannot unload', async () => {
		const { store, inner } = controllableStore(tempDir());
		const test = await startTestServer({
			store,
			// Long enough for the first flush's write (on the store's writer thread) to be seen before it ends.
			configure: (config) => ({ ...slowDebounce(config), shutdownTimeoutMs: 2_000 })
		});
		defer(() => test.close());
		// A server-side connection (an import, a seed) keeps the document loaded; closing the sync
		// connections does not end it, so the document is still loaded when the wait is over.
		const direct = await test.server.hocuspocus.openDirectConnection(PROFILE);
		await direct.transact((doc) => doc.getText('t').insert(0, 'vorher'));

		const closing = test.server.close();
		// The shutdown's first flush has stored the document; this edit comes after it.
		await expect.poll(() => storedText(inner, PROFILE)).toBe('vorher');
		await direct.transact((doc) => doc.getText('t').insert(6, ', während des Beendens'));
		await closing;
		expect(await storedText(inner, PROFILE)).toBe('vorher, während des Beendens');
	});

	it('stopping the server with a write that keeps failing logs the document by name, never its content', async () => {
		const { store, control } = controllableStore(tempDir());
		const lines: string[] = [];
		const test = await startTestServer({
			store,
			logger: createLogger('info', { write: (line: string) => void lines.push(line) })
		});
		defer(() => test.close());
		control.failStore = true;
		const client = await profileClient(test);
		await expect.poll(() => client.state.synced).toBe(true);
		client.doc.getText('t').insert(0, 'vertraulicher Inhalt');
		await expect.poll(() => control.storeFailures).toBeGreaterThanOrEqual(1);

		await test.close();
		const events = lines.map(
			(line) => JSON.parse(line) as { event?: string; documentName?: string }
		);
		expect(events).toContainEqual(
			expect.objectContaining({ event: 'store_abandoned', documentName: PROFILE })
		);
		expect(lines.join('\n')).not.toContain('vertraulicher Inhalt');
	});

	it('a failed write runs no later store hook, and onPersisted fires only after a write succeeded', async () => {
		const { store, inner, control } = controllableStore(tempDir());
		const persisted: PersistedEvent[] = [];
		const afterStore: string[] = [];
		const persistence = createPersistenceExtension({
			store,
			logger: createLogger('silent'),
			retryBaseMs: 20,
			retryMaxMs: 100,
			onPersisted: (event) => persisted.push(event)
		});
		const hocuspocus = new Hocuspocus({
			quiet: true,
			debounce: 0,
			extensions: [
				persistence,
				// Stands for any later extension that would take "stored" for granted.
				{ afterStoreDocument: async ({ documentName }) => void afterStore.push(documentName) }
			]
		});
		defer(() => persistence.storeAll());
		const direct = await hocuspocus.openDirectConnection(PROFILE);
		defer(() => direct.disconnect());

		control.failStore = true;
		await direct.transact((doc) => doc.getText('t').insert(0, 'Stand A'));
		await expect.poll(() => control.storeFailures).toBeGreaterThanOrEqual(2);
		expect(persisted).toEqual([]);
		expect(afterStore).toEqual([]);

		control.failStore = false;
		await expect.poll(() => persisted.length).toBe(1);
		expect(persisted[0]!.stateVector).toEqual((await inner.load(PROFILE))?.stateVector);
		expect(await storedText(inner, PROFILE)).toBe('Stand A');

		await direct.transact((doc) => doc.getText('t').insert(7, ', Stand B'));
		await expect.poll(() => afterStore).toEqual([PROFILE]);
		expect(persisted).toHaveLength(2);
		expect(await storedText(inner, PROFILE)).toBe('Stand A, Stand B');
	});

	it('a load error refuses the document and never overwrites the stored state', async () => {
		const { store, inner, control } = controllableStore(tempDir());
		await seedText(inner, PROFILE, 'gespeicherter Stand');
		control.failLoad = true;
		const test = await startTestServer({ store });
		defer(() => test.close());

		const local = new Y.Doc();
		local.getText('t').insert(0, 'lokaler Stand, der nicht zählen darf');
		const client = await profileClient(test, local);
		await expect.poll(() => client.state.failedReason).toBe(ERROR_CODES.internal);
		expect(test.server.hocuspocus.documents.has(PROFILE)).toBe(false);

		client.destroy();
		await test.close();
		expect(control.storeCalls).toBe(0);
		expect(await storedText(inner, PROFILE)).toBe('gespeicherter Stand');
	});

	it('a failed store is retried while the document stays loaded, and the document unloads once stored', async () => {
		const { store, inner, control } = controllableStore(tempDir());
		const test = await startTestServer({ store });
		defer(() => test.close());
		control.failStore = true;

		const client = await profileClient(test);
		await expect.poll(() => client.state.synced).toBe(true);
		client.doc.getText('t').insert(0, 'nur im Speicher des Servers');
		await expect.poll(() => client.provider.hasUnsyncedChanges).toBe(false);
		// The last client leaves: Hocuspocus would unload the document after one failed store.
		client.destroy();

		await expect.poll(() => control.storeFailures).toBeGreaterThanOrEqual(3);
		expect(test.server.hocuspocus.documents.has(PROFILE)).toBe(true);

		control.failStore = false;
		await expect.poll(() => storedText(inner, PROFILE)).toBe('nur im Speicher des Servers');
		await expect.poll(() => test.server.hocuspocus.documents.has(PROFILE)).toBe(false);
	});

	it('acknowledges a write to every client with the snapshot of exactly the state it stored', async () => {
		const { store, inner } = controllableStore(tempDir());
		const persisted: PersistedEvent[] = [];
		const test = await startTestServer({ store, onPersisted: (event) => persisted.push(event) });
		defer(() => test.close());
		const writer = await profileClient(test);
		const reader = await profileClient(test);
		await expect.poll(() => writer.state.synced && reader.state.synced).toBe(true);
		writer.doc.getText('t').insert(0, 'Stand A');

		await expect.poll(() => written(writer).length).toBeGreaterThan(0);
		await expect.poll(() => written(reader).length).toBeGreaterThan(0);
		const stored = await inner.load(PROFILE);
		expect(stored?.stateVector).toEqual(persisted.at(-1)!.stateVector);
		const storedDoc = new Y.Doc();
		Y.applyUpdateV2(storedDoc, stored!.state);
		expect(writer.acks.at(-1)!.snapshot).toEqual(encodeDocumentSnapshot(storedDoc));
		expect(snapshotCovers(writer.acks.at(-1)!.snapshot, writer.doc)).toBe(true);
		expect(snapshotCovers(reader.acks.at(-1)!.snapshot, reader.doc)).toBe(true);
	});

	it('while the database fails no acknowledgement covers the unsaved edit; after recovery it arrives without another edit', async () => {
		const { store, inner, control } = controllableStore(tempDir());
		const test = await startTestServer({ store });
		defer(() => test.close());
		const client = await profileClient(test);
		await expect.poll(() => client.state.synced).toBe(true);
		// On connecting: nothing is stored yet.
		await expect.poll(() => client.acks.map((ack) => ack.storedAt)).toEqual([0]);
		client.doc.getText('t').insert(0, 'Stand A');
		await expect.poll(() => written(client).length).toBe(1);
		expect(snapshotCovers(written(client)[0]!.snapshot, client.doc)).toBe(true);

		control.failStore = true;
		client.doc.getText('t').insert(7, ', Stand B');
		await expect.poll(() => control.storeFailures).toBeGreaterThanOrEqual(3);
		expect(written(client)).toHaveLength(1);
		expect(snapshotCovers(written(client)[0]!.snapshot, client.doc)).toBe(false);

		control.failStore = false;
		await expect.poll(() => written(client).length).toBe(2);
		expect(snapshotCovers(written(client)[1]!.snapshot, client.doc)).toBe(true);
		expect(await storedText(inner, PROFILE)).toBe('Stand A, Stand B');
	});

	it('a client connecting later learns what is stored, and a state the server never wrote is not acknowledged', async () => {
		const { store, inner } = controllableStore(tempDir());
		await seedText(inner, PROFILE, 'gespeicherter Stand');
		const test = await startTestServer({ store, configure: slowDebounce });
		defer(() => test.close());
		const first = await profileClient(test);
		await expect.poll(() => first.acks.length).toBe(1);
		expect(textOf(first.doc)).toBe('gespeicherter Stand');
		expect(snapshotCovers(first.acks[0]!.snapshot, first.doc)).toBe(true);

		// Applied in memory, not yet written (the debounce is 5 s).
		first.doc.getText('t').insert(0, 'neu: ');
		const second = await profileClient(test);
		await expect.poll(() => textOf(second.doc)).toBe('neu: gespeicherter Stand');
		await expect.poll(() => second.acks.length).toBe(1);
		expect(snapshotCovers(second.acks[0]!.snapshot, second.doc)).toBe(false);
		expect(first.acks).toHaveLength(1);
	});
});

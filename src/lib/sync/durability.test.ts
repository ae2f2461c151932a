// "Gesichert" against the real sync server on 127.0.0.1 (our persistence extension, SQLite): a place
// counts only once the server acknowledged a durable write covering this device's state.

import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { freePort } from '../../../server/test/free-port';
import type { DocumentStore } from '../../../server/storage/document-store';
import { openSqliteStore } from '../../../server/storage/sqlite-store';
import {
	createTempDir,
	removeDir,
	startTestServer,
	type TestServer
} from '../../../server/test/test-server';
import { openDatabase, type KommunalwerkstattDb } from '../storage/db';
import { createDocumentRegistry, type DocumentRegistry } from './document-registry';
import { createSocketPool } from './sync-socket';
import { uniqueDocName } from './test-support';
import type { TokenSource } from './token-source';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A SQLite store whose writes can be made to fail, as a full disk or a lost database would. */
function failableStore() {
	const dir = createTempDir('kw-durable-');
	const inner = openSqliteStore(`${dir}/docs.sqlite`);
	cleanups.push(
		() => removeDir(dir),
		() => inner.close()
	);
	const control = { failing: false, failures: 0 };
	const write = async (run: () => Promise<void>) => {
		if (control.failing) {
			control.failures += 1;
			throw new Error('disk full');
		}
		await run();
	};
	const store: DocumentStore = {
		kind: 'sqlite',
		deleteScope: (scope) => inner.deleteScope(scope),
		deletedScopeOf: (name) => inner.deletedScopeOf(name),
		load: (name) => inner.load(name),
		store: (name, state, stateVector) => write(() => inner.store(name, state, stateVector)),
		// What the server writes: the increments since its last write (ADR 18).
		append: (name, update) => write(() => inner.append(name, update)),
		close: async () => {}
	};
	return { store, control };
}

async function serverWith(store?: DocumentStore): Promise<TestServer> {
	const test = await startTestServer(store ? { store } : {});
	cleanups.push(() => test.close());
	return test;
}

async function tokenFor(test: TestServer): Promise<TokenSource> {
	const { token } = await test.server.tokens.issue({
		sub: 'owner',
		role: 'moderation',
		docs: ['kommune/*/**'],
		ttlSeconds: 600
	});
	return { state: 'available', getToken: async () => token, invalidate: () => {} };
}

function localDb(): KommunalwerkstattDb {
	const db = openDatabase(uniqueDocName('durable-db'));
	cleanups.push(async () => {
		db.close();
		await db.delete();
	});
	return db;
}

async function registryOn(
	test: TestServer | null,
	db: KommunalwerkstattDb
): Promise<DocumentRegistry> {
	const registry = createDocumentRegistry({
		relay: false,
		db,
		bookkeepingIntervalMs: 1,
		...(test
			? {
					tokenSource: await tokenFor(test),
					socket: { url: test.syncUrl, WebSocketPolyfill: WebSocket }
				}
			: {})
	});
	cleanups.push(() => registry.close());
	return registry;
}

/** A full round trip (token, connect, sync, debounced write, acknowledgement) on a busy machine. */
const POLL = { timeout: 10_000 };

const docName = () =>
	`kommune/032410001001/workshop/${uniqueDocName('w').replace(/\W/g, '')}/board`;
const laptopOf = (registry: DocumentRegistry, name: string) =>
	registry.durability
		.find((entry) => entry.name === name)
		?.durability.places.find((p) => p.place === 'laptop');

describe('where a document is durably stored', () => {
	it('is gesichert on the laptop only after the server wrote it, and a removal is not gesichert until written', async () => {
		const { store, control } = failableStore();
		const test = await serverWith(store);
		const registry = await registryOn(test, localDb());
		const name = docName();
		const handle = await registry.open(name);
		const cards = handle.doc.getArray<string>('cards');
		cards.push(['Akte digital', 'E-Rechnung']);
		await expect.poll(() => laptopOf(registry, name)?.covered, POLL).toBe(true);
		expect(laptopOf(registry, name)?.storedAt).toEqual(expect.any(Number));

		control.failing = true;
		cards.delete(0, 1);
		expect(laptopOf(registry, name)?.covered).toBe(false);
		await expect.poll(() => control.failures).toBeGreaterThanOrEqual(2);
		expect(laptopOf(registry, name)?.covered).toBe(false);
		expect(handle.durability.localStoredAt).toEqual(expect.any(Number));

		// The database recovers: the acknowledgement arrives without another edit.
		control.failing = false;
		await expect.poll(() => laptopOf(registry, name)?.covered, POLL).toBe(true);
		expect(cards.toArray()).toEqual(['E-Rechnung']);
	});

	it('remembers after a reload without the server that the unchanged document is stored on the laptop', async () => {
		const test = await serverWith();
		const db = localDb();
		const name = docName();
		const online = await registryOn(test, db);
		const handle = await online.open(name);
		handle.doc.getArray<string>('cards').push(['Ratsinfo']);
		await expect.poll(() => laptopOf(online, name)?.covered, POLL).toBe(true);
		const storedAt = laptopOf(online, name)?.storedAt;
		await online.close();

		const offline = await registryOn(null, db);
		const reopened = await offline.open(name);
		await expect
			.poll(() => laptopOf(offline, name))
			.toEqual({
				place: 'laptop',
				connected: false,
				storedAt,
				covered: true
			});
		reopened.doc.getArray<string>('cards').push(['offline geschrieben']);
		expect(laptopOf(offline, name)?.covered).toBe(false);
		await reopened.whenStored();
		await expect.poll(async () => (await db.documents.get(name))?.lastLocalChangeAt).toBeTruthy();
		await offline.close();

		// Reloaded again: the offline edit is still own work no server has, so closing should ask.
		const again = await registryOn(null, db);
		const third = await again.open(name);
		await expect.poll(() => third.durability.ownChangesPending, POLL).toBe(true);
		expect(laptopOf(again, name)?.covered).toBe(false);
	});

	it('stops trusting a remembered acknowledgement when the server has lost the document', async () => {
		const port = await freePort();
		const db = localDb();
		const name = docName();
		const first = await startTestServer({ env: { PORT: String(port) } });
		cleanups.push(() => first.close());
		const online = await registryOn(first, db);
		const handle = await online.open(name);
		handle.doc.getArray<string>('cards').push(['Ratsinfo']);
		await expect.poll(() => laptopOf(online, name)?.covered, POLL).toBe(true);
		await online.close();
		await first.close();

		// The laptop's data directory was wiped, and the new database cannot write either.
		const { store, control } = failableStore();
		control.failing = true;
		const wiped = await startTestServer({ store, env: { PORT: String(port) } });
		cleanups.push(() => wiped.close());
		const registry = await registryOn(wiped, db);
		const reopened = await registry.open(name);
		expect(reopened.doc.getArray<string>('cards').toArray()).toEqual(['Ratsinfo']);
		// What the device remembers no longer counts: the server says it has nothing stored.
		await expect
			.poll(() => laptopOf(registry, name), POLL)
			.toEqual({ place: 'laptop', connected: true, storedAt: null, covered: false });
		await expect.poll(() => control.failures, POLL).toBeGreaterThan(0);
		expect(laptopOf(registry, name)?.covered).toBe(false);

		control.failing = false;
		await expect.poll(() => laptopOf(registry, name)?.covered, POLL).toBe(true);
	});

	it('counts a second server’s acknowledgements for the central place, for the documents it covers', async () => {
		const laptop = await serverWith();
		const central = await serverWith();
		const registry = await registryOn(laptop, localDb());
		const name = docName();
		const other = 'kommune/031510001001/profile';
		const handle = await registry.open(name);
		await registry.open(other);
		const sockets = createSocketPool({ url: central.syncUrl, WebSocketPolyfill: WebSocket });
		const stop = registry.addServer(
			{ place: 'central', tokenSource: await tokenFor(central), sockets },
			(docName) => docName.startsWith('kommune/032410001001/')
		);
		cleanups.push(stop);
		handle.doc.getArray<string>('cards').push(['zentral gesichert']);

		const placesOf = (n: string) =>
			registry.durability.find((entry) => entry.name === n)?.durability.places ?? [];
		await expect
			.poll(() => placesOf(name).map((p) => [p.place, p.covered]))
			.toEqual([
				['laptop', true],
				['central', true]
			]);
		expect(placesOf(other).map((p) => p.place)).toEqual(['laptop']);

		// The central connection has a presence of its own: ending it leaves this device's presence alone.
		handle.awareness.setLocalStateField('user', { name: 'Moderation' });
		stop();
		await expect
			.poll(() => placesOf(name).find((p) => p.place === 'central')?.connected)
			.toBe(false);
		expect(handle.awareness.getLocalState()).toEqual({ user: { name: 'Moderation' } });
		handle.awareness.setLocalStateField('editing', 'karte-1');
		expect(handle.awareness.getLocalState()).toMatchObject({ editing: 'karte-1' });
	});
});

describe('changes from elsewhere', () => {
	it('make a document need uploading again, though this device never changed it', async () => {
		const test = await serverWith();
		const db = localDb();
		const registry = await registryOn(test, db);
		const name = docName();
		const handle = await registry.open(name);
		handle.doc.getArray<string>('cards').push(['meine Karte']);
		await expect
			.poll(async () => (await db.durableStates.get([name, 'laptop']))?.coveredAt, POLL)
			.toEqual(expect.any(Number));

		// Another device's card arrives (here applied directly, as the tab relay or a server would).
		const other = new Y.Doc();
		other.getArray<string>('cards').push(['fremde Karte']);
		Y.applyUpdate(handle.doc, Y.encodeStateAsUpdate(other), 'remote');
		expect(handle.durability.ownChangesPending).toBe(false);
		await expect
			.poll(async () => (await db.durableStates.get([name, 'laptop']))?.coveredAt, POLL)
			.toBeNull();
	});
});

describe('own changes waiting for a durable write', () => {
	it('are pending from my edit until the laptop wrote it, and a change from another device is not mine', async () => {
		const test = await serverWith();
		const name = docName();
		const mine = await (await registryOn(test, localDb())).open(name);
		const theirsRegistry = await registryOn(test, localDb());
		const theirs = await theirsRegistry.open(name);
		expect(mine.durability.ownChangesPending).toBe(false);

		mine.doc.getArray<string>('cards').push(['meine Karte']);
		expect(mine.durability.ownChangesPending).toBe(true);
		await expect.poll(() => mine.durability.ownChangesPending, POLL).toBe(false);
		await expect.poll(() => theirs.doc.getArray<string>('cards').length).toBe(1);
		expect(theirs.durability.ownChangesPending).toBe(false);
	});
});

describe('a document nobody has written', () => {
	it('counts as stored on a connected server until the first change, which needs a write', async () => {
		const test = await serverWith();
		const registry = await registryOn(test, localDb());
		const name = docName();
		const handle = await registry.open(name);
		await expect.poll(() => laptopOf(registry, name)?.connected, POLL).toBe(true);
		expect(laptopOf(registry, name)).toMatchObject({ covered: true, storedAt: null });

		handle.doc.getArray<string>('cards').push(['erste Karte']);
		expect(laptopOf(registry, name)?.covered).toBe(false);
		await expect.poll(() => laptopOf(registry, name)?.storedAt, POLL).toEqual(expect.any(Number));
		expect(laptopOf(registry, name)?.covered).toBe(true);
	});
});

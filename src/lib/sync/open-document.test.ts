import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readProcesses } from '../crdt/check-shared-doc';
import { ROOT_KEYS } from '../crdt/schema';
import { DocumentError } from './document-status';
import { COMPACT_ON_OPEN_ROWS, localDatabaseName } from './local-persistence';
import { openDocument, type DocumentHandle } from './open-document';
import { relayChannelName } from './tab-relay';
import type { TokenSource } from './token-source';
import { countStoredRows, failWritesTo, prepareKill, uniqueDocName } from './test-support';

const V1_CHECK_SHARED = readFileSync(
	fileURLToPath(new URL('../crdt/fixtures/v1-check-shared.bin', import.meta.url))
);

const open: DocumentHandle[] = [];
const track = async (promise: Promise<DocumentHandle>) => {
	const handle = await promise;
	open.push(handle);
	return handle;
};

afterEach(async () => {
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
	await Promise.all(open.splice(0).map((h) => h.close()));
});

describe('openDocument', () => {
	it('keeps an edit across closing and reopening, as after a reload (S1)', async () => {
		const name = uniqueDocName('reload');
		const first = await openDocument(name, { relay: false });
		first.doc.getMap('profile').set('name', 'Hameln');
		await first.whenStored();
		await first.close();

		const second = await track(openDocument(name, { relay: false }));
		expect(second.doc.getMap('profile').get('name')).toBe('Hameln');
		expect(second.status).toBe('local');
	});

	it('fails with storage_timeout when IndexedDB never answers (S2)', async () => {
		vi.spyOn(indexedDB, 'open').mockImplementation(() => ({}) as IDBOpenDBRequest);
		const error = await openDocument(uniqueDocName('timeout'), {
			relay: false,
			timeoutMs: 30
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DocumentError);
		expect((error as DocumentError).code).toBe('storage_timeout');
	});

	it('keeps the stored rows bounded over 50 reopens, losing no edit (S3)', async () => {
		const name = uniqueDocName('reopen');
		for (let i = 0; i < 50; i++) {
			const handle = await openDocument(name, { relay: false });
			handle.doc.getMap('profile').set(`k${i}`, i);
			await handle.whenStored();
			await handle.close();
		}
		// Without merging: one row per open plus one per edit, 100 rows.
		expect(await countStoredRows(name)).toBeLessThanOrEqual(COMPACT_ON_OPEN_ROWS + 1);
		const last = await track(openDocument(name, { relay: false }));
		const map = last.doc.getMap('profile');
		expect(Array.from({ length: 50 }, (_, i) => map.get(`k${i}`))).toEqual(
			Array.from({ length: 50 }, (_, i) => i)
		);
	});
	it('opens with its stored content when merging the rows on open fails, as on a full disk', async () => {
		const name = uniqueDocName('merge-fails');
		const first = await openDocument(name, { relay: false });
		first.doc.getMap('profile').set('name', 'Hameln');
		await first.whenStored();
		await first.close();
		// Merging clears the rows and writes one; a full disk aborts that transaction.
		const realClear = IDBObjectStore.prototype.clear;
		vi.spyOn(IDBObjectStore.prototype, 'clear').mockImplementation(function (this: IDBObjectStore) {
			const request = realClear.call(this);
			if (this.transaction.db.name === localDatabaseName(name)) this.transaction.abort();
			return request;
		});

		const reopened = await track(openDocument(name, { relay: false, compactAtRows: 1 }));
		expect(reopened.doc.getMap('profile').get('name')).toBe('Hameln');
		expect(IDBObjectStore.prototype.clear).toHaveBeenCalled();
	});

	it('rejects whenStored with storage_write_failed when a write fails, and stores the whole document once writing works again', async () => {
		const name = uniqueDocName('write-fails');
		const handle = await track(openDocument(name, { relay: false }));
		const restore = failWritesTo(localDatabaseName(name));
		handle.doc.getMap('profile').set('name', 'Hameln');
		const error = await handle.whenStored().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DocumentError);
		expect((error as DocumentError).code).toBe('storage_write_failed');

		restore();
		await handle.whenStored();
		const reopened = await track(openDocument(name, { relay: false }));
		expect(reopened.doc.getMap('profile').get('name')).toBe('Hameln');
	});

	it('loses no edit whose whenStored resolved when the tab is killed mid-write (RELIABILITY 13)', async () => {
		const name = uniqueDocName('killed');
		const kill = prepareKill(localDatabaseName(name));
		const tab = await openDocument(name, { relay: false });
		tab.doc.getMap('profile').set('name', 'Hameln');
		await tab.whenStored();
		tab.doc.getMap('profile').set('population', 57_000);
		// Killed while the second write is under way: no close(), and its transaction is aborted.
		kill();

		const fresh = await track(openDocument(name, { relay: false }));
		expect(fresh.doc.getMap('profile').get('name')).toBe('Hameln');
		// What "killed mid-write" means: the edit that whenStored had not confirmed is gone.
		expect(fresh.doc.getMap('profile').has('population')).toBe(false);
		// Only frees what the test allocated; a killed tab runs none of this.
		tab.awareness.destroy();
		tab.doc.destroy();
	});

	it('never migrates a copy that is not persisted, such as the projector’s (ADR 13)', async () => {
		const name = `kommune/032410001001/check/projector-${Date.now()}/shared`;
		const projector = await track(openDocument(name, { relay: false, persist: false }));
		Y.applyUpdate(projector.doc, V1_CHECK_SHARED);
		expect(readProcesses(projector.doc).processes).toHaveLength(21);
		expect(projector.doc.getMap(ROOT_KEYS.processRecords).size).toBe(0);
	});

	it('writes the processes of a version 1 round as field records when they arrive, and keeps them (ADR 13)', async () => {
		const name = `kommune/032410001001/check/migration-${Date.now()}/shared`;
		const first = await openDocument(name, { relay: false });
		Y.applyUpdate(first.doc, V1_CHECK_SHARED);
		const shown = readProcesses(first.doc);
		expect(first.doc.getMap(ROOT_KEYS.processRecords).get('bauantrag/name')).toBe('Bauantrag');
		await first.whenStored();
		await first.close();

		const second = await track(openDocument(name, { relay: false }));
		expect(second.doc.getMap(ROOT_KEYS.processRecords).get('bauantrag/name')).toBe('Bauantrag');
		expect(readProcesses(second.doc)).toEqual(shown);
	});
});

describe('tab relay', () => {
	it('carries edits between two tabs in both directions without a server (S4)', async () => {
		const name = uniqueDocName('tabs');
		const tabA = await track(openDocument(name));
		const tabB = await track(openDocument(name));

		tabA.doc.getMap('profile').set('name', 'Hameln');
		await expect.poll(() => tabB.doc.getMap('profile').get('name')).toBe('Hameln');
		tabB.doc.getMap('profile').set('population', 57_000);
		await expect.poll(() => tabA.doc.getMap('profile').get('population')).toBe(57_000);
	});

	it('does not echo an update back to the tab it came from (S4)', async () => {
		const name = uniqueDocName('echo');
		const tabA = await track(openDocument(name, { persist: false }));
		const tabB = await track(openDocument(name, { persist: false }));
		// A third listener on the channel sees every update either tab posts.
		const listener = new BroadcastChannel(relayChannelName(name));
		const carryingA = new Set<string>();
		let postsCarryingA = 0;
		const markerSeen = new Promise<void>((resolve) => {
			listener.onmessage = (
				event: MessageEvent<{ kind: string; from: string; update?: Uint8Array }>
			) => {
				const { kind, from, update } = event.data;
				if (kind !== 'update' || update === undefined) return;
				const clients = Y.decodeUpdate(update).structs.map((s) => s.id.client);
				if (clients.includes(tabA.doc.clientID)) {
					carryingA.add(from);
					postsCarryingA += 1;
				}
				if (clients.includes(tabB.doc.clientID)) resolve();
			};
		});

		tabA.doc.getMap('m').set('x', 1);
		await expect.poll(() => tabB.doc.getMap('m').get('x')).toBe(1);
		// B posts its marker after anything it might have echoed, and each sender's order is kept.
		tabB.doc.getMap('m').set('marker', true);
		await markerSeen;
		listener.close();
		expect(postsCarryingA).toBe(1);
		expect(carryingA.size).toBe(1);
	});

	it('brings a tab opened after the edit up to date through the handshake (S5)', async () => {
		const name = uniqueDocName('handshake');
		// Tab A keeps its edit in memory only, so tab B can learn it from the relay alone.
		const tabA = await track(openDocument(name, { persist: false }));
		tabA.doc.getMap('profile').set('name', 'Hameln');

		const tabB = await track(openDocument(name));
		await expect.poll(() => tabB.doc.getMap('profile').get('name')).toBe('Hameln');
	});

	it('sends what the newcomer has and the open tab lacks back to it (S5)', async () => {
		const name = uniqueDocName('handshake-back');
		const earlier = await openDocument(name, { relay: false });
		earlier.doc.getMap('profile').set('landkreis', 'Hameln-Pyrmont');
		await earlier.whenStored();
		await earlier.close();

		const tabA = await track(openDocument(name, { persist: false }));
		tabA.doc.getMap('profile').set('name', 'Hameln');
		const tabB = await track(openDocument(name));

		await expect.poll(() => tabA.doc.getMap('profile').get('landkreis')).toBe('Hameln-Pyrmont');
		await expect.poll(() => tabB.doc.getMap('profile').get('name')).toBe('Hameln');
	});

	it('brings a deletion that only the opening tab has to the open tab through the handshake (S5)', async () => {
		const name = uniqueDocName('handshake-delete');
		const earlier = await openDocument(name, { relay: false });
		earlier.doc.getMap('profile').set('landkreis', 'Hameln-Pyrmont');
		await earlier.whenStored();
		await earlier.close();

		const tabA = await track(openDocument(name));
		// Tab B deletes without a channel (as a tab of an older version would), so only IndexedDB has it.
		const tabB = await openDocument(name, { relay: false });
		tabB.doc.getMap('profile').delete('landkreis');
		await tabB.whenStored();
		await tabB.close();
		expect(tabA.doc.getMap('profile').has('landkreis')).toBe(true);

		// A deletion does not change the state vector: only the delete set tells tab A about it.
		await track(openDocument(name));
		await expect.poll(() => tabA.doc.getMap('profile').has('landkreis')).toBe(false);
	});

	it('receives an update that another tab posts while it is still loading (S4)', async () => {
		const name = uniqueDocName('while-loading');
		// Tab B keeps its edit in memory only and closes at once, so no handshake can bring it later.
		const tabB = await openDocument(name, { persist: false });
		const opening = openDocument(name);
		tabB.doc.getMap('profile').set('name', 'Hameln');
		await tabB.close();

		const tabA = await track(opening);
		await expect.poll(() => tabA.doc.getMap('profile').get('name')).toBe('Hameln');
	});

	it('listens to other tabs, then loads, then starts the relay from the loaded state, then connects (S6)', async () => {
		const name = uniqueDocName('order');
		const earlier = await openDocument(name, { relay: false });
		earlier.doc.getMap('profile').set('name', 'Hameln');
		await earlier.whenStored();
		await earlier.close();
		const storedVector = Y.encodeStateVector(earlier.doc);

		const steps: string[] = [];
		const RealChannel = BroadcastChannel;
		vi.stubGlobal(
			'BroadcastChannel',
			class extends RealChannel {
				constructor(channelName: string) {
					super(channelName);
					if (channelName === relayChannelName(name)) steps.push('listen');
				}
			}
		);
		const realOpen = indexedDB.open.bind(indexedDB);
		vi.spyOn(indexedDB, 'open').mockImplementation((dbName, version) => {
			if (dbName === localDatabaseName(name)) steps.push('load');
			return realOpen(dbName, version);
		});
		vi.spyOn(RealChannel.prototype, 'postMessage').mockImplementation(function (
			this: BroadcastChannel,
			message: { kind: string; stateVector?: Uint8Array }
		) {
			if (message.kind === 'query') {
				// The handshake starts from the loaded content.
				expect(message.stateVector).toEqual(storedVector);
				steps.push('relay');
			}
		});
		const tokenSource: TokenSource = {
			state: 'unknown',
			getToken: async () => {
				steps.push('connect');
				return null;
			},
			invalidate: () => {}
		};
		const sockets = { acquire: vi.fn(), release: vi.fn() };

		const handle = await track(openDocument(name, { server: { tokenSource, sockets } }));
		await expect.poll(() => steps).toContain('connect');
		expect(steps.slice(0, 4)).toEqual(['listen', 'load', 'relay', 'connect']);
		expect(handle.doc.getMap('profile').get('name')).toBe('Hameln');
	});

	it('relays presence between tabs and removes it when a tab closes', async () => {
		const name = uniqueDocName('awareness');
		const tabA = await track(openDocument(name, { persist: false }));
		const tabB = await openDocument(name, { persist: false });
		tabB.awareness.setLocalStateField('user', { name: 'Moderation' });

		await expect
			.poll(() => tabA.awareness.getStates().get(tabB.doc.clientID))
			.toEqual({ user: { name: 'Moderation' } });
		await tabB.close();
		await expect.poll(() => tabA.awareness.getStates().has(tabB.doc.clientID)).toBe(false);
	});
});

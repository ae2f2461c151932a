import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type KommunalwerkstattDb } from '../storage/db';
import { findDocumentRecord } from '../storage/documents';
import { createDocumentRegistry } from './document-registry';
import { localDatabaseName } from './local-persistence';
import { relayChannelName } from './tab-relay';
import { countStoredRows, uniqueDocName } from './test-support';

let db: KommunalwerkstattDb;

beforeEach(() => {
	db = openDatabase(`registry-test-${Math.random()}`);
});

afterEach(async () => {
	vi.restoreAllMocks();
	db.close();
	await db.delete();
});

describe('document registry', () => {
	it('keeps a document opened in the background out of what the page shows, until the page opens it too', async () => {
		const registry = createDocumentRegistry({ relay: false });
		const name = uniqueDocName('background');
		const background = await registry.open(name, { background: true });
		expect(registry.openNames).toEqual([]);
		expect(registry.durability).toEqual([]);

		const shown = await registry.open(name);
		expect(shown.doc).toBe(background.doc);
		expect(registry.openNames).toEqual([name]);
		expect(registry.durability.map((entry) => entry.name)).toEqual([name]);

		await shown.close();
		expect(registry.openNames).toEqual([]);
		expect(background.doc.isDestroyed).toBe(false);
		await background.close();
		expect(background.doc.isDestroyed).toBe(true);
	});

	it('shares one Y.Doc between two opens of a name and closes it with the last lease (S7)', async () => {
		const registry = createDocumentRegistry({ relay: false });
		const name = uniqueDocName('shared');
		const [first, second] = await Promise.all([registry.open(name), registry.open(name)]);
		expect(first.doc).toBe(second.doc);
		expect(registry.openNames).toEqual([name]);

		await first.close();
		await first.close(); // a second close of the same lease changes nothing
		expect(registry.openNames).toEqual([name]);
		expect(second.doc.isDestroyed).toBe(false);

		await second.close();
		expect(registry.openNames).toEqual([]);
		expect(second.doc.isDestroyed).toBe(true);

		const third = await registry.open(name);
		expect(third.doc).not.toBe(first.doc);
		await third.close();
	});

	it('says local when nothing is open or nothing is connected (S10)', async () => {
		const registry = createDocumentRegistry({ relay: false });
		expect(registry.status).toBe('local');
		const handle = await registry.open(uniqueDocName('local'));
		expect(registry.status).toBe('local');
		await handle.close();
	});

	it('tells subscribers when the set of open documents changes', async () => {
		const registry = createDocumentRegistry({ relay: false });
		let calls = 0;
		const stop = registry.subscribe(() => calls++);
		const handle = await registry.open(uniqueDocName('notify'));
		await handle.close();
		stop();
		expect(calls).toBe(2);
	});

	it('records when a document was opened and last changed on this device', async () => {
		let time = 1_000;
		const registry = createDocumentRegistry({
			relay: false,
			db,
			now: () => time,
			bookkeepingIntervalMs: 10
		});
		const name = uniqueDocName('books');
		const handle = await registry.open(name);
		await expect.poll(async () => (await findDocumentRecord(db, name))?.lastOpenedAt).toBe(1_000);
		time = 2_000;
		handle.doc.getMap('profile').set('name', 'Hameln');
		await expect
			.poll(async () => (await findDocumentRecord(db, name))?.lastLocalChangeAt)
			.toBe(2_000);
		await handle.close();
	});

	it('closes every session on close(), however many leases are still held', async () => {
		const registry = createDocumentRegistry({ relay: false });
		const name = uniqueDocName('close-all');
		const [first, second] = await Promise.all([registry.open(name), registry.open(name)]);
		await registry.close();
		expect(registry.openNames).toEqual([]);
		expect(first.doc.isDestroyed).toBe(true);
		await first.close(); // a lease closed afterwards changes nothing
		await second.close();

		const again = await registry.open(name);
		expect(registry.openNames).toEqual([name]);
		await again.close();
	});

	it('keeps one small database per document over 200 documents and releases them all (RELIABILITY 6)', async () => {
		const prefix = uniqueDocName('many');
		const names = Array.from({ length: 200 }, (_, i) => `${prefix}/${i}`);
		const connections: IDBOpenDBRequest[] = [];
		const realOpen = indexedDB.open.bind(indexedDB);
		vi.spyOn(indexedDB, 'open').mockImplementation((name, version) => {
			const request = realOpen(name, version);
			if (name.startsWith(prefix)) connections.push(request);
			return request;
		});
		const closedConnections = vi.spyOn(IDBDatabase.prototype, 'close');
		const closedChannels = vi.spyOn(BroadcastChannel.prototype, 'close');

		const registry = createDocumentRegistry();
		const handles = await Promise.all(names.map((name) => registry.open(name)));
		handles.forEach((handle, i) => handle.doc.getMap('profile').set('position', i));
		await Promise.all(handles.map((handle) => handle.whenStored()));
		expect(registry.openNames).toHaveLength(200);
		const opened = connections.map((request) => request.result);
		expect(opened).toHaveLength(200);

		const databases = (await indexedDB.databases())
			.map((d) => d.name)
			.filter((name) => name?.startsWith(prefix));
		expect(databases.sort()).toEqual(names.map(localDatabaseName).sort());
		// y-indexeddb's row for the open, and one for the edit.
		const rows = await Promise.all(names.map(countStoredRows));
		expect(Math.max(...rows)).toBeLessThanOrEqual(2);

		await Promise.all(handles.map((handle) => handle.close()));
		expect(registry.openNames).toEqual([]);
		expect(handles.every((handle) => handle.doc.isDestroyed)).toBe(true);
		expect(opened.every((connection) => closedConnections.mock.contexts.includes(connection))).toBe(
			true
		);
		const channels = closedChannels.mock.contexts.filter((channel) =>
			(channel as BroadcastChannel).name.startsWith(relayChannelName(prefix))
		);
		expect(channels).toHaveLength(200);
	});
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type KommunalwerkstattDb } from '../storage/db';
import { findDocumentRecord } from '../storage/documents';
import { createDocumentRegistry } from './document-registry';
import { uniqueDocName } from './test-support';

let db: KommunalwerkstattDb;

beforeEach(() => {
	db = openDatabase(`registry-test-${Math.random()}`);
});

afterEach(async () => {
	db.close();
	await db.delete();
});

describe('document registry', () => {
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
});

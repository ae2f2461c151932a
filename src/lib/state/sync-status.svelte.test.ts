import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocumentRegistry } from '../sync/document-registry';
import type { DocumentStatus } from '../sync/document-status';
import { uniqueDocName } from '../sync/test-support';
import { SyncStatus } from './sync-status.svelte';
import { startTestLaptop } from './test-laptop';

let cleanup = () => {};

afterEach(() => cleanup());

describe('SyncStatus', () => {
	it('says local, never saved, and counts the open documents as they open and close', async () => {
		const registry = createDocumentRegistry({ relay: false });
		const indicator = new SyncStatus(registry);
		const seen: [DocumentStatus, number][] = [];
		cleanup = $effect.root(() => {
			$effect(() => {
				seen.push([indicator.status, indicator.openDocuments]);
			});
		});
		flushSync();
		expect(seen).toEqual([['local', 0]]);

		const handle = await registry.open(uniqueDocName('indicator'));
		await expect.poll(() => indicator.openDocuments).toBe(1);
		expect(indicator.status).toBe('local');
		await handle.close();
		await expect.poll(() => indicator.openDocuments).toBe(0);
		expect(typeof indicator.isSecureContext).toBe('boolean');
	});

	it('says local until a registry is handed over, then reports on the documents already open in it', async () => {
		const indicator = new SyncStatus();
		const seen: number[] = [];
		cleanup = $effect.root(() => {
			$effect(() => {
				seen.push(indicator.openDocuments);
			});
		});
		flushSync();
		expect(indicator.status).toBe('local');
		expect(seen).toEqual([0]);

		const registry = createDocumentRegistry({ relay: false });
		const handle = await registry.open(uniqueDocName('late-registry'));
		indicator.follow(registry);
		await expect.poll(() => indicator.openDocuments).toBe(1);
		await handle.close();
		await expect.poll(() => indicator.openDocuments).toBe(0);
	});

	it('says while a page shows a document that cannot reach the server for its size, and keeps it here (S20)', async () => {
		const laptop = await startTestLaptop();
		const token = await laptop.ownerToken();
		const registry = createDocumentRegistry({
			relay: false,
			tokenSource: { state: 'available', getToken: async () => token, invalidate: () => {} }
		});
		try {
			const indicator = new SyncStatus(registry);
			cleanup = $effect.root(() => {
				$effect(() => void indicator.tooLarge);
			});
			flushSync();
			expect(indicator.tooLarge).toBeNull();

			const name = `kommune/032410001001/workshop/${uniqueDocName('w').replace(/\W/g, '')}/board`;
			const handle = await registry.open(name);
			// One entry of 9 MiB: more than the 8 MiB a message may hold, so no split can send it (S19).
			handle.doc.getMap('cards').set('scan', new Uint8Array(9 * 1024 * 1024).fill(7));
			await expect.poll(() => indicator.tooLarge, { timeout: 15_000 }).toBe('entry_too_large');
			expect(handle.doc.getMap('cards').get('scan')).toHaveLength(9 * 1024 * 1024);

			await handle.close();
			await expect.poll(() => indicator.tooLarge).toBeNull();
		} finally {
			await registry.close();
			await laptop.close();
		}
	}, 60_000);
});

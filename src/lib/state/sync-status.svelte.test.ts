import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocumentRegistry } from '../sync/document-registry';
import type { DocumentStatus } from '../sync/document-status';
import { uniqueDocName } from '../sync/test-support';
import { SyncStatus } from './sync-status.svelte';

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
});

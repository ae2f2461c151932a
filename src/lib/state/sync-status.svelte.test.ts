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
});

import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createDocumentRegistry } from '../sync/document-registry';
import type { DocumentHandle } from '../sync/open-document';
import { uniqueDocName } from '../sync/test-support';
import { appErrorMessage } from './app-error';
import { LiveDocument } from './live-document.svelte';
import { SharedDocument } from './shared-document.svelte';

let cleanup = () => {};
afterEach(() => cleanup());

const title = (doc: Y.Doc) => doc.getMap('info').get('title') ?? null;
const place = (doc: Y.Doc) => doc.getMap('info').get('place') ?? null;

describe('SharedDocument', () => {
	it('shows two values of one document and writes into it through a single opening of the document', async () => {
		const registry = createDocumentRegistry({ relay: false });
		const name = uniqueDocName('shared');
		let opens = 0;
		const shared = new SharedDocument(() => {
			opens += 1;
			return registry.open(name);
		});
		const titleView = new LiveDocument(shared, title, null);
		const placeView = new LiveDocument(shared, place, null);
		const seen: unknown[] = [];
		cleanup = $effect.root(() => {
			$effect(() => {
				seen.push([titleView.value, placeView.value]);
			});
		});
		flushSync();
		await expect.poll(() => titleView.loading).toBe(false);

		const written = await titleView.write((doc) => {
			doc.getMap('info').set('title', 'Klausur');
			doc.getMap('info').set('place', 'Rathaus');
			return 'done';
		});
		expect(written).toEqual({ ok: true, value: 'done' });
		await expect.poll(() => seen.at(-1)).toEqual(['Klausur', 'Rathaus']);
		const undoHandle = await shared.borrow();
		expect(undoHandle.doc.getMap('info').get('title')).toBe('Klausur');
		await undoHandle.close();
		expect(opens).toBe(1);

		// Nothing shows it any more: the document closes, and a later write opens it for itself.
		cleanup();
		cleanup = () => {};
		await expect.poll(() => registry.openNames).toEqual([]);
		expect((await shared.write((doc) => doc.getMap('info').set('title', 'Neu'))).ok).toBe(true);
		expect(opens).toBe(2);
		const reader = await registry.open(name);
		expect(title(reader.doc)).toBe('Neu');
		await reader.close();
		await registry.close();
	});

	it('reports a chunk that did not arrive as its own German message, not as the storage timeout', async () => {
		const chunkMissing = (): Promise<DocumentHandle> =>
			Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
		const shared = new SharedDocument(chunkMissing);
		const view = new LiveDocument(shared, title, null);
		cleanup = $effect.root(() => {
			$effect(() => void view.value);
		});
		flushSync();
		await expect.poll(() => view.error).toBe('code_load_failed');
		const written = await shared.write((doc) => doc.getMap('info').set('title', 'x'));
		expect(written).toEqual({ ok: false, error: 'code_load_failed' });
		expect(appErrorMessage('code_load_failed')).toContain('nicht geladen');
		expect(appErrorMessage('code_load_failed')).not.toBe(appErrorMessage('storage_timeout'));
	});
});

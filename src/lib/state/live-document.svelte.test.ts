import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createDocumentRegistry } from '../sync/document-registry';
import { uniqueDocName } from '../sync/test-support';
import { LiveDocument } from './live-document.svelte';

let cleanup = () => {};

afterEach(() => cleanup());

let lastRead: { title: unknown } | null = null;
const readTitle = (doc: Y.Doc) => (lastRead = { title: doc.getMap('info').get('title') });

describe('LiveDocument', () => {
	it('reads its value again on every change, keeps it as read (no proxy), and reads other things only on demand while open', async () => {
		const registry = createDocumentRegistry({ relay: false });
		const name = uniqueDocName('live');
		const live = new LiveDocument(() => registry.open(name), readTitle, null);
		expect(live.readNow((doc) => doc.getMap('info').size)).toBeNull();

		const seen: unknown[] = [];
		const stop = $effect.root(() => {
			$effect(() => {
				seen.push(live.value);
			});
		});
		cleanup = stop;
		flushSync();
		await expect.poll(() => live.loading).toBe(false);

		const writer = await registry.open(name);
		writer.doc.getMap('info').set('title', 'Klausur');
		writer.doc.getMap('info').set('place', 'Rathaus');
		await expect.poll(() => lastRead?.title).toBe('Klausur');
		flushSync();
		expect(seen.at(-1)).toBe(lastRead);
		expect(live.readNow((doc) => doc.getMap('info').get('place'))).toBe('Rathaus');

		stop();
		cleanup = () => {};
		await expect.poll(() => live.readNow((doc) => doc.getMap('info').size)).toBeNull();
		await writer.close();
		await registry.close();
	});
});

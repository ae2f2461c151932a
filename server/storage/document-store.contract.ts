// One contract, every backend (the tldraw way): each store test file calls this with a way to open
// its backend, so SQLite and PostgreSQL are held to exactly the same behaviour.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from './document-store';

export interface StoreFactory {
	/** Opens the backend; a second call opens the same storage again (a restart). */
	open(): Promise<DocumentStore>;
}

export function runDocumentStoreContract(label: string, factory: () => StoreFactory): void {
	describe(`document store contract: ${label}`, () => {
		const opened: DocumentStore[] = [];
		const open = async () => {
			const store = await factory().open();
			opened.push(store);
			return store;
		};
		afterEach(async () => {
			while (opened.length > 0) await opened.pop()!.close();
		});
		// Names are unique per test, so backends can share one database across tests.
		const name = (suffix: string) => `kommune/032410001001/workshop/${randomUUID()}/${suffix}`;
		const bytes = (...values: number[]) => new Uint8Array(values);

		it('a document that was never stored loads as null', async () => {
			const store = await open();
			expect(await store.load(name('board'))).toBeNull();
		});

		it('stores state and state vector and loads exactly those bytes', async () => {
			const store = await open();
			const doc = new Y.Doc();
			doc.getMap('m').set('k', 'Wert mit Umlauten äöü');
			const state = Y.encodeStateAsUpdateV2(doc);
			const stateVector = Y.encodeStateVector(doc);
			const before = Date.now();
			const n = name('board');
			await store.store(n, state, stateVector);
			const stored = await store.load(n);
			expect(stored?.state).toEqual(state);
			expect(stored?.stateVector).toEqual(stateVector);
			expect(stored?.state).toBeInstanceOf(Uint8Array);
			expect(stored!.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
		});

		it('a second store replaces the first one', async () => {
			const store = await open();
			const n = name('control');
			await store.store(n, bytes(1, 2, 3), bytes(1));
			await store.store(n, bytes(4, 5), bytes(2));
			const stored = await store.load(n);
			expect(stored?.state).toEqual(bytes(4, 5));
			expect(stored?.stateVector).toEqual(bytes(2));
		});

		it('keeps documents apart by name', async () => {
			const store = await open();
			const [a, b] = [name('private/p1'), name('private/p2')];
			await Promise.all([store.store(a, bytes(1), bytes(1)), store.store(b, bytes(2), bytes(2))]);
			expect((await store.load(a))?.state).toEqual(bytes(1));
			expect((await store.load(b))?.state).toEqual(bytes(2));
		});

		it('stores a large document (2 MiB) and a slice of a larger buffer without its neighbours', async () => {
			const store = await open();
			const large = new Uint8Array(2 * 1024 * 1024).map((_, i) => i % 251);
			const n = name('board');
			await store.store(n, large, bytes(9));
			// Compared as one buffer: element-wise toEqual on 2 MiB takes seconds.
			const loaded = (await store.load(n))?.state;
			expect(loaded && Buffer.from(loaded).equals(large)).toBe(true);
			const backing = bytes(0, 7, 8, 9, 0);
			await store.store(n, backing.subarray(1, 4), backing.subarray(2, 3));
			const stored = await store.load(n);
			expect(stored?.state).toEqual(bytes(7, 8, 9));
			expect(stored?.stateVector).toEqual(bytes(8));
		});

		it('what was stored is still there after the store is closed and opened again', async () => {
			const first = await open();
			const n = name('board');
			await first.store(n, bytes(42), bytes(1));
			await first.close();
			opened.splice(opened.indexOf(first), 1);
			const second = await open();
			expect((await second.load(n))?.state).toEqual(bytes(42));
		});
	});
}

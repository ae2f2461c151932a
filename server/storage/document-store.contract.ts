// One contract, every backend (the tldraw way): each store test file calls this with a way to open
// its backend, so SQLite and PostgreSQL are held to exactly the same behaviour.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentDeletedError, type DocumentStore } from './document-store';
import type { Compaction } from './sqlite-tables';

export interface StoreFactory {
	/** Opens the backend; a second call opens the same storage again (a restart). */
	open(compaction?: Compaction): Promise<DocumentStore>;
	/** How many increments of `name` are stored and not merged into its state yet. */
	unmerged(name: string): Promise<number>;
}

/** Never merge on its own: the increments stay until a test lets them be merged. */
const NEVER: Compaction = { maxUpdates: 1e9, minBytes: 1e12, stateShare: 1 };
/** Merge after every third increment. */
const EVERY_THIRD: Compaction = { maxUpdates: 3, minBytes: 1e12, stateShare: 1 };

export function runDocumentStoreContract(label: string, factory: () => StoreFactory): void {
	describe(`document store contract: ${label}`, () => {
		const opened: DocumentStore[] = [];
		const open = async (compaction?: Compaction) => {
			const store = await factory().open(compaction);
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
		describe('increments appended by the server (ADR 18, H7)', () => {
			/** A board's history: cards written, rewritten and deleted, one increment per transaction. */
			function history(): { doc: Y.Doc; increments: Uint8Array[] } {
				const doc = new Y.Doc();
				const increments: Uint8Array[] = [];
				doc.on('updateV2', (update: Uint8Array) => increments.push(update));
				const cards = doc.getMap('cards');
				for (let i = 0; i < 10; i++) cards.set(`card-${i}/text`, `Karte ${i}`);
				for (let i = 0; i < 10; i++) {
					doc.transact(() => {
						cards.set(`card-${i}/text`, `Karte ${i}, überarbeitet`);
						if (i % 3 === 0) cards.delete(`card-${(i + 5) % 10}/text`);
					});
				}
				return { doc, increments };
			}
			const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) =>
				a !== undefined && Buffer.from(a).equals(Buffer.from(b));

			it('a state followed by increments loads as exactly the document they make', async () => {
				const store = await open(NEVER);
				const n = name('board');
				const { doc, increments } = history();
				const first = new Y.Doc();
				Y.applyUpdateV2(first, increments[0]!);
				await store.store(n, Y.encodeStateAsUpdateV2(first), Y.encodeStateVector(first));
				for (const increment of increments.slice(1)) await store.append(n, increment);
				expect(await factory().unmerged(n)).toBe(increments.length - 1);
				const stored = await store.load(n);
				expect(sameBytes(stored?.state, Y.encodeStateAsUpdateV2(doc))).toBe(true);
				expect(stored?.stateVector).toEqual(Y.encodeStateVector(doc));
			});

			it('increments merged into the state in the background load as exactly the same document', async () => {
				const store = await open(EVERY_THIRD);
				const n = name('board');
				const { doc, increments } = history();
				for (const increment of increments) await store.append(n, increment);
				// 20 increments, merged after every third: at most two are left.
				await expect.poll(() => factory().unmerged(n), { timeout: 10_000 }).toBeLessThan(3);
				const stored = await store.load(n);
				expect(sameBytes(stored?.state, Y.encodeStateAsUpdateV2(doc))).toBe(true);
				expect(stored?.stateVector).toEqual(Y.encodeStateVector(doc));
			}, 20_000);

			it('increments not yet merged at a stop or crash load after the restart, and are merged then', async () => {
				const first = await open(NEVER);
				const n = name('board');
				const { doc, increments } = history();
				for (const increment of increments) await first.append(n, increment);
				await first.close();
				opened.splice(opened.indexOf(first), 1);

				const second = await open(EVERY_THIRD);
				const stored = await second.load(n);
				expect(sameBytes(stored?.state, Y.encodeStateAsUpdateV2(doc))).toBe(true);
				// The load found unmerged increments and had them merged.
				await expect.poll(() => factory().unmerged(n), { timeout: 10_000 }).toBe(0);
				expect(sameBytes((await second.load(n))?.state, Y.encodeStateAsUpdateV2(doc))).toBe(true);
			}, 20_000);

			it('a whole state replaces the increments before it, and a deletion takes the increments too', async () => {
				const store = await open(NEVER);
				const n = name('board');
				const { increments } = history();
				for (const increment of increments.slice(0, 4)) await store.append(n, increment);
				await store.store(n, bytes(1, 2), bytes(3));
				expect(await factory().unmerged(n)).toBe(0);
				expect((await store.load(n))?.state).toEqual(bytes(1, 2));

				const k = `kommune/${randomUUID().replace(/\D/g, '').padEnd(12, '3').slice(0, 12)}`;
				await store.append(`${k}/profile`, increments[0]!);
				expect(await store.deleteScope(k)).toEqual([`${k}/profile`]);
				expect(await store.load(`${k}/profile`)).toBeNull();
				await expect(store.append(`${k}/profile`, increments[1]!)).rejects.toBeInstanceOf(
					DocumentDeletedError
				);
			});
		});

		describe('deleting a scope (ADR 11)', () => {
			// A municipality of its own per test, so tombstones of one test never touch another's names.
			const municipality = () =>
				`kommune/${randomUUID().replace(/\D/g, '').padEnd(12, '7').slice(0, 12)}`;

			it('deletes every document under the scope and nothing beside it, and says which', async () => {
				const store = await open();
				const k = municipality();
				const names = [
					`${k}/workshop/w1/control`,
					`${k}/workshop/w1/board`,
					`${k}/workshop/w1/private/p_1`,
					`${k}/workshop/w10/board`,
					`${k}/workshop/w1x/board`,
					`${k}/profile`
				];
				for (const [i, n] of names.entries()) await store.store(n, bytes(i + 1), bytes(i));
				const deleted = await store.deleteScope(`${k}/workshop/w1`);
				expect(deleted).toEqual([
					`${k}/workshop/w1/board`,
					`${k}/workshop/w1/control`,
					`${k}/workshop/w1/private/p_1`
				]);
				for (const n of deleted) expect(await store.load(n)).toBeNull();
				expect((await store.load(`${k}/workshop/w10/board`))?.state).toEqual(bytes(4));
				expect((await store.load(`${k}/workshop/w1x/board`))?.state).toEqual(bytes(5));
				expect((await store.load(`${k}/profile`))?.state).toEqual(bytes(6));
			});

			it('an id with an underscore is no wildcard: a scope deletes no look-alike', async () => {
				const store = await open();
				const k = municipality();
				await store.store(`${k}/check/a_b/shared`, bytes(1), bytes(1));
				await store.store(`${k}/check/axb/shared`, bytes(2), bytes(2));
				expect(await store.deleteScope(`${k}/check/a_b`)).toEqual([`${k}/check/a_b/shared`]);
				expect((await store.load(`${k}/check/axb/shared`))?.state).toEqual(bytes(2));
			});

			it('a document under a deleted scope cannot be stored again, even one never stored before', async () => {
				const store = await open();
				const k = municipality();
				await store.store(`${k}/check/c1/shared`, bytes(1), bytes(1));
				await store.deleteScope(`${k}/check/c1`);
				for (const n of [`${k}/check/c1/shared`, `${k}/check/c1/respondent/r9`]) {
					await expect(store.store(n, bytes(9), bytes(9))).rejects.toBeInstanceOf(
						DocumentDeletedError
					);
					expect(await store.load(n)).toBeNull();
					expect(await store.deletedScopeOf(n)).toBe(`${k}/check/c1`);
				}
				expect(await store.deletedScopeOf(`${k}/check/c2/shared`)).toBeNull();
				expect(await store.deletedScopeOf(`${k}/profile`)).toBeNull();
				await store.store(`${k}/check/c2/shared`, bytes(3), bytes(3));
				expect((await store.load(`${k}/check/c2/shared`))?.state).toEqual(bytes(3));
			});

			it('a deleted municipality covers every document of it; a deleted respondent only its own', async () => {
				const store = await open();
				const [k, l] = [municipality(), municipality()];
				await store.store(`${l}/check/c1/respondent/r1`, bytes(1), bytes(1));
				await store.store(`${l}/check/c1/respondent/r2`, bytes(2), bytes(2));
				expect(await store.deleteScope(`${l}/check/c1/respondent/r1`)).toEqual([
					`${l}/check/c1/respondent/r1`
				]);
				expect(await store.deletedScopeOf(`${l}/check/c1/respondent/r2`)).toBeNull();
				expect((await store.load(`${l}/check/c1/respondent/r2`))?.state).toEqual(bytes(2));
				await store.deleteScope(k);
				expect(await store.deletedScopeOf(`${k}/workshop/w1/private/p1`)).toBe(k);
				expect(await store.deletedScopeOf(`${l}/profile`)).toBeNull();
			});

			it('deleting again deletes nothing more, and the tombstone survives a restart', async () => {
				const first = await open();
				const k = municipality();
				await first.store(`${k}/profile`, bytes(1), bytes(1));
				expect(await first.deleteScope(k)).toEqual([`${k}/profile`]);
				expect(await first.deleteScope(k)).toEqual([]);
				await first.close();
				opened.splice(opened.indexOf(first), 1);
				const second = await open();
				expect(await second.deletedScopeOf(`${k}/profile`)).toBe(k);
				await expect(second.store(`${k}/profile`, bytes(2), bytes(2))).rejects.toBeInstanceOf(
					DocumentDeletedError
				);
			});
		});
	});
}

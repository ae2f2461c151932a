// One contract for both blob backends (see document-store.contract.ts).
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BlobStore } from './blob-store';

export function runBlobStoreContract(label: string, open: () => Promise<BlobStore>): void {
	describe(`blob store contract: ${label}`, () => {
		const opened: BlobStore[] = [];
		const openStore = async () => {
			const store = await open();
			opened.push(store);
			return store;
		};
		afterEach(async () => {
			while (opened.length > 0) await opened.pop()!.close();
		});
		// Municipalities and hashes are unique per test, so backends can share one database.
		const ars = () => String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
		const hash = () => randomUUID().replaceAll('-', '').repeat(2);
		const BYTES = Uint8Array.of(0xff, 0xd8, 0xff, 0x00, 0x01, 0xfe, 0xff, 0xd9);

		it('a stored blob reads back byte for byte with its type, also after reopening', async () => {
			const municipality = ars();
			const sha = hash();
			const first = await openStore();
			expect(await first.put(`kommune/${municipality}/workshop/w1`, sha, 'image/jpeg', BYTES)).toBe(
				true
			);
			expect(await first.get(municipality, sha)).toEqual({ mediaType: 'image/jpeg', bytes: BYTES });
			await first.close();
			const again = await openStore();
			expect(await again.get(municipality, sha)).toEqual({ mediaType: 'image/jpeg', bytes: BYTES });
		});

		it('storing the same blob again changes nothing and says it was known', async () => {
			const municipality = ars();
			const sha = hash();
			const store = await openStore();
			const scope = `kommune/${municipality}/workshop/w1`;
			await store.put(scope, sha, 'image/png', BYTES);
			expect(await store.put(scope, sha, 'image/png', BYTES)).toBe(false);
		});

		it('counts the bytes of a municipality over all its workshops, and knows which scope holds a blob', async () => {
			const [mine, theirs] = [ars(), ars()];
			const [a, b] = [hash(), hash()];
			const store = await openStore();
			expect(await store.bytesOf(mine)).toBe(0);
			await store.put(`kommune/${mine}/workshop/w1`, a, 'image/jpeg', BYTES);
			await store.put(`kommune/${mine}/workshop/w2`, b, 'image/jpeg', BYTES.subarray(0, 5));
			await store.put(`kommune/${theirs}/workshop/w1`, a, 'image/jpeg', BYTES);
			// 8 + 5 bytes; the other municipality's copy is its own.
			expect(await store.bytesOf(mine)).toBe(13);
			expect(await store.bytesOf(theirs)).toBe(8);
			expect(await store.has(`kommune/${mine}/workshop/w1`, a)).toBe(true);
			expect(await store.has(`kommune/${mine}/workshop/w2`, a)).toBe(false);
		});

		it('a blob of one municipality is not found under another', async () => {
			const [mine, theirs] = [ars(), ars()];
			const sha = hash();
			const store = await openStore();
			await store.put(`kommune/${mine}/workshop/w1`, sha, 'image/jpeg', BYTES);
			expect(await store.get(theirs, sha)).toBeNull();
			expect(await store.get(mine, hash())).toBeNull();
		});

		it('deleting a workshop or its municipality deletes their blobs and no other', async () => {
			const municipality = ars();
			const [a, b] = [hash(), hash()];
			const store = await openStore();
			await store.put(`kommune/${municipality}/workshop/w1`, a, 'image/jpeg', BYTES);
			await store.put(`kommune/${municipality}/workshop/w10`, b, 'image/jpeg', BYTES);
			expect(await store.deleteScope(`kommune/${municipality}/workshop/w1`)).toBe(1);
			expect(await store.get(municipality, a)).toBeNull();
			expect(await store.get(municipality, b)).not.toBeNull();
			expect(await store.deleteScope(`kommune/${municipality}`)).toBe(1);
			expect(await store.get(municipality, b)).toBeNull();
		});
	});
}

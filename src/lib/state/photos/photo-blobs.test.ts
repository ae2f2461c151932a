import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, BlobUploadResponse } from '../../contract/protocol';
import { findBlob } from '../../storage/blobs';
import { openDatabase, type KommunalwerkstattDb } from '../../storage/db';
import { createPhotoBlobs, type BlobApi, type PhotoBlobs } from './photo-blobs';

const BOARD = 'kommune/032410001001/workshop/w1/board';
const SHA = 'e'.repeat(64);
const BYTES = Uint8Array.of(0xff, 0xd8, 0xff, 0xd9);

let db: KommunalwerkstattDb;
let blobs: PhotoBlobs | null = null;
beforeEach(() => {
	db = openDatabase(`photo-blobs-${Math.random()}`);
});
afterEach(async () => {
	blobs?.stop();
	await db.delete();
});

/** A laptop that is away for the first `away` uploads and then takes every one. */
function laptop(away: number) {
	const puts: string[] = [];
	const at: number[] = [];
	const api: BlobApi = {
		async put(token, sha256, doc, bytes): Promise<ApiResult<BlobUploadResponse>> {
			puts.push(`${token} ${sha256} ${doc} ${bytes.length}`);
			at.push(performance.now());
			if (puts.length <= away) return { ok: false, error: 'unreachable' };
			return { ok: true, value: { sha256, mediaType: 'image/jpeg', bytes: bytes.length } };
		},
		get: async () => ({ ok: false, error: 'not_found' })
	};
	return { api, puts, at };
}

describe('photos taken without a server', () => {
	it('are kept on this device at once and uploaded once the laptop answers again, with backoff', async () => {
		const { api, puts, at } = laptop(2);
		blobs = createPhotoBlobs({
			db,
			api,
			tokenFor: async () => 'anna-token',
			now: () => 5_000,
			retryBaseMs: 50
		});
		await blobs.keep(BOARD, SHA, 'image/jpeg', BYTES);
		expect(await findBlob(db, SHA)).toMatchObject({ board: BOARD, bytes: BYTES, laptopAt: null });
		await vi.waitFor(async () => expect((await findBlob(db, SHA))?.laptopAt).toBe(5_000));
		expect(puts).toEqual(Array(3).fill(`anna-token ${SHA} ${BOARD} 4`));
		// The first retry after 50 ms, the next after 100 ms more.
		expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(49);
		expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(99);
		expect(await blobs.pending(BOARD)).toBe(0);
	});

	it('wait without a token and are not sent with none', async () => {
		const { api, puts } = laptop(0);
		let asked = 0;
		const tokenFor = async () => {
			asked += 1;
			return null;
		};
		blobs = createPhotoBlobs({ db, api, tokenFor, retryBaseMs: 10 });
		await blobs.keep(BOARD, SHA, 'image/jpeg', BYTES);
		await vi.waitFor(() => expect(asked).toBeGreaterThanOrEqual(3));
		expect(puts).toEqual([]);
		expect(await blobs.pending(BOARD)).toBe(1);
	});
});

import { Dexie } from 'dexie';
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

describe('a photo the laptop refuses for good', () => {
	it('is recorded with the reason and when, is not sent again, and no longer counts as waiting', async () => {
		const puts: string[] = [];
		const api: BlobApi = {
			async put(_token, sha256) {
				puts.push(sha256);
				return { ok: false, error: 'photo_has_metadata' };
			},
			get: async () => ({ ok: false, error: 'not_found' })
		};
		blobs = createPhotoBlobs({ db, api, tokenFor: async () => 't', now: () => 7_000 });
		await blobs.keep(BOARD, SHA, 'image/jpeg', BYTES);
		await blobs.upload(BOARD);

		expect(await findBlob(db, SHA)).toMatchObject({
			laptopAt: null,
			laptopRefusal: { at: 7_000, code: 'photo_has_metadata' }
		});
		expect(await blobs.refusals(BOARD)).toEqual({ [SHA]: 'photo_has_metadata' });
		expect(await blobs.pending(BOARD)).toBe(0);
		await blobs.upload(BOARD);
		expect(puts).toEqual([SHA]);
	});

	it('that a version-4 device marked with laptopAt -1 becomes a refusal without a reason on upgrade', async () => {
		const name = `photo-blobs-v4-${Math.random()}`;
		const old = new Dexie(name);
		old.version(4).stores({ blobs: 'sha256, board' });
		await old.table('blobs').bulkPut([
			{
				sha256: SHA,
				board: BOARD,
				mediaType: 'image/jpeg',
				bytes: BYTES,
				createdAt: 3,
				laptopAt: -1,
				centralAt: null
			},
			{
				sha256: 'f'.repeat(64),
				board: BOARD,
				mediaType: 'image/jpeg',
				bytes: BYTES,
				createdAt: 4,
				laptopAt: 9,
				centralAt: null
			}
		]);
		old.close();
		const upgraded = openDatabase(name);
		try {
			expect(await findBlob(upgraded, SHA)).toMatchObject({
				laptopAt: null,
				laptopRefusal: { at: 3, code: null }
			});
			expect(await findBlob(upgraded, 'f'.repeat(64))).toMatchObject({
				laptopAt: 9,
				laptopRefusal: null
			});
			blobs = createPhotoBlobs({ db: upgraded, api: laptop(0).api, tokenFor: async () => 't' });
			expect(await blobs.refusals(BOARD)).toEqual({ [SHA]: null });
			expect(await blobs.pending(BOARD)).toBe(0);
		} finally {
			await upgraded.delete();
		}
	});
});

describe('photos waiting from an earlier session', () => {
	it('go up board by board when the app starts, without their workshop open; taken and refused ones stay', async () => {
		const other = 'kommune/032410001001/workshop/w2/board';
		const row = (sha256: string, board: string, laptopAt: number | null) => ({
			sha256,
			board,
			mediaType: 'image/jpeg',
			bytes: BYTES,
			createdAt: 1,
			laptopAt,
			centralAt: null,
			laptopRefusal: null
		});
		await db.blobs.bulkPut([
			row('a'.repeat(64), BOARD, null),
			row('b'.repeat(64), other, null),
			row('c'.repeat(64), BOARD, 3),
			{ ...row('d'.repeat(64), other, null), laptopRefusal: { at: 2, code: 'photo_damaged' } }
		]);
		const { api, puts } = laptop(0);
		blobs = createPhotoBlobs({ db, api, tokenFor: async (doc) => `token-${doc.slice(-8)}` });

		await blobs.uploadWaiting();

		expect(puts.sort()).toEqual([
			`token-w1/board ${'a'.repeat(64)} ${BOARD} 4`,
			`token-w2/board ${'b'.repeat(64)} ${other} 4`
		]);
		expect(await blobs.pending(BOARD)).toBe(0);
		expect(await blobs.pending(other)).toBe(0);
	});
});

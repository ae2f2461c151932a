import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPhotos } from '../../crdt/workshop-photos';
import type { Photo } from '../../domain/photos/photo';
import { openDatabase } from '../../storage/db';
import { createPhotoBlobs, type BlobApi, type PhotoBlobs } from '../photos/photo-blobs';
import { NO_PHOTO_BLOBS } from '../photos/test-support';
import { exchange, liveOn, loaded, render, unrender, writeTo } from '../test-documents.svelte';
import { WorkshopPhotos, type PhotoWriter } from './workshop-photos.svelte';

afterEach(unrender);

const BOARD = 'kommune/032410001001/workshop/w1/board';
// The page's environment has no file URLs; vitest runs from the repository root.
const JPEG = new Uint8Array(readFileSync('src/lib/domain/photos/fixtures/flipchart.jpg'));
// SHA-256 of the fixture, by `sha256sum src/lib/domain/photos/fixtures/flipchart.jpg`.
const JPEG_SHA = '66bfd6c29266aa227501d3132b8234f09aee13fd219d7ad57e37003af180a78e';

/** A device's blob store in memory: what it kept, and nothing from a server. */
function keptBlobs() {
	const kept = new Map<string, { board: string; bytes: Uint8Array }>();
	const blobs: PhotoBlobs = {
		...NO_PHOTO_BLOBS,
		keep: async (board, sha256, _type, bytes) => void kept.set(sha256, { board, bytes })
	};
	return { kept, blobs };
}

async function photosOn(board: Y.Doc, writer: PhotoWriter | null, blobs: PhotoBlobs) {
	const photos = new WorkshopPhotos(
		liveOn(board, readPhotos, [] as Photo[]),
		writeTo(board),
		writer,
		blobs,
		BOARD
	);
	await loaded(photos);
	render(() => photos.ofBlock('b1'));
	return photos;
}

describe('WorkshopPhotos', () => {
	it('a photo added to a block is kept on this device, recorded by its hash under its author, and shows on every device; only the author or the facilitator removes it', async () => {
		const tablet = new Y.Doc();
		const laptop = new Y.Doc();
		const { kept, blobs } = keptBlobs();
		const anna = await photosOn(tablet, { id: 'p-anna', removesAny: false }, blobs);
		const bernd = await photosOn(new Y.Doc(), { id: 'p-bernd', removesAny: false }, blobs);
		const facilitator = await photosOn(laptop, { id: 'moderation', removesAny: true }, blobs);

		expect(await anna.add('b1', new Blob([JPEG]))).toBe(true);
		expect([...kept.keys()]).toEqual([JPEG_SHA]);
		expect(kept.get(JPEG_SHA)?.board).toBe(BOARD);
		exchange(tablet, laptop);
		const [photo] = facilitator.ofBlock('b1');
		expect(photo).toMatchObject({
			sha256: JPEG_SHA,
			mediaType: 'image/jpeg',
			width: 24,
			height: 16,
			authorId: 'p-anna'
		});
		expect(bernd.mayChange(photo!)).toBe(false);
		expect(facilitator.mayChange(photo!)).toBe(true);
		expect(await facilitator.remove(photo!.id)).toBe(true);
		expect(readPhotos(laptop)).toEqual([]);
	});

	it('a renamed program, a 40 MB file and an over-long description are refused with their reason and change nothing', async () => {
		const board = new Y.Doc();
		const { kept, blobs } = keptBlobs();
		const photos = await photosOn(board, { id: 'p-anna', removesAny: false }, blobs);

		expect(await photos.add('b1', new Blob([new Uint8Array([0x4d, 0x5a, 0x90, 0])]))).toBe(false);
		expect(photos.error).toBe('photo_unsupported_type');
		expect(await photos.add('b1', new Blob([new Uint8Array(40 * 1024 * 1024)]))).toBe(false);
		expect(photos.error).toBe('photo_too_large');
		expect(kept.size).toBe(0);
		expect(readPhotos(board)).toEqual([]);

		await photos.add('b1', new Blob([JPEG]));
		const [photo] = photos.ofBlock('b1');
		expect(await photos.describe(photo!.id, 'x'.repeat(301))).toBe(false);
		expect(photos.error).toBe('photo_caption_too_long');
		expect(readPhotos(board)[0]?.caption).toBe('');
	});
});

describe('a photo the laptop refuses for good', () => {
	it('is shown with the server’s reason on the device that took it, and the others are not', async () => {
		const db = openDatabase(`workshop-photos-${Math.random()}`);
		const api: BlobApi = {
			put: async () => ({ ok: false, error: 'photo_has_metadata' }),
			get: async () => ({ ok: false, error: 'not_found' })
		};
		const blobs = createPhotoBlobs({ db, api, tokenFor: async () => 'anna-token' });
		try {
			const board = new Y.Doc();
			const photos = await photosOn(board, { id: 'p-anna', removesAny: false }, blobs);
			expect(await photos.add('b1', new Blob([JPEG]))).toBe(true);
			const [photo] = photos.ofBlock('b1');
			await expect.poll(() => photos.refusal(photo!)).toBe('photo_has_metadata');
			expect(photos.refusal({ ...photo!, sha256: 'a'.repeat(64) })).toBeUndefined();
		} finally {
			blobs.stop();
			await db.delete();
		}
	});
});

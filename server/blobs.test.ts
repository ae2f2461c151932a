// The blob endpoint (ADR 20) against the real server on 127.0.0.1: a cleaned photo goes in with the
// token that writes its workshop board and comes back for any device of the municipality; the server
// recomputes the hash, checks the type by magic bytes, and refuses what still carries metadata, and
// a refused upload stores nothing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Role } from '../src/lib/domain/access';
import type { ScopeTarget } from '../src/lib/domain/token-scope';
import { API_PATHS, type BlobUploadResponse } from '../src/lib/contract/protocol';
import { SQLITE_FILE_NAME } from './storage/sqlite-store';
import { useCleanup } from './test/cleanup';
import { startTestServer, tokenFor as issueToken, type TestServer } from './test/test-server';

const defer = useCleanup();
const A = '032410001001';
const B = '031010000000';
const BOARD = `kommune/${A}/workshop/w1/board`;

/** A 24×16 JPEG a browser encoded: nothing to clean. */
const PHOTO = new Uint8Array(
	readFileSync(new URL('../src/lib/domain/photos/fixtures/flipchart.jpg', import.meta.url))
);
/** A 1×1 PNG: nothing to clean. */
const PNG = new Uint8Array(
	readFileSync(new URL('../src/lib/domain/photos/fixtures/pinboard.png', import.meta.url))
);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The photo with an EXIF block carrying a camera make, right after the JFIF header. */
function withCamera(jpeg: Uint8Array): Uint8Array {
	const exif = Buffer.from('Exif\0\0MM\0\x2a\0\0\0\x08\0\0\0\0\0\0PhoneMaker', 'latin1');
	const segment = Buffer.concat([Buffer.from([0xff, 0xe1, 0, exif.length + 2]), exif]);
	return new Uint8Array(Buffer.concat([jpeg.subarray(0, 20), segment, jpeg.subarray(20)]));
}

async function server(blobQuotaBytes?: number): Promise<TestServer> {
	const test = await startTestServer(
		blobQuotaBytes === undefined ? {} : { configure: (config) => ({ ...config, blobQuotaBytes }) }
	);
	defer(() => test.close());
	return test;
}

const tokenFor = (test: TestServer, role: Role, target: ScopeTarget, sub = 'p-anna') =>
	issueToken(test, role, target, sub);

function put(test: TestServer, token: string | null, hash: string, body: Uint8Array, doc = BOARD) {
	return fetch(`${test.server.url}${API_PATHS.blobs}/${hash}?doc=${doc}`, {
		method: 'PUT',
		headers: {
			'content-type': 'application/octet-stream',
			...(token ? { authorization: `Bearer ${token}` } : {})
		},
		body: new Blob([body as Uint8Array<ArrayBuffer>])
	});
}

function get(test: TestServer, token: string, hash: string, doc: string) {
	return fetch(`${test.server.url}${API_PATHS.blobs}/${hash}?doc=${doc}`, {
		headers: { authorization: `Bearer ${token}` }
	});
}

/** Every row of the server's blob table, read from the SQLite file. */
function storedBlobs(test: TestServer) {
	const db = new Database(join(test.dataDir, SQLITE_FILE_NAME), { readonly: true });
	try {
		return db
			.prepare<[], { scope: string; sha256: string; media_type: string; data: Buffer }>(
				'SELECT scope, sha256, media_type, data FROM blobs ORDER BY scope, sha256'
			)
			.all();
	} finally {
		db.close();
	}
}

describe('photos move as blobs over an authenticated endpoint', () => {
	it('a participant uploads a cleaned photo to their board; it is stored byte for byte and a device of the municipality reads it back', async () => {
		const test = await server();
		const anna = await tokenFor(test, 'teilnahme', { ars: A, workshop: 'w1' });
		const hash = sha(PHOTO);

		const first = await put(test, anna, hash, PHOTO);
		expect(first.status).toBe(201);
		expect((await first.json()) as BlobUploadResponse).toEqual({
			sha256: hash,
			mediaType: 'image/jpeg',
			bytes: PHOTO.length
		});
		expect((await put(test, anna, hash, PHOTO)).status).toBe(200);

		const rows = storedBlobs(test);
		expect(rows.map((r) => [r.scope, r.sha256, r.media_type])).toEqual([
			[`kommune/${A}/workshop/w1`, hash, 'image/jpeg']
		]);
		expect(Buffer.compare(rows[0]!.data, Buffer.from(PHOTO))).toBe(0);

		// A consultant of the municipality reads it through the profile, a document the token covers.
		const consultant = await tokenFor(test, 'beratung', { ars: A });
		const read = await get(test, consultant, hash, `kommune/${A}/profile`);
		expect(read.status).toBe(200);
		expect(read.headers.get('content-type')).toBe('image/jpeg');
		expect(new Uint8Array(await read.arrayBuffer())).toEqual(PHOTO);
	});

	it('refuses a photo beyond the municipality’s quota over all its workshops with its reason, still takes one it has, and keeps each municipality’s quota apart', async () => {
		// Room for the JPEG (850 bytes) but not for the PNG (245 bytes) beside it.
		const test = await server(PHOTO.length + PNG.length - 1);
		const w1 = await tokenFor(test, 'teilnahme', { ars: A, workshop: 'w1' });
		const w2 = await tokenFor(test, 'teilnahme', { ars: A, workshop: 'w2' });

		expect((await put(test, w1, sha(PHOTO), PHOTO)).status).toBe(201);
		const refused = await put(test, w2, sha(PNG), PNG, `kommune/${A}/workshop/w2/board`);
		expect(refused.status).toBe(413);
		expect(await refused.json()).toEqual({ error: 'blob_quota_exceeded' });
		expect((await put(test, w1, sha(PHOTO), PHOTO)).status).toBe(200);
		const other = await tokenFor(test, 'teilnahme', { ars: B, workshop: 'w1' });
		expect((await put(test, other, sha(PNG), PNG, `kommune/${B}/workshop/w1/board`)).status).toBe(
			201
		);

		expect(storedBlobs(test).map((r) => [r.scope, r.sha256])).toEqual([
			[`kommune/${B}/workshop/w1`, sha(PNG)],
			[`kommune/${A}/workshop/w1`, sha(PHOTO)]
		]);
	});

	it('another municipality learns nothing: its own documents do not find the photo, and ours are not its to name', async () => {
		const test = await server();
		const hash = sha(PHOTO);
		await put(test, await tokenFor(test, 'teilnahme', { ars: A, workshop: 'w1' }), hash, PHOTO);
		const other = await tokenFor(test, 'moderation', { ars: B });
		expect((await get(test, other, hash, `kommune/${B}/profile`)).status).toBe(404);
		const forbidden = await get(test, other, hash, `kommune/${A}/profile`);
		expect(forbidden.status).toBe(403);
		expect(await forbidden.json()).toEqual({ error: 'forbidden' });
	});

	it('refuses a photo with camera data, a wrong hash, a renamed program, a cut-off JPEG and a 40 MB file, each with its reason, and stores nothing', async () => {
		const test = await server();
		const anna = await tokenFor(test, 'teilnahme', { ars: A, workshop: 'w1' });
		const exe = new Uint8Array(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]));
		const cut = PHOTO.subarray(0, PHOTO.length - 40);
		const huge = new Uint8Array(40 * 1024 * 1024);
		huge.set(PHOTO);
		const tagged = withCamera(PHOTO);
		const cases: Array<[string, Uint8Array, string, number, string]> = [
			['camera data', tagged, sha(tagged), 422, 'photo_has_metadata'],
			['wrong hash', PHOTO, sha(exe), 422, 'blob_hash_mismatch'],
			['renamed program', exe, sha(exe), 415, 'photo_unsupported_type'],
			['cut-off JPEG', cut, sha(cut), 422, 'photo_damaged'],
			['40 MB', huge, sha(huge), 413, 'photo_too_large']
		];
		for (const [label, body, hash, status, error] of cases) {
			const response = await put(test, anna, hash, body);
			expect([label, response.status, await response.json()]).toEqual([label, status, { error }]);
		}
		expect(storedBlobs(test)).toEqual([]);
	});

	it('needs a token that writes the board: none, a read-only one and a private document are refused', async () => {
		const test = await server();
		const hash = sha(PHOTO);
		expect((await put(test, null, hash, PHOTO)).status).toBe(401);
		const viewer = await tokenFor(test, 'ansicht', { ars: A, workshop: 'w1' });
		expect((await put(test, viewer, hash, PHOTO)).status).toBe(403);
		const anna = await tokenFor(test, 'teilnahme', { ars: A, workshop: 'w1' });
		const own = `kommune/${A}/workshop/w1/private/p-anna`;
		expect((await put(test, anna, hash, PHOTO, own)).status).toBe(403);
		expect((await put(test, anna, 'A'.repeat(64), PHOTO)).status).toBe(400);
		expect(storedBlobs(test)).toEqual([]);
	});

	it('bounds how many uploads one person makes at once', async () => {
		const test = await server();
		const anna = await tokenFor(test, 'teilnahme', { ars: A, workshop: 'w1' });
		const statuses: number[] = [];
		for (let i = 0; i < 21; i++) statuses.push((await put(test, anna, sha(PHOTO), PHOTO)).status);
		expect(statuses.filter((s) => s === 429)).toHaveLength(1);
		expect(statuses.at(-1)).toBe(429);
	});

	it('deleting the workshop for good deletes its photos, and a later upload to it is refused', async () => {
		const test = await server();
		const hash = sha(PHOTO);
		await put(test, await tokenFor(test, 'teilnahme', { ars: A, workshop: 'w1' }), hash, PHOTO);
		const facilitator = await tokenFor(test, 'moderation', { ars: A });
		const deletion = await fetch(`${test.server.url}${API_PATHS.deletions}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${facilitator}`, 'content-type': 'application/json' },
			body: JSON.stringify({ scope: `kommune/${A}/workshop/w1` })
		});
		expect(deletion.status).toBe(200);
		expect(storedBlobs(test)).toEqual([]);
		const again = await put(test, facilitator, hash, PHOTO);
		expect([again.status, await again.json()]).toEqual([410, { error: 'document_deleted' }]);
	});
});

// /api/blobs/<sha256> (ADR 20): photos move between devices and servers as content-addressed blobs,
// never inside a document. The token is checked like every managing endpoint's (signature, expiry, an
// active device) and must cover a document: PUT the workshop board the photo belongs to, with write
// access; GET any document of the same municipality, with read access.
//
// The client cleans a photo before it hashes and sends it (src/lib/domain/photos/photo-file.ts); the
// server trusts none of it: it bounds the body, recomputes the SHA-256, checks the type by magic bytes
// and the structure, and cleans the bytes again. Cleaning is a fixed point, so a blob that cleaning
// would change still carries metadata and is refused (`photo_has_metadata`) rather than stored under a
// hash that is not its own.
//
// Centrally the route answers other origins too (CORS, as /api/deletions): a facilitator's laptop page
// uploads the municipality's photos there. The token travels in the Authorization header, never as a
// cookie, so a foreign page has nothing to borrow.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { accessFor, parseDocName } from '../../src/lib/domain/access';
import {
	API_PATHS,
	ERROR_CODES,
	type BlobUploadResponse,
	type ErrorCode
} from '../../src/lib/contract/protocol';
import {
	cleanPhoto,
	PHOTO_MAX_BYTES,
	sameBytes,
	type PhotoMediaType
} from '../../src/lib/domain/photos/photo-file';
import { isSha256Hex } from '../../src/lib/domain/photos/photo';
import type { RateLimiter } from '../rate-limit';
import type { BlobStore } from '../storage/blob-store';
import { withClaims, type JoinRoutesContext } from './join-routes';
import { sendError, sendJson } from './responses';

export interface BlobRoutesContext extends JoinRoutesContext {
	blobs: () => BlobStore;
	/** Uploads per user (a message is one upload): bounds what one device can push. */
	blobLimiter: RateLimiter;
	/** Answer pages of any origin (the central server); the laptop answers only its own page. */
	crossOriginBlobs: boolean;
	/** Bytes of photos one municipality may keep here (ServerConfig.blobQuotaBytes). */
	blobQuotaBytes: number;
	/** The deleted scope a document lies under, or null (ADR 11): its photos are gone for good too. */
	deletedScopeOf: (name: string) => Promise<string | null>;
}

const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Handles the request if its path is a blob's; false if it is not. */
export async function handleBlobRoute(
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
	ctx: BlobRoutesContext
): Promise<boolean> {
	const prefix = `${API_PATHS.blobs}/`;
	if (!path.startsWith(prefix)) return false;
	if (ctx.crossOriginBlobs) {
		res.setHeader('Access-Control-Allow-Origin', '*');
		if (req.method === 'OPTIONS') {
			req.resume();
			res.writeHead(204, {
				'Access-Control-Allow-Methods': 'GET, PUT',
				'Access-Control-Allow-Headers': 'authorization, content-type',
				'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
				'Content-Length': '0'
			});
			res.end();
			return true;
		}
	}
	const sha256 = path.slice(prefix.length);
	const doc = new URL(req.url ?? '/', 'http://x').searchParams.get('doc') ?? '';
	if (req.method !== 'PUT' && req.method !== 'GET' && req.method !== 'HEAD') {
		req.resume();
		res.setHeader('Allow', 'GET, HEAD, PUT');
		sendError(res, 405, ERROR_CODES.methodNotAllowed);
		return true;
	}
	if (!isSha256Hex(sha256) || parseDocName(doc) === null) {
		req.resume();
		sendError(res, 400, ERROR_CODES.invalidRequest);
		return true;
	}
	if (req.method !== 'PUT') req.resume();
	await withClaims(req, res, ctx, async (claims) => {
		const parsed = parseDocName(doc)!;
		const access = accessFor(claims, doc);
		if (access !== 'none' && (await ctx.deletedScopeOf(doc)) !== null) {
			req.resume();
			return sendError(res, 410, ERROR_CODES.documentDeleted);
		}
		if (req.method === 'PUT') {
			if (parsed.kind !== 'workshopBoard' || access !== 'write') {
				req.resume();
				return sendError(res, 403, ERROR_CODES.forbidden);
			}
			const declared = Number(req.headers['content-length'] ?? 0);
			if (
				!ctx.blobLimiter.take(`${claims.role}:${claims.sub}`, Math.min(declared, PHOTO_MAX_BYTES))
			) {
				req.resume();
				ctx.logger.info({ event: 'blob_rate_limited' }, 'blob upload rate limited');
				return sendError(res, 429, ERROR_CODES.rateLimited);
			}
			const body = await readBytes(req, PHOTO_MAX_BYTES);
			if (body === 'too_large') return sendError(res, 413, ERROR_CODES.photoTooLarge);
			if (body === 'failed') return sendError(res, 400, ERROR_CODES.invalidRequest);
			const judged = judgeBlob(body, sha256);
			if (!judged.ok) {
				ctx.logger.info({ event: 'blob_refused', reason: judged.error }, 'blob refused');
				return sendError(res, judged.status, judged.error);
			}
			// The workshop's scope: a deletion of the workshop or municipality takes its blobs along.
			const scope = doc.slice(0, doc.lastIndexOf('/'));
			const { mediaType } = judged;
			const store = ctx.blobs();
			// A photo already here is taken again whatever the quota; two uploads at the same moment may
			// both pass the check, so the quota can be exceeded by at most what arrives at once.
			if (
				(await store.bytesOf(parsed.ars)) + body.length > ctx.blobQuotaBytes &&
				!(await store.has(scope, sha256))
			) {
				ctx.logger.info({ event: 'blob_refused', reason: 'quota' }, 'blob refused: quota');
				return sendError(res, 413, ERROR_CODES.blobQuotaExceeded);
			}
			const created = await store.put(scope, sha256, mediaType, body);
			ctx.logger.info({ event: 'blob_stored', bytes: body.length, created }, 'blob stored');
			const answer: BlobUploadResponse = { sha256, mediaType, bytes: body.length };
			return sendJson(res, created ? 201 : 200, answer);
		}
		if (access === 'none') return sendError(res, 403, ERROR_CODES.forbidden);
		const blob = await ctx.blobs().get(parsed.ars, sha256);
		if (blob === null) return sendError(res, 404, ERROR_CODES.notFound);
		res.writeHead(200, {
			'Content-Type': blob.mediaType,
			'Content-Length': blob.bytes.length,
			// The bytes behind a hash never change, but who may read them does: no shared cache keeps them.
			'Cache-Control': 'private, no-store',
			'Content-Disposition': 'inline',
			// An image answer may not run anything, even if a browser were told to open it as a page.
			'Content-Security-Policy': "default-src 'none'; sandbox"
		});
		res.end(req.method === 'HEAD' ? undefined : blob.bytes);
	});
	return true;
}

type Judged =
	{ ok: true; mediaType: PhotoMediaType } | { ok: false; status: number; error: ErrorCode };

/** The photo's type when the body may be stored under `sha256`, else the status and reason. */
function judgeBlob(body: Uint8Array, sha256: string): Judged {
	const actual = createHash('sha256').update(body).digest('hex');
	if (actual !== sha256) return { ok: false, status: 422, error: ERROR_CODES.blobHashMismatch };
	const cleaned = cleanPhoto(body);
	if (!cleaned.ok) {
		const status = cleaned.error === ERROR_CODES.photoUnsupportedType ? 415 : 422;
		return { ok: false, status, error: cleaned.error };
	}
	if (!sameBytes(cleaned.value.bytes, body))
		return { ok: false, status: 422, error: ERROR_CODES.photoHasMetadata };
	return { ok: true, mediaType: cleaned.value.mediaType };
}

/** The body's bytes up to `limit`; a larger one is refused before it is held in memory. */
function readBytes(
	req: IncomingMessage,
	limit: number
): Promise<Uint8Array | 'too_large' | 'failed'> {
	return new Promise((resolve) => {
		const declared = Number(req.headers['content-length'] ?? 0);
		if (declared > limit) {
			req.resume();
			return resolve('too_large');
		}
		const chunks: Buffer[] = [];
		let size = 0;
		let done = false;
		const finish = (result: Uint8Array | 'too_large' | 'failed') => {
			if (done) return;
			done = true;
			resolve(result);
		};
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				// Keep reading into nowhere, so the answer still reaches the client.
				chunks.length = 0;
				return finish('too_large');
			}
			if (!done) chunks.push(chunk);
		});
		req.on('end', () => finish(new Uint8Array(Buffer.concat(chunks))));
		req.on('error', () => finish('failed'));
	});
}

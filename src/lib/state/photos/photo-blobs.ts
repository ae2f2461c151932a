// Photos' bytes between this device and the servers (ADR 20). A photo is kept in Dexie first, so one
// taken without a server is safe here; uploads to the laptop follow with retry and backoff, like the
// documents. A photo this device lacks is fetched from the laptop with the token that reads the board
// and kept, so it shows offline afterwards.

import {
	API_PATHS,
	ERROR_CODES,
	type ApiResult,
	type BlobUploadResponse,
	type ErrorCode
} from '../../contract/protocol';
import {
	blobsToUpload,
	boardsWithBlobs,
	findBlob,
	keepBlob,
	markBlobRefused,
	markBlobUploaded,
	refusedBlobs
} from '../../storage/blobs';
import type { BlobRow, KommunalwerkstattDb } from '../../storage/db';

const KNOWN_ERRORS = new Set<string>(Object.values(ERROR_CODES));

export interface BlobApi {
	put(
		token: string,
		sha256: string,
		doc: string,
		bytes: Uint8Array
	): Promise<ApiResult<BlobUploadResponse>>;
	get(
		token: string,
		sha256: string,
		doc: string
	): Promise<ApiResult<{ mediaType: string; bytes: Uint8Array }>>;
}

/** The blob endpoint of the server at `base` (the page's own origin by default). */
export function createBlobApi(
	base = '',
	doFetch: typeof fetch = (...args) => fetch(...args)
): BlobApi {
	const url = (sha256: string, doc: string) =>
		`${base}${API_PATHS.blobs}/${sha256}?doc=${encodeURIComponent(doc)}`;
	const failure = async (response: Response): Promise<{ ok: false; error: ErrorCode }> => {
		const code = ((await response.json().catch(() => null)) as { error?: unknown } | null)?.error;
		return {
			ok: false,
			error: typeof code === 'string' && KNOWN_ERRORS.has(code) ? (code as ErrorCode) : 'internal'
		};
	};
	return {
		async put(token, sha256, doc, bytes) {
			let response: Response;
			try {
				response = await doFetch(url(sha256, doc), {
					method: 'PUT',
					cache: 'no-store',
					headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
					body: new Blob([bytes as Uint8Array<ArrayBuffer>])
				});
			} catch {
				return { ok: false, error: 'unreachable' };
			}
			if (!response.ok) return failure(response);
			return { ok: true, value: (await response.json()) as BlobUploadResponse };
		},
		async get(token, sha256, doc) {
			let response: Response;
			try {
				response = await doFetch(url(sha256, doc), {
					cache: 'no-store',
					headers: { authorization: `Bearer ${token}` }
				});
			} catch {
				return { ok: false, error: 'unreachable' };
			}
			if (!response.ok) return failure(response);
			const bytes = new Uint8Array(await response.arrayBuffer());
			return { ok: true, value: { mediaType: response.headers.get('content-type') ?? '', bytes } };
		}
	};
}

export interface PhotoBlobsOptions {
	db: KommunalwerkstattDb;
	/** A token for the named document (the laptop owner's, or the one this device joined with). */
	tokenFor: (docName: string) => Promise<string | null>;
	api?: BlobApi;
	now?: () => number;
	retryBaseMs?: number;
	retryMaxMs?: number;
}

export interface PhotoBlobs {
	/** Keeps a cleaned photo on this device and starts its upload. */
	keep(board: string, sha256: string, mediaType: string, bytes: Uint8Array): Promise<void>;
	/** The photo's bytes from this device, else from the laptop (then kept here); null if neither. */
	read(board: string, sha256: string): Promise<{ mediaType: string; bytes: Uint8Array } | null>;
	/** Uploads what the laptop lacks of this board now; retried with backoff until it has all. */
	upload(board: string): Promise<void>;
	/**
	 * Uploads every board's photos that the laptop lacks (the app does this when it starts, so photos
	 * taken without a server go up without their workshop's page being open); the same retries.
	 */
	uploadWaiting(): Promise<void>;
	/** The blobs of the board that the laptop has not taken yet (refused ones not counted). */
	pending(board: string): Promise<number>;
	/** Why the laptop refused photos of the board for good, by SHA-256 (null: reason not known). */
	refusals(board: string): Promise<Record<string, ErrorCode | null>>;
	stop(): void;
}

/** Why an upload will not succeed by trying again: the photo or the token is refused for good. */
const FINAL_REFUSALS: readonly ErrorCode[] = [
	ERROR_CODES.photoEmpty,
	ERROR_CODES.photoTooLarge,
	ERROR_CODES.photoUnsupportedType,
	ERROR_CODES.photoDamaged,
	ERROR_CODES.photoHasMetadata,
	ERROR_CODES.blobHashMismatch,
	// Sending it again fills nothing; a photo the quota refuses stays here and says why.
	ERROR_CODES.blobQuotaExceeded,
	ERROR_CODES.documentDeleted
];

const isFinalRefusal = (error: string): error is ErrorCode =>
	(FINAL_REFUSALS as readonly string[]).includes(error);

export function createPhotoBlobs(options: PhotoBlobsOptions): PhotoBlobs {
	const { db, tokenFor } = options;
	const api = options.api ?? createBlobApi();
	const now = options.now ?? Date.now;
	const retryBaseMs = options.retryBaseMs ?? 2_000;
	const retryMaxMs = options.retryMaxMs ?? 60_000;
	const timers = new Map<string, ReturnType<typeof setTimeout>>();
	const failures = new Map<string, number>();
	const running = new Map<string, Promise<void>>();
	let stopped = false;

	async function uploadOnce(board: string): Promise<boolean> {
		const rows = await blobsToUpload(db, [board], 'laptop');
		if (rows.length === 0) return true;
		const token = await tokenFor(board);
		if (token === null) return false;
		let allDone = true;
		for (const row of rows) {
			if (stopped) return false;
			const result = await api.put(token, row.sha256, board, row.bytes);
			if (result.ok) await markBlobUploaded(db, row.sha256, 'laptop', now());
			// A photo the server will never take is not sent again and again; it stays on this device.
			else if (isFinalRefusal(result.error))
				await markBlobRefused(db, row.sha256, result.error, now());
			else allDone = false;
		}
		return allDone;
	}

	function upload(board: string): Promise<void> {
		const current = running.get(board);
		if (current) return current;
		const run = (async () => {
			clearTimeout(timers.get(board));
			const done = await uploadOnce(board).catch(() => false);
			if (stopped) return;
			if (done) {
				failures.delete(board);
				return;
			}
			const count = (failures.get(board) ?? 0) + 1;
			failures.set(board, count);
			const delay = Math.min(retryBaseMs * 2 ** (count - 1), retryMaxMs);
			timers.set(
				board,
				setTimeout(() => void upload(board), delay)
			);
		})().finally(() => running.delete(board));
		running.set(board, run);
		return run;
	}

	return {
		async keep(board, sha256, mediaType, bytes) {
			const row: BlobRow = {
				sha256,
				board,
				mediaType,
				bytes,
				createdAt: now(),
				laptopAt: null,
				centralAt: null,
				laptopRefusal: null
			};
			await keepBlob(db, row);
			void upload(board);
		},
		async read(board, sha256) {
			const here = await findBlob(db, sha256);
			if (here) return { mediaType: here.mediaType, bytes: here.bytes };
			const token = await tokenFor(board);
			if (token === null) return null;
			const fetched = await api.get(token, sha256, board);
			if (!fetched.ok) return null;
			// Kept as the laptop has it: it came from there, so it needs no upload.
			await keepBlob(db, {
				...fetched.value,
				sha256,
				board,
				createdAt: now(),
				laptopAt: now(),
				centralAt: null,
				laptopRefusal: null
			}).catch(() => undefined);
			return fetched.value;
		},
		upload,
		async uploadWaiting() {
			const waiting = await blobsToUpload(db, await boardsWithBlobs(db), 'laptop');
			await Promise.all([...new Set(waiting.map((row) => row.board))].map(upload));
		},
		async pending(board) {
			return (await blobsToUpload(db, [board], 'laptop')).length;
		},
		async refusals(board) {
			const refused = await refusedBlobs(db, board);
			return Object.fromEntries([...refused].map(([sha256, refusal]) => [sha256, refusal.code]));
		},
		stop() {
			stopped = true;
			for (const timer of timers.values()) clearTimeout(timer);
		}
	};
}

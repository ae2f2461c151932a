// The facilitator's laptop syncs its municipalities' documents to the central server in the background
// (ADR 10), with the address and moderation token entered once. Open documents get a second
// connection through the registry; documents not open are opened one after another, kept until the
// central server's durable acknowledgement covers them, and closed again. A document whose last central
// acknowledgement covered it and which has not changed here since is skipped. Failures are retried with
// backoff; a refused token stops the sync until new access data is entered.

import { decodeJwt } from 'jose';
import { accessFor } from '../../domain/access';
import type { KommunalwerkstattDb } from '../../storage/db';
import type { DocumentRegistry } from '../../sync/document-registry';
import type { DocumentHandle } from '../../sync/open-document';
import { ERROR_CODES, SYNC_PATH } from '../../contract/protocol';

/** Reasons that mean the key itself is not (or no longer) good: stop until new access data is entered. */
const KEY_REFUSALS: readonly string[] = [
	ERROR_CODES.unauthorized,
	ERROR_CODES.tokenExpired,
	ERROR_CODES.deviceRevoked,
	ERROR_CODES.forbidden
];
import { createSocketPool } from '../../sync/sync-socket';
import type { TokenSource } from '../../sync/token-source';
import { blobsToUpload, boardsWithBlobs, markBlobUploaded } from '../../storage/blobs';
import { apiBaseOfSocket } from '../joining/join-api';
import { createBlobApi, type BlobApi } from '../photos/photo-blobs';

/** What a central token allows, read from its payload (the central server verifies it). */
export interface CentralAccess {
	/** The token's subject (who uploads). */
	sub: string;
	docs: string[];
	expiresAt: number;
}

export type CentralAccessError = 'invalid_address' | 'invalid_token' | 'expired' | 'read_only';

/** The sync socket URL for an address as a person types it: https://host, wss://host/sync, host. */
export function centralSyncUrl(address: string): string | null {
	const trimmed = address.trim();
	if (trimmed === '') return null;
	let url: URL;
	try {
		url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
	} catch {
		return null;
	}
	const secure = url.protocol === 'https:' || url.protocol === 'wss:';
	if (!secure && url.protocol !== 'http:' && url.protocol !== 'ws:') return null;
	if (url.username || url.password) return null;
	return `${secure ? 'wss' : 'ws'}://${url.host}${SYNC_PATH}`;
}

/** The token's scope if it lets a facilitator write; otherwise why not. */
export function readCentralToken(
	token: string,
	now: number = Date.now()
): CentralAccess | CentralAccessError {
	let claims: Record<string, unknown>;
	try {
		claims = decodeJwt(token.trim());
	} catch {
		return 'invalid_token';
	}
	const { role, docs, exp, sub } = claims;
	const wellFormed =
		Array.isArray(docs) &&
		docs.every((d) => typeof d === 'string') &&
		typeof exp === 'number' &&
		typeof sub === 'string';
	if (!wellFormed) return 'invalid_token';
	if (exp * 1000 <= now) return 'expired';
	if (role !== 'moderation') return 'read_only';
	return { sub, docs, expiresAt: exp * 1000 };
}

export type CentralSyncPhase =
	/** Going through the documents. */
	| 'syncing'
	/** Every document is stored centrally; the next pass looks for changes later. */
	| 'done'
	/** Some documents could not be stored (no connection, server error); retried at `retryAt`. */
	| 'waiting'
	/** The central server refused the token (expired, revoked, not for these documents). */
	| 'refused';

export interface CentralSyncProgress {
	phase: CentralSyncPhase;
	/** Documents in the current or last pass. */
	total: number;
	done: number;
	failed: number;
	retryAt: number | null;
	/** When a pass last finished with every document stored centrally. */
	completedAt: number | null;
	/** The server's reason when refused. */
	refusal: string | null;
}

export interface CentralSyncOptions {
	registry: DocumentRegistry;
	db: KommunalwerkstattDb;
	/** From centralSyncUrl. */
	url: string;
	token: string;
	access: CentralAccess;
	onProgress?: (progress: CentralSyncProgress) => void;
	/** A WebSocket implementation where the platform has none (Node in tests). */
	WebSocketPolyfill?: unknown;
	/** The central server's blob endpoint (ADR 20); by default beside the sync socket. */
	blobApi?: BlobApi;
	/** Documents uploaded at the same time. */
	concurrency?: number;
	/** A document not acknowledged within this long counts as failed for this pass. */
	documentTimeoutMs?: number;
	retryBaseMs?: number;
	retryMaxMs?: number;
	/** How often to look for documents changed since their last central acknowledgement. */
	passIntervalMs?: number;
	now?: () => number;
}

export interface CentralSync {
	readonly progress: CentralSyncProgress;
	/** Starts a pass now (after a failure, or when the user asks). */
	syncNow(): void;
	stop(): void;
}

export function startCentralSync(options: CentralSyncOptions): CentralSync {
	const { registry, db, access } = options;
	const now = options.now ?? Date.now;
	const concurrency = options.concurrency ?? 2;
	const documentTimeoutMs = options.documentTimeoutMs ?? 60_000;
	const retryBaseMs = options.retryBaseMs ?? 5_000;
	const retryMaxMs = options.retryMaxMs ?? 5 * 60_000;
	const passIntervalMs = options.passIntervalMs ?? 60_000;
	// Only documents the key may write: the facilitator reads participants' private documents but never
	// writes them, so the central server would never store (or acknowledge) them from this laptop.
	const claims = { sub: access.sub, role: 'moderation' as const, docs: access.docs };
	const covers = (name: string) => accessFor(claims, name) === 'write';

	let progress: CentralSyncProgress = {
		phase: 'syncing',
		total: 0,
		done: 0,
		failed: 0,
		retryAt: null,
		completedAt: null,
		refusal: null
	};
	let stopped = false;
	const report = (change: Partial<CentralSyncProgress>) => {
		if (stopped) return;
		progress = { ...progress, ...change };
		options.onProgress?.(progress);
	};

	let refused: string | null = null;
	/** Uploads waiting for an acknowledgement, ended early when the key is refused. */
	const waiting = new Set<() => void>();
	const tokenSource: TokenSource = {
		get state() {
			return refused === null ? 'available' : 'denied';
		},
		getToken: async () => (refused === null ? options.token : null),
		// Anything else (the server failed to load the document, a rate limit) is retried like a lost
		// connection: the provider attaches again after its backoff.
		invalidate(_name, reason = ERROR_CODES.unauthorized) {
			if (!KEY_REFUSALS.includes(reason)) return;
			refused = reason;
			report({ phase: 'refused', refusal: refused, retryAt: null });
			for (const end of waiting) end();
		}
	};
	const sockets = createSocketPool({
		url: options.url,
		...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {})
	});
	const removeServer = registry.addServer({ place: 'central', tokenSource, sockets }, covers);
	const blobApi = options.blobApi ?? createBlobApi(apiBaseOfSocket(options.url));

	/**
	 * Uploads the photos of the boards the key covers that the central server has not taken yet (ADR
	 * 19); the number that failed. A refused key stops the sync like a refused document.
	 */
	async function uploadBlobs(): Promise<number> {
		const boards = (await boardsWithBlobs(db)).filter(covers);
		let failed = 0;
		for (const row of await blobsToUpload(db, boards, 'central')) {
			if (stopped || refused !== null) return failed;
			const result = await blobApi.put(options.token, row.sha256, row.board, row.bytes);
			if (result.ok) await markBlobUploaded(db, row.sha256, 'central', now());
			else if (KEY_REFUSALS.includes(result.error)) tokenSource.invalidate(row.board, result.error);
			else failed += 1;
		}
		return failed;
	}

	let running = false;
	let again = false;
	let failures = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;

	/** Documents of this device the token covers that the central server may not have yet. */
	async function pending(): Promise<string[]> {
		const [documents, kommunen, central] = await Promise.all([
			db.documents.toArray(),
			db.kommunen.toArray(),
			db.durableStates.where('name').startsWith('kommune/').toArray()
		]);
		const changedAt = new Map(documents.map((row) => [row.name, row.lastLocalChangeAt ?? 0]));
		const names = new Set(documents.map((row) => row.name));
		for (const { ars } of kommunen) names.add(`kommune/${ars}/profile`);
		const coveredAt = new Map(
			central
				.filter((row) => row.place === 'central' && row.coveredAt !== null)
				.map((row) => [row.name, row.coveredAt!])
		);
		return [...names]
			.filter(covers)
			.filter((name) => (coveredAt.get(name) ?? -1) < (changedAt.get(name) ?? 0))
			.sort();
	}

	/** Opens the document until the central server's acknowledgement covers it; true if it did. */
	async function upload(name: string): Promise<boolean> {
		let handle: DocumentHandle;
		try {
			handle = await registry.open(name, { background: true });
		} catch {
			return false;
		}
		const covered = () =>
			handle.durability.places.some((place) => place.place === 'central' && place.covered);
		try {
			if (covered()) return true;
			return await new Promise<boolean>((resolve) => {
				const finish = (ok: boolean) => {
					clearTimeout(deadline);
					unsubscribe();
					waiting.delete(end);
					resolve(ok);
				};
				const end = () => finish(false);
				waiting.add(end);
				const deadline = setTimeout(end, documentTimeoutMs);
				const unsubscribe = handle.onDurability(() => {
					if (covered()) finish(true);
					else if (refused !== null || stopped) finish(false);
				});
			});
		} finally {
			await handle.close();
		}
	}

	async function pass(): Promise<void> {
		if (running) {
			again = true;
			return;
		}
		running = true;
		clearTimeout(timer);
		try {
			const names = await pending();
			report({ phase: 'syncing', total: names.length, done: 0, failed: 0, retryAt: null });
			let done = 0;
			let failed = 0;
			const queue = [...names];
			const worker = async () => {
				for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
					if (stopped || refused !== null) return;
					if (await upload(name)) done += 1;
					else failed += 1;
					report({ done, failed });
				}
			};
			await Promise.all(Array.from({ length: concurrency }, worker));
			if (stopped || refused !== null) return;
			failed += await uploadBlobs();
			if (stopped || refused !== null) return;
			if (failed === 0) {
				failures = 0;
				report({ phase: 'done', completedAt: now(), retryAt: null });
				schedule(passIntervalMs);
			} else {
				failures += 1;
				const delay = Math.min(retryBaseMs * 2 ** (failures - 1), retryMaxMs);
				report({ phase: 'waiting', retryAt: now() + delay });
				schedule(delay);
			}
		} catch {
			// Dexie failed to answer: try again later, like a failed upload.
			failures += 1;
			const delay = Math.min(retryBaseMs * 2 ** (failures - 1), retryMaxMs);
			report({ phase: 'waiting', retryAt: now() + delay });
			schedule(delay);
		} finally {
			running = false;
			if (again && !stopped) {
				again = false;
				void pass();
			}
		}
	}

	function schedule(delayMs: number) {
		clearTimeout(timer);
		if (!stopped) timer = setTimeout(() => void pass(), delayMs);
	}

	const onOnline = () => {
		failures = 0;
		void pass();
	};
	globalThis.addEventListener?.('online', onOnline);
	void pass();

	return {
		get progress() {
			return progress;
		},
		syncNow() {
			if (refused !== null) return;
			failures = 0;
			void pass();
		},
		stop() {
			stopped = true;
			clearTimeout(timer);
			globalThis.removeEventListener?.('online', onOnline);
			for (const end of waiting) end();
			removeServer();
		}
	};
}

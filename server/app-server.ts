// The composition root of the server: one node:http server on one port serving the built PWA, the API
// and the sync socket (ARCHITECTURE.md), with Hocuspocus' core and our extensions (auth, limits, presence,
// persistence).
//
// Order of shutdown matters (close()): stop accepting; close sync connections and flush pending stores so
// Hocuspocus stores and unloads each document the normal way, until only failing documents remain or the
// wait is over; then drop every socket, store every document still loaded (after any write in flight),
// and only then close the database. Nothing still in memory is dropped without a write attempt.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hocuspocus } from '@hocuspocus/server';
import { CLOSE_CODES, ERROR_CODES } from '../src/lib/contract/protocol';
import type { ServerConfig } from './config';
import { createAuthExtension, type Admission, type AuthContext } from './extensions/auth-extension';
import { createAwarenessExtension } from './extensions/awareness-extension';
import { closeDeletedDocument, createDeletionService, createTombstoneExtension } from './deletion';
import { createBudgetExtension } from './extensions/budget-extension';
import { createLimitsExtension } from './extensions/limits-extension';
import { createWriteRulesExtension } from './extensions/write-rules-extension';
import {
	createPersistenceExtension,
	type PersistedEvent
} from './extensions/persistence-extension';
import { handleApiRequest, type ApiContext } from './http/api-routes';
import { sendError } from './http/responses';
import { loopbackRedirectTarget } from './http/host-rules';
import { BASE_SECURITY_HEADERS } from './http/security-headers';
import { createStaticHandler } from './http/static-files';
import { createDeviceRegistry, type DeviceRegistry } from './joining/device-registry';
import { createReachability } from './joining/reachability';
import { createLogger, flushRefusalCounts, type Logger } from './logger';
import { createRateLimiter } from './rate-limit';
import { admitToMeter, meterOf } from './socket-meter';
import type { AccessRecordStore } from './storage/access-record-store';
import type { BlobStore } from './storage/blob-store';
import type { DocumentStore } from './storage/document-store';
import { openAccessRecordStore, openBlobStore, openDocumentStore } from './storage/open-store';
import { attachSyncEndpoint, type PreAuthenticationLoad } from './sync-endpoint';
import { createTokenService, type TokenService } from './tokens';

export interface AppServerOptions {
	logger?: Logger;
	/** A store the caller owns (tests); close() leaves it open. By default the config decides. */
	store?: DocumentStore;
	/**
	 * Called after a document's state is durably stored, when the `kw.persisted` acknowledgement goes out
	 * too (ADR 10); tests observe stores through it.
	 */
	onPersisted?: (event: PersistedEvent) => void;
	/** Seam for the bench: the microseconds each judged update held the event loop (server/SPEC.md W1). */
	onWriteRulesJudged?: (micros: number) => void;
	/** The byte budgets' clock in ms (H6); tests step it instead of waiting. */
	budgetClock?: () => number;
}

export interface AppServer {
	listen(): Promise<void>;
	close(): Promise<void>;
	/** The listening port (the configured one until listen() resolves). */
	readonly port: number;
	/** http://localhost:<port>, the owner's origin. */
	readonly url: string;
	readonly tokens: TokenService;
	readonly devices: DeviceRegistry;
	readonly hocuspocus: Hocuspocus;
	/** The node:http server (tests observe its sockets). */
	readonly httpServer: Server;
	/** What sockets without authentication hold now (H4). */
	preAuthenticationLoad(): PreAuthenticationLoad;
}

/**
 * Photo uploads per user (a message is one upload): 20 at once (a facilitator's backlog after a day
 * offline), then one every two seconds, and at most 60 MB at once, then 2 MB a second (ADR 20).
 */
const BLOB_UPLOAD_LIMITS = {
	messagesPerSecond: 0.5,
	messageBurst: 20,
	bytesPerSecond: 2 * 1024 * 1024,
	byteBurst: 60 * 1024 * 1024
};

/** How often the shutdown wait looks again when no hook has reported a change. */
const SHUTDOWN_POLL_MS = 50;

export function createAppServer(config: ServerConfig, options: AppServerOptions = {}): AppServer {
	const logger = options.logger ?? createLogger(config.logLevel);
	const tokens = createTokenService(config.tokenSecret);
	const httpServer = createServer();
	let store: DocumentStore | null = options.store ?? null;
	const port = () => (httpServer.address() as AddressInfo | null)?.port ?? config.port;
	const shutdownWait = createWakeSignal();
	let records: AccessRecordStore | null = null;
	let blobs: BlobStore | null = null;
	const devices = createDeviceRegistry({
		// Opened in listen(), like the document store; no request is handled before that.
		records: {
			put: (record) => requireRecords().put(record),
			update: (kind, id, data) => requireRecords().update(kind, id, data),
			get: (kind, id, now) => requireRecords().get(kind, id, now),
			list: (kind, scope, now) => requireRecords().list(kind, scope, now),
			delete: (kind, id) => requireRecords().delete(kind, id),
			deleteExpired: (now) => requireRecords().deleteExpired(now),
			close: async () => {}
		},
		tokens,
		joining: config.joining
	});

	const persistence = createPersistenceExtension({
		// The store opens in listen(); no document can load before that.
		store: {
			kind: options.store?.kind ?? (config.databaseUrl ? 'postgres' : 'sqlite'),
			load: (name) => requireStore().load(name),
			append: (name, update) => requireStore().append(name, update),
			deletedScopeOf: (name) => requireStore().deletedScopeOf(name),
			close: async () => {}
		},
		logger,
		retryBaseMs: config.persistence.retryBaseMs,
		retryMaxMs: config.persistence.retryMaxMs,
		onPersisted: options.onPersisted,
		onStoreFailed: () => shutdownWait.wake(),
		// Deleted through another instance (centrally): its clients learn it as they would here.
		onDeleted: (document) => closeDeletedDocument(hocuspocus, document, persistence.discard)
	});
	// One budget per user, shared by the socket layer and the admission check on authentication.
	const limiter = createRateLimiter(config.limits);
	const admit: Admission = (context, claims) => {
		const meter = meterOf(context);
		return meter === null || admitToMeter(limiter, meter, claims);
	};
	const limits = createLimitsExtension({
		maxDocumentBytes: config.limits.maxDocumentBytes,
		logger
	});
	const hocuspocus = new Hocuspocus({
		quiet: true,
		debounce: config.sync.debounceMs,
		maxDebounce: config.sync.maxDebounceMs,
		// A socket silent for longer is closed and its presence removed (config.ts, CONNECTION_TIMEOUT_MS).
		timeout: config.sync.connectionTimeoutMs,
		// Hocuspocus' limits before authentication per socket, stated so they are ours; the limits on all
		// such sockets together are the sync endpoint's (H4).
		maxUnauthenticatedQueueSize: config.limits.maxUnauthenticatedQueueBytes,
		maxUnauthenticatedQueueMessages: config.limits.maxUnauthenticatedQueueMessages,
		maxPendingDocuments: config.limits.maxPendingDocuments,
		extensions: [
			createAuthExtension(tokens, devices, admit, logger),
			// After the token check: only someone who may open the document learns it was deleted.
			createTombstoneExtension(requireStore, logger),
			// Before the size estimate: a refused update adds nothing to the document.
			createWriteRulesExtension({ logger, onJudged: options.onWriteRulesJudged }),
			// After the write rules (a refused update costs nothing), before the size estimate (an update
			// over the budget adds nothing).
			createBudgetExtension({
				budget: config.limits.boardBudget,
				logger,
				records: {
					get: (kind, id, now) => requireRecords().get(kind, id, now),
					put: (record) => requireRecords().put(record)
				},
				...(options.budgetClock ? { now: options.budgetClock } : {})
			}),
			limits,
			createAwarenessExtension(),
			persistence
		],
		async afterUnloadDocument() {
			shutdownWait.wake();
		}
	});
	const sync = attachSyncEndpoint({
		httpServer,
		hocuspocus,
		port,
		maxPayloadBytes: config.sync.maxPayloadBytes,
		// Centrally, facilitators' laptops connect from their own origins; the token alone decides there
		// (tokens travel in the sync protocol, never as cookies, so a foreign page has nothing to borrow).
		anyOrigin: config.mode === 'central',
		rateLimits: config.limits,
		limiter,
		preAuthentication: {
			maxSockets: config.limits.maxUnauthenticatedSockets,
			maxQueuedBytes: config.limits.maxUnauthenticatedBytes,
			deadlineMs: config.limits.authenticationDeadlineMs
		},
		logger
	});

	const api: ApiContext = {
		info: {
			mode: config.mode,
			version: config.version,
			operator: config.operator,
			centralUrl: config.centralSyncOrigin
		},
		tokens,
		trustLoopback: config.trustLoopback,
		ownerTokenTtlSeconds: config.ownerTokenTtlSeconds,
		port,
		logger,
		registry: devices,
		reachability: createReachability(),
		onDeviceRemoved: (deviceId) => closeDeviceConnections(hocuspocus, deviceId),
		// Facilitators' laptop pages delete here too (ADR 11), from their own origins.
		crossOriginDeletions: config.mode === 'central',
		// …and upload their municipalities' photos (ADR 20).
		crossOriginBlobs: config.mode === 'central',
		blobs: requireBlobs,
		blobLimiter: createRateLimiter(BLOB_UPLOAD_LIMITS),
		blobQuotaBytes: config.blobQuotaBytes,
		deletedScopeOf: (name) => requireStore().deletedScopeOf(name),
		deletions: createDeletionService({
			store: requireStore,
			blobs: requireBlobs,
			hocuspocus,
			discard: persistence.discard,
			logger
		})
	};
	const serveStatic = createStaticHandler(config.buildDir, config.centralSyncOrigin);

	httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
		handleRequest(req, res).catch((error: unknown) => {
			logger.error({ event: 'request_failed', error: String(error) }, 'request failed');
			if (!res.headersSent) sendError(res, 500, ERROR_CODES.internal);
			else res.destroy();
		});
	});

	async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
		const redirect = loopbackRedirectTarget(req.headers.host, req.url, port());
		if (redirect) {
			res.writeHead(308, { Location: redirect, 'Cache-Control': 'no-cache' });
			res.end();
			return;
		}
		const path = (req.url ?? '/').split('?')[0]!;
		if (await handleApiRequest(req, res, path, api)) return;
		serveStatic(req, res);
	}

	function listenOn(host: string): Promise<void> {
		return new Promise<void>((resolve, reject) => {
			httpServer.once('error', reject);
			httpServer.listen(config.port, host, () => {
				httpServer.off('error', reject);
				resolve();
			});
		});
	}

	function requireRecords(): AccessRecordStore {
		if (!records) throw new Error('access record store is not open');
		return records;
	}

	function requireBlobs(): BlobStore {
		if (!blobs) throw new Error('blob store is not open');
		return blobs;
	}

	function requireStore(): DocumentStore {
		if (!store) throw new Error('document store is not open');
		return store;
	}

	let closing: Promise<void> | null = null;
	let expirySweep: ReturnType<typeof setInterval> | undefined;

	return {
		async listen() {
			expirySweep ??= setInterval(() => {
				closeExpiredConnections(hocuspocus, Date.now());
				sweepDevices(hocuspocus, devices).catch((error: unknown) =>
					logger.error(
						{ event: 'device_sweep_failed', error: String(error) },
						'device sweep failed'
					)
				);
			}, config.sync.expirySweepMs);
			store ??= await openDocumentStore(config);
			records ??= await openAccessRecordStore(config);
			blobs ??= await openBlobStore(config);
			await records.deleteExpired(Date.now());
			try {
				await listenOn(config.host);
			} catch (error) {
				// A machine without IPv6 cannot open `::`; every IPv4 address is what it can offer instead.
				const code = (error as NodeJS.ErrnoException).code;
				if (config.host !== '::' || code !== 'EAFNOSUPPORT') throw error;
				logger.warn({ event: 'no_ipv6' }, 'IPv6 is not available; listening on IPv4 only');
				await listenOn('0.0.0.0');
			}
			logger.info(
				{
					event: 'listening',
					mode: config.mode,
					store: store.kind,
					host: (httpServer.address() as AddressInfo).address,
					port: port()
				},
				'listening'
			);
		},

		close() {
			closing ??= (async () => {
				clearInterval(expirySweep);
				const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
				httpServer.closeIdleConnections();
				await waitForUnload(config.shutdownTimeoutMs);
				// No socket can deliver another update after this; each close has reached Hocuspocus.
				await sync.close();
				await Promise.allSettled(hocuspocus.loadingDocuments.values());
				hocuspocus.flushPendingStores();
				// Whatever is still loaded (a write that kept failing or outlasted the wait, a connection
				// that stayed open) is written now, each after the write in flight; failures are logged.
				await persistence.storeAll();
				for (const document of hocuspocus.documents.values()) document.destroy();
				hocuspocus.documents.clear();
				await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
				if (store && store !== options.store) await store.close();
				await records?.close();
				await blobs?.close();
				httpServer.closeAllConnections();
				await stopped;
				flushRefusalCounts(logger);
				logger.info({ event: 'stopped' }, 'stopped');
			})();
			return closing;
		},

		get port() {
			return port();
		},
		get url() {
			return `http://localhost:${port()}`;
		},
		tokens,
		devices,
		hocuspocus,
		httpServer,
		preAuthenticationLoad: () => sync.preAuthenticationLoad()
	};

	/**
	 * Resolves when every document is stored and unloaded (or only failing ones remain), or time is up.
	 * Each round closes the sync connections (also ones established while a document was loading) and
	 * runs the stores Hocuspocus has scheduled, so no debounce delays the exit. A round starts when a
	 * document unloads or a write fails, or after SHUTDOWN_POLL_MS for what no hook reports (a load
	 * that finished).
	 */
	async function waitForUnload(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			hocuspocus.closeConnections();
			hocuspocus.flushPendingStores();
			const failing = new Set(persistence.failingDocuments());
			const pending = [...hocuspocus.documents.keys()].filter((name) => !failing.has(name));
			if (pending.length === 0 && hocuspocus.loadingDocuments.size === 0) return;
			const remainingMs = deadline - Date.now();
			if (remainingMs <= 0) return;
			await shutdownWait.next(Math.min(remainingMs, SHUTDOWN_POLL_MS));
		}
	}
}

/** Closes every sync connection whose token claims satisfy `matches`, with the given close code. */
function closeConnectionsWhere(
	hocuspocus: Hocuspocus,
	matches: (claims: AuthContext['claims']) => boolean,
	code: number,
	reason: string
): void {
	for (const document of hocuspocus.documents.values()) {
		for (const connection of document.getConnections()) {
			const claims = (connection.context as Partial<AuthContext> | undefined)?.claims;
			if (claims && matches(claims)) connection.webSocket.close(code, reason);
		}
	}
}

/** Ends every sync connection of a removed device at once, with a close code its app understands. */
function closeDeviceConnections(hocuspocus: Hocuspocus, deviceId: string): void {
	closeConnectionsWhere(
		hocuspocus,
		(claims) => claims.jti === deviceId,
		CLOSE_CODES.deviceRevoked,
		ERROR_CODES.deviceRevoked
	);
}

/**
 * Every message is checked against its token's expiry (auth-extension.ts, H1); a connection that outlives
 * its token while only reading is closed here, so an expired token does not keep reading either. The
 * client reconnects with a fresh token if it can get one.
 */
function closeExpiredConnections(hocuspocus: Hocuspocus, now: number): void {
	closeConnectionsWhere(
		hocuspocus,
		(claims) => claims.exp * 1000 <= now,
		CLOSE_CODES.tokenExpired,
		ERROR_CODES.tokenExpired
	);
}

/**
 * Closes connections of devices removed through another instance (or while their connection was being
 * set up), and deletes expired codes and devices.
 */
async function sweepDevices(hocuspocus: Hocuspocus, devices: DeviceRegistry): Promise<void> {
	const connected = new Set<string>();
	for (const document of hocuspocus.documents.values()) {
		for (const connection of document.getConnections()) {
			const jti = (connection.context as Partial<AuthContext> | undefined)?.claims?.jti;
			if (jti !== undefined) connected.add(jti);
		}
	}
	for (const deviceId of connected) {
		if (!(await devices.isActive(deviceId))) closeDeviceConnections(hocuspocus, deviceId);
	}
	await devices.sweep();
}

/** Wakes the one shutdown wait early; a wake while nobody waits is not kept. */
interface WakeSignal {
	/** Resolves at the next wake() or after timeoutMs, whichever comes first. */
	next(timeoutMs: number): Promise<void>;
	wake(): void;
}

function createWakeSignal(): WakeSignal {
	let waiting: (() => void) | null = null;
	return {
		next(timeoutMs) {
			return new Promise<void>((resolve) => {
				const timer = setTimeout(() => done(), timeoutMs);
				const done = () => {
					clearTimeout(timer);
					if (waiting === done) waiting = null;
					resolve();
				};
				waiting = done;
			});
		},
		wake() {
			waiting?.();
		}
	};
}

// The composition root of the server: one node:http server on one port serving the built PWA, the API
// and the sync socket (DESIGN.md §1), with Hocuspocus' core and our extensions (auth, persistence).
//
// Order of shutdown matters: stop accepting, close sync connections so Hocuspocus stores and unloads
// each document, give failed writes a last chance, then close the database.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hocuspocus } from '@hocuspocus/server';
import { ERROR_CODES } from '../src/lib/sync/protocol';
import type { ServerConfig } from './config';
import { createAuthExtension } from './extensions/auth-extension';
import {
	createPersistenceExtension,
	type PersistedEvent
} from './extensions/persistence-extension';
import { handleApiRequest, sendError, type ApiContext } from './http/api-routes';
import { loopbackRedirectTarget } from './http/host-rules';
import { BASE_SECURITY_HEADERS } from './http/security-headers';
import { createStaticHandler } from './http/static-files';
import { createLogger, type Logger } from './logger';
import type { DocumentStore } from './storage/document-store';
import { openDocumentStore } from './storage/open-store';
import { attachSyncEndpoint } from './sync-endpoint';
import { createTokenService, type TokenService } from './tokens';

export interface AppServerOptions {
	logger?: Logger;
	/** A store the caller owns (tests); close() leaves it open. By default the config decides. */
	store?: DocumentStore;
	/** Seam for durable acknowledgements: called after a document's state is durably stored. */
	onPersisted?: (event: PersistedEvent) => void;
}

export interface AppServer {
	listen(): Promise<void>;
	close(): Promise<void>;
	/** The listening port (the configured one until listen() resolves). */
	readonly port: number;
	/** http://localhost:<port>, the owner's origin. */
	readonly url: string;
	readonly tokens: TokenService;
	readonly hocuspocus: Hocuspocus;
}

export function createAppServer(config: ServerConfig, options: AppServerOptions = {}): AppServer {
	const logger = options.logger ?? createLogger(config.logLevel);
	const tokens = createTokenService(config.tokenSecret);
	const httpServer = createServer();
	let store: DocumentStore | null = options.store ?? null;
	const port = () => (httpServer.address() as AddressInfo | null)?.port ?? config.port;

	const persistence = createPersistenceExtension({
		// The store opens in listen(); no document can load before that.
		store: {
			kind: options.store?.kind ?? (config.databaseUrl ? 'postgres' : 'sqlite'),
			load: (name) => requireStore().load(name),
			store: (name, state, stateVector) => requireStore().store(name, state, stateVector),
			close: async () => {}
		},
		logger,
		retryBaseMs: config.persistence.retryBaseMs,
		retryMaxMs: config.persistence.retryMaxMs,
		onPersisted: options.onPersisted
	});
	const hocuspocus = new Hocuspocus({
		quiet: true,
		debounce: config.sync.debounceMs,
		maxDebounce: config.sync.maxDebounceMs,
		extensions: [createAuthExtension(tokens, logger), persistence]
	});
	const sync = attachSyncEndpoint({
		httpServer,
		hocuspocus,
		port,
		maxPayloadBytes: config.sync.maxPayloadBytes,
		logger
	});

	const api: ApiContext = {
		info: { mode: config.mode, version: config.version, operator: config.operator },
		tokens,
		trustLoopback: config.trustLoopback,
		ownerTokenTtlSeconds: config.ownerTokenTtlSeconds,
		port,
		logger
	};
	const serveStatic = createStaticHandler(config.buildDir);

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

	function requireStore(): DocumentStore {
		if (!store) throw new Error('document store is not open');
		return store;
	}

	let closing: Promise<void> | null = null;

	return {
		async listen() {
			store ??= await openDocumentStore(config);
			await new Promise<void>((resolve, reject) => {
				httpServer.once('error', reject);
				httpServer.listen(config.port, config.host, () => {
					httpServer.off('error', reject);
					resolve();
				});
			});
			logger.info(
				{
					event: 'listening',
					mode: config.mode,
					store: store.kind,
					host: config.host,
					port: port()
				},
				'listening'
			);
		},

		close() {
			closing ??= (async () => {
				const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
				httpServer.closeIdleConnections();
				hocuspocus.closeConnections();
				hocuspocus.flushPendingStores();
				await waitForUnload(
					hocuspocus,
					() => persistence.failingDocuments(),
					config.shutdownTimeoutMs
				);
				sync.close();
				await persistence.flushFailed();
				// Whatever is still loaded (a write that kept failing) is released, with its timers.
				for (const document of hocuspocus.documents.values()) document.destroy();
				hocuspocus.documents.clear();
				await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
				if (store && store !== options.store) await store.close();
				httpServer.closeAllConnections();
				await stopped;
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
		hocuspocus
	};
}

/** Resolves when every document is stored and unloaded, or only failing ones remain, or time is up. */
async function waitForUnload(
	hocuspocus: Hocuspocus,
	failing: () => string[],
	timeoutMs: number
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	const isSettled = () => {
		const stuck = new Set(failing());
		const pending = [...hocuspocus.documents.keys()].filter((name) => !stuck.has(name));
		return pending.length === 0 && hocuspocus.loadingDocuments.size === 0;
	};
	while (!isSettled() && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

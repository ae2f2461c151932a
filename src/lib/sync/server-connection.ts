// Connects one document to the sync server when a token is available. Without a token (not the
// owner, server unreachable) the document stays local and we retry quietly with backoff; the
// provider itself reconnects a dropped socket with backoff.

import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { parsePersistedMessage, type PersistedAck } from '../crdt/durable-snapshot';
import { ChunkedSyncProvider } from './chunked-provider';
import type { DocumentStatus, TooLarge } from './document-status';
import { ERROR_CODES, type WriteRefusal } from '../contract/protocol';
import type { SocketPool } from './sync-socket';
import type { TokenSource } from './token-source';

export interface ServerConnection {
	readonly status: DocumentStatus;
	stop(): void;
}

export interface ServerConnectionOptions {
	tokenSource: TokenSource;
	sockets: SocketPool;
	onStatus: (status: DocumentStatus) => void;
	/** The server durably stored the document (a "persisted" message, ADR 10). */
	onAcknowledged?: (ack: PersistedAck) => void;
	/**
	 * The server said the document was deleted for good (ADR 11): the connection stops for good, and
	 * the caller removes the local copy.
	 */
	onDeleted?: () => void;
	/**
	 * The server refused an update of this document by its write rules (server/SPEC.md W1–W15) or the
	 * writer's byte budget (H6): nothing of it was applied, and sending the local state again would be
	 * refused again. The connection stops for good; the caller reloads the document from the server.
	 */
	onRefused?: (reason: WriteRefusal) => void;
	/**
	 * The document cannot reach the server for its size (S20): the connection stops for good, and
	 * the local copy, with everything typed, stays.
	 */
	onTooLarge?: (reason: TooLarge) => void;
	/** First retry delay without a token; doubles up to 60 s. */
	retryDelayMs?: number;
}

const MAX_RETRY_DELAY_MS = 60_000;

export function connectToServer(
	name: string,
	doc: Y.Doc,
	awareness: Awareness,
	options: ServerConnectionOptions
): ServerConnection {
	const { tokenSource, sockets } = options;
	const firstDelay = options.retryDelayMs ?? 2_000;
	let provider: ChunkedSyncProvider | null = null;
	let status: DocumentStatus = 'local';
	let stopped = false;
	let retryTimer: ReturnType<typeof setTimeout> | undefined;
	let delay = firstDelay;

	const update = () => {
		const next: DocumentStatus =
			provider !== null &&
			provider.isAttached &&
			provider.isAuthenticated &&
			provider.isSynced &&
			provider.configuration.websocketProvider.status === 'connected'
				? 'connected'
				: 'local';
		if (next !== status) {
			status = next;
			options.onStatus(status);
		}
	};

	const scheduleRetry = () => {
		if (stopped || tokenSource.state === 'denied') return;
		clearTimeout(retryTimer);
		retryTimer = setTimeout(attempt, delay);
		delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS);
	};

	const onOnline = () => {
		if (provider?.isAttached) return;
		delay = firstDelay;
		clearTimeout(retryTimer);
		void attempt();
	};

	async function attempt(): Promise<void> {
		const token = await tokenSource.getToken(name);
		if (stopped) return;
		if (token === null) return scheduleRetry();
		delay = firstDelay;
		if (provider === null) {
			provider = new ChunkedSyncProvider({
				name,
				document: doc,
				awareness,
				// Every provider gets its own address on the shared socket (name + session id; S18).
				// Under the bare name, a session closed while the server is still setting its connection
				// up hands its successor's authentication to the closing connection: the new session
				// never authenticates, and nothing it writes reaches the server until a reload.
				sessionAwareness: true,
				websocketProvider: sockets.acquire(),
				token: async () => (await tokenSource.getToken(name)) ?? ''
			});
			for (const event of ['status', 'synced', 'authenticated', 'disconnect', 'close']) {
				provider.on(event, () => queueMicrotask(update));
			}
			provider.on('authenticationFailed', onAuthenticationFailed);
			// Deleted while connected: the server closes this document with the reason, not the socket.
			provider.on('close', ({ event }: { event: { reason?: string } }) => {
				if (event.reason === ERROR_CODES.documentDeleted) deleted();
				if (event.reason === ERROR_CODES.writeRefused) refused(ERROR_CODES.writeRefused);
				if (event.reason === ERROR_CODES.writeBudgetExceeded) {
					refused(ERROR_CODES.writeBudgetExceeded);
				}
				if (event.reason === ERROR_CODES.documentTooLarge) tooLarge(ERROR_CODES.documentTooLarge);
			});
			// An entry larger than a message: every attempt would be closed with 1009 (S19). The document
			// stays on this device, unsynced, instead of being sent again on every reconnect.
			provider.on('unsendable', () =>
				// Not inside the provider's own message handling, which called this.
				queueMicrotask(() => tooLarge('entry_too_large'))
			);
			provider.on('stateless', ({ payload }: { payload: string }) => {
				const ack = parsePersistedMessage(payload);
				if (ack) options.onAcknowledged?.(ack);
			});
		}
		provider.attach();
	}

	// A refused token (expired, revoked) is dropped; after a backoff we attach again with a fresh one.
	function onAuthenticationFailed({ reason }: { reason: string }) {
		if (reason === ERROR_CODES.documentDeleted) return deleted();
		tokenSource.invalidate(name, reason);
		provider?.detach();
		update();
		scheduleRetry();
	}

	/** No retry: the same local state would be refused again. */
	function refused(reason: WriteRefusal) {
		if (stopped) return;
		const wasConnected = status === 'connected';
		stop();
		if (wasConnected) options.onStatus(status);
		options.onRefused?.(reason);
	}

	/** No retry: the same state would be refused again; unlike a refused write, it stays here. */
	function tooLarge(reason: TooLarge) {
		if (stopped) return;
		const wasConnected = status === 'connected';
		stop();
		if (wasConnected) options.onStatus(status);
		options.onTooLarge?.(reason);
	}

	/** No retry: the token is fine, the document is gone. */
	function deleted() {
		if (stopped) return;
		const wasConnected = status === 'connected';
		stop();
		if (wasConnected) options.onStatus(status);
		options.onDeleted?.();
	}

	function stop() {
		stopped = true;
		clearTimeout(retryTimer);
		globalThis.removeEventListener?.('online', onOnline);
		if (provider !== null) {
			// destroy() also destroys the shared awareness; the document session closes it anyway.
			provider.destroy();
			provider = null;
			sockets.release();
		}
		status = 'local';
	}

	globalThis.addEventListener?.('online', onOnline);
	void attempt();

	return {
		get status() {
			return status;
		},
		stop() {
			stop();
		}
	};
}

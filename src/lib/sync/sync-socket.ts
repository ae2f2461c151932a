// One WebSocket to the sync server per tab, shared by every open document (Hocuspocus multiplexes
// documents over it). Created when the first document with a token connects and closed when the last
// one leaves, so a tab without documents holds no socket and no timers.

import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { SYNC_PATH } from '../contract/protocol';

export interface SocketPool {
	acquire(): HocuspocusProviderWebsocket;
	release(): void;
}

export interface SocketPoolOptions {
	/** Defaults to ws(s)://<this host>/sync. */
	url?: string;
	/** A WebSocket implementation where the platform has none (Node 20 in tests). */
	WebSocketPolyfill?: unknown;
}

export function defaultSyncUrl(): string {
	const { protocol, host } = globalThis.location;
	return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${SYNC_PATH}`;
}

export function createSocketPool(options: SocketPoolOptions = {}): SocketPool {
	let socket: HocuspocusProviderWebsocket | null = null;
	let users = 0;
	return {
		acquire() {
			users += 1;
			socket ??= new HocuspocusProviderWebsocket({
				url: options.url ?? defaultSyncUrl(),
				...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
				// Backoff between reconnects: 1 s doubling to 30 s, with jitter (the provider's defaults,
				// stated here because the indicator's behaviour depends on them).
				delay: 1_000,
				factor: 2,
				maxDelay: 30_000,
				jitter: true,
				maxAttempts: 0
			});
			return socket;
		},
		release() {
			users = Math.max(0, users - 1);
			if (users === 0 && socket !== null) {
				socket.destroy();
				socket = null;
			}
		}
	};
}

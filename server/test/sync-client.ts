// A real Hocuspocus provider in Node, standing in for the browser (the `ws` package is its WebSocket).
// The server never imports the provider; only its tests play the client.
// eslint-disable-next-line no-restricted-imports -- tests play the browser's sync client
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { parsePersistedMessage, type PersistedAck } from '../../src/lib/crdt/durable-snapshot';

export interface SyncClient {
	doc: Y.Doc;
	provider: HocuspocusProvider;
	/** Every update applied to this client's document (tests that use it never edit locally). */
	receivedUpdates: Uint8Array[];
	/** The server's durable acknowledgements for this document, in order of arrival. */
	acks: PersistedAck[];
	state: { authenticated: boolean; failedReason: string | null; synced: boolean };
	/** Close codes of the socket, in order (the server's reason codes, 1009 for an oversized message, …). */
	closeCodes: number[];
	destroy(): void;
}

export interface SyncClientOptions {
	url: string;
	name: string;
	token: string | null;
	doc?: Y.Doc;
	/** Reconnect attempts before giving up (0: forever, as in the app). */
	maxAttempts?: number;
	/**
	 * A socket shared with other clients, as the app shares one per tab (Hocuspocus multiplexes
	 * documents over it); the caller owns it, so destroy() leaves it open. By default each client opens
	 * its own, with `maxAttempts`.
	 */
	socket?: HocuspocusProviderWebsocket;
	/**
	 * The WebSocket class: `ws` by default; the runtime's own where a test runs with the browser
	 * condition (the client project), under which `ws` resolves to a stub that throws.
	 */
	webSocket?: typeof WebSocket;
}

export function connectSyncClient({
	url,
	name,
	token,
	doc = new Y.Doc(),
	maxAttempts = 3,
	socket: shared,
	webSocket = WebSocket
}: SyncClientOptions): SyncClient {
	const receivedUpdates: Uint8Array[] = [];
	const closeCodes: number[] = [];
	const acks: PersistedAck[] = [];
	const state = { authenticated: false, failedReason: null as string | null, synced: false };
	const socket =
		shared ??
		new HocuspocusProviderWebsocket({
			url,
			WebSocketPolyfill: webSocket,
			maxAttempts
		});
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name,
		document: doc,
		token,
		onAuthenticated: () => (state.authenticated = true),
		onAuthenticationFailed: ({ reason }) => (state.failedReason = reason),
		onSynced: () => (state.synced = true),
		onStateless: ({ payload }) => {
			const ack = parsePersistedMessage(payload);
			if (ack) acks.push(ack);
		}
	});
	doc.on('update', (update: Uint8Array) => receivedUpdates.push(update));
	const onClose = ({ event }: { event: { code: number } }) => closeCodes.push(event.code);
	socket.on('close', onClose);
	provider.attach();
	return {
		doc,
		provider,
		receivedUpdates,
		acks,
		state,
		closeCodes,
		destroy() {
			provider.destroy();
			if (shared) socket.off('close', onClose);
			else socket.destroy();
		}
	};
}

/** The document's text root used by the tests. */
export const textOf = (doc: Y.Doc): string => doc.getText('t').toString();

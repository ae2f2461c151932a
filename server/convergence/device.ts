// One simulated device of the convergence harness: a Y.Doc that writes every update it emits to its own
// storage, and a real Hocuspocus provider while it is online (the `ws` package as its WebSocket, as in
// server/test/sync-client.ts).
//
// The storage stands in for IndexedDB (RELIABILITY.md rule zero): append-only, one entry per update the
// document emits (local edits and what arrives from the server alike), and owned by the caller, so it
// outlives the device. A restart throws the provider and the document away and builds a new document
// from the storage alone, as a reloaded page does with y-indexeddb (which also merges its rows).
// eslint-disable-next-line no-restricted-imports -- the harness plays the browser's sync client
import {
	HocuspocusProvider,
	HocuspocusProviderWebsocket,
	WebSocketStatus
} from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
	parsePersistedMessage,
	snapshotCovers,
	type PersistedAck
} from '../../src/lib/crdt/durable-snapshot';
import { contentOf } from './content';

export interface DeviceStorage {
	updates: Uint8Array[];
}

export interface DeviceOptions {
	url: string;
	documentName: string;
	token: string;
	storage: DeviceStorage;
	/** Every durable acknowledgement the device receives is appended here, across restarts. */
	acks: PersistedAck[];
}

/**
 * The server is down for about half a second per kill; the app's defaults (1 s, doubling up to 30 s)
 * would make the harness wait for the backoff instead of testing the reconnect.
 */
const RECONNECT = {
	delay: 25,
	minDelay: 25,
	maxDelay: 250,
	factor: 2,
	jitter: true,
	maxAttempts: 0
} as const;

/**
 * `ws` emits 'error' when a socket still connecting is closed, and throws it when nobody listens. The
 * provider removes its listeners before it closes the socket (destroy during a reconnect attempt), which
 * would crash the harness; a browser's WebSocket has no such rule. So every socket gets a listener.
 */
class ToleratedWebSocket extends WebSocket {
	constructor(...args: ConstructorParameters<typeof WebSocket>) {
		super(...args);
		this.on('error', () => {});
	}
}

/** The origin of the update that rebuilds a document from its storage (it is stored already). */
const FROM_STORAGE = Symbol('device storage');

interface Connection {
	socket: HocuspocusProviderWebsocket;
	provider: HocuspocusProvider;
}

export class Device {
	doc: Y.Doc;
	/** Authentication failures (a refused token): such a device never settles, and its run says why. */
	readonly refusals: string[] = [];
	#connection: Connection | null = null;
	readonly #options: DeviceOptions;
	/** Bumped by every document update and acknowledgement: the harness polls, so answers are cached. */
	#version = 0;
	#storedAnswer = { version: -1, value: false };
	#fingerprint = { version: -1, value: '' };

	constructor(options: DeviceOptions) {
		this.#options = options;
		this.doc = this.#openDocument();
	}

	get online(): boolean {
		return this.#connection !== null;
	}

	/**
	 * Connected, authenticated, synced, and every local change acknowledged by the server as applied
	 * (in memory: that is what Hocuspocus' sync status means, not that it is stored).
	 */
	get settled(): boolean {
		const connection = this.#connection;
		if (!connection) return false;
		const { socket, provider } = connection;
		return (
			socket.status === WebSocketStatus.Connected &&
			provider.isAuthenticated &&
			provider.isSynced &&
			!provider.hasUnsyncedChanges
		);
	}

	/**
	 * Whether the newest durable acknowledgement covers everything this device holds. An empty document
	 * needs none: the server stores only what changed, so for a document nobody has edited yet (all
	 * edits so far made offline, or lost with a socket closed before it authenticated) none comes.
	 */
	get stored(): boolean {
		if (this.#storedAnswer.version !== this.#version) {
			const newest = this.#options.acks.at(-1);
			const value =
				newest === undefined ? isEmpty(this.doc) : snapshotCovers(newest.snapshot, this.doc);
			this.#storedAnswer = { version: this.#version, value };
		}
		return this.#storedAnswer.value;
	}

	/** The state vector and content of the document: equal on two devices when they converged. */
	get fingerprint(): string {
		if (this.#fingerprint.version !== this.#version) {
			const stateVector = [...Y.decodeStateVector(Y.encodeStateVector(this.doc))].sort(
				([a], [b]) => a - b
			);
			const value = JSON.stringify({ stateVector, content: contentOf(this.doc) });
			this.#fingerprint = { version: this.#version, value };
		}
		return this.#fingerprint.value;
	}

	goOnline(): void {
		if (this.#connection) return;
		const { url, documentName, token, acks } = this.#options;
		const socket = new HocuspocusProviderWebsocket({
			url,
			WebSocketPolyfill: ToleratedWebSocket,
			...RECONNECT
		});
		const provider = new HocuspocusProvider({
			websocketProvider: socket,
			name: documentName,
			document: this.doc,
			token,
			// Presence is not what the harness tests; without it each device sends half the messages.
			awareness: null,
			onAuthenticationFailed: ({ reason }) => void this.refusals.push(reason),
			onStateless: ({ payload }) => {
				const ack = parsePersistedMessage(payload);
				if (!ack) return;
				acks.push(ack);
				this.#version += 1;
			}
		});
		provider.attach();
		this.#connection = { socket, provider };
	}

	/** The network is gone; the device keeps its document and goes on editing. */
	goOffline(): void {
		const connection = this.#connection;
		if (!connection) return;
		this.#connection = null;
		connection.provider.destroy();
		connection.socket.destroy();
	}

	/**
	 * The page is reloaded: provider and document are thrown away, and a new document is built from the
	 * storage alone. `compact` merges the storage's rows first, as y-indexeddb does now and then.
	 */
	restart(compact: boolean): void {
		const wasOnline = this.online;
		this.goOffline();
		this.doc.destroy();
		const { storage } = this.#options;
		if (compact && storage.updates.length > 1) storage.updates = [Y.mergeUpdates(storage.updates)];
		this.doc = this.#openDocument();
		this.#version += 1;
		if (wasOnline) this.goOnline();
	}

	destroy(): void {
		this.goOffline();
		if (!this.doc.isDestroyed) this.doc.destroy();
	}

	#openDocument(): Y.Doc {
		const doc = new Y.Doc();
		const { storage } = this.#options;
		if (storage.updates.length > 0) {
			Y.applyUpdate(doc, Y.mergeUpdates(storage.updates), FROM_STORAGE);
		}
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			this.#version += 1;
			if (origin !== FROM_STORAGE) storage.updates.push(update);
		});
		return doc;
	}
}

/** No item at all, so no deletion either. */
function isEmpty(doc: Y.Doc): boolean {
	return doc.store.clients.size === 0;
}

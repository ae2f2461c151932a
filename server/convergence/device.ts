// One device of the convergence harness, built from the client's own document engine (src/lib/sync/):
// each of its tabs opens the document with `openDocument`, as a page does, so the harness tests the code
// that ships. Local persistence writes to the device's own IndexedDB (fake-indexeddb, one IDBFactory per
// device), the tab relay runs over a BroadcastChannel only the device's own tabs share, the server
// connection is server-connection.ts on the engine's provider, and durability.ts decides what counts as
// stored on the server ("gesichert", ADR 10).
//
// The device's network is its WebSocket class: offline, every open socket is cut and every new one goes
// nowhere (it hangs, as on a dead Wi-Fi), so the engine sees a network loss; once the network is back the
// hanging sockets are cut too, and the engine reconnects by itself. A
// restart closes every tab (which waits until IndexedDB has each change, S1) and opens them again from
// IndexedDB alone, as a browser does after a reload.
import { createServer, type Socket } from 'node:net';
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
// eslint-disable-next-line no-restricted-imports -- the harness plays the browser's socket pool
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeDocumentSnapshot } from '../../src/lib/crdt/durable-snapshot';
// eslint-disable-next-line no-restricted-imports -- the harness drives the client's document engine
import { openDocument, type DocumentHandle } from '../../src/lib/sync/open-document';
// eslint-disable-next-line no-restricted-imports -- the harness drives the client's document engine
import type { SocketPool } from '../../src/lib/sync/sync-socket';
import { contentOf } from './content';

export interface DeviceOptions {
	url: string;
	documentName: string;
	token: string;
	/** How many tabs of the browser have the document open (the tab relay joins them). */
	tabs: number;
	/**
	 * Each state a tab's durability called stored on the server ("gesichert"), as a document snapshot,
	 * appended across restarts: the database must contain every one.
	 */
	claims: Uint8Array[];
}

/**
 * Where an offline device's sockets go: a listener that accepts and never answers, so a socket waits
 * for its handshake instead of failing and retrying every few milliseconds (which would cost the harness
 * more than all its edits). Started once per process; it keeps nothing alive.
 */
let nowhere: Promise<string> | null = null;
function nowhereUrl(): Promise<string> {
	nowhere ??= new Promise((resolve, reject) => {
		const held = new Set<Socket>();
		const server = createServer((socket) => {
			socket.unref();
			held.add(socket);
			socket.on('error', () => {});
			socket.on('close', () => held.delete(socket));
		});
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			server.unref();
			const address = server.address();
			if (address === null || typeof address === 'string') return reject(new Error('no port'));
			resolve(`ws://127.0.0.1:${address.port}`);
		});
	});
	return nowhere;
}

/**
 * The server is down for about half a second per kill, and a device comes back online after a few
 * seconds offline; the app's backoff (1 s doubling up to 30 s, sync-socket.ts) would make the harness
 * wait for it instead of testing the reconnect. So the harness' socket pool retries fast.
 */
const RECONNECT = {
	delay: 25,
	minDelay: 25,
	maxDelay: 250,
	factor: 2,
	jitter: true,
	maxAttempts: 0
} as const;

type DeviceWebSocketClass = new (url: string | URL, protocols?: string | string[]) => WebSocket;

/** The device's network: its sockets, cut when it goes offline. */
class Network {
	online = true;
	readonly sockets = new Set<WebSocket>();
	constructor(readonly nowhereUrl: string) {}

	/**
	 * A WebSocket class for this network. `ws` throws an 'error' nobody listens to (a socket closed
	 * while connecting, when the provider has removed its listeners), which a browser's WebSocket never
	 * does; so every socket gets a listener.
	 */
	webSocketClass(): DeviceWebSocketClass {
		// eslint-disable-next-line @typescript-eslint/no-this-alias -- the class below is built per network
		const network = this;
		return class DeviceWebSocket extends WebSocket {
			constructor(url: string | URL, protocols?: string | string[]) {
				super(network.online ? url : network.nowhereUrl, protocols);
				this.on('error', () => {});
				network.sockets.add(this);
				this.on('close', () => network.sockets.delete(this));
			}
		};
	}

	cut(): void {
		this.online = false;
		this.#terminateAll();
	}

	/** Back online: the sockets hanging on nowhere are cut, so the engine reconnects at once. */
	restore(): void {
		if (this.online) return;
		this.online = true;
		this.#terminateAll();
	}

	#terminateAll(): void {
		for (const socket of this.sockets) socket.terminate();
	}
}

/** One socket per tab, as sync-socket.ts keeps it, with the harness' reconnect timing. */
class TabSockets implements SocketPool {
	socket: HocuspocusProviderWebsocket | null = null;
	#users = 0;
	constructor(
		readonly url: string,
		readonly webSocket: DeviceWebSocketClass
	) {}

	acquire(): HocuspocusProviderWebsocket {
		this.#users += 1;
		this.socket ??= new HocuspocusProviderWebsocket({
			url: this.url,
			WebSocketPolyfill: this.webSocket,
			...RECONNECT
		});
		return this.socket;
	}

	release(): void {
		this.#users = Math.max(0, this.#users - 1);
		if (this.#users === 0 && this.socket !== null) {
			this.socket.destroy();
			this.socket = null;
		}
	}
}

/** A BroadcastChannel class whose channels reach only other channels of the same device. */
function deviceBroadcastChannel(deviceId: string): typeof BroadcastChannel {
	return class DeviceBroadcastChannel extends BroadcastChannel {
		constructor(name: string) {
			super(`${deviceId}|${name}`);
		}
	};
}

interface Tab {
	handle: DocumentHandle;
	sockets: TabSockets;
	/** The harness polls; a tab's fingerprint is computed again only after its document changed. */
	fingerprint: { stale: boolean; value: string };
	stop: () => void;
}

let devices = 0;

export class Device {
	/** Authentication failures (a refused token): such a device never settles, and its run says why. */
	readonly refusals: string[] = [];
	readonly #options: DeviceOptions;
	#network: Network | null = null;
	readonly #indexedDB = new IDBFactory();
	readonly #broadcastChannel = deviceBroadcastChannel(`device-${++devices}`);
	#tabs: Tab[] = [];

	constructor(options: DeviceOptions) {
		this.#options = options;
	}

	/** Opens the document in every tab; resolves once each has loaded what IndexedDB holds. */
	async open(): Promise<void> {
		if (this.#tabs.length > 0) return;
		this.#network ??= new Network(await nowhereUrl());
		this.#tabs = await Promise.all(
			Array.from({ length: this.#options.tabs }, () => this.#openTab())
		);
	}

	get online(): boolean {
		return this.#network?.online ?? false;
	}

	/** The document of one tab (an edit in it reaches the device's other tabs through the relay). */
	doc(tab = 0): Y.Doc {
		const open = this.#tabs[tab % this.#tabs.length];
		if (!open) throw new Error('the device has no open tab');
		return open.handle.doc;
	}

	get tabCount(): number {
		return this.#tabs.length;
	}

	/**
	 * Every tab connected, authenticated and synced (the engine's 'connected'), and every local change
	 * acknowledged by the server as applied (in memory: the provider's sync status, not that it is
	 * stored).
	 */
	get settled(): boolean {
		return (
			this.#tabs.length > 0 &&
			this.#tabs.every(({ handle, sockets }) => {
				if (handle.status !== 'connected' || sockets.socket === null) return false;
				for (const provider of sockets.socket.configuration.providerMap.values()) {
					if (provider.hasUnsyncedChanges) return false;
				}
				return true;
			})
		);
	}

	/** Every tab's durability says the laptop server stored all that tab holds ("gesichert"). */
	get stored(): boolean {
		return (
			this.#tabs.length > 0 &&
			this.#tabs.every(({ handle }) => handle.durability.places.some((place) => place.covered))
		);
	}

	/** The state vector and content of each tab: equal on two devices when they converged. */
	get fingerprints(): string[] {
		return this.#tabs.map(({ handle: { doc }, fingerprint }) => {
			if (fingerprint.stale) {
				const stateVector = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(
					([a], [b]) => a - b
				);
				fingerprint.value = JSON.stringify({ stateVector, content: contentOf(doc) });
				fingerprint.stale = false;
			}
			return fingerprint.value;
		});
	}

	goOnline(): void {
		this.#network?.restore();
	}

	/** The network is gone; the tabs keep their documents, relay between them and go on editing. */
	goOffline(): void {
		this.#network?.cut();
	}

	/**
	 * The browser restarts: every tab is closed and opened again from IndexedDB alone. `compact` merges
	 * the stored rows on open (local-persistence.ts does so from COMPACT_ON_OPEN_ROWS rows on).
	 */
	async restart(compact: boolean): Promise<void> {
		await this.#closeTabs();
		this.#tabs = await Promise.all(
			Array.from({ length: this.#options.tabs }, () => this.#openTab(compact ? 1 : undefined))
		);
	}

	async destroy(): Promise<void> {
		this.#network?.cut();
		await this.#closeTabs();
	}

	async #closeTabs(): Promise<void> {
		const tabs = this.#tabs;
		this.#tabs = [];
		await Promise.all(
			tabs.map(async ({ handle, stop }) => {
				stop();
				await handle.close();
			})
		);
	}

	async #openTab(compactAtRows?: number): Promise<Tab> {
		const { url, documentName, token, claims } = this.#options;
		if (this.#network === null) throw new Error('the device is not open');
		const sockets = new TabSockets(url, this.#network.webSocketClass());
		// openDocument creates the tab's channel and opens its IndexedDB database before its first
		// await, through the globals; for that moment they are this device's.
		const globals = globalThis as { indexedDB: IDBFactory; BroadcastChannel: unknown };
		const shared = { indexedDB: globals.indexedDB, BroadcastChannel: globals.BroadcastChannel };
		globals.indexedDB = this.#indexedDB;
		globals.BroadcastChannel = this.#broadcastChannel;
		let opening: Promise<DocumentHandle>;
		try {
			opening = openDocument(documentName, {
				relay: true,
				...(compactAtRows === undefined ? {} : { compactAtRows }),
				server: {
					sockets,
					tokenSource: {
						state: 'available',
						getToken: async () => token,
						invalidate: (_name, reason) => void this.refusals.push(reason ?? 'refused')
					},
					retryDelayMs: RECONNECT.delay
				}
			});
		} finally {
			globals.indexedDB = shared.indexedDB;
			globals.BroadcastChannel = shared.BroadcastChannel;
		}
		const handle = await opening;
		const fingerprint = { stale: true, value: '' };
		// What the engine calls stored on the server is checked against the database after each kill:
		// one snapshot per state it was called stored in.
		let claimed = false;
		const onUpdate = () => {
			fingerprint.stale = true;
			claimed = false;
		};
		handle.doc.on('update', onUpdate);
		const stopClaims = handle.onDurability(() => {
			if (claimed || !handle.durability.places.some((place) => place.covered)) return;
			claimed = true;
			claims.push(encodeDocumentSnapshot(handle.doc));
		});
		const stop = () => {
			stopClaims();
			handle.doc.off('update', onUpdate);
		};
		return { handle, sockets, fingerprint, stop };
	}
}

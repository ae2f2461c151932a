// An open document: one Y.Doc with its local copy, the tab relay and the server connection.
//
// Order on open: listen to other tabs → load from IndexedDB → apply → relay → connect. Loading first
// means the relay's handshake and the server's sync step 1 both start from the full local state
// vector, so they send only what is really missing, and nothing is ever seeded into a document whose
// stored content has not arrived yet (SPEC S1, S6). The tab channel is open during the
// load, so an update another tab posts meanwhile is held and applied after it. The local copy is
// authoritative; the server is a replica.

import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { migrateOnOpen } from '../crdt/schemas/migrate';
import type { WriteRefusal } from '../contract/protocol';
import type { KommunalwerkstattDb, SyncPlace } from '../storage/db';
import type { DocumentStatus, TooLarge } from './document-status';
import { trackDurability, type DocumentDurability } from './durability';
import {
	attachLocalPersistence,
	type LocalPersistence,
	type LocalPersistenceOptions
} from './local-persistence';
import { connectToServer, type ServerConnection } from './server-connection';
import type { SocketPool } from './sync-socket';
import { canRelay, createTabRelay, type TabRelay } from './tab-relay';
import type { TokenSource } from './token-source';

export interface DocumentHandle {
	readonly name: string;
	readonly doc: Y.Doc;
	/** Presence of this and other clients (y-protocols awareness), relayed to tabs and the server. */
	readonly awareness: Awareness;
	readonly status: DocumentStatus;
	/** Calls `listener` on every status change. Returns the unsubscribe. */
	onStatus(listener: (status: DocumentStatus) => void): () => void;
	/** Where the document is durably stored: this device, the laptop server, the central server. */
	readonly durability: DocumentDurability;
	/** Calls `listener` whenever `durability` changes. Returns the unsubscribe. */
	onDurability(listener: () => void): () => void;
	/**
	 * Syncs the document with one more server as well (the central server), until the returned function
	 * is called. Its acknowledgements count for `target.place`.
	 */
	connect(target: ServerTarget): () => void;
	/**
	 * Resolves once every change made so far is committed to IndexedDB: from then on it survives a
	 * reload, a crash or a killed tab. Rejects with DocumentError 'storage_write_failed' when a change
	 * could not be stored, 'storage_timeout' when IndexedDB does not answer. A transaction still
	 * running (when called from an observer) is not "made so far": call it after the transaction.
	 */
	whenStored(): Promise<void>;
	/** Releases the document. Safe to call more than once. */
	close(): Promise<void>;
}

/** A sync server and the place its acknowledgements stand for. */
export interface ServerTarget {
	place: SyncPlace;
	tokenSource: TokenSource;
	sockets: SocketPool;
	retryDelayMs?: number;
}

export interface OpenDocumentOptions extends LocalPersistenceOptions {
	/** The server this page came from; absent: the document stays on this device. */
	server?: Omit<ServerTarget, 'place'> & { place?: SyncPlace };
	/** Where durable acknowledgements are remembered across reloads. */
	db?: KommunalwerkstattDb;
	/** Relay to other tabs of this origin (default: where BroadcastChannel exists). */
	relay?: boolean;
	/** A server said the document was deleted for good (ADR 11); the caller removes the local copy. */
	onDeleted?: (name: string) => void;
	/**
	 * A server refused an update by its write rules (server/SPEC.md) or the writer's byte budget (H6);
	 * the caller reloads the document.
	 */
	onRefused?: (name: string, reason: WriteRefusal) => void;
	/** A server cannot take the document for its size (S20); it stays on this device. */
	onTooLarge?: (name: string, reason: TooLarge) => void;
	/**
	 * Keep a copy in IndexedDB (default true). A receive-only view such as the projector may do without;
	 * its `whenStored` then resolves at once.
	 */
	persist?: boolean;
}

const NOT_PERSISTED: LocalPersistence = {
	whenStored: () => Promise.resolve(),
	destroy: () => Promise.resolve()
};

/**
 * Opens a document by name. Resolves when its stored content is loaded; rejects with
 * DocumentError 'storage_timeout' when IndexedDB does not answer. Use a DocumentRegistry to share one
 * open document between the parts of a tab.
 */
export async function openDocument(
	name: string,
	options: OpenDocumentOptions = {}
): Promise<DocumentHandle> {
	const doc = new Y.Doc();
	const awareness = new Awareness(doc);
	const relay: TabRelay | null =
		(options.relay ?? canRelay()) ? createTabRelay(name, doc, awareness) : null;
	let local: LocalPersistence = NOT_PERSISTED;
	try {
		if (options.persist ?? true) local = await attachLocalPersistence(name, doc, options);
	} catch (error) {
		relay?.stop();
		awareness.destroy();
		doc.destroy();
		throw error;
	}
	relay?.start();
	// A read-only copy (the projector) never writes; every other copy lifts older data on open (ADR 13).
	const stopMigrations = (options.persist ?? true) ? migrateOnOpen(name, doc) : () => undefined;

	const listeners = new Set<(status: DocumentStatus) => void>();
	let status: DocumentStatus = 'local';
	const setStatus = (next: DocumentStatus) => {
		if (next === status) return;
		status = next;
		for (const listener of listeners) listener(next);
	};

	const persisted = options.persist ?? true;
	const durability = trackDurability(name, doc, {
		...(options.db ? { db: options.db } : {}),
		...(persisted ? { whenStored: () => local.whenStored() } : {})
	});
	const connections = new Set<ServerConnection>();
	// The page's own server shares presence with the tabs; another server (central) gets an awareness of
	// its own, so it neither sees the room's presence nor, when it disconnects, clears it.
	const connect = (
		target: ServerTarget,
		onStatus: (status: DocumentStatus) => void = () => undefined,
		presence: Awareness = new Awareness(doc)
	): ServerConnection => {
		const { place } = target;
		durability.setConnected(place, false);
		const connection = connectToServer(name, doc, presence, {
			...target,
			onStatus: (next) => {
				durability.setConnected(place, next === 'connected');
				onStatus(next);
			},
			onAcknowledged: (ack) => durability.acknowledge(place, ack),
			onDeleted: () => options.onDeleted?.(name),
			onRefused: (reason) => options.onRefused?.(name, reason),
			onTooLarge: (reason) => options.onTooLarge?.(name, reason)
		});
		connections.add(connection);
		return connection;
	};

	if (options.server) connect({ place: 'laptop', ...options.server }, setStatus, awareness);

	let closing: Promise<void> | null = null;
	return {
		name,
		doc,
		awareness,
		get status() {
			return status;
		},
		onStatus(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		get durability() {
			return durability.state;
		},
		onDurability: (listener) => durability.subscribe(listener),
		connect(target) {
			const connection = connect(target);
			return () => {
				if (!connections.delete(connection)) return;
				connection.stop();
				durability.setConnected(target.place, false);
			};
		},
		whenStored: () => local.whenStored(),
		close() {
			closing ??= (async () => {
				stopMigrations();
				relay?.stop();
				for (const connection of connections) connection.stop();
				connections.clear();
				durability.stop();
				setStatus('local');
				listeners.clear();
				// Let queued writes finish before the database connection closes.
				await local.whenStored().catch(() => undefined);
				await local.destroy();
				awareness.destroy();
				doc.destroy();
			})();
			return closing;
		}
	};
}

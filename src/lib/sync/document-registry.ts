// One open document per name per tab: two parts of the UI that open the same document share one
// Y.Doc (two Y.Docs of one name in one tab would each write their own IndexedDB rows and race).
// Every open returns its own lease; the document closes when the last lease is closed.

import { recordDocumentOpened, recordLocalChange, recordConnected } from '../storage/documents';
import type { KommunalwerkstattDb } from '../storage/db';
import type { DocumentStatus, TooLarge } from './document-status';
import type { DocumentDurability } from './durability';
import {
	openDocument,
	type DocumentHandle,
	type OpenDocumentOptions,
	type ServerTarget
} from './open-document';
import { sharedHandle } from './shared-handle';
import { createSocketPool, type SocketPoolOptions } from './sync-socket';
import type { TokenSource } from './token-source';

export interface DocumentRegistryConfig extends Omit<OpenDocumentOptions, 'server'> {
	/** Absent: every document stays on this device. */
	tokenSource?: TokenSource;
	socket?: SocketPoolOptions;
	/** Where to keep sync bookkeeping (best effort). */
	db?: KommunalwerkstattDb;
	now?: () => number;
	/** Local-change stamps are written at most this often per document. */
	bookkeepingIntervalMs?: number;
}

export interface DocumentRegistry {
	/**
	 * A lease on the shared open document `name`; close the lease when done. A background lease (the central
	 * upload) keeps the document out of `status`, `openNames` and `durability`, which describe what the
	 * person works on, unless the page holds a lease too.
	 */
	open(name: string, options?: { background?: boolean }): Promise<DocumentHandle>;
	/** 'connected' when at least one document is open and every open one is connected. */
	readonly status: DocumentStatus;
	readonly openNames: readonly string[];
	/** Where each open document is durably stored, in the order they were opened. */
	readonly durability: readonly { name: string; durability: DocumentDurability }[];
	/** The open documents a server cannot take for their size (S20), which stay on this device. */
	readonly tooLarge: readonly { name: string; reason: TooLarge }[];
	/**
	 * Syncs every open document `covers` accepts, and every one opened later, with one more server (the
	 * central server) until the returned function is called.
	 */
	addServer(target: ServerTarget, covers: (name: string) => boolean): () => void;
	/**
	 * Closes every open document `matches` accepts, whatever leases are held (closing those
	 * later does nothing), after their last changes are stored: for removing their local copies.
	 */
	discard(matches: (name: string) => boolean): Promise<void>;
	/** Resolves once the open documents `matches` accepts have stored every change so far. */
	whenStored(matches: (name: string) => boolean): Promise<void>;
	/** Calls `listener` when the aggregate status, durability or the set of open documents changes. */
	subscribe(listener: () => void): () => void;
	/**
	 * Closes every open document, whatever leases are still held (closing those later does nothing), and so
	 * the socket. For the end of the page; opening again afterwards opens them anew.
	 */
	close(): Promise<void>;
}

interface Entry {
	opening: Promise<DocumentHandle>;
	leases: number;
	/** Leases of the page, not of background work. */
	shownLeases: number;
	closed: boolean;
	stopBookkeeping?: () => void;
	/** Disconnects from the added servers, by target. */
	extra: Map<ServerTarget, () => void>;
}

interface AddedServer {
	target: ServerTarget;
	covers: (name: string) => boolean;
}

export function createDocumentRegistry(config: DocumentRegistryConfig = {}): DocumentRegistry {
	const { tokenSource, db } = config;
	const now = config.now ?? Date.now;
	const sockets = tokenSource ? createSocketPool(config.socket) : null;
	const entries = new Map<string, Entry>();
	const ready = new Map<string, DocumentHandle>();
	const listeners = new Set<() => void>();
	const added = new Set<AddedServer>();
	const notify = () => listeners.forEach((listener) => listener());
	/** Per session: a document opened anew tries the server again. */
	const tooLarge = new Map<string, TooLarge>();
	const options: OpenDocumentOptions = {
		...config,
		...(tokenSource && sockets ? { server: { tokenSource, sockets } } : {}),
		onTooLarge: (name, reason) => {
			if (entries.has(name)) tooLarge.set(name, reason);
			config.onTooLarge?.(name, reason);
			notify();
		}
	};

	/** The open documents the person works on, in the order they were opened. */
	const shown = (): [string, DocumentHandle][] =>
		[...ready].filter(([name]) => (entries.get(name)?.shownLeases ?? 0) > 0);

	const aggregate = (): DocumentStatus => {
		const handles = shown().map(([, handle]) => handle);
		return handles.length > 0 && handles.every((h) => h.status === 'connected')
			? 'connected'
			: 'local';
	};

	function keepBooks(handle: DocumentHandle): () => void {
		if (!db) return () => {};
		const ignore = () => undefined;
		recordDocumentOpened(db, handle.name, now()).catch(ignore);
		let timer: ReturnType<typeof setTimeout> | undefined;
		const onUpdate = (_u: Uint8Array, _o: unknown, _d: unknown, tx: { local: boolean }) => {
			if (!tx.local || timer !== undefined) return;
			timer = setTimeout(() => {
				timer = undefined;
				recordLocalChange(db, handle.name, now()).catch(ignore);
			}, config.bookkeepingIntervalMs ?? 2_000);
		};
		handle.doc.on('update', onUpdate);
		const offStatus = handle.onStatus((status) => {
			if (status === 'connected') recordConnected(db, handle.name, now()).catch(ignore);
		});
		return () => {
			handle.doc.off('update', onUpdate);
			offStatus();
			if (timer !== undefined) {
				clearTimeout(timer);
				recordLocalChange(db, handle.name, now()).catch(ignore);
			}
			if (handle.status === 'connected') recordConnected(db, handle.name, now()).catch(ignore);
		};
	}

	async function shut(name: string, entry: Entry) {
		if (entry.closed) return;
		entry.closed = true;
		if (entries.get(name) === entry) {
			entries.delete(name);
			tooLarge.delete(name);
		}
		const handle = await entry.opening.catch(() => null);
		if (handle === null) return;
		if (ready.get(name) === handle) {
			ready.delete(name);
			notify();
		}
		entry.stopBookkeeping?.();
		for (const disconnect of entry.extra.values()) disconnect();
		entry.extra.clear();
		await handle.close();
	}

	async function release(name: string, entry: Entry, background: boolean) {
		entry.leases -= 1;
		if (!background) entry.shownLeases -= 1;
		if (entry.leases > 0) {
			// Still open in the background only: no longer among the page's documents.
			if (!background && entry.shownLeases === 0) notify();
			return;
		}
		await shut(name, entry);
	}

	function lease(
		name: string,
		entry: Entry,
		handle: DocumentHandle,
		background: boolean
	): DocumentHandle {
		return sharedHandle(handle, () => release(name, entry, background));
	}

	return {
		async open(name, { background = false } = {}) {
			let entry = entries.get(name);
			if (entry === undefined) {
				const opening = openDocument(name, options).then((handle) => {
					ready.set(name, handle);
					handle.onStatus(notify);
					handle.onDurability(notify);
					for (const server of added) {
						if (server.covers(name))
							created.extra.set(server.target, handle.connect(server.target));
					}
					created.stopBookkeeping = keepBooks(handle);
					notify();
					return handle;
				});
				const created: Entry = {
					opening,
					leases: 0,
					shownLeases: 0,
					closed: false,
					extra: new Map()
				};
				entry = created;
				entries.set(name, entry);
				// A failed open is forgotten, so the next open tries again.
				opening.catch(() => {
					if (entries.get(name) === created) entries.delete(name);
				});
			}
			const opened = entry;
			// A document open in the background only becomes one of the page's documents.
			const becomesShown = !background && opened.shownLeases === 0 && ready.has(name);
			opened.leases += 1;
			if (!background) opened.shownLeases += 1;
			try {
				const handle = await opened.opening;
				if (becomesShown) notify();
				return lease(name, opened, handle, background);
			} catch (error) {
				opened.leases -= 1;
				if (!background) opened.shownLeases -= 1;
				throw error;
			}
		},
		get status() {
			return aggregate();
		},
		get openNames() {
			return shown().map(([name]) => name);
		},
		get durability() {
			return shown().map(([name, handle]) => ({ name, durability: handle.durability }));
		},
		get tooLarge() {
			return shown().flatMap(([name]) => {
				const reason = tooLarge.get(name);
				return reason === undefined ? [] : [{ name, reason }];
			});
		},
		addServer(target, covers) {
			const server: AddedServer = { target, covers };
			added.add(server);
			for (const [name, entry] of entries) {
				const handle = ready.get(name);
				if (handle && !entry.closed && covers(name)) {
					entry.extra.set(target, handle.connect(target));
				}
			}
			return () => {
				added.delete(server);
				for (const entry of entries.values()) {
					entry.extra.get(target)?.();
					entry.extra.delete(target);
				}
			};
		},
		async whenStored(matches) {
			const open = [...ready].filter(([name]) => matches(name));
			await Promise.all(open.map(([, handle]) => handle.whenStored()));
		},
		async discard(matches) {
			const closing = [...entries].filter(([name]) => matches(name));
			await Promise.all(closing.map(([name, entry]) => shut(name, entry)));
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async close() {
			await Promise.all([...entries].map(([name, entry]) => shut(name, entry)));
		}
	};
}

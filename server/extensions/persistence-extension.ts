// Our own persistence instead of @hocuspocus/extension-database (ADR 10):
//
// load   the stored V2 state is applied before any client sees the document. If loading fails, the
//        document is refused and destroyed; it was never marked loaded, so nothing can store it, and an
//        empty document never overwrites the stored one.
// store  the updates applied since the last write (captured as V1, the encoding Hocuspocus has Yjs make
//        for every change anyway, so none is encoded twice) are merged, converted to V2 once and
//        appended to the stored document in one transaction (ADR 18, H7): a store costs what changed, not
//        the document's size, and the store merges increments into the state off the event loop. The
//        increment, the state vector and the snapshot are taken in one synchronous step, so the
//        acknowledgement describes exactly the state written; a failed write puts its increment back.
// retry  a failed write is retried with exponential backoff; while it fails the document stays loaded
//        (unloading is vetoed), because the server's memory then holds the only copy of those edits.
//        onStoreDocument then throws, so Hocuspocus runs no later onStoreDocument/afterStoreDocument hook
//        for a write that did not happen.
// ack    after a successful write every client of the document gets a stateless message with the
//        snapshot (state vector + delete set) of the state written, and so does each client that connects
//        later (crdt/durable-snapshot.ts); one connecting to a document with nothing stored gets an empty
//        snapshot with time 0. Sent from here, not afterStoreDocument: a write that succeeds on
//        a retry runs outside Hocuspocus' store hooks. Only a write that happened is ever acknowledged.
// stop   at shutdown `storeAll` writes every document still loaded, each after any write in flight.
// delete a document deleted for good (ADR 11) is discarded: never written or acknowledged again. The
//        store refuses a write under a deleted scope itself; such a refusal discards the document too
//        and ends its clients' connections with the reason (a deletion through another instance). A load
//        checks for a tombstone after it read the state, so a document under a deleted scope never
//        becomes live; one whose check came just before the deletion is discarded by the deletion
//        (server/deletion.ts), and a client that joins a discarded document is told so at once and
//        gets none of its content.
import type { Document, Extension, Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import {
	encodeDocumentSnapshot,
	encodePersistedMessage
} from '../../src/lib/crdt/durable-snapshot';
import { CLOSE_CODES, ERROR_CODES } from '../../src/lib/contract/protocol';
import type { Logger } from '../logger';
import { DocumentDeletedError, type DocumentStore } from '../storage/document-store';
import { SyncRejection } from './sync-rejection';

export interface PersistedEvent {
	documentName: string;
	document: Document;
	/** The state vector of the state that is now stored durably. */
	stateVector: Uint8Array;
}

export interface PersistenceOptions {
	/** Loading and storing only; deleting is the deletion route's (server/deletion.ts). */
	store: Pick<DocumentStore, 'kind' | 'load' | 'append' | 'deletedScopeOf' | 'close'>;
	logger: Logger;
	retryBaseMs: number;
	retryMaxMs: number;
	now?: () => number;
	onPersisted?: (event: PersistedEvent) => void;
	/** Called after each failed write, once it is logged and (unless shutting down) its retry scheduled. */
	onStoreFailed?: (documentName: string) => void;
	/** The store refused a write because the document lies under a deleted scope. */
	onDeleted?: (document: Document) => void;
}

export interface PersistenceExtension extends Extension {
	/** Names of documents whose last write failed and is waiting for a retry. */
	failingDocuments(): string[];
	/**
	 * Shutdown: writes every document still loaded, failing or not, each under its save mutex (so after
	 * any write in flight), and logs each one that could not be stored. No retry is scheduled after this;
	 * when it resolves, no write of this extension is running.
	 */
	storeAll(): Promise<void>;
	/** The document was deleted for good: never write or acknowledge it again (ADR 11). */
	discard(document: Document): void;
}

/**
 * Thrown by onStoreDocument when nothing was stored, so later store hooks do not run as if it had been.
 * We log the failure ourselves, structured; Hocuspocus prints the error it catches to stderr, so it
 * carries no message and a one-line stack.
 */
export class DocumentNotStored extends Error {
	constructor() {
		super('');
		this.name = 'DocumentNotStored';
		this.stack = this.name;
	}
}

/**
 * Thrown from beforeHandleMessage for a discarded document, so a client that joined it while it was
 * being deleted gets no byte of it and is told why (Hocuspocus closes that document connection with our
 * code). No message and a one-line stack, as Hocuspocus prints what it catches.
 */
export class DocumentWasDeleted extends Error {
	readonly code = CLOSE_CODES.documentDeleted;
	readonly reason = ERROR_CODES.documentDeleted;
	constructor() {
		super('');
		this.name = 'DocumentWasDeleted';
		this.stack = this.name;
	}
}

const NOTHING_STORED = encodePersistedMessage({
	snapshot: Y.encodeSnapshotV2(Y.emptySnapshot),
	storedAt: 0
});

interface Failure {
	attempt: number;
	timer: NodeJS.Timeout | null;
}

export function createPersistenceExtension(options: PersistenceOptions): PersistenceExtension {
	const { store, logger, retryBaseMs, retryMaxMs, onPersisted, onStoreFailed } = options;
	const now = options.now ?? Date.now;
	const loaded = new WeakSet<Document>();
	const discarded = new WeakSet<Document>();
	/** The acknowledgement of the state last written (or loaded), for clients that connect later. */
	const acknowledgements = new WeakMap<Document, string>();
	/** Updates (V1) applied to a loaded document since its last successful write, in order. */
	const unwritten = new WeakMap<Document, Uint8Array[]>();
	const failures = new Map<string, Failure>();
	let instance: Hocuspocus | null = null;
	let stopped = false;

	async function persist(document: Document): Promise<boolean> {
		const documentName = document.name;
		// Only a document whose stored state was applied may be written: never an empty stand-in.
		if (!loaded.has(document)) return false;
		if (document.isDestroyed) {
			clearFailure(documentName);
			return false;
		}
		// Nothing to write, and nothing lost: the deletion was the last word on this document.
		if (discarded.has(document)) {
			clearFailure(documentName);
			return true;
		}
		const pending = unwritten.get(document) ?? [];
		// Nothing changed since the last write: it is stored and acknowledged already.
		if (pending.length === 0) {
			clearFailure(documentName);
			return true;
		}
		// One synchronous step: no update can land between taking the increment and the encodings.
		const increments = pending.splice(0);
		const update = Y.convertUpdateFormatV1ToV2(
			increments.length === 1 ? increments[0]! : Y.mergeUpdates(increments)
		);
		const stateVector = Y.encodeStateVector(document);
		const snapshot = encodeDocumentSnapshot(document);
		try {
			await store.append(documentName, update);
		} catch (error) {
			// Written again with the next attempt, before whatever arrived meanwhile.
			pending.unshift(...increments);
			if (error instanceof DocumentDeletedError) {
				logger.info({ event: 'store_refused_deleted', documentName }, 'document was deleted');
				discard(document);
				options.onDeleted?.(document);
				return true;
			}
			scheduleRetry(document, error);
			return false;
		}
		const attempts = clearFailure(documentName);
		if (attempts > 0) {
			logger.info({ event: 'store_recovered', documentName, attempts }, 'store recovered');
		}
		logger.debug({ event: 'stored', documentName, bytes: update.byteLength }, 'document stored');
		const acknowledgement = encodePersistedMessage({ snapshot, storedAt: now() });
		acknowledgements.set(document, acknowledgement);
		document.broadcastStateless(acknowledgement);
		onPersisted?.({ documentName, document, stateVector });
		return true;
	}

	/** Forgets a document's failure and its timer; returns how many attempts had failed. */
	function clearFailure(documentName: string): number {
		const failure = failures.get(documentName);
		if (!failure) return 0;
		if (failure.timer) clearTimeout(failure.timer);
		failures.delete(documentName);
		return failure.attempt;
	}

	function scheduleRetry(document: Document, error: unknown): void {
		const documentName = document.name;
		const failure = failures.get(documentName) ?? { attempt: 0, timer: null };
		failure.attempt += 1;
		if (failure.timer) clearTimeout(failure.timer);
		failures.set(documentName, failure);
		const fields = { event: 'store_failed', documentName, attempt: failure.attempt };
		if (stopped) {
			failure.timer = null;
			logger.error({ ...fields, error: describe(error) }, 'storing a document failed');
		} else {
			const delayMs = Math.min(retryBaseMs * 2 ** (failure.attempt - 1), retryMaxMs);
			failure.timer = setTimeout(() => void retry(document), delayMs);
			logger.error(
				{ ...fields, retryInMs: delayMs, error: describe(error) },
				'storing a document failed; it stays loaded and is retried'
			);
		}
		onStoreFailed?.(documentName);
	}

	async function retry(document: Document): Promise<void> {
		const failure = failures.get(document.name);
		if (failure) failure.timer = null;
		// The same mutex Hocuspocus holds around onStoreDocument: never two writes of one document at once.
		const ok = await document.saveMutex.runExclusive(() => persist(document));
		// The unload that was vetoed while the write failed can happen now.
		if (ok && instance?.documents.get(document.name) === document) {
			await instance.unloadDocument(document);
		}
	}

	function discard(document: Document): void {
		discarded.add(document);
		unwritten.delete(document);
		acknowledgements.delete(document);
		clearFailure(document.name);
	}

	return {
		extensionName: 'kommunalwerkstatt-persistence',
		discard,

		async onConfigure({ instance: configured }) {
			instance = configured;
		},

		async onLoadDocument({ document, documentName }) {
			let deleted: boolean;
			try {
				const stored = await store.load(documentName);
				// After the read: a deletion that committed while it ran is seen here (ADR 11).
				deleted = (await store.deletedScopeOf(documentName)) !== null;
				if (stored) {
					Y.applyUpdateV2(document, stored.state);
					// Nothing else can have changed the document yet: this is exactly the stored state.
					const snapshot = encodeDocumentSnapshot(document);
					const storedAt = stored.updatedAt.getTime();
					acknowledgements.set(document, encodePersistedMessage({ snapshot, storedAt }));
				}
			} catch (error) {
				logger.error(
					{ event: 'load_failed', documentName, error: describe(error) },
					'loading a document failed'
				);
				// Hocuspocus does not release a document whose load failed (hocuspocus#1156).
				document.destroy();
				throw new SyncRejection(ERROR_CODES.internal);
			}
			if (deleted) {
				logger.info(
					{ event: 'sync_refused', documentName, reason: ERROR_CODES.documentDeleted },
					'sync refused'
				);
				document.destroy();
				throw new SyncRejection(ERROR_CODES.documentDeleted);
			}
			// From now on every applied update is an increment to write; the loaded state is stored already.
			const pending: Uint8Array[] = [];
			unwritten.set(document, pending);
			// V1: Hocuspocus' own listener has Yjs encode every change as V1; a V2 listener would have each
			// change encoded a second time (a few per cent of the server's CPU under a workshop's load).
			document.on('update', (update: Uint8Array) => void unwritten.get(document)?.push(update));
			loaded.add(document);
		},

		async beforeHandleMessage({ document }) {
			if (discarded.has(document)) throw new DocumentWasDeleted();
		},

		async connected({ connection }) {
			const document = connection.document;
			// The deletion came while this client was joining: it missed the close the others got.
			if (discarded.has(document)) {
				connection.close({
					code: CLOSE_CODES.documentDeleted,
					reason: ERROR_CODES.documentDeleted
				});
				return;
			}
			// Nothing stored yet (a new document, or a database that lost it) is said too, with time 0, so a
			// device does not go on trusting an acknowledgement it remembers from before.
			connection.sendStateless(acknowledgements.get(document) ?? NOTHING_STORED);
		},

		async onStoreDocument({ document }) {
			// After the retry is scheduled: the throw only stops later hooks (Hocuspocus logs it once).
			if (!(await persist(document))) throw new DocumentNotStored();
		},

		async beforeUnloadDocument({ documentName }) {
			// A rejection without a message vetoes the unload quietly; the retry unloads it later.
			if (failures.has(documentName)) throw new Error('');
		},

		failingDocuments: () => [...failures.keys()],

		async storeAll() {
			stopped = true;
			for (const failure of failures.values()) {
				if (failure.timer) clearTimeout(failure.timer);
				failure.timer = null;
			}
			const documents = instance ? [...instance.documents.values()] : [];
			await Promise.all(
				documents.map(async (document) => {
					const documentName = document.name;
					let ok = false;
					try {
						ok = await document.saveMutex.runExclusive(() => persist(document));
					} catch (error) {
						logger.error(
							{ event: 'store_failed', documentName, error: describe(error) },
							'storing a document failed'
						);
					}
					if (!ok) {
						logger.error(
							{ event: 'store_abandoned', documentName },
							'shutting down with a document that could not be stored; clients keep their local copy'
						);
					}
				})
			);
		}
	};
}

/** Message and code only: a driver error may carry the query parameters, i.e. document bytes. */
function describe(error: unknown): { message: string; code?: string } {
	if (error instanceof Error) {
		const code = (error as { code?: unknown }).code;
		return typeof code === 'string' ? { message: error.message, code } : { message: error.message };
	}
	return { message: String(error) };
}

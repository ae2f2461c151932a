// Our own persistence instead of @hocuspocus/extension-database (DESIGN.md §5, RELIABILITY.md §1):
//
// load   the stored V2 state is applied before any client sees the document. If loading fails, the
//        document is refused and destroyed; it was never marked loaded, so nothing can store it, and an
//        empty document never overwrites the stored one (RELIABILITY.md 3).
// store  state (V2) and state vector are encoded in one synchronous step, so the pair describes exactly
//        one state, and written in one transaction.
// retry  a failed write is retried with exponential backoff; while it fails the document stays loaded
//        (unloading is vetoed), because the server's memory then holds the only copy of those edits.
// ack    after a successful write `onPersisted` learns the state vector that is now durable. The durable
//        acknowledgement to clients (a stateless "persisted up to SV" message) plugs in there later.
import type { Document, Extension, Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { ERROR_CODES } from '../../src/lib/sync/protocol';
import type { Logger } from '../logger';
import type { DocumentStore } from '../storage/document-store';
import { SyncRejection } from './sync-rejection';

export interface PersistedEvent {
	documentName: string;
	document: Document;
	/** The state vector of the state that is now stored durably. */
	stateVector: Uint8Array;
}

export interface PersistenceOptions {
	store: DocumentStore;
	logger: Logger;
	retryBaseMs: number;
	retryMaxMs: number;
	onPersisted?: (event: PersistedEvent) => void;
}

export interface PersistenceExtension extends Extension {
	/** Names of documents whose last write failed and is waiting for a retry. */
	failingDocuments(): string[];
	/** Shutdown: one last attempt for every failing document, then no more timers. */
	flushFailed(): Promise<void>;
}

interface Failure {
	attempt: number;
	timer: NodeJS.Timeout | null;
}

export function createPersistenceExtension(options: PersistenceOptions): PersistenceExtension {
	const { store, logger, retryBaseMs, retryMaxMs, onPersisted } = options;
	const loaded = new WeakSet<Document>();
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
		// One synchronous step: no update can land between the two encodings.
		const state = Y.encodeStateAsUpdateV2(document);
		const stateVector = Y.encodeStateVector(document);
		try {
			await store.store(documentName, state, stateVector);
		} catch (error) {
			scheduleRetry(document, error);
			return false;
		}
		const attempts = clearFailure(documentName);
		if (attempts > 0) {
			logger.info({ event: 'store_recovered', documentName, attempts }, 'store recovered');
		}
		logger.debug({ event: 'stored', documentName, bytes: state.byteLength }, 'document stored');
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
		const delayMs = Math.min(retryBaseMs * 2 ** (failure.attempt - 1), retryMaxMs);
		logger.error(
			{
				event: 'store_failed',
				documentName,
				attempt: failure.attempt,
				retryInMs: delayMs,
				error: describe(error)
			},
			'storing a document failed; it stays loaded and is retried'
		);
		failure.timer = stopped ? null : setTimeout(() => void retry(document), delayMs);
		failures.set(documentName, failure);
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

	return {
		extensionName: 'kommunalwerkstatt-persistence',

		async onConfigure({ instance: configured }) {
			instance = configured;
		},

		async onLoadDocument({ document, documentName }) {
			try {
				const stored = await store.load(documentName);
				if (stored) Y.applyUpdateV2(document, stored.state);
			} catch (error) {
				logger.error(
					{ event: 'load_failed', documentName, error: describe(error) },
					'loading a document failed'
				);
				// Hocuspocus does not release a document whose load failed (hocuspocus#1156).
				document.destroy();
				throw new SyncRejection(ERROR_CODES.internal);
			}
			loaded.add(document);
		},

		async onStoreDocument({ document }) {
			await persist(document);
		},

		async beforeUnloadDocument({ documentName }) {
			// A rejection without a message vetoes the unload quietly; the retry unloads it later.
			if (failures.has(documentName)) throw new Error('');
		},

		failingDocuments: () => [...failures.keys()],

		async flushFailed() {
			stopped = true;
			const documents = instance ? [...instance.documents.values()] : [];
			for (const document of documents) {
				const failure = failures.get(document.name);
				if (!failure) continue;
				if (failure.timer) clearTimeout(failure.timer);
				failure.timer = null;
				const ok = await document.saveMutex.runExclusive(() => persist(document));
				if (!ok) {
					logger.error(
						{ event: 'store_abandoned', documentName: document.name },
						'shutting down with a document that could not be stored; clients keep their local copy'
					);
				}
			}
			for (const failure of failures.values()) if (failure.timer) clearTimeout(failure.timer);
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

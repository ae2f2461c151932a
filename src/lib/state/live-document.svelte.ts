// A value read from one Yjs document, live while something renders it: the document opens on the first
// read, every change (from this tab, another tab or the server) reads the value again, and it closes
// when nothing reads it any more.

import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { isDocumentError, type DocumentErrorCode } from '../sync/document-status';
import { followDocument } from '../sync/follow-document';
import type { DocumentHandle } from '../sync/open-document';

export class LiveDocument<T> {
	// Raw, not deeply reactive: a value is replaced whole on every change and never changed in place,
	// and a deep proxy would only slow down every read of it (for a full board, each field of 500 cards).
	#value: T = $state.raw() as T;
	#loading = $state(true);
	#error = $state<DocumentErrorCode | 'code_load_failed' | null>(null);
	#connected = $state(false);
	#doc: Y.Doc | null = null;
	#subscribe: () => void;

	constructor(open: () => Promise<DocumentHandle>, read: (doc: Y.Doc) => T, initial: T) {
		this.#value = initial;
		this.#subscribe = createSubscriber(() => {
			const stop = followDocument(open, {
				onChange: (handle) => {
					this.#doc = handle.doc;
					this.#value = read(handle.doc);
					this.#loading = false;
				},
				onError: (error) => {
					this.#error = isDocumentError(error) ? error.code : 'code_load_failed';
					this.#loading = false;
				},
				onConnected: (connected) => (this.#connected = connected)
			});
			return () => {
				this.#doc = null;
				stop();
			};
		});
	}

	get value(): T {
		this.#subscribe();
		return this.#value;
	}

	get loading(): boolean {
		this.#subscribe();
		return this.#loading;
	}

	get error(): DocumentErrorCode | 'code_load_failed' | null {
		this.#subscribe();
		return this.#error;
	}

	/**
	 * Reads what the value leaves out from the document as it is now: for what is needed seldom (on a
	 * click) and would cost on every change. Null while nothing renders the document (it is closed).
	 */
	readNow<U>(read: (doc: Y.Doc) => U): U | null {
		return this.#doc === null ? null : read(this.#doc);
	}

	/** Whether the document is synced with the server now. */
	get connected(): boolean {
		this.#subscribe();
		return this.#connected;
	}
}

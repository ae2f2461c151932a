// A value read from one Yjs document, live while something renders it: the document opens on the first
// read, every change (from this tab, another tab or the server) reads the value again, and it closes
// when nothing reads it any more. Several values of one document share its SharedDocument, and so one
// lease and one Y.Doc (ADR 12).

import type * as Y from 'yjs';
import type { DocumentHandle } from '../sync/open-document';
import type { AppErrorCode, Result } from './app-error';
import { SharedDocument } from './shared-document.svelte';

export class LiveDocument<T> {
	#source: SharedDocument;
	#read: (doc: Y.Doc) => T;
	// Not reactive itself: the source's version is, and a value is replaced whole on every change and
	// read at most once per change however many parts of the page show it.
	#value: T;
	#readAt = 0;

	constructor(
		source: SharedDocument | (() => Promise<DocumentHandle>),
		read: (doc: Y.Doc) => T,
		initial: T
	) {
		this.#source = source instanceof SharedDocument ? source : new SharedDocument(source);
		this.#read = read;
		this.#value = initial;
	}

	get value(): T {
		const version = this.#source.version;
		if (version !== this.#readAt) {
			const read = this.#source.readNow(this.#read);
			if (read !== null) this.#value = read;
			this.#readAt = version;
		}
		return this.#value;
	}

	get loading(): boolean {
		return this.#source.loading;
	}

	get error(): AppErrorCode | null {
		return this.#source.error;
	}

	/**
	 * Reads what the value leaves out from the document as it is now: for what is needed seldom (on a
	 * click) and would cost on every change. Null while nothing renders the document (it is closed).
	 */
	readNow<U>(read: (doc: Y.Doc) => U): U | null {
		return this.#source.readNow(read);
	}

	/** Whether the document is synced with the server now. */
	get connected(): boolean {
		return this.#source.connected;
	}

	/** Applies `change` to the document this value is read from (see SharedDocument.write). */
	write<R>(change: (doc: Y.Doc) => R): Promise<Result<R>> {
		return this.#source.write(change);
	}
}

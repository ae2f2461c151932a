// How a feature object (a check round, a municipality) reaches its documents: each document it reads
// or writes is one SharedDocument, so its live views and its writes share one lease (ADR 12), opened
// through the document registry that the app context loads on first use. Pages and components never
// see a Y.Doc; they ask the feature object, which owns these reads and writes.

import type * as Y from 'yjs';
import type { DocumentHandle } from '../sync/open-document';
import type { Result } from './app-error';
import type { DocumentServices } from './document-services';
import { LiveDocument } from './live-document.svelte';
import { SharedDocument } from './shared-document.svelte';

export class DocumentAccess {
	/** The document stack, loaded on first use (a failed chunk is asked for again next time). */
	readonly services: () => Promise<DocumentServices>;
	// A plain record, not state: filled while rendering, it must not count as a change.
	#documents: Record<string, SharedDocument> = {};

	constructor(services: () => Promise<DocumentServices>) {
		this.services = services;
	}

	/** Opens a handle of its own (for a part that follows several documents itself). */
	open = async (name: string): Promise<DocumentHandle> =>
		(await this.services()).documents.open(name);

	/** The named document, shared by every view and write of this feature object. */
	document(name: string): SharedDocument {
		return (this.#documents[name] ??= new SharedDocument(() => this.open(name)));
	}

	/** A value read from the named document while something renders it. */
	live<T>(name: string, read: (doc: Y.Doc) => T, initial: T): LiveDocument<T> {
		return new LiveDocument(this.document(name), read, initial);
	}

	/** Applies `change` in one transaction and resolves once it is stored on this device. */
	write<T>(name: string, change: (doc: Y.Doc) => T): Promise<Result<T>> {
		return this.document(name).write(change);
	}
}

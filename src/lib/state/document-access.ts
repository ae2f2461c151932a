// How a feature object (a check round, a municipality) reaches its documents: it reads them live and
// writes them through the document registry, which the app context loads on first use. Pages and
// components never see a Y.Doc; they ask the feature object, which owns these reads and writes.

import type * as Y from 'yjs';
import type { DocumentErrorCode } from '../sync/document-status';
import type { DocumentHandle } from '../sync/open-document';
import { writeDocument, type WriteResult } from '../sync/write-document';
import type { DocumentServices } from './document-services';
import { LiveDocument } from './live-document.svelte';

/** Why a write did not reach this device's storage: its document's error, or the code did not load. */
export type WriteError = DocumentErrorCode | 'code_load_failed';

export type AccessResult<T> = WriteResult<T> | { ok: false; error: 'code_load_failed' };

export interface DocumentAccess {
	/** The document stack, loaded on first use (a failed chunk is asked for again next time). */
	services(): Promise<DocumentServices>;
	open(name: string): Promise<DocumentHandle>;
	/** A value read from the named document while something renders it. */
	live<T>(name: string, read: (doc: Y.Doc) => T, initial: T): LiveDocument<T>;
	/** Applies `change` in one transaction and resolves once it is stored on this device. */
	write<T>(name: string, change: (doc: Y.Doc) => T): Promise<AccessResult<T>>;
}

export function documentAccess(services: () => Promise<DocumentServices>): DocumentAccess {
	const open = async (name: string) => (await services()).documents.open(name);
	return {
		services,
		open,
		live: (name, read, initial) => new LiveDocument(() => open(name), read, initial),
		async write(name, change) {
			const loaded = await services().catch(() => null);
			if (loaded === null) return { ok: false, error: 'code_load_failed' };
			return writeDocument(loaded.documents, name, change);
		}
	};
}

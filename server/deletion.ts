// Deleting for good (ADR 11). A moderation token whose patterns cover the whole scope deletes every
// stored document under it and leaves a tombstone, in one transaction of the document store; only then
// is the answer sent, so an answer is a durable acknowledgement of the deletion. Documents of the scope
// that are loaded, or loading, are then discarded without another write, and their clients are told
// why, per document (other documents on the same socket stay connected). A later connection to any document
// under the scope is refused with `document_deleted` (the tombstone extension below), so a device that
// still holds one cannot bring it back.
import type { Document, Extension, Hocuspocus } from '@hocuspocus/server';
import type { TokenClaims } from '../src/lib/domain/access';
import { isUnderScope, mayDelete, parseDeletionScope } from '../src/lib/domain/deletion';
import { CLOSE_CODES, ERROR_CODES, type DeletionResponse } from '../src/lib/contract/protocol';
import { SyncRejection } from './extensions/sync-rejection';
import type { Result } from './joining/device-registry';
import type { Logger } from './logger';
import type { BlobStore } from './storage/blob-store';
import type { DocumentStore } from './storage/document-store';

export interface DeletionService {
	/** Deletes the body's scope if the claims may; nothing changes when it answers an error. */
	delete(claims: TokenClaims, body: unknown): Promise<Result<DeletionResponse>>;
}

export interface DeletionOptions {
	store: () => Pick<DocumentStore, 'deleteScope'>;
	/** The scope's photos go with its documents (ADR 20). */
	blobs: () => Pick<BlobStore, 'deleteScope'>;
	hocuspocus: Hocuspocus;
	/** Makes sure a loaded document is never written again (persistence-extension.ts). */
	discard: (document: Document) => void;
	logger: Logger;
}

export function createDeletionService(options: DeletionOptions): DeletionService {
	const { hocuspocus, discard, logger } = options;
	return {
		async delete(claims, body) {
			const scope = (body as { scope?: unknown } | null)?.scope;
			if (parseDeletionScope(scope) === null || typeof scope !== 'string') {
				return { ok: false, status: 400, error: ERROR_CODES.invalidScope };
			}
			if (!mayDelete(claims, scope)) {
				logger.info({ event: 'deletion_refused', role: claims.role }, 'deletion refused');
				return { ok: false, status: 403, error: ERROR_CODES.forbidden };
			}
			// Throws if the database fails: the route answers 500 and nothing was deleted.
			const deleted = await options.store().deleteScope(scope);
			// After the tombstone: a photo uploaded meanwhile is refused by no rule, but no document that
			// names it can come back. A failure here answers 500; deleting again removes the rest.
			await options.blobs().deleteScope(scope);
			for (const document of [...hocuspocus.documents.values()]) {
				if (isUnderScope(document.name, scope)) closeDeletedDocument(hocuspocus, document, discard);
			}
			// A load that checked for a tombstone before the commit would make the deleted state live.
			const loading = [...hocuspocus.loadingDocuments].filter(([name]) =>
				isUnderScope(name, scope)
			);
			await Promise.allSettled(
				loading.map(async ([, load]) => closeDeletedDocument(hocuspocus, await load, discard))
			);
			logger.info({ event: 'scope_deleted', scope, documents: deleted.length }, 'scope deleted');
			return { ok: true, value: { scope, deleted } };
		}
	};
}

/**
 * Ends every client's connection to a deleted document with the reason, then unloads it; `discard`
 * first, so neither the last client's leaving nor a pending debounce writes it again.
 */
export function closeDeletedDocument(
	hocuspocus: Hocuspocus,
	document: Document,
	discard: (document: Document) => void
): void {
	discard(document);
	for (const connection of document.getConnections()) {
		connection.close({ code: CLOSE_CODES.documentDeleted, reason: ERROR_CODES.documentDeleted });
	}
	void hocuspocus.unloadDocument(document);
}

/**
 * Refuses every document under a deleted scope, after the token was checked (so a stranger learns
 * nothing), whether or not the document is loaded.
 */
export function createTombstoneExtension(
	store: () => Pick<DocumentStore, 'deletedScopeOf'>,
	logger: Logger
): Extension {
	return {
		extensionName: 'kommunalwerkstatt-tombstones',
		async onAuthenticate({ documentName }) {
			let scope: string | null;
			try {
				scope = await store().deletedScopeOf(documentName);
			} catch (error) {
				logger.error(
					{ event: 'tombstone_check_failed', documentName, error: String(error) },
					'checking for a deletion failed'
				);
				throw new SyncRejection(ERROR_CODES.internal);
			}
			if (scope === null) return;
			logger.info(
				{ event: 'sync_refused', documentName, reason: ERROR_CODES.documentDeleted },
				'sync refused'
			);
			throw new SyncRejection(ERROR_CODES.documentDeleted);
		}
	};
}

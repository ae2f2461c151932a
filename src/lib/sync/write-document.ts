// One change to one document: open (sharing the tab's session), apply, wait until it is on this device,
// release. Every "save" that is not a live editing session goes through here.

import type * as Y from 'yjs';
import type { DocumentRegistry } from './document-registry';
import { isDocumentError, type DocumentErrorCode } from './document-status';

export type WriteResult<T> = { ok: true; value: T } | { ok: false; error: DocumentErrorCode };

export async function writeDocument<T>(
	registry: DocumentRegistry,
	name: string,
	change: (doc: Y.Doc) => T
): Promise<WriteResult<T>> {
	const handle = await registry.open(name).catch((error: unknown) => {
		if (isDocumentError(error)) return error;
		throw error;
	});
	if (isDocumentError(handle)) return { ok: false, error: handle.code };
	try {
		const value = change(handle.doc);
		await handle.whenStored();
		return { ok: true, value };
	} catch (error) {
		if (isDocumentError(error)) return { ok: false, error: error.code };
		throw error;
	} finally {
		await handle.close();
	}
}

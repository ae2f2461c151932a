// A document the server refused an update of (server/SPEC.md W1–W15, ADR 15; the byte budget H6, ADR
// 18): its local copy holds a change the server will not take, and sending it again with every sync would be refused again. So
// the copy goes and the page loads again, which opens the document afresh from the server; the next
// page says why (refused-notice.ts).

import type { WriteRefusal } from '../contract/protocol';
import type { DocumentRegistry } from './document-registry';
import { deleteLocalCopy } from './local-copies';
import { noteRefused } from './refused-notice';

/** Drops the local copy of `name` and reloads the page; the next page says why, once. */
export async function reloadRefusedDocument(
	registry: DocumentRegistry,
	name: string,
	reason: WriteRefusal,
	reload: () => void = () => globalThis.location?.reload()
): Promise<void> {
	await registry.discard((open) => open === name);
	await deleteLocalCopy(name).catch(() => undefined);
	noteRefused(reason);
	reload();
}

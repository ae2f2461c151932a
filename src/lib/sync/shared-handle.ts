// A second handle on a document that is already open, for one more holder: the registry's lease of a
// session, a feature's borrowed share of its SharedDocument. It passes everything through to the
// open handle, and its `close` gives the share back once, however often it is called. Types only from
// open-document.ts: the app facade reaches this module before the document engine has loaded (ADR 14).
import type { DocumentHandle } from './open-document';

export function sharedHandle(
	handle: DocumentHandle,
	giveBack: () => Promise<void> | void
): DocumentHandle {
	let closed = false;
	return {
		name: handle.name,
		doc: handle.doc,
		awareness: handle.awareness,
		get status() {
			return handle.status;
		},
		onStatus: (listener) => handle.onStatus(listener),
		get durability() {
			return handle.durability;
		},
		onDurability: (listener) => handle.onDurability(listener),
		connect: (target) => handle.connect(target),
		whenStored: () => handle.whenStored(),
		async close() {
			if (closed) return;
			closed = true;
			await giveBack();
		}
	};
}

// Opens a document and reports it once loaded and after every change (this tab, another tab, the
// server), until stopped; stopping releases it, also when it was still opening.

import type { DocumentHandle } from './open-document';

export interface FollowDocumentCallbacks {
	onChange: (handle: DocumentHandle) => void;
	onError: (error: unknown) => void;
	/** Whether the document is synced with the server: once opened, then on every change of it. */
	onConnected?: (connected: boolean) => void;
}

/** Returns the stop function. */
export function followDocument(
	open: () => Promise<DocumentHandle>,
	{ onChange, onError, onConnected }: FollowDocumentCallbacks
): () => void {
	let stopped = false;
	let handle: DocumentHandle | null = null;
	let stopStatus = () => {};
	const changed = () => handle && onChange(handle);
	open().then((opened) => {
		if (stopped) return void opened.close();
		handle = opened;
		opened.doc.on('update', changed);
		onChange(opened);
		if (onConnected) {
			onConnected(opened.status === 'connected');
			stopStatus = opened.onStatus((status) => onConnected(status === 'connected'));
		}
	}, onError);
	return () => {
		stopped = true;
		stopStatus();
		handle?.doc.off('update', changed);
		void handle?.close();
		handle = null;
	};
}

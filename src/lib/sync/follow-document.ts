// Opens a document and reports it once loaded and after every change (this tab, another tab, the
// server), until stopped; stopping releases it, also when it was still opening.

import type { DocumentHandle } from './open-document';

export interface FollowDocumentCallbacks {
	onChange: (handle: DocumentHandle) => void;
	onError: (error: unknown) => void;
}

/** Returns the stop function. */
export function followDocument(
	open: () => Promise<DocumentHandle>,
	{ onChange, onError }: FollowDocumentCallbacks
): () => void {
	let stopped = false;
	let handle: DocumentHandle | null = null;
	const changed = () => handle && onChange(handle);
	open().then((opened) => {
		if (stopped) return void opened.close();
		handle = opened;
		opened.doc.on('update', changed);
		onChange(opened);
	}, onError);
	return () => {
		stopped = true;
		handle?.doc.off('update', changed);
		void handle?.close();
		handle = null;
	};
}

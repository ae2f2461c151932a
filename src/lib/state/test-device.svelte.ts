// Helpers for the feature objects' tests (not imported by app code): a device with the real document
// stack on fake-indexeddb and no server, and rendering as a page does.

import { flushSync } from 'svelte';
import type * as Y from 'yjs';
import { openDatabase, type KommunalwerkstattDb } from '../storage/db';
import type { TokenSource } from '../sync/token-source';
import { writeDocument } from '../sync/write-document';
import { createDocumentServices, type DocumentServices } from './document-services';

/** This device is not the owner and joined nothing: every document stays local. */
const localOnly: TokenSource = {
	state: 'denied',
	getToken: () => Promise.resolve(null),
	invalidate: () => {}
};

export interface TestDevice {
	db: KommunalwerkstattDb;
	services: DocumentServices;
	/** Writes one change to the named document and waits until it is stored. */
	write<T>(name: string, change: (doc: Y.Doc) => T): Promise<T>;
	close(): Promise<void>;
}

export function testDevice(): TestDevice {
	const db = openDatabase(`check-feature-${Math.random()}`);
	const services = createDocumentServices({ db, tokenSource: localOnly });
	return {
		db,
		services,
		async write(name, change) {
			const written = await writeDocument(services.documents, name, change);
			if (!written.ok) throw new Error(written.error);
			return written.value;
		},
		async close() {
			await services.documents.close();
			db.close();
			await db.delete();
		}
	};
}

/** Reads `read` in an effect, as a page does, until `stop()`. */
export function rendered(read: () => unknown): () => void {
	const stop = $effect.root(() => {
		$effect(() => {
			read();
		});
	});
	flushSync();
	return stop;
}

import { join } from 'node:path';
import * as Y from 'yjs';
import type { DocumentStore, StoredDocument } from '../storage/document-store';
import { openSqliteStore, SQLITE_FILE_NAME } from '../storage/sqlite-store';

/** A document whose root text 't' holds `text`, as the store keeps it. */
export function documentWithText(text: string): { state: Uint8Array; stateVector: Uint8Array } {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, text);
	const result = { state: Y.encodeStateAsUpdateV2(doc), stateVector: Y.encodeStateVector(doc) };
	doc.destroy();
	return result;
}

export async function seedText(store: DocumentStore, name: string, text: string): Promise<void> {
	const { state, stateVector } = documentWithText(text);
	await store.store(name, state, stateVector);
}

/** Seeds the SQLite file of a DATA_DIR before a server opens it. */
export async function seedSqlite(dataDir: string, name: string, text: string): Promise<void> {
	const store = openSqliteStore(join(dataDir, SQLITE_FILE_NAME));
	await seedText(store, name, text);
	await store.close();
}

/** The text of a stored document, or null if none is stored. */
export async function storedText(store: DocumentStore, name: string): Promise<string | null> {
	const stored = await store.load(name);
	if (!stored) return null;
	const doc = new Y.Doc();
	Y.applyUpdateV2(doc, stored.state);
	const text = doc.getText('t').toString();
	doc.destroy();
	return text;
}

export async function storedTextInSqlite(dataDir: string, name: string): Promise<string | null> {
	const store = openSqliteStore(join(dataDir, SQLITE_FILE_NAME));
	try {
		return await storedText(store, name);
	} finally {
		await store.close();
	}
}

/** Runs `use` with the SQLite file of a DATA_DIR (WAL: readable beside a running server), then closes it. */
export async function withSqliteStore<T>(
	dataDir: string,
	use: (store: ReturnType<typeof openSqliteStore>) => Promise<T>
): Promise<T> {
	const store = openSqliteStore(join(dataDir, SQLITE_FILE_NAME));
	try {
		return await use(store);
	} finally {
		await store.close();
	}
}

/** The named documents as the SQLite file of a DATA_DIR holds them now. */
export const storedDocuments = (dataDir: string, names: readonly string[]) =>
	withSqliteStore(dataDir, async (store) => {
		const stored = new Map<string, StoredDocument | null>();
		for (const name of names) stored.set(name, await store.load(name));
		return stored;
	});

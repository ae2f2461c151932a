// What the laptop server's database holds: the SQLite file in the server's DATA_DIR, read directly and
// decoded with plain yjs. A browser test that claims something is "on the server" reads it here once the
// page says "gesichert", that is once the server's durable acknowledgement covers everything the page
// has (ADR 10). So it asserts what survives a server restart, not the server's in-memory document, and
// the raw keys the store keeps, not what the app's tolerant readers make of them.
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { SQLITE_FILE_NAME } from '../../../server/storage/sqlite-store';
import { readStoredDocument } from '../../../server/test/stored-file';
import type { AppServer } from './app-server';

/**
 * Waits until the storage state in the page's header reads "✓ gesichert <time>": every document the
 * page has open is covered by a write the server acknowledged as durable. Call it after the page shows
 * the edit; the header leaves "gesichert" in the same transaction that makes the edit (durability.ts).
 */
export async function expectSavedOnServer(page: Page, timeout = 30_000): Promise<void> {
	await expect(page.locator('header details').locator('summary')).toHaveText(
		/^\s*Speicherstand:\s*✓\s*gesichert \d\d:\d\d:\d\d\s*$/,
		{ timeout }
	);
}

/** The document `name` as the server's database holds it (server/test/stored-file.ts). */
export function storedDocument(server: AppServer, name: string): Y.Doc | null {
	return readStoredDocument(server.dataDir, name);
}

/**
 * The root map `root` of a stored document as raw key → value (Y.Map.toJSON), or null when the database
 * holds no such document. Keys are as the store keeps them, e.g. a field record's `<id>/text`.
 */
export function storedMap(
	server: AppServer,
	name: string,
	root: string
): Record<string, unknown> | null {
	const doc = storedDocument(server, name);
	if (doc === null) return null;
	try {
		return doc.getMap(root).toJSON();
	} finally {
		doc.destroy();
	}
}

/**
 * The field records (`<id>/<field>` keys, ADR 8) of a stored root map as id → field → value, split at
 * the first slash only: no validation, so a record the app would reject still shows here as stored. A
 * key that is no field record fails the test.
 */
export function storedRecords(
	server: AppServer,
	name: string,
	root: string
): Record<string, Record<string, unknown>> {
	const records: Record<string, Record<string, unknown>> = {};
	for (const [key, value] of Object.entries(storedMap(server, name, root) ?? {})) {
		const slash = key.indexOf('/');
		if (slash < 1) throw new Error(`'${key}' in '${root}' of ${name} is no field record`);
		const id = key.slice(0, slash);
		(records[id] ??= {})[key.slice(slash + 1)] = value;
	}
	return records;
}

/** The rows of the server's blob table (ADR 20), read from the SQLite file. */
export function storedBlobs(
	server: AppServer
): Array<{ scope: string; sha256: string; mediaType: string; bytes: Buffer }> {
	const db = new Database(join(server.dataDir, SQLITE_FILE_NAME), { readonly: true });
	try {
		return db
			.prepare<[], { scope: string; sha256: string; media_type: string; data: Buffer }>(
				'SELECT scope, sha256, media_type, data FROM blobs ORDER BY scope, sha256'
			)
			.all()
			.map((row) => ({
				scope: row.scope,
				sha256: row.sha256,
				mediaType: row.media_type,
				bytes: row.data
			}));
	} finally {
		db.close();
	}
}

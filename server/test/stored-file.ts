// A document as a DATA_DIR's SQLite file holds it, read directly with plain yjs (WAL: readable beside a
// running server): its stored state and the increments appended after it, in order (ADR 18). Tests that
// claim something is "on the server" read it here, so they assert what survives a restart and the raw
// keys the store keeps, without starting the store's writer thread in the test's process.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { SQLITE_FILE_NAME } from '../storage/sqlite-store';

export function readStoredDocument(dataDir: string, name: string): Y.Doc | null {
	const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
	try {
		const state = db
			.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?')
			.get(name);
		const increments = db
			.prepare<[string], { data: Buffer }>(
				'SELECT data FROM document_updates WHERE name = ? ORDER BY seq'
			)
			.all(name);
		if (!state && increments.length === 0) return null;
		const doc = new Y.Doc();
		for (const update of [...(state ? [state.state] : []), ...increments.map((row) => row.data)])
			Y.applyUpdateV2(doc, new Uint8Array(update));
		return doc;
	} finally {
		db.close();
	}
}

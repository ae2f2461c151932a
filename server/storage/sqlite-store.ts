// The laptop's embedded store: one SQLite file under DATA_DIR (0700, the files 0600; ADR 16), no setup.
// better-sqlite3 is synchronous: a write blocks the event loop for as long as SQLite takes to write the
// bytes it is given.
import Database from 'better-sqlite3';
import { enclosingScopes } from '../../src/lib/domain/deletion';
import { toBuffer } from './bytes';
import { DocumentDeletedError, type DocumentStore, type StoredDocument } from './document-store';
import { narrowDatabaseFiles, preparePrivateDatabaseFile } from './private-files';

export const SQLITE_FILE_NAME = 'kommunalwerkstatt.sqlite';

interface Row {
	state: Buffer;
	state_vector: Buffer;
	updated_at: number;
}

export function openSqliteStore(file: string): DocumentStore {
	preparePrivateDatabaseFile(file);
	const db = new Database(file);
	// WAL: readers never block the writer; FULL: a committed store survives a power cut, which the
	// durable acknowledgements will promise to the client.
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	// WAL has opened its -wal and -shm files by now; ones restored from a copy may be wider.
	narrowDatabaseFiles(file);
	db.exec(`CREATE TABLE IF NOT EXISTS documents (
		name TEXT PRIMARY KEY,
		state BLOB NOT NULL,
		state_vector BLOB NOT NULL,
		updated_at INTEGER NOT NULL
	)`);
	// Tombstones of deleted scopes (ADR 11); a scope is a document-name prefix.
	db.exec(`CREATE TABLE IF NOT EXISTS deleted_scopes (
		scope TEXT PRIMARY KEY,
		deleted_at INTEGER NOT NULL
	)`);
	const select = db.prepare<[string], Row>(
		'SELECT state, state_vector, updated_at FROM documents WHERE name = ?'
	);
	const upsert = db.prepare<[string, Buffer, Buffer, number]>(
		`INSERT INTO documents (name, state, state_vector, updated_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (name) DO UPDATE SET
		   state = excluded.state, state_vector = excluded.state_vector, updated_at = excluded.updated_at`
	);
	// The scopes of a name as a JSON array: one statement whatever the name's depth.
	const findTombstone = db.prepare<[string], { scope: string }>(
		'SELECT scope FROM deleted_scopes WHERE scope IN (SELECT value FROM json_each(?)) ORDER BY length(scope) LIMIT 1'
	);
	const tombstoneOf = (name: string): string | null =>
		findTombstone.get(JSON.stringify(enclosingScopes(name)))?.scope ?? null;
	const write = db.transaction((name: string, state: Uint8Array, stateVector: Uint8Array) => {
		const deleted = tombstoneOf(name);
		if (deleted !== null) throw new DocumentDeletedError(deleted);
		upsert.run(name, toBuffer(state), toBuffer(stateVector), Date.now());
	});
	// substr, not LIKE: '_' in an id would be a LIKE wildcard.
	const namesUnder = db.prepare<[string, number, string], { name: string }>(
		'SELECT name FROM documents WHERE name = ? OR substr(name, 1, ?) = ? ORDER BY name'
	);
	const deleteNamed = db.prepare<[string]>('DELETE FROM documents WHERE name = ?');
	const insertTombstone = db.prepare<[string, number]>(
		'INSERT INTO deleted_scopes (scope, deleted_at) VALUES (?, ?) ON CONFLICT (scope) DO NOTHING'
	);
	const remove = db.transaction((scope: string): string[] => {
		const prefix = `${scope}/`;
		const names = namesUnder.all(scope, prefix.length, prefix).map((row) => row.name);
		for (const name of names) deleteNamed.run(name);
		insertTombstone.run(scope, Date.now());
		return names;
	});

	return {
		kind: 'sqlite',
		async load(name): Promise<StoredDocument | null> {
			const row = select.get(name);
			if (!row) return null;
			return {
				state: new Uint8Array(row.state),
				stateVector: new Uint8Array(row.state_vector),
				updatedAt: new Date(row.updated_at)
			};
		},
		async store(name, state, stateVector) {
			write(name, state, stateVector);
		},
		async deleteScope(scope) {
			return remove(scope);
		},
		async deletedScopeOf(name) {
			return tombstoneOf(name);
		},
		async close() {
			if (db.open) db.close();
		}
	};
}

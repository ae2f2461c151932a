// The laptop's embedded store: one SQLite file under DATA_DIR, no setup. better-sqlite3 is synchronous,
// which is fine for one facilitator's laptop: a write takes microseconds to milliseconds.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { toBuffer } from './bytes';
import type { DocumentStore, StoredDocument } from './document-store';

export const SQLITE_FILE_NAME = 'kommunalwerkstatt.sqlite';

interface Row {
	state: Buffer;
	state_vector: Buffer;
	updated_at: number;
}

export function openSqliteStore(file: string): DocumentStore {
	mkdirSync(dirname(file), { recursive: true });
	const db = new Database(file);
	// WAL: readers never block the writer; FULL: a committed store survives a power cut, which the
	// durable acknowledgements will promise to the client.
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.exec(`CREATE TABLE IF NOT EXISTS documents (
		name TEXT PRIMARY KEY,
		state BLOB NOT NULL,
		state_vector BLOB NOT NULL,
		updated_at INTEGER NOT NULL
	)`);
	const select = db.prepare<[string], Row>(
		'SELECT state, state_vector, updated_at FROM documents WHERE name = ?'
	);
	const upsert = db.prepare<[string, Buffer, Buffer, number]>(
		`INSERT INTO documents (name, state, state_vector, updated_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (name) DO UPDATE SET
		   state = excluded.state, state_vector = excluded.state_vector, updated_at = excluded.updated_at`
	);
	const write = db.transaction((name: string, state: Uint8Array, stateVector: Uint8Array) => {
		upsert.run(name, toBuffer(state), toBuffer(stateVector), Date.now());
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
		async close() {
			if (db.open) db.close();
		}
	};
}

// Access records in the laptop's SQLite file, on a connection of their own (WAL lets it sit beside the
// document store's).
import type { AccessRecord, AccessRecordKind, AccessRecordStore } from './access-record-store';
import { openSqliteSideConnection } from './side-connections';

interface Row {
	kind: AccessRecordKind;
	id: string;
	scope: string;
	data: string;
	expires_at: number;
}

const toRecord = (row: Row): AccessRecord => ({
	kind: row.kind,
	id: row.id,
	scope: row.scope,
	data: row.data,
	expiresAt: row.expires_at
});

export function openSqliteAccessRecords(file: string): AccessRecordStore {
	const db = openSqliteSideConnection(file);
	db.exec(`CREATE TABLE IF NOT EXISTS access_records (
		kind TEXT NOT NULL,
		id TEXT NOT NULL,
		scope TEXT NOT NULL,
		data TEXT NOT NULL,
		expires_at INTEGER NOT NULL,
		PRIMARY KEY (kind, id)
	)`);
	db.exec('CREATE INDEX IF NOT EXISTS access_records_scope ON access_records (kind, scope)');
	const upsert = db.prepare<[string, string, string, string, number]>(
		`INSERT INTO access_records (kind, id, scope, data, expires_at) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (kind, id) DO UPDATE SET
		   scope = excluded.scope, data = excluded.data, expires_at = excluded.expires_at`
	);
	const select = db.prepare<[string, string, number], Row>(
		'SELECT * FROM access_records WHERE kind = ? AND id = ? AND expires_at > ?'
	);
	const selectScope = db.prepare<[string, string, number], Row>(
		'SELECT * FROM access_records WHERE kind = ? AND scope = ? AND expires_at > ? ORDER BY rowid'
	);
	const updateData = db.prepare<[string, string, string]>(
		'UPDATE access_records SET data = ? WHERE kind = ? AND id = ?'
	);
	const remove = db.prepare<[string, string]>(
		'DELETE FROM access_records WHERE kind = ? AND id = ?'
	);
	const removeExpired = db.prepare<[number]>('DELETE FROM access_records WHERE expires_at <= ?');

	return {
		async put(record) {
			upsert.run(record.kind, record.id, record.scope, record.data, record.expiresAt);
		},
		async update(kind, id, data) {
			return updateData.run(data, kind, id).changes > 0;
		},
		async get(kind, id, now) {
			const row = select.get(kind, id, now);
			return row ? toRecord(row) : null;
		},
		async list(kind, scope, now) {
			return selectScope.all(kind, scope, now).map(toRecord);
		},
		async delete(kind, id) {
			return remove.run(kind, id).changes > 0;
		},
		async deleteExpired(now) {
			removeExpired.run(now);
		},
		async close() {
			if (db.open) db.close();
		}
	};
}

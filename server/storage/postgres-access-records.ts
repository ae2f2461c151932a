// Access records in the central PostgreSQL database. Every instance reads them from the database, so a
// device removed through one instance is refused by all.
import type { AccessRecord, AccessRecordKind, AccessRecordStore } from './access-record-store';
import { openPostgresSideConnection } from './side-connections';

interface Row {
	kind: AccessRecordKind;
	id: string;
	scope: string;
	data: string;
	expires_at: string;
}

const toRecord = (row: Row): AccessRecord => ({
	kind: row.kind,
	id: row.id,
	scope: row.scope,
	data: row.data,
	expiresAt: Number(row.expires_at)
});

export async function openPostgresAccessRecords(url: string): Promise<AccessRecordStore> {
	const sql = await openPostgresSideConnection(url, async (sql) => {
		await sql`CREATE TABLE IF NOT EXISTS access_records (
			kind TEXT NOT NULL,
			id TEXT NOT NULL,
			scope TEXT NOT NULL,
			data TEXT NOT NULL,
			expires_at BIGINT NOT NULL,
			PRIMARY KEY (kind, id)
		)`;
		await sql`CREATE INDEX IF NOT EXISTS access_records_scope ON access_records (kind, scope)`;
	});

	return {
		async put(record) {
			await sql`
				INSERT INTO access_records (kind, id, scope, data, expires_at)
				VALUES (${record.kind}, ${record.id}, ${record.scope}, ${record.data}, ${record.expiresAt})
				ON CONFLICT (kind, id) DO UPDATE SET
					scope = excluded.scope, data = excluded.data, expires_at = excluded.expires_at`;
		},
		async update(kind, id, data) {
			const result = await sql`
				UPDATE access_records SET data = ${data} WHERE kind = ${kind} AND id = ${id}`;
			return result.count > 0;
		},
		async get(kind, id, now) {
			const rows = await sql<Row[]>`
				SELECT kind, id, scope, data, expires_at FROM access_records
				WHERE kind = ${kind} AND id = ${id} AND expires_at > ${now}`;
			return rows[0] ? toRecord(rows[0]) : null;
		},
		async list(kind, scope, now) {
			const rows = await sql<Row[]>`
				SELECT kind, id, scope, data, expires_at FROM access_records
				WHERE kind = ${kind} AND scope = ${scope} AND expires_at > ${now}
				ORDER BY ctid`;
			return rows.map(toRecord);
		},
		async delete(kind, id) {
			const result = await sql`DELETE FROM access_records WHERE kind = ${kind} AND id = ${id}`;
			return result.count > 0;
		},
		async deleteExpired(now) {
			await sql`DELETE FROM access_records WHERE expires_at <= ${now}`;
		},
		async close() {
			await sql.end({ timeout: 5 });
		}
	};
}

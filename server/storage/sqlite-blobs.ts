// Blobs in the laptop's SQLite file (ADR 20), on a connection of their own like the access records
// (WAL lets it sit beside the document store's). The file is the owner's alone (private-files.ts).
import { municipalityPrefix, type BlobStore } from './blob-store';
import { likePrefix, openSqliteSideConnection } from './side-connections';

export function openSqliteBlobs(file: string): BlobStore {
	const db = openSqliteSideConnection(file);
	db.exec(`CREATE TABLE IF NOT EXISTS blobs (
		scope TEXT NOT NULL,
		sha256 TEXT NOT NULL,
		media_type TEXT NOT NULL,
		data BLOB NOT NULL,
		created_at INTEGER NOT NULL,
		PRIMARY KEY (scope, sha256)
	)`);
	db.exec('CREATE INDEX IF NOT EXISTS blobs_sha256 ON blobs (sha256)');
	const insert = db.prepare<[string, string, string, Uint8Array, number]>(
		`INSERT INTO blobs (scope, sha256, media_type, data, created_at) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (scope, sha256) DO NOTHING`
	);
	const select = db.prepare<[string, string], { media_type: string; data: Uint8Array }>(
		"SELECT media_type, data FROM blobs WHERE sha256 = ? AND scope LIKE ? ESCAPE '\\' LIMIT 1"
	);
	const exists = db.prepare<[string, string], { found: number }>(
		'SELECT 1 AS found FROM blobs WHERE scope = ? AND sha256 = ?'
	);
	const total = db.prepare<[string], { bytes: number }>(
		"SELECT COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM blobs WHERE scope LIKE ? ESCAPE '\\'"
	);
	const remove = db.prepare<[string, string]>(
		"DELETE FROM blobs WHERE scope = ? OR scope LIKE ? ESCAPE '\\'"
	);

	return {
		async put(scope, sha256, mediaType, bytes) {
			return insert.run(scope, sha256, mediaType, bytes, Date.now()).changes > 0;
		},
		async has(scope, sha256) {
			return exists.get(scope, sha256) !== undefined;
		},
		async bytesOf(ars) {
			return total.get(likePrefix(municipalityPrefix(ars)))?.bytes ?? 0;
		},
		async get(ars, sha256) {
			const row = select.get(sha256, likePrefix(municipalityPrefix(ars)));
			return row ? { mediaType: row.media_type, bytes: new Uint8Array(row.data) } : null;
		},
		async deleteScope(scope) {
			return remove.run(scope, likePrefix(`${scope}/`)).changes;
		},
		async close() {
			if (db.open) db.close();
		}
	};
}

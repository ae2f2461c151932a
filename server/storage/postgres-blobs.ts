// Blobs in the central PostgreSQL database (ADR 20): the facilitators' laptops upload their
// municipalities' photos here with the documents.
import { municipalityPrefix, type BlobStore } from './blob-store';
import { likePrefix, openPostgresSideConnection } from './side-connections';

export async function openPostgresBlobs(url: string): Promise<BlobStore> {
	const sql = await openPostgresSideConnection(url, async (sql) => {
		await sql`CREATE TABLE IF NOT EXISTS blobs (
			scope TEXT NOT NULL,
			sha256 TEXT NOT NULL,
			media_type TEXT NOT NULL,
			data BYTEA NOT NULL,
			created_at BIGINT NOT NULL,
			PRIMARY KEY (scope, sha256)
		)`;
		await sql`CREATE INDEX IF NOT EXISTS blobs_sha256 ON blobs (sha256)`;
	});

	return {
		async put(scope, sha256, mediaType, bytes) {
			const inserted = await sql`
				INSERT INTO blobs (scope, sha256, media_type, data, created_at)
				VALUES (${scope}, ${sha256}, ${mediaType}, ${Buffer.from(bytes)}, ${Date.now()})
				ON CONFLICT (scope, sha256) DO NOTHING`;
			return inserted.count > 0;
		},
		async has(scope, sha256) {
			const rows = await sql`SELECT 1 FROM blobs WHERE scope = ${scope} AND sha256 = ${sha256}`;
			return rows.length > 0;
		},
		async bytesOf(ars) {
			const [row] = await sql<{ bytes: string }[]>`
				SELECT COALESCE(SUM(octet_length(data)), 0)::text AS bytes FROM blobs
				WHERE scope LIKE ${likePrefix(municipalityPrefix(ars))}`;
			return Number(row?.bytes ?? 0);
		},
		async get(ars, sha256) {
			const rows = await sql<{ media_type: string; data: Buffer }[]>`
				SELECT media_type, data FROM blobs
				WHERE sha256 = ${sha256} AND scope LIKE ${likePrefix(municipalityPrefix(ars))}
				LIMIT 1`;
			const row = rows[0];
			return row ? { mediaType: row.media_type, bytes: new Uint8Array(row.data) } : null;
		},
		async deleteScope(scope) {
			const deleted = await sql`
				DELETE FROM blobs WHERE scope = ${scope} OR scope LIKE ${likePrefix(`${scope}/`)}`;
			return deleted.count;
		},
		async close() {
			await sql.end({ timeout: 5 });
		}
	};
}

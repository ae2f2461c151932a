// The central store: PostgreSQL through postgres.js. Documents are independent rows, so instances can be
// sharded by document name later without a schema change.
import postgres from 'postgres';
import { enclosingScopes } from '../../src/lib/domain/deletion';
import { toBuffer } from './bytes';
import { DocumentDeletedError, type DocumentStore, type StoredDocument } from './document-store';

/**
 * Stores take this advisory lock shared, deletions exclusive: under READ COMMITTED a store running
 * beside a deletion could otherwise miss its tombstone, and the deletion miss the stored row, and the
 * document would come back. Deletions are rare; stores of different documents never wait for each other.
 */
const DELETION_LOCK = 0x6b770011;

interface Row {
	state: Buffer;
	state_vector: Buffer;
	updated_at: Date;
}

export async function openPostgresStore(url: string): Promise<DocumentStore> {
	const sql = postgres(url, {
		max: 10,
		// Notices ("relation already exists, skipping") are not worth a log line.
		onnotice: () => {},
		connect_timeout: 10
	});
	try {
		await sql`CREATE TABLE IF NOT EXISTS documents (
			name TEXT PRIMARY KEY,
			state BYTEA NOT NULL,
			state_vector BYTEA NOT NULL,
			updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
		)`;
		await sql`CREATE TABLE IF NOT EXISTS deleted_scopes (
			scope TEXT PRIMARY KEY,
			deleted_at TIMESTAMPTZ NOT NULL DEFAULT now()
		)`;
	} catch (error) {
		await sql.end({ timeout: 1 });
		throw error;
	}

	const tombstoneOf = async (tx: postgres.Sql | postgres.TransactionSql, name: string) => {
		const rows = await tx<{ scope: string }[]>`
			SELECT scope FROM deleted_scopes WHERE scope = ANY(${enclosingScopes(name)})
			ORDER BY length(scope) LIMIT 1`;
		return rows[0]?.scope ?? null;
	};

	return {
		kind: 'postgres',
		async load(name): Promise<StoredDocument | null> {
			const rows = await sql<Row[]>`
				SELECT state, state_vector, updated_at FROM documents WHERE name = ${name}`;
			const row = rows[0];
			if (!row) return null;
			return {
				state: new Uint8Array(row.state),
				stateVector: new Uint8Array(row.state_vector),
				updatedAt: row.updated_at
			};
		},
		async store(name, state, stateVector) {
			await sql.begin(async (tx) => {
				await tx`SELECT pg_advisory_xact_lock_shared(${DELETION_LOCK})`;
				const deleted = await tombstoneOf(tx, name);
				if (deleted !== null) throw new DocumentDeletedError(deleted);
				await tx`
					INSERT INTO documents (name, state, state_vector, updated_at)
					VALUES (${name}, ${toBuffer(state)}, ${toBuffer(stateVector)}, now())
					ON CONFLICT (name) DO UPDATE SET
						state = excluded.state,
						state_vector = excluded.state_vector,
						updated_at = excluded.updated_at`;
			});
		},
		async deleteScope(scope) {
			return sql.begin(async (tx) => {
				await tx`SELECT pg_advisory_xact_lock(${DELETION_LOCK})`;
				// starts_with, not LIKE: '_' in an id would be a LIKE wildcard.
				const rows = await tx<{ name: string }[]>`
					DELETE FROM documents WHERE name = ${scope} OR starts_with(name, ${`${scope}/`})
					RETURNING name`;
				await tx`INSERT INTO deleted_scopes (scope) VALUES (${scope}) ON CONFLICT (scope) DO NOTHING`;
				return rows.map((row) => row.name).sort();
			});
		},
		deletedScopeOf: (name) => tombstoneOf(sql, name),
		async close() {
			await sql.end({ timeout: 5 });
		}
	};
}

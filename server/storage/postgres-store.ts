// The central store: PostgreSQL through postgres.js. Documents are independent rows, so instances can be
// sharded by document name later without a schema change (DESIGN.md §1).
import postgres from 'postgres';
import { toBuffer } from './bytes';
import type { DocumentStore, StoredDocument } from './document-store';

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
	} catch (error) {
		await sql.end({ timeout: 1 });
		throw error;
	}

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
				await tx`
					INSERT INTO documents (name, state, state_vector, updated_at)
					VALUES (${name}, ${toBuffer(state)}, ${toBuffer(stateVector)}, now())
					ON CONFLICT (name) DO UPDATE SET
						state = excluded.state,
						state_vector = excluded.state_vector,
						updated_at = excluded.updated_at`;
			});
		},
		async close() {
			await sql.end({ timeout: 5 });
		}
	};
}

// The central store: PostgreSQL through postgres.js. Documents are independent rows, so instances can be
// sharded by document name later without a schema change. The server appends increments (ADR 18);
// once they are many or large beside the state, they are merged into it: the rows are read and
// written through the asynchronous driver, the merge runs on a worker thread (merge-worker.mjs).
import { Worker } from 'node:worker_threads';
import postgres from 'postgres';
import { enclosingScopes } from '../../src/lib/domain/deletion';
import { toBuffer } from './bytes';
import * as Y from 'yjs';
import { DocumentDeletedError, type DocumentStore, type StoredDocument } from './document-store';
import { DEFAULT_COMPACTION } from './sqlite-store';
import type { Compaction } from './sqlite-tables';

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

export async function openPostgresStore(
	url: string,
	compaction: Compaction = DEFAULT_COMPACTION
): Promise<DocumentStore> {
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
		await sql`CREATE TABLE IF NOT EXISTS document_updates (
			seq BIGSERIAL PRIMARY KEY,
			name TEXT NOT NULL,
			data BYTEA NOT NULL,
			created_at TIMESTAMPTZ NOT NULL DEFAULT now()
		)`;
		await sql`CREATE INDEX IF NOT EXISTS document_updates_name ON document_updates (name, seq)`;
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

	/** Messages of merge-worker.mjs. */
	type MergeRequest = { id: number; state: Uint8Array | null; updates: Uint8Array[] };
	type MergeResponse = { id: number; state: Uint8Array; stateVector: Uint8Array };
	let merger: Worker | null = null;
	let nextMerge = 1;
	const merges = new Map<number, (response: MergeResponse) => void>();
	const merge = (state: Uint8Array | null, updates: Uint8Array[]): Promise<MergeResponse> => {
		if (!merger) {
			merger = new Worker(new URL('./merge-worker.mjs', import.meta.url));
			merger.on('message', (response: MergeResponse) => {
				merges.get(response.id)?.(response);
				merges.delete(response.id);
			});
			merger.unref();
		}
		const id = nextMerge++;
		const request: MergeRequest = { id, state, updates };
		return new Promise((resolve) => {
			merges.set(id, resolve);
			merger!.postMessage(request);
		});
	};
	const compacting = new Set<string>();

	/** State and increments as one snapshot (REPEATABLE READ), and the last increment's seq. */
	const readParts = (name: string) =>
		sql.begin('ISOLATION LEVEL REPEATABLE READ', async (tx) => {
			const [base] = await tx<Row[]>`
				SELECT state, state_vector, updated_at FROM documents WHERE name = ${name}`;
			const updates = await tx<{ seq: string; data: Buffer; created_at: Date }[]>`
				SELECT seq, data, created_at FROM document_updates WHERE name = ${name} ORDER BY seq`;
			return { base, updates };
		});

	/** Names whose increments grew past the threshold again while they were being merged. */
	const again = new Set<string>();

	async function compact(name: string): Promise<void> {
		if (compacting.has(name)) return void again.add(name);
		compacting.add(name);
		try {
			const { base, updates } = await readParts(name);
			const last = updates[updates.length - 1];
			if (!last) return;
			const merged = await merge(
				base ? new Uint8Array(base.state) : null,
				updates.map((row) => new Uint8Array(row.data))
			);
			await sql.begin(async (tx) => {
				await tx`SELECT pg_advisory_xact_lock_shared(${DELETION_LOCK})`;
				// Deleted while merging: the deletion is the last word, nothing comes back.
				if ((await tombstoneOf(tx, name)) !== null) return;
				await tx`
					INSERT INTO documents (name, state, state_vector, updated_at)
					VALUES (${name}, ${toBuffer(merged.state)}, ${toBuffer(merged.stateVector)},
						${last.created_at})
					ON CONFLICT (name) DO UPDATE SET
						state = excluded.state,
						state_vector = excluded.state_vector,
						updated_at = excluded.updated_at`;
				await tx`DELETE FROM document_updates WHERE name = ${name} AND seq <= ${last.seq}`;
			});
		} finally {
			compacting.delete(name);
			if (again.delete(name) && (await dueForCompaction(name).catch(() => false))) {
				await compact(name);
			}
		}
	}

	async function dueForCompaction(name: string): Promise<boolean> {
		const [totals] = await sql<{ count: number; bytes: number; base: number }[]>`
			SELECT count(*)::int AS count, coalesce(sum(length(data)), 0)::float8 AS bytes,
				coalesce((SELECT length(state) FROM documents WHERE name = ${name}), 0)::float8 AS base
			FROM document_updates WHERE name = ${name}`;
		if (!totals || totals.count === 0) return false;
		return (
			totals.count >= compaction.maxUpdates ||
			totals.bytes >= Math.max(compaction.minBytes, totals.base * compaction.stateShare)
		);
	}

	/** In the background: a failed merge leaves state and increments, which load as before. */
	const compactLater = (name: string) => void compact(name).catch(() => undefined);

	return {
		kind: 'postgres',
		async load(name): Promise<StoredDocument | null> {
			const { base, updates } = await readParts(name);
			if (updates.length === 0) {
				if (!base) return null;
				return {
					state: new Uint8Array(base.state),
					stateVector: new Uint8Array(base.state_vector),
					updatedAt: base.updated_at
				};
			}
			// Increments not merged yet: the document is the state plus every one of them.
			const doc = new Y.Doc();
			if (base) Y.applyUpdateV2(doc, base.state);
			for (const update of updates) Y.applyUpdateV2(doc, update.data);
			const stored = {
				state: Y.encodeStateAsUpdateV2(doc),
				stateVector: Y.encodeStateVector(doc),
				updatedAt: updates[updates.length - 1]!.created_at
			};
			doc.destroy();
			compactLater(name);
			return stored;
		},
		async append(name, update) {
			await sql.begin(async (tx) => {
				await tx`SELECT pg_advisory_xact_lock_shared(${DELETION_LOCK})`;
				const deleted = await tombstoneOf(tx, name);
				if (deleted !== null) throw new DocumentDeletedError(deleted);
				await tx`INSERT INTO document_updates (name, data) VALUES (${name}, ${toBuffer(update)})`;
			});
			if (await dueForCompaction(name).catch(() => false)) compactLater(name);
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
				// A whole state replaces whatever was appended before it.
				await tx`DELETE FROM document_updates WHERE name = ${name}`;
			});
		},
		async deleteScope(scope) {
			return sql.begin(async (tx) => {
				await tx`SELECT pg_advisory_xact_lock(${DELETION_LOCK})`;
				// starts_with, not LIKE: '_' in an id would be a LIKE wildcard.
				const rows = await tx<{ name: string }[]>`
					DELETE FROM documents WHERE name = ${scope} OR starts_with(name, ${`${scope}/`})
					RETURNING name`;
				const appended = await tx<{ name: string }[]>`
					DELETE FROM document_updates WHERE name = ${scope} OR starts_with(name, ${`${scope}/`})
					RETURNING name`;
				await tx`INSERT INTO deleted_scopes (scope) VALUES (${scope}) ON CONFLICT (scope) DO NOTHING`;
				return [...new Set([...rows, ...appended].map((row) => row.name))].sort();
			});
		},
		deletedScopeOf: (name) => tombstoneOf(sql, name),
		async close() {
			await merger?.terminate();
			await sql.end({ timeout: 5 });
		}
	};
}

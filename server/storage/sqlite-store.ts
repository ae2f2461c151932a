// The laptop's embedded store: one SQLite file under DATA_DIR (0700, the files 0600; ADR 16), no setup.
// better-sqlite3 is synchronous, so every write (an appended increment, a whole state, a deletion, the
// merge of increments into the state, WAL checkpoints) runs on a writer thread with its own connection
// (sqlite-writer.mjs, ADR 18); this thread only reads, which in WAL mode never waits for the writer.
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { enclosingScopes } from '../../src/lib/domain/deletion';
import { DocumentDeletedError, type DocumentStore, type StoredDocument } from './document-store';
import { narrowDatabaseFiles, preparePrivateDatabaseFile } from './private-files';
import {
	openSqliteTables,
	type Compaction,
	type WriteRequest,
	type WriteResponse
} from './sqlite-tables';

export const SQLITE_FILE_NAME = 'kommunalwerkstatt.sqlite';

/**
 * Merge after 200 increments, or once they hold 1 MiB and a quarter of the state: a large board's
 * merge (seconds of the writer's time) then runs once for every quarter it grew, not on every store.
 */
export const DEFAULT_COMPACTION: Compaction = {
	maxUpdates: 200,
	minBytes: 1024 * 1024,
	stateShare: 0.25
};

interface StateRow {
	state: Buffer;
	state_vector: Buffer;
	updated_at: number;
}

type Request = WriteRequest extends infer R
	? R extends { id: number }
		? Omit<R, 'id'>
		: never
	: never;

export function openSqliteStore(
	file: string,
	compaction: Compaction = DEFAULT_COMPACTION
): DocumentStore {
	preparePrivateDatabaseFile(file);
	const db = new Database(file);
	openSqliteTables(db);
	// WAL has opened its -wal and -shm files by now; ones restored from a copy may be wider.
	narrowDatabaseFiles(file);
	const selectState = db.prepare<[string], StateRow>(
		'SELECT state, state_vector, updated_at FROM documents WHERE name = ?'
	);
	const selectUpdates = db.prepare<[string], { data: Buffer; created_at: number }>(
		'SELECT data, created_at FROM document_updates WHERE name = ? ORDER BY seq'
	);
	// The scopes of a name as a JSON array: one statement whatever the name's depth.
	const findTombstone = db.prepare<[string], { scope: string }>(
		'SELECT scope FROM deleted_scopes WHERE scope IN (SELECT value FROM json_each(?)) ORDER BY length(scope) LIMIT 1'
	);
	const tombstoneOf = (name: string): string | null =>
		findTombstone.get(JSON.stringify(enclosingScopes(name)))?.scope ?? null;

	let writer: Worker | null = null;
	let nextId = 1;
	const waiting = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (e: Error) => void }
	>();

	function startWriter(): Worker {
		const worker = new Worker(new URL('./sqlite-writer.mjs', import.meta.url), {
			workerData: { file, compaction }
		});
		worker.on('message', (response: WriteResponse) => {
			const entry = waiting.get(response.id);
			if (!entry) return;
			waiting.delete(response.id);
			if (response.ok) entry.resolve(response.result);
			else if (response.error.scope !== undefined) {
				entry.reject(new DocumentDeletedError(response.error.scope));
			} else entry.reject(new Error(response.error.message));
		});
		worker.on('error', (error) => failAll(error));
		worker.on('exit', () => {
			writer = null;
			failAll(new Error('the SQLite writer stopped'));
		});
		return worker;
	}

	function failAll(error: Error): void {
		for (const entry of waiting.values()) entry.reject(error);
		waiting.clear();
	}

	function send<T>(request: Request): Promise<T> {
		writer ??= startWriter();
		const id = nextId++;
		return new Promise<T>((resolve, reject) => {
			waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
			writer!.postMessage({ ...request, id });
		});
	}

	// Started now, not with the first write: the first store after a start must not wait for it.
	writer = startWriter();

	return {
		kind: 'sqlite',
		async load(name): Promise<StoredDocument | null> {
			// One read transaction: the state and the increments after it, as one snapshot of the file.
			const read = db.transaction(() => ({
				base: selectState.get(name),
				updates: selectUpdates.all(name)
			}));
			let { base, updates } = read();
			if (updates.length > 0) {
				// Increments not merged yet (a crash or a stop before the writer got to them): the writer
				// merges them into the state now, off the event loop (seconds for a large document), and
				// the merged state is read back. Should that fail, they are merged here, as applying them
				// would anyway.
				try {
					await send({ op: 'merge', name, scopes: enclosingScopes(name) });
					({ base, updates } = read());
				} catch {
					// Merged below.
				}
			}
			if (updates.length === 0) {
				if (!base) return null;
				return {
					state: new Uint8Array(base.state),
					stateVector: new Uint8Array(base.state_vector),
					updatedAt: new Date(base.updated_at)
				};
			}
			const doc = new Y.Doc();
			if (base) Y.applyUpdateV2(doc, base.state);
			for (const update of updates) Y.applyUpdateV2(doc, update.data);
			const stored = {
				state: Y.encodeStateAsUpdateV2(doc),
				stateVector: Y.encodeStateVector(doc),
				updatedAt: new Date(updates[updates.length - 1]!.created_at)
			};
			doc.destroy();
			return stored;
		},
		async store(name, state, stateVector) {
			await send({ op: 'store', name, scopes: enclosingScopes(name), state, stateVector });
		},
		async append(name, update) {
			await send({ op: 'append', name, scopes: enclosingScopes(name), update });
		},
		async deleteScope(scope) {
			return send<string[]>({ op: 'deleteScope', scope });
		},
		async deletedScopeOf(name) {
			return tombstoneOf(name);
		},
		async close() {
			if (writer) {
				await send({ op: 'close' }).catch(() => undefined);
				await writer?.terminate();
			}
			if (db.open) db.close();
		}
	};
}

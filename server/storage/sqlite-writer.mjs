// The SQLite store's writer (ADR 18, H7): a worker thread with its own connection that does every write
// of documents, so no write, compaction or WAL checkpoint of a large document ever runs on the server's
// event loop. The main thread reads (WAL: readers never wait for the writer) and sends writes here; this
// thread takes them one at a time, in order.
//
// append   adds an increment (a V2 update) to `document_updates`, in one transaction with the
//          tombstone check. Afterwards, once a document's increments are many or large beside its
//          state, they are compacted.
// compact  applies the stored state and every increment up to the last one read to a fresh Y.Doc and
//          writes its state in place of them, in one transaction that also checks the tombstone: a
//          crash before it commits leaves state and increments as they were, one after it leaves the
//          merged state; either loads as the same document.
// merge    the same at once, answered when done: a load that finds increments waits for it, so their
//          merge (seconds for a large document) runs here rather than on the server's event loop.
//
// Plain JavaScript with only yjs and better-sqlite3, so the thread starts in milliseconds without the
// TypeScript loader; the main thread created the tables and sends each name's enclosing scopes along
// (the tombstone check). Messages: sqlite-tables.ts (WriteRequest, WriteResponse).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

/** @type {{ file: string, compaction: import('./sqlite-tables').Compaction }} */
const { file, compaction } = workerData;
const db = new Database(file);
// The main thread's settings are per connection: FULL, so a committed write survives a power cut.
db.pragma('synchronous = FULL');

/** @param {Uint8Array} bytes a Buffer over exactly these bytes, without a copy */
const toBuffer = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const findTombstone = db.prepare(
	'SELECT scope FROM deleted_scopes WHERE scope IN (SELECT value FROM json_each(?)) ORDER BY length(scope) LIMIT 1'
);
/** @param {string[]} scopes a name's enclosing scopes (src/lib/domain/deletion.ts) */
const tombstoneOf = (scopes) => findTombstone.get(JSON.stringify(scopes))?.scope ?? null;
const upsert = db.prepare(
	`INSERT INTO documents (name, state, state_vector, updated_at) VALUES (?, ?, ?, ?)
	 ON CONFLICT (name) DO UPDATE SET
	   state = excluded.state, state_vector = excluded.state_vector, updated_at = excluded.updated_at`
);
const insertUpdate = db.prepare(
	'INSERT INTO document_updates (name, data, created_at) VALUES (?, ?, ?)'
);
const deleteUpdatesUpTo = db.prepare('DELETE FROM document_updates WHERE name = ? AND seq <= ?');
const updateTotals = db.prepare(
	'SELECT count(*) AS count, coalesce(sum(length(data)), 0) AS bytes FROM document_updates WHERE name = ?'
);
const stateBytes = db.prepare('SELECT length(state) AS bytes FROM documents WHERE name = ?');
const selectState = db.prepare('SELECT state FROM documents WHERE name = ?');
const selectUpdates = db.prepare(
	'SELECT seq, data, created_at FROM document_updates WHERE name = ? ORDER BY seq'
);
// substr, not LIKE: '_' in an id would be a LIKE wildcard.
const namesUnder = db.prepare(
	`SELECT name FROM documents WHERE name = ? OR substr(name, 1, ?) = ?
	 UNION SELECT name FROM document_updates WHERE name = ? OR substr(name, 1, ?) = ?
	 ORDER BY name`
);
const deleteNamed = db.prepare('DELETE FROM documents WHERE name = ?');
const deleteNamedUpdates = db.prepare('DELETE FROM document_updates WHERE name = ?');
const insertTombstone = db.prepare(
	'INSERT INTO deleted_scopes (scope, deleted_at) VALUES (?, ?) ON CONFLICT (scope) DO NOTHING'
);

class Deleted extends Error {
	/** @param {string} scope */
	constructor(scope) {
		super('deleted');
		this.scope = scope;
	}
}

const writeState = db.transaction((name, scopes, state, stateVector) => {
	const deleted = tombstoneOf(scopes);
	if (deleted !== null) throw new Deleted(deleted);
	upsert.run(name, toBuffer(state), toBuffer(stateVector), Date.now());
	// A whole state replaces whatever was appended before it.
	deleteNamedUpdates.run(name);
});

const append = db.transaction((name, scopes, update) => {
	const deleted = tombstoneOf(scopes);
	if (deleted !== null) throw new Deleted(deleted);
	insertUpdate.run(name, toBuffer(update), Date.now());
});

const replaceWithMerged = db.transaction((name, scopes, state, stateVector, lastSeq, at) => {
	// Deleted while merging: the deletion is the last word, nothing comes back.
	if (tombstoneOf(scopes) !== null) return;
	upsert.run(name, toBuffer(state), toBuffer(stateVector), at);
	deleteUpdatesUpTo.run(name, lastSeq);
});

const remove = db.transaction((scope) => {
	const prefix = `${scope}/`;
	const names = namesUnder
		.all(scope, prefix.length, prefix, scope, prefix.length, prefix)
		.map((row) => row.name);
	for (const name of names) {
		deleteNamed.run(name);
		deleteNamedUpdates.run(name);
	}
	insertTombstone.run(scope, Date.now());
	return names;
});

/** Whether a document's increments are worth merging now: many, or large beside its state. */
function dueForCompaction(name) {
	const { count, bytes } = updateTotals.get(name);
	if (count === 0) return false;
	const base = stateBytes.get(name)?.bytes ?? 0;
	return (
		count >= compaction.maxUpdates ||
		bytes >= Math.max(compaction.minBytes, base * compaction.stateShare)
	);
}

/**
 * Merges the stored state and its increments into one state. Reads outside the write transaction
 * (only this thread writes documents, so nothing changes between), and the merge, which takes seconds
 * for a large document, holds no lock.
 */
function compact(name, scopes) {
	const rows = selectUpdates.all(name);
	if (rows.length === 0) return;
	const doc = new Y.Doc();
	const base = selectState.get(name);
	if (base) Y.applyUpdateV2(doc, base.state);
	for (const row of rows) Y.applyUpdateV2(doc, row.data);
	const state = Y.encodeStateAsUpdateV2(doc);
	const stateVector = Y.encodeStateVector(doc);
	doc.destroy();
	const last = rows[rows.length - 1];
	replaceWithMerged(name, scopes, state, stateVector, last.seq, last.created_at);
}

/** Names waiting for a merge, with their scopes. */
const pendingCompactions = new Map();

function scheduleCompaction(name, scopes) {
	if (pendingCompactions.has(name)) return;
	pendingCompactions.set(name, scopes);
	// After the answer and after any write already queued: a compaction never delays an append's answer.
	setImmediate(() => {
		const scopes = pendingCompactions.get(name);
		if (!pendingCompactions.delete(name) || !db.open) return;
		try {
			compact(name, scopes);
		} catch (error) {
			// The increments stay and load as before; the next append tries again.
			parentPort.postMessage({ id: -1, ok: false, error: describe(error) });
		}
	});
}

function describe(error) {
	if (error instanceof Deleted) return { message: error.message, scope: error.scope };
	return { message: error instanceof Error ? error.message : String(error) };
}

parentPort.on('message', (/** @type {import('./sqlite-tables').WriteRequest} */ request) => {
	try {
		let result = null;
		switch (request.op) {
			case 'store':
				writeState(request.name, request.scopes, request.state, request.stateVector);
				break;
			case 'append':
				append(request.name, request.scopes, request.update);
				if (dueForCompaction(request.name)) scheduleCompaction(request.name, request.scopes);
				break;
			case 'compact':
				scheduleCompaction(request.name, request.scopes);
				break;
			case 'merge':
				// A load waits for this merge: done now, in place of any merge scheduled for later.
				pendingCompactions.delete(request.name);
				compact(request.name, request.scopes);
				break;
			case 'deleteScope':
				result = remove(request.scope);
				break;
			case 'close':
				// Increments not yet merged stay and load as they are; the next start merges them.
				pendingCompactions.clear();
				db.close();
				break;
		}
		parentPort.postMessage({ id: request.id, ok: true, result });
	} catch (error) {
		parentPort.postMessage({ id: request.id, ok: false, error: describe(error) });
	}
});

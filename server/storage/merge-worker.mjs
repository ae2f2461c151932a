// Merges a stored state and its increments into one state on a worker thread (ADR 18, H7): for a large
// document that takes seconds, which the central server's event loop must not spend. PostgreSQL's store
// reads and writes the rows itself (its driver is asynchronous); only the merge runs here. Plain
// JavaScript with only yjs, so the thread starts without the TypeScript loader.
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

parentPort.on(
	'message',
	(/** @type {{ id: number, state: Uint8Array | null, updates: Uint8Array[] }} */ request) => {
		const doc = new Y.Doc();
		if (request.state) Y.applyUpdateV2(doc, request.state);
		for (const update of request.updates) Y.applyUpdateV2(doc, update);
		const state = Y.encodeStateAsUpdateV2(doc);
		const stateVector = Y.encodeStateVector(doc);
		doc.destroy();
		parentPort.postMessage({ id: request.id, state, stateVector }, [state.buffer]);
	}
);

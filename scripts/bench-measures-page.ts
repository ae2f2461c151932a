// Bundled for the page by scripts/bench-measures.ts (pageScript): what the baseline needs in the tab that
// has just rendered the roadmap or the plan. The project's own Yjs and board readers, so "reading the
// measures from the document" is the same code the app runs, built the same way.
import * as Y from 'yjs';
import { readActionFields } from '../src/lib/crdt/workshop-action-fields';
import { readMeasures } from '../src/lib/crdt/workshop-measures';

/** y-indexeddb's rows of one document's database (its object store `updates`); never creates one. */
export function readRows(name: string): Promise<Uint8Array[]> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open(name);
		open.onupgradeneeded = () => open.transaction?.abort();
		open.onerror = () => reject(open.error ?? new Error(`cannot open ${name}`));
		open.onsuccess = () => {
			const db = open.result;
			const reading = db.transaction('updates', 'readonly').objectStore('updates').getAll();
			reading.onsuccess = () => {
				db.close();
				resolve(reading.result as Uint8Array[]);
			};
			reading.onerror = () => reject(reading.error);
		};
	});
}

/**
 * Milliseconds of each of `repeats` reads of the board: its merged bytes applied to a fresh document,
 * then its measures, status changes and Handlungsfelder read as the app reads them. Merging the stored
 * rows is not timed: the app keeps them merged (it compacts on open).
 */
export async function timeReading(name: string, repeats: number): Promise<number[]> {
	const merged = Y.mergeUpdates(await readRows(name));
	const times: number[] = [];
	let count = 0;
	for (let r = 0; r < repeats; r++) {
		const start = performance.now();
		const doc = new Y.Doc();
		Y.applyUpdate(doc, merged);
		const read = readMeasures(doc);
		count += read.measures.length + read.changes.length + readActionFields(doc).fields.length;
		times.push(performance.now() - start);
	}
	if (count === 0) throw new Error(`${name} holds no measures`);
	return times;
}

// The part of a document the convergence harness edits, in a form two replicas can be compared by.
import * as Y from 'yjs';

export interface Content {
	map: [string, unknown][];
	array: unknown[];
	text: string;
}

/** The document's content, in an order that does not depend on the order in which updates arrived. */
export function contentOf(doc: Y.Doc): Content {
	const map = [...doc.getMap<unknown>('entries').entries()].sort(([a], [b]) => compare(a, b));
	return {
		map,
		array: doc.getArray<unknown>('list').toArray(),
		text: doc.getText('text').toString()
	};
}

export function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

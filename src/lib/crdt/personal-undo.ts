// Undo and redo per person (PRODUCT.md §3.3, RELIABILITY.md entry 16). The undo stack records only
// this device's own changes: local writes are transactions without an origin, while the server's
// provider, IndexedDB and the tab relay apply theirs with an origin of their own, which the stack
// ignores. So undo reverts my last change and never somebody else's.
//
// The rule when someone changed the same value after me (SPEC.md S16): undo of
// my change leaves their value in place. A map value I set that someone has since replaced is not
// restored by Yjs' undo, because a newer entry from another client sits to its right; my undo then
// changes nothing on that key. Redo restores what my undo reverted.
//
// Yjs' undo() goes on to older steps while a step changes nothing. That would make one Ctrl+Z take
// back an earlier change of mine the user did not mean (say, removing a card whose text someone has
// since edited). undoLast/redoLast try the last step only; a step others have wholly replaced is
// dropped, and the page says nothing was taken back.

import * as Y from 'yjs';
import { rootMap, type ROOT_KEYS } from './schema';

/** Changes within this many milliseconds are one undo step (typing a card's text, a drag). */
const CAPTURE_MS = 500;

export type UndoRoot = (typeof ROOT_KEYS)[keyof typeof ROOT_KEYS];

export function personalUndo(doc: Y.Doc, roots: readonly UndoRoot[]): Y.UndoManager {
	const scope = roots.flatMap((key) => {
		const map = rootMap(doc, key);
		return map === null ? [] : [map];
	});
	return new Y.UndoManager(scope, { trackedOrigins: new Set([null]), captureTimeout: CAPTURE_MS });
}

/** Undoes my last step only (see above). Returns whether anything changed. */
export function undoLast(manager: Y.UndoManager): boolean {
	const older = manager.undoStack.slice(0, -1);
	if (manager.undoStack.length === 0) return false;
	manager.undoStack = manager.undoStack.slice(-1);
	try {
		return manager.undo() !== null;
	} finally {
		// Empty now either way: popped and performed (its redo step went to redoStack), or dropped.
		manager.undoStack = [...older, ...manager.undoStack];
	}
}

/** Redoes my last undone step only. Returns whether anything changed. */
export function redoLast(manager: Y.UndoManager): boolean {
	const older = manager.redoStack.slice(0, -1);
	if (manager.redoStack.length === 0) return false;
	manager.redoStack = manager.redoStack.slice(-1);
	try {
		return manager.redo() !== null;
	} finally {
		manager.redoStack = [...older, ...manager.redoStack];
	}
}

// Undo and redo per person (ADR 9, SPEC.md S16). A change this person makes on a page is written in
// one transaction whose origin is an `OwnChange`, which carries what the change was (the step). The
// undo manager of a document tracks only those transactions (and its own undo and redo): the
// server's provider, IndexedDB, the tab relay, a reveal's copies and a device's other writes apply
// with origins of their own and never enter the stack. So undo reverts my last change and never
// somebody else's.
//
// The rule when someone changed the same value after me: undo of my change leaves their value in
// place. A map value I set that someone has since replaced is not restored by Yjs' undo, because a
// newer entry from another client sits to its right; my undo then changes nothing on that key. Redo
// restores what my undo reverted.
//
// Yjs' undo() goes on to older steps while a step changes nothing. That would make one Ctrl+Z take
// back an earlier change of mine the user did not mean (say, removing a card whose text someone has
// since edited). undoLast/redoLast try the last step only; a step others have wholly replaced is
// dropped, and the page says nothing was taken back.

import * as Y from 'yjs';
import { rootMap, type ROOT_KEYS } from './schema';

/** The stack item's metadata key under which the step travels from undo to redo and back. */
const STEP = 'step';

/**
 * The origin of a transaction this person made and may undo: the step it records. Its class, not one
 * instance, is what the undo manager tracks.
 */
export class OwnChange<Step> {
	constructor(readonly step: Step) {}
}

/** Applies `change` as one undoable step of this person. */
export function writeOwn<Step>(doc: Y.Doc, step: Step, change: (doc: Y.Doc) => void): void {
	doc.transact(() => change(doc), new OwnChange(step));
}

export type UndoRoot = (typeof ROOT_KEYS)[keyof typeof ROOT_KEYS];

/**
 * An undo manager over `roots` of `doc` that records only `OwnChange` transactions, one step each (no
 * time window: a change is one transaction), with the step as the stack item's metadata; an undo's
 * redo item (and a redo's undo item) carries the same step.
 */
export function personalUndo(doc: Y.Doc, roots: readonly UndoRoot[]): Y.UndoManager {
	const scope = roots.flatMap((key) => {
		const map = rootMap(doc, key);
		return map === null ? [] : [map];
	});
	const manager = new Y.UndoManager(scope, {
		doc,
		trackedOrigins: new Set([OwnChange]),
		captureTimeout: 0
	});
	manager.on('stack-item-added', ({ stackItem, origin }) => {
		// Yjs adds the undo manager itself to the tracked origins: then this item is the reverse of
		// the one being undone or redone, which is `currStackItem` during that transaction.
		const step = origin instanceof OwnChange ? origin.step : manager.currStackItem?.meta.get(STEP);
		stackItem.meta.set(STEP, step);
	});
	return manager;
}

/** The step a stack item records (see personalUndo). */
function stepOf<Step>(item: { meta: Map<unknown, unknown> } | undefined): Step | undefined {
	return item?.meta.get(STEP) as Step | undefined;
}

/** Undoes my last step only (see above). Returns the step if anything changed, else null. */
export function undoLast<Step>(manager: Y.UndoManager): Step | null {
	const older = manager.undoStack.slice(0, -1);
	if (manager.undoStack.length === 0) return null;
	manager.undoStack = manager.undoStack.slice(-1);
	try {
		const done = manager.undo();
		return done === null ? null : (stepOf<Step>(done) ?? null);
	} finally {
		// Empty now either way: popped and performed (its redo step went to redoStack), or dropped.
		manager.undoStack = [...older, ...manager.undoStack];
	}
}

/** Redoes my last undone step only. Returns the step if anything changed, else null. */
export function redoLast<Step>(manager: Y.UndoManager): Step | null {
	const older = manager.redoStack.slice(0, -1);
	if (manager.redoStack.length === 0) return null;
	manager.redoStack = manager.redoStack.slice(-1);
	try {
		const done = manager.redo();
		return done === null ? null : (stepOf<Step>(done) ?? null);
	} finally {
		manager.redoStack = [...older, ...manager.redoStack];
	}
}

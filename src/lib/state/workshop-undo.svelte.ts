// Undo and redo per person on a workshop's pages (ADR 9, SPEC.md S16): the buttons and Ctrl+Z /
// Ctrl+Shift+Z revert this device's own last change (a card, a group, an agenda block, a note, a
// Handlungsfeld, a matrix score) and never somebody else's. The state classes write each such change
// with `undoable`, which names the step; this class holds one Y.UndoManager per document (the agenda
// is in the control document, the rest on the board: an UndoManager covers one document) and undoes
// whichever holds the newest step, so the two stacks act as one. The stacks live while a page uses
// this object and hold both documents open meanwhile; they start empty on every visit.

import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { OwnChange, personalUndo, redoLast, undoLast, writeOwn } from '../crdt/personal-undo';
import { ROOT_KEYS } from '../crdt/schema';
import type { DocumentHandle } from '../sync/open-document';
import { appErrorOf, type AppErrorCode } from './app-error';

/** What a step did, for the notice ("… rückgängig gemacht"). */
export type UndoKind =
	| 'add'
	| 'edit'
	| 'move'
	| 'merge'
	| 'remove'
	/** The facilitator brought back what someone removed (ADR 21). */
	| 'restore'
	| 'dissolve'
	| 'link'
	| 'unlink'
	| 'score'
	| 'template';

/** One undoable change as the person saw it; kept as the undo stack item's metadata. */
export interface UndoStep {
	kind: UndoKind;
	/** What it was about: a card's text, a group's, block's or Handlungsfeld's name, a note's text. */
	label: string;
	/** Where a moved card went: the group's name, null for none. */
	to?: string | null;
	/** The record whose control gets the focus once the step is undone or redone, if any. */
	focus: string | null;
}

/** `change` written as one undoable step of this person. */
export const undoable =
	(step: UndoStep, change: (doc: Y.Doc) => void) =>
	(doc: Y.Doc): void =>
		writeOwn(doc, step, change);

/**
 * What a person undoes per document; the roster, presence, run, timer, votes and a measure's status
 * history (kept for good, ADR 17) are not undone.
 */
const ROOTS = {
	control: [ROOT_KEYS.agenda],
	board: [
		ROOT_KEYS.cards,
		ROOT_KEYS.clusters,
		ROOT_KEYS.notes,
		ROOT_KEYS.matrix,
		ROOT_KEYS.actionFields,
		ROOT_KEYS.actionFieldLinks,
		ROOT_KEYS.measures,
		ROOT_KEYS.photos
	]
} as const;

/** The stack item's metadata key of the order in which steps entered the stacks. */
const SEQUENCE = 'sequence';

/** The last thing done: a change of mine, or an undo or redo of one. */
export interface UndoEvent {
	how: 'done' | 'undone' | 'redone';
	step: UndoStep;
}

interface Stack {
	manager: Y.UndoManager;
	handle: DocumentHandle;
}

export class WorkshopUndo {
	#stacks: Stack[] = [];
	#canUndo = $state(false);
	#canRedo = $state(false);
	#last = $state.raw<UndoEvent | null>(null);
	#error = $state<AppErrorCode | null>(null);
	/** Counts steps entering any stack, so the newest across documents is undone first. */
	#sequence = 0;
	#subscribe: () => void;
	#update = () => {
		this.#canUndo = this.#stacks.some((stack) => stack.manager.canUndo());
		this.#canRedo = this.#stacks.some((stack) => stack.manager.canRedo());
	};

	/** `documents`: how to hold the workshop's control and board document while a page uses this. */
	constructor(documents: Record<'control' | 'board', () => Promise<DocumentHandle>>) {
		this.#subscribe = createSubscriber(() => {
			let stopped = false;
			const opened: DocumentHandle[] = [];
			const letGo = () => {
				for (const handle of opened.splice(0)) void handle.close();
			};
			const kinds = ['control', 'board'] as const;
			const openOne = async (open: () => Promise<DocumentHandle>) => {
				const handle = await open();
				opened.push(handle);
				if (stopped) letGo();
				return handle;
			};
			Promise.all(kinds.map((kind) => openOne(documents[kind]))).then(
				(handles) => {
					if (stopped) return;
					this.#stacks = handles.map((handle, index) => ({
						handle,
						manager: this.#follow(personalUndo(handle.doc, ROOTS[kinds[index]!]))
					}));
					this.#update();
				},
				// Without both documents there is nothing to undo; the buttons stay unavailable.
				() => {
					stopped = true;
					letGo();
				}
			);
			return () => {
				stopped = true;
				letGo();
				for (const stack of this.#stacks) stack.manager.destroy();
				this.#stacks = [];
				this.#last = null;
				this.#update();
			};
		});
	}

	#follow(manager: Y.UndoManager): Y.UndoManager {
		manager.on('stack-item-added', ({ stackItem, origin }) => {
			stackItem.meta.set(SEQUENCE, ++this.#sequence);
			if (!(origin instanceof OwnChange)) return;
			// A new change of mine: what was undone before can no longer be redone, in any document.
			for (const other of this.#stacks)
				if (other.manager !== manager) other.manager.clear(false, true);
			this.#last = { how: 'done', step: origin.step as UndoStep };
		});
		for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const)
			manager.on(event, this.#update);
		return manager;
	}

	get canUndo(): boolean {
		this.#subscribe();
		return this.#canUndo;
	}

	get canRedo(): boolean {
		this.#subscribe();
		return this.#canRedo;
	}

	/** My last change, undo or redo while the page is open (for its notice). */
	get last(): UndoEvent | null {
		this.#subscribe();
		return this.#last;
	}

	/** Why the last undo or redo could not be stored on this device, until the next one is. */
	get writeError(): AppErrorCode | null {
		return this.#error;
	}

	/** The stack whose newest step (of `which` stack) entered last. */
	#newest(which: 'undoStack' | 'redoStack'): Stack | null {
		let newest: Stack | null = null;
		let at = -1;
		for (const stack of this.#stacks) {
			const sequence = stack.manager[which].at(-1)?.meta.get(SEQUENCE);
			if (typeof sequence === 'number' && sequence > at) [newest, at] = [stack, sequence];
		}
		return newest;
	}

	/**
	 * Reverts this device's last change, if others have not replaced it: the step undone, or null when
	 * there was nothing (or nothing left of it) to undo.
	 */
	undo(): Promise<UndoStep | null> {
		return this.#perform('undoStack', 'undone', undoLast<UndoStep>);
	}

	/** Restores what the last undo reverted: the step redone, or null when there was nothing. */
	redo(): Promise<UndoStep | null> {
		return this.#perform('redoStack', 'redone', redoLast<UndoStep>);
	}

	async #perform(
		which: 'undoStack' | 'redoStack',
		how: UndoEvent['how'],
		perform: (manager: Y.UndoManager) => UndoStep | null
	): Promise<UndoStep | null> {
		const stack = this.#newest(which);
		if (stack === null) return null;
		const step = perform(stack.manager);
		this.#update();
		if (step === null) return null;
		this.#last = { how, step };
		try {
			await stack.handle.whenStored();
			this.#error = null;
		} catch (error) {
			this.#error = appErrorOf(error);
		}
		return step;
	}
}

// Undo and redo per person for a workshop's board (SPEC.md S16): the buttons and Ctrl+Z/Ctrl+Shift+Z
// on the board pages revert this device's own last change (a card, a group, a dot, a score, a
// Handlungsfeld) and never somebody else's. The undo stack lives while a page uses it and holds the
// board document open meanwhile; it starts empty on every visit. Yjs' UndoManager is imported with
// the document, by import(): the root layout reaches this class, and the start route loads no Yjs
// (ADR 14).

import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import type { UndoRoot } from '../crdt/personal-undo';
import { ROOT_KEYS } from '../crdt/schema';
import type { DocumentHandle } from '../sync/open-document';

/** What a person changes on the board. The roster and presence are not undone. */
const BOARD_ROOTS: readonly UndoRoot[] = [
	ROOT_KEYS.cards,
	ROOT_KEYS.clusters,
	ROOT_KEYS.notes,
	ROOT_KEYS.votes,
	ROOT_KEYS.matrix,
	ROOT_KEYS.actionFields,
	ROOT_KEYS.actionFieldLinks
];

type PersonalUndo = typeof import('../crdt/personal-undo');

export class BoardUndo {
	#manager: Y.UndoManager | null = null;
	/** Loaded with the document, before #manager is set. */
	#steps: Pick<PersonalUndo, 'undoLast' | 'redoLast'> | null = null;
	#canUndo = $state(false);
	#canRedo = $state(false);
	#subscribe: () => void;
	#update = () => {
		this.#canUndo = this.#manager?.canUndo() ?? false;
		this.#canRedo = this.#manager?.canRedo() ?? false;
	};

	constructor(open: () => Promise<DocumentHandle>) {
		this.#subscribe = createSubscriber(() => {
			let stopped = false;
			let handle: DocumentHandle | null = null;
			const update = this.#update;
			const opening = open();
			Promise.all([opening, import('../crdt/personal-undo')]).then(
				([opened, personalUndo]) => {
					if (stopped) return void opened.close();
					handle = opened;
					const manager = personalUndo.personalUndo(opened.doc, BOARD_ROOTS);
					for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'])
						manager.on(event as 'stack-item-added', update);
					this.#steps = personalUndo;
					this.#manager = manager;
					update();
				},
				// Without the document there is nothing to undo; the buttons stay unavailable. A document
				// opened while the code failed to load is closed again.
				() =>
					void opening.then(
						(opened) => opened.close(),
						() => undefined
					)
			);
			return () => {
				stopped = true;
				this.#manager?.destroy();
				this.#manager = null;
				update();
				void handle?.close();
			};
		});
	}

	get canUndo(): boolean {
		this.#subscribe();
		return this.#canUndo;
	}

	get canRedo(): boolean {
		this.#subscribe();
		return this.#canRedo;
	}

	/** Reverts this device's last change, if others have not replaced it; returns whether it did. */
	undo(): boolean {
		const done =
			this.#manager !== null && this.#steps !== null && this.#steps.undoLast(this.#manager);
		this.#update();
		return done;
	}

	/** Restores what the last undo reverted; returns whether there was something. */
	redo(): boolean {
		const done =
			this.#manager !== null && this.#steps !== null && this.#steps.redoLast(this.#manager);
		this.#update();
		return done;
	}
}

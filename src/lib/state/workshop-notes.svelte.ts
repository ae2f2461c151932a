// The Themenspeicher (parking lot), decisions and protocol notes of a workshop day, as the facilitator
// keeps them: read live from the board document, grouped by block and kind, and written through the
// document on this device first (so it works offline). Each change is an undoable step of this person
// (WorkshopUndo).

import type * as Y from 'yjs';
import { newId } from '../domain/ids';
import { isRecordId } from '../crdt/field-records';
import { addNote, editNote, removeNote } from '../crdt/workshop-notes';
import { isNoteText, NOTE_KINDS, type Note, type NoteKind } from '../domain/workshop/notes';
import type { AppErrorCode, WriteChange } from './app-error';
import type { LiveDocument } from './live-document.svelte';
import { undoable, type UndoStep } from './workshop-undo.svelte';

// What the components need of the document's shapes, so they never import the crdt layer (ADR 12).
export { isNoteText, NOTE_MAX_LENGTH, type Note, type NoteKind } from '../domain/workshop/notes';

/** The facilitator on the laptop writes notes under this author id (a participant under their own). */
export const MODERATION_AUTHOR_ID = 'moderation';

export type NotesByKind = Record<NoteKind, Note[]>;

const emptyGroups = (): NotesByKind =>
	Object.fromEntries(NOTE_KINDS.map((kind) => [kind, []])) as unknown as NotesByKind;

export class WorkshopNotes {
	readonly #board: LiveDocument<Note[]>;
	readonly #write: WriteChange;
	readonly #authorId: string;
	#error = $state<AppErrorCode | null>(null);
	readonly #byBlock = $derived.by(() => {
		// No prototype: a block id may be any record id, '__proto__' included.
		const groups = Object.create(null) as Record<string, NotesByKind>;
		for (const note of this.all) (groups[note.blockId] ??= emptyGroups())[note.kind].push(note);
		return groups;
	});

	constructor(board: LiveDocument<Note[]>, write: WriteChange, authorId: string) {
		this.#board = board;
		this.#write = write;
		this.#authorId = authorId;
	}

	get loading(): boolean {
		return this.#board.loading;
	}

	get loadError(): AppErrorCode | null {
		return this.#board.error;
	}

	/** Every note of the day, by creation time. */
	get all(): Note[] {
		return this.#board.value;
	}

	/** Notes by block id, then by kind; a block without notes has no entry. */
	get byBlock(): Readonly<Record<string, NotesByKind>> {
		return this.#byBlock;
	}

	/** The notes of one block, by kind (empty lists when it has none). */
	ofBlock(blockId: string): NotesByKind {
		return Object.hasOwn(this.#byBlock, blockId) ? this.#byBlock[blockId]! : emptyGroups();
	}

	/** The notes of one kind across all blocks (the parking lot is for the whole day). */
	ofKind(kind: NoteKind): Note[] {
		return this.all.filter((note) => note.kind === kind);
	}

	/** The last write that could not be stored on this device, until the next one succeeds. */
	get writeError(): AppErrorCode | null {
		return this.#error;
	}

	/** Writes a change as one undoable step of this person. */
	async #apply(step: UndoStep, change: (doc: Y.Doc) => void): Promise<boolean> {
		this.#error = await this.#write(undoable(step, change));
		return this.#error === null;
	}

	/** Adds a note to a block; a text that `isNoteText` refuses writes nothing (false). */
	add(blockId: string, kind: NoteKind, text: string): Promise<boolean> {
		if (!isNoteText(text) || !isRecordId(blockId)) return Promise.resolve(false);
		const note: Note = {
			id: newId<'note'>(),
			blockId,
			kind,
			text,
			authorId: this.#authorId,
			createdAt: Date.now()
		};
		return this.#apply({ kind: 'add', label: text, focus: note.id }, (doc) => addNote(doc, note));
	}

	edit(id: string, text: string): Promise<boolean> {
		const shown = this.all.find((note) => note.id === id);
		if (!isNoteText(text) || !shown) return Promise.resolve(false);
		return this.#apply({ kind: 'edit', label: shown.text, focus: id }, (doc) =>
			editNote(doc, id, text)
		);
	}

	async remove(id: string): Promise<boolean> {
		const note = this.all.find((n) => n.id === id);
		if (!note) return false;
		return this.#apply({ kind: 'remove', label: note.text, focus: id }, (doc) =>
			removeNote(doc, id)
		);
	}
}

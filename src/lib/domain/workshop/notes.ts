// Themenspeicher (parking lot), decisions and protocol notes, each attached to an agenda block: what a
// note is and when its text is acceptable, shared by the board's reader and writer (crdt/workshop-notes.ts),
// the note form and the generated demo day.

export const NOTE_KINDS = ['parking', 'decision', 'protocol'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const NOTE_MAX_LENGTH = 2000;

export interface Note {
	id: string;
	blockId: string;
	kind: NoteKind;
	text: string;
	authorId: string;
	createdAt: number;
}

export const isNoteKind = (value: unknown): value is NoteKind =>
	typeof value === 'string' && (NOTE_KINDS as readonly string[]).includes(value);

/** Trimmed, not empty, at most NOTE_MAX_LENGTH characters. */
export const isNoteText = (value: unknown): value is string =>
	typeof value === 'string' && value.trim() !== '' && [...value].length <= NOTE_MAX_LENGTH;

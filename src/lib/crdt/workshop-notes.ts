// Themenspeicher (parking lot), decisions and protocol notes, each attached to an agenda block, on the
// board (participants and moderation write them). One record per note, a key per field.

import type * as Y from 'yjs';
import { deleteRecord, isRecordId, readFieldRecords, writeFields } from './field-records';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';

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

const isNoteKind = (value: unknown): value is NoteKind =>
	typeof value === 'string' && (NOTE_KINDS as readonly string[]).includes(value);

/** Trimmed, not empty, at most NOTE_MAX_LENGTH characters. */
export const isNoteText = (value: unknown): value is string =>
	typeof value === 'string' && value.trim() !== '' && [...value].length <= NOTE_MAX_LENGTH;

function writable(doc: Y.Doc): Y.Map<unknown> {
	const map = rootMap(doc, ROOT_KEYS.notes);
	if (map === null) throw new Error('notes root has the wrong type');
	return map;
}

/** Notes by creation time, then id; malformed records are left out. */
export function readNotes(doc: Y.Doc): Note[] {
	const notes: Note[] = [];
	for (const [id, fields] of readFieldRecords(rootMap(doc, ROOT_KEYS.notes))) {
		const blockId = fields.get('blockId');
		const kind = fields.get('kind');
		const text = fields.get('text');
		const authorId = fields.get('authorId');
		const createdAt = fields.get('createdAt');
		if (!isRecordId(blockId) || !isNoteKind(kind) || !isNoteText(text) || !isRecordId(authorId))
			continue;
		if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) continue;
		notes.push({ id, blockId, kind, text, authorId, createdAt });
	}
	return notes.sort(
		(a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

export function addNote(doc: Y.Doc, note: Note, now = Date.now()): void {
	if (!isRecordId(note.id) || !isRecordId(note.blockId) || !isRecordId(note.authorId))
		throw new RangeError('invalid note ids');
	if (!isNoteKind(note.kind) || !isNoteText(note.text)) throw new RangeError('invalid note');
	const map = writable(doc);
	const { id, ...fields } = note;
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, fields);
	});
}

export function editNote(doc: Y.Doc, id: string, text: string, now = Date.now()): void {
	if (!isNoteText(text)) throw new RangeError('invalid note');
	const map = writable(doc);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, { text });
	});
}

export function removeNote(doc: Y.Doc, id: string, now = Date.now()): void {
	const map = writable(doc);
	doc.transact(() => {
		ensureMeta(doc, now);
		deleteRecord(map, id);
	});
}

// Themenspeicher (parking lot), decisions and protocol notes, each attached to an agenda block, on the
// board (participants and moderation write them). One record per note, a key per field.

import type * as Y from 'yjs';
import { isNoteKind, isNoteText, type Note } from '../domain/workshop/notes';
import { deleteRecord, isRecordId, readFieldRecords, writeFields } from './field-records';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';
import { parseRecord } from './schemas/document-schema';
import { NOTE_RECORD } from './schemas/workshop';

function writable(doc: Y.Doc): Y.Map<unknown> {
	const map = rootMap(doc, ROOT_KEYS.notes);
	if (map === null) throw new Error('notes root has the wrong type');
	return map;
}

/** Notes by creation time, then id; malformed records are left out. */
export function readNotes(doc: Y.Doc): Note[] {
	const notes: Note[] = [];
	for (const [id, fields] of readFieldRecords(rootMap(doc, ROOT_KEYS.notes))) {
		const note = parseRecord(NOTE_RECORD, Object.fromEntries(fields));
		if (note !== null && isNoteText(note.text)) notes.push({ id, ...note });
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

// A respondent's document `kommune/<ARS>/check/<round>/respondent/<rid>`: who answers (label and
// perspective, written by the facilitator when adding the respondent, because the respondent cannot read
// the round's shared document), and one key per item for the answer and for the comment. Answering an
// item twice keeps the last answer; two items answered on two devices at once both stay.

import type * as Y from 'yjs';
import type { Perspective } from '../domain/perspectives';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';
import { parseRecord } from './schemas/document-schema';
import {
	COMMENT_ENTRY,
	COMMENT_MAX_LENGTH,
	RESPONDENT_INFO_RECORD
} from './schemas/check-respondent';

export interface RespondentInfo {
	label: string;
	perspective: Perspective;
	catalogVersion: string;
}

export function writeRespondentInfo(doc: Y.Doc, info: RespondentInfo, now = Date.now()): void {
	const map = rootMap(doc, ROOT_KEYS.respondent);
	if (map === null) throw new Error('respondent root has the wrong type');
	doc.transact(() => {
		ensureMeta(doc, now);
		for (const [key, value] of Object.entries(info))
			if (map.get(key) !== value) map.set(key, value);
	});
}

/** Keeps the label in step when the facilitator renames the respondent in the round's list. */
export function writeRespondentLabel(doc: Y.Doc, label: string, now = Date.now()): void {
	const map = rootMap(doc, ROOT_KEYS.respondent);
	if (map === null) throw new Error('respondent root has the wrong type');
	doc.transact(() => {
		ensureMeta(doc, now);
		if (map.get('label') !== label) map.set('label', label);
	});
}

export function readRespondentInfo(doc: Y.Doc): RespondentInfo | null {
	const map = rootMap(doc, ROOT_KEYS.respondent);
	return map ? parseRecord(RESPONDENT_INFO_RECORD, Object.fromEntries(map.entries())) : null;
}

/** Stores the answer to one item (any JSON value; scoring validates it against the catalog). */
export function writeAnswer(doc: Y.Doc, itemId: string, answer: unknown, now = Date.now()): void {
	const map = rootMap(doc, ROOT_KEYS.answers);
	if (map === null) throw new Error('answers root has the wrong type');
	doc.transact(() => {
		ensureMeta(doc, now);
		map.set(itemId, answer);
	});
}

/** Takes an answer back: the item is unanswered again. */
export function clearAnswer(doc: Y.Doc, itemId: string): void {
	const map = rootMap(doc, ROOT_KEYS.answers);
	if (map?.has(itemId)) map.delete(itemId);
}

export function writeComment(doc: Y.Doc, itemId: string, comment: string, now = Date.now()): void {
	const map = rootMap(doc, ROOT_KEYS.comments);
	if (map === null) throw new Error('comments root has the wrong type');
	const text = comment.slice(0, COMMENT_MAX_LENGTH);
	doc.transact(() => {
		ensureMeta(doc, now);
		if (text.trim() === '') map.delete(itemId);
		else if (map.get(itemId) !== text) map.set(itemId, text);
	});
}

/** The raw answers by item id, as scoring takes them (validated there, not here). */
export function readAnswers(doc: Y.Doc): Record<string, unknown> {
	const map = rootMap(doc, ROOT_KEYS.answers);
	return map ? Object.fromEntries(map.entries()) : {};
}

export function readComments(doc: Y.Doc): Record<string, string> {
	const map = rootMap(doc, ROOT_KEYS.comments);
	const comments: Record<string, string> = {};
	for (const [itemId, value] of map?.entries() ?? []) {
		const comment = parseRecord(COMMENT_ENTRY, value);
		if (comment !== null) comments[itemId] = comment;
	}
	return comments;
}

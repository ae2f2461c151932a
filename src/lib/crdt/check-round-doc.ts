// A check round's shared document: its title, the catalog version it is taken with, and the respondent
// list (a pseudonymous label and a perspective each). Answers live in one document per respondent.
//
// A respondent's entry in 'respondents' is written once, when added. A rename and a removal are keys of
// their own in 'respondentFields' (`<id>/label`, `<id>/removedAt`), so a rename on one device and a
// removal on another both stay, and a removal is undone by taking its key away: the entry and the
// respondent's own document with their answers are never touched by it.

import type * as Y from 'yjs';
import type { Perspective } from '../domain/perspectives';
import { TITLE_MAX_LENGTH } from '../domain/session-input';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';
import { parseRecord } from './schemas/document-schema';
import { RESPONDENT_ENTRY } from './schemas/check-shared';

const FIRST_CATALOG_VERSION = '2026.1';

export interface Respondent {
	id: string;
	label: string;
	perspective: Perspective;
	createdAt: number;
}

export function writeRoundTitle(doc: Y.Doc, title: string, now = Date.now()): void {
	const map = rootMap(doc, ROOT_KEYS.round);
	if (map === null) throw new Error('round root has the wrong type');
	doc.transact(() => {
		ensureMeta(doc, now);
		if (map.get('title') !== title) map.set('title', title);
	});
}

/**
 * Records the catalog version the round is taken with. Written once when the round is created: every
 * respondent added later answers the same version, so the round's results compare like with like.
 */
export function writeRoundCatalogVersion(doc: Y.Doc, version: string, now = Date.now()): void {
	const map = rootMap(doc, ROOT_KEYS.round);
	if (map === null) throw new Error('round root has the wrong type');
	doc.transact(() => {
		ensureMeta(doc, now);
		if (!map.has('catalogVersion')) map.set('catalogVersion', version);
	});
}

/**
 * The round's catalog version. Rounds created before the version was recorded were all taken with
 * 2026.1, the only catalog that existed then.
 */
export function readRoundCatalogVersion(doc: Y.Doc): string {
	const version = rootMap(doc, ROOT_KEYS.round)?.get('catalogVersion');
	return typeof version === 'string' && version !== '' ? version : FIRST_CATALOG_VERSION;
}

export function readRoundTitle(doc: Y.Doc): string | null {
	const title = rootMap(doc, ROOT_KEYS.round)?.get('title');
	return typeof title === 'string' && title.trim() !== '' ? title : null;
}

/** One key per respondent (its id), so two facilitators adding respondents at once keep both. */
export function addRespondent(doc: Y.Doc, respondent: Respondent, now = Date.now()): void {
	const map = rootMap(doc, ROOT_KEYS.respondents);
	if (map === null) throw new Error('respondents root has the wrong type');
	doc.transact(() => {
		ensureMeta(doc, now);
		map.set(respondent.id, {
			label: respondent.label,
			perspective: respondent.perspective,
			createdAt: respondent.createdAt
		});
	});
}

const isLabel = (value: unknown): value is string =>
	typeof value === 'string' && value.trim() !== '' && [...value].length <= TITLE_MAX_LENGTH;

function respondentFields(doc: Y.Doc): Y.Map<unknown> {
	const map = rootMap(doc, ROOT_KEYS.respondentFields);
	if (map === null) throw new Error('respondentFields root has the wrong type');
	return map;
}

const hasRespondent = (doc: Y.Doc, id: string): boolean =>
	rootMap(doc, ROOT_KEYS.respondents)?.has(id) ?? false;

/** Gives a respondent a new label; the caller validates it (validateRespondentLabel). */
export function renameRespondent(doc: Y.Doc, id: string, label: string, now = Date.now()): void {
	if (!isLabel(label)) throw new RangeError('invalid respondent label');
	if (!hasRespondent(doc, id)) throw new Error(`respondent ${id} is not in the round`);
	const fields = respondentFields(doc);
	doc.transact(() => {
		ensureMeta(doc, now);
		if (fields.get(`${id}/label`) !== label) fields.set(`${id}/label`, label);
	});
}

/**
 * Takes a respondent out of the round's list, and so out of its counts and results. Their entry and
 * their own document stay, so restoreRespondent brings them back with every answer.
 */
export function removeRespondent(doc: Y.Doc, id: string, now = Date.now()): void {
	if (!hasRespondent(doc, id)) throw new Error(`respondent ${id} is not in the round`);
	const fields = respondentFields(doc);
	doc.transact(() => {
		ensureMeta(doc, now);
		if (typeof fields.get(`${id}/removedAt`) !== 'number') fields.set(`${id}/removedAt`, now);
	});
}

/** Undoes removeRespondent: the respondent is listed again as before. */
export function restoreRespondent(doc: Y.Doc, id: string, now = Date.now()): void {
	const fields = respondentFields(doc);
	if (!fields.has(`${id}/removedAt`)) return;
	doc.transact(() => {
		ensureMeta(doc, now);
		fields.delete(`${id}/removedAt`);
	});
}

/** A respondent's entry with their latest label, removed or not; null when there is no valid one. */
function readEntry(id: string, value: unknown, fields: Y.Map<unknown> | null): Respondent | null {
	const entry = parseRecord(RESPONDENT_ENTRY, value);
	if (entry === null || !isLabel(entry.label)) return null;
	const { label, perspective, createdAt } = entry;
	const renamed = fields?.get(`${id}/label`);
	return { id, label: isLabel(renamed) ? renamed : label, perspective, createdAt };
}

/** One respondent as listed, or as they were listed before removeRespondent; null when unknown. */
export function readRespondent(doc: Y.Doc, id: string): Respondent | null {
	const value = rootMap(doc, ROOT_KEYS.respondents)?.get(id);
	return readEntry(id, value, rootMap(doc, ROOT_KEYS.respondentFields));
}

/**
 * How many respondents the round has ever listed, removed ones included: what deleting the round
 * loses, since a removed respondent's answers stay until then.
 */
export function countRespondentEntries(doc: Y.Doc): number {
	const map = rootMap(doc, ROOT_KEYS.respondents);
	if (map === null) return 0;
	const fields = rootMap(doc, ROOT_KEYS.respondentFields);
	return [...map.entries()].filter(([id, value]) => readEntry(id, value, fields) !== null).length;
}

/**
 * The round's respondents in the order they were added, with their latest label; removed respondents
 * and malformed entries are skipped. Every count and result of the round is taken over this list.
 */
export function readRespondents(doc: Y.Doc): Respondent[] {
	const map = rootMap(doc, ROOT_KEYS.respondents);
	if (map === null) return [];
	const fields = rootMap(doc, ROOT_KEYS.respondentFields);
	const list: Respondent[] = [];
	for (const [id, value] of map.entries()) {
		if (typeof fields?.get(`${id}/removedAt`) === 'number') continue;
		const entry = readEntry(id, value, fields);
		if (entry !== null) list.push(entry);
	}
	return list.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

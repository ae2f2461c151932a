// Handlungsfelder on the board (domain/workshop/action-fields.ts), as flat field records. Each tagged
// dimension is its own key (`<fieldId>/dim.<dimension>` → true), so two people tagging different
// dimensions at the same time keep both. Links to cards, clusters and matrix items are keys of their
// own map (`<fieldId>/<itemId>` → true). A removed field keeps its record with `removed` set, so undo
// brings it back with its links.

import type * as Y from 'yjs';
import { DIMENSIONS, type DimensionId } from '../domain/check/catalog-types';
import {
	validateActionFieldTitle,
	validateDimensions,
	type ActionField
} from '../domain/workshop/action-fields';
import { isOrderKey } from '../domain/workshop/ordering';
import { isRecordId, readFieldRecords, writeFields } from './field-records';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';
import { parseRecord } from './schemas/document-schema';
import { ACTION_FIELD_RECORD } from './schemas/workshop';
import { removalFields } from './workshop-removed';

const dimensionField = (dimension: DimensionId) => `dim.${dimension}`;

function writable(doc: Y.Doc, key: (typeof ROOT_KEYS)['actionFields' | 'actionFieldLinks']) {
	const map = rootMap(doc, key);
	if (map === null) throw new Error(`${key} root has the wrong type`);
	return map;
}

export interface ActionFieldsRead {
	/**
	 * The fields not removed. One may have no dimension left when two people untagged its last two at
	 * the same time: it is kept (nothing typed is dropped) and the page asks for a dimension.
	 */
	fields: ActionField[];
	removedIds: string[];
	malformed: number;
}

export function readActionFields(doc: Y.Doc): ActionFieldsRead {
	const fields: ActionField[] = [];
	const removedIds: string[] = [];
	let malformed = 0;
	for (const [id, record] of readFieldRecords(rootMap(doc, ROOT_KEYS.actionFields))) {
		if (record.get('removed') === true) {
			removedIds.push(id);
			continue;
		}
		const parsed = parseRecord(ACTION_FIELD_RECORD, Object.fromEntries(record));
		if (parsed === null || !validateActionFieldTitle(parsed.title).ok) malformed += 1;
		else {
			const { title, order, createdAt } = parsed;
			const dimensions = DIMENSIONS.filter((d) => record.get(dimensionField(d)) === true);
			fields.push({ id, title, dimensions, order, createdAt });
		}
	}
	return { fields, removedIds, malformed };
}

/** Adds a field, or writes the same record again for a suggestion taken over twice. */
export function addActionField(doc: Y.Doc, field: ActionField, now = Date.now()): void {
	if (!isRecordId(field.id) || !isOrderKey(field.order)) throw new RangeError('invalid field');
	if (!validateActionFieldTitle(field.title).ok) throw new RangeError('invalid field title');
	if (!validateDimensions(field.dimensions).ok) throw new RangeError('invalid dimensions');
	const map = writable(doc, ROOT_KEYS.actionFields);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, field.id, {
			title: field.title,
			order: field.order,
			createdAt: field.createdAt,
			...removalFields(false, null, now),
			...Object.fromEntries(field.dimensions.map((d) => [dimensionField(d), true]))
		});
	});
}

/** Changes what was changed: the title, and dimensions tagged (true) or untagged (false). */
export function editActionField(
	doc: Y.Doc,
	id: string,
	change: { title?: string; dimensions?: Partial<Record<DimensionId, boolean>>; order?: string },
	rekey: ReadonlyArray<{ id: string; order: string }> = [],
	now = Date.now()
): void {
	if (change.title !== undefined && !validateActionFieldTitle(change.title).ok)
		throw new RangeError('invalid field title');
	if (change.order !== undefined && !isOrderKey(change.order))
		throw new RangeError('invalid order');
	const map = writable(doc, ROOT_KEYS.actionFields);
	const tags = Object.entries(change.dimensions ?? {}).map(([d, on]) => [
		dimensionField(d as DimensionId),
		on ? true : undefined
	]);
	const given = { title: change.title, order: change.order };
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, {
			...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
			...Object.fromEntries(tags)
		});
		// Neighbours whose order keys were equal move with it (domain/workshop/ordering.ts).
		for (const entry of rekey)
			if (isOrderKey(entry.order)) writeFields(map, entry.id, { order: entry.order });
	});
}

/** Removes a field (`by`: the remover's author id, ADR 21) or restores it. */
export function setActionFieldRemoved(
	doc: Y.Doc,
	id: string,
	removed: boolean,
	now = Date.now(),
	by: string | null = null
) {
	const map = writable(doc, ROOT_KEYS.actionFields);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, removalFields(removed, by, now));
	});
}

/** The links of a document without any. */
export const NO_LINKS: ReadonlyMap<string, string[]> = new Map();

/** Item ids linked to each field. */
export function readActionFieldLinks(doc: Y.Doc): Map<string, string[]> {
	const links = new Map<string, string[]>();
	for (const [key, value] of rootMap(doc, ROOT_KEYS.actionFieldLinks)?.entries() ?? []) {
		const [fieldId, itemId, ...rest] = key.split('/');
		if (value !== true || rest.length > 0 || !isRecordId(fieldId) || !isRecordId(itemId)) continue;
		links.set(fieldId, [...(links.get(fieldId) ?? []), itemId]);
	}
	return links;
}

export function setActionFieldLink(
	doc: Y.Doc,
	link: { fieldId: string; itemId: string },
	linked: boolean,
	now = Date.now()
): void {
	if (!isRecordId(link.fieldId) || !isRecordId(link.itemId)) throw new RangeError('invalid link');
	const map = writable(doc, ROOT_KEYS.actionFieldLinks);
	const key = `${link.fieldId}/${link.itemId}`;
	if (map.has(key) === linked) return;
	doc.transact(() => {
		ensureMeta(doc, now);
		if (linked) map.set(key, true);
		else map.delete(key);
	});
}

// What was removed from a workshop's board, and bringing it back (ADR 21). Cards, groups,
// Handlungsfelder, measures and photos are removed by setting `removed` on their field record
// (workshop-cards.ts, workshop-action-fields.ts, workshop-measures.ts, workshop-photos.ts), with who
// removed it and when beside it. Restoring clears all three, so the record reads as before, with every
// edit made to it meanwhile.

import type * as Y from 'yjs';
import { isRecordId, readFieldRecords, writeFields } from './field-records';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';

/** The kinds of board records that are removed by a flag and can be restored. */
export const REMOVABLE_KINDS = ['card', 'cluster', 'actionField', 'measure', 'photo'] as const;
export type RemovableKind = (typeof REMOVABLE_KINDS)[number];

const ROOT_OF = {
	card: ROOT_KEYS.cards,
	cluster: ROOT_KEYS.clusters,
	actionField: ROOT_KEYS.actionFields,
	measure: ROOT_KEYS.measures,
	photo: ROOT_KEYS.photos
} as const satisfies Record<RemovableKind, string>;

/** The field a person knows the record by. */
const LABEL_OF: Record<RemovableKind, string> = {
	card: 'text',
	cluster: 'name',
	actionField: 'title',
	measure: 'title',
	photo: 'caption'
};

/**
 * The fields that remove a record (`by`: the remover's author id) or, for `removed` false, restore it.
 * A record removed before `removedBy` and `removedAt` existed lacks them; restoring clears them too.
 */
export function removalFields(removed: boolean, by: string | null, at: number) {
	if (!removed) return { removed: undefined, removedBy: undefined, removedAt: undefined };
	if (by !== null && !isRecordId(by)) throw new RangeError('invalid remover id');
	return { removed: true, removedBy: by ?? undefined, removedAt: at };
}

export interface RemovedRecord {
	kind: RemovableKind;
	id: string;
	/** A card's text, a group's name, a Handlungsfeld's or measure's title, a photo's description. */
	label: string;
	/** The agenda block of a card, group or photo; null for the others. */
	blockId: string | null;
	/** Who removed it (an author id), null when the record does not say (removed by an older app). */
	removedBy: string | null;
	/** When (ms), null when the record does not say. */
	removedAt: number | null;
}

const stringOr = <T>(value: unknown, fallback: T): string | T =>
	typeof value === 'string' ? value : fallback;

/**
 * Every removed record of the board, newest removal first (those without a time last, by kind and
 * id). A record whose other fields a peer broke is listed too, with what it still says: restoring it
 * is the way to see it again.
 */
export function readRemoved(doc: Y.Doc): RemovedRecord[] {
	const removed: RemovedRecord[] = [];
	for (const kind of REMOVABLE_KINDS) {
		for (const [id, fields] of readFieldRecords(rootMap(doc, ROOT_OF[kind]))) {
			if (fields.get('removed') !== true) continue;
			const by = fields.get('removedBy');
			const at = fields.get('removedAt');
			removed.push({
				kind,
				id,
				label: stringOr(fields.get(LABEL_OF[kind]), ''),
				blockId:
					kind === 'card' || kind === 'cluster' || kind === 'photo'
						? stringOr(fields.get('blockId'), null)
						: null,
				removedBy: isRecordId(by) ? by : null,
				removedAt: typeof at === 'number' && Number.isFinite(at) && at >= 0 ? at : null
			});
		}
	}
	return removed.sort(
		(a, b) =>
			(b.removedAt ?? -1) - (a.removedAt ?? -1) ||
			REMOVABLE_KINDS.indexOf(a.kind) - REMOVABLE_KINDS.indexOf(b.kind) ||
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/** Brings a removed record back: clears `removed` and who removed it when. */
export function restoreRemoved(
	doc: Y.Doc,
	kind: RemovableKind,
	id: string,
	now = Date.now()
): void {
	if (!REMOVABLE_KINDS.includes(kind) || !isRecordId(id)) throw new RangeError('invalid record');
	const map = rootMap(doc, ROOT_OF[kind]);
	if (map === null) throw new Error(`${ROOT_OF[kind]} root has the wrong type`);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, removalFields(false, null, now));
	});
}

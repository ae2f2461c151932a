// Impact and effort scores of the matrix (domain/workshop/matrix.ts has the averaging), on the board.
// One key per participant, item and axis, `<participantId>/<itemId>/<axis>`, so two people scoring
// at the same moment, or one person changing impact on one device and effort on another, keep both.

import type * as Y from 'yjs';
import { isScore, type MatrixScore } from '../domain/workshop/matrix';
import { isRecordId } from './field-records';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';
import { parseRecord } from './schemas/document-schema';
import { SCORE_ENTRY } from './schemas/workshop';

export type MatrixAxis = 'impact' | 'effort';

export interface MatrixRead {
	scores: MatrixScore[];
	/** Keys that are not a valid score (a buggy or malicious peer): left out. */
	malformed: number;
}

export function readMatrix(doc: Y.Doc): MatrixRead {
	const scores = new Map<string, MatrixScore>();
	let malformed = 0;
	for (const [key, value] of rootMap(doc, ROOT_KEYS.matrix)?.entries() ?? []) {
		const parts = key.split('/');
		const [participantId, itemId, axis] = parts;
		const given = parseRecord(SCORE_ENTRY, value);
		const valid =
			parts.length === 3 &&
			isRecordId(participantId) &&
			isRecordId(itemId) &&
			(axis === 'impact' || axis === 'effort') &&
			given !== null;
		if (!valid) {
			malformed += 1;
			continue;
		}
		const id = `${participantId}/${itemId}`;
		const score = scores.get(id) ?? { participantId, itemId, impact: null, effort: null };
		scores.set(id, { ...score, [axis]: given });
	}
	return { scores: [...scores.values()], malformed };
}

/** Sets one participant's score of an item on one axis (null clears it). */
export function writeScore(
	doc: Y.Doc,
	target: { participantId: string; itemId: string; axis: MatrixAxis },
	value: number | null,
	now = Date.now()
): void {
	const { participantId, itemId, axis } = target;
	if (!isRecordId(participantId) || !isRecordId(itemId)) throw new RangeError('invalid ids');
	if (value !== null && !isScore(value)) throw new RangeError('invalid score');
	const map = rootMap(doc, ROOT_KEYS.matrix);
	if (map === null) throw new Error('matrix root has the wrong type');
	const key = `${participantId}/${itemId}/${axis}`;
	if ((map.get(key) ?? null) === value) return;
	doc.transact(() => {
		ensureMeta(doc, now);
		if (value === null) map.delete(key);
		else map.set(key, value);
	});
}

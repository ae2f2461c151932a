import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { matrixPlacements } from '../domain/workshop/matrix';
import { ROOT_KEYS } from './schema';
import { readMatrix, writeScore } from './workshop-matrix';

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe('matrix scores', () => {
	it('two people scoring one item at the same moment both count in the average', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		writeScore(a, { participantId: 'anna', itemId: 'C1', axis: 'impact' }, 5);
		writeScore(a, { participantId: 'anna', itemId: 'C1', axis: 'effort' }, 2);
		writeScore(b, { participantId: 'bernd', itemId: 'C1', axis: 'impact' }, 2);
		writeScore(b, { participantId: 'bernd', itemId: 'C1', axis: 'effort' }, 4);
		sync(a, b);
		// By hand: impact (5 + 2) / 2 = 3.5, effort (2 + 4) / 2 = 3 → Großes Projekt.
		expect(matrixPlacements(['C1'], readMatrix(b).scores)[0]).toMatchObject({
			impact: 3.5,
			effort: 3,
			quadrant: 'big_project'
		});
	});

	it('one person changing impact on one device and effort on another keeps both', () => {
		const phone = new Y.Doc();
		const laptop = new Y.Doc();
		writeScore(phone, { participantId: 'anna', itemId: 'C1', axis: 'impact' }, 1);
		sync(phone, laptop);
		writeScore(phone, { participantId: 'anna', itemId: 'C1', axis: 'impact' }, 4);
		writeScore(laptop, { participantId: 'anna', itemId: 'C1', axis: 'effort' }, 1);
		sync(phone, laptop);
		expect(readMatrix(laptop).scores).toEqual([
			{ participantId: 'anna', itemId: 'C1', impact: 4, effort: 1 }
		]);
	});

	it('a cleared score is gone; scores out of range or in another shape are left out and counted', () => {
		const doc = new Y.Doc();
		writeScore(doc, { participantId: 'anna', itemId: 'C1', axis: 'impact' }, 3);
		writeScore(doc, { participantId: 'anna', itemId: 'C1', axis: 'impact' }, null);
		expect(readMatrix(doc).scores).toEqual([]);
		const map = doc.getMap(ROOT_KEYS.matrix);
		map.set('anna/C1/impact', 6);
		map.set('anna/C1/reach', 3);
		map.set('anna/C1', 3);
		expect(readMatrix(doc)).toEqual({ scores: [], malformed: 3 });
		expect(() =>
			writeScore(doc, { participantId: 'anna', itemId: 'C1', axis: 'effort' }, 0)
		).toThrow(RangeError);
	});
});

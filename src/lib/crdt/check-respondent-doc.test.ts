import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	clearAnswer,
	readAnswers,
	readComments,
	readRespondentInfo,
	writeAnswer,
	writeComment,
	writeRespondentInfo,
	writeRespondentLabel
} from './check-respondent-doc';
import { ROOT_KEYS } from './schema';
import { COMMENT_MAX_LENGTH } from './schemas/check-respondent';

const exchange = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe('respondent documents', () => {
	it('take a new label when the respondent is renamed, keeping perspective, version and answers', () => {
		const doc = new Y.Doc();
		writeRespondentInfo(doc, { label: 'Kämmerei', perspective: 'A', catalogVersion: '2026.1' });
		writeAnswer(doc, 'strategie.01', { kind: 'level', value: 2 });
		writeRespondentLabel(doc, 'Kämmerer');
		expect(readRespondentInfo(doc)).toEqual({
			label: 'Kämmerer',
			perspective: 'A',
			catalogVersion: '2026.1'
		});
		expect(readAnswers(doc)).toEqual({ 'strategie.01': { kind: 'level', value: 2 } });
	});

	it('carry who answers and from which perspective, and nothing when that is malformed', () => {
		const doc = new Y.Doc();
		expect(readRespondentInfo(doc)).toBeNull();
		writeRespondentInfo(doc, { label: 'Kämmerei', perspective: 'A', catalogVersion: '2026.1' });
		expect(readRespondentInfo(doc)).toEqual({
			label: 'Kämmerei',
			perspective: 'A',
			catalogVersion: '2026.1'
		});
		doc.getMap(ROOT_KEYS.respondent).set('perspective', 'Z');
		expect(readRespondentInfo(doc)).toBeNull();
	});

	it('answers to different items on two devices at once both stay; the same item keeps one answer', () => {
		const laptop = new Y.Doc();
		const phone = new Y.Doc();
		writeAnswer(laptop, 'strategie.01', { kind: 'level', value: 2 });
		writeAnswer(phone, 'strategie.02', { kind: 'likert', value: 4 });
		exchange(laptop, phone);
		expect(readAnswers(laptop)).toEqual({
			'strategie.01': { kind: 'level', value: 2 },
			'strategie.02': { kind: 'likert', value: 4 }
		});
		writeAnswer(laptop, 'strategie.01', { kind: 'unknown' });
		exchange(laptop, phone);
		expect(readAnswers(phone)['strategie.01']).toEqual({ kind: 'unknown' });
		clearAnswer(phone, 'strategie.01');
		exchange(laptop, phone);
		expect(Object.keys(readAnswers(laptop))).toEqual(['strategie.02']);
	});

	it('a comment is kept per item, emptied by blank text and cut at its maximum length', () => {
		const doc = new Y.Doc();
		writeComment(doc, 'ozg.01', 'Nur Gewerbe ist online.');
		writeComment(doc, 'ozg.02', 'x'.repeat(COMMENT_MAX_LENGTH + 10));
		expect(readComments(doc)['ozg.01']).toBe('Nur Gewerbe ist online.');
		expect(readComments(doc)['ozg.02']).toHaveLength(COMMENT_MAX_LENGTH);
		writeComment(doc, 'ozg.01', '   ');
		expect(readComments(doc)).not.toHaveProperty('ozg.01');
		doc.getMap(ROOT_KEYS.comments).set('ozg.03', 42);
		expect(readComments(doc)).not.toHaveProperty('ozg.03');
		// A peer that skipped the cut: the over-long comment is left out, not shown.
		doc.getMap(ROOT_KEYS.comments).set('ozg.04', 'x'.repeat(COMMENT_MAX_LENGTH + 1));
		expect(readComments(doc)).not.toHaveProperty('ozg.04');
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StatusChange } from '../domain/measures/measure';
import { ROOT_KEYS } from './schema';
import { isValidRecord, readSchemaStatus, recordsOf } from './schemas/document-schema';
import { WORKSHOP_BOARD_SCHEMA } from './schemas/workshop';
import {
	addMeasure,
	addStatusChange,
	editMeasure,
	readMeasures,
	setMeasureRemoved,
	type NewMeasure
} from './workshop-measures';

const MEASURE: NewMeasure = {
	id: 'M1',
	actionFieldId: 'hf.prozesse',
	title: 'E-Akte einführen',
	description: '',
	dimensions: ['prozesse'],
	owner: 'Hauptamt',
	start: '2027-Q1',
	due: '2027-09-30',
	budgetEur: 12_500,
	staffDays: 2.5,
	indicator: '',
	target: '',
	quickWin: true,
	ikzPartners: ['091620000000'],
	ikzOther: '',
	dependsOn: ['M0'],
	sources: [{ kind: 'matrix', itemId: 'papier' }],
	notes: '',
	order: 'a0',
	authorId: 'p-anna',
	createdAt: 1_000
};

const change = (id: string, status: StatusChange['status'], at: number): StatusChange => ({
	id,
	measureId: 'M1',
	status,
	by: 'p-anna',
	byName: 'Anna',
	at
});

describe('measures on the board', () => {
	it('read back as written, with the latest status change as the current status', () => {
		const doc = new Y.Doc();
		addMeasure(doc, MEASURE);
		addStatusChange(doc, change('S2', 'umgesetzt', 3_000));
		addStatusChange(doc, change('S1', 'in_arbeit', 2_000));

		const read = readMeasures(doc);
		expect(read.measures).toEqual([{ ...MEASURE, status: 'umgesetzt' }]);
		expect(read.changes.map((c) => c.id).sort()).toEqual(['S1', 'S2']);
		expect(read.malformed).toBe(0);
		// Empty texts are not written at all.
		expect(doc.getMap(ROOT_KEYS.measures).has('M1/description')).toBe(false);
	});

	it('an edit writes only the keys it changes; links are added and taken away one key each', () => {
		const doc = new Y.Doc();
		addMeasure(doc, MEASURE);
		const written: string[] = [];
		doc.getMap(ROOT_KEYS.measures).observe((event) => written.push(...event.keysChanged));

		editMeasure(doc, 'M1', {
			owner: 'Bauamt',
			due: null,
			dependsOn: { M0: false, M2: true },
			sources: { wlan: 'card' }
		});

		expect(written.sort()).toEqual(['M1/dep.M0', 'M1/dep.M2', 'M1/due', 'M1/owner', 'M1/src.wlan']);
		expect(readMeasures(doc).measures[0]).toMatchObject({
			owner: 'Bauamt',
			due: null,
			dependsOn: ['M2'],
			sources: [
				{ kind: 'matrix', itemId: 'papier' },
				{ kind: 'card', itemId: 'wlan' }
			]
		});
	});

	it('a removed measure keeps its record, and comes back with it', () => {
		const doc = new Y.Doc();
		addMeasure(doc, MEASURE);
		setMeasureRemoved(doc, 'M1', true);
		expect(readMeasures(doc)).toMatchObject({ measures: [], removedIds: ['M1'] });
		setMeasureRemoved(doc, 'M1', false);
		expect(readMeasures(doc).measures.map((m) => m.title)).toEqual(['E-Akte einführen']);
	});

	it('refuses to write what would not read back, and a status change twice', () => {
		const doc = new Y.Doc();
		expect(() => addMeasure(doc, { ...MEASURE, title: '' })).toThrow(RangeError);
		expect(() => addMeasure(doc, { ...MEASURE, due: '2027-Q5' })).toThrow(RangeError);
		addMeasure(doc, MEASURE);
		expect(() => editMeasure(doc, 'M1', { budgetEur: -1 })).toThrow(RangeError);
		expect(() => editMeasure(doc, 'M1', { dependsOn: { 'a/b': true } })).toThrow(RangeError);
		addStatusChange(doc, change('S1', 'in_arbeit', 2_000));
		expect(() => addStatusChange(doc, change('S1', 'umgesetzt', 3_000))).toThrow(RangeError);
		expect(readMeasures(doc).measures[0]).toMatchObject({ budgetEur: 12_500, status: 'in_arbeit' });
	});

	it('leaves out and counts records and status entries a peer wrote in another shape, and ignores a bad link', () => {
		const doc = new Y.Doc();
		addMeasure(doc, MEASURE);
		const measures = doc.getMap(ROOT_KEYS.measures);
		measures.set('M2/title', 'Ohne Handlungsfeld');
		measures.set('M1/dep.M9', 'yes');
		doc
			.getMap(ROOT_KEYS.measureStatus)
			.set('M1/S1', { status: 'fertig', by: 'x', byName: 'X', at: 1 });

		const read = readMeasures(doc);
		expect(read.measures.map((m) => [m.id, m.dependsOn])).toEqual([['M1', ['M0']]]);
		expect(read.malformed).toBe(2);
	});

	it('fit the declared schema, links included, and are no newer data; an unknown field is', () => {
		const doc = new Y.Doc();
		addMeasure(doc, MEASURE);
		addStatusChange(doc, change('S1', 'in_arbeit', 2_000));
		for (const kind of [
			WORKSHOP_BOARD_SCHEMA.records['measure']!,
			WORKSHOP_BOARD_SCHEMA.records['measureStatus']!
		])
			for (const record of recordsOf(doc, kind).values())
				expect(isValidRecord(kind, record)).toBe(true);
		expect(readSchemaStatus(doc, WORKSHOP_BOARD_SCHEMA).newerData).toBe(false);

		doc.getMap(ROOT_KEYS.measures).set('M1/src.wlan', 'poster');
		expect(
			isValidRecord(
				WORKSHOP_BOARD_SCHEMA.records['measure']!,
				recordsOf(doc, WORKSHOP_BOARD_SCHEMA.records['measure']!).get('M1')
			)
		).toBe(false);
		doc.getMap(ROOT_KEYS.measures).set('M1/priority', 1);
		expect(readSchemaStatus(doc, WORKSHOP_BOARD_SCHEMA).newerData).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PROCESS_PRESETS } from '../domain/check/processes';
import {
	addCustomBarrier,
	addCustomProcess,
	rankBarrier,
	readBarriers,
	recomputeEstimates,
	readProcesses,
	readTargets,
	removeCustomBarrier,
	removeProcess,
	seedPresetProcesses,
	tickBarrier,
	undoRecompute,
	writeProcess,
	writeTarget
} from './check-shared-doc';
import { ROOT_KEYS } from './schema';
import { deleteRecord } from './field-records';

const docWithClient = (clientID: number) => {
	const doc = new Y.Doc();
	doc.clientID = clientID;
	return doc;
};

/** Exchanges everything both ways, as two devices do once they meet. */
function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const updatesDuring = (doc: Y.Doc, act: () => void) => {
	let count = 0;
	const count1 = () => (count += 1);
	doc.on('update', count1);
	act();
	doc.off('update', count1);
	return count;
};

const processIds = (doc: Y.Doc) => readProcesses(doc).processes.map((p) => p.id);
const processById = (doc: Y.Doc, id: string) =>
	readProcesses(doc).processes.find((p) => p.id === id);

describe('targets', () => {
	it('keep a level 0–4 per dimension, and null removes one', () => {
		const doc = new Y.Doc();
		writeTarget(doc, 'strategie', 3);
		writeTarget(doc, 'daten', 0);
		expect(readTargets(doc)).toEqual({ strategie: 3, daten: 0 });
		writeTarget(doc, 'strategie', null);
		expect(readTargets(doc)).toEqual({ daten: 0 });
	});

	it('refuse a level outside 0–4', () => {
		const doc = new Y.Doc();
		expect(() => writeTarget(doc, 'strategie', 5)).toThrow(RangeError);
		expect(() => writeTarget(doc, 'strategie', 2.5)).toThrow(RangeError);
	});

	it('leave out what a peer wrote for unknown dimensions or as no level', () => {
		const doc = new Y.Doc();
		const map = doc.getMap(ROOT_KEYS.targets);
		map.set('strategie', 7);
		map.set('fuehrung', '3');
		map.set('prozesse', 1.5);
		map.set('wetter', 2);
		map.set('ozg', 4);
		expect(readTargets(doc)).toEqual({ ozg: 4 });
	});
});

describe('seeding the preset processes', () => {
	it('adds every preset once, in preset order, with its name, OZG service and case default', () => {
		const doc = new Y.Doc();
		expect(seedPresetProcesses(doc)).toBe(PROCESS_PRESETS.length);
		const { processes, malformed } = readProcesses(doc);
		expect(malformed).toBe(0);
		expect(processes.map((p) => p.id)).toEqual(PROCESS_PRESETS.map((preset) => preset.id));
		expect(processes[0]).toEqual({
			id: 'gewerbeanmeldung',
			name: 'Gewerbeanmeldung',
			status: null,
			casesPerYear: 350,
			pain: null,
			ozgService: 'Gewerbeanmeldung (OZG-Leistung)',
			minutesToday: null,
			minutesDigital: null,
			custom: false,
			order: 'a0'
		});
	});

	it('scales the case numbers by the population and marks them as estimates until a person writes them', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc, { population: 38_000 });
		const read = readProcesses(doc);
		const cases = (id: string) => read.processes.find((p) => p.id === id)?.casesPerYear;
		// By hand: 12,000 / 20,000 × 38,000 = 22,800 → 23,000; 1,800 / 20,000 × 38,000 = 3,420 → 3,400;
		// 80 / 20,000 × 38,000 = 152 → 150.
		expect(cases('rechnungseingang')).toBe(23_000);
		expect(cases('wohnsitzanmeldung')).toBe(3_400);
		expect(cases('bauantrag')).toBe(150);
		expect(Object.keys(read.estimates)).toEqual(PROCESS_PRESETS.map((preset) => preset.id));
		expect(read.estimates['bauantrag']).toEqual({ population: 38_000 });
		writeProcess(doc, 'bauantrag', { casesPerYear: 140 });
		writeProcess(doc, 'rechnungseingang', { status: 'parallel' });
		const after = readProcesses(doc).estimates;
		expect(after['bauantrag']).toBeUndefined();
		expect(after['rechnungseingang']).toEqual({ population: 38_000 });
	});

	it("takes the reference town's figures when the population is unknown, and says so", () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc, { population: null });
		expect(processById(doc, 'rechnungseingang')?.casesPerYear).toBe(12_000);
		expect(readProcesses(doc).estimates['rechnungseingang']).toEqual({ population: null });
	});

	it("counts a process of the municipality's own never as an estimate", () => {
		const doc = new Y.Doc();
		addCustomProcess(doc, 'eigener', 'Vereinsförderung');
		writeProcess(doc, 'eigener', { casesPerYear: 40 });
		expect(readProcesses(doc).estimates).toEqual({});
	});

	it('is idempotent: seeding again writes nothing', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc);
		expect(updatesDuring(doc, () => expect(seedPresetProcesses(doc)).toBe(0))).toBe(0);
	});

	it('on two devices at once yields exactly one set (ADR 8)', () => {
		const a = docWithClient(1);
		const b = docWithClient(2);
		seedPresetProcesses(a);
		seedPresetProcesses(b);
		sync(a, b);
		expect(processIds(a)).toEqual(PROCESS_PRESETS.map((preset) => preset.id));
		expect(readProcesses(b)).toEqual(readProcesses(a));
	});

	it.each([
		[1, 2],
		[2, 1]
	])('on another device never overwrites an edit (client ids %i, %i)', (clientA, clientB) => {
		const a = docWithClient(clientA);
		const b = docWithClient(clientB);
		seedPresetProcesses(a);
		writeProcess(a, 'hundesteuer', { casesPerYear: 520, status: 'parallel' });
		seedPresetProcesses(b);
		sync(a, b);
		for (const doc of [a, b]) {
			expect(processById(doc, 'hundesteuer')).toMatchObject({
				casesPerYear: 520,
				status: 'parallel'
			});
		}
	});

	it('adds only the missing presets, after the processes already there', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc);
		addCustomProcess(doc, 'eigener', 'Vereinsförderung');
		deleteRecord(doc.getMap(ROOT_KEYS.processRecords), 'fundsachen');
		expect(seedPresetProcesses(doc)).toBe(1);
		expect(processIds(doc).slice(-2)).toEqual(['eigener', 'fundsachen']);
	});
});

describe('recomputing estimates when the population changes', () => {
	const cases = (doc: Y.Doc, id: string) => processById(doc, id)?.casesPerYear;

	it('rescales only the figures that are still estimates, never one a person wrote or confirmed', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc, { population: 20_000 });
		writeProcess(doc, 'bauantrag', { casesPerYear: 95 });
		// Wohngeld's estimate for 20,000 is 350; writing 350 confirms it as the municipality's own.
		writeProcess(doc, 'wohngeld', { casesPerYear: 350 });
		const done = recomputeEstimates(doc, 38_000);
		// By hand: 12,000 / 20,000 × 38,000 = 22,800 → 23,000; 1,800 × 1.9 = 3,420 → 3,400;
		// 60 × 1.9 = 114 → 110.
		expect(cases(doc, 'rechnungseingang')).toBe(23_000);
		expect(cases(doc, 'wohnsitzanmeldung')).toBe(3_400);
		expect(cases(doc, 'baumfaellgenehmigung')).toBe(110);
		expect(cases(doc, 'bauantrag')).toBe(95);
		expect(cases(doc, 'wohngeld')).toBe(350);
		const estimates = readProcesses(doc).estimates;
		expect(estimates['rechnungseingang']).toEqual({ population: 38_000 });
		expect(estimates['bauantrag']).toBeUndefined();
		expect(estimates['wohngeld']).toBeUndefined();
		expect(done.changes).toHaveLength(PROCESS_PRESETS.length - 2);
	});

	it('writes in one transaction, leaves the creation records as they were and changes nothing when already current', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc, { population: 20_000 });
		const records = JSON.stringify(doc.getMap(ROOT_KEYS.processRecords).toJSON());
		expect(updatesDuring(doc, () => recomputeEstimates(doc, 38_000))).toBe(1);
		expect(JSON.stringify(doc.getMap(ROOT_KEYS.processRecords).toJSON())).toBe(records);
		expect(updatesDuring(doc, () => recomputeEstimates(doc, 38_000))).toBe(0);
		expect(() => recomputeEstimates(doc, 0)).toThrow(RangeError);
	});

	it('lets a figure a person types on another device during the recompute win on both', () => {
		const facilitator = docWithClient(1);
		const colleague = docWithClient(2);
		seedPresetProcesses(facilitator, { population: 20_000 });
		sync(facilitator, colleague);
		recomputeEstimates(facilitator, 38_000);
		writeProcess(colleague, 'rechnungseingang', { casesPerYear: 15_000 });
		sync(facilitator, colleague);
		for (const doc of [facilitator, colleague]) {
			expect(cases(doc, 'rechnungseingang')).toBe(15_000);
			expect(readProcesses(doc).estimates['rechnungseingang']).toBeUndefined();
			expect(cases(doc, 'wohnsitzanmeldung')).toBe(3_400);
		}
	});

	it('undo restores the previous estimates, and a figure a person wrote since stays', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc, { population: 20_000 });
		const first = recomputeEstimates(doc, 38_000);
		// 12,000 × 5,000 / 20,000 = 3,000.
		const second = recomputeEstimates(doc, 5_000);
		expect(cases(doc, 'rechnungseingang')).toBe(3_000);
		writeProcess(doc, 'bauantrag', { casesPerYear: 7 });
		expect(undoRecompute(doc, second)).toBe(PROCESS_PRESETS.length);
		expect(cases(doc, 'rechnungseingang')).toBe(23_000);
		expect(readProcesses(doc).estimates['rechnungseingang']).toEqual({ population: 38_000 });
		expect(cases(doc, 'bauantrag')).toBe(7);
		undoRecompute(doc, first);
		expect(cases(doc, 'rechnungseingang')).toBe(12_000);
		expect(readProcesses(doc).estimates['rechnungseingang']).toEqual({ population: 20_000 });
	});

	it('undo leaves an estimate that was recomputed again since', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc, { population: 20_000 });
		const first = recomputeEstimates(doc, 38_000);
		recomputeEstimates(doc, 5_000);
		expect(undoRecompute(doc, first)).toBe(0);
		expect(cases(doc, 'rechnungseingang')).toBe(3_000);
	});
});

describe('editing processes', () => {
	it('writes only the fields that changed, one key each', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc);
		writeProcess(doc, 'wohngeld', { status: 'analog', pain: 4, minutesToday: 45 });
		expect(processById(doc, 'wohngeld')).toMatchObject({
			status: 'analog',
			pain: 4,
			minutesToday: 45,
			casesPerYear: 350
		});
		const fields = doc.getMap(ROOT_KEYS.processFields);
		expect([...fields.keys()].sort()).toEqual([
			'wohngeld/minutesToday',
			'wohngeld/pain',
			'wohngeld/status'
		]);
		const unchanged = () => writeProcess(doc, 'wohngeld', { status: 'analog', pain: 4 });
		expect(updatesDuring(doc, unchanged)).toBe(0);
	});

	it('confirms an estimate when its own figure is written, which then is no estimate any more', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc);
		expect(readProcesses(doc).estimates['wohngeld']).toEqual({ population: null });
		writeProcess(doc, 'wohngeld', { casesPerYear: 350 });
		expect(doc.getMap(ROOT_KEYS.processFields).get('wohngeld/casesPerYear')).toBe(350);
		expect(readProcesses(doc).estimates['wohngeld']).toBeUndefined();
		const again = () => writeProcess(doc, 'wohngeld', { casesPerYear: 350 });
		expect(updatesDuring(doc, again)).toBe(0);
	});

	it('keeps concurrent edits of different fields of one process', () => {
		const a = docWithClient(1);
		const b = docWithClient(2);
		seedPresetProcesses(a);
		sync(a, b);
		writeProcess(a, 'bauantrag', { status: 'parallel' });
		writeProcess(b, 'bauantrag', { minutesToday: 120, minutesDigital: 90 });
		sync(a, b);
		for (const doc of [a, b]) {
			expect(processById(doc, 'bauantrag')).toMatchObject({
				status: 'parallel',
				minutesToday: 120,
				minutesDigital: 90
			});
		}
	});

	it('clears a field with null and refuses invalid values', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc);
		writeProcess(doc, 'posteingang', { casesPerYear: null });
		expect(processById(doc, 'posteingang')?.casesPerYear).toBeNull();
		expect(() => writeProcess(doc, 'posteingang', { pain: 6 })).toThrow(RangeError);
		expect(() => writeProcess(doc, 'posteingang', { order: 'not a key' })).toThrow(RangeError);
	});

	it('writes nothing for a process that is not there', () => {
		const doc = new Y.Doc();
		expect(writeProcess(doc, 'nirgends', { pain: 2 })).toBe(false);
		expect(doc.getMap(ROOT_KEYS.processFields).size).toBe(0);
	});

	it('moves a process by its order key', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc);
		writeProcess(doc, 'beschaffung', { order: 'Zz' }); // before 'a0'
		expect(processIds(doc)[0]).toBe('beschaffung');
	});
});

describe('custom processes', () => {
	it('are added after all others and marked custom', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc);
		addCustomProcess(doc, 'p1', '  Vereinsförderung  ');
		const last = readProcesses(doc).processes.at(-1);
		expect(last).toMatchObject({ id: 'p1', name: 'Vereinsförderung', custom: true });
	});

	it('added on two devices at once both stay, ties in order broken by id', () => {
		const a = docWithClient(1);
		const b = docWithClient(2);
		addCustomProcess(a, 'zz', 'Zweites');
		addCustomProcess(b, 'aa', 'Erstes');
		sync(a, b);
		expect(readProcesses(a).processes.map((p) => [p.id, p.order])).toEqual([
			['aa', 'a0'],
			['zz', 'a0']
		]);
	});

	it('refuse an id with a slash, a preset id, a taken id or an empty name', () => {
		const doc = new Y.Doc();
		addCustomProcess(doc, 'p1', 'Eins');
		expect(() => addCustomProcess(doc, 'a/b', 'X')).toThrow(RangeError);
		expect(() => addCustomProcess(doc, 'wohngeld', 'X')).toThrow(RangeError);
		expect(() => addCustomProcess(doc, 'p2', ' ')).toThrow(RangeError);
		expect(() => addCustomProcess(doc, 'p1', 'Zwei')).toThrow();
	});
});

describe('removing processes', () => {
	it('hides a preset for good: seeding again does not bring it back', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc);
		writeProcess(doc, 'fundsachen', { pain: 2 });
		removeProcess(doc, 'fundsachen');
		expect(processIds(doc)).not.toContain('fundsachen');
		expect(seedPresetProcesses(doc)).toBe(0);
		expect(processIds(doc)).not.toContain('fundsachen');
		expect([...doc.getMap(ROOT_KEYS.processFields).keys()]).toEqual(['fundsachen/removed']);
	});

	it('deletes a custom process with its edits', () => {
		const doc = new Y.Doc();
		addCustomProcess(doc, 'p1', 'Eigener Prozess');
		writeProcess(doc, 'p1', { pain: 5 });
		removeProcess(doc, 'p1');
		expect(doc.getMap(ROOT_KEYS.processRecords).size).toBe(0);
		expect(doc.getMap(ROOT_KEYS.processFields).size).toBe(0);
	});

	it('stays removed when another device edits the process meanwhile', () => {
		const a = docWithClient(2);
		const b = docWithClient(1);
		seedPresetProcesses(a);
		sync(a, b);
		removeProcess(a, 'sitzungsdienst');
		writeProcess(b, 'sitzungsdienst', { status: 'digital' });
		sync(a, b);
		expect(processIds(a)).not.toContain('sitzungsdienst');
		expect(processIds(b)).not.toContain('sitzungsdienst');
	});
});

describe('reading processes', () => {
	it('skips and counts malformed records of version 1, and sorts by order, then id', () => {
		const doc = new Y.Doc();
		const records = doc.getMap(ROOT_KEYS.processes);
		const valid = { name: 'Gut', custom: true, order: 'a5' };
		records.set('b', valid);
		records.set('a', valid);
		records.set('first', { ...valid, order: 'a1' });
		records.set('number', 7);
		records.set('list', ['Gut']);
		records.set('noname', { custom: true, order: 'a2' });
		records.set('nocustom', { name: 'X', order: 'a2' });
		records.set('badorder', { name: 'X', custom: true, order: 'a' });
		records.set('sl/ash', valid);
		const read = readProcesses(doc);
		expect(read.processes.map((p) => p.id)).toEqual(['first', 'a', 'b']);
		expect(read.processes[0]).toEqual({
			id: 'first',
			name: 'Gut',
			status: null,
			casesPerYear: null,
			pain: null,
			ozgService: null,
			minutesToday: null,
			minutesDigital: null,
			custom: true,
			order: 'a1'
		});
		expect(read.malformed).toBe(6);
	});

	it('ignores and counts invalid field values, falling back to the value from before', () => {
		const doc = new Y.Doc();
		seedPresetProcesses(doc);
		const fields = doc.getMap(ROOT_KEYS.processFields);
		fields.set('wohngeld/casesPerYear', -3);
		fields.set('wohngeld/status', 'halbdigital');
		fields.set('wohngeld/pain', 3);
		fields.set('wohngeld/order', '!!');
		doc
			.getMap(ROOT_KEYS.processes)
			.set('kaputt', { name: 'K', custom: true, order: 'Zz', pain: 9 });
		const read = readProcesses(doc);
		expect(read.processes.find((p) => p.id === 'wohngeld')).toMatchObject({
			casesPerYear: 350,
			status: null,
			pain: 3
		});
		expect(read.processes.find((p) => p.id === 'kaputt')?.pain).toBeNull();
		expect(read.invalidValues).toBe(4);
		expect(read.malformed).toBe(0);
	});

	it('survive a root of the wrong type', () => {
		const doc = new Y.Doc();
		doc.getText(ROOT_KEYS.processRecords).insert(0, 'x');
		expect(readProcesses(doc)).toEqual({
			processes: [],
			estimates: {},
			malformed: 0,
			invalidValues: 0
		});
		expect(() => seedPresetProcesses(doc)).toThrow('wrong type');
	});
});

describe('barriers', () => {
	it('are ticked and unticked; unticking also takes a barrier out of the top 3', () => {
		const doc = new Y.Doc();
		tickBarrier(doc, 'finanzierung', true);
		tickBarrier(doc, 'personalmangel', true);
		rankBarrier(doc, 1, 'finanzierung');
		expect(readBarriers(doc)).toEqual({
			ticked: ['personalmangel', 'finanzierung'],
			top3: ['finanzierung', null, null],
			custom: []
		});
		tickBarrier(doc, 'finanzierung', false);
		expect(readBarriers(doc)).toEqual({
			ticked: ['personalmangel'],
			top3: [null, null, null],
			custom: []
		});
	});

	it('hold one rank each: ranking a barrier on rank 2 clears it from rank 1', () => {
		const doc = new Y.Doc();
		rankBarrier(doc, 1, 'standards');
		rankBarrier(doc, 3, 'breitband');
		rankBarrier(doc, 2, 'standards');
		expect(readBarriers(doc).top3).toEqual([null, 'standards', 'breitband']);
		expect(doc.getMap(ROOT_KEYS.barrierRanking).toJSON()).toEqual({
			'2': 'standards',
			'3': 'breitband'
		});
	});

	it('swap ranks when the rank-1 barrier is chosen as rank 3, so the rank-3 barrier is not lost', () => {
		const doc = new Y.Doc();
		rankBarrier(doc, 1, 'personalmangel');
		rankBarrier(doc, 3, 'finanzierung');
		const change = rankBarrier(doc, 3, 'personalmangel');
		expect(readBarriers(doc).top3).toEqual(['finanzierung', null, 'personalmangel']);
		expect(change).toEqual({ kind: 'swapped', from: 1, other: 'finanzierung' });
	});

	it('say that rank 1 is free when its barrier moves to an empty rank 3', () => {
		const doc = new Y.Doc();
		rankBarrier(doc, 1, 'personalmangel');
		expect(rankBarrier(doc, 3, 'personalmangel')).toEqual({ kind: 'moved', from: 1 });
		expect(readBarriers(doc).top3).toEqual([null, null, 'personalmangel']);
	});

	it('count as ticked once ranked, and stay ticked when the rank is emptied', () => {
		const doc = new Y.Doc();
		rankBarrier(doc, 1, 'akzeptanz');
		expect(readBarriers(doc).ticked).toEqual(['akzeptanz']);
		rankBarrier(doc, 1, null);
		expect(readBarriers(doc)).toEqual({
			ticked: ['akzeptanz'],
			top3: [null, null, null],
			custom: []
		});
	});

	it('ranked on two ranks by two devices at once keep the better rank', () => {
		const a = docWithClient(1);
		const b = docWithClient(2);
		rankBarrier(a, 3, 'finanzierung');
		rankBarrier(b, 1, 'finanzierung');
		sync(a, b);
		expect(readBarriers(a).top3).toEqual(['finanzierung', null, null]);
		expect(readBarriers(b)).toEqual(readBarriers(a));
	});

	it('ignore unknown ids a peer wrote and refuse them when writing', () => {
		const doc = new Y.Doc();
		doc.getMap(ROOT_KEYS.barriers).set('ufo', true);
		doc.getMap(ROOT_KEYS.barriers).set('breitband', 'ja');
		doc.getMap(ROOT_KEYS.barrierRanking).set('1', 'ufo');
		doc.getMap(ROOT_KEYS.barrierRanking).set('2', 'breitband');
		doc.getMap(ROOT_KEYS.barrierRanking).set('4', 'akzeptanz');
		expect(readBarriers(doc)).toEqual({
			ticked: ['breitband'],
			top3: [null, 'breitband', null],
			custom: []
		});
		expect(() => tickBarrier(doc, 'ufo', true)).toThrow(RangeError);
		expect(() => rankBarrier(doc, 1, 'ufo')).toThrow(RangeError);
		expect(() => rankBarrier(doc, 4 as 1, 'breitband')).toThrow(RangeError);
	});

	it("of the round's own are added as free text, ticked, ranked and removed like the listed ones", () => {
		const doc = new Y.Doc();
		addCustomBarrier(doc, 'eigen-b', 'Fehlende Scanner im Bürgerbüro', 2);
		addCustomBarrier(doc, 'eigen-a', '  Zu  wenig Zeit  ', 1);
		expect(readBarriers(doc)).toEqual({
			ticked: ['eigen-a', 'eigen-b'],
			top3: [null, null, null],
			custom: [
				{ id: 'eigen-a', label: 'Zu wenig Zeit' },
				{ id: 'eigen-b', label: 'Fehlende Scanner im Bürgerbüro' }
			]
		});
		rankBarrier(doc, 1, 'eigen-b');
		tickBarrier(doc, 'eigen-a', false);
		expect(readBarriers(doc)).toMatchObject({ ticked: ['eigen-b'], top3: ['eigen-b', null, null] });
		removeCustomBarrier(doc, 'eigen-b');
		expect(readBarriers(doc)).toMatchObject({ ticked: [], top3: [null, null, null] });
		expect(readBarriers(doc).custom).toEqual([{ id: 'eigen-a', label: 'Zu wenig Zeit' }]);
	});

	it("of the round's own refuse a text that is empty or already on the list", () => {
		const doc = new Y.Doc();
		expect(() => addCustomBarrier(doc, 'eigen-a', '   ')).toThrow('barrier_required');
		expect(() => addCustomBarrier(doc, 'eigen-a', 'finanzierung')).toThrow('barrier_duplicate');
		expect(() => addCustomBarrier(doc, 'personalmangel', 'Neu')).toThrow(RangeError);
		expect(() => tickBarrier(doc, 'eigen-x', true)).toThrow(RangeError);
		expect(readBarriers(doc).custom).toEqual([]);
	});
});

// The Maßnahmen of a workshop (ADR 17) through the state class the pages use: several devices, each
// with its own copy of the control document and the board, offline until `sync` exchanges what each
// wrote, as the server does once they are connected. Undo is each person's own (WorkshopUndo).
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_KEYS } from '../../crdt/schema';
import { addActionField } from '../../crdt/workshop-action-fields';
import { writeBlocks } from '../../crdt/workshop-agenda';
import { addCard, addCluster } from '../../crdt/workshop-cards';
import { writeScore } from '../../crdt/workshop-matrix';
import {
	ActionFieldsBoard,
	EMPTY_ACTION_FIELDS,
	readActionFieldsBoard
} from '../action-fields-board.svelte';
import { EMPTY_MATRIX_BOARD, ImpactMatrix, readMatrixBoard } from '../impact-matrix.svelte';
import {
	controlOn,
	exchange,
	handleOn,
	liveOn,
	loaded,
	render,
	unrender,
	writeTo
} from '../test-documents.svelte';
import { WorkshopUndo } from '../workshop-undo.svelte';
import {
	draftOf,
	emptyDraft,
	EMPTY_MEASURES,
	readMeasuresBoard,
	WorkshopMeasures,
	type MeasureDraft,
	type MeasureWriter
} from './workshop-measures.svelte';

afterEach(unrender);

const CARDS = 'cards';
const MATRIX = 'matrix';
const FIELD = 'hf.prozesse';
const OTHER_FIELD = 'hf.daten';

interface Device {
	control: Y.Doc;
	board: Y.Doc;
}

/**
 * A day with a Kartenabfrage (one group "Papier" holding the card "Kein WLAN") and a matrix block
 * after it, two Handlungsfelder, on `count` devices.
 */
function room(count: number) {
	const devices: Device[] = Array.from({ length: count }, () => ({
		control: new Y.Doc(),
		board: new Y.Doc()
	}));
	const first = devices[0]!;
	writeBlocks(first.control, [
		{
			id: CARDS,
			title: 'Was hindert uns?',
			method: 'kartenabfrage',
			durationMinutes: 30,
			order: 'a0'
		},
		{ id: MATRIX, title: 'Wirkung und Aufwand', method: 'matrix', durationMinutes: 30, order: 'a1' }
	]);
	addCluster(first.board, { id: 'papier', blockId: CARDS, name: 'Papier', order: 'a0' });
	addCard(first.board, {
		id: 'wlan',
		blockId: CARDS,
		authorId: 'anna',
		text: 'Kein WLAN',
		order: 'a0',
		clusterId: 'papier',
		mergedInto: null,
		createdAt: 1
	});
	addActionField(first.board, {
		id: FIELD,
		title: 'Prozesse digitalisieren',
		dimensions: ['prozesse'],
		order: 'a0',
		createdAt: 1
	});
	addActionField(first.board, {
		id: OTHER_FIELD,
		title: 'Daten nutzen',
		dimensions: ['daten'],
		order: 'a1',
		createdAt: 1
	});
	/** Every device gets what every other wrote. */
	const sync = () => {
		for (const a of devices)
			for (const b of devices)
				if (a !== b) {
					exchange(a.control, b.control);
					exchange(a.board, b.board);
				}
	};
	sync();
	return { devices, sync };
}

let clock = 1_000_000;

/** The measures and the undo of one person on a device; `writer` null: a device that only looks. */
async function measuresOn(device: Device, writer: MeasureWriter | null) {
	const control = controlOn(device.control);
	const matrix = new ImpactMatrix({
		control,
		board: liveOn(device.board, readMatrixBoard, EMPTY_MATRIX_BOARD),
		writeBoard: writeTo(device.board),
		scorerId: writer?.id ?? null
	});
	const measures = new WorkshopMeasures({
		control,
		board: liveOn(device.board, readMeasuresBoard, EMPTY_MEASURES),
		writeBoard: writeTo(device.board),
		matrix,
		writer,
		now: () => (clock += 1_000)
	});
	const fields = new ActionFieldsBoard({
		control,
		board: liveOn(device.board, readActionFieldsBoard, EMPTY_ACTION_FIELDS),
		writeBoard: writeTo(device.board),
		canWrite: writer?.removesAny ?? false
	});
	const undo = new WorkshopUndo({
		control: async () => handleOn(device.control),
		board: async () => handleOn(device.board)
	});
	await loaded(measures);
	render(() => [measures.measures, measures.matrixItems, fields.fields, undo.canUndo]);
	// The undo stacks are set up once the page's documents are open (a task later).
	await new Promise((resolve) => setTimeout(resolve, 0));
	return { measures, fields, undo };
}

const ANNA = { id: 'p-anna', name: 'Anna', removesAny: false };
const BEN = { id: 'p-ben', name: 'Ben', removesAny: false };
const MODERATION = { id: 'moderation', name: 'Moderation', removesAny: true };

const draft = (change: Partial<MeasureDraft>): MeasureDraft => ({
	...emptyDraft(FIELD),
	...change
});

async function added(measures: WorkshopMeasures, change: Partial<MeasureDraft>): Promise<string> {
	const result = await measures.add(draft(change));
	if (!result.ok) throw new Error(result.error);
	return result.id;
}

const titles = (measures: WorkshopMeasures) => measures.measures.map((m) => m.title);

describe('WorkshopMeasures', () => {
	it('a measure added on one device shows on the other under its Handlungsfeld, every field as typed', async () => {
		const { devices, sync } = room(2);
		const anna = await measuresOn(devices[0]!, ANNA);
		const laptop = await measuresOn(devices[1]!, MODERATION);

		const id = await added(anna.measures, {
			title: '  E-Akte im Bauamt  einführen ',
			description: 'Alle Bauanträge digital',
			owner: 'Hauptamt',
			start: 'Q1 2027',
			due: '30.9.2027',
			budget: '12.500 €',
			staffDays: '2,5',
			indicator: 'Anteil digitaler Anträge',
			target: '80 %',
			dimensions: ['prozesse', 'daten'],
			ikzPartners: ['091620000000'],
			ikzOther: 'Zweckverband',
			sources: [{ kind: 'card', itemId: 'wlan' }]
		});
		sync();

		expect(laptop.measures.byField(FIELD)).toEqual([
			expect.objectContaining({
				id,
				actionFieldId: FIELD,
				title: 'E-Akte im Bauamt einführen',
				description: 'Alle Bauanträge digital',
				owner: 'Hauptamt',
				start: '2027-Q1',
				due: '2027-09-30',
				budgetEur: 12500,
				staffDays: 2.5,
				indicator: 'Anteil digitaler Anträge',
				target: '80 %',
				status: 'geplant',
				quickWin: false,
				dimensions: ['prozesse', 'daten'],
				ikzPartners: ['091620000000'],
				ikzOther: 'Zweckverband',
				dependsOn: [],
				sources: [{ kind: 'card', itemId: 'wlan' }],
				authorId: 'p-anna'
			})
		]);
		expect(laptop.measures.byField(OTHER_FIELD)).toEqual([]);
		// The form shows it again as people write it.
		expect(draftOf(laptop.measures.measures[0]!)).toMatchObject({
			start: 'Q1 2027',
			due: '30.09.2027',
			budget: '12.500',
			staffDays: '2,5'
		});
	});

	it('input that does not validate is refused with the field it is about, and nothing is written', async () => {
		const { devices } = room(1);
		const anna = await measuresOn(devices[0]!, ANNA);

		expect(await anna.measures.add(draft({ title: '   ' }))).toEqual({
			ok: false,
			error: 'measure_title_empty',
			field: 'title'
		});
		expect(await anna.measures.add(draft({ title: 'E-Akte', due: 'Q5 2027' }))).toEqual({
			ok: false,
			error: 'schedule_invalid',
			field: 'due'
		});
		expect(await anna.measures.add(draft({ title: 'E-Akte', budget: '12,50 €' }))).toMatchObject({
			ok: false,
			field: 'budget'
		});
		expect(await anna.measures.add(draft({ title: 'E-Akte', actionFieldId: 'gone' }))).toEqual({
			ok: false,
			error: 'measure_field_unknown',
			field: 'actionFieldId'
		});
		expect(await anna.measures.add(draft({ title: 'E-Akte', dependsOn: ['nope'] }))).toEqual({
			ok: false,
			error: 'measure_dependency_unknown',
			field: 'dependsOn'
		});

		expect(anna.measures.measures).toEqual([]);
		expect(devices[0]!.board.getMap(ROOT_KEYS.measures).size).toBe(0);
	});

	it('a device that only looks cannot write a measure', async () => {
		const { devices } = room(1);
		const beamer = await measuresOn(devices[0]!, null);

		expect(beamer.measures.canWrite).toBe(false);
		expect(await beamer.measures.add(draft({ title: 'E-Akte' }))).toEqual({
			ok: false,
			error: 'read_only'
		});
		expect(devices[0]!.board.getMap(ROOT_KEYS.measures).size).toBe(0);
	});

	it('two devices editing different fields of one measure offline both keep their change, dependencies too', async () => {
		const { devices, sync } = room(2);
		const anna = await measuresOn(devices[0]!, ANNA);
		const ben = await measuresOn(devices[1]!, BEN);
		const eAkte = await added(anna.measures, { title: 'E-Akte' });
		const wlan = await added(anna.measures, { title: 'WLAN im Rathaus' });
		const portal = await added(anna.measures, { title: 'Bürgerportal' });
		sync();
		const shownA = anna.measures.measures.find((m) => m.id === eAkte)!;
		const shownB = ben.measures.measures.find((m) => m.id === eAkte)!;

		await anna.measures.edit(eAkte, shownA, {
			...draftOf(shownA),
			owner: 'Hauptamt',
			dependsOn: [wlan]
		});
		await ben.measures.edit(eAkte, shownB, {
			...draftOf(shownB),
			due: 'Q3 2027',
			dependsOn: [portal]
		});
		sync();

		for (const device of [anna, ben]) {
			const measure = device.measures.measures.find((m) => m.id === eAkte)!;
			expect([measure.owner, measure.due, measure.dependsOn]).toEqual([
				'Hauptamt',
				'2027-Q3',
				[wlan, portal].sort()
			]);
		}
	});

	it('three devices editing one measure and adding to one Handlungsfeld offline end with the same list', async () => {
		const { devices, sync } = room(3);
		const [anna, ben, laptop] = [
			await measuresOn(devices[0]!, ANNA),
			await measuresOn(devices[1]!, BEN),
			await measuresOn(devices[2]!, MODERATION)
		];
		const eAkte = await added(laptop.measures, { title: 'E-Akte' });
		sync();
		const shown = laptop.measures.measures[0]!;

		// Offline: each edits another field of the same measure, and Anna and Ben each add one at the
		// end of the same Handlungsfeld (the same order key on both).
		await anna.measures.edit(eAkte, shown, { ...draftOf(shown), title: 'E-Akte einführen' });
		await ben.measures.edit(eAkte, shown, { ...draftOf(shown), owner: 'Bauamt' });
		await laptop.measures.edit(eAkte, shown, { ...draftOf(shown), indicator: 'Digitale Anträge' });
		await added(anna.measures, { title: 'Scanstraße' });
		await added(ben.measures, { title: 'Schulung' });
		sync();

		const lists = [anna, ben, laptop].map((device) => device.measures.byField(FIELD));
		expect(lists[1]).toEqual(lists[0]);
		expect(lists[2]).toEqual(lists[0]);
		expect(
			lists[0]!
				.map((m) => m.title)
				.slice(1)
				.sort()
		).toEqual(['Scanstraße', 'Schulung']);
		expect(lists[0]![0]).toMatchObject({
			title: 'E-Akte einführen',
			owner: 'Bauamt',
			indicator: 'Digitale Anträge'
		});
	});

	it('a measure removed on one device while edited on another stays removed; the remover’s undo brings it back with the edit', async () => {
		const { devices, sync } = room(2);
		const anna = await measuresOn(devices[0]!, ANNA);
		const ben = await measuresOn(devices[1]!, BEN);
		const id = await added(anna.measures, { title: 'E-Akte' });
		sync();
		const shown = ben.measures.measures[0]!;

		expect(await anna.measures.remove(id)).toEqual({ ok: true, id });
		await ben.measures.edit(id, shown, { ...draftOf(shown), owner: 'Bauamt' });
		sync();
		expect(titles(anna.measures)).toEqual([]);
		expect(titles(ben.measures)).toEqual([]);

		expect(await anna.undo.undo()).toMatchObject({ kind: 'remove', label: 'E-Akte' });
		sync();
		for (const device of [anna, ben])
			expect(device.measures.measures.map((m) => [m.title, m.owner])).toEqual([
				['E-Akte', 'Bauamt']
			]);
	});

	it('undo takes back my own change to a measure, never the other person’s', async () => {
		const { devices, sync } = room(2);
		const anna = await measuresOn(devices[0]!, ANNA);
		const ben = await measuresOn(devices[1]!, BEN);
		const id = await added(anna.measures, { title: 'E-Akte' });
		sync();

		const shown = anna.measures.measures[0]!;
		await anna.measures.edit(id, shown, { ...draftOf(shown), owner: 'Hauptamt' });
		sync();
		const seen = ben.measures.measures[0]!;
		await ben.measures.edit(id, seen, { ...draftOf(seen), title: 'E-Akte einführen' });
		sync();

		expect(await anna.undo.undo()).toMatchObject({ kind: 'edit', label: 'E-Akte' });
		sync();
		for (const device of [anna, ben])
			expect(device.measures.measures.map((m) => [m.title, m.owner])).toEqual([
				['E-Akte einführen', '']
			]);
		// Ben's undo takes back his title; Anna's creation stays.
		await ben.undo.undo();
		sync();
		expect(titles(anna.measures)).toEqual(['E-Akte']);
	});

	it('a dependency that would close a cycle is refused and nothing is written', async () => {
		const { devices } = room(1);
		const anna = await measuresOn(devices[0]!, ANNA);
		const first = await added(anna.measures, { title: 'Netz ausbauen' });
		const second = await added(anna.measures, { title: 'E-Akte', dependsOn: [first] });
		const shown = anna.measures.measures.find((m) => m.id === first)!;

		expect(
			await anna.measures.edit(first, shown, { ...draftOf(shown), dependsOn: [second] })
		).toEqual({ ok: false, error: 'measure_dependency_cycle', field: 'dependsOn' });
		expect(anna.measures.measures.find((m) => m.id === first)!.dependsOn).toEqual([]);
	});

	it('statuses set on two devices offline both stay in the history with who and when; the later is current everywhere', async () => {
		const { devices, sync } = room(2);
		const anna = await measuresOn(devices[0]!, ANNA);
		const laptop = await measuresOn(devices[1]!, MODERATION);
		const id = await added(anna.measures, { title: 'E-Akte' });
		sync();

		await anna.measures.setStatus(id, 'in_arbeit');
		await laptop.measures.setStatus(id, 'umgesetzt', 'Abgenommen');
		sync();

		for (const device of [anna, laptop]) {
			expect(device.measures.measures[0]!.status).toBe('umgesetzt');
			expect(
				device.measures.history(id).map((c) => [c.status, c.by, c.byName, c.note ?? null])
			).toEqual([
				['umgesetzt', 'moderation', 'Moderation', 'Abgenommen'],
				['in_arbeit', 'p-anna', 'Anna', null]
			]);
		}
		// The history is kept for good: undo does not take a status back.
		expect(await anna.undo.undo()).toMatchObject({ kind: 'add', label: 'E-Akte' });
		expect(anna.measures.history(id)).toHaveLength(2);
	});

	it('a Quick Win of the matrix becomes a measure marked quick win in one step, keeping the link', async () => {
		const { devices, sync } = room(2);
		const anna = await measuresOn(devices[0]!, ANNA);
		const laptop = await measuresOn(devices[1]!, MODERATION);
		// High impact, little effort: the group "Papier" is a Quick Win.
		writeScore(devices[0]!.board, { participantId: 'p-anna', itemId: 'papier', axis: 'impact' }, 5);
		writeScore(devices[0]!.board, { participantId: 'p-anna', itemId: 'papier', axis: 'effort' }, 1);

		expect(anna.measures.matrixItems).toEqual([
			expect.objectContaining({ id: 'papier', label: 'Papier', quadrant: 'quick_win' })
		]);
		const entry = anna.measures.matrixItems[0]!;
		const result = await anna.measures.fromItem(FIELD, {
			kind: 'matrix',
			itemId: entry.id,
			text: entry.label,
			quickWin: entry.quadrant === 'quick_win'
		});
		expect(result.ok).toBe(true);
		sync();

		expect(laptop.measures.measures).toEqual([
			expect.objectContaining({
				title: 'Papier',
				quickWin: true,
				sources: [{ kind: 'matrix', itemId: 'papier' }]
			})
		]);
		expect(anna.measures.linkable.map((item) => [item.kind, item.label])).toEqual([
			['cluster', 'Papier'],
			['card', 'Kein WLAN']
		]);
	});

	it('a measure moved up stays there on every device, and undo puts it back', async () => {
		const { devices, sync } = room(2);
		const anna = await measuresOn(devices[0]!, ANNA);
		const ben = await measuresOn(devices[1]!, BEN);
		await added(anna.measures, { title: 'Netz ausbauen' });
		const eAkte = await added(anna.measures, { title: 'E-Akte' });
		sync();

		expect(await ben.measures.move(eAkte, 0)).toEqual({ ok: true, id: eAkte });
		sync();
		expect(titles(anna.measures)).toEqual(['E-Akte', 'Netz ausbauen']);

		await ben.undo.undo();
		sync();
		expect(titles(anna.measures)).toEqual(['Netz ausbauen', 'E-Akte']);
	});

	it('measures added under a Handlungsfeld while another device removes it stay listed, after the others, and are back under it when the removal is undone', async () => {
		const { devices, sync } = room(2);
		const anna = await measuresOn(devices[0]!, ANNA);
		const laptop = await measuresOn(devices[1]!, MODERATION);
		await added(laptop.measures, { title: 'Datenkatalog', actionFieldId: OTHER_FIELD });
		sync();

		await added(anna.measures, { title: 'Scanstraße' });
		expect(await laptop.fields.remove(FIELD)).toBe(true);
		sync();
		for (const device of [anna, laptop]) {
			expect(device.measures.fields.map((field) => field.id)).toEqual([OTHER_FIELD]);
			expect(titles(device.measures)).toEqual(['Datenkatalog', 'Scanstraße']);
		}

		expect(await laptop.undo.undo()).toMatchObject({ kind: 'remove' });
		sync();
		expect(anna.measures.byField(FIELD).map((m) => m.title)).toEqual(['Scanstraße']);
		expect(titles(anna.measures)).toEqual(['Scanstraße', 'Datenkatalog']);
	});

	it('two devices each closing half of a dependency cycle offline keep both links, and the SMART check names the cycle on every device', async () => {
		const { devices, sync } = room(2);
		const anna = await measuresOn(devices[0]!, ANNA);
		const ben = await measuresOn(devices[1]!, BEN);
		const netz = await added(anna.measures, { title: 'Netz ausbauen' });
		const eAkte = await added(anna.measures, { title: 'E-Akte' });
		sync();
		const shownNetz = anna.measures.measures.find((m) => m.id === netz)!;
		const shownAkte = ben.measures.measures.find((m) => m.id === eAkte)!;

		// Each is fine on its own device: no cycle there yet.
		expect(
			await anna.measures.edit(netz, shownNetz, { ...draftOf(shownNetz), dependsOn: [eAkte] })
		).toEqual({ ok: true, id: netz });
		expect(
			await ben.measures.edit(eAkte, shownAkte, { ...draftOf(shownAkte), dependsOn: [netz] })
		).toEqual({ ok: true, id: eAkte });
		sync();

		for (const device of [anna, ben]) {
			const cycle = (id: string) =>
				device.measures.warnings.get(id)?.filter((w) => w.code === 'dependency_cycle');
			expect(cycle(netz)).toEqual([
				{ code: 'dependency_cycle', measureId: netz, dependencyId: eAkte }
			]);
			expect(cycle(eAkte)).toEqual([
				{ code: 'dependency_cycle', measureId: eAkte, dependencyId: netz }
			]);
		}
	});

	it('the form’s SMART check follows what is typed, against the other measures, before anything is saved', async () => {
		const { devices } = room(1);
		const { measures } = await measuresOn(devices[0]!, ANNA);
		const codesOf = (change: Partial<MeasureDraft>, self: string | null = null) =>
			measures.draftWarnings(draft(change), self).map((w) => w.code);

		expect(codesOf({ title: 'Neu' })).toEqual([
			'owner_missing',
			'due_missing',
			'indicator_missing'
		]);
		const complete = { owner: 'Kämmerei', due: 'Q3 2027', indicator: 'Anteil' };
		expect(codesOf({ title: 'Neu', ...complete })).toEqual([]);
		// A time nobody can read yet is not "missing": saving says at the field what is wrong.
		expect(codesOf({ title: 'Neu', ...complete, due: 'Somm' })).toEqual([]);
		expect(codesOf({ title: 'Neu', ...complete, start: '30.09.2027', due: '01.07.2027' })).toEqual([
			'due_before_start'
		]);

		// Three measures of the Kämmerei due in Q3 2027 are saved: a fourth in the form is one too many,
		// while editing one of the three counts it once.
		const saved: string[] = [];
		for (const title of ['A', 'B', 'C']) saved.push(await added(measures, { title, ...complete }));
		expect(measures.draftWarnings(draft({ title: 'D', ...complete }), null)).toEqual([
			{
				code: 'owner_overloaded',
				measureId: '(neu)',
				owner: 'Kämmerei',
				quarter: '2027-Q3',
				count: 4
			}
		]);
		expect(codesOf({ title: 'A', ...complete }, saved[0]!)).toEqual([]);

		// Waiting for a measure due later is said at once, naming it.
		const later = await added(measures, { title: 'Netz', owner: 'IT', due: 'Q4 2027' });
		expect(
			measures.draftWarnings(
				draft({ title: 'D', ...complete, owner: 'Bauamt', dependsOn: [later] }),
				null
			)
		).toEqual([{ code: 'due_before_dependency', measureId: '(neu)', dependencyId: later }]);
		// Nothing of it was written.
		expect(titles(measures)).toEqual(['A', 'B', 'C', 'Netz']);
	});

	it('a participant removes and restores only their own measures; the facilitator any', async () => {
		const { devices, sync } = room(2);
		const anna = await measuresOn(devices[0]!, ANNA);
		const laptop = await measuresOn(devices[1]!, MODERATION);
		const annas = await added(anna.measures, { title: 'Scanstraße' });
		const facilitators = await added(laptop.measures, { title: 'Netz ausbauen' });
		sync();

		expect([anna.measures.canRemove(annas), anna.measures.canRemove(facilitators)]).toEqual([
			true,
			false
		]);
		expect(await anna.measures.remove(facilitators)).toEqual({ ok: false, error: 'read_only' });
		expect(await anna.measures.remove(annas)).toEqual({ ok: true, id: annas });
		sync();
		expect(laptop.measures.removed.map((m) => m.title)).toEqual(['Scanstraße']);
		expect(titles(laptop.measures)).toEqual(['Netz ausbauen']);

		expect(await anna.measures.restore(annas)).toEqual({ ok: true, id: annas });
		sync();
		expect(await laptop.measures.remove(annas)).toEqual({ ok: true, id: annas });
		expect(await laptop.measures.restore(annas)).toEqual({ ok: true, id: annas });
		sync();
		expect(titles(anna.measures)).toEqual(['Scanstraße', 'Netz ausbauen']);
		expect(anna.measures.removed).toEqual([]);
	});
});

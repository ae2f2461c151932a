// The municipality's plan (ADR 17) over the boards of two workshops: this device facilitates the first
// and took part in the second.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActionField } from '../../crdt/workshop-action-fields';
import {
	addMeasure,
	addStatusChange,
	readMeasures,
	type NewMeasure
} from '../../crdt/workshop-measures';
import { measureFixture } from '../../crdt/workshop-measures.fixture';
import { workshopBoardDocName } from '../../domain/document-names';
import type { SessionRow } from '../../storage/db';
import { handleOn, loaded, render, unrender } from '../test-documents.svelte';
import type { WorkshopRole } from '../viewer.svelte';
import { MunicipalityPlan } from './municipality-plan.svelte';

afterEach(unrender);

const ARS = '032520006006';

const row = (id: string, title: string): SessionRow => ({
	scope: `kommune/${ARS}/workshop/${id}`,
	ars: ARS,
	kind: 'workshop',
	id,
	title,
	date: null,
	createdAt: 1
});

const measure = (id: string, title: string, order: string): NewMeasure =>
	measureFixture({
		id,
		actionFieldId: 'hf.prozesse',
		title,
		owner: 'Hauptamt',
		due: '2027-Q3',
		order,
		authorId: 'p-anna',
		createdAt: 1_000
	});

/** Two workshops' boards with their Handlungsfeld and measures; the second's by a participant. */
async function twoWorkshops() {
	const boards: Record<string, Y.Doc> = { w1: new Y.Doc(), w2: new Y.Doc() };
	for (const doc of Object.values(boards))
		addActionField(doc, {
			id: 'hf.prozesse',
			title: 'Prozesse digitalisieren',
			dimensions: ['prozesse'],
			order: 'a0',
			createdAt: 1
		});
	addMeasure(boards['w1']!, measure('m2', 'Scanstraße', 'a1'));
	addMeasure(boards['w1']!, measure('m1', 'E-Akte einführen', 'a0'));
	addStatusChange(boards['w1']!, {
		id: 's1',
		measureId: 'm1',
		status: 'in_arbeit',
		by: 'p-anna',
		byName: 'Anna',
		at: 5_000
	});
	addMeasure(boards['w2']!, measure('m3', 'WLAN in Schulen', 'a0'));
	const roles: Record<string, WorkshopRole> = {
		w1: { kind: 'facilitator' },
		w2: { kind: 'participant', participantId: 'p-ben', displayName: 'Ben' }
	};
	const plan = new MunicipalityPlan({
		ars: ARS,
		sessions: { workshops: [row('w1', 'Auftakt'), row('w2', 'Schulen')], loaded: true },
		open: async (name) => {
			const id = Object.keys(boards).find((w) => workshopBoardDocName(ARS, w) === name);
			return handleOn(boards[id!]!);
		},
		role: async (workshop) => roles[workshop]!,
		now: () => 9_000
	});
	await loaded(plan);
	render(() => plan.entries);
	await expect.poll(() => plan.canWrite('w1')).toBe(true);
	return { plan, boards };
}

describe('MunicipalityPlan', () => {
	it('a page showing the plan sees it finish loading and then its measures', async () => {
		const board = new Y.Doc();
		addMeasure(board, measure('m1', 'E-Akte einführen', 'a0'));
		const plan = new MunicipalityPlan({
			ars: ARS,
			sessions: { workshops: [row('w1', 'Auftakt')], loaded: true },
			open: async () => handleOn(board),
			role: async () => ({ kind: 'facilitator' })
		});
		// What the page's template sees: the values its reaction read, each time it ran.
		const seen: Array<[boolean, number]> = [];
		render(() => seen.push([plan.loading, plan.entries.length]));
		await expect.poll(() => seen.at(-1)).toEqual([false, 1]);
		expect(seen[0]).toEqual([true, 0]);
	});

	it('lists every measure of every workshop with its workshop, Handlungsfeld and who set which status when', async () => {
		const { plan } = await twoWorkshops();

		expect(
			plan.entries.map((e) => [e.workshopTitle, e.fieldTitle, e.measure.title, e.measure.status])
		).toEqual([
			['Auftakt', 'Prozesse digitalisieren', 'E-Akte einführen', 'in_arbeit'],
			['Auftakt', 'Prozesse digitalisieren', 'Scanstraße', 'geplant'],
			['Schulen', 'Prozesse digitalisieren', 'WLAN in Schulen', 'geplant']
		]);
		expect(plan.entries[0]!.history.map((c) => [c.status, c.byName, c.at])).toEqual([
			['in_arbeit', 'Anna', 5_000]
		]);
		expect(plan.entries.map((e) => e.canWrite)).toEqual([true, true, false]);
	});

	it('the facilitator sets a status and notes; the history shows who and when, and the board holds both', async () => {
		const { plan, boards } = await twoWorkshops();

		expect(await plan.setStatus('w1', 'm1', 'umgesetzt', 'Abgenommen')).toEqual({
			ok: true,
			id: 'm1'
		});
		expect(await plan.editNotes('w1', 'm1', 'Im Rat vorgestellt')).toEqual({ ok: true, id: 'm1' });

		expect(plan.entries[0]!.measure).toMatchObject({
			status: 'umgesetzt',
			notes: 'Im Rat vorgestellt'
		});
		expect(
			plan.entries[0]!.history.map((c) => [c.status, c.by, c.byName, c.at, c.note ?? null])
		).toEqual([
			['umgesetzt', 'moderation', 'Moderation', 9_000, 'Abgenommen'],
			['in_arbeit', 'p-anna', 'Anna', 5_000, null]
		]);
		const stored = readMeasures(boards['w1']!);
		expect(stored.measures.find((m) => m.id === 'm1')!.notes).toBe('Im Rat vorgestellt');
		expect(stored.changes).toHaveLength(2);
	});

	it('a workshop this device does not facilitate is only read, and a note that does not validate is refused; nothing is written', async () => {
		const { plan, boards } = await twoWorkshops();
		const before = Object.values(boards).map((doc) => Y.encodeStateAsUpdate(doc));

		expect(await plan.setStatus('w2', 'm3', 'umgesetzt')).toEqual({
			ok: false,
			error: 'read_only'
		});
		expect(await plan.editNotes('w2', 'm3', 'Fertig')).toEqual({ ok: false, error: 'read_only' });
		expect(await plan.editNotes('w1', 'm1', 'x'.repeat(4_001))).toEqual({
			ok: false,
			error: 'measure_text_too_long',
			field: 'notes'
		});

		expect(Object.values(boards).map((doc) => Y.encodeStateAsUpdate(doc))).toEqual(before);
	});
});

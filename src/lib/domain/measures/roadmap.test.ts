import { describe, expect, it } from 'vitest';
import type { Measure } from './measure';
import { measureFixture as measure } from './measure.fixture';
import { filterMeasures, roadmap, sortMeasures } from './roadmap';

const ids = (list: readonly Measure[]) => list.map((m) => m.id);

describe('filtering the measures of a roadmap or plan', () => {
	const list = [
		measure('m1', { actionFieldId: 'hf.a', owner: 'Kämmerei', status: 'in_arbeit' }),
		measure('m2', { actionFieldId: 'hf.b', owner: ' kämmerei', status: 'geplant' }),
		measure('m3', { actionFieldId: 'hf.a', owner: 'Bauamt', status: 'in_arbeit' }),
		measure('m4', { actionFieldId: 'hf.a', owner: '', status: 'umgesetzt' })
	];

	it('keeps all without a filter', () => {
		expect(ids(filterMeasures(list, {}))).toEqual(['m1', 'm2', 'm3', 'm4']);
	});

	it('by Handlungsfeld, by status, and by owner however it was typed', () => {
		expect(ids(filterMeasures(list, { actionFieldId: 'hf.a' }))).toEqual(['m1', 'm3', 'm4']);
		expect(ids(filterMeasures(list, { status: 'in_arbeit' }))).toEqual(['m1', 'm3']);
		expect(ids(filterMeasures(list, { owner: 'KÄMMEREI ' }))).toEqual(['m1', 'm2']);
	});

	it('by owner "nobody" for the measures still without owner', () => {
		expect(ids(filterMeasures(list, { owner: '' }))).toEqual(['m4']);
	});

	it('by all filters at once', () => {
		expect(
			ids(filterMeasures(list, { actionFieldId: 'hf.a', owner: 'kämmerei', status: 'in_arbeit' }))
		).toEqual(['m1']);
		expect(ids(filterMeasures(list, { actionFieldId: 'hf.b', status: 'in_arbeit' }))).toEqual([]);
	});
});

describe('the roadmap', () => {
	const fields = [
		{ id: 'hf.b', title: 'Digitale Verwaltung', order: 'a1' },
		{ id: 'hf.a', title: 'Daten', order: 'a0' },
		{ id: 'hf.c', title: 'Leer', order: 'a2' }
	];

	it('spans each measure from its start quarter to its due quarter, under its Handlungsfeld', () => {
		const map = roadmap(
			[
				measure('span', { actionFieldId: 'hf.a', start: '2027-Q1', due: '2027-09-30' }),
				measure('dueOnly', { actionFieldId: 'hf.b', due: '2027-11-15', order: 'a0' }),
				measure('startOnly', { actionFieldId: 'hf.b', start: '2027-Q2', order: 'a1' })
			],
			fields
		);
		expect(map.quarters).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
		expect(map.rows.map((r) => r.field.id)).toEqual(['hf.a', 'hf.b', 'hf.c']);
		expect(
			map.rows.map((r) => r.measures.map((b) => [b.measure.id, b.fromQuarter, b.toQuarter]))
		).toEqual([
			[['span', '2027-Q1', '2027-Q3']],
			[
				['startOnly', '2027-Q2', '2027-Q2'],
				['dueOnly', '2027-Q4', '2027-Q4']
			],
			[]
		]);
		expect(map.unscheduled).toEqual([]);
	});

	it('shows every quarter between the earliest and the latest, across years and gaps', () => {
		const map = roadmap(
			[measure('early', { due: '2027-Q4' }), measure('late', { start: '2028-Q3', due: '2028-Q3' })],
			fields
		);
		expect(map.quarters).toEqual(['2027-Q4', '2028-Q1', '2028-Q2', '2028-Q3']);
	});

	it('spans a measure due before its start from the earlier quarter to the later', () => {
		const map = roadmap([measure('odd', { start: '2027-Q4', due: '2027-Q2' })], fields);
		expect(map.rows[0]!.measures).toEqual([
			{
				measure: expect.objectContaining({ id: 'odd' }),
				fromQuarter: '2027-Q2',
				toQuarter: '2027-Q4'
			}
		]);
	});

	it('orders a row by start quarter, then by the measures’ order', () => {
		const map = roadmap(
			[
				measure('second', { due: '2027-Q3', order: 'a2' }),
				measure('later', { due: '2027-Q4', order: 'a0' }),
				measure('first', { due: '2027-Q3', order: 'a1' })
			],
			fields
		);
		expect(map.rows[0]!.measures.map((b) => b.measure.id)).toEqual(['first', 'second', 'later']);
	});

	it('lists measures with neither start nor due apart, by Handlungsfeld and order', () => {
		const map = roadmap(
			[
				measure('b1', { actionFieldId: 'hf.b', order: 'a0' }),
				measure('a2', { actionFieldId: 'hf.a', order: 'a2' }),
				measure('a1', { actionFieldId: 'hf.a', order: 'a1' })
			],
			fields
		);
		expect(ids(map.unscheduled)).toEqual(['a1', 'a2', 'b1']);
		expect(map.quarters).toEqual([]);
		expect(map.rows.every((r) => r.measures.length === 0)).toBe(true);
	});

	it('leaves out the measures of a Handlungsfeld not passed (removed)', () => {
		const map = roadmap(
			[
				measure('gone', { actionFieldId: 'hf.removed', due: '2026-Q1' }),
				measure('kept', { due: '2027-Q1' })
			],
			fields
		);
		expect(map.quarters).toEqual(['2027-Q1']);
		expect(map.rows.flatMap((r) => r.measures.map((b) => b.measure.id))).toEqual(['kept']);
		expect(map.unscheduled).toEqual([]);
	});
});

describe('sorting the plan', () => {
	const fields = [
		{ id: 'hf.a', title: 'Zusammenarbeit' },
		{ id: 'hf.b', title: 'Ämterübergreifende Daten' }
	];
	const list = [
		measure('m1', {
			title: 'Zentrale E-Akte',
			actionFieldId: 'hf.a',
			owner: 'Kämmerei',
			due: '2027-09-30',
			status: 'umgesetzt'
		}),
		measure('m2', {
			title: 'Änderung der Geschäftsordnung',
			actionFieldId: 'hf.b',
			owner: '',
			due: '2027-Q3',
			status: 'geplant'
		}),
		measure('m3', {
			title: 'Bürgerportal 10',
			actionFieldId: 'hf.a',
			owner: 'Amt 2',
			due: null,
			status: 'zurueckgestellt'
		}),
		measure('m4', {
			title: 'Bürgerportal 9',
			actionFieldId: 'hf.b',
			owner: 'amt 10',
			due: '2027-Q1',
			status: 'in_arbeit'
		})
	];

	it('by title as a German reader expects, numbers by value', () => {
		expect(ids(sortMeasures(list, 'title'))).toEqual(['m2', 'm4', 'm3', 'm1']);
		expect(ids(sortMeasures(list, 'title', 'desc'))).toEqual(['m1', 'm3', 'm4', 'm2']);
	});

	it('by the title of the Handlungsfeld, then by title', () => {
		expect(ids(sortMeasures(list, 'actionField', 'asc', fields))).toEqual(['m2', 'm4', 'm3', 'm1']);
		expect(ids(sortMeasures(list, 'actionField', 'desc', fields))).toEqual([
			'm1',
			'm3',
			'm4',
			'm2'
		]);
	});

	it('by owner, measures without owner last in either direction', () => {
		expect(ids(sortMeasures(list, 'owner'))).toEqual(['m3', 'm4', 'm1', 'm2']);
		expect(ids(sortMeasures(list, 'owner', 'desc'))).toEqual(['m1', 'm4', 'm3', 'm2']);
	});

	it('by due, a quarter before a day on its last day, measures without due last', () => {
		expect(ids(sortMeasures(list, 'due'))).toEqual(['m4', 'm2', 'm1', 'm3']);
		expect(ids(sortMeasures(list, 'due', 'desc'))).toEqual(['m1', 'm2', 'm4', 'm3']);
	});

	it('by status in the order of a measure’s life', () => {
		expect(ids(sortMeasures(list, 'status'))).toEqual(['m2', 'm4', 'm1', 'm3']);
	});

	it('leaves the list it was given as it was', () => {
		sortMeasures(list, 'title');
		expect(ids(list)).toEqual(['m1', 'm2', 'm3', 'm4']);
	});
});

import { describe, expect, it } from 'vitest';
import type { MeasureStatus, StatusChange } from './measure';
import { currentStatus, historyOf } from './status-history';

const DAY = 86_400_000;
const MONDAY = Date.UTC(2027, 2, 1, 9);

const change = (id: string, status: MeasureStatus, at: number, measureId = 'm1'): StatusChange => ({
	id,
	measureId,
	status,
	by: 'p1',
	byName: 'Kämmerin',
	at
});

describe('the current status of a measure', () => {
	it('is "geplant" before anyone set one', () => {
		expect(currentStatus([])).toBe('geplant');
	});

	it('is the one set last, whatever order the changes arrived in', () => {
		const history = [
			change('c2', 'umgesetzt', MONDAY + 7 * DAY),
			change('c1', 'in_arbeit', MONDAY),
			change('c3', 'zurueckgestellt', MONDAY + 3 * DAY)
		];
		expect(currentStatus(history)).toBe('umgesetzt');
		expect(currentStatus([...history].reverse())).toBe('umgesetzt');
	});

	it('is the same on every device when two were set at the same moment: the greater id wins', () => {
		const a = change('c-aaa', 'in_arbeit', MONDAY);
		const b = change('c-bbb', 'zurueckgestellt', MONDAY);
		expect(currentStatus([a, b])).toBe('zurueckgestellt');
		expect(currentStatus([b, a])).toBe('zurueckgestellt');
	});
});

describe('the status history of a measure', () => {
	it('lists only that measure’s changes, newest first, ties by id like the current status', () => {
		const changes = [
			change('c1', 'in_arbeit', MONDAY),
			change('x1', 'umgesetzt', MONDAY + DAY, 'm2'),
			change('c3', 'umgesetzt', MONDAY + 7 * DAY),
			change('c2', 'zurueckgestellt', MONDAY + 2 * DAY),
			change('c4', 'in_arbeit', MONDAY + 2 * DAY)
		];
		expect(historyOf(changes, 'm1').map((c) => c.id)).toEqual(['c3', 'c4', 'c2', 'c1']);
		expect(historyOf(changes, 'm2').map((c) => c.id)).toEqual(['x1']);
		expect(historyOf(changes, 'm3')).toEqual([]);
	});

	it('leaves the list it was given as it was', () => {
		const changes = [change('c1', 'in_arbeit', MONDAY), change('c2', 'umgesetzt', MONDAY + DAY)];
		historyOf(changes, 'm1');
		expect(changes.map((c) => c.id)).toEqual(['c1', 'c2']);
	});
});

// The roadmap and the plan table of issue 18: measures filtered by Handlungsfeld, owner and status,
// laid out by quarter under their Handlungsfeld, and sorted by a column of the plan.

import { compareByOrder } from '../workshop/ordering';
import { MEASURE_STATUSES, type Measure, type MeasureStatus } from './measure';
import { firstDay, lastDay, quarterOf, quartersBetween } from './schedule';
import { ownerKey } from './smart-check';

export interface MeasureFilter {
	actionFieldId?: string;
	/** Compared like the overload hint (trimmed, any case); `''` keeps the measures without owner. */
	owner?: string;
	status?: MeasureStatus;
}

/** The measures matching every filter given; a filter left undefined keeps all. */
export function filterMeasures(measures: readonly Measure[], filter: MeasureFilter): Measure[] {
	const owner = filter.owner === undefined ? undefined : ownerKey(filter.owner);
	return measures.filter(
		(m) =>
			(filter.actionFieldId === undefined || m.actionFieldId === filter.actionFieldId) &&
			(owner === undefined || ownerKey(m.owner) === owner) &&
			(filter.status === undefined || m.status === filter.status)
	);
}

export interface RoadmapField {
	id: string;
	title: string;
	order: string;
}

export interface RoadmapBar {
	measure: Measure;
	/** Canonical quarters (`2027-Q3`), `fromQuarter` never after `toQuarter`. */
	fromQuarter: string;
	toQuarter: string;
}

export interface Roadmap<F extends RoadmapField = RoadmapField> {
	/** Every quarter from the earliest to the latest bar, gaps included, so the timeline is even. */
	quarters: string[];
	/** One row per field, in field order, its bars by start quarter and then measure order. */
	rows: Array<{ field: F; measures: RoadmapBar[] }>;
	/** Measures with neither start nor due, in field order and then measure order. */
	unscheduled: Measure[];
}

/**
 * Measures by quarter under their Handlungsfeld. A measure spans from its start's quarter to its due's
 * quarter (the earlier to the later, should due lie before start: the SMART check says so); one with
 * only a due or only a start spans that one quarter. Measures of fields not passed (a removed
 * Handlungsfeld) are left out, as they are on the measures page; restoring the field shows them again.
 */
export function roadmap<F extends RoadmapField>(
	measures: readonly Measure[],
	fields: readonly F[]
): Roadmap<F> {
	const sortedFields = [...fields].sort(compareByOrder);
	const fieldIndex = new Map(sortedFields.map((f, i) => [f.id, i]));
	const rows = sortedFields.map((field) => ({ field, measures: [] as RoadmapBar[] }));
	const unscheduled: Measure[] = [];
	let earliest: string | null = null;
	let latest: string | null = null;

	for (const measure of [...measures].sort(compareByOrder)) {
		const row = fieldIndex.get(measure.actionFieldId);
		if (row === undefined) continue;
		const points = [measure.start, measure.due].filter((p) => p !== null).map(quarterOf);
		if (points.length === 0) {
			unscheduled.push(measure);
			continue;
		}
		const [fromQuarter, toQuarter] = [points.reduce(min), points.reduce(max)];
		rows[row]!.measures.push({ measure, fromQuarter, toQuarter });
		earliest = earliest === null ? fromQuarter : min(earliest, fromQuarter);
		latest = latest === null ? toQuarter : max(latest, toQuarter);
	}
	for (const row of rows) {
		// Stable sort: same start quarter keeps measure order.
		row.measures.sort((a, b) => compareText(a.fromQuarter, b.fromQuarter));
	}
	unscheduled.sort((a, b) => fieldIndex.get(a.actionFieldId)! - fieldIndex.get(b.actionFieldId)!);
	return {
		quarters: earliest === null || latest === null ? [] : quartersBetween(earliest, latest),
		rows,
		unscheduled
	};
}

// Canonical quarters of years 2000–2099 sort as text.
const min = (a: string, b: string): string => (b < a ? b : a);
const max = (a: string, b: string): string => (b > a ? b : a);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export type MeasureSortKey = 'title' | 'actionField' | 'owner' | 'due' | 'status';
export type SortDirection = 'asc' | 'desc';

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

/**
 * The plan's rows sorted by one column. Text sorts as a German reader expects ("Ämter" with "A");
 * the Handlungsfeld by its title among `fields` (the fields of every board the plan shows); due by
 * the last day it covers, then the first ("Q3 2027" before "30.09.2027"); status in
 * the order of its life (geplant, in Arbeit, umgesetzt, zurückgestellt). Measures without owner or due
 * come last in either direction; equal rows keep the order of their titles, then ids, so every device
 * shows the same table.
 */
export function sortMeasures(
	list: readonly Measure[],
	key: MeasureSortKey,
	direction: SortDirection = 'asc',
	fields: readonly Pick<RoadmapField, 'id' | 'title'>[] = []
): Measure[] {
	const fieldTitle = new Map(fields.map((f) => [f.id, f.title]));
	const sign = direction === 'asc' ? 1 : -1;
	// Each row's key read once (a day range parsed, a title looked up), not once per comparison.
	const keyOf = (m: Measure): string | number | null => {
		switch (key) {
			case 'title':
				return '';
			case 'actionField':
				return fieldTitle.get(m.actionFieldId) ?? '';
			case 'owner':
				return m.owner.trim() === '' ? null : m.owner.trim();
			case 'due':
				// Last day, then first day: "Q3 2027" (07-01…09-30) before "30.09.2027".
				return m.due === null ? null : `${lastDay(m.due)} ${firstDay(m.due)}`;
			case 'status':
				return MEASURE_STATUSES.indexOf(m.status);
		}
	};
	const rows = list.map((measure) => ({ measure, key: keyOf(measure) }));
	const compareKeys = (a: string | number, b: string | number): number =>
		typeof a === 'number' && typeof b === 'number'
			? a - b
			: key === 'due'
				? compareText(String(a), String(b))
				: collator.compare(String(a), String(b));
	const tieBreak = (a: Measure, b: Measure) =>
		collator.compare(a.title, b.title) || compareText(a.id, b.id);
	rows.sort((a, b) => {
		// Rows without owner or due last, in either direction.
		if (a.key === null || b.key === null) {
			if (a.key !== null) return -1;
			if (b.key !== null) return 1;
			return tieBreak(a.measure, b.measure) * sign;
		}
		return (compareKeys(a.key, b.key) || tieBreak(a.measure, b.measure)) * sign;
	});
	return rows.map((row) => row.measure);
}

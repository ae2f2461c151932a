// Maßnahmen on the board of the workshop they were written in (ADR 17), as flat field records in
// `measures` (`<measureId>/<field>`, ADR 8): two devices editing different fields of one measure both
// keep their change. Dimensions, IKZ partners, dependencies and sources are one key each (`dim.<d>`,
// `ikz.<ARS>`, `dep.<measureId>`, `src.<itemId>`), so adding two at once keeps both. A removed measure
// keeps its record with `removed` set: an edit made meanwhile on another device stays on it, and undo
// brings the measure back with that edit.
//
// The status is a history in `measureStatus` (`<measureId>/<changeId>` → one change), written once and
// never changed; the current status is the latest change's (domain/measures/status-history.ts).

import * as v from 'valibot';
import type * as Y from 'yjs';
import { DIMENSIONS, type DimensionId } from '../domain/check/catalog-types';
import type {
	Measure,
	MeasureSource,
	MeasureSourceKind,
	StatusChange
} from '../domain/measures/measure';
import { currentStatus } from '../domain/measures/status-history';
import { isOrderKey } from '../domain/workshop/ordering';
import { isRecordId, readFieldRecords, writeFields } from './field-records';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';
import { MEASURE_LINKS, MEASURE_RECORD, MEASURE_STATUS_ENTRY } from './schemas/workshop';
import { removalFields } from './workshop-removed';

const DIM = 'dim.';
const IKZ = 'ikz.';
const DEP = 'dep.';
const SRC = 'src.';

function writable(doc: Y.Doc, key: (typeof ROOT_KEYS)['measures' | 'measureStatus']) {
	const map = rootMap(doc, key);
	if (map === null) throw new Error(`${key} root has the wrong type`);
	return map;
}

export interface MeasuresRead {
	/** The measures not removed, in document order (the state layer sorts them). */
	measures: Measure[];
	removedIds: string[];
	/** The removed measures that still read whole (for restoring them). */
	removed: Measure[];
	/** Every valid status change, of removed measures too. */
	changes: StatusChange[];
	/** Records and status entries left out because they do not validate. */
	malformed: number;
}

/** The ids after `prefix` among a record's fields whose value the prefix's schema accepts. */
function linked(record: Map<string, unknown>, prefix: keyof typeof MEASURE_LINKS): string[] {
	const ids: string[] = [];
	for (const [field, value] of record)
		if (field.startsWith(prefix) && v.is(MEASURE_LINKS[prefix], value)) {
			const id = field.slice(prefix.length);
			if (isRecordId(id)) ids.push(id);
		}
	return ids.sort();
}

function readChanges(doc: Y.Doc): { changes: StatusChange[]; malformed: number } {
	const changes: StatusChange[] = [];
	let malformed = 0;
	for (const [key, value] of rootMap(doc, ROOT_KEYS.measureStatus)?.entries() ?? []) {
		const [measureId, id, ...rest] = key.split('/');
		const entry = v.safeParse(MEASURE_STATUS_ENTRY, value);
		if (rest.length > 0 || !isRecordId(measureId) || !isRecordId(id) || !entry.success) {
			malformed += 1;
			continue;
		}
		const { status, by, byName, at, note } = entry.output;
		changes.push({
			id,
			measureId,
			status,
			by,
			byName,
			at,
			...(note === undefined ? {} : { note })
		});
	}
	return { changes, malformed };
}

export function readMeasures(doc: Y.Doc): MeasuresRead {
	const measures: Measure[] = [];
	const removed: Measure[] = [];
	const removedIds: string[] = [];
	const read = readChanges(doc);
	let malformed = read.malformed;
	const changesOf = new Map<string, StatusChange[]>();
	for (const change of read.changes)
		changesOf.set(change.measureId, [...(changesOf.get(change.measureId) ?? []), change]);
	for (const [id, record] of readFieldRecords(rootMap(doc, ROOT_KEYS.measures))) {
		const gone = record.get('removed') === true;
		if (gone) removedIds.push(id);
		const parsed = v.safeParse(MEASURE_RECORD, Object.fromEntries(record));
		if (!parsed.success) {
			if (!gone) malformed += 1;
			continue;
		}
		const fields = parsed.output;
		(gone ? removed : measures).push({
			id,
			actionFieldId: fields.actionFieldId,
			title: fields.title,
			description: fields.description ?? '',
			dimensions: DIMENSIONS.filter((d) => record.get(`${DIM}${d}`) === true),
			owner: fields.owner ?? '',
			start: fields.start ?? null,
			due: fields.due ?? null,
			budgetEur: fields.budgetEur ?? null,
			staffDays: fields.staffDays ?? null,
			indicator: fields.indicator ?? '',
			target: fields.target ?? '',
			status: currentStatus(changesOf.get(id) ?? []),
			quickWin: fields.quickWin === true,
			ikzPartners: linked(record, IKZ),
			ikzOther: fields.ikzOther ?? '',
			dependsOn: linked(record, DEP),
			sources: linked(record, SRC).map((itemId) => ({
				kind: record.get(`${SRC}${itemId}`) as MeasureSourceKind,
				itemId
			})),
			notes: fields.notes ?? '',
			order: fields.order,
			authorId: fields.authorId,
			createdAt: fields.createdAt
		});
	}
	return { measures, removedIds, removed, changes: read.changes, malformed };
}

/** The fields of a measure a person edits one by one; links are set or unset one key each. */
export interface MeasureChange {
	actionFieldId?: string;
	title?: string;
	description?: string;
	owner?: string;
	start?: string | null;
	due?: string | null;
	budgetEur?: number | null;
	staffDays?: number | null;
	indicator?: string;
	target?: string;
	quickWin?: boolean;
	ikzOther?: string;
	notes?: string;
	order?: string;
	/** Tagged (true) or untagged (false). */
	dimensions?: Partial<Record<DimensionId, boolean>>;
	/** By ARS: added (true) or taken away (false). */
	ikzPartners?: Readonly<Record<string, boolean>>;
	/** By measure id: added (true) or taken away (false). */
	dependsOn?: Readonly<Record<string, boolean>>;
	/** By item id: the kind it was linked as, or null to take the link away. */
	sources?: Readonly<Record<string, MeasureSourceKind | null>>;
}

const SCALARS = [
	'actionFieldId',
	'title',
	'description',
	'owner',
	'start',
	'due',
	'budgetEur',
	'staffDays',
	'indicator',
	'target',
	'ikzOther',
	'notes',
	'order'
] as const;

/** The keys a change writes, as field → value (undefined deletes the key). */
function fieldsOf(change: MeasureChange): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const name of SCALARS) if (change[name] !== undefined) fields[name] = change[name];
	if (change.quickWin !== undefined) fields['quickWin'] = change.quickWin ? true : undefined;
	for (const [d, on] of Object.entries(change.dimensions ?? {}))
		fields[`${DIM}${d}`] = on ? true : undefined;
	const links: [string, Readonly<Record<string, unknown>> | undefined][] = [
		[IKZ, change.ikzPartners],
		[DEP, change.dependsOn]
	];
	for (const [prefix, set] of links)
		for (const [id, on] of Object.entries(set ?? {})) {
			if (!isRecordId(id)) throw new RangeError(`invalid link ${id}`);
			fields[`${prefix}${id}`] = on ? true : undefined;
		}
	for (const [id, kind] of Object.entries(change.sources ?? {})) {
		if (!isRecordId(id)) throw new RangeError(`invalid source ${id}`);
		fields[`${SRC}${id}`] = kind ?? undefined;
	}
	return fields;
}

const MEASURE_FIELDS = v.partial(MEASURE_RECORD);

/** The measure as written on creation: everything set, nothing empty written. */
export type NewMeasure = Omit<Measure, 'status'>;

/** Writes a new measure; empty texts, unset times and amounts are left out. */
export function addMeasure(doc: Y.Doc, measure: NewMeasure, now = Date.now()): void {
	if (!isRecordId(measure.id)) throw new RangeError('invalid measure id');
	const text = (value: string) => (value === '' ? undefined : value);
	const fields = {
		...fieldsOf({
			actionFieldId: measure.actionFieldId,
			title: measure.title,
			description: text(measure.description),
			owner: text(measure.owner),
			start: measure.start ?? undefined,
			due: measure.due ?? undefined,
			budgetEur: measure.budgetEur ?? undefined,
			staffDays: measure.staffDays ?? undefined,
			indicator: text(measure.indicator),
			target: text(measure.target),
			quickWin: measure.quickWin,
			ikzOther: text(measure.ikzOther),
			notes: text(measure.notes),
			order: measure.order,
			dimensions: Object.fromEntries(measure.dimensions.map((d) => [d, true])),
			ikzPartners: Object.fromEntries(measure.ikzPartners.map((ars) => [ars, true])),
			dependsOn: Object.fromEntries(measure.dependsOn.map((id) => [id, true])),
			sources: Object.fromEntries(measure.sources.map((s: MeasureSource) => [s.itemId, s.kind]))
		}),
		authorId: measure.authorId,
		createdAt: measure.createdAt
	};
	if (!v.is(MEASURE_RECORD, fields)) throw new RangeError('invalid measure');
	const map = writable(doc, ROOT_KEYS.measures);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, measure.id, fields);
	});
}

/**
 * Writes what changed, key by key; `rekey`: neighbours whose order keys collide move with it
 * (domain/workshop/ordering.ts).
 */
export function editMeasure(
	doc: Y.Doc,
	id: string,
	change: MeasureChange,
	rekey: ReadonlyArray<{ id: string; order: string }> = [],
	now = Date.now()
): void {
	const fields = fieldsOf(change);
	// A guard against callers that skipped validation: every field must read back.
	if (!v.is(MEASURE_FIELDS, fields)) throw new RangeError('invalid measure fields');
	const map = writable(doc, ROOT_KEYS.measures);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, fields);
		for (const entry of rekey)
			if (isOrderKey(entry.order)) writeFields(map, entry.id, { order: entry.order });
	});
}

/** Removes a measure (`by`: the remover's author id, ADR 21) or restores it. */
export function setMeasureRemoved(
	doc: Y.Doc,
	id: string,
	removed: boolean,
	now = Date.now(),
	by: string | null = null
) {
	const map = writable(doc, ROOT_KEYS.measures);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, removalFields(removed, by, now));
	});
}

/** Appends a status change; an entry is never overwritten (server/SPEC.md). */
export function addStatusChange(doc: Y.Doc, change: StatusChange, now = Date.now()): void {
	const { id, measureId, status, by, byName, at, note } = change;
	const value = { status, by, byName, at, ...(note === undefined ? {} : { note }) };
	if (!isRecordId(measureId) || !isRecordId(id) || !v.is(MEASURE_STATUS_ENTRY, value))
		throw new RangeError('invalid status change');
	const map = writable(doc, ROOT_KEYS.measureStatus);
	const key = `${measureId}/${id}`;
	if (map.has(key)) throw new RangeError('status change exists');
	doc.transact(() => {
		ensureMeta(doc, now);
		map.set(key, value);
	});
}

// The shared parts of a check round (`kommune/<ARS>/check/<round>/shared`, written by moderation): the
// target level per dimension, the process inventory and the barriers with their top 3.
//
// Processes are field records (field-records.ts) in two maps (ADR 13): 'processRecords' holds each
// process as it was created, never rewritten by an edit (presets under the preset's id, so two devices
// seeding at once make one set); 'processFields' holds every later edit under `<processId>/<field>`,
// and `<presetId>/removed` hides a preset so that seeding again does not bring it back. A concurrent
// seed can therefore never overwrite an edit, whichever client wins the race for the creation record.
// Documents of schema version 1 held each creation record as one object in 'processes'; it is read
// through processFromV1 (schemas/check-shared.ts) and written into 'processRecords' by
// migrateProcesses when the document is opened.
//
// A preset's cases per year are an estimate from the population (estimateCases) until a person writes
// that field: the creation record's `estimate` holds the figure with the population it was made for
// (null when the population was unknown and the reference town's figure was taken), one value so the
// two never come from different devices, and an edit in 'processFields' makes the figure the
// municipality's own. When the population changes, the estimates are recomputed without touching the
// record: `<processId>/estimate` in 'processFields' holds the newer estimate with its population. A
// person's `<processId>/casesPerYear` always wins over it.

import { generateKeyBetween } from 'fractional-indexing';
import type * as Y from 'yjs';
import { DIMENSIONS, type DimensionId } from '../domain/check/catalog-types';
import {
	BARRIER_IDS,
	isBarrierId,
	isCustomBarrierId,
	placeInTop3,
	validateCustomBarrier,
	type Barrier,
	type BarrierRank,
	type RankChange
} from '../domain/check/barriers';
import {
	checkProcessField,
	PROCESS_FIELDS,
	estimateCases,
	PROCESS_PRESETS,
	type ProcessEntry,
	type ProcessField,
	type ProcessPatch
} from '../domain/check/processes';
import { isOrderKey } from '../domain/workshop/ordering';
import { deleteRecord, readFieldRecord, readFieldRecords, writeFields } from './field-records';
import { ensureMeta, MIGRATION_ORIGIN, readMeta, ROOT_KEYS, rootMap } from './schema';
import { declaredFields } from './schemas/document-schema';
import { CHECK_SHARED_SCHEMA, processFromV1 } from './schemas/check-shared';

type Root = (typeof ROOT_KEYS)[keyof typeof ROOT_KEYS];

function writableRoot(doc: Y.Doc, key: Root): Y.Map<unknown> {
	const map = rootMap(doc, key);
	if (map === null) throw new Error(`${key} root has the wrong type`);
	return map;
}

// --- targets ---------------------------------------------------------------------------------------

const isLevel = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4;

/** Sets the target level (0–4) of one dimension; null removes it. */
export function writeTarget(
	doc: Y.Doc,
	dimension: DimensionId,
	level: number | null,
	now = Date.now()
): void {
	if (!DIMENSIONS.includes(dimension)) throw new RangeError(`unknown dimension ${dimension}`);
	if (level !== null && !isLevel(level)) throw new RangeError(`target level ${level} is not 0–4`);
	const map = writableRoot(doc, ROOT_KEYS.targets);
	doc.transact(() => {
		ensureMeta(doc, now);
		if (level === null) map.delete(dimension);
		else if (map.get(dimension) !== level) map.set(dimension, level);
	});
}

/** Target levels of the known dimensions; anything else a peer wrote is left out. */
export function readTargets(doc: Y.Doc): Partial<Record<DimensionId, number>> {
	const map = rootMap(doc, ROOT_KEYS.targets);
	const targets: Partial<Record<DimensionId, number>> = {};
	for (const dimension of DIMENSIONS) {
		const level = map?.get(dimension);
		if (isLevel(level)) targets[dimension] = level;
	}
	return targets;
}

// --- processes -------------------------------------------------------------------------------------

const REMOVED = 'removed';
/** The key (after `<processId>/`) of an estimate: a preset's as created, or a recomputed one. */
const ESTIMATE = 'estimate';
const PRESET_IDS = new Set(PROCESS_PRESETS.map((preset) => preset.id));
const PROCESS_VERSION = CHECK_SHARED_SCHEMA.version;
/** The fields of a creation record this version knows (schemas/check-shared.ts). */
const KNOWN_FIELDS = new Set(declaredFields(CHECK_SHARED_SCHEMA.records['process']!.schema));

/** Ids are document keys and the first part of `<processId>/<field>`, so they hold no slash. */
export const isProcessId = (value: unknown): value is string =>
	typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);

/** Fractional keys compare by code unit, not by locale. */
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A preset's cases per year nobody has written yet: an estimate to check. */
export interface CaseEstimate {
	/** The population it was estimated for; null: the reference town's figure (population unknown). */
	population: number | null;
}

export interface ProcessesRead {
	/** By order, ties by id. */
	processes: ProcessEntry[];
	/** By process id: the processes whose cases per year are still the preset's estimate. */
	estimates: Record<string, CaseEstimate>;
	/** Creation records that are not a process (no valid name, order or custom flag): skipped. */
	malformed: number;
	/** Field values that failed validation: the value from before (or null) is shown instead. */
	invalidValues: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The creation record of every process as fields by id: 'processRecords' (version 2), and a record in
 * 'processes' (version 1) through processFromV1 where 'processRecords' has none, e.g. one an app of
 * version 1 added after the migration. A migrated record whose version 1 record an app of version 1
 * has deleted since (removing an own process) is gone.
 */
function creationRecords(doc: Y.Doc): Map<string, Map<string, unknown>> {
	const records = readFieldRecords(rootMap(doc, ROOT_KEYS.processRecords));
	const legacy = rootMap(doc, ROOT_KEYS.processes);
	for (const [id, fields] of records) {
		if (fields.get('migratedFrom') === 1 && !legacy?.has(id)) records.delete(id);
	}
	for (const [id, record] of legacy?.entries() ?? []) {
		if (records.has(id)) continue;
		// Not a process at all: an empty record, which readProcesses counts as malformed.
		records.set(id, new Map(Object.entries(processFromV1(record) ?? {})));
	}
	return records;
}

interface StoredEstimate {
	casesPerYear: number;
	population: number | null;
}

/** An estimate as seedPresetProcesses or recomputeEstimates writes it, or null for anything else. */
function readEstimate(value: unknown): StoredEstimate | null {
	if (!isRecord(value)) return null;
	const { casesPerYear, population } = value;
	const cases = checkProcessField('casesPerYear', casesPerYear);
	if (!('value' in cases) || typeof cases.value !== 'number') return null;
	if (population !== null && !(typeof population === 'number' && population > 0)) return null;
	if (typeof population === 'number' && !Number.isFinite(population)) return null;
	return { casesPerYear: cases.value, population };
}

/**
 * Every field's edit if it validates, else the creation record's value if that does, else null; a
 * preset's cases per year nobody wrote is its estimate (recomputed, else as created). Null when the
 * record is not a process; otherwise the entry and how many values failed validation.
 */
function readEntry(
	id: string,
	record: Map<string, unknown>,
	edits: Map<string, unknown> | undefined
): { entry: ProcessEntry; invalidValues: number; estimate: CaseEstimate | null } | null {
	const custom = record.get('custom');
	if (!isProcessId(id) || typeof custom !== 'boolean') return null;
	let invalidValues = 0;
	const pick = (field: ProcessField): { value: unknown; created: boolean } => {
		const edit = edits?.has(field) ? [{ value: edits.get(field), created: false }] : [];
		for (const { value, created } of [...edit, { value: record.get(field), created: true }]) {
			// A field the record does not have (written by another version) is simply unknown.
			if (value === undefined) continue;
			const checked = checkProcessField(field, value);
			if ('value' in checked) return { value: checked.value, created };
			invalidValues += 1;
		}
		return { value: null, created: true };
	};
	const picked = Object.fromEntries(PROCESS_FIELDS.map((field) => [field, pick(field)]));
	const values = Object.fromEntries(PROCESS_FIELDS.map((field) => [field, picked[field]?.value]));
	const editedOrder = edits?.get('order');
	if (edits?.has('order') && !isOrderKey(editedOrder)) invalidValues += 1;
	const order = isOrderKey(editedOrder) ? editedOrder : record.get('order');
	if (typeof values['name'] !== 'string' || !isOrderKey(order)) return null;
	const entry = { ...values, id, custom, order } as ProcessEntry;
	let estimate: CaseEstimate | null = null;
	const created = record.has(ESTIMATE) ? readEstimate(record.get(ESTIMATE)) : null;
	if (record.has(ESTIMATE) && created === null) invalidValues += 1;
	// A figure a person wrote (a valid edit) is no estimate; a preset's is until then.
	if (!custom && picked['casesPerYear']?.created !== false && created !== null) {
		const current = readEstimate(edits?.get(ESTIMATE)) ?? created;
		entry.casesPerYear = current.casesPerYear;
		estimate = { population: current.population };
	}
	return { entry, invalidValues, estimate };
}

/** The process inventory, validated: records a peer wrote in another shape are skipped and counted. */
export function readProcesses(doc: Y.Doc): ProcessesRead {
	const edits = readFieldRecords(rootMap(doc, ROOT_KEYS.processFields));
	let malformed = 0;
	let invalidValues = 0;
	const processes: ProcessEntry[] = [];
	const estimates: Record<string, CaseEstimate> = {};
	for (const [id, record] of creationRecords(doc)) {
		if (edits.get(id)?.get(REMOVED) === true) continue;
		const read = readEntry(id, record, edits.get(id));
		if (read === null) {
			malformed += 1;
			continue;
		}
		processes.push(read.entry);
		invalidValues += read.invalidValues;
		if (read.estimate) estimates[id] = read.estimate;
	}
	processes.sort((a, b) => compareKeys(a.order, b.order) || compareKeys(a.id, b.id));
	return { processes, estimates, malformed, invalidValues };
}

/**
 * Writes the version 1 records of 'processes' into 'processRecords' (ADR 13); call when the document is
 * opened. Idempotent: writes only the keys whose value differs, so a second run writes nothing.
 * Concurrent-safe: what it writes is a function of the version 1 record alone, under keys nobody
 * edits (edits are in 'processFields'), so two devices migrating the same document write the same
 * values, and a device that migrated before it saw another version 1 record under the same id brings
 * its copy in line when it opens the document again. A migrated record whose version 1 record is gone
 * (an app of version 1 removed an own process) goes too. Returns whether it wrote anything.
 */
export function migrateProcesses(doc: Y.Doc, now = Date.now()): boolean {
	const legacy = rootMap(doc, ROOT_KEYS.processes);
	const records = rootMap(doc, ROOT_KEYS.processRecords);
	if (legacy === null || records === null) return false;
	// A newer app has written to the document: migrating is its business, not this version's.
	if ((readMeta(doc).schemaVersion ?? 0) > PROCESS_VERSION) return false;
	const changes: (() => void)[] = [];
	for (const [id, record] of legacy.entries()) {
		const fields = isProcessId(id) ? processFromV1(record) : null;
		if (fields === null) continue;
		const current = readFieldRecord(records, id);
		const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
		const differs = Object.entries(fields).some(
			([field, value]) => !same(current.get(field), value)
		);
		// Only fields this version declares: a field a newer app added to the record stays.
		const stale = [...current.keys()].filter(
			(field) => KNOWN_FIELDS.has(field) && !(field in fields)
		);
		if (!differs && stale.length === 0) continue;
		changes.push(() => {
			for (const field of stale) records.delete(`${id}/${field}`);
			for (const [field, value] of Object.entries(fields)) {
				if (!same(current.get(field), value)) records.set(`${id}/${field}`, value);
			}
		});
	}
	for (const [id, fields] of readFieldRecords(records)) {
		if (fields.get('migratedFrom') === 1 && !legacy.has(id))
			changes.push(() => deleteRecord(records, id));
	}
	if (changes.length === 0) return false;
	doc.transact(() => {
		ensureMeta(doc, now, PROCESS_VERSION);
		for (const change of changes) change();
	}, MIGRATION_ORIGIN);
	return true;
}

/** The order key after every process (removed ones included), so a new process goes last. */
function nextOrder(doc: Y.Doc): () => string {
	let last: string | null = null;
	const consider = (key: unknown) => {
		if (isOrderKey(key) && (last === null || key > last)) last = key;
	};
	for (const record of creationRecords(doc).values()) consider(record.get('order'));
	for (const fields of readFieldRecords(rootMap(doc, ROOT_KEYS.processFields)).values())
		consider(fields.get('order'));
	return () => (last = generateKeyBetween(last, null));
}

/**
 * Adds the presets the document does not hold yet (a removed preset stays removed), after the existing
 * processes and in preset order, with cases per year estimated for `population` (null: unknown, the
 * reference town's figures). On an empty document every device that knows the same population
 * computes the same records, so two devices seeding at once write identical values under identical
 * keys; devices that disagree each write an estimate consistent with its own population (one value,
 * so the two parts never mix). Nothing a person edits is written here. Returns how many were added.
 */
export function seedPresetProcesses(
	doc: Y.Doc,
	{ population = null, now = Date.now() }: { population?: number | null; now?: number } = {}
): number {
	const records = writableRoot(doc, ROOT_KEYS.processRecords);
	const existing = creationRecords(doc);
	const missing = PROCESS_PRESETS.filter((preset) => !existing.has(preset.id));
	if (missing.length === 0) return 0;
	const order = nextOrder(doc);
	doc.transact(() => {
		ensureMeta(doc, now, PROCESS_VERSION);
		for (const preset of missing) {
			const casesPerYear = estimateCases(preset, population);
			writeFields(records, preset.id, {
				name: preset.name,
				ozgService: preset.ozgService ?? undefined,
				custom: false,
				order: order(),
				[ESTIMATE]: casesPerYear === null ? undefined : { casesPerYear, population }
			});
		}
	});
	return missing.length;
}

/** What recomputeEstimates wrote, so that undoRecompute can put back what was there before. */
export interface EstimateRecompute {
	population: number;
	changes: { id: string; before: StoredEstimate | null; after: StoredEstimate }[];
}

/**
 * Recomputes, for `population`, the case numbers that are still estimates made for another
 * population, in one transaction; a figure a person wrote or confirmed is never touched, since it is
 * no estimate. Writes only the `<id>/estimate` keys of 'processFields' (the creation records stay as
 * they were), so a person's concurrent edit of the same figure wins on every device. Throws unless
 * the population is a positive number.
 */
export function recomputeEstimates(
	doc: Y.Doc,
	population: number,
	now = Date.now()
): EstimateRecompute {
	if (!(Number.isFinite(population) && population > 0)) {
		throw new RangeError(`population ${population} is not a positive number`);
	}
	const fields = writableRoot(doc, ROOT_KEYS.processFields);
	const changes: EstimateRecompute['changes'] = [];
	for (const [id, estimate] of Object.entries(readProcesses(doc).estimates)) {
		const preset = PROCESS_PRESETS.find((candidate) => candidate.id === id);
		const casesPerYear = preset ? estimateCases(preset, population) : null;
		if (estimate.population === population || casesPerYear === null) continue;
		const before = readEstimate(fields.get(`${id}/${ESTIMATE}`));
		changes.push({ id, before, after: { casesPerYear, population } });
	}
	if (changes.length > 0) {
		doc.transact(() => {
			ensureMeta(doc, now, PROCESS_VERSION);
			for (const { id, after } of changes) fields.set(`${id}/${ESTIMATE}`, { ...after });
		});
	}
	return { population, changes };
}

/**
 * Undoes recomputeEstimates: every estimate it wrote that is still there goes back to what it was
 * (the previous recompute, or the creation record's estimate). An estimate recomputed again since,
 * on this device or another, stays, like undo elsewhere (personal-undo.ts): undo never takes back
 * somebody else's change. Returns how many estimates it restored.
 */
export function undoRecompute(doc: Y.Doc, recompute: EstimateRecompute, now = Date.now()): number {
	const fields = writableRoot(doc, ROOT_KEYS.processFields);
	const still = recompute.changes.filter(({ id, after }) => {
		const current = readEstimate(fields.get(`${id}/${ESTIMATE}`));
		return (
			current !== null &&
			current.casesPerYear === after.casesPerYear &&
			current.population === after.population
		);
	});
	if (still.length === 0) return 0;
	doc.transact(() => {
		ensureMeta(doc, now, PROCESS_VERSION);
		for (const { id, before } of still) {
			if (before === null) fields.delete(`${id}/${ESTIMATE}`);
			else fields.set(`${id}/${ESTIMATE}`, { ...before });
		}
	});
	return still.length;
}

/** Adds a process of the municipality's own, after all others. Throws on an invalid id or name. */
export function addCustomProcess(doc: Y.Doc, id: string, name: string, now = Date.now()): void {
	if (!isProcessId(id) || PRESET_IDS.has(id)) throw new RangeError(`invalid process id ${id}`);
	const checked = checkProcessField('name', name);
	if ('error' in checked) throw new RangeError(`invalid process name: ${checked.error}`);
	const records = writableRoot(doc, ROOT_KEYS.processRecords);
	if (creationRecords(doc).has(id)) throw new Error(`process ${id} exists`);
	const order = nextOrder(doc)();
	doc.transact(() => {
		ensureMeta(doc, now, PROCESS_VERSION);
		writeFields(records, id, { name: checked.value, custom: true, order });
	});
}

/**
 * Writes the fields of `patch` that differ from what the process shows now, one key each, in one
 * transaction; pass only what the user changed. Throws on a value that does not validate; returns
 * false (writing nothing) when the process is not there, e.g. removed on another device meanwhile.
 */
export function writeProcess(
	doc: Y.Doc,
	id: string,
	patch: ProcessPatch & { order?: string },
	now = Date.now()
): boolean {
	const read = readProcesses(doc);
	const current = read.processes.find((process) => process.id === id);
	if (current === undefined) return false;
	const changes: [string, unknown][] = [];
	for (const field of PROCESS_FIELDS) {
		if (patch[field] === undefined) continue;
		const checked = checkProcessField(field, patch[field]);
		if ('error' in checked) throw new RangeError(`invalid ${field}: ${checked.error}`);
		// Writing an estimate's own figure confirms it: the number becomes the municipality's.
		const confirms = field === 'casesPerYear' && id in read.estimates;
		if (checked.value !== current[field] || confirms) changes.push([field, checked.value]);
	}
	if (patch.order !== undefined) {
		if (!isOrderKey(patch.order)) throw new RangeError(`invalid order key ${patch.order}`);
		if (patch.order !== current.order) changes.push(['order', patch.order]);
	}
	if (changes.length === 0) return true;
	const fields = writableRoot(doc, ROOT_KEYS.processFields);
	doc.transact(() => {
		ensureMeta(doc, now, PROCESS_VERSION);
		for (const [field, value] of changes) fields.set(`${id}/${field}`, value);
	});
	return true;
}

/**
 * Removes a process: its edits go; a preset keeps its record, marked removed, so seeding skips it; an
 * own process loses its creation record in both encodings, so the migration does not bring it back.
 */
export function removeProcess(doc: Y.Doc, id: string, now = Date.now()): void {
	const records = writableRoot(doc, ROOT_KEYS.processRecords);
	const legacy = writableRoot(doc, ROOT_KEYS.processes);
	const fields = writableRoot(doc, ROOT_KEYS.processFields);
	const record = creationRecords(doc).get(id);
	const isPreset = PRESET_IDS.has(id) || record?.get('custom') === false;
	doc.transact(() => {
		ensureMeta(doc, now, PROCESS_VERSION);
		for (const key of [...fields.keys()]) if (key.startsWith(`${id}/`)) fields.delete(key);
		if (isPreset && record !== undefined) fields.set(`${id}/${REMOVED}`, true);
		else {
			deleteRecord(records, id);
			if (legacy.has(id)) legacy.delete(id);
		}
	});
}

// --- barriers --------------------------------------------------------------------------------------

export type { BarrierRank, RankChange };
const RANKS = ['1', '2', '3'] as const;

/** The round's own barriers, oldest first (ties by id); records of another shape are skipped. */
function readCustomBarriers(doc: Y.Doc): Barrier[] {
	const own: { id: string; label: string; createdAt: number }[] = [];
	for (const [id, record] of rootMap(doc, ROOT_KEYS.customBarriers)?.entries() ?? []) {
		if (!isCustomBarrierId(id) || !isRecord(record)) continue;
		const { label, createdAt } = record;
		if (typeof label !== 'string' || label === '') continue;
		own.push({ id, label, createdAt: typeof createdAt === 'number' ? createdAt : 0 });
	}
	own.sort((a, b) => a.createdAt - b.createdAt || compareKeys(a.id, b.id));
	return own.map(({ id, label }) => ({ id, label }));
}

function checkBarrier(doc: Y.Doc, id: string): void {
	if (isBarrierId(id)) return;
	if (!readCustomBarriers(doc).some((own) => own.id === id)) {
		throw new RangeError(`unknown barrier ${id}`);
	}
}

/**
 * Adds a barrier of the round's own (free text, checked by validateCustomBarrier) and ticks it. Throws
 * on an invalid id or text; the form checks the text first and says why.
 */
export function addCustomBarrier(doc: Y.Doc, id: string, label: string, now = Date.now()): void {
	if (!isCustomBarrierId(id)) throw new RangeError(`invalid barrier id ${id}`);
	const checked = validateCustomBarrier(label, readCustomBarriers(doc));
	if (!checked.ok) throw new RangeError(`invalid barrier: ${checked.error}`);
	const own = writableRoot(doc, ROOT_KEYS.customBarriers);
	const barriers = writableRoot(doc, ROOT_KEYS.barriers);
	doc.transact(() => {
		ensureMeta(doc, now);
		own.set(id, { label: checked.value, createdAt: now });
		barriers.set(id, true);
	});
}

/** Removes an own barrier with its tick and rank. */
export function removeCustomBarrier(doc: Y.Doc, id: string, now = Date.now()): void {
	if (!isCustomBarrierId(id)) throw new RangeError(`invalid barrier id ${id}`);
	const own = writableRoot(doc, ROOT_KEYS.customBarriers);
	const barriers = writableRoot(doc, ROOT_KEYS.barriers);
	const ranking = writableRoot(doc, ROOT_KEYS.barrierRanking);
	doc.transact(() => {
		ensureMeta(doc, now);
		own.delete(id);
		barriers.delete(id);
		for (const rank of RANKS) if (ranking.get(rank) === id) ranking.delete(rank);
	});
}

/** Ticks or unticks a barrier; unticking also takes it out of the top 3. */
export function tickBarrier(doc: Y.Doc, id: string, ticked: boolean, now = Date.now()): void {
	checkBarrier(doc, id);
	const barriers = writableRoot(doc, ROOT_KEYS.barriers);
	const ranking = writableRoot(doc, ROOT_KEYS.barrierRanking);
	doc.transact(() => {
		ensureMeta(doc, now);
		if (ticked) {
			if (barriers.get(id) !== true) barriers.set(id, true);
			return;
		}
		barriers.delete(id);
		for (const rank of RANKS) if (ranking.get(rank) === id) ranking.delete(rank);
	});
}

/**
 * Puts a barrier on a rank of the top 3 (null empties the rank) and ticks it. A barrier holds one rank:
 * placing the rank-1 barrier on rank 3 puts rank 3's barrier on rank 1 (placeInTop3), in one
 * transaction. Returns what happened to the other ranks, for the page to say.
 */
export function rankBarrier(
	doc: Y.Doc,
	rank: BarrierRank,
	id: string | null,
	now = Date.now()
): RankChange {
	if (rank !== 1 && rank !== 2 && rank !== 3) throw new RangeError('rank is 1, 2 or 3');
	if (id !== null) checkBarrier(doc, id);
	const barriers = writableRoot(doc, ROOT_KEYS.barriers);
	const ranking = writableRoot(doc, ROOT_KEYS.barrierRanking);
	const before = readBarriers(doc).top3;
	const { top3, change } = placeInTop3(before, rank, id);
	doc.transact(() => {
		ensureMeta(doc, now);
		// Only the ranks that change are written, so a concurrent edit of another rank stays.
		for (const [index, key] of RANKS.entries()) {
			const next = top3[index] ?? null;
			if (next === before[index]) continue;
			if (next === null) ranking.delete(key);
			else if (ranking.get(key) !== next) ranking.set(key, next);
		}
		if (id !== null && barriers.get(id) !== true) barriers.set(id, true);
	});
	return change;
}

/**
 * Ticked barriers (listed ones in list order, then the round's own) and the top 3 (rank 1 first), and
 * the round's own barriers. Ranked barriers count as ticked. Two devices may rank one barrier on two
 * ranks at once: it keeps the better rank, the other shows empty.
 */
export function readBarriers(doc: Y.Doc): {
	ticked: string[];
	top3: (string | null)[];
	/** Always there; optional so that readers written before it still type-check. */
	custom?: Barrier[];
} {
	const barriers = rootMap(doc, ROOT_KEYS.barriers);
	const ranking = rootMap(doc, ROOT_KEYS.barrierRanking);
	const custom = readCustomBarriers(doc);
	const known = new Set([...BARRIER_IDS, ...custom.map(({ id }) => id)]);
	const top3: (string | null)[] = [];
	for (const rank of RANKS) {
		const id = ranking?.get(rank);
		top3.push(typeof id === 'string' && known.has(id) && !top3.includes(id) ? id : null);
	}
	const ticked = [...known].filter((id) => barriers?.get(id) === true || top3.includes(id));
	return { ticked, top3, custom };
}

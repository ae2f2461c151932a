// The measure form (issue 18) between what people type and what is written: a draft holds the texts
// as they stand in the fields; `checkDraft` validates it with the domain's validators (the error names
// the field), and `changeOf` finds what an edit changed, so only those keys are written and two
// devices editing different fields of one measure both keep theirs (ADR 17). Plain functions, so the
// state class stays small and they are tested through it.

import { isArs } from '../../domain/ars';
import { DIMENSIONS, type DimensionId } from '../../domain/check/catalog-types';
import { formatGermanNumber } from '../../domain/german-number';
import { newId } from '../../domain/ids';
import type {
	Measure,
	MeasureSource,
	MeasureSourceKind,
	MeasureStatus,
	StatusChange
} from '../../domain/measures/measure';
import {
	MEASURE_TEXT_MAX_LENGTH,
	parseBudget,
	parseStaffDays,
	validateMeasureText,
	validateMeasureTitle,
	type BudgetError,
	type MeasureTextError,
	type MeasureTitleError,
	type StaffDaysError
} from '../../domain/measures/measure-fields';
import { formatSchedule, parseSchedule, type ScheduleError } from '../../domain/measures/schedule';
import { compareByOrder } from '../../domain/workshop/ordering';
import { isRecordId } from '../../crdt/field-records';
import type { MeasureChange } from '../../crdt/workshop-measures';
import type { AppErrorCode } from '../app-error';

/** The measure form as typed: texts as they stand in the fields, links as picked. */
export interface MeasureDraft {
	actionFieldId: string;
	title: string;
	description: string;
	owner: string;
	/** "Q3 2027" or "30.09.2027", empty for none. */
	start: string;
	due: string;
	/** "12.500 €", empty for none. */
	budget: string;
	/** "2,5", empty for none. */
	staffDays: string;
	indicator: string;
	target: string;
	notes: string;
	ikzOther: string;
	dimensions: readonly string[];
	/** ARS of neighbouring municipalities known to the app. */
	ikzPartners: readonly string[];
	dependsOn: readonly string[];
	sources: readonly MeasureSource[];
	quickWin: boolean;
}

/** The fields of the draft an error can be about. */
export type MeasureDraftField = keyof MeasureDraft;

export type MeasureInputError =
	| MeasureTitleError
	| MeasureTextError
	| BudgetError
	| StaffDaysError
	| ScheduleError
	| 'measure_field_unknown'
	| 'measure_dimensions_invalid'
	| 'measure_ikz_invalid'
	| 'measure_dependency_unknown'
	| 'measure_dependency_cycle'
	| 'measure_source_invalid';

export type MeasureError = MeasureInputError | 'measure_unknown' | 'read_only' | AppErrorCode;

export type MeasureResult =
	{ ok: true; id: string } | { ok: false; error: MeasureError; field?: MeasureDraftField };

/** An empty form under a Handlungsfeld. */
export function emptyDraft(actionFieldId: string): MeasureDraft {
	return {
		actionFieldId,
		title: '',
		description: '',
		owner: '',
		start: '',
		due: '',
		budget: '',
		staffDays: '',
		indicator: '',
		target: '',
		notes: '',
		ikzOther: '',
		dimensions: [],
		ikzPartners: [],
		dependsOn: [],
		sources: [],
		quickWin: false
	};
}

/** The form of a measure as shown for editing: times and amounts as people write them. */
export function draftOf(measure: Measure): MeasureDraft {
	return {
		actionFieldId: measure.actionFieldId,
		title: measure.title,
		description: measure.description,
		owner: measure.owner,
		start: measure.start === null ? '' : formatSchedule(measure.start),
		due: measure.due === null ? '' : formatSchedule(measure.due),
		budget: measure.budgetEur === null ? '' : formatGermanNumber(measure.budgetEur, 0),
		staffDays: measure.staffDays === null ? '' : formatGermanNumber(measure.staffDays, 1),
		indicator: measure.indicator,
		target: measure.target,
		notes: measure.notes,
		ikzOther: measure.ikzOther,
		dimensions: measure.dimensions,
		ikzPartners: measure.ikzPartners,
		dependsOn: measure.dependsOn,
		sources: measure.sources,
		quickWin: measure.quickWin
	};
}

/**
 * The measure as its form stands, read leniently for the SMART check while typing (nothing of it is
 * written): a time or an amount that cannot be read yet counts as not set, texts are taken as typed.
 */
export function draftAsMeasure(draft: MeasureDraft, id: string, status: MeasureStatus): Measure {
	const start = parseSchedule(draft.start);
	const due = parseSchedule(draft.due);
	const budget = parseBudget(draft.budget);
	const staffDays = parseStaffDays(draft.staffDays);
	return {
		id,
		actionFieldId: draft.actionFieldId,
		title: draft.title,
		description: draft.description,
		dimensions: draft.dimensions.filter(isDimension),
		owner: draft.owner,
		start: start.ok ? start.value : null,
		due: due.ok ? due.value : null,
		budgetEur: budget.ok ? budget.value : null,
		staffDays: staffDays.ok ? staffDays.value : null,
		indicator: draft.indicator,
		target: draft.target,
		status,
		quickWin: draft.quickWin,
		ikzPartners: [...draft.ikzPartners],
		ikzOther: draft.ikzOther,
		dependsOn: [...draft.dependsOn],
		sources: [...draft.sources],
		notes: draft.notes,
		order: '',
		authorId: '',
		createdAt: 0
	};
}

/** A measure's values as checked from the form, before it has an id, order and author. */
export type CheckedMeasure = Omit<Measure, 'id' | 'status' | 'order' | 'authorId' | 'createdAt'>;

export type InvalidDraft = { ok: false; error: MeasureInputError; field: MeasureDraftField };

const SOURCE_KINDS: readonly MeasureSourceKind[] = ['card', 'cluster', 'matrix'];
const TEXTS = ['description', 'owner', 'indicator', 'target', 'notes', 'ikzOther'] as const;

const isDimension = (value: string): value is DimensionId =>
	(DIMENSIONS as readonly string[]).includes(value);

const sameSet = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((x) => b.includes(x));

/** Each `before` not in `after` → false, each `after` not in `before` → true. */
function toggles(before: readonly string[], after: readonly string[]): Record<string, boolean> {
	const change: Record<string, boolean> = {};
	for (const x of after) if (!before.includes(x)) change[x] = true;
	for (const x of before) if (!after.includes(x)) change[x] = false;
	return change;
}

/** What the form is checked against: the board's Handlungsfelder and measures. */
export interface DraftContext {
	fieldIds: readonly string[];
	measureIds: readonly string[];
	/** The measure being edited (it cannot depend on itself), null for a new one. */
	self: string | null;
}

/** Checks the form; the error names the field it is about. */
export function checkDraft(
	draft: MeasureDraft,
	context: DraftContext
): { ok: true; value: CheckedMeasure } | InvalidDraft {
	const invalid = (error: MeasureInputError, field: MeasureDraftField): InvalidDraft => ({
		ok: false,
		error,
		field
	});
	if (!context.fieldIds.includes(draft.actionFieldId))
		return invalid('measure_field_unknown', 'actionFieldId');
	const title = validateMeasureTitle(draft.title);
	if (!title.ok) return invalid(title.error, 'title');
	const texts: Partial<Record<(typeof TEXTS)[number], string>> = {};
	for (const name of TEXTS) {
		// An owner is a role or a name, shown on one line.
		const text = validateMeasureText(draft[name], MEASURE_TEXT_MAX_LENGTH[name], name !== 'owner');
		if (!text.ok) return invalid(text.error, name);
		texts[name] = text.value;
	}
	const start = parseSchedule(draft.start);
	if (!start.ok) return invalid(start.error, 'start');
	const due = parseSchedule(draft.due);
	if (!due.ok) return invalid(due.error, 'due');
	const budget = parseBudget(draft.budget);
	if (!budget.ok) return invalid(budget.error, 'budget');
	const staffDays = parseStaffDays(draft.staffDays);
	if (!staffDays.ok) return invalid(staffDays.error, 'staffDays');
	if (!draft.dimensions.every(isDimension))
		return invalid('measure_dimensions_invalid', 'dimensions');
	if (!draft.ikzPartners.every((ars) => isArs(ars)))
		return invalid('measure_ikz_invalid', 'ikzPartners');
	if (draft.dependsOn.some((id) => id === context.self || !context.measureIds.includes(id)))
		return invalid('measure_dependency_unknown', 'dependsOn');
	const sourceOk = (s: MeasureSource) => SOURCE_KINDS.includes(s.kind) && isRecordId(s.itemId);
	if (!draft.sources.every(sourceOk)) return invalid('measure_source_invalid', 'sources');
	return {
		ok: true,
		value: {
			actionFieldId: draft.actionFieldId,
			title: title.value,
			description: texts.description ?? '',
			owner: texts.owner ?? '',
			indicator: texts.indicator ?? '',
			target: texts.target ?? '',
			notes: texts.notes ?? '',
			ikzOther: texts.ikzOther ?? '',
			start: start.value,
			due: due.value,
			budgetEur: budget.value,
			staffDays: staffDays.value,
			dimensions: DIMENSIONS.filter((d) => draft.dimensions.includes(d)),
			ikzPartners: unique(draft.ikzPartners),
			dependsOn: unique(draft.dependsOn),
			// One source per item: the last pick of an item counts.
			sources: draft.sources.filter(
				(s, i) => !draft.sources.slice(i + 1).some((later) => later.itemId === s.itemId)
			),
			quickWin: draft.quickWin
		}
	};
}

const unique = (values: readonly string[]): string[] =>
	values.filter((value, i) => values.indexOf(value) === i);

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
	'notes',
	'ikzOther'
] as const;

/** What an edit changed against what the form showed: only those keys are written. */
export function changeOf(shown: Measure, after: CheckedMeasure): MeasureChange {
	const change: MeasureChange = {};
	for (const name of SCALARS)
		if (after[name] !== shown[name]) (change as Record<string, unknown>)[name] = after[name];
	if (after.quickWin !== shown.quickWin) change.quickWin = after.quickWin;
	if (!sameSet(after.dimensions, shown.dimensions))
		change.dimensions = toggles(shown.dimensions, after.dimensions);
	if (!sameSet(after.ikzPartners, shown.ikzPartners))
		change.ikzPartners = toggles(shown.ikzPartners, after.ikzPartners);
	if (!sameSet(after.dependsOn, shown.dependsOn))
		change.dependsOn = toggles(shown.dependsOn, after.dependsOn);
	const sources: Record<string, MeasureSourceKind | null> = {};
	for (const s of after.sources)
		if (!shown.sources.some((o) => o.itemId === s.itemId && o.kind === s.kind))
			sources[s.itemId] = s.kind;
	for (const s of shown.sources)
		if (!after.sources.some((o) => o.itemId === s.itemId)) sources[s.itemId] = null;
	if (Object.keys(sources).length > 0) change.sources = sources;
	return change;
}

/**
 * Measures by their Handlungsfeld's priority, then their own order; measures whose Handlungsfeld is
 * gone come last, so nothing typed disappears from the list.
 */
export function inFieldOrder(
	measures: readonly Measure[],
	fields: readonly { id: string }[]
): Measure[] {
	const rank = (measure: Measure) => {
		const index = fields.findIndex((field) => field.id === measure.actionFieldId);
		return index < 0 ? fields.length : index;
	};
	return [...measures].sort((a, b) => rank(a) - rank(b) || compareByOrder(a, b));
}

/** A status change by `writer` at `at`, with its note checked like the measure's notes. */
export function statusChangeOf(
	writer: { id: string; name: string },
	measureId: string,
	status: MeasureStatus,
	note: string,
	at: number
): { ok: true; value: StatusChange } | InvalidDraft {
	const text = validateMeasureText(note, MEASURE_TEXT_MAX_LENGTH.notes);
	if (!text.ok) return { ok: false, error: text.error, field: 'notes' };
	return {
		ok: true,
		value: {
			id: newId<'status'>(at),
			measureId,
			status,
			by: writer.id,
			byName: writer.name,
			at,
			...(text.value === '' ? {} : { note: text.value })
		}
	};
}

// The Maßnahmen of a workshop (ADR 17) as everyone at the board sees and writes them: under each
// Handlungsfeld, with owner, times, resources, indicator, links and a status history. Participants and
// the facilitator write them together (server/SPEC.md W13, W14); a viewer only looks. Each change but a
// status is one undoable step of this person (WorkshopUndo); a status change is history, kept for good
// (a wrong one is corrected by setting the right one). Errors are codes; the page says them in German.

import type * as Y from 'yjs';
import { newId } from '../../domain/ids';
import { wouldCreateCycle } from '../../domain/measures/dependencies';
import {
	isMeasureStatus,
	type Measure,
	type MeasureSourceKind,
	type MeasureStatus,
	type StatusChange
} from '../../domain/measures/measure';
import { validateMeasureTitle } from '../../domain/measures/measure-fields';
import { smartWarnings, type SmartWarning } from '../../domain/measures/smart-check';
import { historyOf } from '../../domain/measures/status-history';
import { fieldLinkedTo, type ActionField } from '../../domain/workshop/action-fields';
import type { Quadrant } from '../../domain/workshop/matrix';
import { orderAtEnd, orderForMove } from '../../domain/workshop/ordering';
import {
	addMeasure,
	addStatusChange,
	editMeasure,
	readMeasures,
	setMeasureRemoved,
	type NewMeasure
} from '../../crdt/workshop-measures';
import {
	EMPTY_ACTION_FIELDS,
	linkableItems,
	readActionFieldsBoard,
	type ActionFieldsSnapshot,
	type LinkableItem
} from '../action-fields-board.svelte';
import type { AppErrorCode, WriteChange } from '../app-error';
import type { ImpactMatrix } from '../impact-matrix.svelte';
import type { LiveDocument } from '../live-document.svelte';
import type { WorkshopControl } from '../workshop-control.svelte';
import { undoable, type UndoStep } from '../workshop-undo.svelte';
import {
	changeOf,
	checkDraft,
	draftAsMeasure,
	emptyDraft,
	inFieldOrder,
	statusChangeOf,
	type DraftContext,
	type MeasureDraft,
	type MeasureResult
} from './measure-draft';

// What the components need of the measures' shapes, so they never import domain files they do not
// use otherwise (ADR 12).
export type {
	Measure,
	MeasureSource,
	MeasureStatus,
	StatusChange
} from '../../domain/measures/measure';
export type { SmartWarning } from '../../domain/measures/smart-check';
export type { LinkableItem } from '../action-fields-board.svelte';
export {
	draftOf,
	emptyDraft,
	type MeasureDraft,
	type MeasureDraftField,
	type MeasureError,
	type MeasureInputError,
	type MeasureResult
} from './measure-draft';

/** The id a new measure's form is checked under: no record id looks like it. */
const DRAFT_ID = '(neu)';

/** The board as the measures read it: Handlungsfelder, cards and groups, measures and statuses. */
export interface MeasuresSnapshot extends ActionFieldsSnapshot {
	measures: Measure[];
	/** Removed measures, for restoring one. */
	removed: Measure[];
	changes: StatusChange[];
}

export function readMeasuresBoard(doc: Y.Doc): MeasuresSnapshot {
	const { measures, removed, changes } = readMeasures(doc);
	return { ...readActionFieldsBoard(doc), measures, removed, changes };
}

export const EMPTY_MEASURES: MeasuresSnapshot = {
	...EMPTY_ACTION_FIELDS,
	measures: [],
	removed: [],
	changes: []
};

/** An entry of the impact × effort matrix a measure can be created from. */
export interface MatrixEntry extends LinkableItem {
	/** The matrix block it was scored in. */
	blockId: string;
	/** Null until it has both averages. */
	quadrant: Quadrant | null;
}

/** Who writes measures and status changes on this device: a participant, or the facilitator. */
export interface MeasureWriter {
	id: string;
	name: string;
	/** The facilitator removes any measure; a participant only their own (server/SPEC.md W13). */
	removesAny: boolean;
}

export interface WorkshopMeasuresOptions {
	control: WorkshopControl;
	board: LiveDocument<MeasuresSnapshot>;
	writeBoard: WriteChange;
	/** The matrix, for the entries a measure can be created from. */
	matrix: ImpactMatrix | null;
	/** Null: this device only looks. */
	writer: MeasureWriter | null;
	now?: () => number;
}

export class WorkshopMeasures {
	readonly control: WorkshopControl;
	#options: WorkshopMeasuresOptions;
	#error = $state<AppErrorCode | null>(null);
	// The sorted list and the SMART check of the board as last read: a page asks for them once per
	// Handlungsfeld and measure, and the board's value is replaced whole on every change (LiveDocument).
	#memo: {
		of: MeasuresSnapshot;
		sorted: Measure[];
		warnings: Map<string, SmartWarning[]> | null;
	} | null = null;

	constructor(options: WorkshopMeasuresOptions) {
		this.#options = options;
		this.control = options.control;
	}

	get loading(): boolean {
		// Both read, not `||`: reading a document opens it (see CardBoard.loading).
		const control = this.control.loading;
		const board = this.#options.board.loading;
		return control || board;
	}

	get canWrite(): boolean {
		return this.#options.writer !== null;
	}

	/** Why the last write could not be stored on this device, until the next one is. */
	get writeError(): AppErrorCode | null {
		return this.#error;
	}

	/** The Handlungsfelder, by priority. */
	get fields(): ActionField[] {
		return this.#options.board.value.fields;
	}

	/**
	 * Every measure not removed: by its Handlungsfeld's priority, then its own order; measures whose
	 * Handlungsfeld was removed come last, so nothing typed disappears from the list.
	 */
	get measures(): Measure[] {
		return this.#current().sorted;
	}

	#current() {
		const value = this.#options.board.value;
		if (this.#memo?.of !== value)
			this.#memo = {
				of: value,
				sorted: inFieldOrder(value.measures, value.fields),
				warnings: null
			};
		return this.#memo;
	}

	/** The removed measures, for bringing one back (`restore`). */
	get removed(): Measure[] {
		return this.#options.board.value.removed;
	}

	/** The measures under one Handlungsfeld, in their order. */
	byField(fieldId: string): Measure[] {
		return this.measures.filter((measure) => measure.actionFieldId === fieldId);
	}

	/** The status changes of a measure, newest first. */
	history(measureId: string): StatusChange[] {
		return historyOf(this.#options.board.value.changes, measureId);
	}

	/** The SMART check of every measure with something to say, by measure id. */
	get warnings(): Map<string, SmartWarning[]> {
		const current = this.#current();
		return (current.warnings ??= smartWarnings(current.sorted));
	}

	/**
	 * The SMART check of a measure as its form stands, against the other measures of the board, so
	 * the form can say what is missing while people type. `self` is the measure being edited (null
	 * for a new one), `status` the one the form sets. A time typed but not readable yet is not
	 * reported missing: saving says at the field what is wrong with it.
	 */
	draftWarnings(
		draft: MeasureDraft,
		self: string | null,
		status: MeasureStatus = 'geplant'
	): SmartWarning[] {
		const id = self ?? DRAFT_ID;
		const others = this.measures.filter((measure) => measure.id !== id);
		const own = smartWarnings([...others, draftAsMeasure(draft, id, status)]).get(id) ?? [];
		return draft.due.trim() === '' ? own : own.filter((w) => w.code !== 'due_missing');
	}

	/** The Handlungsfeld an entry is linked to (the first by priority), or null. */
	fieldLinkedTo(itemId: string): ActionField | null {
		return fieldLinkedTo(this.fields, this.#options.board.value.links, itemId);
	}

	/** Every group and card of the day's Kartenabfragen, block by block. */
	get linkable(): LinkableItem[] {
		const { cards, clusters } = this.#options.board.value;
		return linkableItems(this.control.schedule, cards, clusters);
	}

	/** The entries of every matrix block with their quadrant (a Quick Win becomes a quick win). */
	get matrixItems(): MatrixEntry[] {
		const matrix = this.#options.matrix;
		if (matrix === null) return [];
		return this.control.schedule
			.filter((block) => block.method === 'matrix')
			.flatMap((block) => {
				const placements = matrix.placements(block.id);
				const { clusters } = this.#options.board.value;
				return matrix.items(block.id).map((item) => ({
					...item,
					kind: clusters.some((c) => c.id === item.id) ? ('cluster' as const) : ('card' as const),
					blockTitle: block.title,
					blockId: block.id,
					quadrant: placements.find((p) => p.itemId === item.id)?.quadrant ?? null
				}));
			});
	}

	#context(self: string | null): DraftContext {
		return {
			fieldIds: this.fields.map((field) => field.id),
			measureIds: this.#options.board.value.measures.map((measure) => measure.id),
			self
		};
	}

	#measure(id: string): Measure | undefined {
		return this.#options.board.value.measures.find((measure) => measure.id === id);
	}

	/** Writes a change as one undoable step of this person. */
	async #apply(step: UndoStep, change: (doc: Y.Doc) => void): Promise<AppErrorCode | null> {
		this.#error = await this.#options.writeBoard(undoable(step, change));
		return this.#error;
	}

	/** Creates a measure at the end of its Handlungsfeld. */
	async add(draft: MeasureDraft): Promise<MeasureResult> {
		const writer = this.#options.writer;
		if (writer === null) return { ok: false, error: 'read_only' };
		const checked = checkDraft(draft, this.#context(null));
		if (!checked.ok) return checked;
		const now = (this.#options.now ?? Date.now)();
		const measure: NewMeasure = {
			...checked.value,
			id: newId<'measure'>(now),
			order: orderAtEnd(this.byField(checked.value.actionFieldId)).order,
			authorId: writer.id,
			createdAt: now
		};
		const step: UndoStep = { kind: 'add', label: measure.title, focus: measure.id };
		const error = await this.#apply(step, (doc) => addMeasure(doc, measure, now));
		return error === null ? { ok: true, id: measure.id } : { ok: false, error };
	}

	/**
	 * Saves what was changed in the form against what it showed (`shown`): only those fields are
	 * written, so two devices editing different fields of one measure both keep theirs. A dependency
	 * that would close a cycle is refused.
	 */
	async edit(id: string, shown: Measure, edited: MeasureDraft): Promise<MeasureResult> {
		if (this.#options.writer === null) return { ok: false, error: 'read_only' };
		if (this.#measure(id) === undefined) return { ok: false, error: 'measure_unknown' };
		const checked = checkDraft(edited, this.#context(id));
		if (!checked.ok) return checked;
		const after = checked.value;
		const added = after.dependsOn.filter((dep) => !shown.dependsOn.includes(dep));
		let graph = this.#options.board.value.measures;
		for (const dep of added) {
			if (wouldCreateCycle(graph, id, dep))
				return { ok: false, error: 'measure_dependency_cycle', field: 'dependsOn' };
			graph = graph.map((m) => (m.id === id ? { ...m, dependsOn: [...m.dependsOn, dep] } : m));
		}
		const change = changeOf(shown, after);
		// Moved under another Handlungsfeld: at its end there.
		if (change.actionFieldId !== undefined)
			change.order = orderAtEnd(this.byField(change.actionFieldId)).order;
		if (Object.keys(change).length === 0) return { ok: true, id };
		const step: UndoStep = { kind: 'edit', label: shown.title, focus: id };
		const error = await this.#apply(step, (doc) => editMeasure(doc, id, change));
		return error === null ? { ok: true, id } : { ok: false, error };
	}

	/**
	 * Creates a measure from a card, a group or a matrix entry in one step, keeping the link; an entry
	 * in the matrix's Quick-Win quadrant makes a quick win. A text longer than a title is cut for the
	 * title and kept whole as the description.
	 */
	fromItem(
		actionFieldId: string,
		item: { kind: MeasureSourceKind; itemId: string; text: string; quickWin: boolean }
	): Promise<MeasureResult> {
		const title = validateMeasureTitle(item.text);
		const long = !title.ok && title.error === 'measure_title_too_long';
		const cut = [...item.text.trim().replace(/\s+/g, ' ')].slice(0, 159).join('') + '…';
		return this.add({
			...emptyDraft(actionFieldId),
			title: long ? cut : item.text,
			description: long ? item.text : '',
			sources: [{ kind: item.kind, itemId: item.itemId }],
			quickWin: item.quickWin
		});
	}

	/**
	 * Records a new status of a measure, by this device's writer at this device's time. It is not an
	 * undoable step: the history keeps every change (server/SPEC.md W14), and a wrong one is corrected
	 * by setting the right one.
	 */
	async setStatus(id: string, status: MeasureStatus, note = ''): Promise<MeasureResult> {
		const writer = this.#options.writer;
		if (writer === null) return { ok: false, error: 'read_only' };
		if (!isMeasureStatus(status) || this.#measure(id) === undefined)
			return { ok: false, error: 'measure_unknown' };
		const change = statusChangeOf(writer, id, status, note, (this.#options.now ?? Date.now)());
		if (!change.ok) return change;
		this.#error = await this.#options.writeBoard((doc) => addStatusChange(doc, change.value));
		return this.#error === null ? { ok: true, id } : { ok: false, error: this.#error };
	}

	/** Moves a measure to a position among those of its Handlungsfeld (0: first). */
	async move(id: string, toIndex: number): Promise<MeasureResult> {
		const measure = this.#measure(id);
		if (this.#options.writer === null) return { ok: false, error: 'read_only' };
		if (measure === undefined) return { ok: false, error: 'measure_unknown' };
		const { order, rekey } = orderForMove(this.byField(measure.actionFieldId), id, toIndex);
		const step: UndoStep = { kind: 'move', label: measure.title, focus: id };
		const error = await this.#apply(step, (doc) => editMeasure(doc, id, { order }, rekey));
		return error === null ? { ok: true, id } : { ok: false, error };
	}

	/** Whether this device may remove the measure: the facilitator any, a participant their own. */
	canRemove(id: string): boolean {
		const writer = this.#options.writer;
		const measure = this.#measure(id);
		return (
			writer !== null &&
			measure !== undefined &&
			(writer.removesAny || measure.authorId === writer.id)
		);
	}

	/** Removes a measure; its record stays, so undo (or restore) brings it back with later edits. */
	async remove(id: string): Promise<MeasureResult> {
		const measure = this.#measure(id);
		const writer = this.#options.writer;
		if (measure === undefined) return { ok: false, error: 'measure_unknown' };
		if (writer === null || !this.canRemove(id)) return { ok: false, error: 'read_only' };
		const step: UndoStep = { kind: 'remove', label: measure.title, focus: id };
		const at = (this.#options.now ?? Date.now)();
		const error = await this.#apply(step, (doc) => setMeasureRemoved(doc, id, true, at, writer.id));
		return error === null ? { ok: true, id } : { ok: false, error };
	}

	/** Brings a removed measure back (the facilitator any, a participant their own). */
	async restore(id: string): Promise<MeasureResult> {
		const writer = this.#options.writer;
		if (writer === null) return { ok: false, error: 'read_only' };
		const removed = this.#options.board.value.removed.find((measure) => measure.id === id);
		if (removed === undefined) return { ok: false, error: 'measure_unknown' };
		if (!writer.removesAny && removed.authorId !== writer.id)
			return { ok: false, error: 'read_only' };
		const step: UndoStep = { kind: 'add', label: removed.title, focus: id };
		const error = await this.#apply(step, (doc) => setMeasureRemoved(doc, id, false));
		return error === null ? { ok: true, id } : { ok: false, error };
	}
}

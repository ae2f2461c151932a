// The municipality's plan (ADR 17): every measure of every workshop of the municipality, read from the
// boards where they were written; nothing is copied. After the day the facilitator follows them up here:
// a new status (kept in the history with who and when) and notes. A device that does not facilitate a
// workshop (a consultant reading centrally, a participant) only reads that workshop's measures; the
// server refuses anything else (server/SPEC.md W13, W14).

import type * as Y from 'yjs';
import { m } from '../../paraglide/messages.js';
import { workshopBoardDocName } from '../../domain/document-names';
import type { Measure, MeasureStatus, StatusChange } from '../../domain/measures/measure';
import { MEASURE_TEXT_MAX_LENGTH, validateMeasureText } from '../../domain/measures/measure-fields';
import { historyOf } from '../../domain/measures/status-history';
import type { ActionField } from '../../domain/workshop/action-fields';
import { compareByOrder } from '../../domain/workshop/ordering';
import { readActionFields } from '../../crdt/workshop-action-fields';
import { addStatusChange, editMeasure, readMeasures } from '../../crdt/workshop-measures';
import type { SessionRow } from '../../storage/db';
import type { DocumentHandle } from '../../sync/open-document';
import type { AppErrorCode } from '../app-error';
import { LiveDocument } from '../live-document.svelte';
import { SharedDocument } from '../shared-document.svelte';
import type { WorkshopRole } from '../viewer.svelte';
import { MODERATION_AUTHOR_ID } from '../workshop-notes.svelte';
import { inFieldOrder, statusChangeOf, type MeasureResult } from '../workshop/measure-draft';

interface PlanBoard {
	fields: ActionField[];
	measures: Measure[];
	changes: StatusChange[];
}

const EMPTY_PLAN_BOARD: PlanBoard = { fields: [], measures: [], changes: [] };

function readPlanBoard(doc: Y.Doc): PlanBoard {
	const { measures, changes } = readMeasures(doc);
	return { fields: readActionFields(doc).fields.sort(compareByOrder), measures, changes };
}

/** One measure of the plan, with the workshop it was written in. */
export interface PlanEntry {
	workshopId: string;
	workshopTitle: string;
	/** The Handlungsfeld's title; empty when it was removed. */
	fieldTitle: string;
	measure: Measure;
	/** Its status changes, newest first: who set which status when. */
	history: StatusChange[];
	/** Whether this device may set its status and notes (it facilitates that workshop). */
	canWrite: boolean;
}

export interface MunicipalityPlanOptions {
	ars: string;
	/** The municipality's workshops on this device (SessionsList), live while read. */
	sessions: { readonly workshops: SessionRow[]; readonly loaded: boolean };
	/** Opens a document by name through the app's document registry. */
	open: (name: string) => Promise<DocumentHandle>;
	/** This device's role in a workshop. */
	role: (workshop: string) => Promise<WorkshopRole>;
	now?: () => number;
}

interface Board {
	doc: SharedDocument;
	live: LiveDocument<PlanBoard>;
}

export class MunicipalityPlan {
	readonly ars: string;
	#options: MunicipalityPlanOptions;
	/**
	 * One board per workshop, opened on first read and kept while this object lives. A board is made
	 * outside the reaction that first reads it (a microtask later): Svelte does not track state created
	 * inside the reaction reading it, so a board made there would never say it has loaded.
	 */
	#boards = $state.raw<Record<string, Board>>({});
	/** Workshops whose board is about to be made; not reactive, only guards against making it twice. */
	#scheduled: Record<string, true> = {};
	#roles = $state<Record<string, WorkshopRole>>({});
	#error = $state<AppErrorCode | null>(null);

	constructor(options: MunicipalityPlanOptions) {
		this.#options = options;
		this.ars = options.ars;
	}

	#create(workshop: string): Board {
		const doc = new SharedDocument(() =>
			this.#options.open(workshopBoardDocName(this.ars, workshop))
		);
		const board = { doc, live: new LiveDocument(doc, readPlanBoard, EMPTY_PLAN_BOARD) };
		this.#boards = { ...this.#boards, [workshop]: board };
		void this.#options.role(workshop).then(
			(role) => (this.#roles[workshop] = role),
			// Without a known role the workshop is only read.
			() => undefined
		);
		return board;
	}

	/** The workshop's board for a reading page; null until it has been made (see #boards). */
	#board(workshop: string): Board | null {
		const known = this.#boards[workshop];
		if (known) return known;
		if (!this.#scheduled[workshop]) {
			this.#scheduled[workshop] = true;
			queueMicrotask(() => {
				if (!this.#boards[workshop]) this.#create(workshop);
			});
		}
		return null;
	}

	get workshops(): SessionRow[] {
		return this.#options.sessions.workshops;
	}

	/** Until the list of workshops and every board has been read from this device. */
	get loading(): boolean {
		if (!this.#options.sessions.loaded) return true;
		// Every board read, not `some`: reading a board opens it.
		const loading = this.workshops.map((row) => this.#board(row.id)?.live.loading ?? true);
		return loading.includes(true);
	}

	/** Why the last write could not be stored on this device, until the next one is. */
	get writeError(): AppErrorCode | null {
		return this.#error;
	}

	/** Whether this device may follow up the measures of a workshop: it facilitates it. */
	canWrite(workshop: string): boolean {
		return this.#roles[workshop]?.kind === 'facilitator';
	}

	/** Every measure of every workshop: workshop by workshop, then by Handlungsfeld and order. */
	get entries(): PlanEntry[] {
		return this.workshops.flatMap((row) => {
			const board = this.#board(row.id);
			if (board === null) return [];
			const { fields, measures, changes } = board.live.value;
			const canWrite = this.canWrite(row.id);
			return inFieldOrder(measures, fields).map((measure) => ({
				workshopId: row.id,
				workshopTitle: row.title,
				fieldTitle: fields.find((field) => field.id === measure.actionFieldId)?.title ?? '',
				measure,
				history: historyOf(changes, measure.id),
				canWrite
			}));
		});
	}

	#measure(workshop: string, id: string): Measure | undefined {
		return this.#boards[workshop]?.live.value.measures.find((measure) => measure.id === id);
	}

	async #write(workshop: string, change: (doc: Y.Doc) => void): Promise<AppErrorCode | null> {
		const board = this.#boards[workshop] ?? this.#create(workshop);
		const written = await board.doc.write(change);
		this.#error = written.ok ? null : written.error;
		return this.#error;
	}

	/** Records a new status of a measure, as the facilitator, at this device's time. */
	async setStatus(
		workshop: string,
		id: string,
		status: MeasureStatus,
		note = ''
	): Promise<MeasureResult> {
		if (!this.canWrite(workshop)) return { ok: false, error: 'read_only' };
		if (this.#measure(workshop, id) === undefined) return { ok: false, error: 'measure_unknown' };
		const writer = { id: MODERATION_AUTHOR_ID, name: m.presence_moderation() };
		const change = statusChangeOf(writer, id, status, note, (this.#options.now ?? Date.now)());
		if (!change.ok) return change;
		const error = await this.#write(workshop, (doc) => addStatusChange(doc, change.value));
		return error === null ? { ok: true, id } : { ok: false, error };
	}

	/** Replaces a measure's notes (follow-up after the day). */
	async editNotes(workshop: string, id: string, notes: string): Promise<MeasureResult> {
		if (!this.canWrite(workshop)) return { ok: false, error: 'read_only' };
		const measure = this.#measure(workshop, id);
		if (measure === undefined) return { ok: false, error: 'measure_unknown' };
		const text = validateMeasureText(notes, MEASURE_TEXT_MAX_LENGTH.notes);
		if (!text.ok) return { ok: false, error: text.error, field: 'notes' };
		if (text.value === measure.notes) return { ok: true, id };
		const error = await this.#write(workshop, (doc) => editMeasure(doc, id, { notes: text.value }));
		return error === null ? { ok: true, id } : { ok: false, error };
	}
}

// The facilitator running a workshop day: everything WorkshopControl reads, plus the moderation's
// writes to the control document (agenda, current block, countdown, plan). Each write goes through the
// document on this device first, so it works offline and reaches other devices when they connect.
// Changes to the agenda are undoable steps of this person (WorkshopUndo); running the day is not.

import type * as Y from 'yjs';
import {
	blocksFromTemplate,
	type AgendaBlock,
	type BlockFields,
	type BlockMethod
} from '../domain/workshop/agenda';
import { newId } from '../domain/ids';
import { changedFields } from '../util/changed-fields';
import { orderAtEnd, orderForMove } from '../domain/workshop/ordering';
import {
	extendTimer,
	pauseTimer,
	resetTimer,
	resumeTimer,
	startTimer,
	type TimerState
} from '../domain/workshop/timer';
import { removeBlock, updateBlock, writeBlocks } from '../crdt/workshop-agenda';
import { writeWorkshopPlan, type WorkshopPlan } from '../crdt/workshop-doc';
import {
	setCurrentBlock,
	setShownPage,
	writeTimer,
	type ProjectorPage
} from '../crdt/workshop-run';
import type { DocumentErrorCode } from '../sync/document-status';
import type { Clock } from './clock.svelte';
import type { LiveDocument } from './live-document.svelte';
import { WorkshopControl, type ControlSnapshot } from './workshop-control.svelte';
import { undoable, type UndoStep } from './workshop-undo.svelte';

// What the components need of the document's shapes, so they never import the crdt layer (ADR 12).
export type { WorkshopPlan } from '../crdt/workshop-doc';
export { FACILITATORS_MAX_LENGTH } from '../crdt/workshop-doc';
export type { ProjectorPage } from '../crdt/workshop-run';

export type WriteControl = (
	change: (doc: Y.Doc) => void
) => Promise<DocumentErrorCode | 'code_load_failed' | null>;

export class WorkshopDay extends WorkshopControl {
	#write: WriteControl;
	#error = $state<DocumentErrorCode | 'code_load_failed' | null>(null);

	constructor(control: LiveDocument<ControlSnapshot>, clock: Clock, write: WriteControl) {
		super(control, clock);
		this.#write = write;
	}

	/** The last write that could not be stored on this device, until the next one succeeds. */
	get writeError(): DocumentErrorCode | 'code_load_failed' | null {
		return this.#error;
	}

	async #apply(change: (doc: Y.Doc) => void): Promise<boolean> {
		this.#error = await this.#write(change);
		return this.#error === null;
	}

	/** Changes the agenda as one undoable step of this person. */
	#change(step: UndoStep, change: (doc: Y.Doc) => void): Promise<boolean> {
		return this.#apply(undoable(step, change));
	}

	#title(id: string): string {
		return this.schedule.find((block) => block.id === id)?.title ?? '';
	}

	applyTemplate(templateId: string): Promise<boolean> {
		const blocks = blocksFromTemplate(templateId);
		return this.#change({ kind: 'template', label: '', focus: null }, (doc) =>
			writeBlocks(doc, blocks)
		);
	}

	/** Appends a block; an empty question is left out. */
	addBlock(fields: {
		title: string;
		method: BlockMethod;
		durationMinutes: number;
		question?: string;
	}) {
		const { question, ...rest } = fields;
		const { order, rekey } = orderAtEnd(this.schedule);
		const block: AgendaBlock = {
			id: newId<'block'>(),
			...rest,
			order,
			...(question?.trim() ? { question } : {})
		};
		return this.#change({ kind: 'add', label: block.title, focus: block.id }, (doc) => {
			writeBlocks(doc, [block]);
			for (const entry of rekey) updateBlock(doc, entry.id, { order: entry.order });
		});
	}

	/**
	 * Saves a block form: only the fields whose value differs from what the form showed (`shown`), not
	 * every field. A co-facilitator may have changed another field of the block since the form showed
	 * it; writing that field back with the form's older value would undo their change.
	 */
	editBlock(id: string, shown: BlockFields, edited: BlockFields): Promise<boolean> {
		const patch = changedFields(shown, edited);
		if (Object.keys(patch).length === 0) return Promise.resolve(true);
		return this.#change({ kind: 'edit', label: shown.title, focus: id }, (doc) =>
			updateBlock(doc, id, patch)
		);
	}

	/** Moves a block to a position of the agenda as it is after the move (0: first). */
	moveBlock(id: string, toIndex: number): Promise<boolean> {
		const { order, rekey } = orderForMove(this.schedule, id, toIndex);
		return this.#change({ kind: 'move', label: this.#title(id), focus: id }, (doc) =>
			updateBlock(doc, id, { order }, rekey)
		);
	}

	async removeBlock(id: string): Promise<boolean> {
		if (!this.schedule.some((b) => b.id === id)) return false;
		return this.#change({ kind: 'remove', label: this.#title(id), focus: id }, (doc) =>
			removeBlock(doc, id)
		);
	}

	/** Makes a block current and starts its countdown with the block's duration. */
	startBlock(id: string): Promise<boolean> {
		const block = this.schedule.find((b) => b.id === id);
		if (!block) return Promise.resolve(false);
		const now = this.clock.serverNowOnce();
		return this.#apply((doc) => {
			setCurrentBlock(doc, id, now);
			writeTimer(doc, startTimer(block.durationMinutes * 60_000, now));
		});
	}

	/** Ends the day's run: no current block, no countdown. */
	endRun(): Promise<boolean> {
		return this.#apply((doc) => {
			setCurrentBlock(doc, null, this.clock.serverNowOnce());
			writeTimer(doc, resetTimer());
		});
	}

	/**
	 * Shows a board page on the projector (null: the current block again). Written only when it changes
	 * what the projector shows, so opening the page again does not write.
	 */
	showOnProjector(page: ProjectorPage | null): Promise<boolean> {
		if (page === null ? this.run.shownPage === null : this.projectorPage === page)
			return Promise.resolve(true);
		const now = this.clock.serverNowOnce();
		return this.#apply((doc) => setShownPage(doc, page, now));
	}

	#timer(change: (state: TimerState, now: number) => TimerState): Promise<boolean> {
		const now = this.clock.serverNowOnce();
		const next = change(this.timer, now);
		return this.#apply((doc) => writeTimer(doc, next));
	}

	startTimer = (durationMs: number) => this.#timer((_, now) => startTimer(durationMs, now));
	pauseTimer = () => this.#timer(pauseTimer);
	resumeTimer = () => this.#timer(resumeTimer);
	extendTimer = (byMs: number) => this.#timer((state, now) => extendTimer(state, byMs, now));
	resetTimer = () => this.#timer(() => resetTimer());

	/** Saves the plan form: only the fields whose value differs from what the form showed (`shown`). */
	editPlan(shown: WorkshopPlan, edited: WorkshopPlan): Promise<boolean> {
		const patch = changedFields(shown, edited);
		if (Object.keys(patch).length === 0) return Promise.resolve(true);
		return this.#apply((doc) => writeWorkshopPlan(doc, patch));
	}
}

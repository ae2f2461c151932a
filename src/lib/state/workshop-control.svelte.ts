// What every device of a workshop reads from its control document: title and plan, the agenda with its
// schedule, the current block, how far the day runs ahead or behind, and the countdown. Read-only: the
// projector view uses this class alone, so it has no way to write (ADR 5).

import type * as Y from 'yjs';
import { deviationMinutes, scheduleOf, type ScheduledBlock } from '../domain/workshop/agenda';
import { isLastMinute, remainingMs, type TimerState } from '../domain/workshop/timer';
import { readAgenda } from '../crdt/workshop-agenda';
import {
	readWorkshopInfo,
	readWorkshopPlan,
	type WorkshopInfo,
	type WorkshopPlan
} from '../crdt/workshop-doc';
import {
	readBlockTimes,
	readRun,
	type BlockTime,
	type ProjectorPage,
	type RunState
} from '../crdt/workshop-run';
import { readVoting, type VotingSetup } from '../crdt/workshop-votes';
import type { AppErrorCode } from './app-error';
import type { Clock } from './clock.svelte';
import type { LiveDocument } from './live-document.svelte';

/** When no start time is set, the day starts at 9:00. */
export const DEFAULT_START_MINUTES = 9 * 60;

export interface ControlSnapshot {
	info: WorkshopInfo | null;
	plan: WorkshopPlan;
	blocks: ReturnType<typeof readAgenda>['blocks'];
	run: RunState;
	/** When each block that has been started was actually run (server clock). */
	blockTimes: Record<string, BlockTime>;
	/** The dot vote of each block that has one. */
	voting: Record<string, VotingSetup>;
}

export const readControl = (doc: Y.Doc): ControlSnapshot => ({
	info: readWorkshopInfo(doc),
	plan: readWorkshopPlan(doc),
	blocks: readAgenda(doc).blocks,
	run: readRun(doc),
	blockTimes: readBlockTimes(doc),
	voting: readVoting(doc)
});

export const EMPTY_CONTROL: ControlSnapshot = {
	info: null,
	plan: { place: null, startMinutes: null, facilitators: null },
	blocks: [],
	run: {
		currentBlockId: null,
		currentSince: null,
		timer: { status: 'idle' },
		cardPhases: {},
		shownPage: null
	},
	blockTimes: {},
	voting: {}
};

/**
 * The planned start of the day being run, in ms: today (the day it runs, whatever date was planned, so
 * a rehearsal the day before works too) at the start time, in this device's time zone.
 */
function dayStartMs(minutes: number, now: number): number {
	const today = new Date(now);
	const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate());
	return midnight.getTime() + minutes * 60_000;
}

export class WorkshopControl {
	protected readonly control: LiveDocument<ControlSnapshot>;
	protected readonly clock: Clock;

	constructor(control: LiveDocument<ControlSnapshot>, clock: Clock) {
		this.control = control;
		this.clock = clock;
	}

	get loading(): boolean {
		return this.control.loading;
	}

	get loadError(): AppErrorCode | null {
		return this.control.error;
	}

	get info(): WorkshopInfo | null {
		return this.control.value.info;
	}

	get plan(): WorkshopPlan {
		return this.control.value.plan;
	}

	get startMinutes(): number {
		return this.plan.startMinutes ?? DEFAULT_START_MINUTES;
	}

	/** The blocks in order, each with its start and end in minutes after midnight. */
	get schedule(): ScheduledBlock[] {
		return scheduleOf(this.control.value.blocks, this.startMinutes);
	}

	get run(): RunState {
		return this.control.value.run;
	}

	/** When each started block was actually run, by block id (server clock, ms). */
	get blockTimes(): Record<string, BlockTime> {
		return this.control.value.blockTimes;
	}

	get voting(): Record<string, VotingSetup> {
		return this.control.value.voting;
	}

	get current(): ScheduledBlock | null {
		const id = this.run.currentBlockId;
		return this.schedule.find((block) => block.id === id) ?? null;
	}

	get next(): ScheduledBlock | null {
		const schedule = this.schedule;
		const index = schedule.findIndex((block) => block.id === this.run.currentBlockId);
		return index < 0 ? (schedule[0] ?? null) : (schedule[index + 1] ?? null);
	}

	/** Minutes behind plan (negative: ahead), or null while no block runs. Ticks with the clock. */
	get deviation(): number | null {
		const now = this.clock.serverNow;
		return deviationMinutes({
			schedule: this.schedule,
			currentBlockId: this.run.currentBlockId,
			currentSinceMs: this.run.currentSince,
			nowMs: now,
			dayStartMs: dayStartMs(this.startMinutes, now)
		});
	}

	/**
	 * The board page the projector shows instead of the current block: the one the facilitator opened,
	 * unless a block was started after it (or the facilitator left the page).
	 */
	get projectorPage(): ProjectorPage | null {
		const { shownPage, currentSince } = this.run;
		if (shownPage === null) return null;
		return currentSince === null || shownPage.since >= currentSince ? shownPage.page : null;
	}

	get timer(): TimerState {
		return this.run.timer;
	}

	/** Remaining countdown in ms, the same on every device (server clock). Ticks. */
	get remainingMs(): number {
		return remainingMs(this.timer, this.clock.serverNow);
	}

	get lastMinute(): boolean {
		return isLastMinute(this.timer, this.clock.serverNow);
	}
}

// Where the day stands, in a workshop's control document (written by moderation only, read by every
// device and the projector): the current block and since when (server clock), the countdown, the card
// phase of each block (private until revealed), when each block was actually run (the protocol's
// planned and actual times), and a board page the facilitator shows on the projector.

import type * as Y from 'yjs';
import { PROJECTOR_PAGES, type ProjectorPage } from '../domain/workshop/projector-pages';
import type { TimerState } from '../domain/workshop/timer';
import { isRecordId, readFieldRecord, readFieldRecords, writeFields } from './field-records';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';
import { parseRecord } from './schemas/document-schema';
import { BLOCK_TIME_RECORD } from './schemas/workshop';

export type CardPhase = 'private' | 'revealed';

export type { ProjectorPage };

/** A board page the facilitator opened, and when (server clock): the projector follows it. */
export interface ShownPage {
	page: ProjectorPage;
	since: number;
}

export interface RunState {
	currentBlockId: string | null;
	/** When the current block was started, in the server's clock (ms), or null. */
	currentSince: number | null;
	timer: TimerState;
	/** Blocks whose cards are collected privately, or have been revealed; others are open. */
	cardPhases: Record<string, CardPhase>;
	/** The page the facilitator last opened for the projector, or null (key `shownPage`). */
	shownPage: ShownPage | null;
}

const isTime = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isPositive = (value: unknown): value is number => isTime(value) && value > 0;

/** A timer state as a peer may have written it: anything that is not one of the three shapes is idle. */
export function readTimerState(value: unknown): TimerState {
	if (typeof value !== 'object' || value === null) return { status: 'idle' };
	const { status, endsAt, remainingMs, durationMs } = value as Record<string, unknown>;
	if (status === 'running' && isTime(endsAt) && isPositive(durationMs))
		return { status, endsAt, durationMs };
	if (status === 'paused' && isTime(remainingMs) && isPositive(durationMs))
		return { status, remainingMs, durationMs };
	return { status: 'idle' };
}

/** A shown page as a peer may have written it: anything else is none. */
function readShownPage(value: unknown): ShownPage | null {
	if (typeof value !== 'object' || value === null) return null;
	const { page, since } = value as Record<string, unknown>;
	return (PROJECTOR_PAGES as readonly unknown[]).includes(page) && isTime(since)
		? { page: page as ProjectorPage, since }
		: null;
}

export function readRun(doc: Y.Doc): RunState {
	const run = rootMap(doc, ROOT_KEYS.run);
	const current = run?.get('currentBlockId');
	const since = run?.get('currentSince');
	const cardPhases: Record<string, CardPhase> = {};
	for (const [blockId, phase] of rootMap(doc, ROOT_KEYS.cardPhases)?.entries() ?? []) {
		if (isRecordId(blockId) && (phase === 'private' || phase === 'revealed'))
			cardPhases[blockId] = phase;
	}
	const currentBlockId = isRecordId(current) ? current : null;
	return {
		currentBlockId,
		currentSince: currentBlockId !== null && isTime(since) ? since : null,
		timer: readTimerState(rootMap(doc, ROOT_KEYS.timer)?.get('state')),
		cardPhases,
		shownPage: readShownPage(run?.get('shownPage'))
	};
}

/** When a block was actually run, in the server's clock (ms). */
export interface BlockTime {
	startedAt: number;
	/** Null while the block runs, or when the run was never moved on from it. */
	endedAt: number | null;
}

const blockTimeOf = (fields: Map<string, unknown>): BlockTime | null => {
	const record = parseRecord(BLOCK_TIME_RECORD, Object.fromEntries(fields));
	if (record === null) return null;
	const { startedAt, endedAt } = record;
	return { startedAt, endedAt: endedAt !== undefined && endedAt >= startedAt ? endedAt : null };
};

/** Each block that has been started, by id; a record a peer wrote in another shape is skipped. */
export function readBlockTimes(doc: Y.Doc): Record<string, BlockTime> {
	const times: Record<string, BlockTime> = {};
	for (const [blockId, fields] of readFieldRecords(rootMap(doc, ROOT_KEYS.blockTimes))) {
		const time = blockTimeOf(fields);
		if (time !== null) times[blockId] = time;
	}
	return times;
}

function writable(
	doc: Y.Doc,
	key: (typeof ROOT_KEYS)['run' | 'timer' | 'cardPhases' | 'blockTimes']
) {
	const map = rootMap(doc, key);
	if (map === null) throw new Error(`${key} root has the wrong type`);
	return map;
}

/**
 * Makes a block the current one (null: none), stamped with the server's time. The block left ends
 * now; the block entered keeps the time it was first started, so going back to it for a moment does
 * not move its actual start, and runs again until it is left (its earlier end is dropped).
 */
export function setCurrentBlock(
	doc: Y.Doc,
	blockId: string | null,
	serverNow: number,
	now = Date.now()
): void {
	if (blockId !== null && !isRecordId(blockId)) throw new RangeError('invalid block id');
	const run = writable(doc, ROOT_KEYS.run);
	const times = writable(doc, ROOT_KEYS.blockTimes);
	const { currentBlockId: previous, currentSince } = readRun(doc);
	doc.transact(() => {
		ensureMeta(doc, now);
		run.set('currentBlockId', blockId);
		run.set('currentSince', blockId === null ? null : serverNow);
		if (previous === blockId) return;
		if (previous !== null) {
			// A block started by an app that kept no times has only the run's start to go by.
			const startedAt = blockTimeOf(readFieldRecord(times, previous))?.startedAt ?? currentSince;
			if (startedAt !== null) writeFields(times, previous, { startedAt, endedAt: serverNow });
		}
		if (blockId === null) return;
		const started = blockTimeOf(readFieldRecord(times, blockId))?.startedAt;
		writeFields(times, blockId, { startedAt: started ?? serverNow, endedAt: undefined });
	});
}

/**
 * Shows a board page on the projector from now on (server clock), or none (null). Written whole, so
 * co-facilitators' concurrent choices resolve to one; a block started later takes the projector back.
 */
export function setShownPage(
	doc: Y.Doc,
	page: ProjectorPage | null,
	serverNow: number,
	now = Date.now()
): void {
	if (page !== null && !PROJECTOR_PAGES.includes(page)) throw new RangeError('invalid page');
	const run = writable(doc, ROOT_KEYS.run);
	doc.transact(() => {
		ensureMeta(doc, now);
		run.set('shownPage', page === null ? null : { page, since: serverNow });
	});
}

/** Replaces the countdown's state as a whole: co-facilitators' concurrent changes resolve to one. */
export function writeTimer(doc: Y.Doc, state: TimerState, now = Date.now()): void {
	const timer = writable(doc, ROOT_KEYS.timer);
	doc.transact(() => {
		ensureMeta(doc, now);
		timer.set('state', { ...state });
	});
}

/** Sets a block's card phase; null makes it open again. */
export function setCardPhase(
	doc: Y.Doc,
	blockId: string,
	phase: CardPhase | null,
	now = Date.now()
): void {
	if (!isRecordId(blockId)) throw new RangeError('invalid block id');
	const phases = writable(doc, ROOT_KEYS.cardPhases);
	doc.transact(() => {
		ensureMeta(doc, now);
		if (phase === null) phases.delete(blockId);
		else if (phases.get(blockId) !== phase) phases.set(blockId, phase);
	});
}

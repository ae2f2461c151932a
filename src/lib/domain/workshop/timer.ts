// The countdown every device shows (ADR 8). Its end is stored in the server's clock, so devices
// whose own clocks differ by minutes still agree: each measures its offset to the server and reads the
// timer with serverNow(Date.now(), offset). Every function takes the server time it acts at.

import { checkGermanNumber, type NumberRange } from '../german-number';
import type { Checked } from '../session-input';

export type TimerState =
	| { status: 'idle' }
	| { status: 'running'; endsAt: number; durationMs: number }
	| { status: 'paused'; remainingMs: number; durationMs: number };

const MINUTE_MS = 60_000;
/** Minutes with one decimal (0,1 minutes are 6 seconds) up to 8 hours. */
const TIMER_MINUTES: NumberRange = { min: 0.1, max: 8 * 60, decimals: 1 };

export const startTimer = (durationMs: number, serverNow: number): TimerState => ({
	status: 'running',
	endsAt: serverNow + durationMs,
	durationMs
});

export const resetTimer = (): TimerState => ({ status: 'idle' });

/** Never negative: 0 when idle or expired. */
export function remainingMs(state: TimerState, serverNow: number): number {
	if (state.status === 'running') return Math.max(0, state.endsAt - serverNow);
	if (state.status === 'paused') return state.remainingMs;
	return 0;
}

export const isExpired = (state: TimerState, serverNow: number): boolean =>
	state.status === 'running' && serverNow >= state.endsAt;

/** Running with at most a minute left: the display warns. */
export function isLastMinute(state: TimerState, serverNow: number): boolean {
	const left = remainingMs(state, serverNow);
	return state.status === 'running' && left > 0 && left <= MINUTE_MS;
}

/** An expired timer has nothing left to keep, so it stays as it is. */
export function pauseTimer(state: TimerState, serverNow: number): TimerState {
	if (state.status !== 'running' || isExpired(state, serverNow)) return state;
	return {
		status: 'paused',
		remainingMs: state.endsAt - serverNow,
		durationMs: state.durationMs
	};
}

export function resumeTimer(state: TimerState, serverNow: number): TimerState {
	if (state.status !== 'paused') return state;
	return { status: 'running', endsAt: serverNow + state.remainingMs, durationMs: state.durationMs };
}

/**
 * More time: a running timer ends later, a paused one has more left, and an idle or expired one
 * starts over with `byMs`. A non-positive `byMs` changes nothing.
 */
export function extendTimer(state: TimerState, byMs: number, serverNow: number): TimerState {
	if (!(byMs > 0)) return state;
	if (state.status === 'paused') {
		return {
			status: 'paused',
			remainingMs: state.remainingMs + byMs,
			durationMs: state.durationMs + byMs
		};
	}
	if (state.status === 'running' && !isExpired(state, serverNow)) {
		return {
			status: 'running',
			endsAt: state.endsAt + byMs,
			durationMs: state.durationMs + byMs
		};
	}
	return startTimer(byMs, serverNow);
}

export interface OffsetSample {
	/** Server clock minus client clock, assuming the request and answer took equally long. */
	offsetMs: number;
	roundTripMs: number;
}

/** One measurement: the client's clock when it asked and when the answer came, the server's between. */
export const offsetSample = (
	sentAt: number,
	serverTime: number,
	receivedAt: number
): OffsetSample => ({
	offsetMs: serverTime - (sentAt + receivedAt) / 2,
	roundTripMs: receivedAt - sentAt
});

/**
 * The offset of the fastest round trip, whose midpoint guess errs least (by at most half of it).
 * A negative round trip means the client's clock jumped during the request, so that sample is dropped.
 */
export function bestOffset(samples: readonly OffsetSample[]): number | null {
	let best: OffsetSample | null = null;
	for (const sample of samples) {
		if (!(sample.roundTripMs >= 0) || !Number.isFinite(sample.offsetMs)) continue;
		if (best === null || sample.roundTripMs < best.roundTripMs) best = sample;
	}
	return best === null ? null : best.offsetMs;
}

export const serverNow = (clientNow: number, offsetMs: number): number => clientNow + offsetMs;

/**
 * Minutes as a user types them ("5", "1,5"), with one decimal as every minutes field takes, to whole
 * seconds: from 6 seconds to 8 hours.
 */
export function parseTimerInput(raw: string): Checked<number, 'duration_invalid'> {
	const checked = checkGermanNumber(raw, TIMER_MINUTES);
	if (checked.kind !== 'number') return { ok: false, error: 'duration_invalid' };
	return { ok: true, value: Math.round(checked.value * 60) * 1_000 };
}

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/**
 * "mm:ss", or "h:mm:ss" from one hour. Rounded up to the whole second, so "00:00" appears only once
 * the time is over.
 */
export function formatRemaining(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1_000));
	const hours = Math.floor(seconds / 3_600);
	const minutes = Math.floor((seconds % 3_600) / 60);
	const clock = `${twoDigits(minutes)}:${twoDigits(seconds % 60)}`;
	return hours > 0 ? `${hours}:${clock}` : clock;
}

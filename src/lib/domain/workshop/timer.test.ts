import { describe, expect, it } from 'vitest';
import {
	bestOffset,
	extendTimer,
	formatRemaining,
	isExpired,
	isLastMinute,
	offsetSample,
	parseTimerInput,
	pauseTimer,
	remainingMs,
	resetTimer,
	resumeTimer,
	serverNow,
	startTimer,
	type TimerState
} from './timer';

const FIVE_MINUTES = 300_000;
// Started at server time 1,000,000 for five minutes: ends at 1,300,000.
const running: TimerState = { status: 'running', endsAt: 1_300_000, durationMs: FIVE_MINUTES };

describe('the countdown', () => {
	it('ends its duration after the moment it is started', () => {
		expect(startTimer(FIVE_MINUTES, 1_000_000)).toEqual(running);
	});

	it('counts down to zero and never below', () => {
		// 1,300,000 - 1,100,000 = 200,000
		expect(remainingMs(running, 1_100_000)).toBe(200_000);
		expect(remainingMs(running, 1_300_000)).toBe(0);
		expect(remainingMs(running, 2_000_000)).toBe(0);
		expect(remainingMs(resetTimer(), 1_100_000)).toBe(0);
	});

	it('keeps the time left while paused and continues from it', () => {
		const paused = pauseTimer(running, 1_100_000);
		expect(paused).toEqual({ status: 'paused', remainingMs: 200_000, durationMs: FIVE_MINUTES });
		expect(remainingMs(paused, 9_999_999)).toBe(200_000);
		// Resumed at 5,000,000: ends 200,000 later.
		expect(resumeTimer(paused, 5_000_000)).toEqual({
			status: 'running',
			endsAt: 5_200_000,
			durationMs: FIVE_MINUTES
		});
	});

	it('does not pause an expired timer or resume one that is not paused', () => {
		expect(pauseTimer(running, 1_300_000)).toBe(running);
		expect(resumeTimer(running, 1_100_000)).toBe(running);
		expect(pauseTimer(resetTimer(), 1_100_000)).toEqual({ status: 'idle' });
	});

	it('gets more time: later end when running, more left when paused', () => {
		// 1,300,000 + 60,000 = 1,360,000; 300,000 + 60,000 = 360,000
		expect(extendTimer(running, 60_000, 1_100_000)).toEqual({
			status: 'running',
			endsAt: 1_360_000,
			durationMs: 360_000
		});
		// 200,000 + 60,000 = 260,000
		const paused: TimerState = { status: 'paused', remainingMs: 200_000, durationMs: FIVE_MINUTES };
		expect(extendTimer(paused, 60_000, 1_100_000)).toEqual({
			status: 'paused',
			remainingMs: 260_000,
			durationMs: 360_000
		});
	});

	it('starts over when an expired or idle timer is extended', () => {
		// Expired at 1,300,000; extended at 1,400,000 by two minutes: 1,400,000 + 120,000.
		const restarted = { status: 'running', endsAt: 1_520_000, durationMs: 120_000 };
		expect(extendTimer(running, 120_000, 1_400_000)).toEqual(restarted);
		expect(extendTimer(resetTimer(), 120_000, 1_400_000)).toEqual(restarted);
	});

	it('ignores an extension by nothing or by a negative amount', () => {
		expect(extendTimer(running, 0, 1_100_000)).toBe(running);
		expect(extendTimer(running, -60_000, 1_100_000)).toBe(running);
	});

	it('warns in the last minute and is expired from its end on', () => {
		// The last minute starts at 1,300,000 - 60,000 = 1,240,000.
		expect(isLastMinute(running, 1_239_999)).toBe(false);
		expect(isLastMinute(running, 1_240_000)).toBe(true);
		expect(isLastMinute(running, 1_299_999)).toBe(true);
		expect(isLastMinute(running, 1_300_000)).toBe(false);
		expect(isExpired(running, 1_299_999)).toBe(false);
		expect(isExpired(running, 1_300_000)).toBe(true);
		const paused: TimerState = { status: 'paused', remainingMs: 30_000, durationMs: FIVE_MINUTES };
		expect(isLastMinute(paused, 0)).toBe(false);
		expect(isExpired(paused, 9_999_999)).toBe(false);
		expect(isExpired(resetTimer(), 9_999_999)).toBe(false);
	});
});

describe('the clock offset to the server', () => {
	it('assumes the server answered halfway through the round trip', () => {
		// 5,000 - (1,000 + 1,200) / 2 = 5,000 - 1,100 = 3,900; round trip 1,200 - 1,000 = 200.
		expect(offsetSample(1_000, 5_000, 1_200)).toEqual({ offsetMs: 3_900, roundTripMs: 200 });
	});

	it('trusts the fastest round trip and drops samples taken while the clock jumped', () => {
		const samples = [
			{ offsetMs: 3_900, roundTripMs: 200 },
			{ offsetMs: 3_950, roundTripMs: 50 },
			{ offsetMs: 3_700, roundTripMs: 120 },
			{ offsetMs: 99_000, roundTripMs: -10 }
		];
		expect(bestOffset(samples)).toBe(3_950);
		expect(bestOffset([])).toBeNull();
		expect(bestOffset([{ offsetMs: 99_000, roundTripMs: -10 }])).toBeNull();
	});

	it('lets two devices whose clocks differ by minutes show the same time left', () => {
		// Server timer: started at 10,000,000 for five minutes, ends at 10,300,000.
		const timer = startTimer(FIVE_MINUTES, 10_000_000);
		// Device A runs 3 minutes behind the server. It asks at its 9,820,000 (server 10,000,000), the
		// server answers 10,000,040, the answer arrives at its 9,820,080:
		// offset = 10,000,040 - (9,820,000 + 9,820,080) / 2 = 10,000,040 - 9,820,040 = 180,000.
		const offsetA = offsetSample(9_820_000, 10_000_040, 9_820_080).offsetMs;
		expect(offsetA).toBe(180_000);
		// Device B runs 2 minutes ahead: asks at 10,120,000, server 10,000,030, arrives 10,120,060:
		// offset = 10,000,030 - 10,120,030 = -120,000.
		const offsetB = offsetSample(10_120_000, 10_000_030, 10_120_060).offsetMs;
		expect(offsetB).toBe(-120_000);

		// At server time 10,100,000 A's clock reads 9,920,000 and B's 10,220,000. Uncorrected, A would
		// show 10,300,000 - 9,920,000 = 380,000 ms (06:20) and B 80,000 ms (01:20).
		const nowA = serverNow(9_920_000, offsetA);
		const nowB = serverNow(10_220_000, offsetB);
		// Corrected, both read 10,100,000: 200,000 ms left.
		expect(remainingMs(timer, nowA)).toBe(200_000);
		expect(remainingMs(timer, nowB)).toBe(200_000);
		expect(formatRemaining(remainingMs(timer, nowA))).toBe('03:20');
	});
});

describe('durations typed by the facilitator', () => {
	it('are minutes with a German decimal comma, to whole seconds', () => {
		expect(parseTimerInput('5')).toEqual({ ok: true, value: 300_000 });
		// 1.5 × 60 s = 90 s
		expect(parseTimerInput('1,5')).toEqual({ ok: true, value: 90_000 });
		expect(parseTimerInput(' 0,5 ')).toEqual({ ok: true, value: 30_000 });
		// 0.1 × 60 s = 6 s, the shortest countdown one decimal can say
		expect(parseTimerInput('0,1')).toEqual({ ok: true, value: 6_000 });
		expect(parseTimerInput('480')).toEqual({ ok: true, value: 28_800_000 });
	});

	it('must lie between 6 seconds and eight hours, with one decimal', () => {
		// 481 min is more than 8 h; "0,3333" and "5,00" have more decimals than the field takes.
		for (const raw of ['0', '0,05', '481', '-1', '', 'fünf', '5 min', '0,3333', '5,00']) {
			expect(parseTimerInput(raw)).toEqual({ ok: false, error: 'duration_invalid' });
		}
	});
});

describe('the time left as shown', () => {
	it('is rounded up to the whole second, so 00:00 appears only when the time is over', () => {
		expect(formatRemaining(0)).toBe('00:00');
		expect(formatRemaining(-5)).toBe('00:00');
		expect(formatRemaining(1)).toBe('00:01');
		expect(formatRemaining(1_000)).toBe('00:01');
		expect(formatRemaining(1_001)).toBe('00:02');
		// 59,001 ms → 60 s
		expect(formatRemaining(59_001)).toBe('01:00');
		expect(formatRemaining(3_599_000)).toBe('59:59');
	});

	it('shows hours from one hour on', () => {
		// 3,599,001 ms → 3,600 s = 1 h
		expect(formatRemaining(3_599_001)).toBe('1:00:00');
		// 1 h 2 min 3 s = 3,600 + 120 + 3 = 3,723 s
		expect(formatRemaining(3_723_000)).toBe('1:02:03');
	});
});

import { describe, expect, it } from 'vitest';
import {
	AGENDA_TEMPLATES,
	BLOCK_METHODS,
	blocksFromTemplate,
	deviationMinutes,
	formatClockTime,
	isBlockMethod,
	parseClockTime,
	scheduleOf,
	sortBlocks,
	validateBlockTitle,
	validateDuration,
	type AgendaBlock
} from './agenda';

const block = (id: string, order: string, durationMinutes: number): AgendaBlock => ({
	id,
	title: `Block ${id}`,
	method: 'diskussion',
	durationMinutes,
	order
});

describe('block methods', () => {
	it('are the ten methods of a workshop day and nothing else', () => {
		expect(BLOCK_METHODS).toHaveLength(10);
		expect(isBlockMethod('kartenabfrage')).toBe(true);
		expect(isBlockMethod('Kartenabfrage')).toBe(false);
		expect(isBlockMethod(3)).toBe(false);
	});
});

describe('what the facilitator types for a block', () => {
	it('takes a trimmed title of up to 120 characters without control characters', () => {
		expect(validateBlockTitle('  Begrüßung   und Ziele ')).toEqual({
			ok: true,
			value: 'Begrüßung und Ziele'
		});
		expect(validateBlockTitle(' ')).toEqual({ ok: false, error: 'title_required' });
		expect(validateBlockTitle('ß'.repeat(121))).toEqual({ ok: false, error: 'title_too_long' });
		expect(validateBlockTitle('Pause\u0000')).toEqual({ ok: false, error: 'title_invalid' });
	});

	it('takes a duration of whole minutes from 1 to 480, typed or as a number', () => {
		expect(validateDuration('45')).toEqual({ ok: true, value: 45 });
		expect(validateDuration(' 45 ')).toEqual({ ok: true, value: 45 });
		expect(validateDuration(480)).toEqual({ ok: true, value: 480 });
		expect(validateDuration('1')).toEqual({ ok: true, value: 1 });
		for (const raw of ['0', '481', '1,5', '', 'lang', -5, 2.5, Number.NaN]) {
			expect(validateDuration(raw)).toEqual({ ok: false, error: 'duration_invalid' });
		}
	});
});

describe('the schedule', () => {
	const blocks = [block('B', 'a1', 30), block('A', 'a0', 20), block('C', 'a2', 45)];

	it('sorts blocks by key in code units, then by id', () => {
		const sorted = sortBlocks([block('y', 'a0', 5), block('x', 'a0', 5), block('z', 'Zz', 5)]);
		expect(sorted.map((b) => b.id)).toEqual(['z', 'x', 'y']);
	});

	it('runs the blocks back to back from the start of the day', () => {
		// 9:00 = 540. A 540 + 20 = 560, B 560 + 30 = 590, C 590 + 45 = 635.
		expect(scheduleOf(blocks, 540).map((b) => [b.id, b.startsAt, b.endsAt])).toEqual([
			['A', 540, 560],
			['B', 560, 590],
			['C', 590, 635]
		]);
	});

	it('reads clock times as people type them', () => {
		expect(parseClockTime('9:00')).toBe(540);
		// 9 × 60 + 30 = 570
		expect(parseClockTime('09:30')).toBe(570);
		expect(parseClockTime(' 9.30 ')).toBe(570);
		expect(parseClockTime('23:59')).toBe(1_439);
		for (const raw of ['24:00', '9:60', '930', '9:5', '', 'neun']) {
			expect(parseClockTime(raw)).toBeNull();
		}
	});

	it('shows clock times on a 24-hour clock, past midnight as the next day', () => {
		expect(formatClockTime(570)).toBe('09:30');
		expect(formatClockTime(0)).toBe('00:00');
		// 1,510 - 1,440 = 70 = 01:10
		expect(formatClockTime(1_510)).toBe('01:10');
		// -30 + 1,440 = 1,410 = 23:30
		expect(formatClockTime(-30)).toBe('23:30');
	});
});

describe('how far the day runs behind plan', () => {
	// A 9:00–9:20, B 9:20–9:50, C 9:50–10:35. B is planned to end 50 minutes after the day's start.
	const schedule = scheduleOf(
		[block('A', 'a0', 20), block('B', 'a1', 30), block('C', 'a2', 45)],
		540
	);
	const dayStartMs = 1_000_000_000;
	const minutes = (n: number) => dayStartMs + n * 60_000;
	const behind = (since: number, now: number, currentBlockId: string | null = 'B') =>
		deviationMinutes({
			schedule,
			currentBlockId,
			currentSinceMs: since,
			nowMs: now,
			dayStartMs
		});

	it('counts a block started late as the delay of the day', () => {
		// B started at minute 35 (planned 20): expected end 35 + 30 = 65, planned 50: 15 behind.
		expect(behind(minutes(35), minutes(40))).toBe(15);
	});

	it('counts a block running over its time up to now', () => {
		// B on time at minute 20 would end at 50; at minute 58 it still runs: 58 - 50 = 8 behind.
		expect(behind(minutes(20), minutes(58))).toBe(8);
	});

	it('is negative when the day runs ahead', () => {
		// B started at minute 12: expected end 12 + 30 = 42, planned 50: 8 ahead.
		expect(behind(minutes(12), minutes(13))).toBe(-8);
	});

	it('rounds toward zero to whole minutes', () => {
		// 1.5 minutes late: 21.5 + 30 = 51.5 vs 50 → 1.5 → 1; 1.5 early → -1; half a minute early → 0.
		expect(behind(minutes(21.5), minutes(22))).toBe(1);
		expect(behind(minutes(18.5), minutes(19))).toBe(-1);
		expect(behind(minutes(19.5), minutes(20))).toBe(0);
	});

	it('is unknown without a current block or when that block is not on the agenda', () => {
		expect(behind(minutes(20), minutes(30), null)).toBeNull();
		expect(behind(minutes(20), minutes(30), 'weg')).toBeNull();
		expect(
			deviationMinutes({
				schedule,
				currentBlockId: 'B',
				currentSinceMs: null,
				nowMs: minutes(30),
				dayStartMs
			})
		).toBeNull();
	});
});

describe('agenda templates', () => {
	const fullDay = AGENDA_TEMPLATES.find((t) => t.id === 'digital-check-tag')!;

	it('offer a full Digital-Check day from 9:00 to 16:00 with a Kartenabfrage question', () => {
		expect(fullDay.title).toBe('Digital-Check-Workshop (ganzer Tag)');
		expect(fullDay.blocks.length).toBeGreaterThanOrEqual(10);
		expect(fullDay.blocks.length).toBeLessThanOrEqual(12);
		const schedule = scheduleOf(blocksFromTemplate('digital-check-tag'), 540);
		// 16:00 = 960
		expect(schedule.at(-1)!.endsAt).toBe(960);
		const kartenabfrage = fullDay.blocks.find((b) => b.method === 'kartenabfrage')!;
		expect(kartenabfrage.title).toContain('Was hindert uns heute?');
		expect(kartenabfrage.question).toBeTruthy();
	});

	it('offer a half day from 9:00 to 12:30', () => {
		const schedule = scheduleOf(blocksFromTemplate('digital-check-halbtag'), 540);
		// 12:30 = 750
		expect(schedule.at(-1)!.endsAt).toBe(750);
	});

	it('hold only titles, methods and durations a facilitator could have entered', () => {
		expect(new Set(AGENDA_TEMPLATES.map((t) => t.id)).size).toBe(AGENDA_TEMPLATES.length);
		for (const template of AGENDA_TEMPLATES) {
			for (const b of template.blocks) {
				expect(validateBlockTitle(b.title)).toEqual({ ok: true, value: b.title });
				expect(validateDuration(b.durationMinutes).ok).toBe(true);
				expect(isBlockMethod(b.method)).toBe(true);
			}
		}
	});

	it('give blocks ids and keys in template order', () => {
		const blocks = blocksFromTemplate('digital-check-tag');
		expect(blocks[0]).toEqual({
			id: 'tpl.digital-check-tag.01',
			title: 'Begrüßung und Ziele',
			method: 'begruessung',
			durationMinutes: 20,
			order: 'a0'
		});
		// Keys from the start count up in base 62: a0 … a9, then aA, aB.
		expect(blocks.map((b) => b.order)).toEqual([
			'a0',
			'a1',
			'a2',
			'a3',
			'a4',
			'a5',
			'a6',
			'a7',
			'a8',
			'a9',
			'aA',
			'aB'
		]);
		expect(blocks.at(-1)!.id).toBe('tpl.digital-check-tag.12');
		expect(sortBlocks(blocks)).toEqual(blocks);
	});

	it('applied on two devices offline, end as one agenda after sync', () => {
		const first = blocksFromTemplate('digital-check-tag');
		const second = blocksFromTemplate('digital-check-tag');
		expect(second).toEqual(first);
		// Both devices write each block under its id; the merged agenda holds each block once.
		const merged = new Map([...first, ...second].map((b) => [b.id, b]));
		expect(merged.size).toBe(12);
	});

	it('yields no blocks for an unknown template', () => {
		expect(blocksFromTemplate('gibt-es-nicht')).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import {
	firstDay,
	formatQuarter,
	formatSchedule,
	lastDay,
	parseSchedule,
	quarterOf,
	quartersBetween
} from './schedule';

describe('a start or due typed into a measure', () => {
	it.each([
		['Q3 2027', '2027-Q3'],
		['q3 2027', '2027-Q3'],
		['Q3/2027', '2027-Q3'],
		['Q3-2027', '2027-Q3'],
		['  Q4   2030 ', '2030-Q4'],
		['3. Quartal 2027', '2027-Q3'],
		['1.Quartal 2028', '2028-Q1'],
		['2 Quartal 2027', '2027-Q2'],
		['2027-Q3', '2027-Q3'],
		['2027 Q1', '2027-Q1']
	])('reads the quarter "%s" as %s', (typed, stored) => {
		expect(parseSchedule(typed)).toEqual({ ok: true, value: stored });
	});

	it.each([
		['30.09.2027', '2027-09-30'],
		['30.9.2027', '2027-09-30'],
		['1.7.2027', '2027-07-01'],
		['30.09.27', '2027-09-30'],
		['2027-09-30', '2027-09-30'],
		['2027-9-3', '2027-09-03'],
		['29.02.2028', '2028-02-29'],
		['31.12.2099', '2099-12-31'],
		['01.01.2000', '2000-01-01']
	])('reads the day "%s" as %s', (typed, stored) => {
		expect(parseSchedule(typed)).toEqual({ ok: true, value: stored });
	});

	it('leaves an empty field unset', () => {
		expect(parseSchedule('')).toEqual({ ok: true, value: null });
		expect(parseSchedule('   ')).toEqual({ ok: true, value: null });
	});

	it.each([
		['31.02.2027', 'February has no 31st'],
		['29.02.2027', '2027 is no leap year'],
		['29.02.2100', '2100 is no leap year and outside the years planned'],
		['31.04.2027', 'April has 30 days'],
		['00.01.2027', 'there is no day 0'],
		['15.13.2027', 'there is no 13th month'],
		['2027-02-30', 'February has no 30th'],
		['Q5 2027', 'a year has four quarters'],
		['Q0 2027', 'quarters count from 1'],
		['5. Quartal 2027', 'a year has four quarters'],
		['Q3 1999', 'the year is before 2000'],
		['01.01.2100', 'the year is after 2099'],
		['3/2027', 'it may mean March or the third quarter'],
		['2027', 'a year alone is no quarter'],
		['September 2027', 'a month is neither quarter nor day'],
		['30.09.', 'the year is missing'],
		['Q3 2027 oder 30.09.2027', 'only one point is taken']
	])('refuses "%s": %s', (typed) => {
		expect(parseSchedule(typed)).toEqual({ ok: false, error: 'schedule_invalid' });
	});
});

describe('a stored start or due shown in German', () => {
	it('shows a quarter as "Q3 2027" and a day as "30.09.2027"', () => {
		expect(formatSchedule('2027-Q3')).toBe('Q3 2027');
		expect(formatSchedule('2027-09-30')).toBe('30.09.2027');
		expect(formatSchedule('2028-02-29')).toBe('29.02.2028');
		expect(formatSchedule('2030-01-05')).toBe('05.01.2030');
	});

	it('what is shown reads back to what is stored', () => {
		for (const stored of ['2027-Q1', '2027-Q4', '2027-09-30', '2028-02-29']) {
			expect(parseSchedule(formatSchedule(stored))).toEqual({ ok: true, value: stored });
		}
	});

	it('refuses to show a value that is not a point, rather than showing something wrong', () => {
		expect(() => formatSchedule('2027-02-31')).toThrow(RangeError);
		expect(() => formatSchedule('Q3 2027')).toThrow(RangeError);
	});
});

describe('quarters of a plan', () => {
	it('puts a day into its quarter', () => {
		expect(quarterOf('2027-01-01')).toBe('2027-Q1');
		expect(quarterOf('2027-03-31')).toBe('2027-Q1');
		expect(quarterOf('2027-04-01')).toBe('2027-Q2');
		expect(quarterOf('2027-06-30')).toBe('2027-Q2');
		expect(quarterOf('2027-07-01')).toBe('2027-Q3');
		expect(quarterOf('2027-09-30')).toBe('2027-Q3');
		expect(quarterOf('2027-10-01')).toBe('2027-Q4');
		expect(quarterOf('2027-12-31')).toBe('2027-Q4');
		expect(quarterOf('2028-02-29')).toBe('2028-Q1');
		expect(quarterOf('2027-Q2')).toBe('2027-Q2');
	});

	it('names a quarter as "Q3 2027"', () => {
		expect(formatQuarter('2027-Q3')).toBe('Q3 2027');
		expect(formatQuarter('2031-Q1')).toBe('Q1 2031');
	});

	it('knows the first and last day a quarter or a day covers', () => {
		expect([firstDay('2027-Q1'), lastDay('2027-Q1')]).toEqual(['2027-01-01', '2027-03-31']);
		expect([firstDay('2027-Q2'), lastDay('2027-Q2')]).toEqual(['2027-04-01', '2027-06-30']);
		expect([firstDay('2027-Q3'), lastDay('2027-Q3')]).toEqual(['2027-07-01', '2027-09-30']);
		expect([firstDay('2027-Q4'), lastDay('2027-Q4')]).toEqual(['2027-10-01', '2027-12-31']);
		expect([firstDay('2028-02-29'), lastDay('2028-02-29')]).toEqual(['2028-02-29', '2028-02-29']);
	});

	it('lists the quarters from one to another, across years, both included', () => {
		expect(quartersBetween('2027-Q3', '2028-Q2')).toEqual([
			'2027-Q3',
			'2027-Q4',
			'2028-Q1',
			'2028-Q2'
		]);
		expect(quartersBetween('2027-Q3', '2027-Q3')).toEqual(['2027-Q3']);
		expect(quartersBetween('2027-08-15', '2027-10-01')).toEqual(['2027-Q3', '2027-Q4']);
		expect(quartersBetween('2028-Q1', '2027-Q4')).toEqual([]);
	});
});

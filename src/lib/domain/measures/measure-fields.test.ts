import { describe, expect, it } from 'vitest';
import {
	MEASURE_TEXT_MAX_LENGTH,
	parseBudget,
	parseStaffDays,
	validateMeasureText,
	validateMeasureTitle
} from './measure-fields';

describe('the title of a measure', () => {
	it('is trimmed to one line', () => {
		expect(validateMeasureTitle('  Online-\n  Terminvergabe  ')).toEqual({
			ok: true,
			value: 'Online- Terminvergabe'
		});
	});

	it('takes 1 to 160 characters, counted as people see them', () => {
		expect(validateMeasureTitle('E')).toEqual({ ok: true, value: 'E' });
		expect(validateMeasureTitle('ä'.repeat(160))).toEqual({ ok: true, value: 'ä'.repeat(160) });
		expect(validateMeasureTitle('😀'.repeat(160)).ok).toBe(true);
		expect(validateMeasureTitle('x'.repeat(161))).toEqual({
			ok: false,
			error: 'measure_title_too_long'
		});
	});

	it('must not be empty', () => {
		expect(validateMeasureTitle('')).toEqual({ ok: false, error: 'measure_title_empty' });
		expect(validateMeasureTitle(' \n\t ')).toEqual({ ok: false, error: 'measure_title_empty' });
	});

	it('must not contain control characters or bidi overrides', () => {
		expect(validateMeasureTitle('E-Akte\u0007')).toEqual({
			ok: false,
			error: 'measure_title_invalid'
		});
		expect(validateMeasureTitle('E-Akte\u202e')).toEqual({
			ok: false,
			error: 'measure_title_invalid'
		});
	});
});

describe('the free texts of a measure', () => {
	it('has the limits of issue 18 for each field', () => {
		expect(MEASURE_TEXT_MAX_LENGTH).toEqual({
			description: 2000,
			owner: 80,
			indicator: 300,
			target: 300,
			notes: 4000,
			ikzOther: 300
		});
	});

	it('may be empty', () => {
		expect(validateMeasureText('', 2000)).toEqual({ ok: true, value: '' });
		expect(validateMeasureText('  \n ', 2000)).toEqual({ ok: true, value: '' });
	});

	it('keeps line breaks in a description, written alike from every device', () => {
		expect(validateMeasureText('  Erstens\r\nZweitens  \rDrittens\n\n  Ende ', 2000)).toEqual({
			ok: true,
			value: 'Erstens\nZweitens\nDrittens\n\nEnde'
		});
	});

	it('puts an owner on one line', () => {
		expect(validateMeasureText('  Fachbereich\n  Bürgerservice ', 80, false)).toEqual({
			ok: true,
			value: 'Fachbereich Bürgerservice'
		});
	});

	it('takes at most the given number of characters', () => {
		expect(validateMeasureText('ü'.repeat(80), 80, false)).toEqual({
			ok: true,
			value: 'ü'.repeat(80)
		});
		expect(validateMeasureText('ü'.repeat(81), 80, false)).toEqual({
			ok: false,
			error: 'measure_text_too_long'
		});
		expect(validateMeasureText('a\nb'.repeat(1000), 2000)).toEqual({
			ok: false,
			error: 'measure_text_too_long'
		});
	});

	it('refuses control characters other than line breaks and tabs, and bidi overrides', () => {
		expect(validateMeasureText('Zeile\tmit Tab', 300)).toEqual({
			ok: true,
			value: 'Zeile mit Tab'
		});
		expect(validateMeasureText('Ziel\u0000', 300)).toEqual({
			ok: false,
			error: 'measure_text_invalid'
		});
		expect(validateMeasureText('Ziel\u2066', 300)).toEqual({
			ok: false,
			error: 'measure_text_invalid'
		});
	});
});

describe('the budget of a measure, in whole euros', () => {
	it.each([
		['12.500', 12_500],
		['12.500 €', 12_500],
		['12500€', 12_500],
		['12.500 EUR', 12_500],
		['12.500 Euro', 12_500],
		['12.500,00 €', 12_500],
		['12.500,- €', 12_500],
		['12 500', 12_500],
		['0', 0],
		['10.000.000.000', 10_000_000_000]
	])('reads "%s" as %d euros', (typed, euros) => {
		expect(parseBudget(typed)).toEqual({ ok: true, value: euros });
	});

	it('leaves an empty field unset', () => {
		expect(parseBudget('')).toEqual({ ok: true, value: null });
		expect(parseBudget(' € ')).toEqual({ ok: true, value: null });
	});

	it('refuses cents rather than rounding them away', () => {
		expect(parseBudget('12.500,50 €')).toEqual({ ok: false, error: 'budget_not_whole' });
		expect(parseBudget('99,9')).toEqual({ ok: false, error: 'budget_not_whole' });
	});

	it('refuses a negative budget and one above ten billion euros', () => {
		expect(parseBudget('-1')).toEqual({ ok: false, error: 'budget_out_of_range' });
		expect(parseBudget('10.000.000.001')).toEqual({ ok: false, error: 'budget_out_of_range' });
	});

	it('refuses what is not a number', () => {
		expect(parseBudget('zwölftausend')).toEqual({ ok: false, error: 'budget_invalid' });
		expect(parseBudget('12,500,00')).toEqual({ ok: false, error: 'budget_invalid' });
	});
});

describe('the staff days of a measure, in halves', () => {
	it.each([
		['2,5', 2.5],
		['2.5', 2.5],
		['12', 12],
		['0,5', 0.5],
		['0', 0],
		['3 PT', 3],
		['3 Tage', 3],
		['1 Tag', 1],
		['10.000', 10_000]
	])('reads "%s" as %d days', (typed, days) => {
		expect(parseStaffDays(typed)).toEqual({ ok: true, value: days });
	});

	it('leaves an empty field unset', () => {
		expect(parseStaffDays('')).toEqual({ ok: true, value: null });
	});

	it('refuses anything but whole and half days', () => {
		expect(parseStaffDays('2,3')).toEqual({ ok: false, error: 'staff_days_not_half' });
		expect(parseStaffDays('2,25')).toEqual({ ok: false, error: 'staff_days_not_half' });
	});

	it('refuses negative days and more than 10.000', () => {
		expect(parseStaffDays('-0,5')).toEqual({ ok: false, error: 'staff_days_out_of_range' });
		expect(parseStaffDays('10.000,5')).toEqual({ ok: false, error: 'staff_days_out_of_range' });
	});

	it('refuses what is not a number', () => {
		expect(parseStaffDays('zwei')).toEqual({ ok: false, error: 'staff_days_invalid' });
	});
});

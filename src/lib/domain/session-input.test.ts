import { describe, expect, it } from 'vitest';
import { validateDate, validatePerspective, validateTitle } from './session-input';

describe('titles of workshops and rounds', () => {
	it('are trimmed, with inner whitespace collapsed', () => {
		expect(validateTitle('  Workshop   Handlungsfelder ')).toEqual({
			ok: true,
			value: 'Workshop Handlungsfelder'
		});
	});

	it('must not be empty, longer than 120 characters, or contain control characters', () => {
		expect(validateTitle('  ')).toEqual({ ok: false, error: 'title_required' });
		expect(validateTitle('ü'.repeat(121))).toEqual({ ok: false, error: 'title_too_long' });
		expect(validateTitle('ü'.repeat(120)).ok).toBe(true);
		expect(validateTitle('A\u0007B')).toEqual({ ok: false, error: 'title_invalid' });
	});
});

describe('workshop dates', () => {
	it('are optional, and a real calendar date when given', () => {
		expect(validateDate('')).toEqual({ ok: true, value: null });
		expect(validateDate('2027-03-15')).toEqual({ ok: true, value: '2027-03-15' });
		expect(validateDate('2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
	});

	it('refuse impossible days, other formats and far-off years', () => {
		for (const raw of ['2027-02-29', '2027-13-01', '15.03.2027', '1999-12-31', '2027-3-5']) {
			expect(validateDate(raw)).toEqual({ ok: false, error: 'date_invalid' });
		}
	});
});

describe('respondent perspectives', () => {
	it('accept the seven codes of the 360° check and nothing else', () => {
		expect(validatePerspective('PR')).toEqual({ ok: true, value: 'PR' });
		expect(validatePerspective('X')).toEqual({ ok: false, error: 'perspective_required' });
		expect(validatePerspective('')).toEqual({ ok: false, error: 'perspective_required' });
	});
});

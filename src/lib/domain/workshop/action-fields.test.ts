import { describe, expect, it } from 'vitest';
import { validateActionFieldTitle, validateDimensions } from './action-fields';

describe('Handlungsfeld input', () => {
	it('a title is trimmed to one line and must not be empty, too long or contain control characters', () => {
		expect(validateActionFieldTitle('  Digitale\n Akte ')).toEqual({
			ok: true,
			value: 'Digitale Akte'
		});
		expect(validateActionFieldTitle('   ')).toEqual({ ok: false, error: 'field_title_empty' });
		expect(validateActionFieldTitle('x'.repeat(121))).toEqual({
			ok: false,
			error: 'field_title_too_long'
		});
		expect(validateActionFieldTitle('Akte\u202e')).toEqual({
			ok: false,
			error: 'field_title_invalid'
		});
	});

	it('at least one known dimension, in catalog order without duplicates', () => {
		expect(validateDimensions(['daten', 'strategie', 'daten'])).toEqual({
			ok: true,
			value: ['strategie', 'daten']
		});
		expect(validateDimensions([])).toEqual({ ok: false, error: 'field_dimensions_missing' });
		expect(validateDimensions(['strategie', 'wetter'])).toEqual({
			ok: false,
			error: 'field_dimensions_invalid'
		});
	});
});

import { describe, expect, it } from 'vitest';
import { fieldLinkedTo, validateActionFieldTitle, validateDimensions } from './action-fields';

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

describe('the Handlungsfeld a measure made from an entry goes under', () => {
	const fields = [{ id: 'hf-verwaltung' }, { id: 'hf-schule' }, { id: 'hf-netz' }];
	const links = new Map([
		['hf-schule', ['card-wlan', 'group-papier']],
		['hf-netz', ['card-wlan']]
	]);

	it('is the field the entry is linked to, the one of higher priority when it is linked to two', () => {
		expect(fieldLinkedTo(fields, links, 'group-papier')).toEqual({ id: 'hf-schule' });
		expect(fieldLinkedTo(fields, links, 'card-wlan')).toEqual({ id: 'hf-schule' });
		expect(fieldLinkedTo([...fields].reverse(), links, 'card-wlan')).toEqual({ id: 'hf-netz' });
	});

	it('is none for an entry linked to no field, or linked only to a field no longer on the board', () => {
		expect(fieldLinkedTo(fields, links, 'card-drucker')).toBeNull();
		expect(
			fieldLinkedTo(fields, new Map([['hf-entfernt', ['card-wlan']]]), 'card-wlan')
		).toBeNull();
	});
});

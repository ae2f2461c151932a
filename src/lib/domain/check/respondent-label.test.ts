import { describe, expect, it } from 'vitest';
import { validateRespondentLabel } from './respondent-label';

const ROUND = [
	{ id: 'r1', label: 'Kämmerer' },
	{ id: 'r2', label: 'Personalrat 1' }
];

describe('a respondent label', () => {
	it('is stored trimmed, with inner spaces collapsed', () => {
		expect(validateRespondentLabel('  Fachamt   Bauen ', ROUND)).toEqual({
			ok: true,
			value: 'Fachamt Bauen'
		});
	});

	it('is refused when empty, with an error about the label rather than a title', () => {
		expect(validateRespondentLabel('   ', ROUND)).toEqual({ ok: false, error: 'label_required' });
	});

	it('is refused when another respondent of the round has it, whatever its case and spaces', () => {
		for (const raw of ['Kämmerer', 'kämmerer', ' KÄMMERER ', 'personalrat  1']) {
			expect(validateRespondentLabel(raw, ROUND), raw).toEqual({
				ok: false,
				error: 'label_taken'
			});
		}
	});

	it('may stay what it is, or change its case, when the respondent is renamed', () => {
		expect(validateRespondentLabel('kämmerer', ROUND, 'r1')).toEqual({
			ok: true,
			value: 'kämmerer'
		});
		expect(validateRespondentLabel('Kämmerer', ROUND, 'r2')).toEqual({
			ok: false,
			error: 'label_taken'
		});
	});

	it('is refused when too long or holding control characters', () => {
		expect(validateRespondentLabel('x'.repeat(121), ROUND)).toEqual({
			ok: false,
			error: 'label_too_long'
		});
		expect(validateRespondentLabel('a\u0000b', ROUND)).toEqual({
			ok: false,
			error: 'label_invalid'
		});
	});
});

import { describe, expect, it } from 'vitest';
import { DISPLAY_NAME_MAX_LENGTH, validateDisplayName } from './display-name';

describe('display names', () => {
	it('are trimmed and inner runs of spaces collapse to one', () => {
		expect(validateDisplayName('  Anna   B. ')).toEqual({ ok: true, value: 'Anna B.' });
	});

	it('an empty or blank name, or no string at all, is required', () => {
		for (const raw of ['', '   ', undefined, 42]) {
			expect(validateDisplayName(raw)).toEqual({ ok: false, error: 'name_required' });
		}
	});

	it('accept umlauts and emoji up to 40 characters, counted as people see them', () => {
		const forty = 'Ä'.repeat(DISPLAY_NAME_MAX_LENGTH);
		expect(validateDisplayName(forty)).toEqual({ ok: true, value: forty });
		expect(validateDisplayName('🙂'.repeat(40)).ok).toBe(true);
		expect(validateDisplayName(`${forty}x`)).toEqual({ ok: false, error: 'name_too_long' });
	});

	it('refuse control characters and bidi overrides', () => {
		expect(validateDisplayName('Anna\u0000')).toEqual({ ok: false, error: 'name_invalid' });
		expect(validateDisplayName('Anna\u202eB')).toEqual({ ok: false, error: 'name_invalid' });
	});
});

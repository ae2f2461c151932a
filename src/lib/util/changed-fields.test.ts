import { describe, expect, it } from 'vitest';
import { changedFields } from './changed-fields';

describe('changedFields', () => {
	it('keeps only the fields whose value differs from what the form showed, null included', () => {
		const shown = {
			place: 'Ratssaal',
			startMinutes: 540 as number | null,
			note: null as string | null
		};
		expect(changedFields(shown, { ...shown })).toEqual({});
		expect(changedFields(shown, { ...shown, startMinutes: 510 })).toEqual({ startMinutes: 510 });
		expect(changedFields(shown, { ...shown, startMinutes: null, note: '' })).toEqual({
			startMinutes: null,
			note: ''
		});
	});
});

// The name a participant shows to the room. Pseudonymous by design: any name will do, but it is plain
// text of a sensible length, so it fits a card and a list and cannot smuggle layout or control codes.

export const DISPLAY_NAME_MAX_LENGTH = 40;

export type DisplayNameError = 'name_required' | 'name_too_long' | 'name_invalid';

export type DisplayNameResult =
	{ ok: true; value: string } | { ok: false; error: DisplayNameError };

// Control characters (C0, DEL, C1) and the Unicode bidi overrides that could reorder a list's text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Whether text shown to others contains control characters or bidi overrides. */
export const hasForbiddenCharacters = (value: string): boolean => FORBIDDEN.test(value);

export function validateDisplayName(raw: unknown): DisplayNameResult {
	if (typeof raw !== 'string') return { ok: false, error: 'name_required' };
	const value = raw.trim().replace(/\s+/g, ' ');
	if (value === '') return { ok: false, error: 'name_required' };
	if (FORBIDDEN.test(value)) return { ok: false, error: 'name_invalid' };
	if ([...value].length > DISPLAY_NAME_MAX_LENGTH) return { ok: false, error: 'name_too_long' };
	return { ok: true, value };
}

// What a facilitator types when preparing a workshop or a check round, or adding a respondent. Plain text
// of a sensible length; errors are codes the UI turns into German messages.

import { hasForbiddenCharacters } from './display-name';
import { isPerspective, type Perspective } from './perspectives';

export const TITLE_MAX_LENGTH = 120;

export type TitleError = 'title_required' | 'title_too_long' | 'title_invalid';
export type DateError = 'date_invalid';

export type Checked<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function validateTitle(raw: string): Checked<string, TitleError> {
	const value = raw.trim().replace(/\s+/g, ' ');
	if (value === '') return { ok: false, error: 'title_required' };
	if (hasForbiddenCharacters(value)) return { ok: false, error: 'title_invalid' };
	if ([...value].length > TITLE_MAX_LENGTH) return { ok: false, error: 'title_too_long' };
	return { ok: true, value };
}

/** An optional calendar date from `<input type=date>` (YYYY-MM-DD): empty is null. */
export function validateDate(raw: string): Checked<string | null, DateError> {
	const value = raw.trim();
	if (value === '') return { ok: true, value: null };
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return { ok: false, error: 'date_invalid' };
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1;
	if (!real || date.getUTCDate() !== day || year < 2000 || year > 2100) {
		return { ok: false, error: 'date_invalid' };
	}
	return { ok: true, value };
}

export function validatePerspective(raw: string): Checked<Perspective, 'perspective_required'> {
	return isPerspective(raw)
		? { ok: true, value: raw }
		: { ok: false, error: 'perspective_required' };
}

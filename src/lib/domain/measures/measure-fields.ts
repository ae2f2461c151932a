// What people type into a measure's form (issue 18), checked before it is written: plain text of a
// sensible length, a budget in whole euros and staff days in halves, read as German numbers
// (german-number.ts). Errors are codes naming the field; the German text comes from the messages.

import { hasForbiddenCharacters } from '../display-name';
import { checkGermanNumber } from '../german-number';
import type { Checked } from '../session-input';

export const MEASURE_TITLE_MAX_LENGTH = 160;

/** The longest text each free-text field of a measure takes, in characters. */
export const MEASURE_TEXT_MAX_LENGTH = {
	description: 2000,
	owner: 80,
	indicator: 300,
	target: 300,
	notes: 4000,
	ikzOther: 300
} as const;

export const MEASURE_BUDGET_MAX_EUR = 10_000_000_000;
export const MEASURE_STAFF_DAYS_MAX = 10_000;

export type MeasureTitleError =
	'measure_title_empty' | 'measure_title_too_long' | 'measure_title_invalid';
export type MeasureTextError = 'measure_text_too_long' | 'measure_text_invalid';
export type BudgetError = 'budget_invalid' | 'budget_not_whole' | 'budget_out_of_range';
export type StaffDaysError =
	'staff_days_invalid' | 'staff_days_not_half' | 'staff_days_out_of_range';

const length = (value: string): number => [...value].length;

/** One line, 1–160 characters, no control characters. */
export function validateMeasureTitle(raw: string): Checked<string, MeasureTitleError> {
	const value = raw.trim().replace(/\s+/g, ' ');
	if (value === '') return { ok: false, error: 'measure_title_empty' };
	if (hasForbiddenCharacters(value)) return { ok: false, error: 'measure_title_invalid' };
	if (length(value) > MEASURE_TITLE_MAX_LENGTH) {
		return { ok: false, error: 'measure_title_too_long' };
	}
	return { ok: true, value };
}

/**
 * An optional text of at most `max` characters (empty is fine). Line breaks stay, written as `\n`
 * whatever the device sent, unless `multiline` is false (owner): then all whitespace becomes one
 * space, since a name or role is shown on one line. Tabs count as whitespace, other control
 * characters and bidi overrides are refused.
 */
export function validateMeasureText(
	raw: string,
	max: number,
	multiline = true
): Checked<string, MeasureTextError> {
	const value = multiline
		? raw
				.replace(/\r\n?/g, '\n')
				.replace(/[^\S\n]+/g, ' ')
				.replace(/ *\n */g, '\n')
				.trim()
		: raw.trim().replace(/\s+/g, ' ');
	if (hasForbiddenCharacters(value.replaceAll('\n', ''))) {
		return { ok: false, error: 'measure_text_invalid' };
	}
	if (length(value) > max) return { ok: false, error: 'measure_text_too_long' };
	return { ok: true, value };
}

/**
 * A budget in whole euros, German style: "12.500", "12.500 €", "12.500 EUR", "12.500,00 €" (cents of
 * zero, as invoices write them) or "12.500,- €". Empty is null (not known yet). Cents are refused
 * rather than rounded away.
 */
export function parseBudget(raw: string): Checked<number | null, BudgetError> {
	const text = raw
		.trim()
		.replace(/\s*(€|eur|euro)$/i, '')
		.replace(/^([^,]*\d),(00|-)$/, '$1');
	const read = checkGermanNumber(text, { min: 0, max: MEASURE_BUDGET_MAX_EUR, decimals: 0 });
	if (read.kind === 'empty') return { ok: true, value: null };
	if (read.kind === 'number') return { ok: true, value: read.value };
	if (read.error === 'out_of_range') return { ok: false, error: 'budget_out_of_range' };
	if (read.error === 'not_a_number') return { ok: false, error: 'budget_invalid' };
	return { ok: false, error: 'budget_not_whole' };
}

/** Staff days (Personentage), halves allowed: "2,5", "12". Empty is null (not known yet). */
export function parseStaffDays(raw: string): Checked<number | null, StaffDaysError> {
	const text = raw.trim().replace(/\s*(pt|tage?)$/i, '');
	// One decimal as everywhere in the app ("2,50" is refused like "38,000"); then only halves.
	const read = checkGermanNumber(text, { min: 0, max: MEASURE_STAFF_DAYS_MAX, decimals: 1 });
	if (read.kind === 'empty') return { ok: true, value: null };
	if (read.kind === 'error') {
		if (read.error === 'out_of_range') return { ok: false, error: 'staff_days_out_of_range' };
		if (read.error === 'not_a_number') return { ok: false, error: 'staff_days_invalid' };
		return { ok: false, error: 'staff_days_not_half' };
	}
	if (!Number.isInteger(read.value * 2)) return { ok: false, error: 'staff_days_not_half' };
	return { ok: true, value: read.value };
}

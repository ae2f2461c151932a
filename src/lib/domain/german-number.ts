// Numbers typed into German forms: "12.500" groups thousands with dots, "1,5" has a decimal comma,
// "12 500" groups with (narrow) spaces. A single dot that does not group thousands ("1.5") is read as
// a decimal point, since English keyboards produce it; "1.500" is therefore 1500, as a German reads it.
// Every numeric field of the app reads its input here and shows its stored value with
// formatGermanNumber, so what a field shows parses back to the number stored.

export type GermanNumberResult =
	{ kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

const GROUPED = /^-?\d{1,3}(\.\d{3})+$/;
const GROUPED_DECIMAL = /^-?(\d{1,3}(\.\d{3})+|\d*),\d+$/;
const PLAIN = /^-?\d+$/;
const POINT_DECIMAL = /^-?\d*\.\d+$/;

export function parseGermanNumber(raw: string): GermanNumberResult {
	const text = raw.replace(/\s+/g, '');
	if (text === '') return { kind: 'empty' };
	let normalized: string;
	if (GROUPED_DECIMAL.test(text)) normalized = text.replaceAll('.', '').replace(',', '.');
	else if (GROUPED.test(text)) normalized = text.replaceAll('.', '');
	else if (PLAIN.test(text) || POINT_DECIMAL.test(text)) normalized = text;
	else return { kind: 'invalid' };
	const value = Number(normalized);
	return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid' };
}

/**
 * "38.000", "2,5", "-1.234,5": thousands grouped with dots, a decimal comma, at most `decimals`
 * decimal places (rounded) and no trailing zeros. Built by hand rather than with Intl, so that the
 * result never depends on the device's locale data and always parses back with parseGermanNumber.
 */
export function formatGermanNumber(value: number, decimals = 1): string {
	if (!Number.isFinite(value)) throw new RangeError(`cannot format ${value}`);
	const [whole = '0', fraction = ''] = Math.abs(value).toFixed(decimals).split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+$)/g, '.');
	const digits = fraction.replace(/0+$/, '');
	const negative = value < 0 && /[1-9]/.test(whole + digits);
	return `${negative ? '-' : ''}${grouped}${digits === '' ? '' : `,${digits}`}`;
}

/** What a numeric field accepts: a closed range and how many decimal places (0: whole numbers). */
export interface NumberRange {
	min: number;
	max: number;
	decimals: 0 | 1;
}

export const NUMBER_INPUT_ERRORS = [
	'not_a_number',
	'not_an_integer',
	'out_of_range',
	'too_many_decimals'
] as const;
export type NumberInputError = (typeof NUMBER_INPUT_ERRORS)[number];

export type NumberInputCheck =
	| { kind: 'empty' }
	| { kind: 'number'; value: number }
	| { kind: 'error'; error: NumberInputError };

/**
 * A field's input (typed text, or a number already stored) read as German and checked against
 * `range`. Nothing is ever rounded into range: "38.000" where at most 10.000 is allowed is an error,
 * never 38.
 */
export function checkGermanNumber(raw: string | number, range: NumberRange): NumberInputCheck {
	let value: number;
	if (typeof raw === 'number') {
		if (!Number.isFinite(raw)) return { kind: 'error', error: 'not_a_number' };
		value = raw;
	} else {
		const parsed = parseGermanNumber(raw);
		if (parsed.kind === 'empty') return parsed;
		if (parsed.kind === 'invalid') return { kind: 'error', error: 'not_a_number' };
		value = parsed.value;
	}
	if (range.decimals === 0 && !Number.isInteger(value)) {
		return { kind: 'error', error: 'not_an_integer' };
	}
	if (value < range.min || value > range.max) return { kind: 'error', error: 'out_of_range' };
	const scale = 10 ** range.decimals;
	if (Math.abs(value * scale - Math.round(value * scale)) > 1e-9) {
		return { kind: 'error', error: 'too_many_decimals' };
	}
	// 2.5 typed as "2,50" and 0.1 + 0.2 both store as the number the field shows.
	return { kind: 'number', value: Math.round(value * scale) / scale };
}

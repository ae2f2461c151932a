// Numbers typed into German forms: "12.500" groups thousands with dots, "1,5" has a decimal comma,
// "12 500" groups with (narrow) spaces. A single dot that does not group thousands ("1.5") is read as
// a decimal point, since English keyboards produce it; "1.500" is therefore 1500, as a German reads it.
// Every numeric field of the app reads its input here and shows its stored value with
// formatGermanNumber, so what a field shows parses back to the number stored.
// Decimals typed beyond what a field takes are refused, trailing zeros included: "38,000" and "38.00"
// are what a spreadsheet or an English keyboard writes for 38.000 and 38, so reading either as 38 in a
// whole-number field would store the wrong number without a word.

export type GermanNumberResult =
	{ kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

const GROUPED = /^-?\d{1,3}(\.\d{3})+$/;
const GROUPED_DECIMAL = /^-?(\d{1,3}(\.\d{3})+|\d*),\d+$/;
const PLAIN = /^-?\d+$/;
const POINT_DECIMAL = /^-?\d*\.\d+$/;

type TypedNumber =
	{ kind: 'empty' } | { kind: 'number'; value: number; decimals: number } | { kind: 'invalid' };

/** The number typed and how many decimal digits were typed for it ("2,50": 2). */
function readGermanNumber(raw: string): TypedNumber {
	const text = raw.replace(/\s+/g, '');
	if (text === '') return { kind: 'empty' };
	let normalized: string;
	if (GROUPED_DECIMAL.test(text)) normalized = text.replaceAll('.', '').replace(',', '.');
	else if (GROUPED.test(text)) normalized = text.replaceAll('.', '');
	else if (PLAIN.test(text) || POINT_DECIMAL.test(text)) normalized = text;
	else return { kind: 'invalid' };
	const value = Number(normalized);
	if (!Number.isFinite(value)) return { kind: 'invalid' };
	return { kind: 'number', value, decimals: normalized.split('.')[1]?.length ?? 0 };
}

export function parseGermanNumber(raw: string): GermanNumberResult {
	const read = readGermanNumber(raw);
	return read.kind === 'number' ? { kind: 'number', value: read.value } : read;
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

/**
 * The fewest decimal places (at most 10) that show `value` as it is stored, so that a value stored
 * with more decimals than its field now takes ("2,25" VZÄ) is shown as stored, not rounded.
 */
export function exactDecimals(value: number): number {
	for (let decimals = 0; decimals < 10; decimals++) {
		if (Number(value.toFixed(decimals)) === value) return decimals;
	}
	return 10;
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
 * never 38. Typed text with more decimal digits than the field takes is refused even when they are
 * zeros ("38,000", "38.00", "2,50" for one decimal): the field never guesses which number was meant.
 */
export function checkGermanNumber(raw: string | number, range: NumberRange): NumberInputCheck {
	let value: number;
	if (typeof raw === 'number') {
		if (!Number.isFinite(raw)) return { kind: 'error', error: 'not_a_number' };
		value = raw;
	} else {
		const parsed = readGermanNumber(raw);
		if (parsed.kind === 'empty') return parsed;
		if (parsed.kind === 'invalid') return { kind: 'error', error: 'not_a_number' };
		if (parsed.decimals > range.decimals) {
			return {
				kind: 'error',
				error: range.decimals === 0 ? 'not_an_integer' : 'too_many_decimals'
			};
		}
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
	// A stored 0.1 + 0.2 stores as 0.3, the number the field shows.
	return { kind: 'number', value: Math.round(value * scale) / scale };
}

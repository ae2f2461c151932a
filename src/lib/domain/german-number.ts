// Numbers typed into German forms: "12.500" groups thousands with dots, "1,5" has a decimal comma,
// "12 500" groups with (narrow) spaces. A single dot that does not group thousands ("1.5") is read as
// a decimal point, since English keyboards produce it; "1.500" is therefore 1500, as a German reads it.

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

// The one German message for a number a field refuses: it names the range the field takes, in the
// notation the field reads ("von 0 bis 10.000.000"), whatever was wrong with the input.
import { formatGermanNumber, type NumberRange } from '$lib/domain/german-number';
import { m } from '$lib/paraglide/messages.js';

export function numberRangeMessage(range: NumberRange): string {
	const bounds = { min: formatGermanNumber(range.min), max: formatGermanNumber(range.max) };
	return range.decimals === 0
		? m.err_number_range_integer(bounds)
		: m.err_number_range_decimal(bounds);
}

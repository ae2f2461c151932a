// Order keys (fractional indexes) as read from a document: a peer may have written anything there.
import { generateKeyBetween } from 'fractional-indexing';

/** A key generateKeyBetween accepts (it throws on anything else, e.g. a peer's garbage). */
export function isOrderKey(value: unknown): value is string {
	if (typeof value !== 'string' || !/^[0-9A-Za-z]{1,64}$/.test(value)) return false;
	try {
		generateKeyBetween(value, null);
		return true;
	} catch {
		return false;
	}
}

// Join codes: 10 Crockford base32 characters (50 random bits) shown as XXXXX-XXXXX, short enough to type
// from the projector, far too many to guess while a code lives. Typing is forgiving: case, spaces, dashes
// and the letters people confuse with digits (O/0, I/L/1) are accepted. Only a hash is stored.
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const JOIN_CODE_LENGTH = 10;

export function newJoinCode(): string {
	const bytes = randomBytes(JOIN_CODE_LENGTH);
	const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
	return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** The canonical form of what a person typed or scanned, or null if it cannot be a code. */
export function normalizeJoinCode(input: unknown): string | null {
	if (typeof input !== 'string' || input.length > 40) return null;
	const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
	if (chars.length !== JOIN_CODE_LENGTH || ![...chars].every((c) => ALPHABET.includes(c))) {
		return null;
	}
	return chars;
}

/** How a code is stored and looked up: the database never holds a usable code. */
export function hashJoinCode(normalized: string): string {
	return createHash('sha256').update(normalized).digest('hex');
}

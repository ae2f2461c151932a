// Ids that several devices create offline without coordination (ADR 8): 48 bits of milliseconds
// and 80 random bits from crypto.getRandomValues, in Crockford base32 (26 characters, ULID layout), so
// they sort by creation time. crypto.randomUUID and crypto.subtle are missing on the plain-http LAN
// page (not a secure context); getRandomValues is available everywhere.

import type { Brand } from '../util/brand';

export type Id<K extends string> = Brand<string, `Id<${K}>`>;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
export const ID_LENGTH = TIME_CHARS + RANDOM_CHARS;
const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
	let out = '';
	for (let i = 0; i < TIME_CHARS; i++) {
		out = ALPHABET[ms % 32]! + out;
		ms = Math.floor(ms / 32);
	}
	return out;
}

function freshRandom(): number[] {
	const bytes = crypto.getRandomValues(new Uint8Array(RANDOM_CHARS));
	return Array.from(bytes, (b) => b & 31);
}

/** Adds one to the random part, so two ids of the same millisecond still sort in creation order. */
function increment(digits: number[]): number[] | null {
	const next = [...digits];
	for (let i = next.length - 1; i >= 0; i--) {
		if (next[i]! < 31) {
			next[i]! += 1;
			return next;
		}
		next[i] = 0;
	}
	return null;
}

/** A new id, later than every id this tab made before (monotonic within a millisecond). */
export function newId<K extends string>(now: number = Date.now()): Id<K> {
	let random: number[] | null = null;
	if (now <= lastTime) {
		random = increment(lastRandom);
		if (random !== null) now = lastTime;
	}
	if (random === null) random = freshRandom();
	lastTime = Math.max(now, lastTime);
	lastRandom = random;
	return (encodeTime(now) + random.map((d) => ALPHABET[d]).join('')) as Id<K>;
}

export const isId = <K extends string>(value: unknown): value is Id<K> =>
	typeof value === 'string' && ID_PATTERN.test(value);

/** Milliseconds since the epoch at which the id was made. */
export function timeOfId(id: Id<string>): number {
	let ms = 0;
	for (const ch of id.slice(0, TIME_CHARS)) ms = ms * 32 + ALPHABET.indexOf(ch);
	return ms;
}

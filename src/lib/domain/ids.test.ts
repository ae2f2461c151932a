import { afterEach, describe, expect, it, vi } from 'vitest';
import { ID_LENGTH, isId, newId, timeOfId } from './ids';

describe('newId', () => {
	afterEach(() => {
		vi.restoreAllMocks();
		vi.unstubAllGlobals();
	});

	it('makes 26-character Crockford base32 ids that carry their creation time', () => {
		const id = newId(1_700_000_000_000);
		expect(id).toHaveLength(ID_LENGTH);
		expect(isId(id)).toBe(true);
		expect(timeOfId(id)).toBe(1_700_000_000_000);
	});

	it('sorts ids by creation time, also within one millisecond', () => {
		const ids = [
			newId(1_800_000_000_000),
			...Array.from({ length: 200 }, () => newId(1_800_000_000_000)),
			newId(1_800_000_000_001)
		];
		expect([...ids].sort()).toEqual(ids);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('stays monotonic when the clock goes backwards', () => {
		const first = newId(1_900_000_000_000);
		const second = newId(1_899_999_999_000);
		expect(second > first).toBe(true);
	});

	it('works without randomUUID and crypto.subtle, as on a plain-http LAN page', () => {
		const getRandomValues = crypto.getRandomValues.bind(crypto);
		vi.stubGlobal('crypto', { getRandomValues });
		expect(isId(newId())).toBe(true);
	});

	it('rejects strings that are not ids', () => {
		expect(isId('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe(true);
		expect(isId('01ARZ3NDEKTSV4RRFFQ69G5FAU')).toBe(false); // U is not in the alphabet
		expect(isId('short')).toBe(false);
		expect(isId(42)).toBe(false);
	});
});

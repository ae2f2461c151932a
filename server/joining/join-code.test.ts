import { describe, expect, it } from 'vitest';
import { hashJoinCode, newJoinCode, normalizeJoinCode } from './join-code';

describe('join codes', () => {
	it('are ten characters of Crockford base32 shown in two groups, different each time', () => {
		const codes = new Set(Array.from({ length: 200 }, () => newJoinCode()));
		expect(codes.size).toBe(200);
		for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
	});

	it('typed forgivingly: case, spaces, dashes, O for zero and I or L for one', () => {
		expect(normalizeJoinCode(' ab1o0-kl ixy ')).toBe('AB100K11XY');
		expect(normalizeJoinCode('7Q3MZ-H2K9R')).toBe('7Q3MZH2K9R');
	});

	it('anything that cannot be a code is rejected before any lookup', () => {
		for (const input of ['', 'ABCDE', 'ABCDE-FGHJKM', 'ABCDE-FGHJU', 42, null, 'x'.repeat(41)]) {
			expect(normalizeJoinCode(input)).toBeNull();
		}
	});

	it('only the hash is stored, and it is the same for every way of typing the code', () => {
		const hash = hashJoinCode(normalizeJoinCode('abcde-fghjk')!);
		expect(hash).toBe(hashJoinCode(normalizeJoinCode('ABCDEFGHJK')!));
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(hash).not.toContain('ABCDE');
	});
});

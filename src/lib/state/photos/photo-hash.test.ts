import { describe, expect, it } from 'vitest';
import { sha256Hex } from './photo-hash';

// FIPS 180-2, appendix B.1: SHA-256("abc").
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const abc = new TextEncoder().encode('abc');

describe('a photo’s address', () => {
	it('is the SHA-256 of its bytes where the browser offers crypto.subtle', async () => {
		expect(await sha256Hex(abc)).toBe(ABC);
	});

	it('is the same SHA-256 on a LAN page without crypto.subtle', async () => {
		expect(await sha256Hex(abc, null)).toBe(ABC);
		const million = new Uint8Array(1_000_000).fill(0x61);
		// FIPS 180-2, appendix B.3: one million 'a'.
		expect(await sha256Hex(million, null)).toBe(
			'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'
		);
	});
});

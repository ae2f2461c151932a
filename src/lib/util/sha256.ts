// SHA-256 of some bytes: the Web Crypto API where the page is a secure context, and a well-kept
// JavaScript implementation (@noble/hashes) where it is not (a participant's page on the LAN is plain
// http, where crypto.subtle is missing), loaded only then. Both give the same digest.

export async function sha256(
	bytes: Uint8Array,
	subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null
): Promise<Uint8Array> {
	if (subtle)
		return new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
	const { sha256: nobleSha256 } = await import('@noble/hashes/sha2.js');
	return nobleSha256(bytes);
}

export const toHex = (bytes: Uint8Array): string =>
	Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

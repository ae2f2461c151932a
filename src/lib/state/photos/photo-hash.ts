// The SHA-256 of a photo's cleaned bytes, its address (ADR 20). A LAN participant's page is plain
// http, not a secure context, so crypto.subtle is missing there; then a well-kept JavaScript
// implementation (@noble/hashes) computes the same digest, loaded only when needed.

const hex = (bytes: Uint8Array) =>
	Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(
	bytes: Uint8Array,
	subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null
): Promise<string> {
	if (subtle)
		return hex(new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
	const { sha256 } = await import('@noble/hashes/sha2.js');
	return hex(sha256(bytes));
}

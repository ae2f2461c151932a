// The SHA-256 of a photo's cleaned bytes, its address (ADR 20), as lowercase hex. Without
// crypto.subtle (a LAN participant's plain-http page) util/sha256 computes it with @noble/hashes.

import { sha256, toHex } from '../../util/sha256';

export async function sha256Hex(
	bytes: Uint8Array,
	subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null
): Promise<string> {
	return toHex(await sha256(bytes, subtle));
}

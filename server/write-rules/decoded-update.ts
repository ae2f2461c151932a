// One decode per update (ADR 18): the write rules read an update's entries and the byte budget its
// delete set, and both take the decoded update from here, so a participant's update is decoded once
// on its way to Hocuspocus instead of once per check.
import * as Y from 'yjs';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

const decodedUpdates = new WeakMap<Uint8Array, DecodedUpdate>();

/**
 * Y.decodeUpdate of a V1 update, decoded once per Uint8Array object (read it, never change it). Throws
 * as Y.decodeUpdate does for bytes it cannot read.
 */
export function decodeUpdateOnce(update: Uint8Array): DecodedUpdate {
	let decoded = decodedUpdates.get(update);
	if (decoded === undefined) {
		decoded = Y.decodeUpdate(update);
		decodedUpdates.set(update, decoded);
	}
	return decoded;
}

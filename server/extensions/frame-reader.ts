// Reading the head of a sync frame byte by byte, exactly as lib0 does: the extensions look at a
// message (its type, the bytes of an update, awareness removals) before Hocuspocus decodes it.

export class FrameReader {
	/** The next byte to read. */
	pos = 0;

	constructor(readonly bytes: Uint8Array) {}

	/** A lib0 varUint; NaN past the end of the frame or beyond the safe integers. */
	readVarUint(): number {
		let value = 0;
		let factor = 1;
		while (this.pos < this.bytes.length) {
			const byte = this.bytes[this.pos++]!;
			value += (byte & 0x7f) * factor;
			factor *= 128;
			if (byte < 0x80) return value;
			if (value > Number.MAX_SAFE_INTEGER) return Number.NaN;
		}
		return Number.NaN;
	}
}

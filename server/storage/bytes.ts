// Both database drivers take a Buffer for a blob; Yjs hands us Uint8Arrays, often views into a larger
// buffer. A view over exactly those bytes, no copy and none of the neighbouring bytes.
export function toBuffer(bytes: Uint8Array): Buffer {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// The sync file's envelope (docs/sync-file-format.md, ADR 22): bytes in, a typed file or one refusal
// out. Pure: no Yjs, no storage. Every declared count and length is checked against its limit and
// against the bytes that remain before anything is allocated or hashed, so a crafted file can neither
// exhaust memory nor make the reader loop; the content of each document is checked by the crdt layer
// (crdt/sync-file-documents.ts).

import { DOCUMENT_MAX_BYTES } from '../../contract/protocol';
import { sha256, toHex } from '../../util/sha256';
import { isArs } from '../ars';
import { DOCUMENT_PREFIX } from '../document-names';
import {
	cleanPhoto,
	isPhotoMediaType,
	PHOTO_MAX_BYTES,
	sameBytes,
	sniffPhotoType,
	type PhotoMediaType
} from '../photos/photo-file';

/** "KWSYNC\r\n": the line end reveals a file that was mangled as text on its way. */
export const SYNC_FILE_MAGIC = new Uint8Array([0x4b, 0x57, 0x53, 0x59, 0x4e, 0x43, 0x0d, 0x0a]);

/** The format version this app writes and the highest it reads (version rules: the format doc). */
export const SYNC_FILE_VERSION = 1;

export const SYNC_FILE_LIMITS = {
	fileBytes: 1024 * 1024 * 1024,
	documents: 20_000,
	photos: 10_000,
	nameBytes: 512,
	stringBytes: 512,
	updateBytes: DOCUMENT_MAX_BYTES,
	stateVectorBytes: 1024 * 1024,
	photoBytes: PHOTO_MAX_BYTES
} as const;

const CHECKSUM_BYTES = 32;

/** `kommunalwerkstatt-<ARS>-<YYYY-MM-DD>.kwsync`, the day in UTC (docs/sync-file-format.md). */
export const syncFileName = (ars: string, createdAt: number): string =>
	`kommunalwerkstatt-${ars}-${new Date(createdAt).toISOString().slice(0, 10)}.kwsync`;

/** Why a file is refused; each has a German message (src/lib/components/sync-file-messages.ts). */
export type SyncFileRefusal =
	| 'not_sync_file'
	| 'newer_format'
	| 'too_large'
	| 'truncated'
	| 'damaged'
	| 'foreign_document'
	| 'not_allowed'
	| 'invalid_content';

export interface SyncFileDocument {
	name: string;
	/** The whole document as one Yjs update, V2 encoding. */
	update: Uint8Array;
	/** The state vector of that update (V1 encoding). */
	stateVector: Uint8Array;
}

export interface SyncFilePhoto {
	/** Lowercase hex SHA-256 of `bytes` (ADR 20). */
	sha256: string;
	/** The board document that records the photo. */
	board: string;
	mediaType: PhotoMediaType;
	bytes: Uint8Array;
}

export interface SyncFile {
	formatVersion: number;
	appVersion: string;
	/** ms since 1970. */
	createdAt: number;
	ars: string;
	documents: SyncFileDocument[];
	photos: SyncFilePhoto[];
}

export type SyncFileResult =
	{ ok: true; value: SyncFile } | { ok: false; refusal: SyncFileRefusal };

/** The file's bytes in the layout of docs/sync-file-format.md, its checksum included. */
export async function encodeSyncFile(file: Omit<SyncFile, 'formatVersion'>): Promise<Uint8Array> {
	const encoder = new TextEncoder();
	const boards = new Map(file.documents.map((doc, index) => [doc.name, index]));
	const parts: Uint8Array[] = [SYNC_FILE_MAGIC, u16(SYNC_FILE_VERSION)];
	const string = (value: string) => {
		const bytes = encoder.encode(value);
		parts.push(u16(bytes.length), bytes);
	};
	const sized = (bytes: Uint8Array) => parts.push(u32(bytes.length), bytes);
	string(file.appVersion);
	const time = new Uint8Array(8);
	new DataView(time.buffer).setFloat64(0, file.createdAt);
	parts.push(time);
	string(file.ars);
	parts.push(u32(file.documents.length));
	for (const doc of file.documents) {
		string(doc.name);
		sized(doc.update);
		sized(doc.stateVector);
	}
	parts.push(u32(file.photos.length));
	for (const photo of file.photos) {
		const board = boards.get(photo.board);
		if (board === undefined) throw new Error(`photo ${photo.sha256} names no document of the file`);
		parts.push(fromHex(photo.sha256), u32(board));
		string(photo.mediaType);
		sized(photo.bytes);
	}
	const body = concat(parts);
	return concat([body, await sha256(body)]);
}

export interface DecodeOptions {
	/** Whether this device may write the document (ADR 5, ADR 6); asked for every name. */
	mayWrite: (name: string) => boolean;
	/** Whether the name is one of a known document kind (crdt/schemas). */
	isKnownDocument: (name: string) => boolean;
	/** Whether the name is a workshop board, which alone records photos. */
	isBoard: (name: string) => boolean;
}

/**
 * Reads the envelope: the file, or the first reason to refuse it. The structure is walked before the
 * checksum is computed, so a file cut short says "truncated" rather than "damaged", and a declared
 * size beyond the limits is refused before it is hashed or copied.
 */
export async function decodeSyncFile(
	bytes: Uint8Array,
	options: DecodeOptions
): Promise<SyncFileResult> {
	const refuse = (refusal: SyncFileRefusal): SyncFileResult => ({ ok: false, refusal });
	const magicSeen = Math.min(bytes.length, SYNC_FILE_MAGIC.length);
	if (!sameBytes(bytes.subarray(0, magicSeen), SYNC_FILE_MAGIC.subarray(0, magicSeen)))
		return refuse('not_sync_file');
	if (bytes.length < SYNC_FILE_MAGIC.length + 2) return refuse('truncated');
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const formatVersion = view.getUint16(SYNC_FILE_MAGIC.length);
	if (formatVersion > SYNC_FILE_VERSION) return refuse('newer_format');
	if (formatVersion < 1) return refuse('damaged');
	if (bytes.length > SYNC_FILE_LIMITS.fileBytes) return refuse('too_large');

	const layout = walk(bytes, view);
	if (!layout.ok) return layout;
	const body = bytes.subarray(0, layout.end);
	const checksum = bytes.subarray(layout.end);
	if (!sameBytes(await sha256(body), checksum)) return refuse('damaged');

	const { header, documents, photos } = layout;
	if (!isArs(header.ars)) return refuse('foreign_document');
	const prefix = `${DOCUMENT_PREFIX}/${header.ars}/`;
	const names = new Set<string>();
	for (const doc of documents) {
		if (names.has(doc.name)) return refuse('damaged');
		names.add(doc.name);
		if (!doc.name.startsWith(prefix) || !options.isKnownDocument(doc.name))
			return refuse('foreign_document');
	}
	for (const doc of documents) if (!options.mayWrite(doc.name)) return refuse('not_allowed');

	const checkedPhotos: SyncFilePhoto[] = [];
	for (const photo of photos) {
		const board = documents[photo.board]?.name;
		if (board === undefined || !options.isBoard(board)) return refuse('damaged');
		if (!isPhotoMediaType(photo.mediaType) || sniffPhotoType(photo.bytes) !== photo.mediaType)
			return refuse('damaged');
		// A photo is stored only cleaned (ADR 20): cleaning a cleaned photo changes nothing.
		const cleaned = cleanPhoto(photo.bytes);
		if (!cleaned.ok || !sameBytes(cleaned.value.bytes, photo.bytes)) return refuse('damaged');
		const hash = toHex(await sha256(photo.bytes));
		if (hash !== photo.sha256) return refuse('damaged');
		checkedPhotos.push({ sha256: hash, board, mediaType: photo.mediaType, bytes: photo.bytes });
	}
	return {
		ok: true,
		value: {
			formatVersion,
			appVersion: header.appVersion,
			createdAt: header.createdAt,
			ars: header.ars,
			documents,
			photos: checkedPhotos
		}
	};
}

interface Layout {
	ok: true;
	/** Where the checksum starts. */
	end: number;
	header: { appVersion: string; createdAt: number; ars: string };
	documents: SyncFileDocument[];
	photos: { sha256: string; board: number; mediaType: string; bytes: Uint8Array }[];
}

class Refused {
	constructor(readonly refusal: SyncFileRefusal) {}
}

/** Walks the layout; the byte arrays it returns are views into `bytes`, never copies. */
function walk(bytes: Uint8Array, view: DataView): Layout | { ok: false; refusal: SyncFileRefusal } {
	// The checksum's 32 bytes are not the body's: a length reaching into them means the file was cut.
	const bodyEnd = bytes.length - CHECKSUM_BYTES;
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let at = SYNC_FILE_MAGIC.length + 2;
	const need = (count: number) => {
		if (at + count > bodyEnd) throw new Refused('truncated');
	};
	const readU16 = () => {
		need(2);
		at += 2;
		return view.getUint16(at - 2);
	};
	const readU32 = () => {
		need(4);
		at += 4;
		return view.getUint32(at - 4);
	};
	const take = (count: number) => {
		need(count);
		at += count;
		return bytes.subarray(at - count, at);
	};
	const readSized = (limit: number) => {
		const length = readU32();
		if (length > limit) throw new Refused('too_large');
		return take(length);
	};
	const readString = (limit: number) => {
		const length = readU16();
		if (length > limit) throw new Refused('too_large');
		try {
			return decoder.decode(take(length));
		} catch (error) {
			if (error instanceof Refused) throw error;
			throw new Refused('damaged');
		}
	};
	try {
		const appVersion = readString(SYNC_FILE_LIMITS.stringBytes);
		need(8);
		const createdAt = view.getFloat64(at);
		at += 8;
		if (!Number.isSafeInteger(createdAt) || createdAt < 0) throw new Refused('damaged');
		const ars = readString(SYNC_FILE_LIMITS.stringBytes);
		const documentCount = readU32();
		if (documentCount > SYNC_FILE_LIMITS.documents) throw new Refused('too_large');
		const documents: SyncFileDocument[] = [];
		for (let i = 0; i < documentCount; i++) {
			const name = readString(SYNC_FILE_LIMITS.nameBytes);
			const update = readSized(SYNC_FILE_LIMITS.updateBytes);
			const stateVector = readSized(SYNC_FILE_LIMITS.stateVectorBytes);
			documents.push({ name, update, stateVector });
		}
		const photoCount = readU32();
		if (photoCount > SYNC_FILE_LIMITS.photos) throw new Refused('too_large');
		const photos: Layout['photos'] = [];
		for (let i = 0; i < photoCount; i++) {
			const hash = toHex(take(32));
			const board = readU32();
			const mediaType = readString(SYNC_FILE_LIMITS.stringBytes);
			const photoBytes = readSized(SYNC_FILE_LIMITS.photoBytes);
			photos.push({ sha256: hash, board, mediaType, bytes: photoBytes });
		}
		if (bodyEnd < at) throw new Refused('truncated');
		// Anything between the last photo and the checksum was not written by this format.
		if (bodyEnd > at) throw new Refused('damaged');
		return { ok: true, end: at, header: { appVersion, createdAt, ars }, documents, photos };
	} catch (error) {
		if (error instanceof Refused) return { ok: false, refusal: error.refusal };
		throw error;
	}
}

function u16(value: number): Uint8Array {
	const bytes = new Uint8Array(2);
	new DataView(bytes.buffer).setUint16(0, value);
	return bytes;
}

function u32(value: number): Uint8Array {
	const bytes = new Uint8Array(4);
	new DataView(bytes.buffer).setUint32(0, value);
	return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

function fromHex(hex: string): Uint8Array {
	if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`not a SHA-256: ${hex}`);
	return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

// Photos of flip charts and pin boards for the workshop protocol (issue 19, ADR 20). A photo is
// accepted by what its bytes are (magic bytes, a complete structure), never by its name or the type a
// browser claims, and is cleaned of everything that says where, when or with what it was taken before
// it is stored anywhere: EXIF (GPS, camera, time), XMP, IPTC and comments. The cleaned bytes are the
// photo: their SHA-256 is its address, so cleaning is a fixed point (cleaning a cleaned photo changes
// nothing), which lets the server refuse a blob that still carries metadata by cleaning it again.
//
// Shared with the server: relative imports only.

import { ERROR_CODES } from '../../contract/protocol';
import type { Checked } from '../session-input';

/** The largest photo accepted, in bytes: a phone's full-resolution JPEG is 3–8 MB. */
export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;

export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMediaType = (typeof PHOTO_MEDIA_TYPES)[number];

export const isPhotoMediaType = (value: unknown): value is PhotoMediaType =>
	typeof value === 'string' && (PHOTO_MEDIA_TYPES as readonly string[]).includes(value);

/** Why a file is not taken as a photo; the same codes travel in the blob endpoint's error bodies. */
export type PhotoRefusal =
	| typeof ERROR_CODES.photoEmpty
	| typeof ERROR_CODES.photoTooLarge
	| typeof ERROR_CODES.photoUnsupportedType
	| typeof ERROR_CODES.photoDamaged;

export interface CleanPhoto {
	bytes: Uint8Array;
	mediaType: PhotoMediaType;
	/** Pixel size as the file declares it, null when it does not say. */
	width: number | null;
	height: number | null;
}

/** The photo type by the file's first bytes, or null for anything else (a renamed program, a PDF). */
export function sniffPhotoType(bytes: Uint8Array): PhotoMediaType | null {
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
		return 'image/jpeg';
	if (startsWith(bytes, PNG_SIGNATURE, 0)) return 'image/png';
	if (startsWith(bytes, ASCII('RIFF'), 0) && startsWith(bytes, ASCII('WEBP'), 8))
		return 'image/webp';
	return null;
}

/**
 * The photo without location, camera and other metadata, or the reason it is refused. A JPEG keeps its
 * orientation (as a minimal EXIF block with that one tag), so a portrait photo stays upright.
 */
export function cleanPhoto(bytes: Uint8Array): Checked<CleanPhoto, PhotoRefusal> {
	if (bytes.length === 0) return { ok: false, error: ERROR_CODES.photoEmpty };
	if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, error: ERROR_CODES.photoTooLarge };
	const type = sniffPhotoType(bytes);
	if (type === null) return { ok: false, error: ERROR_CODES.photoUnsupportedType };
	const cleaned =
		type === 'image/jpeg'
			? cleanJpeg(bytes)
			: type === 'image/png'
				? cleanPng(bytes)
				: cleanWebp(bytes);
	return cleaned === null
		? { ok: false, error: ERROR_CODES.photoDamaged }
		: { ok: true, value: cleaned };
}

/** True when both byte arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

const ASCII = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function startsWith(bytes: Uint8Array, prefix: Uint8Array, at: number): boolean {
	if (bytes.length < at + prefix.length) return false;
	for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
	return true;
}

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) =>
	((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const u32le = (b: Uint8Array, at: number) =>
	((b[at + 3]! << 24) >>> 0) + (b[at + 2]! << 16) + (b[at + 1]! << 8) + b[at]!;
const u24le = (b: Uint8Array, at: number) => (b[at + 2]! << 16) + (b[at + 1]! << 8) + b[at]!;

function concat(parts: readonly Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

// --- JPEG ---------------------------------------------------------------------------------------

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const COM = 0xfe;
/** Start-of-frame markers (SOF0–SOF15 without DHT C4, JPG C8 and DAC CC): they carry the size. */
const isStartOfFrame = (marker: number) =>
	marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

/**
 * Which segments a cleaned JPEG keeps: the JFIF header (APP0 'JFIF'), the colour profile (APP2
 * 'ICC_PROFILE') and Adobe's colour transform (APP14 'Adobe'), which decoders need to show the right
 * colours; every other application segment (EXIF and XMP in APP1, FlashPix and multi-picture
 * thumbnails in APP2, IPTC in APP13, makers' own) and comments go. Non-application segments (tables,
 * frame, scans) are image data and stay.
 */
function keepsJpegSegment(marker: number, payload: Uint8Array): boolean {
	if (marker === COM) return false;
	if (marker < APP0 || marker > 0xef) return true;
	if (marker === APP0) return startsWith(payload, ASCII('JFIF\0'), 0);
	if (marker === APP2) return startsWith(payload, ASCII('ICC_PROFILE\0'), 0);
	if (marker === APP14) return startsWith(payload, ASCII('Adobe'), 0);
	return false;
}

/** EXIF orientation values 2–8 turn or mirror the image; 1 (or none) is as stored. */
const isTurningOrientation = (value: number) => Number.isInteger(value) && value >= 2 && value <= 8;

/** The Orientation tag (0x0112) of an APP1 EXIF payload's first IFD, or null. */
function exifOrientation(payload: Uint8Array): number | null {
	if (!startsWith(payload, ASCII('Exif\0\0'), 0)) return null;
	const tiff = payload.subarray(6);
	if (tiff.length < 8) return null;
	const little = tiff[0] === 0x49 && tiff[1] === 0x49;
	if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
	const u16 = (at: number) => (little ? tiff[at]! | (tiff[at + 1]! << 8) : u16be(tiff, at));
	const u32 = (at: number) => (little ? u32le(tiff, at) : u32be(tiff, at));
	const ifd = u32(4);
	if (ifd + 2 > tiff.length) return null;
	const count = u16(ifd);
	for (let i = 0; i < count; i++) {
		const entry = ifd + 2 + i * 12;
		if (entry + 12 > tiff.length) return null;
		// Type 3 is SHORT; its one value sits in the first two bytes of the value field.
		if (u16(entry) === 0x0112 && u16(entry + 2) === 3) return u16(entry + 8);
	}
	return null;
}

/** A minimal EXIF block that says only how to turn the image (big-endian TIFF, one IFD entry). */
function orientationSegment(orientation: number): Uint8Array {
	const payload = concat([
		ASCII('Exif\0\0'),
		Uint8Array.of(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8),
		Uint8Array.of(0, 1),
		Uint8Array.of(0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0),
		Uint8Array.of(0, 0, 0, 0)
	]);
	return concat([Uint8Array.of(0xff, APP1, 0, payload.length + 2), payload]);
}

/**
 * Walks every segment up to EOI (also between the scans of a progressive JPEG), keeps image data and
 * the segments of keepsJpegSegment, and drops whatever follows EOI (makers append thumbnails there).
 * Null when the structure is broken or ends before EOI.
 */
function cleanJpeg(bytes: Uint8Array): CleanPhoto | null {
	const parts: Uint8Array[] = [Uint8Array.of(0xff, SOI)];
	let orientation: number | null = null;
	let width: number | null = null;
	let height: number | null = null;
	let sawFrame = false;
	let sawScan = false;
	let at = 2;
	for (;;) {
		if (at + 1 >= bytes.length || bytes[at] !== 0xff) return null;
		// Fill bytes (0xFF) may pad before a marker.
		while (at + 1 < bytes.length && bytes[at + 1] === 0xff) at++;
		if (at + 1 >= bytes.length) return null;
		const marker = bytes[at + 1]!;
		if (marker === EOI) {
			if (!sawFrame || !sawScan) return null;
			parts.push(Uint8Array.of(0xff, EOI));
			break;
		}
		if (marker === SOI || isRestart(marker) || marker === 0x00) return null;
		if (at + 4 > bytes.length) return null;
		const length = u16be(bytes, at + 2);
		const end = at + 2 + length;
		if (length < 2 || end > bytes.length) return null;
		const payload = bytes.subarray(at + 4, end);
		if (marker === APP1 && orientation === null) {
			const found = exifOrientation(payload);
			if (found !== null && isTurningOrientation(found)) orientation = found;
		}
		if (isStartOfFrame(marker)) {
			if (payload.length < 5) return null;
			height = u16be(payload, 1);
			width = u16be(payload, 3);
			sawFrame = true;
		}
		if (keepsJpegSegment(marker, payload)) parts.push(bytes.subarray(at, end));
		at = end;
		if (marker === SOS) {
			if (!sawFrame) return null;
			sawScan = true;
			// Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
			const start = at;
			while (at + 1 < bytes.length) {
				if (bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !isRestart(bytes[at + 1]!)) break;
				at++;
			}
			if (at + 1 >= bytes.length) return null;
			parts.push(bytes.subarray(start, at));
		}
	}
	// The orientation goes right after SOI, or after the JFIF header when there is one.
	if (orientation !== null) {
		const afterJfif = parts[1] && parts[1][1] === APP0 ? 2 : 1;
		parts.splice(afterJfif, 0, orientationSegment(orientation));
	}
	return {
		bytes: concat(parts),
		mediaType: 'image/jpeg',
		width: width || null,
		height: height || null
	};
}

// --- PNG ----------------------------------------------------------------------------------------

/** Text (author, software, comments, often the camera), EXIF and the last-modified time. */
const PNG_METADATA_CHUNKS = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

function cleanPng(bytes: Uint8Array): CleanPhoto | null {
	const parts: Uint8Array[] = [PNG_SIGNATURE];
	let at = PNG_SIGNATURE.length;
	let width: number | null = null;
	let height: number | null = null;
	let first = true;
	for (;;) {
		if (at + 12 > bytes.length) return null;
		const length = u32be(bytes, at);
		const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
		const end = at + 12 + length;
		if (end > bytes.length || !/^[A-Za-z]{4}$/.test(type)) return null;
		if (first) {
			if (type !== 'IHDR' || length < 8) return null;
			width = u32be(bytes, at + 8);
			height = u32be(bytes, at + 12);
			first = false;
		}
		if (!PNG_METADATA_CHUNKS.has(type)) parts.push(bytes.subarray(at, end));
		at = end;
		// Whatever follows IEND is not part of the image.
		if (type === 'IEND') break;
	}
	return { bytes: concat(parts), mediaType: 'image/png', width, height };
}

// --- WebP ---------------------------------------------------------------------------------------

/** VP8X flag bits that announce EXIF and XMP chunks. */
const WEBP_EXIF_FLAG = 0x08;
const WEBP_XMP_FLAG = 0x04;

function cleanWebp(bytes: Uint8Array): CleanPhoto | null {
	if (bytes.length < 12) return null;
	const riffEnd = 8 + u32le(bytes, 4);
	if (riffEnd > bytes.length) return null;
	const chunks: Uint8Array[] = [];
	let width: number | null = null;
	let height: number | null = null;
	let sawImage = false;
	let at = 12;
	while (at < riffEnd) {
		if (at + 8 > riffEnd) return null;
		const type = String.fromCharCode(...bytes.subarray(at, at + 4));
		const size = u32le(bytes, at + 4);
		// Chunks are padded to an even size.
		const end = at + 8 + size + (size % 2);
		if (end > riffEnd) return null;
		if (type === 'EXIF' || type === 'XMP ') {
			at = end;
			continue;
		}
		const chunk = bytes.slice(at, end);
		if (type === 'VP8X' && size >= 10) {
			chunk[8] = chunk[8]! & ~(WEBP_EXIF_FLAG | WEBP_XMP_FLAG);
			width = u24le(bytes, at + 12) + 1;
			height = u24le(bytes, at + 15) + 1;
		} else if (type === 'VP8 ' && size >= 10 && width === null) {
			width = (bytes[at + 14]! | (bytes[at + 15]! << 8)) & 0x3fff;
			height = (bytes[at + 16]! | (bytes[at + 17]! << 8)) & 0x3fff;
		} else if (type === 'VP8L' && size >= 5 && width === null) {
			const bits = u32le(bytes, at + 9);
			width = (bits & 0x3fff) + 1;
			height = ((bits >>> 14) & 0x3fff) + 1;
		}
		if (type === 'VP8 ' || type === 'VP8L' || type === 'ANIM') sawImage = true;
		chunks.push(chunk);
		at = end;
	}
	if (!sawImage) return null;
	const body = concat(chunks);
	const header = concat([ASCII('RIFF'), new Uint8Array(4), ASCII('WEBP')]);
	new DataView(header.buffer).setUint32(4, body.length + 4, true);
	return { bytes: concat([header, body]), mediaType: 'image/webp', width, height };
}

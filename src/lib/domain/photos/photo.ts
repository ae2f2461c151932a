// A photo of the workshop protocol as the board records it (ADR 20): which block it belongs to, the
// SHA-256 of its cleaned bytes (the blob's address), its type and size, and a description for people
// who cannot see it. The bytes themselves never enter a document.

import { hasForbiddenCharacters } from '../display-name';
import type { Checked } from '../session-input';
import type { PhotoMediaType } from './photo-file';

/** The longest description (alt text) of a photo, in characters. */
export const PHOTO_CAPTION_MAX_LENGTH = 300;

/** The largest pixel size a record may state (width or height). */
export const PHOTO_MAX_DIMENSION = 65_535;

export interface Photo {
	id: string;
	blockId: string;
	/** Lower-case hex SHA-256 of the cleaned bytes. */
	sha256: string;
	mediaType: PhotoMediaType;
	width: number | null;
	height: number | null;
	/** The description (alt text); empty until someone writes one. */
	caption: string;
	authorId: string;
	createdAt: number;
}

/** A blob's address: 64 lower-case hex digits. */
export const isSha256Hex = (value: unknown): value is string =>
	typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

export const isPhotoDimension = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= PHOTO_MAX_DIMENSION;

export type PhotoCaptionError = 'photo_caption_too_long' | 'photo_caption_invalid';

/** Trimmed; empty is allowed (a description can follow later). */
export function validatePhotoCaption(raw: string): Checked<string, PhotoCaptionError> {
	const value = raw.trim().replace(/\s+/g, ' ');
	if (hasForbiddenCharacters(value)) return { ok: false, error: 'photo_caption_invalid' };
	if ([...value].length > PHOTO_CAPTION_MAX_LENGTH)
		return { ok: false, error: 'photo_caption_too_long' };
	return { ok: true, value };
}

/** Whether a stored caption is one validatePhotoCaption would have written. */
export function isPhotoCaption(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const checked = validatePhotoCaption(value);
	return checked.ok && checked.value === value;
}

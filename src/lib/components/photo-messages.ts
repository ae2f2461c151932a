// Why a photo was refused, on this device or by a server (src/lib/domain/photos/photo-file.ts), in
// German. Apart from error-messages.ts so the start route does not load the photo rules.
import { m } from '$lib/paraglide/messages.js';
import { PHOTO_MAX_BYTES, type PhotoRefusal } from '$lib/domain/photos/photo-file';
import { PHOTO_CAPTION_MAX_LENGTH, type PhotoCaptionError } from '$lib/domain/photos/photo';
import { errorMessage } from './error-messages';

const PHOTO_MAX_MB = String(PHOTO_MAX_BYTES / (1024 * 1024));

/** Why a photo was refused, on this device or by a server (src/lib/domain/photos/photo-file.ts). */
const PHOTO_MESSAGES: Record<PhotoRefusal | PhotoCaptionError | ServerPhotoRefusal, () => string> =
	{
		photo_empty: m.err_photo_empty,
		photo_too_large: () => m.err_photo_too_large({ max: PHOTO_MAX_MB }),
		photo_unsupported_type: m.err_photo_unsupported_type,
		photo_damaged: m.err_photo_damaged,
		photo_has_metadata: m.err_photo_has_metadata,
		blob_hash_mismatch: m.err_blob_hash_mismatch,
		blob_quota_exceeded: m.err_blob_quota_exceeded,
		photo_caption_too_long: () =>
			m.err_photo_caption_too_long({ max: String(PHOTO_CAPTION_MAX_LENGTH) }),
		photo_caption_invalid: m.err_text_invalid
	};

type ServerPhotoRefusal = 'photo_has_metadata' | 'blob_hash_mismatch' | 'blob_quota_exceeded';

export const photoErrorMessage = (code: string): string =>
	(PHOTO_MESSAGES as Record<string, () => string>)[code]?.() ?? errorMessage(code);

export const photoMaxMegabytes = PHOTO_MAX_MB;

/** Why the server refused a stored photo for good, as part of a sentence (photos_refused_because). */
const REFUSAL_REASONS: Record<string, () => string> = {
	photo_empty: m.photos_refusal_damaged,
	photo_damaged: m.photos_refusal_damaged,
	photo_too_large: () => m.photos_refusal_too_large({ max: PHOTO_MAX_MB }),
	photo_unsupported_type: m.photos_refusal_type,
	photo_has_metadata: m.photos_refusal_metadata,
	blob_hash_mismatch: m.photos_refusal_mismatch,
	document_deleted: m.photos_refusal_deleted,
	blob_quota_exceeded: m.photos_refusal_quota
};

/** A photo this device keeps but the server refused for good (null: the reason was not kept). */
export function photoRefusalMessage(code: string | null): string {
	const reason = code === null ? undefined : REFUSAL_REASONS[code];
	return reason ? m.photos_refused_because({ reason: reason() }) : m.photos_refused();
}

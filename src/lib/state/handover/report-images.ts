// The bytes of the photos a document shows, by SHA-256, read where the page reads them (this device or
// the laptop); a photo neither has is left out, and the renderers write its description instead.
// Neither pdfkit nor docx embeds WebP, so a WebP photo is drawn into a JPEG here, where the browser
// can decode it; where it cannot, the photo is left out like a missing one.
import type { ReportDocument, ReportImages } from '../../domain/documents/report-document';
import { sniffPhotoType } from '../../domain/photos/photo-file';

/** The photo as a JPEG, or null when this browser cannot decode or encode it. */
export type ImageConverter = (bytes: Uint8Array) => Promise<Uint8Array | null>;

/** JPEG quality for a converted photo: a flip chart's handwriting stays sharp at a third of PNG's size. */
const JPEG_QUALITY = 0.9;

/** Decodes with the browser's own image decoder and encodes a JPEG on an off-screen canvas. */
export const webpToJpeg: ImageConverter = async (bytes) => {
	if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return null;
	try {
		const bitmap = await createImageBitmap(new Blob([bytes.slice()], { type: 'image/webp' }));
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const context = canvas.getContext('2d');
		if (context === null) return null;
		// JPEG has no transparency: a transparent area becomes white paper, not black.
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, bitmap.width, bitmap.height);
		context.drawImage(bitmap, 0, 0);
		bitmap.close();
		const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
		return new Uint8Array(await blob.arrayBuffer());
	} catch {
		return null;
	}
};

export async function reportImages(
	doc: ReportDocument,
	read: (sha256: string) => Promise<Uint8Array | null>,
	convert: ImageConverter = webpToJpeg
): Promise<ReportImages> {
	const wanted = doc.blocks.flatMap((block) => (block.kind === 'image' ? [block.sha256] : []));
	const found = await Promise.all(
		[...new Set(wanted)].map(async (sha256) => {
			const bytes = await read(sha256);
			const embeddable =
				bytes === null || sniffPhotoType(bytes) !== 'image/webp' ? bytes : await convert(bytes);
			return [sha256, embeddable] as const;
		})
	);
	return new Map(found.flatMap(([sha256, bytes]) => (bytes ? [[sha256, bytes]] : [])));
}

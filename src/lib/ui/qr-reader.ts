// Reading a QR code in the browser, from a picture or from the camera (the set-up code of the central
// server). jsQR decodes pixels; we only get them: an image file through a canvas, or camera frames a few
// times a second. Large pictures are scaled down first, which keeps decoding fast and still finds codes
// that fill a fair part of the picture.
import jsQR from 'jsqr';

/** Longest side, in pixels, a picture is decoded at. */
const MAX_SIDE = 1_200;
/** Camera frames are smaller and many: decoded on the main thread, they must stay quick. */
const MAX_FRAME_SIDE = 640;
/** Time between two decoded camera frames. */
const FRAME_INTERVAL_MS = 250;

function decode(
	source: CanvasImageSource,
	width: number,
	height: number,
	{ maxSide = MAX_SIDE, quick = false } = {}
): string | null {
	const scale = Math.min(1, maxSide / Math.max(width, height));
	const w = Math.max(1, Math.round(width * scale));
	const h = Math.max(1, Math.round(height * scale));
	const canvas = document.createElement('canvas');
	canvas.width = w;
	canvas.height = h;
	const context = canvas.getContext('2d', { willReadFrequently: true });
	if (!context) return null;
	// White behind transparent pictures: a transparent PNG would otherwise decode as black on black.
	context.fillStyle = '#fff';
	context.fillRect(0, 0, w, h);
	context.drawImage(source, 0, 0, w, h);
	const { data } = context.getImageData(0, 0, w, h);
	// A printed code is dark on light; trying the inverted picture too doubles the work per frame.
	return (
		jsQR(data, w, h, { inversionAttempts: quick ? 'dontInvert' : 'attemptBoth' })?.data ?? null
	);
}

/** The text of the QR code in a picture, or null if none is found or the file is no picture. */
export async function readQrFromImage(file: Blob): Promise<string | null> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file);
	} catch {
		return null;
	}
	try {
		return decode(bitmap, bitmap.width, bitmap.height);
	} finally {
		bitmap.close();
	}
}

export interface CameraScan {
	stop(): void;
}

/**
 * Shows the camera in `video` and calls `onCode` with the first QR code found (then stops by itself).
 * Rejects when there is no camera or it is not allowed.
 */
export async function scanQrWithCamera(
	video: HTMLVideoElement,
	onCode: (text: string) => void
): Promise<CameraScan> {
	const stream = await navigator.mediaDevices.getUserMedia({
		video: { facingMode: 'environment' },
		audio: false
	});
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stop = () => {
		stopped = true;
		clearTimeout(timer);
		for (const track of stream.getTracks()) track.stop();
		video.srcObject = null;
	};
	video.srcObject = stream;
	await video.play().catch(() => undefined);
	const look = () => {
		if (stopped) return;
		const frame = { maxSide: MAX_FRAME_SIDE, quick: true };
		const text =
			video.videoWidth > 0 ? decode(video, video.videoWidth, video.videoHeight, frame) : null;
		if (text !== null) {
			stop();
			onCode(text);
			return;
		}
		timer = setTimeout(look, FRAME_INTERVAL_MS);
	};
	look();
	return { stop };
}

// A PhotoBlobs for tests and benchmarks whose days have no photos (not imported by app code).
import type { PhotoBlobs } from './photo-blobs';

/** No photos: nothing kept, fetched, uploaded or refused. */
export const NO_PHOTO_BLOBS: PhotoBlobs = {
	keep: async () => undefined,
	read: async () => null,
	upload: async () => undefined,
	uploadWaiting: async () => undefined,
	pending: async () => 0,
	refusals: async () => ({}),
	stop: () => undefined
};

// Photos of the workshop protocol on the board (ADR 20): one record per photo in `photos`
// (`<photoId>/<field>`, ADR 8), attached to an agenda block. A record names the photo's blob by its
// SHA-256; the bytes travel over the blob endpoint, never in a document. Removing sets `removed`, as
// for cards, so a description written meanwhile on another device stays and undo brings both back.

import * as v from 'valibot';
import type * as Y from 'yjs';
import type { Photo } from '../domain/photos/photo';
import { isRecordId, readFieldRecords, writeFields } from './field-records';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';
import { PHOTO_RECORD } from './schemas/workshop';
import { removalFields } from './workshop-removed';

function writable(doc: Y.Doc): Y.Map<unknown> {
	const map = rootMap(doc, ROOT_KEYS.photos);
	if (map === null) throw new Error('photos root has the wrong type');
	return map;
}

/** The photos not removed, by creation time, then id; malformed records are left out. */
export function readPhotos(doc: Y.Doc): Photo[] {
	const photos: Photo[] = [];
	for (const [id, fields] of readFieldRecords(rootMap(doc, ROOT_KEYS.photos))) {
		const parsed = v.safeParse(PHOTO_RECORD, Object.fromEntries(fields));
		if (!parsed.success || parsed.output.removed) continue;
		const { blockId, sha256, mediaType, width, height, caption, authorId, createdAt } =
			parsed.output;
		photos.push({
			id,
			blockId,
			sha256,
			mediaType,
			width: width ?? null,
			height: height ?? null,
			caption: caption ?? '',
			authorId,
			createdAt
		});
	}
	return photos.sort(
		(a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

export function addPhoto(doc: Y.Doc, photo: Photo, now = Date.now()): void {
	const { id, width, height, caption, ...rest } = photo;
	const fields = {
		...rest,
		...(width !== null ? { width } : {}),
		...(height !== null ? { height } : {}),
		...(caption !== '' ? { caption } : {})
	};
	if (!isRecordId(id) || !v.is(PHOTO_RECORD, fields)) throw new RangeError('invalid photo');
	const map = writable(doc);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, fields);
	});
}

/** Sets the description; an empty one removes it. */
export function setPhotoCaption(doc: Y.Doc, id: string, caption: string, now = Date.now()): void {
	if (caption !== '' && !v.is(PHOTO_RECORD.entries.caption, caption))
		throw new RangeError('invalid caption');
	const map = writable(doc);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, { caption: caption === '' ? undefined : caption });
	});
}

/** Removes a photo; `by` is the remover's author id, written with the time (ADR 21). */
export function removePhoto(
	doc: Y.Doc,
	id: string,
	now = Date.now(),
	by: string | null = null
): void {
	const map = writable(doc);
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, removalFields(true, by, now));
	});
}

/** The hashes of every photo record, removed ones too: the blobs a device keeps and uploads. */
export function photoHashes(doc: Y.Doc): string[] {
	const hashes = new Set<string>();
	for (const [, fields] of readFieldRecords(rootMap(doc, ROOT_KEYS.photos))) {
		const sha256 = fields.get('sha256');
		if (v.is(PHOTO_RECORD.entries.sha256, sha256)) hashes.add(sha256);
	}
	return [...hashes].sort();
}

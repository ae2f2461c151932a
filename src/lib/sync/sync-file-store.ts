// A sync file against this device (ADR 22): saving reads the device's stored copies of a municipality's
// documents and photos without opening a connection; reading compares with the stored copies by their
// snapshots only; applying merges each document through the registry, so the change is stored, relayed
// to other tabs and sent on to the server like any other edit.

import * as Y from 'yjs';
import { mergeInto, syncFileDocument, type SyncFileReading } from '../crdt/sync-file-documents';
import { kommunePrefix } from '../domain/deletion';
import { isPhotoMediaType } from '../domain/photos/photo-file';
import type { SyncFileDocument, SyncFilePhoto } from '../domain/sync-file/sync-file-format';
import { findBlob, keepBlob } from '../storage/blobs';
import type { KommunalwerkstattDb } from '../storage/db';
import type { DocumentRegistry } from './document-registry';
import { localDocumentsUnder, readLocalCopy } from './local-copies';
import { writeDocument, type WriteResult } from './write-document';

/** What this device's stored copy of the document holds, or null without one (none is created). */
export async function localSnapshot(name: string): Promise<Y.Snapshot | null> {
	const doc = await readLocalCopy(name);
	if (doc === null) return null;
	try {
		return Y.snapshot(doc);
	} finally {
		doc.destroy();
	}
}

/** Every stored document of the municipality (empty copies left out) and the photos of its boards. */
export async function localMunicipality(
	db: KommunalwerkstattDb,
	ars: string
): Promise<{ documents: SyncFileDocument[]; photos: SyncFilePhoto[] }> {
	const documents: SyncFileDocument[] = [];
	for (const name of await localDocumentsUnder(db, kommunePrefix(ars))) {
		const doc = await readLocalCopy(name);
		if (doc === null) continue;
		try {
			if (doc.store.clients.size > 0) documents.push(syncFileDocument(name, doc));
		} finally {
			doc.destroy();
		}
	}
	const names = new Set(documents.map((d) => d.name));
	const rows = await db.blobs
		.where('board')
		.anyOf([...names])
		.toArray();
	const photos: SyncFilePhoto[] = [];
	for (const { sha256, board, mediaType, bytes } of rows)
		if (isPhotoMediaType(mediaType)) photos.push({ sha256, board, mediaType, bytes });
	return { documents, photos };
}

/** Whether this device holds the photo's bytes. */
export const hasLocalPhoto = async (db: KommunalwerkstattDb, sha256: string) =>
	(await findBlob(db, sha256)) !== undefined;

/**
 * Merges the checked file into this device: each document that brings something new, then the photos
 * it lacks. Stops at the first document that cannot be written (its error); documents merged before it
 * stay merged, which is harmless: reading the file again adds the rest and nothing twice.
 */
export async function applySyncFile(
	db: KommunalwerkstattDb,
	registry: DocumentRegistry,
	reading: SyncFileReading,
	now: number
): Promise<WriteResult<number>> {
	const bringsNew = new Set(
		reading.preview.documents.filter((d) => d.bringsNew).map((d) => d.name)
	);
	let merged = 0;
	for (const entry of reading.file.documents) {
		if (!bringsNew.has(entry.name)) continue;
		const written = await writeDocument(registry, entry.name, (doc) =>
			mergeInto(doc, entry.update)
		);
		if (!written.ok) return written;
		merged++;
	}
	for (const photo of reading.file.photos)
		await keepBlob(db, {
			sha256: photo.sha256,
			board: photo.board,
			mediaType: photo.mediaType,
			bytes: photo.bytes,
			createdAt: now,
			laptopAt: null,
			centralAt: null,
			laptopRefusal: null
		});
	return { ok: true, value: merged };
}

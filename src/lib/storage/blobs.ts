// Photos' bytes on this device (ADR 20): content-addressed, so keeping one twice keeps it once. Local
// first like the documents: a photo is here before any server has it.

import type { ErrorCode } from '../contract/protocol';
import type { BlobRefusal, BlobRow, KommunalwerkstattDb, SyncPlace } from './db';

/** Keeps a blob; one already here keeps its upload marks. */
export async function keepBlob(db: KommunalwerkstattDb, row: BlobRow): Promise<void> {
	await db.transaction('rw', db.blobs, async () => {
		if ((await db.blobs.get(row.sha256)) === undefined) await db.blobs.put(row);
	});
}

export const findBlob = (db: KommunalwerkstattDb, sha256: string) => db.blobs.get(sha256);

/** The blobs of the given boards that the place has not taken nor refused yet, oldest first. */
export async function blobsToUpload(
	db: KommunalwerkstattDb,
	boards: readonly string[],
	place: SyncPlace
): Promise<BlobRow[]> {
	const rows = await db.blobs
		.where('board')
		.anyOf([...boards])
		.toArray();
	return rows
		.filter((row) =>
			place === 'laptop' ? row.laptopAt === null && !row.laptopRefusal : row.centralAt === null
		)
		.sort((a, b) => a.createdAt - b.createdAt);
}

/** Every board that has blobs on this device. */
export async function boardsWithBlobs(db: KommunalwerkstattDb): Promise<string[]> {
	return (await db.blobs.orderBy('board').uniqueKeys()).map(String);
}

export const markBlobUploaded = (
	db: KommunalwerkstattDb,
	sha256: string,
	place: SyncPlace,
	at: number
) => db.blobs.update(sha256, place === 'laptop' ? { laptopAt: at } : { centralAt: at });

/** The laptop refused the blob for good, for `code`: it is not offered to it again. */
export const markBlobRefused = (
	db: KommunalwerkstattDb,
	sha256: string,
	code: ErrorCode,
	at: number
) => db.blobs.update(sha256, { laptopRefusal: { at, code } });

/** The blobs of a board the laptop refused, by SHA-256. */
export async function refusedBlobs(
	db: KommunalwerkstattDb,
	board: string
): Promise<Map<string, BlobRefusal>> {
	const rows = await db.blobs.where('board').equals(board).toArray();
	return new Map(
		rows.flatMap((row) => (row.laptopRefusal ? [[row.sha256, row.laptopRefusal]] : []))
	);
}

/** Another central server has none of them: every blob goes there again. */
export const forgetCentralUploads = (db: KommunalwerkstattDb) =>
	db.blobs.toCollection().modify({ centralAt: null });

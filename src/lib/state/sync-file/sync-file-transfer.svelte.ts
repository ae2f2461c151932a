// Saving a municipality as a sync file and reading one (ADR 22), as the page shows it: saving gives the
// bytes and the file name for the download; reading shows a preview first and merges only once the
// person confirms; a refused file is one reason and changes nothing.

import {
	readSyncFile,
	writeSyncFile,
	type SyncFilePreview,
	type SyncFileReading
} from '../../crdt/sync-file-documents';
import { readProfile } from '../../crdt/profile-doc';
import { profileDocName } from '../../domain/document-names';
import {
	SYNC_FILE_LIMITS,
	syncFileName,
	type SyncFileRefusal
} from '../../domain/sync-file/sync-file-format';
import type { KommunalwerkstattDb } from '../../storage/db';
import { projectionOfProfile, upsertKommuneProjection } from '../../storage/kommunen';
import { putSession } from '../../storage/sessions';
import type { DocumentRegistry } from '../../sync/document-registry';
import type { DocumentErrorCode } from '../../sync/document-status';
import {
	applySyncFile,
	hasLocalPhoto,
	localMunicipality,
	localSnapshot
} from '../../sync/sync-file-store';

export type { SyncFilePreview };

/** Why saving or reading failed: a refusal of the file, or this device could not read or write. */
export type SyncFileError = SyncFileRefusal | 'nothing_to_save' | 'read_failed' | DocumentErrorCode;

export interface SyncFileDeps {
	db: KommunalwerkstattDb;
	registry: () => Promise<DocumentRegistry>;
	/**
	 * Which documents this device may write, once that is known (the laptop's owner: every one; ADR 22
	 * leaves reading on other devices for later).
	 */
	mayWrite: () => Promise<(name: string) => boolean>;
	now?: () => number;
}

/** The file for the download: `kommunalwerkstatt-<ARS>-<YYYY-MM-DD>.kwsync` (docs/sync-file-format.md). */
export interface SavedSyncFile {
	fileName: string;
	bytes: Uint8Array<ArrayBuffer>;
}

export class SyncFileTransfer {
	/** What runs now: saving a file, reading (checking) one, or merging the previewed one. */
	busy = $state<'saving' | 'reading' | 'merging' | null>(null);
	error = $state<SyncFileError | null>(null);
	/** What the file read last would bring; null before a file is read and after it was merged or dropped. */
	preview = $state.raw<SyncFilePreview | null>(null);
	/** After a merge: the municipality it brought and how many documents changed on this device. */
	merged = $state.raw<{ ars: string; name: string | null; documents: number } | null>(null);

	#deps: SyncFileDeps;
	#reading: SyncFileReading | null = null;

	constructor(deps: SyncFileDeps) {
		this.#deps = deps;
	}

	#now = () => (this.#deps.now ?? Date.now)();

	/** The municipality's documents and photos held here as one file, or null (then `error` says why). */
	async save(ars: string, appVersion: string): Promise<SavedSyncFile | null> {
		this.busy = 'saving';
		this.error = null;
		try {
			const { documents, photos } = await localMunicipality(this.#deps.db, ars);
			if (documents.length === 0) {
				this.error = 'nothing_to_save';
				return null;
			}
			const createdAt = this.#now();
			const bytes = await writeSyncFile({ appVersion, createdAt, ars, documents, photos });
			return { fileName: syncFileName(ars, createdAt), bytes: new Uint8Array(bytes) };
		} catch {
			this.error = 'storage_timeout';
			return null;
		} finally {
			this.busy = null;
		}
	}

	/**
	 * Checks a file and previews it; changes nothing. `size` is checked before the bytes are asked for,
	 * so a file beyond the format's limit is never read into memory.
	 */
	async read(size: number, bytes: () => Promise<Uint8Array>): Promise<void> {
		this.#drop();
		this.merged = null;
		this.error = null;
		if (size > SYNC_FILE_LIMITS.fileBytes) {
			this.error = 'too_large';
			return;
		}
		this.busy = 'reading';
		try {
			const content = await bytes().catch(() => null);
			if (content === null) {
				this.error = 'read_failed';
				return;
			}
			const { db } = this.#deps;
			const mayWrite = await this.#deps.mayWrite();
			const read = await readSyncFile(content, {
				mayWrite,
				localSnapshot,
				hasPhoto: (sha256) => hasLocalPhoto(db, sha256)
			}).catch(() => null);
			if (read === null) this.error = 'storage_timeout';
			else if (!read.ok) this.error = read.refusal;
			else {
				this.#reading = read.value;
				this.preview = read.value.preview;
			}
		} finally {
			this.busy = null;
		}
	}

	/** Merges the previewed file into this device; resolves with whether it did. */
	async confirm(): Promise<boolean> {
		const reading = this.#reading;
		if (reading === null) return false;
		this.busy = 'merging';
		this.error = null;
		try {
			const { db } = this.#deps;
			const registry = await this.#deps.registry();
			const applied = await applySyncFile(db, registry, reading, this.#now());
			if (!applied.ok) {
				this.error = applied.error;
				return false;
			}
			await this.#project(reading);
			this.merged = {
				ars: reading.preview.ars,
				name: reading.preview.municipalityName,
				documents: applied.value
			};
			this.#drop();
			return true;
		} catch {
			this.error = 'storage_write_failed';
			return false;
		} finally {
			this.busy = null;
		}
	}

	/** Drops the previewed file without merging it. */
	cancel(): void {
		this.#drop();
		this.error = null;
	}

	/**
	 * The start page's and the municipality page's lists (projections, SPEC.md S11) for what the file
	 * brought that this device did not list yet; documents already here keep their own rows.
	 */
	async #project(reading: SyncFileReading): Promise<void> {
		const { db } = this.#deps;
		const { preview } = reading;
		const profileName = profileDocName(preview.ars);
		const profileDoc = reading.docs.get(profileName);
		const profile = profileDoc === undefined ? null : readProfile(profileDoc).profile;
		const profileNewHere = preview.documents.some((d) => d.newHere && d.name === profileName);
		if (profile !== null && profileNewHere)
			await upsertKommuneProjection(db, projectionOfProfile(profile, this.#now()));
		for (const session of preview.sessions) {
			if ((await db.sessions.get(session.scope)) !== undefined) continue;
			await putSession(db, {
				scope: session.scope,
				ars: preview.ars,
				kind: session.kind,
				id: session.id,
				title: session.title,
				date: session.date,
				createdAt: preview.createdAt
			});
		}
	}

	#drop(): void {
		for (const doc of this.#reading?.docs.values() ?? []) doc.destroy();
		this.#reading = null;
		this.preview = null;
	}
}

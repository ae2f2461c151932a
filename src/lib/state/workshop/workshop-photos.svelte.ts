// Photos of flip charts and pin boards per agenda block (issue 19, ADR 20): read live from the board,
// written through it on this device first. A file is accepted by its bytes and cleaned of location
// and camera data here, before it is stored anywhere; its cleaned bytes go to Dexie and, from there,
// to the laptop (PhotoBlobs), and the board records only their SHA-256. Adding, describing and
// removing are undoable steps of this person (WorkshopUndo).

import type * as Y from 'yjs';
import { newId } from '../../domain/ids';
import { cleanPhoto, PHOTO_MAX_BYTES, type PhotoRefusal } from '../../domain/photos/photo-file';
import {
	validatePhotoCaption,
	type Photo,
	type PhotoCaptionError
} from '../../domain/photos/photo';
import { isRecordId } from '../../crdt/field-records';
import { addPhoto, removePhoto, setPhotoCaption } from '../../crdt/workshop-photos';
import type { ErrorCode } from '../../contract/protocol';
import type { AppErrorCode, WriteChange } from '../app-error';
import type { LiveDocument } from '../live-document.svelte';
import { sha256Hex } from '../photos/photo-hash';
import type { PhotoBlobs } from '../photos/photo-blobs';
import { undoable, type UndoStep } from '../workshop-undo.svelte';

export type { Photo } from '../../domain/photos/photo';

export type PhotoError = PhotoRefusal | PhotoCaptionError | AppErrorCode;

export interface PhotoWriter {
	/** The author id this device writes under. */
	id: string;
	/** The facilitator removes anyone's photo; a participant only their own (server/SPEC.md W15). */
	removesAny: boolean;
}

export class WorkshopPhotos {
	readonly #board: LiveDocument<Photo[]>;
	readonly #write: WriteChange;
	readonly #writer: PhotoWriter | null;
	readonly #blobs: PhotoBlobs;
	readonly #boardName: string;
	#error = $state<PhotoError | null>(null);
	/** Photos of this board the laptop refused for good, by SHA-256, with the server's reason. */
	#refusals = $state<Readonly<Record<string, ErrorCode | null>>>({});

	constructor(
		board: LiveDocument<Photo[]>,
		write: WriteChange,
		writer: PhotoWriter | null,
		blobs: PhotoBlobs,
		boardName: string
	) {
		this.#board = board;
		this.#write = write;
		this.#writer = writer;
		this.#blobs = blobs;
		this.#boardName = boardName;
		// Photos taken here while the laptop was away go up now.
		if (writer !== null) void this.#uploadNow();
		else void this.#readRefusals();
	}

	/** Uploads what the laptop lacks, then reads which photos it refused for good. */
	async #uploadNow(): Promise<void> {
		await this.#blobs.upload(this.#boardName).catch(() => undefined);
		await this.#readRefusals();
	}

	async #readRefusals(): Promise<void> {
		const refusals = await this.#blobs.refusals(this.#boardName).catch(() => null);
		if (refusals !== null) this.#refusals = refusals;
	}

	/**
	 * Whether the laptop refused the photo's bytes for good, and why (null: the reason was not kept);
	 * undefined when it did not. Such a photo stays on this device only.
	 */
	refusal(photo: Photo): ErrorCode | null | undefined {
		return Object.hasOwn(this.#refusals, photo.sha256) ? this.#refusals[photo.sha256] : undefined;
	}

	get loading(): boolean {
		return this.#board.loading;
	}

	get loadError(): AppErrorCode | null {
		return this.#board.error;
	}

	/** Whether this device adds photos (participants and the facilitator; a viewer only looks). */
	get canWrite(): boolean {
		return this.#writer !== null;
	}

	/** The last refusal or failed write, until the next change succeeds. */
	get error(): PhotoError | null {
		return this.#error;
	}

	/** Every photo of the day, by creation time (the protocol's photo sections). */
	get all(): Photo[] {
		return this.#board.value;
	}

	/** The photo's bytes, from this device or the laptop; null when neither has them. */
	async bytes(sha256: string): Promise<Uint8Array | null> {
		const found = await this.#blobs.read(this.#boardName, sha256).catch(() => null);
		return found?.bytes ?? null;
	}

	/** The photos of one block, by creation time. */
	ofBlock(blockId: string): Photo[] {
		return this.#board.value.filter((photo) => photo.blockId === blockId);
	}

	mayChange(photo: Photo): boolean {
		const writer = this.#writer;
		return writer !== null && (writer.removesAny || photo.authorId === writer.id);
	}

	async #apply(step: UndoStep, change: (doc: Y.Doc) => void): Promise<boolean> {
		this.#error = await this.#write(undoable(step, change));
		return this.#error === null;
	}

	/**
	 * Adds a photo from a file to a block: refused with its reason (too large, not a photo, damaged)
	 * before anything is stored; else cleaned, kept on this device, recorded on the board, uploaded.
	 */
	async add(blockId: string, file: Blob): Promise<boolean> {
		const writer = this.#writer;
		if (writer === null || !isRecordId(blockId)) return false;
		// The size first: a 40 MB file is refused without reading it into memory.
		if (file.size > PHOTO_MAX_BYTES) {
			this.#error = 'photo_too_large';
			return false;
		}
		const checked = cleanPhoto(new Uint8Array(await file.arrayBuffer()));
		if (!checked.ok) {
			this.#error = checked.error;
			return false;
		}
		const { bytes, mediaType, width, height } = checked.value;
		const sha256 = await sha256Hex(bytes);
		try {
			await this.#blobs.keep(this.#boardName, sha256, mediaType, bytes);
		} catch {
			this.#error = 'storage_write_failed';
			return false;
		}
		// keep() has started the upload; waiting for it tells whether the laptop refused the photo.
		void this.#uploadNow();
		const photo: Photo = {
			id: newId<'photo'>(),
			blockId,
			sha256,
			mediaType,
			width,
			height,
			caption: '',
			authorId: writer.id,
			createdAt: Date.now()
		};
		return this.#apply({ kind: 'add', label: '', focus: photo.id }, (doc) => addPhoto(doc, photo));
	}

	async describe(id: string, text: string): Promise<boolean> {
		const photo = this.#board.value.find((p) => p.id === id);
		if (!photo || !this.mayChange(photo)) return false;
		const checked = validatePhotoCaption(text);
		if (!checked.ok) {
			this.#error = checked.error;
			return false;
		}
		return this.#apply({ kind: 'edit', label: checked.value, focus: id }, (doc) =>
			setPhotoCaption(doc, id, checked.value)
		);
	}

	async remove(id: string): Promise<boolean> {
		const photo = this.#board.value.find((p) => p.id === id);
		const writer = this.#writer;
		if (!photo || writer === null || !this.mayChange(photo)) return false;
		return this.#apply({ kind: 'remove', label: photo.caption, focus: id }, (doc) =>
			removePhoto(doc, id, Date.now(), writer.id)
		);
	}

	/** An object URL of the photo's bytes (from this device or the laptop), or null; revoke it after use. */
	async imageUrl(photo: Photo): Promise<string | null> {
		const found = await this.#blobs.read(this.#boardName, photo.sha256).catch(() => null);
		if (found === null) return null;
		return URL.createObjectURL(
			new Blob([found.bytes as Uint8Array<ArrayBuffer>], { type: photo.mediaType })
		);
	}
}

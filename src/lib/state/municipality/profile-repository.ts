// Creating and editing a municipality profile: the Yjs document `kommune/<ARS>/profile` is the truth,
// the Dexie row in `kommunen` a projection for the start page (SPEC.md S11, S12).

import { validateArs, type Ars } from '../../domain/ars';
import { profileDocName } from '../../domain/document-names';
import {
	mergeProfileInput,
	PROFILE_FIELDS,
	validateProfileInput,
	type KommuneProfile,
	type KommuneProfileFields,
	type ProfileField,
	type ProfileFieldErrors,
	type ProfileFormInput
} from '../../domain/kommune-profile';
import {
	observeProfile,
	readProfile,
	writeProfile,
	type ProfileRead
} from '../../crdt/profile-doc';
import type { KommunalwerkstattDb } from '../../storage/db';
import { findKommune, projectionOfProfile, upsertKommuneProjection } from '../../storage/kommunen';
import type { DocumentRegistry } from '../../sync/document-registry';
import { DocumentError, isDocumentError, type DocumentErrorCode } from '../../sync/document-status';
import { mayHaveLocalCopy } from '../../sync/local-persistence';
import type { DocumentHandle } from '../../sync/open-document';

export type SaveFailure = 'invalid' | 'duplicate' | 'not_found' | DocumentErrorCode;

/** Codes of failures that concern the whole form rather than one field. */
export type ProfileFormErrorCode = 'not_found' | DocumentErrorCode;

export type ProfileSaveResult =
	| { ok: true; ars: Ars; profile: KommuneProfile }
	| {
			ok: false;
			reason: SaveFailure;
			/** One code per failing field (empty unless reason is 'invalid' or 'duplicate'). */
			errors: ProfileFieldErrors;
			formError?: ProfileFormErrorCode;
			/** The municipality that already has this ARS (its ARS when its name is unreadable). */
			duplicate?: { ars: string; name: string };
	  };

/** An open profile document that keeps the projection current while it is open. */
export interface ProfileSession {
	readonly ars: string;
	readonly handle: DocumentHandle;
	read(): ProfileRead;
	/** Calls `listener` after every change, from this tab, another tab or the server. */
	subscribe(listener: (read: ProfileRead) => void): () => void;
	/** Saves the `changed` fields of `input` (see ProfileRepository.saveProfile). */
	save(input: ProfileFormInput, changed: readonly ProfileField[]): Promise<ProfileSaveResult>;
	/** Safe to call more than once. */
	close(): Promise<void>;
}

export interface ProfileRepository {
	/** Creates the municipality from every field of the form (SPEC.md S12: one per ARS). */
	createKommune(input: ProfileFormInput): Promise<ProfileSaveResult>;
	/**
	 * Saves the fields listed in `changed`: they are taken from `input` and laid over the profile the
	 * document holds now, the result is validated as a whole, and only those fields are written, in one
	 * transaction. So a form that is older than another tab's or device's edit does not revert it. A
	 * document whose profile is malformed is repaired: every field is taken from `input`. The ARS is
	 * never changed; a type that does not fit it is reported on 'type'. With no changed field nothing
	 * is written. Fails with 'not_found' when the municipality is not on this device, with
	 * 'storage_write_failed' or 'storage_timeout' when the change could not be stored.
	 */
	saveProfile(
		ars: string,
		input: ProfileFormInput,
		changed: readonly ProfileField[]
	): Promise<ProfileSaveResult>;
	/**
	 * Opens the profile document, or resolves null, opening nothing, when this device has neither a
	 * start-page row nor a local copy of it. Rejects with DocumentError 'storage_timeout' when IndexedDB
	 * does not answer or opening fails otherwise, and with a plain Error when `ars` is not an ARS.
	 */
	openProfile(ars: string): Promise<ProfileSession | null>;
}

export interface ProfileRepositoryOptions {
	db: KommunalwerkstattDb;
	registry: DocumentRegistry;
	now?: () => number;
}

const storageFailure = (code: DocumentErrorCode): ProfileSaveResult => ({
	ok: false,
	reason: code,
	errors: {},
	formError: code
});

const NOT_FOUND: ProfileSaveResult = {
	ok: false,
	reason: 'not_found',
	errors: {},
	formError: 'not_found'
};

/** What saving may write: everything but the ARS, which is fixed when the municipality is created. */
const EDITABLE_FIELDS = PROFILE_FIELDS.filter((field) => field !== 'ars');

export function createProfileRepository(options: ProfileRepositoryOptions): ProfileRepository {
	const { db, registry } = options;
	const now = options.now ?? Date.now;

	const project = (profile: KommuneProfile) =>
		upsertKommuneProjection(db, projectionOfProfile(profile, now()));

	/**
	 * Whether the municipality is on this device: its start-page row exists, or (the row is rebuildable
	 * and may be lost) a local copy of its document does. Asking creates no database.
	 */
	async function isOnDevice(ars: string): Promise<boolean> {
		const row = await findKommune(db, ars).catch(() => undefined);
		return row !== undefined || mayHaveLocalCopy(profileDocName(ars));
	}

	/** Opens the profile document, or says why it could not. */
	async function withDocument<T>(
		ars: string,
		work: (handle: DocumentHandle) => Promise<T>
	): Promise<T | ProfileSaveResult> {
		let handle: DocumentHandle;
		try {
			handle = await openStored(ars);
		} catch (error) {
			return storageFailure((error as DocumentError).code);
		}
		try {
			return await work(handle);
		} catch (error) {
			// Anything else that fails here (the start-page row, a raw DOMException) is a failed write.
			return storageFailure(isDocumentError(error) ? error.code : 'storage_write_failed');
		} finally {
			await handle.close();
		}
	}

	/** Opens the profile document; rejects only with a DocumentError. */
	async function openStored(ars: string): Promise<DocumentHandle> {
		const name = profileDocName(ars);
		try {
			return await registry.open(name);
		} catch (error) {
			throw isDocumentError(error) ? error : new DocumentError('storage_timeout', name);
		}
	}

	async function write(
		handle: DocumentHandle,
		profile: KommuneProfile,
		fields: readonly ProfileField[]
	): Promise<ProfileSaveResult> {
		const values = Object.fromEntries(
			fields.map((field) => [field, profile[field]])
		) as Partial<KommuneProfileFields>;
		writeProfile(handle.doc, values, { now: now() });
		// Rule zero: the projection may claim only what is already stored on this device.
		await handle.whenStored();
		// What the document holds now, stored too: another tab's change may have arrived meanwhile, and
		// the snapshot taken before the wait would put an older profile back.
		const current = readProfile(handle.doc).profile;
		if (current !== null) await project(current);
		return { ok: true, ars: profile.ars, profile: current ?? profile };
	}

	async function save(
		ars: string,
		input: ProfileFormInput,
		changed: readonly ProfileField[]
	): Promise<ProfileSaveResult> {
		if (!validateArs(ars).ok || !(await isOnDevice(ars))) return NOT_FOUND;
		return withDocument(ars, async (handle) => {
			const stored = readProfile(handle.doc);
			if (stored.profile === null && !stored.malformed) return NOT_FOUND;
			// A malformed profile is repaired by writing every field.
			const fields =
				stored.profile === null
					? EDITABLE_FIELDS
					: EDITABLE_FIELDS.filter((field) => changed.includes(field));
			const validation = mergeProfileInput(stored.profile, { ...input, ars }, fields);
			if (!validation.ok) {
				// The ARS cannot change after creation; a type that does not fit it is the type's fault.
				const { ars: arsError, ...others } = validation.errors;
				const errors: ProfileFieldErrors = { ...others };
				if (arsError === 'ars_structure_type') errors.type = arsError;
				else if (arsError !== undefined) errors.ars = arsError;
				return { ok: false, reason: 'invalid', errors };
			}
			if (fields.length === 0)
				return { ok: true, ars: validation.value.ars, profile: validation.value };
			// Repairing also writes the ARS the document is named by.
			return write(handle, validation.value, stored.profile === null ? PROFILE_FIELDS : fields);
		});
	}

	return {
		async createKommune(input) {
			const validation = validateProfileInput(input);
			if (!validation.ok) return { ok: false, reason: 'invalid', errors: validation.errors };
			const { ars } = validation.value;
			const duplicate = (name: string | null): ProfileSaveResult => ({
				ok: false,
				reason: 'duplicate',
				errors: { ars: 'ars_duplicate' },
				duplicate: { ars, name: name ?? ars }
			});
			const known = await findKommune(db, ars);
			if (known !== undefined) return duplicate(known.name);
			return withDocument(ars, async (handle) => {
				// The projection is rebuildable and may be missing; the stored document decides.
				const stored = readProfile(handle.doc);
				if (stored.profile !== null) {
					await project(stored.profile);
					return duplicate(stored.profile.name);
				}
				if (stored.malformed) return duplicate(null);
				return write(handle, validation.value, PROFILE_FIELDS);
			});
		},

		saveProfile: save,

		async openProfile(ars) {
			if (!validateArs(ars).ok) throw new Error(`not an ARS: ${ars}`);
			if (!(await isOnDevice(ars))) return null;
			const handle = await openStored(ars);
			const listeners = new Set<(read: ProfileRead) => void>();
			// Rule zero: the row follows the document only as far as it is stored on this device. A
			// failed write leaves the row as it was; the save that made it reports the failure.
			// Observers run inside the transaction, before its update is handed to storage, so wait for
			// the transaction to end (a microtask) before asking whether everything is stored.
			const projectStored = () =>
				Promise.resolve()
					.then(() => handle.whenStored())
					.then(() => {
						const { profile } = readProfile(handle.doc);
						if (profile !== null) return project(profile);
					})
					.catch(() => undefined);
			void projectStored();
			const stopObserving = observeProfile(handle.doc, (change) => {
				if (change.profile !== null) void projectStored();
				for (const listener of listeners) listener(change);
			});
			let closing: Promise<void> | null = null;
			return {
				ars,
				handle,
				read: () => readProfile(handle.doc),
				subscribe(listener) {
					listeners.add(listener);
					return () => listeners.delete(listener);
				},
				save: (input, changed) => save(ars, input, changed),
				close() {
					closing ??= (() => {
						stopObserving();
						listeners.clear();
						return handle.close();
					})();
					return closing;
				}
			};
		}
	};
}

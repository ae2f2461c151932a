// Creating and editing a municipality profile: the Yjs document `kommune/<ARS>/profile` is the truth,
// the Dexie row in `kommunen` a projection for the start page (SPEC.md S11, S12).

import { validateArs, type Ars } from '../domain/ars';
import { profileDocName } from '../domain/document-names';
import {
	validateProfileInput,
	type KommuneProfile,
	type ProfileFieldErrors,
	type ProfileFormInput
} from '../domain/kommune-profile';
import { observeProfile, readProfile, writeProfile, type ProfileRead } from '../crdt/profile-doc';
import type { KommunalwerkstattDb } from '../storage/db';
import { findKommune, projectionOfProfile, upsertKommuneProjection } from '../storage/kommunen';
import type { DocumentRegistry } from './document-registry';
import { isDocumentError, type DocumentErrorCode } from './document-status';
import type { DocumentHandle } from './open-document';

export const SAVE_FAILURES = ['invalid', 'duplicate', 'not_found', 'storage_timeout'] as const;
export type SaveFailure = (typeof SAVE_FAILURES)[number];

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
	save(input: ProfileFormInput): Promise<ProfileSaveResult>;
	close(): Promise<void>;
}

export interface ProfileRepository {
	createKommune(input: ProfileFormInput): Promise<ProfileSaveResult>;
	saveProfile(ars: string, input: ProfileFormInput): Promise<ProfileSaveResult>;
	/** Rejects with DocumentError 'storage_timeout' when IndexedDB does not answer. */
	openProfile(ars: string): Promise<ProfileSession>;
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

export function createProfileRepository(options: ProfileRepositoryOptions): ProfileRepository {
	const { db, registry } = options;
	const now = options.now ?? Date.now;

	const project = (profile: KommuneProfile) =>
		upsertKommuneProjection(db, projectionOfProfile(profile, now()));

	/** Opens the profile document, or says why it could not. */
	async function withDocument<T>(
		ars: string,
		work: (handle: DocumentHandle) => Promise<T>
	): Promise<T | ProfileSaveResult> {
		let handle: DocumentHandle;
		try {
			handle = await registry.open(profileDocName(ars));
		} catch (error) {
			if (isDocumentError(error)) return storageFailure(error.code);
			throw error;
		}
		try {
			return await work(handle);
		} catch (error) {
			if (isDocumentError(error)) return storageFailure(error.code);
			throw error;
		} finally {
			await handle.close();
		}
	}

	async function write(
		handle: DocumentHandle,
		profile: KommuneProfile
	): Promise<ProfileSaveResult> {
		const { ags: _derived, ...fields } = profile;
		writeProfile(handle.doc, fields, { now: now() });
		// Rule zero: the projection may claim only what is already stored on this device.
		await handle.whenStored();
		await project(profile);
		return { ok: true, ars: profile.ars, profile };
	}

	async function save(ars: string, input: ProfileFormInput): Promise<ProfileSaveResult> {
		const validation = validateProfileInput({ ...input, ars });
		if (!validation.ok) {
			// The ARS cannot change after creation; a type that does not fit it is the type's fault.
			const { ars: arsError, ...others } = validation.errors;
			const errors: ProfileFieldErrors = { ...others };
			if (arsError === 'ars_structure_type') errors.type = arsError;
			else if (arsError !== undefined) errors.ars = arsError;
			return { ok: false, reason: 'invalid', errors };
		}
		return withDocument(ars, async (handle) => {
			const stored = readProfile(handle.doc);
			// A malformed profile may be overwritten: saving every field repairs it.
			if (stored.profile === null && !stored.malformed) {
				return { ok: false, reason: 'not_found', errors: {}, formError: 'not_found' };
			}
			return write(handle, validation.value);
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
				return write(handle, validation.value);
			});
		},

		saveProfile: save,

		async openProfile(ars) {
			if (!validateArs(ars).ok) throw new Error(`not an ARS: ${ars}`);
			const handle = await registry.open(profileDocName(ars));
			const listeners = new Set<(read: ProfileRead) => void>();
			const ignore = () => undefined;
			const initial = readProfile(handle.doc);
			if (initial.profile !== null) project(initial.profile).catch(ignore);
			const stopObserving = observeProfile(handle.doc, (change) => {
				if (change.profile !== null) project(change.profile).catch(ignore);
				for (const listener of listeners) listener(change);
			});
			return {
				ars,
				handle,
				read: () => readProfile(handle.doc),
				subscribe(listener) {
					listeners.add(listener);
					return () => listeners.delete(listener);
				},
				save: (input) => save(ars, input),
				async close() {
					stopObserving();
					listeners.clear();
					await handle.close();
				}
			};
		}
	};
}

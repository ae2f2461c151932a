import { createSubscriber } from 'svelte/reactivity';
import type {
	KommuneProfile,
	ProfileField,
	ProfileFieldErrors,
	ProfileFormInput
} from '../../domain/kommune-profile';
import type { ProfileRead } from '../../crdt/profile-doc';
import { validateArs } from '../../domain/ars';
import { isDocumentError, type DocumentErrorCode } from '../../sync/document-status';
import type { ProfileRepository, ProfileSaveResult, ProfileSession } from './profile-repository';

/** The repository, or how to load it (the app context loads the document stack on first use). */
export type ProfileRepositorySource = ProfileRepository | (() => Promise<ProfileRepository>);

/**
 * One municipality's profile for its page. The document opens while something reads the editor's
 * state and closes when nothing does (or on `close()`); changes from other tabs or the server appear
 * as they arrive. A municipality that is not on this device is reported as `notFound` without opening
 * (and so creating) its document.
 */
export class ProfileEditor {
	readonly ars: string;
	#repository: () => Promise<ProfileRepository>;
	#session: ProfileSession | null = null;
	#closed = false;
	#profile = $state<KommuneProfile | null>(null);
	#malformed = $state(false);
	#newerSchema = $state(false);
	#loading = $state(true);
	#error = $state<DocumentErrorCode | null>(null);
	#fieldErrors = $state<ProfileFieldErrors>({});
	#saving = $state(false);
	#subscribe: () => void;

	constructor(repository: ProfileRepositorySource, ars: string) {
		this.#repository =
			typeof repository === 'function' ? repository : () => Promise.resolve(repository);
		this.ars = ars;
		this.#subscribe = createSubscriber(() => {
			if (this.#closed) return;
			let stopped = false;
			let unsubscribe = () => {};
			let session: ProfileSession | null = null;
			void this.#open().then((opened) => {
				if (opened === null) return;
				if (stopped || this.#closed) return void opened.close();
				session = this.#session = opened;
				this.#apply(opened.read());
				unsubscribe = opened.subscribe((read) => this.#apply(read));
			});
			return () => {
				stopped = true;
				unsubscribe();
				if (this.#session === session) this.#session = null;
				// close() may have closed it already; closing twice is harmless but wasteful.
				if (session !== null && !this.#closed) void session.close();
			};
		});
	}

	/** Loads the document code and opens the session; on failure records why and resolves null. */
	async #open(): Promise<ProfileSession | null> {
		let repository: ProfileRepository;
		try {
			repository = await this.#repository();
		} catch {
			// The chunk did not arrive (offline after a deploy); the next open asks for it again.
			this.#fail('code_load_failed');
			return null;
		}
		try {
			const session = await repository.openProfile(this.ars);
			if (session === null) this.#fail(null);
			return session;
		} catch (error) {
			// A malformed ARS in the URL means: not here. Anything else failed to open, and a storage
			// failure must never look like a missing municipality.
			if (isDocumentError(error)) this.#fail(error.code);
			else this.#fail(validateArs(this.ars).ok ? 'storage_timeout' : null);
			return null;
		}
	}

	/** Not loaded: `error` says why, or, when null, the municipality is not on this device. */
	#fail(error: DocumentErrorCode | null) {
		this.#error = error;
		this.#profile = null;
		this.#malformed = false;
		this.#loading = false;
	}

	#apply(read: ProfileRead) {
		this.#profile = read.profile;
		this.#malformed = read.malformed;
		this.#newerSchema = read.newerSchema;
		this.#error = null;
		this.#loading = false;
	}

	/** The profile, or null when this device has none for the ARS (or it is malformed). */
	get profile(): KommuneProfile | null {
		this.#subscribe();
		return this.#profile;
	}

	get loading(): boolean {
		this.#subscribe();
		return this.#loading;
	}

	/**
	 * Why the document could not be opened: 'storage_timeout', or 'code_load_failed' when the document
	 * code did not load (the next open tries again); null otherwise.
	 */
	get error(): DocumentErrorCode | null {
		this.#subscribe();
		return this.#error;
	}

	/** Loaded, and no profile for this ARS on this device. */
	get notFound(): boolean {
		this.#subscribe();
		return !this.#loading && this.#error === null && this.#profile === null && !this.#malformed;
	}

	/**
	 * The document holds a profile that does not validate: `profile` is null, but it is not "not found";
	 * saving the whole form repairs it.
	 */
	get malformed(): boolean {
		this.#subscribe();
		return this.#malformed;
	}

	/** Written by a newer app version. */
	get newerSchema(): boolean {
		this.#subscribe();
		return this.#newerSchema;
	}

	/** Error codes per field from the last save. */
	get fieldErrors(): ProfileFieldErrors {
		return this.#fieldErrors;
	}

	get saving(): boolean {
		return this.#saving;
	}

	/**
	 * Saves the fields listed in `changed` (those the user edited) from `input`; the others keep the
	 * value the document holds now, so an edit from another tab or device is not reverted. On a
	 * malformed profile every field is saved. On failure `fieldErrors` holds a code per field and the
	 * result's `formError` what concerns the whole form ('storage_write_failed': not stored on this
	 * device; 'code_load_failed': the document code did not load).
	 */
	async save(
		input: ProfileFormInput,
		changed: readonly ProfileField[]
	): Promise<ProfileSaveResult> {
		this.#saving = true;
		try {
			const result = await this.#save(input, changed);
			// The profile on screen follows the document (the subscription), not the result: the result may
			// be older than a change another tab made while the save waited for storage.
			this.#fieldErrors = result.ok ? {} : result.errors;
			return result;
		} finally {
			this.#saving = false;
		}
	}

	async #save(input: ProfileFormInput, changed: readonly ProfileField[]) {
		if (this.#session !== null) return this.#session.save(input, changed);
		let repository: ProfileRepository;
		try {
			repository = await this.#repository();
		} catch {
			return CODE_LOAD_FAILED;
		}
		return repository.saveProfile(this.ars, input, changed);
	}

	/** Releases the document now; the editor stays readable but no longer follows changes. */
	close(): void {
		if (this.#closed) return;
		this.#closed = true;
		const session = this.#session;
		this.#session = null;
		void session?.close();
	}
}

const CODE_LOAD_FAILED: ProfileSaveResult = {
	ok: false,
	reason: 'code_load_failed',
	errors: {},
	formError: 'code_load_failed'
};

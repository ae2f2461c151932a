import { createSubscriber } from 'svelte/reactivity';
import type {
	KommuneProfile,
	ProfileFieldErrors,
	ProfileFormInput
} from '../domain/kommune-profile';
import type { ProfileRead } from '../crdt/profile-doc';
import { isDocumentError, type DocumentErrorCode } from '../sync/document-status';
import type {
	ProfileRepository,
	ProfileSaveResult,
	ProfileSession
} from '../sync/profile-repository';

/** The repository, or how to load it (the app context loads the document stack on first use). */
export type ProfileRepositorySource = ProfileRepository | (() => Promise<ProfileRepository>);

/**
 * One municipality's profile for its page. The document opens while something reads the editor's
 * state and closes when nothing does (or on `close()`); changes from other tabs or the server appear
 * as they arrive.
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
			this.#repository()
				.then((loaded) => loaded.openProfile(ars))
				.then(
					(opened) => {
						if (stopped || this.#closed) return void opened.close();
						session = this.#session = opened;
						this.#apply(opened.read());
						unsubscribe = opened.subscribe((read) => this.#apply(read));
					},
					(error: unknown) => {
						// Anything but a storage failure (e.g. a malformed ARS in the URL) means: not here.
						this.#error = isDocumentError(error) ? error.code : null;
						this.#profile = null;
						this.#loading = false;
					}
				);
			return () => {
				stopped = true;
				unsubscribe();
				if (this.#session === session) this.#session = null;
				void session?.close();
			};
		});
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

	/** A storage failure while opening ('storage_timeout'); null otherwise. */
	get error(): DocumentErrorCode | null {
		this.#subscribe();
		return this.#error;
	}

	/** Loaded, and no profile for this ARS on this device. */
	get notFound(): boolean {
		this.#subscribe();
		return !this.#loading && this.#error === null && this.#profile === null && !this.#malformed;
	}

	/** The stored profile does not validate; saving the form repairs it. */
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

	/** Validates and saves; on failure `fieldErrors` holds a code per field. */
	async save(input: ProfileFormInput): Promise<ProfileSaveResult> {
		this.#saving = true;
		try {
			const result = await (this.#session?.save(input) ??
				this.#repository().then((loaded) => loaded.saveProfile(this.ars, input)));
			this.#fieldErrors = result.ok ? {} : result.errors;
			if (result.ok) this.#profile = result.profile;
			return result;
		} finally {
			this.#saving = false;
		}
	}

	/** Releases the document now; the editor stays readable but no longer follows changes. */
	close(): void {
		this.#closed = true;
		const session = this.#session;
		this.#session = null;
		void session?.close();
	}
}

// The composition root of the client, created once in the root +layout and handed to every page
// through Svelte context.
//
// What the start page needs (Dexie with the municipality list, the sync indicator, the update notice)
// is built at once. The document stack (yjs, y-indexeddb, the provider, profile validation) is
// imported on first use: opening a profile or creating a municipality. So the start page neither
// downloads nor runs it; the service worker precaches its chunks, so first use works offline too.

import { getContext, setContext } from 'svelte';
import type { ProfileFormInput } from '../domain/kommune-profile';
import { openDatabase, type KommunalwerkstattDb } from '../storage/db';
import type { ProfileRepository, ProfileSaveResult } from '../sync/profile-repository';
import type { TokenSource } from '../sync/token-source';
import { AppUpdate } from './app-update.svelte';
import type { DocumentServices } from './document-services';
import { KommunenList } from './kommunen-list.svelte';
import { ProfileEditor } from './profile-editor.svelte';
import { SyncStatus } from './sync-status.svelte';

export interface AppContext {
	readonly db: KommunalwerkstattDb;
	readonly kommunen: KommunenList;
	readonly syncStatus: SyncStatus;
	readonly update: AppUpdate;
	/** False on the plain-http LAN page (DESIGN.md §5); the UI says so in one line. */
	readonly isSecureContext: boolean;
	/** The document registry and repositories; the first call loads them. */
	loadDocumentServices(): Promise<DocumentServices>;
	/** An editor for one municipality; it opens the document only while read, or until `close()`. */
	profileEditor(ars: string): ProfileEditor;
	createKommune(input: ProfileFormInput): Promise<ProfileSaveResult>;
	/** Closes the open documents and their socket (when the document stack was loaded), then Dexie. */
	dispose(): Promise<void>;
}

export interface AppContextOptions {
	dbName?: string;
	tokenSource?: TokenSource;
	/** Defaults to ws(s)://<this host>/sync. */
	syncUrl?: string;
}

/** Builds the services without touching Svelte context (tests, workers). */
export function buildAppContext(options: AppContextOptions = {}): AppContext {
	const db = openDatabase(options.dbName);
	const syncStatus = new SyncStatus();
	let services: Promise<DocumentServices> | null = null;

	const loadDocumentServices = (): Promise<DocumentServices> =>
		(services ??= import('./document-services').then(
			({ createDocumentServices }) => {
				const created = createDocumentServices({ ...options, db });
				syncStatus.follow(created.documents);
				return created;
			},
			(error: unknown) => {
				// A chunk that did not arrive is asked for again on the next use.
				services = null;
				throw error;
			}
		));
	const loadProfiles = async () => (await loadDocumentServices()).profiles;

	return {
		db,
		kommunen: new KommunenList(db),
		syncStatus,
		update: new AppUpdate(),
		isSecureContext: syncStatus.isSecureContext,
		loadDocumentServices,
		profileEditor: (ars) => new ProfileEditor(loadProfiles, ars),
		async createKommune(input) {
			let profiles: ProfileRepository;
			try {
				profiles = await loadProfiles();
			} catch {
				return { ok: false, reason: 'code_load_failed', errors: {}, formError: 'code_load_failed' };
			}
			return profiles.createKommune(input);
		},
		async dispose() {
			const loaded = await services?.catch(() => null);
			await loaded?.documents.close();
			db.close();
		}
	};
}

const KEY = Symbol('app-context');

/** Call once during the root layout's initialisation. */
export const createAppContext = (options: AppContextOptions = {}): AppContext =>
	setContext(KEY, buildAppContext(options));

export function getAppContext(): AppContext {
	const context = getContext<AppContext | undefined>(KEY);
	if (context === undefined) throw new Error('createAppContext() was not called in +layout');
	return context;
}

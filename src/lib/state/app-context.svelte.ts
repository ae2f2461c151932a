// The composition root of the client, created once in the root +layout (browser only: y-indexeddb
// throws under SSR) and handed to every page through Svelte context.

import { getContext, setContext } from 'svelte';
import type { ProfileFormInput } from '../domain/kommune-profile';
import { openDatabase, type KommunalwerkstattDb } from '../storage/db';
import { createDocumentRegistry, type DocumentRegistry } from '../sync/document-registry';
import {
	createProfileRepository,
	type ProfileRepository,
	type ProfileSaveResult
} from '../sync/profile-repository';
import { createOwnerTokenSource, type TokenSource } from '../sync/token-source';
import { AppUpdate } from './app-update.svelte';
import { KommunenList } from './kommunen-list.svelte';
import { ProfileEditor } from './profile-editor.svelte';
import { SyncStatus } from './sync-status.svelte';

export interface AppContext {
	readonly db: KommunalwerkstattDb;
	readonly tokenSource: TokenSource;
	readonly documents: DocumentRegistry;
	readonly profiles: ProfileRepository;
	readonly kommunen: KommunenList;
	readonly syncStatus: SyncStatus;
	readonly update: AppUpdate;
	/** False on the plain-http LAN page (DESIGN.md §5); the UI says so in one line. */
	readonly isSecureContext: boolean;
	/** An editor for one municipality; it opens the document only while read, or until `close()`. */
	profileEditor(ars: string): ProfileEditor;
	createKommune(input: ProfileFormInput): Promise<ProfileSaveResult>;
	dispose(): void;
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
	const tokenSource = options.tokenSource ?? createOwnerTokenSource();
	const documents = createDocumentRegistry({
		db,
		tokenSource,
		...(options.syncUrl ? { socket: { url: options.syncUrl } } : {})
	});
	const profiles = createProfileRepository({ db, registry: documents });
	const syncStatus = new SyncStatus(documents);
	return {
		db,
		tokenSource,
		documents,
		profiles,
		kommunen: new KommunenList(db),
		syncStatus,
		update: new AppUpdate(),
		isSecureContext: syncStatus.isSecureContext,
		profileEditor: (ars) => new ProfileEditor(profiles, ars),
		createKommune: (input) => profiles.createKommune(input),
		dispose: () => db.close()
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

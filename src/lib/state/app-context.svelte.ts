// The app facade (ADR 12), created once in the root +layout and handed to every page through Svelte
// context: read-only getters over what is app-wide (the municipality list, the sync indicator, the
// update notice, the central connection, the server clock, the Viewer) and the factories of the
// feature state objects a page asks for, such as WorkshopWorkspace. Roles, presence and the writes of
// a feature live in that feature, not here.
//
// What the start page needs (Dexie with the municipality list, the sync indicator, the update notice)
// is built at once. The document stack (yjs, y-indexeddb, the provider, profile validation) is
// imported on first use (ADR 14's start route): keep every import of it here an `import()`.

import { getContext, setContext } from 'svelte';
import type { ProfileFormInput } from '../domain/kommune-profile';
import type * as Y from 'yjs';
import type { Catalog } from '../domain/check/catalog-types';
import { openDatabase } from '../storage/db';
import { usableCredential } from '../storage/credentials';
import { deleteSetting, getSetting, setSetting } from '../storage/settings';
import type { ProfileRepository, ProfileSaveResult } from './municipality/profile-repository';
import type { TokenSource } from '../sync/token-source';
import type { PhotoBlobs } from './photos/photo-blobs';
import { appErrorOf } from './app-error';
import { AppUpdate } from './app-update.svelte';
import type { DocumentServices } from './document-services';
import { KommunenList } from './kommunen-list.svelte';
import { InviteManager, type InviteTarget } from './invite-manager.svelte';
import { JoinFlow } from './join-flow.svelte';
import { createJoinApi, type JoinApi } from './joining/join-api';
import { LiveDocument } from './live-document.svelte';
import type { Participation } from './participation.svelte';
import type { Questionnaire } from './check/questionnaire.svelte';
import type { RoundResults } from './check/round-results.svelte';
import type { CheckRound } from './check/check-round.svelte';
import type { Municipality } from './municipality/municipality.svelte';
import { SessionsList } from './municipality/sessions-list.svelte';
import { ScopeDeletionFlow } from './deletion/scope-deletion-flow.svelte';
import type { DeletionTarget } from '../domain/deletion';
import { SyncStatus } from './sync-status.svelte';
import { CentralConnection } from './central/central-connection.svelte';
import { Clock } from './clock.svelte';
import { SharedDocument } from './shared-document.svelte';
import { Viewer, type OwnerAnswer } from './viewer.svelte';
import type { WorkshopWorkspace } from './workshop/workshop-workspace.svelte';
import type { MunicipalityPlan } from './municipality/municipality-plan.svelte';
import type { SyncFileTransfer } from './sync-file/sync-file-transfer.svelte';
import { measureServerOffset } from '../sync/server-clock';
import { loadServerInfo } from './server-info';

export interface AppContext {
	readonly kommunen: KommunenList;
	readonly syncStatus: SyncStatus;
	readonly update: AppUpdate;
	/** Who this device is and what it may do (the laptop's owner, or what it joined as). */
	readonly viewer: Viewer;
	/** The server's time as this device sees it (the countdown). */
	readonly clock: Clock;
	/** The central server this laptop uploads its municipalities to, set up once. */
	readonly central: CentralConnection;
	/** The small HTTP API of the laptop (joining, devices, network); no document code. */
	readonly joinApi: JoinApi;
	/**
	 * A workshop as this device works on it: its documents (each opened once while shown), this
	 * device's role in it and every feature of the day. Its code, with the document stack's, loads on
	 * first use; rejects when that code could not be loaded (`code_load_failed`).
	 */
	workshop(ars: string, workshop: string): Promise<WorkshopWorkspace>;
	/** The document registry and repositories; the first call loads them. */
	loadDocumentServices(): Promise<DocumentServices>;
	createKommune(input: ProfileFormInput): Promise<ProfileSaveResult>;
	/**
	 * One municipality: its profile, workshops and check rounds, and preparing new ones. Its code loads
	 * on first use, as the workshop's does (ADR 14).
	 */
	municipality(ars: string): Promise<Municipality>;
	/**
	 * The municipality's plan: every measure of its workshops, followed up by the facilitator (ADR 17).
	 * Its code, with the document stack's, loads on first use; rejects when it could not be loaded.
	 */
	plan(ars: string): Promise<MunicipalityPlan>;
	/** The workshops and check rounds of a municipality on this device. */
	sessions(ars: string): SessionsList;
	/** Deleting a municipality, workshop or check round, here or for good (ADR 11). */
	scopeDeletion(target: DeletionTarget): ScopeDeletionFlow;
	/**
	 * Saving a municipality as a sync file and reading one (ADR 22). Its code, with the document
	 * stack's, loads on first use; rejects when it could not be loaded.
	 */
	syncFile(): Promise<SyncFileTransfer>;
	/** Join codes, devices and the room's network for one workshop or round. */
	inviteManager(target: InviteTarget, managedDoc: string): InviteManager;
	joinFlow(code: string): JoinFlow;
	/** What this device joined, and the rosters of its workshops; its code loads on first use. */
	participation(): Promise<Participation>;
	/**
	 * A check round's results, live while shown (the page passes the catalogs, which only it loads).
	 * This and the two below load their code on first use, as the workshop's does (ADR 14).
	 */
	roundResults(
		ars: string,
		round: string,
		catalogOf: (version: string) => Catalog | null
	): Promise<RoundResults>;
	/** One Digital-Check round: title, respondents, setup and results (the page passes the catalogs). */
	checkRound(
		ars: string,
		round: string,
		catalogOf: (version: string) => Catalog | null
	): Promise<CheckRound>;
	/** A respondent answering the check (the page passes the catalogs, which only it loads). */
	questionnaire(
		name: string,
		catalogOf: (version: string) => Catalog | null
	): Promise<Questionnaire>;
	/** Closes the open documents and their socket (when the document stack was loaded), then Dexie. */
	dispose(): Promise<void>;
}

export interface AppContextOptions {
	dbName?: string;
	/** Replaces every token of this device (tests); it also answers whether this device is the owner. */
	tokenSource?: TokenSource;
	/** Defaults to ws(s)://<this host>/sync. */
	syncUrl?: string;
}

/** The Dexie setting that keeps the laptop server's last answer to "is this the owner?". */
const OWNER_SETTING = 'viewer.isOwner';

/** Builds the services without touching Svelte context (tests, workers). */
export function buildAppContext(options: AppContextOptions = {}): AppContext {
	const db = openDatabase(options.dbName);
	const syncStatus = new SyncStatus();
	let services: Promise<DocumentServices> | null = null;
	let ownerSource: Promise<TokenSource> | null = null;

	// The owner token source is small and holds no document code: the Viewer asks it on the start page,
	// and the document stack later uses the same one (one request for the token, not two).
	const loadOwnerSource = (): Promise<TokenSource> =>
		(ownerSource ??= options.tokenSource
			? Promise.resolve(options.tokenSource)
			: import('../sync/token-source').then(
					({ createOwnerTokenSource }) => createOwnerTokenSource(),
					(error: unknown) => {
						ownerSource = null;
						throw error;
					}
				));
	const loadDocumentServices = (): Promise<DocumentServices> =>
		(services ??= Promise.all([import('./document-services'), loadOwnerSource()]).then(
			([{ createDocumentServices }, owner]) => {
				const created = createDocumentServices({
					...options,
					owner,
					db,
					centralServer: () => central.settings ?? null
				});
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
	const open = async (name: string) => (await loadDocumentServices()).documents.open(name);
	/**
	 * A feature's code, loaded with `import()` (ADR 14) while the document code it will open its
	 * documents with loads too.
	 */
	const loadFeature = <M>(load: () => Promise<M>): Promise<M> => {
		loadDocumentServices().catch(() => undefined);
		return load();
	};
	const joinApi = createJoinApi();
	/** A token for `docName`: the owner's on the laptop, a joined device's elsewhere. */
	const tokenFor = async (docName: string) =>
		(await loadDocumentServices().catch(() => null))?.tokenSource.getToken(docName) ?? null;
	const viewer = new Viewer({
		async askOwner(): Promise<OwnerAnswer> {
			const source = await loadOwnerSource();
			if ((await source.getToken()) !== null) return 'owner';
			return source.state === 'denied' ? 'not_owner' : 'unknown';
		},
		remembered: {
			get: () => getSetting<boolean>(db, OWNER_SETTING),
			set: (isOwner) => setSetting(db, OWNER_SETTING, isOwner)
		},
		credential: (scope) => usableCredential(db, scope, Date.now())
	});
	const central = new CentralConnection({
		db,
		loadDocumentServices,
		// Only the laptop's owner uploads; a device in the room works on the laptop.
		mayUpload: () => viewer.whenKnown(),
		allowedCentral: async () => {
			const { info, fromCache } = await loadServerInfo();
			if (info === null) return undefined;
			// An answer cached before CENTRAL_URL existed lacks the field: ask again next time.
			return info.centralUrl ?? (fromCache ? undefined : null);
		}
	});
	const clock = new Clock(() => measureServerOffset());
	const kommunen = new KommunenList(db);
	/**
	 * Photos' bytes between this device and the laptop (ADR 20), loaded with `import()` (no document
	 * code: ADR 14) when the app starts or the first workshop opens.
	 */
	let photoBlobs: Promise<PhotoBlobs> | null = null;
	let disposed = false;
	const loadPhotoBlobs = (): Promise<PhotoBlobs> =>
		(photoBlobs ??= import('./photos/photo-blobs').then(
			({ createPhotoBlobs }) => createPhotoBlobs({ db, tokenFor }),
			(error: unknown) => {
				photoBlobs = null;
				throw error;
			}
		));
	// Photos taken while no server answered go up as soon as the app runs again, on any page: not
	// only once their workshop's page is opened. A device without photos loads nothing for it, and
	// the token (with it the document code) is asked for only when a photo waits.
	queueMicrotask(() => {
		if (disposed) return;
		// Code that did not arrive, or Dexie not readable, is tried again with the first workshop.
		void db.blobs
			.count()
			.then(async (count) => {
				if (count === 0 || disposed) return;
				const blobs = await loadPhotoBlobs();
				if (!disposed) await blobs.uploadWaiting();
			})
			.catch(() => undefined);
	});
	const liveDocument = <T>(name: string, read: (doc: Y.Doc) => T, initial: T) =>
		new LiveDocument(() => open(name), read, initial);
	async function writeTo(name: string, change: (doc: Y.Doc) => void) {
		const written = await new SharedDocument(() => open(name)).write(change);
		return written.ok ? null : written.error;
	}

	return {
		kommunen,
		syncStatus,
		update: new AppUpdate(),
		viewer,
		clock,
		central,
		joinApi,
		async workshop(ars, workshop) {
			// The document code loads while the workspace's code does and the role is looked up: the
			// documents open with all three.
			loadDocumentServices().catch(() => undefined);
			const [{ WorkshopWorkspace }, photoBlobs, admitted] = await Promise.all([
				import('./workshop/workshop-workspace.svelte'),
				loadPhotoBlobs(),
				import('./workshop/admitted-participants')
			]);
			return new WorkshopWorkspace({
				ars,
				workshop,
				open,
				role: () => viewer.workshopRole(ars, workshop),
				clock,
				municipalityName: () => kommunen.items.find((k) => k.ars === ars)?.name ?? null,
				photoBlobs,
				admittedParticipants: () =>
					admitted.admittedParticipants(
						admitted.laptopAdmittedParticipants({
							api: joinApi,
							tokenFor,
							db,
							ars,
							workshop
						})
					),
				drafts: {
					get: (key) => getSetting<string>(db, key),
					set: (key, text) => setSetting(db, key, text),
					delete: (key) => deleteSetting(db, key)
				}
			});
		},
		loadDocumentServices,
		async createKommune(input) {
			let profiles: ProfileRepository;
			try {
				profiles = await loadProfiles();
			} catch (error) {
				const code = appErrorOf(error);
				return { ok: false, reason: code, errors: {}, formError: code };
			}
			return profiles.createKommune(input);
		},
		async municipality(ars) {
			const { Municipality } = await loadFeature(
				() => import('./municipality/municipality.svelte')
			);
			return new Municipality({ db, services: loadDocumentServices }, ars);
		},
		async plan(ars) {
			const { MunicipalityPlan } = await loadFeature(
				() => import('./municipality/municipality-plan.svelte')
			);
			return new MunicipalityPlan({
				ars,
				sessions: new SessionsList(db, ars),
				open,
				role: (workshop) => viewer.workshopRole(ars, workshop)
			});
		},
		sessions: (ars) => new SessionsList(db, ars),
		scopeDeletion: (target) =>
			new ScopeDeletionFlow(async () => (await loadDocumentServices()).deletion, target),
		async syncFile() {
			const { SyncFileTransfer } = await loadFeature(
				() => import('./sync-file/sync-file-transfer.svelte')
			);
			return new SyncFileTransfer({
				db,
				registry: async () => (await loadDocumentServices()).documents,
				// Only the laptop's owner reads a file for now (ADR 22), and it may write every document.
				mayWrite: async () => {
					const isOwner = await viewer.whenKnown();
					return () => isOwner;
				}
			});
		},
		inviteManager: (target, managedDoc) =>
			new InviteManager({ api: joinApi, token: () => tokenFor(managedDoc), db, target }),
		joinFlow: (code) =>
			new JoinFlow({
				api: joinApi,
				code,
				keep: async (joined) =>
					(await import('./joining/keep-credential')).keepJoinedCredential(db, joined, writeTo),
				findExisting: (scope) => usableCredential(db, scope, Date.now())
			}),
		async participation() {
			const { Participation } = await loadFeature(() => import('./participation.svelte'));
			return new Participation(db, joinApi, liveDocument);
		},
		async roundResults(ars, round, catalogOf) {
			const { RoundResults } = await loadFeature(() => import('./check/round-results.svelte'));
			return new RoundResults({ open, ars, round, catalogOf });
		},
		async checkRound(ars, round, catalogOf) {
			const { CheckRound } = await loadFeature(() => import('./check/check-round.svelte'));
			return new CheckRound({ db, services: loadDocumentServices }, ars, round, catalogOf);
		},
		async questionnaire(name, catalogOf) {
			const { Questionnaire } = await loadFeature(() => import('./check/questionnaire.svelte'));
			return new Questionnaire(() => open(name), catalogOf);
		},
		async dispose() {
			disposed = true;
			central.dispose();
			(await photoBlobs?.catch(() => null))?.stop();
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

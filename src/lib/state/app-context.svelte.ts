// The composition root of the client, created once in the root +layout and handed to every page
// through Svelte context.
//
// What the start page needs (Dexie with the municipality list, the sync indicator, the update notice)
// is built at once. The document stack (yjs, y-indexeddb, the provider, profile validation) is
// imported on first use: opening a profile or creating a municipality. So the start page neither
// downloads nor runs it; the service worker precaches its chunks, so first use works offline too.

import { getContext, setContext } from 'svelte';
import { m } from '../paraglide/messages.js';
import type { ProfileFormInput } from '../domain/kommune-profile';
import type * as Y from 'yjs';
import type { Catalog } from '../domain/check/catalog-types';
import type { KommunalwerkstattDb } from '../storage/db';
import { openDatabase } from '../storage/db';
import { saveCredential, usableCredential } from '../storage/credentials';
import { createJoinApi, type JoinApi } from '../sync/join-api';
import type { JoinResponse } from '../sync/protocol';
import type { DocumentErrorCode } from '../sync/document-status';
import { writeDocument } from '../sync/write-document';
import { checkRoundPrefix, workshopPrefix } from '../domain/document-names';
import type { SessionRepository, SessionResult } from '../sync/session-repository';
import type { ProfileRepository, ProfileSaveResult } from '../sync/profile-repository';
import type { TokenSource } from '../sync/token-source';
import { AppUpdate } from './app-update.svelte';
import type { DocumentServices } from './document-services';
import { KommunenList } from './kommunen-list.svelte';
import { InviteManager, type InviteTarget } from './invite-manager.svelte';
import { JoinFlow } from './join-flow.svelte';
import { LiveDocument } from './live-document.svelte';
import { Participation } from './participation.svelte';
import { RespondentSession } from './respondent-session.svelte';
import { RoundProgress } from './round-progress.svelte';
import { RoundResults, type RoundResultsOptions } from './round-results.svelte';
import { ProfileEditor } from './profile-editor.svelte';
import { SessionsList } from './sessions-list.svelte';
import { ScopeDeletionFlow } from './scope-deletion-flow.svelte';
import type { DeletionTarget } from '../domain/deletion';
import { SyncStatus } from './sync-status.svelte';
import { CentralConnection } from './central-connection.svelte';
import { Clock } from './clock.svelte';
import { EMPTY_CONTROL, readControl, WorkshopControl } from './workshop-control.svelte';
import { WorkshopDay } from './workshop-day.svelte';
import type { CardBoard } from './card-board.svelte';
import type { Presence } from './presence.svelte';
import type { DotVoting } from './dot-voting.svelte';
import type { ImpactMatrix } from './impact-matrix.svelte';
import { writeVoting } from '../crdt/workshop-votes';
import { BoardUndo } from './board-undo.svelte';
import type { ActionFieldsBoard } from './action-fields-board.svelte';
import { setCardPhase } from '../crdt/workshop-run';
import { MODERATION_AUTHOR_ID, WorkshopNotes } from './workshop-notes.svelte';
import { readNotes } from '../crdt/workshop-notes';
import { measureServerOffset } from '../sync/server-clock';
import { loadServerInfo } from '../sync/server-info';
import {
	workshopBoardDocName,
	workshopControlDocName,
	workshopPrivateDocName
} from '../domain/document-names';

export interface AppContext {
	readonly db: KommunalwerkstattDb;
	readonly kommunen: KommunenList;
	readonly syncStatus: SyncStatus;
	readonly update: AppUpdate;
	/** False on the plain-http LAN page (ADR 6); the UI says so in one line. */
	readonly isSecureContext: boolean;
	/** The document registry and repositories; the first call loads them. */
	loadDocumentServices(): Promise<DocumentServices>;
	/** An editor for one municipality; it opens the document only while read, or until `close()`. */
	profileEditor(ars: string): ProfileEditor;
	createKommune(input: ProfileFormInput): Promise<ProfileSaveResult>;
	/** The small HTTP API of the laptop (joining, devices, network); no document code. */
	readonly joinApi: JoinApi;
	/** The workshops and check rounds of a municipality on this device. */
	sessions(ars: string): SessionsList;
	/** Deleting a municipality, workshop or check round, here or for good (ADR 11). */
	scopeDeletion(target: DeletionTarget): ScopeDeletionFlow;
	/** Preparing workshops and rounds; the document code loads on first use. */
	createWorkshop: SessionRepository['createWorkshop'];
	createCheckRound: SessionRepository['createCheckRound'];
	createDemoWorkshop: SessionRepository['createDemoWorkshop'];
	addRespondent: SessionRepository['addRespondent'];
	renameRespondent: SessionRepository['renameRespondent'];
	removeRespondent: SessionRepository['removeRespondent'];
	restoreRespondent: SessionRepository['restoreRespondent'];
	/** Join codes, devices and the room's network for one workshop or round. */
	inviteManager(target: InviteTarget, managedDoc: string): InviteManager;
	joinFlow(code: string): JoinFlow;
	/**
	 * Applies `change` to the named document and resolves once it is stored on this device: null, or the
	 * code of why it could not be stored.
	 */
	writeDocument(
		name: string,
		change: (doc: Y.Doc) => void
	): Promise<DocumentErrorCode | 'code_load_failed' | null>;
	/** A value read live from the named document while rendered (see LiveDocument). */
	liveDocument<T>(name: string, read: (doc: Y.Doc) => T, initial: T): LiveDocument<T>;
	participation(): Participation;
	/** A check round's results, live while shown (the page passes the catalogs and target reader). */
	roundResults(
		ars: string,
		round: string,
		catalogOf: (version: string) => Catalog | null,
		readTargets: RoundResultsOptions['readTargets']
	): RoundResults;
	/** A check round's respondents and how far each has got, live while shown. */
	roundProgress(
		ars: string,
		round: string,
		catalogOf: (version: string) => Catalog | null
	): RoundProgress;
	/** A respondent answering the check (the page passes the catalogs, which only it loads). */
	respondentSession(
		name: string,
		catalogOf: (version: string) => Catalog | null
	): RespondentSession;
	/** The server's time as this device sees it (the countdown). */
	readonly clock: Clock;
	/** A workshop's control document read live, for any device (the projector only reads). */
	workshopControl(ars: string, workshop: string): WorkshopControl;
	/** The facilitator running a workshop: the control document, read and written. */
	workshopDay(ars: string, workshop: string): WorkshopDay;
	/**
	 * The Kartenabfrage as this device takes part: as the participant it joined as, or else as the
	 * facilitator (the laptop's owner or a co-facilitator), who also starts private phases and reveals.
	 */
	cardBoard(ars: string, workshop: string): Promise<CardBoard>;
	/** The workshop's dot votes, as participant (votes), facilitator (runs them) or viewer. */
	dotVoting(ars: string, workshop: string): Promise<DotVoting>;
	/** The workshop's impact × effort matrix; a viewer's device only looks. */
	impactMatrix(ars: string, workshop: string): Promise<ImpactMatrix>;
	/** Undo and redo of this device's own changes on the workshop's board. */
	boardUndo(ars: string, workshop: string): BoardUndo;
	/** The workshop's Handlungsfelder; a viewer's device only looks. */
	actionFields(ars: string, workshop: string): Promise<ActionFieldsBoard>;
	/** Who is in the workshop now, and this device's presence in it (as participant or facilitator). */
	presence(ars: string, workshop: string): Promise<Presence>;
	/** Parking lot, decisions and protocol notes on the workshop's board, written as `authorId`. */
	workshopNotes(ars: string, workshop: string, authorId: string): WorkshopNotes;
	/** The central server this laptop uploads its municipalities to, set up once. */
	readonly central: CentralConnection;
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
				const created = createDocumentServices({
					...options,
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
	const loadSessions = async () => (await loadDocumentServices()).sessions;
	const joinApi = createJoinApi();
	/** A token for `docName`: the owner's on the laptop, a joined device's elsewhere. */
	const tokenFor = async (docName: string) =>
		(await loadDocumentServices().catch(() => null))?.tokenSource.getToken(docName) ?? null;
	const codeLoadFailed = { ok: false, error: 'code_load_failed' } as const;
	const central = new CentralConnection({
		db,
		loadDocumentServices,
		// The facilitator's laptop (the secure origin) uploads; a device in the room works on the laptop.
		mayUpload: syncStatus.isSecureContext,
		allowedCentral: async () => {
			const { info, fromCache } = await loadServerInfo();
			if (info === null) return undefined;
			// An answer cached before CENTRAL_URL existed lacks the field: ask again next time.
			return info.centralUrl ?? (fromCache ? undefined : null);
		}
	});
	const clock = new Clock(() => measureServerOffset());
	const liveDocument = <T>(name: string, read: (doc: Y.Doc) => T, initial: T) =>
		new LiveDocument(
			async () => (await loadDocumentServices()).documents.open(name),
			read,
			initial
		);
	async function writeTo(name: string, change: (doc: Y.Doc) => void) {
		const services = await loadDocumentServices().catch(() => null);
		if (!services) return 'code_load_failed' as const;
		const written = await writeDocument(services.documents, name, change);
		return written.ok ? null : written.error;
	}
	/**
	 * Who this device is in a workshop: a participant (their id), the facilitator (a co-facilitator's
	 * device, or the laptop: the owner, on localhost), or neither (a projector or viewer on the LAN,
	 * which only looks).
	 */
	async function workshopRole(ars: string, workshop: string) {
		// The document code loads while the credential is looked up: the page's documents open with both.
		loadDocumentServices().catch(() => undefined);
		const credential = await usableCredential(db, workshopPrefix(ars, workshop), Date.now());
		return {
			participant: credential?.role === 'teilnahme' ? credential.sub : null,
			moderates: credential === null ? syncStatus.isSecureContext : credential.role === 'moderation'
		};
	}
	const sessionCall = async <R extends SessionResult<unknown> | { ok: false; error: string }>(
		call: (repository: Awaited<ReturnType<typeof loadSessions>>) => Promise<R>
	): Promise<R | typeof codeLoadFailed> => {
		const repository = await loadSessions().catch(() => null);
		return repository ? call(repository) : codeLoadFailed;
	};

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
		joinApi,
		sessions: (ars) => new SessionsList(db, ars),
		scopeDeletion: (target) =>
			new ScopeDeletionFlow(async () => (await loadDocumentServices()).deletion, target),
		createWorkshop: (ars, title, date) => sessionCall((r) => r.createWorkshop(ars, title, date)),
		createCheckRound: (ars, title) => sessionCall((r) => r.createCheckRound(ars, title)),
		createDemoWorkshop: (ars, seed) => sessionCall((r) => r.createDemoWorkshop(ars, seed)),
		addRespondent: (ars, round, label, perspective) =>
			sessionCall((r) => r.addRespondent(ars, round, label, perspective)),
		renameRespondent: (ars, round, id, label) =>
			sessionCall((r) => r.renameRespondent(ars, round, id, label)),
		removeRespondent: (ars, round, id) => sessionCall((r) => r.removeRespondent(ars, round, id)),
		restoreRespondent: (ars, round, id) => sessionCall((r) => r.restoreRespondent(ars, round, id)),
		inviteManager: (target, managedDoc) =>
			new InviteManager({ api: joinApi, token: () => tokenFor(managedDoc), db, target }),
		joinFlow: (code) =>
			new JoinFlow({
				api: joinApi,
				code,
				keep: (joined) => keepCredential(joined),
				findExisting: (scope) => usableCredential(db, scope, Date.now())
			}),
		participation: () => new Participation(db, joinApi),
		roundResults: (ars, round, catalogOf, readTargets) =>
			new RoundResults({
				open: async (name) => (await loadDocumentServices()).documents.open(name),
				ars,
				round,
				catalogOf,
				readTargets
			}),
		roundProgress: (ars, round, catalogOf) =>
			new RoundProgress({
				open: async (name) => (await loadDocumentServices()).documents.open(name),
				ars,
				round,
				catalogOf
			}),
		respondentSession: (name, catalogOf) =>
			new RespondentSession(
				async () => (await loadDocumentServices()).documents.open(name),
				catalogOf
			),
		writeDocument: writeTo,
		liveDocument,
		clock,
		workshopControl: (ars, workshop) =>
			new WorkshopControl(
				liveDocument(workshopControlDocName(ars, workshop), readControl, EMPTY_CONTROL),
				clock
			),
		async presence(ars, workshop) {
			const credential = await usableCredential(db, workshopPrefix(ars, workshop), Date.now());
			const me =
				credential?.role === 'teilnahme' && credential.displayName
					? { name: credential.displayName, id: credential.sub }
					: { name: m.presence_moderation(), id: MODERATION_AUTHOR_ID };
			const board = workshopBoardDocName(ars, workshop);
			const { Presence } = await import('./presence.svelte');
			return new Presence(async () => (await loadDocumentServices()).documents.open(board), me);
		},
		async cardBoard(ars, workshop) {
			const [{ participant, moderates }, { CardBoard, EMPTY_BOARD, readBoard, readPrivateCards }] =
				await Promise.all([workshopRole(ars, workshop), import('./card-board.svelte')]);
			const control = workshopControlDocName(ars, workshop);
			const board = workshopBoardDocName(ars, workshop);
			const own = participant ? workshopPrivateDocName(ars, workshop, participant) : null;
			return new CardBoard({
				control: new WorkshopControl(liveDocument(control, readControl, EMPTY_CONTROL), clock),
				board: liveDocument(board, readBoard, EMPTY_BOARD),
				writeBoard: (change) => writeTo(board, change),
				own: own
					? {
							cards: liveDocument(own, readPrivateCards, []),
							write: (change) => writeTo(own, change)
						}
					: null,
				authorId: participant ?? MODERATION_AUTHOR_ID,
				moderation: !moderates
					? null
					: {
							setPhase: (blockId, phase) =>
								writeTo(control, (doc) => setCardPhase(doc, blockId, phase)),
							reveal: async (blockId, participantIds) => {
								const [services, reveal] = await Promise.all([
									loadDocumentServices(),
									import('../sync/reveal-private')
								]).catch(() => [null, null]);
								if (!services || !reveal) return { ok: false, error: 'storage_timeout' };
								return reveal.revealPrivateCards(services.documents, {
									ars,
									workshop,
									blockId,
									participantIds
								});
							}
						}
			});
		},
		async dotVoting(ars, workshop) {
			const [{ participant, moderates }, voting] = await Promise.all([
				workshopRole(ars, workshop),
				import('./dot-voting.svelte')
			]);
			const { DotVoting, EMPTY_VOTING_BOARD, readPrivateVotes, readVotingBoard } = voting;
			const control = workshopControlDocName(ars, workshop);
			const board = workshopBoardDocName(ars, workshop);
			const own = participant ? workshopPrivateDocName(ars, workshop, participant) : null;
			return new DotVoting({
				control: new WorkshopControl(liveDocument(control, readControl, EMPTY_CONTROL), clock),
				clock,
				board: liveDocument(board, readVotingBoard, EMPTY_VOTING_BOARD),
				writeBoard: (change) => writeTo(board, change),
				own: own
					? { votes: liveDocument(own, readPrivateVotes, []), write: (c) => writeTo(own, c) }
					: null,
				participantId: participant,
				moderation: !moderates
					? null
					: {
							setVoting: (blockId, setup) =>
								writeTo(control, (doc) => writeVoting(doc, blockId, setup)),
							reveal: async (blockId, participantIds) => {
								const [services, reveal] = await Promise.all([
									loadDocumentServices(),
									import('../sync/reveal-private')
								]).catch(() => [null, null]);
								if (!services || !reveal) return { ok: false, error: 'storage_timeout' };
								return reveal.revealPrivateVotes(services.documents, {
									ars,
									workshop,
									blockId,
									participantIds
								});
							}
						}
			});
		},
		async impactMatrix(ars, workshop) {
			const [{ participant, moderates }, { EMPTY_MATRIX_BOARD, ImpactMatrix, readMatrixBoard }] =
				await Promise.all([workshopRole(ars, workshop), import('./impact-matrix.svelte')]);
			const scorerId = participant ?? (moderates ? MODERATION_AUTHOR_ID : null);
			const board = workshopBoardDocName(ars, workshop);
			return new ImpactMatrix({
				control: new WorkshopControl(
					liveDocument(workshopControlDocName(ars, workshop), readControl, EMPTY_CONTROL),
					clock
				),
				board: liveDocument(board, readMatrixBoard, EMPTY_MATRIX_BOARD),
				writeBoard: (change) => writeTo(board, change),
				scorerId
			});
		},
		boardUndo: (ars, workshop) =>
			new BoardUndo(async () =>
				(await loadDocumentServices()).documents.open(workshopBoardDocName(ars, workshop))
			),
		async actionFields(ars, workshop) {
			const [{ participant, moderates }, fields] = await Promise.all([
				workshopRole(ars, workshop),
				import('./action-fields-board.svelte')
			]);
			const { ActionFieldsBoard, EMPTY_ACTION_FIELDS, readActionFieldsBoard } = fields;
			const board = workshopBoardDocName(ars, workshop);
			return new ActionFieldsBoard({
				control: new WorkshopControl(
					liveDocument(workshopControlDocName(ars, workshop), readControl, EMPTY_CONTROL),
					clock
				),
				board: liveDocument(board, readActionFieldsBoard, EMPTY_ACTION_FIELDS),
				writeBoard: (change) => writeTo(board, change),
				canWrite: participant !== null || moderates
			});
		},
		workshopDay: (ars, workshop) => {
			const name = workshopControlDocName(ars, workshop);
			return new WorkshopDay(liveDocument(name, readControl, EMPTY_CONTROL), clock, (change) =>
				writeTo(name, change)
			);
		},
		workshopNotes: (ars, workshop, authorId) => {
			const name = workshopBoardDocName(ars, workshop);
			return new WorkshopNotes(
				liveDocument(name, readNotes, []),
				(change) => writeTo(name, change),
				authorId
			);
		},
		central,
		async dispose() {
			central.dispose();
			const loaded = await services?.catch(() => null);
			await loaded?.documents.close();
			db.close();
		}
	};

	/** Stores what joining returned; a participant also announces their name in the workshop's roster. */
	async function keepCredential(joined: JoinResponse): Promise<void> {
		const { token, expiresAt, kind, role, sub, deviceId, ars, workshop, round, respondent } =
			joined;
		const scope = workshop ? workshopPrefix(ars, workshop) : checkRoundPrefix(ars, round ?? '');
		await saveCredential(db, {
			scope,
			token,
			docs: joined.docs,
			expiresAt,
			kind,
			role,
			sub,
			deviceId,
			ars,
			workshop,
			round,
			respondent,
			label: joined.label,
			displayName: joined.displayName,
			joinedAt: Date.now(),
			revokedAt: null
		});
		if (role === 'teilnahme' && workshop) {
			// Stored on this device now; it reaches the board when the landing page connects.
			const checkedIn = await (
				await loadDocumentServices()
			).sessions.checkInParticipant(ars, workshop, sub, joined.displayName);
			if (!checkedIn.ok) throw new Error(checkedIn.error);
		}
	}
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

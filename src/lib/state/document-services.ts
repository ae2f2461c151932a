// The document half of the composition root: yjs, y-indexeddb, the tab relay and the Hocuspocus
// provider, with the profile repository on top. The app context imports this module on first use
// (opening a profile, creating a municipality), so the start page, which lists only the Dexie
// projection, loads none of it.

import type { KommunalwerkstattDb } from '../storage/db';
import { createDocumentRegistry, type DocumentRegistry } from '../sync/document-registry';
import { createProfileRepository, type ProfileRepository } from './municipality/profile-repository';
import { createSessionRepository, type SessionRepository } from './municipality/session-repository';
import {
	createRespondentRepository,
	type RespondentRepository
} from './check/respondent-repository';
import { createDeviceTokenSource } from '../sync/device-token-source';
import { apiBaseOfSocket, createJoinApi } from './joining/join-api';
import { reloadRefusedDocument } from '../sync/refused-write';
import { createScopeDeletion, type ScopeDeletion } from './deletion/scope-deletion';
import { createOwnerTokenSource, type TokenSource } from '../sync/token-source';

export interface DocumentServices {
	readonly tokenSource: TokenSource;
	readonly documents: DocumentRegistry;
	readonly profiles: ProfileRepository;
	readonly sessions: SessionRepository;
	readonly respondents: RespondentRepository;
	/** Deleting municipalities, workshops and rounds, here or for good (ADR 11). */
	readonly deletion: ScopeDeletion;
}

export interface DocumentServicesOptions {
	db: KommunalwerkstattDb;
	tokenSource?: TokenSource;
	/** The laptop owner's token source, shared with the Viewer; a new one when not given. */
	owner?: TokenSource;
	/** Defaults to ws(s)://<this host>/sync. */
	syncUrl?: string;
	/** The central server set up on this device (CentralConnection's settings), or null. */
	centralServer?: () => { url: string; token: string; docs: string[] } | null;
}

export function createDocumentServices(options: DocumentServicesOptions): DocumentServices {
	const { db } = options;
	// The owner's token on the laptop; elsewhere the tokens this device got by joining with a code.
	const tokenSource =
		options.tokenSource ??
		createDeviceTokenSource({ owner: options.owner ?? createOwnerTokenSource(), db });
	const documents = createDocumentRegistry({
		db,
		tokenSource,
		// A document deleted for good elsewhere goes from this device too (ADR 11).
		onDeleted: (name) => void deletion.removeDeleted(name).catch(() => undefined),
		// An update the server's write rules (ADR 15) or byte budget (ADR 18) refused: the board is loaded
		// again from the server.
		onRefused: (name, reason) =>
			void reloadRefusedDocument(documents, name, reason).catch(() => undefined),
		...(options.syncUrl ? { socket: { url: options.syncUrl } } : {})
	});
	const api = createJoinApi();
	const deletion = createScopeDeletion({
		db,
		registry: documents,
		tokenSource,
		deleteOnServer: (token, scope) => api.deleteScope(token, scope),
		// "Endgültig löschen" deletes there too, with the central key (ADR 11).
		central: () => {
			const settings = options.centralServer?.() ?? null;
			if (settings === null) return null;
			const centralApi = createJoinApi({ baseUrl: apiBaseOfSocket(settings.url) });
			return {
				docs: settings.docs,
				deleteScope: (scope) => centralApi.deleteScope(settings.token, scope)
			};
		}
	});
	return {
		tokenSource,
		documents,
		deletion,
		profiles: createProfileRepository({ db, registry: documents }),
		sessions: createSessionRepository({ db, registry: documents }),
		respondents: createRespondentRepository({ registry: documents })
	};
}

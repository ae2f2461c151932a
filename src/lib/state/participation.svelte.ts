// What this device joined (its credentials), for the participant's page: which workshop or round, in
// which role and under which name, whether the facilitator removed the device, and a one-time code to
// add another device as the same person; for a participant, who else is in the room (keeping the board
// open here is what carries this device's check-in to the laptop).

import { createSubscriber } from 'svelte/reactivity';
import { readRoster, type RosterEntry } from '../crdt/workshop-doc';
import { workshopBoardDocName } from '../domain/document-names';
import type { CredentialRow, KommunalwerkstattDb } from '../storage/db';
import { watchCredentials } from '../storage/credentials';
import type { JoinApi } from './joining/join-api';
import type { ApiError } from '../contract/protocol';
import { ERROR_CODES, JOIN_PATH, type LinkCodeResponse } from '../contract/protocol';
import { markCredentialRevoked } from '../storage/credentials';
import type { DocumentAccess } from './document-access';
import type { LiveDocument } from './live-document.svelte';

export type { CredentialRow };

/** A one-time code for another device, with the link that opens it. */
export type DeviceLink = LinkCodeResponse & { scope: string; url: string };

export class Participation {
	#db: KommunalwerkstattDb;
	#api: JoinApi;
	#items = $state<CredentialRow[]>([]);
	#loaded = $state(false);
	#live: DocumentAccess['live'];
	#link = $state<DeviceLink | null>(null);
	#linkError = $state<ApiError | null>(null);
	#subscribe: () => void;

	constructor(db: KommunalwerkstattDb, api: JoinApi, live: DocumentAccess['live']) {
		this.#db = db;
		this.#api = api;
		this.#live = live;
		this.#subscribe = createSubscriber(() =>
			watchCredentials(
				db,
				(rows) => {
					this.#items = rows;
					this.#loaded = true;
				},
				() => (this.#loaded = true)
			)
		);
	}

	get credentials(): CredentialRow[] {
		this.#subscribe();
		return this.#items;
	}

	get loaded(): boolean {
		this.#subscribe();
		return this.#loaded;
	}

	/** Who has joined the workshop of a credential, live; null for a round or a removed device. */
	roster(credential: CredentialRow): LiveDocument<RosterEntry[]> | null {
		const { ars, workshop } = credential;
		if (!workshop || credential.revokedAt !== null) return null;
		return this.#live(workshopBoardDocName(ars, workshop), readRoster, []);
	}

	get link(): DeviceLink | null {
		return this.#link;
	}

	get linkError(): ApiError | null {
		return this.#linkError;
	}

	/** Asks the laptop for a one-time code that adds another device as this participant. */
	async createLink(credential: CredentialRow): Promise<void> {
		this.#linkError = null;
		const result = await this.#api.linkCode(credential.token);
		if (result.ok) {
			const url = `${globalThis.location.origin}${JOIN_PATH}/${result.value.code}`;
			this.#link = { ...result.value, scope: credential.scope, url };
			return;
		}
		this.#linkError = result.error;
		if (result.error === ERROR_CODES.deviceRevoked) {
			await markCredentialRevoked(this.#db, credential.deviceId, Date.now()).catch(() => undefined);
		}
	}
}

// What this device joined (its credentials), for the participant's page: which workshop or round, in
// which role and under which name, whether the facilitator removed the device, and a one-time code to
// add another device as the same person.

import { createSubscriber } from 'svelte/reactivity';
import type { CredentialRow, KommunalwerkstattDb } from '../storage/db';
import { watchCredentials } from '../storage/credentials';
import type { JoinApi } from './joining/join-api';
import type { ApiError } from '../sync/protocol';
import { ERROR_CODES, type LinkCodeResponse } from '../sync/protocol';
import { markCredentialRevoked } from '../storage/credentials';

export class Participation {
	#db: KommunalwerkstattDb;
	#api: JoinApi;
	#items = $state<CredentialRow[]>([]);
	#loaded = $state(false);
	#link = $state<(LinkCodeResponse & { scope: string }) | null>(null);
	#linkError = $state<ApiError | null>(null);
	#subscribe: () => void;

	constructor(db: KommunalwerkstattDb, api: JoinApi) {
		this.#db = db;
		this.#api = api;
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

	get link(): (LinkCodeResponse & { scope: string }) | null {
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
			this.#link = { ...result.value, scope: credential.scope };
			return;
		}
		this.#linkError = result.error;
		if (result.error === ERROR_CODES.deviceRevoked) {
			await markCredentialRevoked(this.#db, credential.deviceId, Date.now()).catch(() => undefined);
		}
	}
}

// Joining with a code (the page /join/<code>): first what the code is for, then the name, then the
// exchange for a token that this device keeps. The server decides; this only asks and reports.

import { createSubscriber } from 'svelte/reactivity';
import { validateDisplayName, type DisplayNameError } from '../domain/display-name';
import { checkRoundPrefix, workshopPrefix } from '../domain/document-names';
import type { CredentialRow } from '../storage/db';
import type { JoinApi } from './joining/join-api';
import type { ApiError } from '../contract/protocol';
import type { InvitationPreview, JoinResponse } from '../contract/protocol';

export type JoinError = ApiError | DisplayNameError | 'storage_write_failed';

export class JoinFlow {
	readonly code: string;
	#api: JoinApi;
	#keep: (joined: JoinResponse) => Promise<void>;
	#preview = $state<InvitationPreview | null>(null);
	#previewError = $state<ApiError | null>(null);
	#loading = $state(true);
	#joining = $state(false);
	#error = $state<JoinError | null>(null);
	#joined = $state<JoinResponse | null>(null);
	#existing = $state<CredentialRow | null>(null);
	#findExisting: (scope: string) => Promise<CredentialRow | null>;
	#subscribe: () => void;

	constructor(options: {
		api: JoinApi;
		code: string;
		/** Stores the credential (and announces the participant); rejects when it cannot be stored. */
		keep: (joined: JoinResponse) => Promise<void>;
		/** This device's usable credential for a workshop or round, if it joined before. */
		findExisting: (scope: string) => Promise<CredentialRow | null>;
	}) {
		this.#findExisting = options.findExisting;
		this.#api = options.api;
		this.code = options.code;
		this.#keep = options.keep;
		this.#subscribe = createSubscriber(() => {
			void this.#load();
		});
	}

	get preview(): InvitationPreview | null {
		this.#subscribe();
		return this.#preview;
	}

	get previewError(): ApiError | null {
		this.#subscribe();
		return this.#previewError;
	}

	get loading(): boolean {
		this.#subscribe();
		return this.#loading;
	}

	/** Whether the code asks for a name: participants and co-facilitators give one. */
	get needsName(): boolean {
		const kind = this.preview?.kind;
		return kind === 'teilnahme' || kind === 'co-moderation';
	}

	/**
	 * This device already takes part in what the code is for: joining again would make a new
	 * participant (and leave the first one's private cards behind), so the page offers to go on instead.
	 */
	get existing(): CredentialRow | null {
		return this.#existing;
	}

	get joining(): boolean {
		return this.#joining;
	}

	get error(): JoinError | null {
		return this.#error;
	}

	get joined(): JoinResponse | null {
		return this.#joined;
	}

	async join(displayName: string): Promise<boolean> {
		this.#error = null;
		let name: string | undefined;
		if (this.needsName) {
			const checked = validateDisplayName(displayName);
			if (!checked.ok) {
				this.#error = checked.error;
				return false;
			}
			name = checked.value;
		}
		this.#joining = true;
		try {
			const result = await this.#api.join(this.code, name);
			if (!result.ok) {
				this.#error = result.error;
				return false;
			}
			try {
				await this.#keep(result.value);
			} catch {
				this.#error = 'storage_write_failed';
				return false;
			}
			this.#joined = result.value;
			return true;
		} finally {
			this.#joining = false;
		}
	}

	async retry(): Promise<void> {
		this.#loading = true;
		await this.#load();
	}

	async #load(): Promise<void> {
		const result = await this.#api.preview(this.code);
		if (result.ok) {
			const { ars, workshop, round } = result.value;
			const scope = workshop ? workshopPrefix(ars, workshop) : checkRoundPrefix(ars, round ?? '');
			this.#existing = await this.#findExisting(scope).catch(() => null);
			this.#preview = result.value;
			this.#previewError = null;
		} else {
			this.#previewError = result.error;
		}
		this.#loading = false;
	}
}

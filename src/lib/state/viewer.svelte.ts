// Who this device is and what it may do (ADR 12), decided from what the device holds, never from how
// the page was opened: the laptop's owner is the browser the laptop server gives the owner token
// (loopback only, ADR 5); any other device has only the credentials it got by joining with a code
// (ADR 6). The server enforces every one of these rules again; the Viewer only keeps the UI from
// offering what would be refused.

import type { CredentialRow } from '../storage/db';
import { workshopPrefix } from '../domain/document-names';

/** What the laptop server answered when asked for the owner token; `unknown`: it could not be asked. */
export type OwnerAnswer = 'owner' | 'not_owner' | 'unknown';

/** This device in one workshop. */
export type WorkshopRole =
	/** Joined with a participant code: writes cards, dots and scores as this participant. */
	| { kind: 'participant'; participantId: string; displayName: string }
	/** The laptop's owner, or a device joined as co-facilitator: also runs the day. */
	| { kind: 'facilitator' }
	/** A projector or a device joined to watch: only looks. */
	| { kind: 'onlooker' };

type WorkshopCredential = Pick<CredentialRow, 'role' | 'sub' | 'displayName'>;

/**
 * A device's role in a workshop: its credential for the workshop decides; without one, the laptop's
 * owner facilitates and everyone else only looks.
 */
export function workshopRoleOf(
	credential: WorkshopCredential | null,
	isOwner: boolean
): WorkshopRole {
	if (credential === null) return isOwner ? { kind: 'facilitator' } : { kind: 'onlooker' };
	switch (credential.role) {
		case 'teilnahme':
			return {
				kind: 'participant',
				participantId: credential.sub,
				displayName: credential.displayName
			};
		case 'moderation':
			return { kind: 'facilitator' };
		default:
			return { kind: 'onlooker' };
	}
}

export interface ViewerOptions {
	/** Asks the laptop server for the owner token (once per page; the answer does not change). */
	askOwner: () => Promise<OwnerAnswer>;
	/** The last answer this device got, kept for when the server cannot be asked (offline). */
	remembered: {
		get(): Promise<boolean | undefined>;
		set(isOwner: boolean): Promise<void>;
	};
	/** This device's usable credential for a workshop or round scope, or null. */
	credential: (scope: string) => Promise<CredentialRow | null>;
}

export class Viewer {
	#options: ViewerOptions;
	#isOwner = $state(false);
	#known: Promise<boolean> | null = null;

	constructor(options: ViewerOptions) {
		this.#options = options;
	}

	/**
	 * Whether this browser is the laptop's owner: it manages municipalities, prepares workshops and
	 * rounds, and uploads to the central server. False until the answer is known.
	 */
	get isOwner(): boolean {
		void this.whenKnown();
		return this.#isOwner;
	}

	/** Resolves with `isOwner` once the laptop server answered (or the remembered answer stands in). */
	whenKnown(): Promise<boolean> {
		return (this.#known ??= this.#ask());
	}

	async #ask(): Promise<boolean> {
		const { askOwner, remembered } = this.#options;
		const answer = await askOwner().catch((): OwnerAnswer => 'unknown');
		let isOwner: boolean;
		if (answer === 'unknown') {
			// The laptop's own server is not running (the page came from the service worker): the last
			// answer stands in, so the facilitator keeps working offline.
			isOwner = (await remembered.get().catch(() => undefined)) ?? false;
		} else {
			isOwner = answer === 'owner';
			await remembered.set(isOwner).catch(() => undefined);
		}
		this.#isOwner = isOwner;
		return isOwner;
	}

	/** This device's role in a workshop, resolved once per workshop page. */
	async workshopRole(ars: string, workshop: string): Promise<WorkshopRole> {
		const [credential, isOwner] = await Promise.all([
			this.#options.credential(workshopPrefix(ars, workshop)).catch(() => null),
			this.whenKnown()
		]);
		return workshopRoleOf(credential, isOwner);
	}
}

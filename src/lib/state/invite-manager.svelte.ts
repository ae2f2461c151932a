// "Teilnehmende einladen" for one workshop or check round: the laptop's addresses (the facilitator picks
// the one the room uses), join codes with their links, whether any device of the room has reached the
// laptop, and the devices that joined (refreshed while the page shows them), with removal.

import { createSubscriber } from 'svelte/reactivity';
import { checkRoundPrefix, workshopPrefix } from '../domain/document-names';
import type { KommunalwerkstattDb } from '../storage/db';
import { getSetting, setSetting } from '../storage/settings';
import type { JoinApi } from './joining/join-api';
import type { ApiError, ApiResult } from '../contract/protocol';
import {
	JOIN_PATH,
	type DeviceInfo,
	type InvitationKind,
	type NetworkAddress,
	type ReachabilityInfo
} from '../contract/protocol';

/** `title` is read when a code is made, so a renamed workshop never needs a new manager. */
export type InviteTarget =
	| { ars: string; workshop: string; title: () => string }
	| { ars: string; round: string; title: () => string };

export interface CreatedInvitation {
	kind: InvitationKind;
	code: string;
	expiresAt: number;
	/** The respondent the code is for. */
	respondent?: string;
}

const ADDRESS_SETTING = 'lanAddress';
const REFRESH_MS = 3_000;

export class InviteManager {
	readonly target: InviteTarget;
	readonly scope: string;
	#api: JoinApi;
	#token: () => Promise<string | null>;
	#db: KommunalwerkstattDb;
	#addresses = $state<NetworkAddress[]>([]);
	#address = $state<string | null>(null);
	#port = $state<number | null>(null);
	#invitations = $state<CreatedInvitation[]>([]);
	#devices = $state<DeviceInfo[] | null>(null);
	#reachability = $state<ReachabilityInfo | null>(null);
	#error = $state<ApiError | 'no_token' | null>(null);
	#busy = $state(false);
	#subscribe: () => void;

	constructor(options: {
		api: JoinApi;
		token: () => Promise<string | null>;
		db: KommunalwerkstattDb;
		target: InviteTarget;
	}) {
		this.#api = options.api;
		this.#token = options.token;
		this.#db = options.db;
		this.target = options.target;
		this.scope =
			'workshop' in this.target
				? workshopPrefix(this.target.ars, this.target.workshop)
				: checkRoundPrefix(this.target.ars, this.target.round);
		this.#subscribe = createSubscriber(() => {
			void this.#loadNetwork();
			void this.refresh();
			const timer = setInterval(() => void this.refresh(), REFRESH_MS);
			return () => clearInterval(timer);
		});
	}

	get addresses(): NetworkAddress[] {
		this.#subscribe();
		return this.#addresses;
	}

	/** The address participants use; null while unknown (then the link uses this page's host). */
	get address(): string | null {
		this.#subscribe();
		return this.#address;
	}

	get invitations(): CreatedInvitation[] {
		return this.#invitations;
	}

	/** Null until the laptop has answered once: no empty state before that. */
	get devices(): DeviceInfo[] | null {
		this.#subscribe();
		return this.#devices;
	}

	get reachability(): ReachabilityInfo | null {
		this.#subscribe();
		return this.#reachability;
	}

	get error(): ApiError | 'no_token' | null {
		return this.#error;
	}

	get busy(): boolean {
		return this.#busy;
	}

	async chooseAddress(address: string): Promise<void> {
		this.#address = address;
		await setSetting(this.#db, ADDRESS_SETTING, address).catch(() => undefined);
	}

	/** `http://<address>:<port>/join/<code>`: what the QR code carries and participants type. */
	linkFor(code: string): string {
		const host =
			this.#address && this.#port ? `${this.#address}:${this.#port}` : globalThis.location.host;
		return `http://${host}${JOIN_PATH}/${code}`;
	}

	/** The link of the self-test page on the chosen address. */
	get selfTestLink(): string {
		const host =
			this.#address && this.#port ? `${this.#address}:${this.#port}` : globalThis.location.host;
		return `http://${host}/verbindungstest`;
	}

	invitationFor(kind: InvitationKind, respondent?: string): CreatedInvitation | null {
		return this.#invitations.find((i) => i.kind === kind && i.respondent === respondent) ?? null;
	}

	/** Creates a join code of `kind` (for a respondent, theirs); replaces an earlier one of that kind. */
	async invite(kind: InvitationKind, respondent?: { id: string; label: string }): Promise<boolean> {
		const target = this.target;
		const where =
			'workshop' in target
				? { workshop: target.workshop }
				: { round: target.round, ...(respondent ? { respondent: respondent.id } : {}) };
		const created = await this.#withToken((token) =>
			this.#api.invite(token, {
				kind,
				ars: target.ars,
				...where,
				label: target.title(),
				...(respondent ? { respondentLabel: respondent.label } : {})
			})
		);
		if (created === null) return false;
		const invitation: CreatedInvitation = {
			kind,
			code: created.code,
			expiresAt: created.expiresAt,
			...(respondent ? { respondent: respondent.id } : {})
		};
		this.#invitations = [
			...this.#invitations.filter((i) => i.kind !== kind || i.respondent !== respondent?.id),
			invitation
		];
		return true;
	}

	async removeDevice(id: string): Promise<boolean> {
		const removed = await this.#withToken((token) => this.#api.removeDevice(token, id));
		if (removed === null) return false;
		this.#devices = this.#devices?.filter((device) => device.id !== id) ?? null;
		return true;
	}

	/** Reads the device list and the reachability again (also every few seconds while shown). */
	async refresh(): Promise<void> {
		const token = await this.#token();
		if (token === null) return void (this.#error = 'no_token');
		const [devices, reachability] = await Promise.all([
			this.#api.devices(token, this.scope),
			this.#api.reachability(token)
		]);
		if (devices.ok) this.#devices = devices.value;
		else if (devices.error !== 'unreachable') this.#error = devices.error;
		if (reachability.ok) this.#reachability = reachability.value;
	}

	async #loadNetwork(): Promise<void> {
		const token = await this.#token();
		if (token === null) return;
		const network = await this.#api.network(token);
		if (!network.ok) return;
		this.#port = network.value.port;
		this.#addresses = network.value.addresses;
		const saved = await getSetting<string>(this.#db, ADDRESS_SETTING).catch(() => undefined);
		const known = network.value.addresses.map((a) => a.address);
		// The address chosen last time, if the laptop still has it; otherwise the first one.
		this.#address = saved && known.includes(saved) ? saved : (known[0] ?? null);
	}

	async #withToken<T>(call: (token: string) => Promise<ApiResult<T>>): Promise<T | null> {
		this.#busy = true;
		this.#error = null;
		try {
			const token = await this.#token();
			if (token === null) {
				this.#error = 'no_token';
				return null;
			}
			const result = await call(token);
			if (!result.ok) this.#error = result.error;
			return result.ok ? result.value : null;
		} finally {
			this.#busy = false;
		}
	}
}

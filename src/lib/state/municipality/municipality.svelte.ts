// One municipality as its page asks for it: the profile (read and edited), its workshops and check
// rounds on this device, and preparing new ones. The profile's document opens only while read; the
// list is the Dexie projection (SPEC.md S11), live while shown.

import {
	validateDate,
	validateTitle,
	type DateError,
	type TitleError
} from '../../domain/session-input';
import type { WriteError } from '../document-access';
import type { DocumentServices } from '../document-services';
import type { KommunalwerkstattDb, SessionRow } from '../../storage/db';
import { ProfileEditor } from './profile-editor.svelte';
import type { SessionRepository, SessionResult } from './session-repository';
import { SessionsList } from './sessions-list.svelte';

export interface MunicipalityContext {
	db: KommunalwerkstattDb;
	/** The document stack, loaded on first use. */
	services: () => Promise<DocumentServices>;
}

/** Preparing a workshop or round could not be done: which field it is about and why. */
export type PrepareError = {
	ok: false;
	field: 'title' | 'date' | 'form';
	error: TitleError | DateError | WriteError;
};

export type Prepared = { ok: true; value: SessionRow } | PrepareError;

export class Municipality {
	readonly ars: string;
	#services: () => Promise<DocumentServices>;
	#sessions: SessionsList;
	#profile: ProfileEditor | null = null;

	constructor(context: MunicipalityContext, ars: string) {
		this.ars = ars;
		this.#services = context.services;
		this.#sessions = new SessionsList(context.db, ars);
	}

	/** The profile, read and saved; its document opens while read, or until `close()`. */
	get profile(): ProfileEditor {
		return (this.#profile ??= new ProfileEditor(
			async () => (await this.#services()).profiles,
			this.ars
		));
	}

	get workshops(): SessionRow[] {
		return this.#sessions.workshops;
	}

	get checkRounds(): SessionRow[] {
		return this.#sessions.checkRounds;
	}

	/** True once the list has been read from this device's storage (or failed to be). */
	get sessionsLoaded(): boolean {
		return this.#sessions.loaded;
	}

	/** The list could not be read from this device's storage. */
	get sessionsFailed(): boolean {
		return this.#sessions.failed;
	}

	/** A workshop with its title and, if known, its date (ISO or ''), checked before anything is written. */
	async createWorkshop(rawTitle: string, rawDate: string): Promise<Prepared> {
		const title = validateTitle(rawTitle);
		if (!title.ok) return { ok: false, field: 'title', error: title.error };
		const date = validateDate(rawDate);
		if (!date.ok) return { ok: false, field: 'date', error: date.error };
		return this.#prepare((sessions) => sessions.createWorkshop(this.ars, title.value, date.value));
	}

	/** A Digital-Check round with its title, checked before anything is written. */
	async createCheckRound(rawTitle: string): Promise<Prepared> {
		const title = validateTitle(rawTitle);
		if (!title.ok) return { ok: false, field: 'title', error: title.error };
		return this.#prepare((sessions) => sessions.createCheckRound(this.ars, title.value));
	}

	/** A generated full workshop day to try things out with; each one is another (a new seed). */
	async createDemoWorkshop(seed = Date.now() % 2 ** 31): Promise<Prepared> {
		try {
			return await this.#prepare((sessions) => sessions.createDemoWorkshop(this.ars, seed));
		} catch {
			// The generator's code did not arrive (offline before it was cached): nothing was written.
			return { ok: false, field: 'form', error: 'code_load_failed' };
		}
	}

	/** Closes the profile's document if it is open. */
	close(): void {
		this.#profile?.close();
	}

	async #prepare(
		create: (sessions: SessionRepository) => Promise<SessionResult<SessionRow>>
	): Promise<Prepared> {
		const services = await this.#services().catch(() => null);
		if (services === null) return { ok: false, field: 'form', error: 'code_load_failed' };
		const created = await create(services.sessions);
		return created.ok ? created : { ok: false, field: 'form', error: created.error };
	}
}

// The facilitator's link to the central server: the address and moderation token entered once (kept in
// Dexie on this device), and the background sync they drive (central-sync.ts). The sync code loads
// only when a central server is set up, so a laptop without one carries none of it.

import { forgetCentralAcknowledgements } from '../../storage/durable-states';
import { forgetCentralUploads } from '../../storage/blobs';
import { getSetting, setSetting } from '../../storage/settings';
import type { KommunalwerkstattDb } from '../../storage/db';
import type { CentralAccessError, CentralSync, CentralSyncProgress } from './central-sync';
import type { DocumentServices } from '../document-services';

const SETTING_KEY = 'centralServer';

export interface CentralSettings {
	/** As the facilitator typed it (shown in the form). */
	address: string;
	/** The sync socket URL derived from it. */
	url: string;
	token: string;
	/** The token's subject. */
	sub: string;
	/** Document-name patterns the token covers. */
	docs: string[];
	expiresAt: number;
}

export type CentralSetupError =
	| CentralAccessError
	/** The laptop server names no central server (CENTRAL_URL), so the page may not connect to one. */
	| 'not_configured'
	/** The address is not the central server the laptop server names. */
	| 'not_allowed'
	| 'storage_failed'
	| 'code_load_failed';

export interface CentralConnectionOptions {
	db: KommunalwerkstattDb;
	loadDocumentServices: () => Promise<DocumentServices>;
	/** Only the facilitator's laptop syncs to the central server. */
	mayUpload: () => Promise<boolean>;
	/**
	 * The central server the laptop server allows this page to connect to (CENTRAL_URL, as a ws(s)://
	 * origin), or null; undefined when the laptop server could not be asked.
	 */
	allowedCentral: () => Promise<string | null | undefined>;
	now?: () => number;
}

const isSettings = (value: unknown): value is CentralSettings => {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return (
		typeof v.address === 'string' &&
		typeof v.url === 'string' &&
		typeof v.token === 'string' &&
		typeof v.sub === 'string' &&
		Array.isArray(v.docs) &&
		typeof v.expiresAt === 'number'
	);
};

export class CentralConnection {
	/** What is set up; null: no central server. Undefined until the setting was read. */
	settings = $state.raw<CentralSettings | null | undefined>(undefined);
	progress = $state.raw<CentralSyncProgress | null>(null);

	#options: CentralConnectionOptions;
	#sync: CentralSync | null = null;
	#disposed = false;

	constructor(options: CentralConnectionOptions) {
		this.#options = options;
	}

	/** Reads the setting and, on the facilitator's laptop, starts the background sync. */
	async init(): Promise<void> {
		let stored: unknown;
		try {
			stored = await getSetting(this.#options.db, SETTING_KEY);
		} catch {
			stored = undefined;
		}
		this.settings = isSettings(stored) ? stored : null;
		if (this.settings) await this.#start(this.settings);
	}

	/** Checks and keeps the access data, then syncs with them: null, or why they cannot be used. */
	async save(address: string, token: string): Promise<CentralSetupError | null> {
		let module: typeof import('./central-sync');
		try {
			module = await import('./central-sync');
		} catch {
			return 'code_load_failed';
		}
		const url = module.centralSyncUrl(address);
		if (url === null) return 'invalid_address';
		const access = module.readCentralToken(token, (this.#options.now ?? Date.now)());
		if (typeof access === 'string') return access;
		// The page's Content-Security-Policy lets it connect only to the laptop's CENTRAL_URL; any other
		// address would fail silently in the background, so it is refused here with a reason.
		const allowed = await this.#options.allowedCentral();
		if (allowed === null) return 'not_configured';
		if (allowed !== undefined && !url.startsWith(`${allowed}/`)) return 'not_allowed';
		const settings: CentralSettings = {
			address: address.trim(),
			url,
			token: token.trim(),
			sub: access.sub,
			docs: access.docs,
			expiresAt: access.expiresAt
		};
		try {
			if (this.settings?.url !== url) {
				await forgetCentralAcknowledgements(this.#options.db);
				await forgetCentralUploads(this.#options.db);
			}
			await setSetting(this.#options.db, SETTING_KEY, settings);
		} catch {
			return 'storage_failed';
		}
		this.settings = settings;
		await this.#start(settings);
		return null;
	}

	/** Forgets the central server on this device; what was uploaded stays there. */
	async remove(): Promise<boolean> {
		try {
			await this.#options.db.settings.delete(SETTING_KEY);
			await forgetCentralAcknowledgements(this.#options.db);
			await forgetCentralUploads(this.#options.db);
		} catch {
			return false;
		}
		this.#stop();
		this.settings = null;
		return true;
	}

	syncNow(): void {
		this.#sync?.syncNow();
	}

	dispose(): void {
		this.#disposed = true;
		this.#stop();
	}

	#stop(): void {
		this.#sync?.stop();
		this.#sync = null;
		this.progress = null;
	}

	async #start(settings: CentralSettings): Promise<void> {
		this.#stop();
		if (!(await this.#options.mayUpload())) return;
		let services: DocumentServices;
		let module: typeof import('./central-sync');
		try {
			[services, module] = await Promise.all([
				this.#options.loadDocumentServices(),
				import('./central-sync')
			]);
		} catch {
			return;
		}
		if (this.#disposed || this.settings !== settings) return;
		this.#sync = module.startCentralSync({
			registry: services.documents,
			db: this.#options.db,
			url: settings.url,
			token: settings.token,
			access: { sub: settings.sub, docs: settings.docs, expiresAt: settings.expiresAt },
			onProgress: (progress) => (this.progress = progress)
		});
		this.progress = this.#sync.progress;
	}
}

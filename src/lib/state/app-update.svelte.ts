// The service worker's update flow (ADR 1): a new version waits until the user agrees.
// Until then the old worker keeps serving the old precache, so every chunk the running page may still
// load stays available, and a running workshop is never switched to new code under its feet.

/** How often an open page asks the server whether a new version exists. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export class AppUpdate {
	#updateAvailable = $state(false);
	#offlineReady = $state(false);
	#supported = $state(false);
	#apply: ((reload?: boolean) => Promise<void>) | null = null;

	get updateAvailable(): boolean {
		return this.#updateAvailable;
	}

	get offlineReady(): boolean {
		return this.#offlineReady;
	}

	/** False on pages served over plain http from a LAN address: no service worker there. */
	get supported(): boolean {
		return this.#supported;
	}

	async register(): Promise<void> {
		if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
		this.#supported = true;
		const { registerSW } = await import('virtual:pwa-register');
		this.#apply = registerSW({
			immediate: true,
			onNeedRefresh: () => {
				this.#updateAvailable = true;
			},
			// The reload happens in applyUpdate for every case; the plugin's own reload only covers pages
			// that were already controlled when they loaded, not a first visit that receives an update.
			onNeedReload: () => undefined,
			onOfflineReady: () => {
				this.#offlineReady = true;
			},
			onRegisteredSW: (_url, registration) => {
				if (!registration) return;
				setInterval(() => {
					// A failed check (offline) is harmless; the next interval tries again.
					registration.update().catch(() => undefined);
				}, UPDATE_CHECK_INTERVAL_MS);
			}
		});
	}

	/** Activates the waiting version; the page reloads once the new worker has taken over. */
	async applyUpdate(): Promise<void> {
		navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
			once: true
		});
		await this.#apply?.(true);
	}

	dismissOfflineReady(): void {
		this.#offlineReady = false;
	}
}
